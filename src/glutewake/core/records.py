"""What the journal holds: sessions, rest days, other activities, symptom checks and
morning-after answers."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Literal, get_args

Side = Literal["left", "right"]
SessionStatus = Literal["partial", "completed"]
SessionSource = Literal["app", "log"]
AdviceLevel = Literal["rest", "beginner", "advanced"]
# Each vocabulary once: the sets the readers check against come from the types.
SIDES: tuple[Side, ...] = get_args(Side)
STATUSES: tuple[SessionStatus, ...] = get_args(SessionStatus)
SOURCES: tuple[SessionSource, ...] = get_args(SessionSource)
ADVICE_LEVELS: tuple[AdviceLevel, ...] = get_args(AdviceLevel)
Compared = Literal["better", "same", "worse"]
COMPARED: tuple[Compared, ...] = get_args(Compared)
MAX_ACTIVITY_MINUTES = 1440  # a day at most: the longest activity one record can hold
SPREAD_PLACES = ("knees", "achilles", "calves", "feet")


def new_id() -> str:
    """A unique record id: 128 random bits as 32 hex digits (like uuid4().hex, without the
    cost of importing uuid on every command's start)."""
    return os.urandom(16).hex()


@dataclass(frozen=True)
class SetRecord:
    """One set of a session: an exercise on one side (or none), reps done of the target."""

    exercise: str
    side: str | None
    reps: int
    target: int


@dataclass(frozen=True)
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

    @property
    def day(self) -> dt.date:
        """The local calendar day the session belongs to."""
        return self.started_at.date()


@dataclass(frozen=True)
class RestDay:
    """A day the user chose to rest: it neither breaks nor extends a streak."""

    id: str
    day: dt.date


@dataclass(frozen=True)
class Activity:
    """Another kind of exercise (swimming, cycling, elliptical, …) on a day."""

    id: str
    day: dt.date
    kind: str
    minutes: int


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class MorningCheck:
    """The morning-after answer: the hip this morning compared with before the last session,
    and the pain 0-10 if the user gave one."""

    id: str
    day: dt.date
    compared: Compared
    pain: int | None = None


RecordKind = Literal["sessions", "rest_days", "activities", "symptom_checks", "morning_checks"]
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
KIND_WORDS: dict[str, str] = {
    "sessions": "session",
    "rest_days": "rest day",
    "activities": "activity",
    "symptom_checks": "symptom check",
    "morning_checks": "morning-after answer",
}
"""Each kind of record in words, as the user reads it."""


@dataclass(frozen=True)
class Deletion:
    """The user removed a record: its kind and id, and when. A record of its own, kept in the
    month file of the record it removes, so it travels with the journal; the newest change
    of an id wins."""

    id: str
    """The id of the record it removes."""
    kind: RecordKind
    at: dt.datetime


@dataclass(frozen=True)
class PainEdit:
    """The user corrected a session's pains: the session's id, when, and the pains it now has."""

    id: str
    """The id of the session it edits."""
    at: dt.datetime
    pain_after: int | None = None
    pain_during: int | None = None


@dataclass(frozen=True)
class Journal:
    """Every record the store holds, each list ordered oldest first, and the deletions and
    edits that were applied to them (kept so they can be saved and exported)."""

    sessions: tuple[Session, ...] = ()
    rest_days: tuple[RestDay, ...] = ()
    activities: tuple[Activity, ...] = ()
    symptom_checks: tuple[SymptomCheck, ...] = field(default=())
    morning_checks: tuple[MorningCheck, ...] = ()
    deletions: tuple[Deletion, ...] = ()
    edits: tuple[PainEdit, ...] = ()
