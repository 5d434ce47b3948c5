"""A small derived summary of each month, so neither `status` nor home parses years of journal.

`cache/days.marshal` holds, per month, the identity (name, inode, size, mtime_ns) of every file of
that month (each device's, the single-file layout's, conflict copies), and what was read from
them: the days the month marks done or rest, what the standing advice reads (its symptom
checks' pains, its latest check in full, the pains of its latest session that recorded any,
and its morning-after answers of the month's last seven answered days) and the ids of its
records (so an id another month also holds is found without reading either), all under the
day start (`day_starts_at`) they were computed with: another day start makes every entry
stale, so the days are counted afresh when the setting changes. Only a month
whose files parsed cleanly gets an entry, so a month whose files are all unchanged is known to
be good and is not parsed again; every other month (a file added by a sync tool, changed,
removed, or one that failed last time) is read and checked on every scan. The cache
is derived data: a missing, stale or damaged copy is ignored as a whole and rebuilt, and it
is never written while any file has a problem or when the data folder is read-only. `log`,
which reads only the month it writes, puts just that month's entry in (`summary_update.py`):
a cache may lack months, and a scan reads every month it lacks.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys
import time

from glutewake.core.advice import (
    MORNING_WINDOW_DAYS,
    AdviceBasis,
    SessionPains,
    latest_check,
    latest_session_pains,
    pains_of,
)
from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import frozen
from glutewake.core.journal import Month, month_of
from glutewake.core.records import (
    ADVICE_LEVELS,
    COMPARED,
    SPREAD_PLACES,
    Journal,
    MorningCheck,
    SymptomCheck,
)
from glutewake.store.datastore import Listing, Store
from glutewake.store.errors import StoreError
from glutewake.store.files import (
    atomic_write,
    ensure_dir,
    remove_stale_temporaries,
    try_locked,
)

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.core.records import AdviceLevel as Level

CACHE_VERSION = 5
# A file changed this soon after the mtime it was read at could change again within the
# same mtime tick (2 s on FAT), so its entry is used once but re-read on the next scan.
SETTLE_NS = 2_000_000_000

FileStamp = tuple[str, int, int, int]  # name, inode, size, mtime_ns
Stamp = tuple[FileStamp, ...]  # every file of one month, by name


@frozen
class Days:
    """What the streak and status need from the whole journal."""

    done: set[dt.date]
    rest: set[dt.date]
    basis: AdviceBasis
    """What the standing advice reads, gathered from every month."""
    day_starts_at: int = DEFAULT_DAY_START
    """The day start the days were counted with."""


@frozen
class CheckMark:
    """One symptom check's pains, as much as finding the worst earlier ones needs."""

    at: dt.datetime
    id: str
    pain_during_run: int
    pain_after_run: int


@frozen
class MonthDigest:
    """What one cleanly parsed month file holds, and which version of the file it was."""

    stamp: Stamp
    settled: bool  # the file was older than SETTLE_NS when read: the entry may be reused
    done: frozenset[dt.date]
    rest: frozenset[dt.date]
    checks: tuple[CheckMark, ...]
    last_check: SymptomCheck | None
    last_pains: SessionPains | None  # of the month's latest session that recorded a pain
    mornings: tuple[MorningCheck, ...]  # those of the month's last MORNING_WINDOW_DAYS days
    ids: frozenset[str] = frozenset()
    """Every record's id, after the kind's letter (`s:` sessions, `r:` rest days, …)."""


