"""What the history shows: streaks, this week's variety, a calendar, the export documents."""

from __future__ import annotations

import datetime as dt

from glutewake.core.advice import standing_advice
from glutewake.core.days import day_of
from glutewake.core.frozen import frozen
from glutewake.core.records import Activity, Journal, MorningCheck, RestDay, Session, SymptomCheck
from glutewake.core.streaks import Streak, done_days, rest_days, streak_of

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any, Final, Literal, TypeAlias

    from glutewake.core.state import Acknowledgement, PhaseChange

    DayMarkWord: TypeAlias = Literal[
        "done", "rest", "active", "partial", "missed", "open", "future", "before"
    ]

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


@frozen
class WeekVariety:
    """A calendar week (Monday to Sunday, or to today): how many days were active and with what."""

    days_active: int
    minutes_by_kind: dict[str, int]
    rehab_sessions: int
    monday: dt.date | None = None
    rehab_days: int = 0
    """Days holding a completed rehab session (two sessions on one day count once)."""

    @property
    def verdict(self) -> str:
        """`varied` (rehab and another kind, or two other kinds), `rehab only`, `swimming
        only` (one other kind and no rehab) or `nothing logged`."""
        kinds = len(self.minutes_by_kind) + (1 if self.rehab_sessions else 0)
        if kinds >= 2:
            return "varied"
        if self.rehab_sessions:
            return "rehab only"
        if self.minutes_by_kind:
            return f"{next(iter(self.minutes_by_kind))} only"
        return "nothing logged"


@frozen
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
    return weeks_variety(journal, today, 1)[0]


def weeks_variety(journal: Journal, today: dt.date, weeks: int) -> list[WeekVariety]:
    """The variety of the last `weeks` calendar weeks, this week (Monday up to today) first.

    Each is a week's active days (a completed session or any activity), its minutes per
    activity kind (most first) and its completed rehab sessions and the days they fell on."""
    this_monday = today - dt.timedelta(days=today.weekday())
    first = this_monday - dt.timedelta(days=7 * (weeks - 1))
    by_week: dict[dt.date, tuple[list[Session], list[Activity]]] = {
        this_monday - dt.timedelta(days=7 * back): ([], []) for back in range(weeks)
    }
    for s in journal.sessions:
        day = journal.session_day(s)
        if s.status == "completed" and first <= day <= today:
            by_week[day - dt.timedelta(days=day.weekday())][0].append(s)
    for a in journal.activities:
        if first <= a.day <= today:
            by_week[a.day - dt.timedelta(days=a.day.weekday())][1].append(a)
    result = []
    for monday, (sessions, activities) in by_week.items():
        minutes: dict[str, int] = {}
        for activity in activities:
            minutes[activity.kind] = minutes.get(activity.kind, 0) + activity.minutes
        ordered = dict(sorted(minutes.items(), key=lambda item: (-item[1], item[0])))
        rehab = {journal.session_day(s) for s in sessions}
        result.append(
            WeekVariety(
                days_active=len(rehab | {a.day for a in activities}),
                minutes_by_kind=ordered,
                rehab_sessions=len(sessions),
                monday=monday,
                rehab_days=len(rehab),
            )
        )
    return result


class DayMark:
    """What a calendar day holds; each has a word, so the calendar reads without colour.
    Plain strings (`DayMarkWord` to mypy): an enum would load `enum`, about 5 ms a start."""

    DONE: Final = "done"
    REST: Final = "rest"
    ACTIVE: Final = "active"  # another activity, no completed rehab session
    PARTIAL: Final = "partial"  # a session begun but not completed, nothing else
    MISSED: Final = "missed"
    OPEN: Final = "open"  # today, not done yet
    FUTURE: Final = "future"
    BEFORE: Final = "before"  # before the first record: nothing to miss yet


DAY_MARKS: tuple[DayMarkWord, ...] = (
    DayMark.DONE,
    DayMark.REST,
    DayMark.ACTIVE,
    DayMark.PARTIAL,
    DayMark.MISSED,
    DayMark.OPEN,
    DayMark.FUTURE,
    DayMark.BEFORE,
)


def first_record_day(journal: Journal) -> dt.date | None:
    """The day of the user's first record of any kind, or None for an empty journal."""
    days = [
        *(journal.session_day(s) for s in journal.sessions),
        *(r.day for r in journal.rest_days),
        *(a.day for a in journal.activities),
        *(journal.check_day(c) for c in journal.symptom_checks),
        *(m.day for m in journal.morning_checks),
    ]
    return min(days, default=None)


def day_activities(journal: Journal, day: dt.date) -> list[Activity]:
    """The other activities logged on `day`, in the order they were logged."""
    return [a for a in journal.activities if a.day == day]


