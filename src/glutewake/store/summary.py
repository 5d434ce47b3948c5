"""A small derived summary of each month, so neither `status` nor home parses years of journal.

`cache/days.json` holds, per month file, the file's identity (inode, size, mtime_ns) and what
was read from it: the days it marks done or rest, its symptom checks' pains and advice, and
its first and last "pain now". Only a file that parsed cleanly gets an entry, so a month whose
identity is unchanged is known to be good and is not parsed again; every other month file
(new, changed, or one that failed last time) is read and checked on every scan. The cache
is derived data: a missing, stale or damaged copy is ignored as a whole and rebuilt, and it
is never written while any file has a problem or when the data folder is read-only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from glutewake.core.journal import Month, month_of
from glutewake.core.records import ADVICE_LEVELS, Journal
from glutewake.store.datastore import MONTH_FILE, Store
from glutewake.store.errors import StoreError
from glutewake.store.files import atomic_write, ensure_dir, os_reason, try_locked

CACHE_VERSION = 2
# A file changed this soon after the mtime it was read at could change again within the
# same mtime tick (2 s on FAT), so its entry is used once but re-read on the next scan.
SETTLE_NS = 2_000_000_000

Stamp = tuple[int, int, int]  # inode, size, mtime_ns


class Days(NamedTuple):
    """What the streak and status need from the whole journal."""

    done: set[dt.date]
    rest: set[dt.date]
    last_check_at: dt.datetime | None
    last_advice: str | None


class CheckMark(NamedTuple):
    """One symptom check, as much as choosing the months behind its advice needs."""

    at: dt.datetime
    pain_during_run: int
    pain_after_run: int
    advice: str


class PainMark(NamedTuple):
    """A session's start and the "pain now" recorded after it."""

    started_at: dt.datetime
    pain_after: int


class MonthDigest(NamedTuple):
    """What one cleanly parsed month file holds, and which version of the file it was."""

    stamp: Stamp
    settled: bool  # the file was older than SETTLE_NS when read: the entry may be reused
    done: frozenset[dt.date]
    rest: frozenset[dt.date]
    checks: tuple[CheckMark, ...]
    pains: tuple[PainMark, ...]  # the first and last session with a "pain now", if any


@dataclass(frozen=True)
class Scan:
    """Every readable month's digest, and the files that could not be read."""

    months: dict[Month, MonthDigest]
    problems: list[StoreError]

    @property
    def days(self) -> Days:
        done: set[dt.date] = set()
        rest: set[dt.date] = set()
        for digest in self.months.values():
            done |= digest.done
            rest |= digest.rest
        checks = [mark for digest in self.months.values() for mark in digest.checks]
        last = max(checks, key=lambda mark: mark.at, default=None)
        return Days(done, rest, last.at if last else None, last.advice if last else None)


def journal_days(store: Store) -> Days:
    """Done and rest days of every month and the latest advice, re-reading only changed months.

    Raises the first problem (a malformed, newer-schema or unreadable month) like `read_journal`.
    """
    scan = scan_journal(store)
    if scan.problems:
        raise scan.problems[0]
    return scan.days


def scan_journal(store: Store, previous: Scan | None = None, *, save: bool = True) -> Scan:
    """Stat every month file; parse those the cache (or `previous`, a scan of this process)
    does not know in their present version, and collect the ones that fail. With `save`, an
    updated cache is written when every month parsed; it is never written otherwise."""
    known = previous.months if previous is not None else _load(_cache_path(store))
    began = time.time_ns()
    try:
        stamps = _month_stamps(store)
    except StoreError as error:
        return Scan({}, [error])
    months: dict[Month, MonthDigest] = {}
    problems: list[StoreError] = []
    for month, stamp in sorted(stamps.items()):
        digest = known.get(month)
        if digest is not None and digest.settled and digest.stamp == stamp:
            months[month] = digest
            continue
        try:
            journal = store.read_month(month)
        except StoreError as error:
            problems.append(error)
            continue
        if stamp is None:  # stat failed: count what was read, but never reuse it
            months[month] = _digest(journal, (-1, -1, -1), settled=False)
        else:
            months[month] = _digest(journal, stamp, settled=stamp[2] < began - SETTLE_NS)
    if save and not problems and months != known:
        _save(store, months)
    return Scan(months, problems)


def months_for_today(scan: Scan, today: dt.date) -> list[Month]:
    """The months whose records decide today's resumable session and the standing advice.

    This month (today's sessions), the latest symptom check's, the ones holding the worst
    pains among the checks before it, and those holding the last "pain now" before and after
    it. The advice computed from these months alone equals the one from the whole journal.
    """
    wanted = {month_of(today)}
    checks = [(mark, month) for month, digest in scan.months.items() for mark in digest.checks]
    if not checks:
        return sorted(wanted)
    latest, its_month = max(checks, key=lambda found: found[0].at)
    wanted.add(its_month)
    at = latest.at
    earlier = [found for found in checks if found[0].at < at]
    if earlier:
        wanted.add(max(earlier, key=lambda f: (f[0].pain_during_run, f[0].at))[1])
        wanted.add(max(earlier, key=lambda f: (f[0].pain_after_run, f[0].at))[1])
    spans = [
        (d.pains[0].started_at, d.pains[-1].started_at, month) for month, d in scan.months.items() if d.pains
    ]
    # The last pain before the check: in a month spanning it, or the month ending nearest it.
    wanted |= {month for first, last, month in spans if first < at <= last}
    before = [span for span in spans if span[1] < at]
    if before:
        wanted.add(max(before, key=lambda span: span[1])[2])
    if spans:
        newest = max(spans, key=lambda span: span[1])
        if newest[1] > at:
            wanted.add(newest[2])
    return sorted(wanted)


