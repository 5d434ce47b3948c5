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
import time

from glutewake.core.advice_basis import MORNING_WINDOW_DAYS, AdviceBasis, latest_check, latest_session_pains
from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import frozen
from glutewake.core.journal import Month, month_of
from glutewake.store.datastore import Listing, Store
from glutewake.store.errors import StoreError
from glutewake.store.summary_digest import SETTLE_NS, MonthDigest, _digest, _month_stamps
from glutewake.store.summary_file import _cache_path, _load, _save


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
