"""What the history shows: streaks, this week's variety, a calendar, the export documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from glutewake.core.advice import standing_advice
from glutewake.core.records import Activity, Journal, MorningCheck, RestDay, Session, SymptomCheck
from glutewake.core.streaks import Streak, done_days, rest_days, streak_of

HISTORY_SCHEMA = 2
CSV_HEADER = (
    "date",
    "session_id",
    "programme",
    "status",
    "source",
    "exercise",
    "side",
    "reps",
    "target",
    "pain_after",
    "pain_during",
)


@dataclass(frozen=True)
class WeekVariety:
    """This calendar week (Monday to today): how many days were active and with what."""

    days_active: int
    minutes_by_kind: dict[str, int]
    rehab_sessions: int


@dataclass(frozen=True)
class HistorySummary:
    """The headline figures of the history."""

    streak: Streak
    today_done: bool
    week: WeekVariety
    last_check: SymptomCheck | None
    last_session: Session | None


def summarise(journal: Journal, today: dt.date) -> HistorySummary:
    """Streaks, whether today is done, this week's variety, the latest check and session."""
    done = done_days(journal)
    return HistorySummary(
        streak=streak_of(journal, today),
        today_done=today in done,
        week=week_variety(journal, today),
        last_check=journal.symptom_checks[-1] if journal.symptom_checks else None,
        last_session=journal.sessions[-1] if journal.sessions else None,
    )


def week_variety(journal: Journal, today: dt.date) -> WeekVariety:
    """Days active (a completed session or any activity), minutes per activity kind and
    completed rehab sessions, from this week's Monday up to today."""
    monday = today - dt.timedelta(days=today.weekday())
    sessions = [s for s in journal.sessions if s.status == "completed" and monday <= s.day <= today]
    activities = [a for a in journal.activities if monday <= a.day <= today]
    minutes: dict[str, int] = {}
    for activity in activities:
        minutes[activity.kind] = minutes.get(activity.kind, 0) + activity.minutes
    active = {s.day for s in sessions} | {a.day for a in activities}
    return WeekVariety(days_active=len(active), minutes_by_kind=minutes, rehab_sessions=len(sessions))


class DayMark(StrEnum):
    """What a calendar day holds; each has a word, so the calendar reads without colour."""

    DONE = "done"
    REST = "rest"
    ACTIVE = "active"  # another activity, no completed rehab session
    PARTIAL = "partial"  # a session begun but not completed, nothing else
    MISSED = "missed"
    OPEN = "open"  # today, not done yet
    FUTURE = "future"
    BEFORE = "before"  # before the first record: nothing to miss yet


def first_record_day(journal: Journal) -> dt.date | None:
    """The day of the user's first record of any kind, or None for an empty journal."""
    days = [
        *(s.day for s in journal.sessions),
        *(r.day for r in journal.rest_days),
        *(a.day for a in journal.activities),
        *(c.at.date() for c in journal.symptom_checks),
        *(m.day for m in journal.morning_checks),
    ]
    return min(days, default=None)


def calendar_weeks(journal: Journal, today: dt.date, weeks: int = 6) -> list[list[tuple[dt.date, DayMark]]]:
    """The last `weeks` calendar weeks (Monday first), ending with the week of `today`."""
    done = done_days(journal)
    rest = rest_days(journal)
    active = {a.day for a in journal.activities}
    partial = {s.day for s in journal.sessions if s.status == "partial"}
    started = first_record_day(journal) or today
    first = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    rows = []
    for week in range(weeks):
        row = []
        for weekday in range(7):
            day = first + dt.timedelta(days=7 * week + weekday)
            if day in done:
                mark = DayMark.DONE
            elif day > today:
                mark = DayMark.FUTURE
            elif day in rest:
                mark = DayMark.REST
            elif day in active:
                mark = DayMark.ACTIVE
            elif day == today:
                mark = DayMark.OPEN
            elif day in partial:
                mark = DayMark.PARTIAL
            elif day < started:
                mark = DayMark.BEFORE
            else:
                mark = DayMark.MISSED
            row.append((day, mark))
        rows.append(row)
    return rows