@frozen
class Scan:
    """Every readable month's digest, and the files that could not be read."""

    months: dict[Month, MonthDigest]
    problems: list[StoreError]
    cached: dict[Month, MonthDigest]
    """What the cache file holds (as read, or as this process last wrote it)."""
    day_starts_at: int = DEFAULT_DAY_START
    """The day start the digests' days were counted with."""

    @property
    def days(self) -> Days:
        done: set[dt.date] = set()
        rest: set[dt.date] = set()
        for digest in self.months.values():
            done |= digest.done
            rest |= digest.rest
        return Days(done, rest, self.advice_basis(), self.day_starts_at)

    def advice_basis(self) -> AdviceBasis:
        """The standing advice's inputs; `basis_of` the whole journal gives the same."""
        digests = self.months.values()
        check = latest_check(d.last_check for d in digests if d.last_check is not None)
        worst = None
        if check is not None:
            earlier = [mark for d in digests for mark in d.checks if mark.at < check.at]
            if earlier:
                worst = (max(m.pain_during_run for m in earlier), max(m.pain_after_run for m in earlier))
        pains = latest_session_pains(d.last_pains for d in digests if d.last_pains is not None)
        mornings = tuple(m for d in digests for m in d.mornings)
        return AdviceBasis(check, worst, pains, mornings, self.day_starts_at)


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
    day_starts_at = store.day_starts_at()
    if previous is not None and previous.day_starts_at != day_starts_at:
        previous = None  # counted with another day start: every day is counted again
    cached = previous.cached if previous is not None else _load(_cache_path(store), day_starts_at)
    known = previous.months if previous is not None else cached
    began = time.time_ns()
    try:
        listing = store.listing()
        stamps = _month_stamps(store, listing)
    except StoreError as error:
        return Scan({}, [error], cached, day_starts_at)
    months: dict[Month, MonthDigest] = {}
    problems: list[StoreError] = []
    read_again: list[Month] = []
    for month, stamp in sorted(stamps.items()):
        digest = known.get(month)
        if digest is not None and digest.settled and digest.stamp == stamp:
            months[month] = digest
            continue
        try:
            journal = store.read_month(month, listing, day_starts_at=day_starts_at)
        except StoreError as error:
            problems.append(error)
            continue
        read_again.append(month)
        if stamp is None:  # stat failed: count what was read, but never reuse it
            months[month] = _digest(journal, (), settled=False)
        else:
            settled = all(part[3] < began - SETTLE_NS for part in stamp)
            months[month] = _digest(journal, stamp, settled=settled)
    repeated = _repeated(store, listing, months, read_again)
    if repeated is not None:
        problems.append(repeated)
    if save and not problems and months != cached and _save(store, months, day_starts_at):
        cached = months
    return Scan(months, problems, cached, day_starts_at)


def _repeated(
    store: Store, listing: Listing, months: dict[Month, MonthDigest], read_again: list[Month]
) -> StoreError | None:
    """An id that a month read again shares with another month (the months known from the
    cache were checked against each other when it was written): the store names both files."""
    for month in read_again:
        ids = months[month].ids
        for other, digest in months.items():
            if other != month and not ids.isdisjoint(digest.ids):
                pair = {key: store._merged_month(key, listing) for key in sorted((month, other))}
                return store._repeated(pair, listing)
    return None


def months_for_today(scan: Scan, today: dt.date) -> list[Month]:
    """The months whose records decide today's resumable session, the morning question and
    the standing advice: this month and the one the morning window starts in, the latest
    symptom check's, those holding the worst pains among the checks before it, and the one
    holding the latest session that recorded a pain. The advice computed from these months
    alone equals the one from the whole journal.
    """
    # A day's sessions and checks are in its month's file, or in the next day's when done
    # before the day start (with day_starts_at 4, one at 00:30 on the 1st counts for the 31st).
    wanted = {
        month_of(today),
        month_of(today + dt.timedelta(days=1)),
        month_of(today - dt.timedelta(days=MORNING_WINDOW_DAYS - 1)),
    }
    checks = [(mark, month) for month, digest in scan.months.items() for mark in digest.checks]
    if checks:
        latest, its_month = max(checks, key=lambda found: (found[0].at, found[0].id))
        wanted.add(its_month)
        earlier = [found for found in checks if found[0].at < latest.at]
        if earlier:
            wanted.add(max(earlier, key=lambda f: f[0].pain_during_run)[1])
            wanted.add(max(earlier, key=lambda f: f[0].pain_after_run)[1])
    pained = [
        (digest.last_pains, month) for month, digest in scan.months.items() if digest.last_pains is not None
    ]
    if pained:
        latest_pains = latest_session_pains(pains for pains, _ in pained)
        wanted.add(next(month for pains, month in pained if pains == latest_pains))
    return sorted(wanted)


def _cache_path(store: Store) -> str:
    return os.path.join(store.data_folder, "cache", "days.marshal")


def _month_stamps(store: Store, listing: Listing) -> dict[Month, Stamp | None]:
    stamps: dict[Month, Stamp | None] = {}
    for month, files in listing.items():
        if month is None:
            continue  # the state files: `status` reads them itself, they are few and small
        parts: list[FileStamp] = []
        for found in files:
            try:
                info = os.stat(os.path.join(store.journal_folder, found.name))
            except OSError:
                parts = []
                break  # read_month says what is wrong, if anything
            parts.append((found.name, info.st_ino, info.st_size, info.st_mtime_ns))
        stamps[month] = tuple(sorted(parts)) if parts else None
    return stamps


