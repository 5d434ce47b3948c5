"""The summary cache's test helpers: a journal of ten years, files aged past the settle
time, a spy on the months read, and the cache file read and written field by field."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import time
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.records import Journal, Session, SetRecord, SymptomCheck, new_id
from glutewake.store import Store

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 25)


def session(
    day: dt.date, pain_after: int | None = None, status: str = "completed", pain_during: int | None = None
) -> Session:
    started = dt.datetime.combine(day, dt.time(7, 30), TZ)
    return Session(
        new_id(),
        "beginner",
        "beginner",
        started,
        status,  # type: ignore[arg-type]
        "app",
        (SetRecord("side-lying-hip-abduction", "left", 10, 10),),
        ended_at=started + dt.timedelta(minutes=6),
        pain_after=pain_after,
        pain_during=pain_during,
    )


def check(day: dt.date, during: int, after: int, advanced: bool = False) -> SymptomCheck:
    return SymptomCheck(
        new_id(),
        dt.datetime.combine(day, dt.time(18, 0), TZ),
        during,
        after,
        False,
        False,
        (),
        True,
        advanced,
        "beginner",
    )


def ten_years(store: Store) -> None:
    """A session every third day for ten years, then every day of the last 30."""
    days = [TODAY - dt.timedelta(days=n) for n in range(3650, 30, -3)]
    days += [TODAY - dt.timedelta(days=n) for n in range(30, 0, -1)]
    store.import_journal(Journal(sessions=tuple(session(day, pain_after=2) for day in days)))
    settle(store)


def settle(store: Store) -> None:
    """Date every month file an hour back: the summary re-reads a file written moments ago."""
    an_hour_ago = time.time() - 3600
    for path in store.journal_dir.glob("*.toml"):
        os.utime(path, (an_hour_ago, an_hour_ago))


def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The months read from now on, in order."""
    read: list[tuple[int, int]] = []
    real = Store.read_month
    monkeypatch.setattr(
        Store,
        "read_month",
        lambda self, m, listing=None, **day: read.append(m) or real(self, m, listing, **day),
    )
    return read


FIELDS = ("stamp", "settled", "done", "rest", "checks", "last_check", "last_pains", "mornings", "ids")
"""An entry's fields, in the order the cache file holds them."""


def cache_file(data_dir: Path) -> Path:
    return data_dir / "cache" / "days.marshal"


def read_cache(path: Path) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """The file's header (format, version, Python, day start) and each month's entry by field."""
    *header, months = marshal.loads(path.read_bytes())
    return header, {key: dict(zip(FIELDS, entry, strict=True)) for key, entry in months.items()}


def write_cache(path: Path, header: list[Any], months: dict[str, Any]) -> None:
    """Write `months` (entries by field, or any value as it is) under `header`."""
    packed = {k: tuple(v.values()) if isinstance(v, dict) else v for k, v in months.items()}
    path.write_bytes(marshal.dumps((*header, packed)))
