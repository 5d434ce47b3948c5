"""The summary cache file, `cache/days.marshal`.

`marshal`'s format (built in, already loaded for the parsed-TOML cache; `json` would cost
`log` its import): a tuple of the format's tag, the Python that wrote it (marshal's format
may change between versions), the day start and each month's entry by "YYYY-MM". An entry
is a tuple: dates as ordinals, moments as ISO strings, the sets of days and ids as sorted
tuples (marshal sorts a frozenset's items by their bytes to write it, which made writing
the file four times slower; sorted, an unchanged entry is written the same, in any process).
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys

from glutewake.core.advice_basis import SessionPains
from glutewake.core.records import (
    ADVICE_LEVELS,
    COMPARED,
    SPREAD_PLACES,
    MorningCheck,
    SymptomCheck,
)
from glutewake.store.errors import StoreError
from glutewake.store.files import (
    atomic_write,
    ensure_dir,
    remove_stale_temporaries,
    try_locked,
)
from glutewake.store.summary_digest import CheckMark, MonthDigest

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.core.journal import Month
    from glutewake.core.records import AdviceLevel as Level
    from glutewake.store.journal_reader import JournalReader
    from glutewake.store.summary_digest import FileStamp

CACHE_VERSION = 5


def _cache_path(store: JournalReader) -> str:
    return os.path.join(store.data_folder, "cache", "days.marshal")


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


def _save(store: JournalReader, months: dict[Month, MonthDigest], day_starts_at: int) -> bool:
    """Write the cache; False when it was not written (no data folder, read-only, busy)."""
    entries = {f"{y:04d}-{m:02d}": _packed_of(d) for (y, m), d in months.items()}
    return _write(store, entries, day_starts_at)


def _write(store: JournalReader, entries: dict[str, Any], day_starts_at: int) -> bool:
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