def _cache_path(store: Store) -> Path:
    return store.data_dir / "cache" / "days.json"


def _month_stamps(store: Store) -> dict[Month, Stamp | None]:
    stamps: dict[Month, Stamp | None] = {}
    try:
        entries = list(os.scandir(store.journal_dir))
    except FileNotFoundError:
        return stamps
    except OSError as error:
        raise StoreError(store.journal_dir, f"cannot read {store.journal_dir}: {os_reason(error)}") from None
    for entry in entries:
        found = MONTH_FILE.match(entry.name)
        if not found:
            continue
        month = (int(found.group(1)), int(found.group(2)))
        try:
            info = entry.stat()
        except OSError:
            stamps[month] = None  # read_month says what is wrong, if anything
            continue
        stamps[month] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return stamps


def _digest(journal: Journal, stamp: Stamp, *, settled: bool) -> MonthDigest:
    pains = [PainMark(s.started_at, s.pain_after) for s in journal.sessions if s.pain_after is not None]
    return MonthDigest(
        stamp=stamp,
        settled=settled,
        done=frozenset(s.day for s in journal.sessions if s.status == "completed"),
        rest=frozenset(r.day for r in journal.rest_days),
        checks=tuple(
            CheckMark(c.at, c.pain_during_run, c.pain_after_run, c.advice) for c in journal.symptom_checks
        ),
        pains=(pains[0], pains[-1]) if pains else (),
    )


# -- the cache file ------------------------------------------------------------------------


def _load(path: Path) -> dict[Month, MonthDigest]:
    """The cached digests; {} when the file is missing, of another version or damaged in any
    way, so that a bad cache is rebuilt, never trusted in part."""
    try:
        with open(path, encoding="utf-8") as file:
            document = json.load(file)
        if document.get("version") != CACHE_VERSION:
            return {}
        return {_month_key(key): _entry(value) for key, value in document["months"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _month_key(key: str) -> Month:
    found = MONTH_FILE.match(f"{key}.toml")
    if not found:
        raise ValueError(key)
    return int(found.group(1)), int(found.group(2))


def _entry(value: Any) -> MonthDigest:
    stamp = tuple(_integer(n) for n in value["stamp"])
    if len(stamp) != 3 or not isinstance(value["settled"], bool):
        raise ValueError(value)
    checks = [
        CheckMark(_moment(at), _pain(during), _pain(after), _advice(advice))
        for at, during, after, advice in value["checks"]
    ]
    pains = [PainMark(_moment(at), _pain(pain)) for at, pain in value["pains"]]
    if len(pains) > 2:
        raise ValueError(pains)
    return MonthDigest(
        stamp=(stamp[0], stamp[1], stamp[2]),
        settled=value["settled"],
        done=frozenset(map(dt.date.fromisoformat, value["done"])),
        rest=frozenset(map(dt.date.fromisoformat, value["rest"])),
        checks=tuple(checks),
        pains=tuple(pains),
    )


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _pain(value: Any) -> int:
    if not 0 <= _integer(value) <= 10:
        raise ValueError(value)
    return int(value)


def _moment(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment


def _advice(value: Any) -> str:
    if value not in ADVICE_LEVELS:
        raise ValueError(value)
    return str(value)


def _as_json(digest: MonthDigest) -> dict[str, Any]:
    return {
        "stamp": list(digest.stamp),
        "settled": digest.settled,
        "done": sorted(day.isoformat() for day in digest.done),
        "rest": sorted(day.isoformat() for day in digest.rest),
        "checks": [[c.at.isoformat(), c.pain_during_run, c.pain_after_run, c.advice] for c in digest.checks],
        "pains": [[p.started_at.isoformat(), p.pain_after] for p in digest.pains],
    }


def _save(store: Store, months: dict[Month, MonthDigest]) -> None:
    if not store.data_dir.is_dir():
        return  # never create the data folder just to cache an empty summary
    path = _cache_path(store)
    document = {
        "version": CACHE_VERSION,
        "months": {f"{y:04d}-{m:02d}": _as_json(d) for (y, m), d in months.items()},
    }
    data = json.dumps(document, separators=(",", ":"))
    try:
        ensure_dir(store.data_dir)  # refuses a read-only folder before the lock file is made
        with try_locked(store.lock_path) as held:
            if held:  # when a writer is busy, the next run refreshes the cache instead
                ensure_dir(path.parent)
                atomic_write(path, data.encode())
    except StoreError:
        pass  # a read-only data folder still gets its facts, just without the cache
