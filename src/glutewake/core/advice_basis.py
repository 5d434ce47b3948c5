"""What the standing advice rests on, picked from the journal: the latest symptom check and
the worst pains before it, the pains of the latest session that recorded any, and the
morning-after answers. The summary cache keeps exactly this (`AdviceBasis`), so a command
can decide the advice without reading every month; `core/advice.py` decides it.
"""

from __future__ import annotations

import datetime as dt

from glutewake.core.days import DEFAULT_DAY_START
from glutewake.core.frozen import frozen

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutewake.core.records import Journal, MorningCheck, Session, SymptomCheck

MORNING_WINDOW_DAYS = 7  # the answers dated today and the six days before


@frozen
class SessionPains:
    """The pains recorded with one session: "pain now" at its end, "it hurts" during it."""

    started_at: dt.datetime
    pain_after: int | None
    pain_during: int | None


@frozen
class AdviceBasis:
    """Everything the standing advice reads, and nothing more (the summary cache holds it).

    `check` is the latest symptom check; `worst_earlier` the worst pain during and after
    running among the checks before it; `last_session` the pains of the latest session that
    recorded any; `mornings` morning-after answers (those outside the window are ignored);
    `day_starts_at` the hour the user's days start, for the day a session's pains name.
    """

    check: SymptomCheck | None = None
    worst_earlier: tuple[int, int] | None = None
    last_session: SessionPains | None = None
    mornings: tuple[MorningCheck, ...] = ()
    day_starts_at: int = DEFAULT_DAY_START


def basis_of(journal: Journal) -> AdviceBasis:
    """What the advice reads, picked from a journal's records."""
    check = latest_check(journal.symptom_checks)
    worst = None
    if check is not None:
        earlier = [c for c in journal.symptom_checks if c.at < check.at]
        if earlier:
            worst = (max(c.pain_during_run for c in earlier), max(c.pain_after_run for c in earlier))
    return AdviceBasis(
        check, worst, latest_pains(journal.sessions), journal.morning_checks, journal.day_starts_at
    )


def latest_check(checks: Iterable[SymptomCheck]) -> SymptomCheck | None:
    """The most recent check (by time, then id, so every reader picks the same one)."""
    return max(checks, key=lambda c: (c.at, c.id), default=None)


def latest_pains(sessions: Iterable[Session]) -> SessionPains | None:
    """The pains of the latest session that recorded "pain now" or "it hurts"."""
    return latest_session_pains(
        pains_of(s) for s in sessions if s.pain_after is not None or s.pain_during is not None
    )


def pains_of(session: Session) -> SessionPains:
    return SessionPains(session.started_at, session.pain_after, session.pain_during)


def latest_session_pains(pains: Iterable[SessionPains]) -> SessionPains | None:
    """The latest of these (ties: the higher pains, so every reader picks the same)."""
    return max(
        pains, key=lambda p: (p.started_at, or_less(p.pain_after), or_less(p.pain_during)), default=None
    )


def or_less(pain: int | None) -> int:
    """A pain for ordering: none counts below 0."""
    return -1 if pain is None else pain


def in_window(day: dt.date, today: dt.date) -> bool:
    """Whether a morning answer of `day` counts today: today or the six days before."""
    return today - dt.timedelta(days=MORNING_WINDOW_DAYS) < day <= today