def history_document(journal: Journal, phase: str, today: dt.date) -> dict[str, Any]:
    """The `history --json` / `export --format json` document (schema 2 of DESIGN.md)."""
    streak = streak_of(journal, today)
    advice = standing_advice(journal, today)
    return {
        "schema": HISTORY_SCHEMA,
        "phase": phase,
        "streak": {"current": streak.current, "longest": streak.longest},
        "advice": {"level": advice.level, "reason": advice.reason},
        "sessions": [_session_entry(s) for s in journal.sessions],
        "rest_days": [{"id": r.id, "date": r.day.isoformat()} for r in journal.rest_days],
        "activities": [
            {"id": a.id, "date": a.day.isoformat(), "kind": a.kind, "minutes": a.minutes}
            for a in journal.activities
        ],
        "symptom_checks": [
            {
                "id": c.id,
                "at": c.at.isoformat(),
                "pain_during_run": c.pain_during_run,
                "pain_after_run": c.pain_after_run,
                "wobbly_gait": c.wobbly_gait,
                "weight_on_one_hip": c.weight_on_one_hip,
                "spread": list(c.spread),
                "cleared_for_exercise": c.cleared_for_exercise,
                "cleared_for_advanced": c.cleared_for_advanced,
                "advice": c.advice,
            }
            for c in journal.symptom_checks
        ],
        "morning_checks": [
            {"id": m.id, "date": m.day.isoformat(), "compared": m.compared, "pain": m.pain}
            for m in journal.morning_checks
        ],
    }


def entry_words(kind: str, record: object) -> str:
    """One record in words, as `glutewake delete` and history's question name it."""
    if isinstance(record, Session):
        return f"the {record.status} {record.programme} session of {record.day.isoformat()}"
    if isinstance(record, SymptomCheck):
        return f"the symptom check of {record.at.strftime('%Y-%m-%d %H:%M')}"
    if isinstance(record, MorningCheck):
        return f"the morning-after answer of {record.day.isoformat()} ({record.compared})"
    if isinstance(record, Activity):
        return f"{record.minutes} min of {record.kind} on {record.day.isoformat()}"
    if isinstance(record, RestDay):
        return f"the rest day of {record.day.isoformat()}"
    raise ValueError(f"not a journal record: {kind}")


def export_document(journal: Journal, phase: str, today: dt.date) -> dict[str, Any]:
    """The `export --format json` document: the `history --json` one plus `deleted`, the ids
    deleted with their kind and time, so an import elsewhere applies the deletions too."""
    return {
        **history_document(journal, phase, today),
        "deleted": [{"id": d.id, "kind": d.kind, "at": d.at.isoformat()} for d in journal.deletions],
    }


def _session_entry(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "programme": session.programme,
        "phase": session.phase,
        "started_at": session.started_at.isoformat(),
        "ended_at": session.ended_at.isoformat() if session.ended_at else None,
        "status": session.status,
        "source": session.source,
        "pain_after": session.pain_after,
        "pain_during": session.pain_during,
        "sets": [
            {"exercise": s.exercise, "side": s.side, "reps": s.reps, "target": s.target} for s in session.sets
        ],
    }


def morning_after(journal: Journal, session: Session) -> MorningCheck | None:
    """The morning-after answer of the day after `session`'s day, if one was given."""
    day = session.day + dt.timedelta(days=1)
    return next((m for m in reversed(journal.morning_checks) if m.day == day), None)


def csv_rows(journal: Journal) -> list[tuple[str, ...]]:
    """One row per set of every session (a session with no sets gets one row without set
    columns), under CSV_HEADER."""
    rows: list[tuple[str, ...]] = []
    for session in journal.sessions:
        head = (session.day.isoformat(), session.id, session.programme, session.status, session.source)
        pains = tuple("" if pain is None else str(pain) for pain in (session.pain_after, session.pain_during))
        if not session.sets:
            rows.append((*head, "", "", "", "", *pains))
        for s in session.sets:
            rows.append((*head, s.exercise, s.side or "", str(s.reps), str(s.target), *pains))
    return rows
