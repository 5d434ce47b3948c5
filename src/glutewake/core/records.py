"""What the journal holds: sessions, rest days, other activities, symptom checks and
morning-after answers."""

from __future__ import annotations

import datetime as dt

from glutewake.core.days import DEFAULT_DAY_START, day_of
from glutewake.core.frozen import frozen
from glutewake.core.ids import new_id as new_id  # records are made with it; here for callers

TYPE_CHECKING = False  # `typing` costs every command's start; the types are for mypy only
if TYPE_CHECKING:
    from typing import Literal

    Side = Literal["left", "right"]
    SessionStatus = Literal["partial", "completed"]
    SessionSource = Literal["app", "log"]
    AdviceLevel = Literal["rest", "beginner", "advanced"]
    Compared = Literal["better", "same", "worse"]
    RecordKind = Literal["sessions", "rest_days", "activities", "symptom_checks", "morning_checks"]
# Each vocabulary once more for the readers' checks; mypy checks every word against its type,
# and a test that each type names exactly these words.
SIDES: tuple[Side, ...] = ("left", "right")
STATUSES: tuple[SessionStatus, ...] = ("partial", "completed")
SOURCES: tuple[SessionSource, ...] = ("app", "log")
ADVICE_LEVELS: tuple[AdviceLevel, ...] = ("rest", "beginner", "advanced")
COMPARED: tuple[Compared, ...] = ("better", "same", "worse")
RECORD_KINDS: tuple[RecordKind, ...] = (
    "sessions",
    "rest_days",
    "activities",
    "symptom_checks",
    "morning_checks",
)
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "Side": SIDES,
    "SessionStatus": STATUSES,
    "SessionSource": SOURCES,
    "AdviceLevel": ADVICE_LEVELS,
    "Compared": COMPARED,
    "RecordKind": RECORD_KINDS,
}

if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any name from here

    def __getattr__(name: str) -> object:
        """The Literal types for code that imports them at run time (made when first asked)."""
        if name in VOCABULARIES:
            from typing import Literal

            made = Literal[VOCABULARIES[name]]
            globals()[name] = made
            return made
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MAX_ACTIVITY_MINUTES = 1440  # a day at most: the longest activity one record can hold
MAX_NAME_LENGTH = 64  # the longest programme or exercise name a record may carry
MAX_PLAYED_SECONDS = 86_400  # a day at most: the longest playing time one session records
SPREAD_PLACES = ("knees", "achilles", "calves", "feet")


@frozen
class SetRecord:
    """One set of a session: an exercise on one side (or none), reps done of the target."""

    exercise: str
    side: str | None
    reps: int
    target: int


@frozen
class Session:
    """A programme played in the app or logged from the command line."""

    id: str
    programme: str
    phase: str
    started_at: dt.datetime
    status: SessionStatus
    source: SessionSource
    sets: tuple[SetRecord, ...] = ()
    ended_at: dt.datetime | None = None
    pain_after: int | None = None
    pain_during: int | None = None
    """The highest "it hurts" answer (0-10) given during the session, if any."""
    played_seconds: float | None = None
    """How long the app played it, over every part of a resumed session (pauses not counted)."""


@frozen
class RestDay:
    """A day the user chose to rest: it neither breaks nor extends a streak."""

    id: str
    day: dt.date


@frozen
class Activity:
    """Another kind of exercise (swimming, cycling, elliptical, …) on a day."""

    id: str
    day: dt.date
    kind: str
    minutes: int


@frozen
class SymptomCheck:
    """What the user reported in a symptom check, and the advice it gave."""

    id: str
    at: dt.datetime
    pain_during_run: int
    pain_after_run: int
    wobbly_gait: bool
    weight_on_one_hip: bool
    spread: tuple[str, ...]
    cleared_for_exercise: bool
    cleared_for_advanced: bool
    advice: AdviceLevel


@frozen
class MorningCheck:
    """The morning-after answer: the hip this morning compared with before the last session,
    and the pain 0-10 if the user gave one."""

    id: str
    day: dt.date
    compared: Compared
    pain: int | None = None


KIND_WORDS: dict[str, str] = {
    "sessions": "session",
    "rest_days": "rest day",
    "activities": "activity",
    "symptom_checks": "symptom check",
    "morning_checks": "morning-after answer",
}
"""Each kind of record in words, as the user reads it."""


@frozen
class Deletion:
    """The user removed a record: its kind and id, and when. A record of its own, kept in the
    month file of the record it removes, so it travels with the journal; the newest change
    of an id wins."""

    id: str
    """The id of the record it removes."""
    kind: RecordKind
    at: dt.datetime


@frozen
class PainEdit:
    """The user corrected a session's pains: the session's id, when, and the pains it now has."""

    id: str
    """The id of the session it edits."""
    at: dt.datetime
    pain_after: int | None = None
    pain_during: int | None = None


@frozen
class Journal:
    """Every record the store holds, each list ordered oldest first, and the deletions and
    edits that were applied to them (kept so they can be saved and exported).

    `day_starts_at` is the hour the user's days start (the store sets it when reading): the
    day of a session or a check is computed from it, never stored (`session_day`, `check_day`)."""

    sessions: tuple[Session, ...] = ()
    rest_days: tuple[RestDay, ...] = ()
    activities: tuple[Activity, ...] = ()
    symptom_checks: tuple[SymptomCheck, ...] = ()
    morning_checks: tuple[MorningCheck, ...] = ()
    deletions: tuple[Deletion, ...] = ()
    edits: tuple[PainEdit, ...] = ()
    day_starts_at: int = DEFAULT_DAY_START

    def record_count(self) -> int:
        """How many records it holds, of every kind (deletions and edits are not records)."""
        return (
            len(self.sessions)
            + len(self.rest_days)
            + len(self.activities)
            + len(self.symptom_checks)
            + len(self.morning_checks)
        )

    def day_of(self, moment: dt.datetime) -> dt.date:
        """The day `moment` counts for, with this journal's day start."""
        return day_of(moment, self.day_starts_at)

    def session_day(self, session: Session) -> dt.date:
        """The day a session counts for: the day of its start, with this journal's day start."""
        return day_of(session.started_at, self.day_starts_at)

    def check_day(self, check: SymptomCheck) -> dt.date:
        """The day a symptom check counts for."""
        return day_of(check.at, self.day_starts_at)
