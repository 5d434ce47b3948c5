"""What the summary cache holds of one month: its files' identity and a digest of what they
hold, computed from the month's journal (`summary_file.py` writes and reads them, `summary.py`
and `summary_update.py` make them).
"""

from __future__ import annotations

import datetime as dt
import os

from glutewake.core.advice_basis import (
    MORNING_WINDOW_DAYS,
    SessionPains,
    latest_check,
    latest_session_pains,
    pains_of,
)
from glutewake.core.frozen import frozen
from glutewake.core.records import MorningCheck, SymptomCheck

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from glutewake.core.journal import Month
    from glutewake.core.records import Journal
    from glutewake.store.folder import Listing
    from glutewake.store.journal_reader import JournalReader

# A file changed this soon after the mtime it was read at could change again within the
# same mtime tick (2 s on FAT), so its entry is used once but re-read on the next scan.
SETTLE_NS = 2_000_000_000

FileStamp = tuple[str, int, int, int]  # name, inode, size, mtime_ns
Stamp = tuple[FileStamp, ...]  # every file of one month, by name


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


def _month_stamps(store: JournalReader, listing: Listing) -> dict[Month, Stamp | None]:
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
