"""The summary cache kept up to date by a command that read only a few months (`log`).

`log` reads settings, the state files and the month it writes, never the rest of the journal,
so that ten years of history cost it no more than none. After its write, `keep_months` puts
the digests of the months it read into `cache/days.marshal`: in place of their entries when a
valid cache (this version, this day start) is there, else as a cache holding just those
months. A cache that lacks a month is never taken for the whole journal: `scan_journal`
stats every month file and reads each month the cache has no settled entry for in its present
version, so the next scan (`status`'s ordinary way, home) reads the missing months and saves
the cache whole; `status`'s quick way answers only from its own snapshot, which that scan
writes. A month whose ids another month's entry also holds gets no entry, so the next scan
reads it again and names both files.
"""

from __future__ import annotations

import time

from glutewake.store.errors import StoreError
from glutewake.store.summary_digest import SETTLE_NS, MonthDigest, _digest, _month_stamps
from glutewake.store.summary_file import _cache_path, _packed, _read, _write

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from glutewake.core.journal import Month
    from glutewake.store.journal_reader import JournalReader


def keep_months(store: JournalReader, months: Iterable[Month], day_starts_at: int) -> bool:
    """Read `months` now and put their digests (counted with `day_starts_at`) into the cache,
    which keeps every other month's entry when it is valid. True when the cache was written;
    False when one of the months cannot be read (the next scan names it), nothing changed, or
    the cache cannot be written (read-only, busy)."""
    began = time.time_ns()
    wanted = sorted(set(months))
    try:
        listing = store.listing()
        stamps = _month_stamps(store, {month: listing[month] for month in wanted if month in listing})
        digests: dict[Month, MonthDigest | None] = {}
        for month in wanted:
            stamp = stamps.get(month)
            if stamp is None:  # no file (or one that vanished): the month has no entry
                digests[month] = None
                continue
            journal = store.read_month(month, listing, day_starts_at=day_starts_at)
            settled = all(part[3] < began - SETTLE_NS for part in stamp)
            digests[month] = _digest(journal, stamp, settled=settled)
    except StoreError:
        return False
    entries, taken = _entries(_cache_path(store), day_starts_at, {f"{y:04d}-{m:02d}" for y, m in wanted})
    changed = False
    for (year, number), digest in digests.items():
        key = f"{year:04d}-{number:02d}"
        was = entries.pop(key, None)
        value = None
        if digest is not None and digest.ids.isdisjoint(taken):
            value = entries[key] = _packed(digest)
        changed |= value != was
    if not changed:
        return False
    return _write(store, dict(sorted(entries.items())), day_starts_at)


def _entries(path: str, day_starts_at: int, replaced: set[str]) -> tuple[dict[str, Any], set[str]]:
    """The cache file's entries by month, to change in place, and the ids the months not
    `replaced` hold. The other months' entries are not made into digests (that would cost as
    much as the rest of `log` at ten years): the scan that reads the file next checks every
    one of them, so a damaged entry still makes it rebuild the whole cache. No entries when
    the file is missing, damaged, of another Python, version or day start, or not of the
    shape (months, each with its ids last)."""
    entries = _read(path, day_starts_at)
    if entries is None:
        return {}, set()
    try:
        taken: set[str] = set()
        for key, value in entries.items():
            if key not in replaced:
                ids = value[-1]
                if type(ids) is not tuple:
                    raise TypeError(ids)
                taken.update(ids)
        return dict(entries), taken
    except (KeyError, TypeError, IndexError):
        return {}, set()