def calendar_weeks(
    journal: Journal, today: dt.date, weeks: int = 6
) -> list[list[tuple[dt.date, DayMarkWord]]]:
    """The last `weeks` calendar weeks (Monday first), ending with the week of `today`."""
    done = done_days(journal)
    rest = rest_days(journal)
    active = {a.day for a in journal.activities}
    partial = {journal.session_day(s) for s in journal.sessions if s.status == "partial"}
    started = first_record_day(journal) or today
    first = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    rows = []
    for week in range(weeks):
        row = []
        for weekday in range(7):
            day = first + dt.timedelta(days=7 * week + weekday)
            mark: DayMarkWord
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


def history_document(
    journal: Journal, phase: str, today: dt.date, phase_changes: tuple[PhaseChange, ...] = ()
) -> dict[str, Any]:
    """The `history --json` / `export --format json` document (schema 2 of DESIGN.md). Every
    record has the day it counts for (`date`), computed now with the journal's day start;
    `phase_changes` are every switch of phase, with its time, oldest first."""
    streak = streak_of(journal, today)
    advice = standing_advice(journal, today)
    return {
        "schema": HISTORY_SCHEMA,
        "phase": phase,
        "day_starts_at": journal.day_starts_at,
        "streak": {"current": streak.current, "longest": streak.longest},
        "advice": {"level": advice.level, "reason": advice.reason},
        "sessions": [_session_entry(s, journal.session_day(s)) for s in journal.sessions],
        "rest_days": [{"id": r.id, "date": r.day.isoformat()} for r in journal.rest_days],
        "activities": [
            {"id": a.id, "date": a.day.isoformat(), "kind": a.kind, "minutes": a.minutes}
            for a in journal.activities
        ],
        "symptom_checks": [
            {
                "id": c.id,
                "date": journal.check_day(c).isoformat(),
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
        "phase_changes": [{"id": p.id, "at": p.at.isoformat(), "phase": p.phase} for p in phase_changes],
    }


def entry_words(kind: str, record: object, day_starts_at: int) -> str:
    """One record in words, as `glutewake delete` and history's question name it (a session
    by the day it counts for, with the user's day start)."""
    if isinstance(record, Session):
        day = day_of(record.started_at, day_starts_at)
        return f"the {record.status} {record.programme} session of {day.isoformat()}"
    if isinstance(record, SymptomCheck):
        return f"the symptom check of {record.at.strftime('%Y-%m-%d %H:%M')}"
    if isinstance(record, MorningCheck):
        return f"the morning-after answer of {record.day.isoformat()} ({record.compared})"
    if isinstance(record, Activity):
        return f"{record.minutes} min of {record.kind} on {record.day.isoformat()}"
    if isinstance(record, RestDay):
        return f"the rest day of {record.day.isoformat()}"
    raise ValueError(f"not a journal record: {kind}")


def export_document(
    journal: Journal,
    phase: str,
    today: dt.date,
    phase_changes: tuple[PhaseChange, ...] = (),
    acknowledgements: tuple[Acknowledgement, ...] = (),
) -> dict[str, Any]:
    """The `export --format json` document: the `history --json` one plus `deleted`, the ids
    deleted with their kind and time, so an import elsewhere applies the deletions too, and
    `acknowledgements`, when the first-run note was accepted, so a restore does not ask again."""
    return {
        **history_document(journal, phase, today, phase_changes),
        "deleted": [{"id": d.id, "kind": d.kind, "at": d.at.isoformat()} for d in journal.deletions],
        "acknowledgements": [{"id": a.id, "at": a.at.isoformat()} for a in acknowledgements],
    }


def _session_entry(session: Session, day: dt.date) -> dict[str, Any]:
    return {
        "id": session.id,
        "date": day.isoformat(),
        "programme": session.programme,
        "phase": session.phase,
        "started_at": session.started_at.isoformat(),
        "ended_at": session.ended_at.isoformat() if session.ended_at else None,
        "status": session.status,
        "source": session.source,
        "pain_after": session.pain_after,
        "pain_during": session.pain_during,
        "played_seconds": session.played_seconds,
        "sets": [
            {"exercise": s.exercise, "side": s.side, "reps": s.reps, "target": s.target} for s in session.sets
        ],
    }


def morning_after(journal: Journal, session: Session) -> MorningCheck | None:
    """The morning-after answer of the day after `session`'s day, if one was given."""
    day = journal.session_day(session) + dt.timedelta(days=1)
    return next((m for m in reversed(journal.morning_checks) if m.day == day), None)


def csv_rows(journal: Journal) -> list[tuple[str, ...]]:
    """One row per set of every session (a session with no sets gets one row without set
    columns), under CSV_HEADER."""
    rows: list[tuple[str, ...]] = []
    for session in journal.sessions:
        head = (
            journal.session_day(session).isoformat(),
            session.id,
            session.programme,
            session.status,
            session.source,
        )
        pains = tuple("" if pain is None else str(pain) for pain in (session.pain_after, session.pain_during))
        if not session.sets:
            rows.append((*head, "", "", "", "", *pains))
        for s in session.sets:
            rows.append((*head, s.exercise, s.side or "", str(s.reps), str(s.target), *pains))
    return rows