def _digest(journal: Journal, stamp: Stamp, *, settled: bool) -> MonthDigest:
    answered = sorted({m.day for m in journal.morning_checks})[-MORNING_WINDOW_DAYS:]
    return MonthDigest(
        stamp=stamp,
        settled=settled,
        done=frozenset(journal.session_day(s) for s in journal.sessions if s.status == "completed"),
        rest=frozenset(r.day for r in journal.rest_days),
        checks=tuple(
            CheckMark(c.at, c.id, c.pain_during_run, c.pain_after_run) for c in journal.symptom_checks
        ),
        last_check=latest_check(journal.symptom_checks),
        last_pains=latest_session_pains(
            pains_of(s) for s in journal.sessions if s.pain_after is not None or s.pain_during is not None
        ),
        mornings=tuple(m for m in journal.morning_checks if m.day in answered),
        ids=frozenset(
            f"{letter}:{record.id}"
            for kind, letter in _ID_LETTERS.items()
            for record in getattr(journal, kind)
        ),
    )


_ID_LETTERS = {
    "sessions": "s",
    "rest_days": "r",
    "activities": "a",
    "symptom_checks": "c",
    "morning_checks": "m",
}


# -- the cache file ------------------------------------------------------------------------
# `marshal`'s format (built in, already loaded for the parsed-TOML cache; `json` would cost
# `log` its import): a tuple of the format's tag, the Python that wrote it (marshal's format
# may change between versions), the day start and each month's entry by "YYYY-MM". An entry
# is a tuple: dates as ordinals, moments as ISO strings, the sets of days and ids as sorted
# tuples (marshal sorts a frozenset's items by their bytes to write it, which made writing
# the file four times slower; sorted, an unchanged entry is written the same, in any process).

FORMAT = "glutewake days"
OLD_NAME = "days.json"  # the JSON cache of versions before 5: removed when the cache is written


def _read(path: str, day_starts_at: int) -> dict[str, Any] | None:
    """The file's entries by month, unchecked; None when it is missing, damaged, foreign,
    written by another Python, of another version or counted with another day start."""
    try:
        with open(path, "rb") as file:
            kind, version, python, starts_at, months = marshal.loads(file.read())
    except Exception:  # missing, damaged or foreign: marshal raises several kinds of error
        return None
    if (kind, version, python, starts_at) != (FORMAT, CACHE_VERSION, sys.hexversion, day_starts_at):
        return None
    return months if type(months) is dict else None


def _load(path: str, day_starts_at: int) -> dict[Month, MonthDigest]:
    """The cached digests; {} when the file is missing, of another version, counted with
    another day start or damaged in any way, so that a bad cache is rebuilt, never trusted in part."""
    entries = _read(path, day_starts_at)
    if entries is None:
        return {}
    try:
        months = {}
        _READ_AS.clear()  # only the latest reading's: an app that scans often keeps no more
        for key, value in entries.items():
            month = months[_month_key(key)] = _entry(value)
            _READ_AS[id(month)] = (month, value)
        return months
    except Exception:  # any entry not of the shape: the whole file is ignored
        _READ_AS.clear()
        return {}


_READ_AS: dict[int, tuple[MonthDigest, Any]] = {}
"""Each digest `_load` made, by identity, with the entry it was made from: saving the cache
again writes that entry for a digest still in use instead of packing it once more (the
digest itself is kept alongside, so its id cannot be taken by another object)."""


def _packed_of(digest: MonthDigest) -> Any:
    read = _READ_AS.get(id(digest))
    return read[1] if read is not None and read[0] is digest else _packed(digest)


def _month_key(key: str) -> Month:
    year, dash, number = key.partition("-")
    if not (dash and len(year) == 4 and len(number) == 2 and year.isdigit() and number.isdigit()):
        raise ValueError(key)
    if not 1 <= int(number) <= 12:
        raise ValueError(key)
    return int(year), int(number)


def _entry(value: Any) -> MonthDigest:
    stamp, settled, done, rest, checks, last_check, last_pains, mornings, ids = value
    stamp = tuple(_file_stamp(part) for part in stamp)
    if not stamp or type(settled) is not bool:
        raise ValueError(value)
    if type(ids) is not tuple or not all(type(i) is str and i[1:2] == ":" for i in ids):
        raise ValueError(ids)
    marks = [
        CheckMark(_moment(at), _text(check_id), _pain(during), _pain(after))
        for at, check_id, during, after in checks
    ]
    pains = None
    if last_pains is not None:
        started, pain_after, pain_during = last_pains
        pains = SessionPains(_moment(started), _maybe_pain(pain_after), _maybe_pain(pain_during))
    answers = [
        MorningCheck(_text(morning_id), _day(day), _choice(compared), _maybe_pain(pain))
        for morning_id, day, compared, pain in mornings
    ]
    return MonthDigest(
        stamp=stamp,
        settled=settled,
        done=frozenset(map(_day, done)),
        rest=frozenset(map(_day, rest)),
        checks=tuple(marks),
        last_check=None if last_check is None else _check(last_check),
        last_pains=pains,
        mornings=tuple(answers),
        ids=frozenset(ids),
    )


