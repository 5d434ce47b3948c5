"""A small derived summary of each month, so `status` need not parse years of journal.

`cache/days.json` holds, per month file, the file's identity (inode, size, mtime) and the
days it marks done or rest plus its latest symptom check. Each run stats the month files
and re-reads only those whose identity changed; the cache is rewritten when anything did.
It is derived data: deleting it (or a stale or damaged copy) only costs one slower run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from glutewake.core.records import Journal
from glutewake.store.datastore import MONTH_FILE, Store
from glutewake.store.errors import StoreError
from glutewake.store.files import atomic_write, ensure_dir, try_locked

CACHE_VERSION = 1


class Days(NamedTuple):
    """What the streak and status need from the whole journal."""

    done: set[dt.date]
    rest: set[dt.date]
    last_check_at: dt.datetime | None
    last_advice: str | None


def journal_days(store: Store) -> Days:
    """Done and rest days of every month and the latest advice, re-reading only changed months."""
    cache_path = store.data_dir / "cache" / "days.json"
    cached = _load(cache_path)
    fresh: dict[str, Any] = {}
    changed = False
    for key, stamp in _month_stamps(store).items():
        entry = cached.get(key)
        if not isinstance(entry, dict) or entry.get("stamp") != stamp:
            year, month = int(key[:4]), int(key[5:7])
            entry = _digest(store.read_month((year, month)), stamp)
            changed = True
        fresh[key] = entry
    if changed or set(cached) != set(fresh):
        _save(store, cache_path, fresh)
    return _days(fresh)


def _month_stamps(store: Store) -> dict[str, list[int]]:
    stamps: dict[str, list[int]] = {}
    try:
        entries = list(os.scandir(store.journal_dir))
    except FileNotFoundError:
        return stamps
    except OSError as error:
        raise StoreError(store.journal_dir, f"cannot read {store.journal_dir}: {error.strerror}") \
            from None
    for entry in entries:
        if MONTH_FILE.match(entry.name):
            info = entry.stat()
            stamps[entry.name[:7]] = [info.st_ino, info.st_size, info.st_mtime_ns]
    return stamps


def _digest(journal: Journal, stamp: list[int]) -> dict[str, Any]:
    last = journal.symptom_checks[-1] if journal.symptom_checks else None
    return {
        "stamp": stamp,
        "done": sorted({s.day.isoformat() for s in journal.sessions if s.status == "completed"}),
        "rest": sorted({r.day.isoformat() for r in journal.rest_days}),
        "check": [last.at.isoformat(), last.advice] if last else None,
    }


def _days(months: dict[str, Any]) -> Days:
    done: set[dt.date] = set()
    rest: set[dt.date] = set()
    latest: tuple[dt.datetime, str] | None = None
    for entry in months.values():
        done.update(map(dt.date.fromisoformat, entry["done"]))
        rest.update(map(dt.date.fromisoformat, entry["rest"]))
        if entry["check"]:
            at = dt.datetime.fromisoformat(entry["check"][0])
            if latest is None or at > latest[0]:
                latest = (at, entry["check"][1])
    return Days(done, rest, latest[0] if latest else None, latest[1] if latest else None)


def _load(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as file:
            document = json.load(file)
        months = document["months"]
        if document.get("version") != CACHE_VERSION or not isinstance(months, dict):
            return {}
        return months
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # missing or damaged: it is rebuilt from the journal


def _save(store: Store, path: Path, months: dict[str, Any]) -> None:
    if not store.data_dir.is_dir():
        return  # never create the data folder just to cache an empty summary
    data = json.dumps({"version": CACHE_VERSION, "months": months}, separators=(",", ":"))
    try:
        ensure_dir(store.data_dir)  # refuses a read-only folder before the lock file is made
        with try_locked(store.lock_path) as held:
            if held:  # when a writer is busy, the next run refreshes the cache instead
                ensure_dir(path.parent)
                atomic_write(path, data.encode())
    except StoreError:
        pass  # a read-only data folder still gets its status, just without the cache