def _file_stamp(value: Any) -> FileStamp:
    name, inode, size, mtime = value
    return (_text(name), _integer(inode), _integer(size), _integer(mtime))


def _check(value: Any) -> SymptomCheck:
    (check_id, at, during, after, wobbly, one_hip, spread, cleared, cleared_advanced, advice) = value
    if not all(type(flag) is bool for flag in (wobbly, one_hip, cleared, cleared_advanced)):
        raise TypeError(value)
    if type(spread) is not tuple or not set(spread) <= set(SPREAD_PLACES):
        raise ValueError(spread)
    return SymptomCheck(
        _text(check_id),
        _moment(at),
        _pain(during),
        _pain(after),
        wobbly,
        one_hip,
        spread,
        cleared,
        cleared_advanced,
        _advice(advice),
    )


def _check_packed(check: SymptomCheck) -> tuple[Any, ...]:
    return (
        check.id,
        check.at.isoformat(),
        check.pain_during_run,
        check.pain_after_run,
        check.wobbly_gait,
        check.weight_on_one_hip,
        tuple(check.spread),
        check.cleared_for_exercise,
        check.cleared_for_advanced,
        check.advice,
    )


def _text(value: Any) -> str:
    if type(value) is not str or not value:
        raise TypeError(value)
    return value


def _maybe_pain(value: Any) -> int | None:
    return None if value is None else _pain(value)


def _choice(value: Any) -> Any:
    if value not in COMPARED:
        raise ValueError(value)
    return value


def _integer(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(value)
    return value


def _pain(value: Any) -> int:
    if not 0 <= _integer(value) <= 10:
        raise ValueError(value)
    return int(value)


def _day(value: Any) -> dt.date:
    return dt.date.fromordinal(_integer(value))


def _moment(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment


def _advice(value: Any) -> Level:
    if value not in ADVICE_LEVELS:
        raise ValueError(value)
    level: Level = value
    return level


def _packed(digest: MonthDigest) -> tuple[Any, ...]:
    pains = digest.last_pains
    return (
        digest.stamp,
        digest.settled,
        tuple(sorted(day.toordinal() for day in digest.done)),
        tuple(sorted(day.toordinal() for day in digest.rest)),
        tuple((c.at.isoformat(), c.id, c.pain_during_run, c.pain_after_run) for c in digest.checks),
        None if digest.last_check is None else _check_packed(digest.last_check),
        None if pains is None else (pains.started_at.isoformat(), pains.pain_after, pains.pain_during),
        tuple((m.id, m.day.toordinal(), m.compared, m.pain) for m in digest.mornings),
        tuple(sorted(digest.ids)),
    )


def _save(store: Store, months: dict[Month, MonthDigest], day_starts_at: int) -> bool:
    """Write the cache; False when it was not written (no data folder, read-only, busy)."""
    entries = {f"{y:04d}-{m:02d}": _packed_of(d) for (y, m), d in months.items()}
    return _write(store, entries, day_starts_at)


def _write(store: Store, entries: dict[str, Any], day_starts_at: int) -> bool:
    """Write the cache file holding `entries`; False when it was not written."""
    if not os.path.isdir(store.data_folder):
        return False  # never create the data folder just to cache an empty summary
    path = _cache_path(store)
    data = marshal.dumps((FORMAT, CACHE_VERSION, sys.hexversion, day_starts_at, entries))
    try:
        ensure_dir(store.data_folder)  # refuses a read-only folder before the lock file is made
        with try_locked(store.lock_file) as held:
            if held:  # when a writer is busy, the next run refreshes the cache instead
                folder = os.path.dirname(path)
                ensure_dir(folder)
                remove_stale_temporaries(folder)
                atomic_write(path, data, durable=False)
                try:
                    os.unlink(os.path.join(folder, OLD_NAME))
                except OSError:
                    pass  # none there (the usual case), or it cannot go: it is never read
            return held
    except StoreError:
        return False  # a read-only data folder still gets its facts, just without the cache
