"""Words for the history screen: its streak, calendar, variety and pain, computed from core
records (no Textual here; the journal's rows are in `journal`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from glutewake.core.history import WeekVariety
from glutewake.core.records import Activity, Journal
from glutewake.core.streaks import Streak
from glutewake.core.trend import Direction, direction
from glutewake.core.wording import counted

CALENDAR_WEEKS = 12
PAIN_POINTS = 12  # the most recent values a pain trend shows

STREAK_RULE = (
    "A day counts when it holds a completed session. Rest days keep the run going; "
    "a day with neither ends it."
)
SHORT_RULE = "a day counts when it holds a completed session; rest days keep the run going"
EMPTY_STATE = (
    "Nothing recorded yet — this is where your streak will grow.\n\n"
    "Each completed session lights up a day on the calendar. Press escape and then s on the "
    "home screen to start today's. Did you swim, cycle or rest instead? Press l to log an "
    "activity, or R for a rest day."
)
READ_ONLY_NOTE = (
    "READ-ONLY: a data file could not be read, so nothing can be logged this run. "
    "Home says which file and how to fix it."
)


def calendar_start(today: dt.date, weeks: int = CALENDAR_WEEKS) -> dt.date:
    """The Monday the calendar begins on: `weeks` calendar weeks ending with today's."""
    return today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))


def day_words(day: dt.date) -> str:
    """`Tue 24 Nov 2026`: how the screen names a day in a sentence."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def streak_line(streak: Streak) -> str:
    """`streak 3 days · longest 9 days · a day counts when …`."""
    return (
        f"streak {counted(streak.current, 'day')} · longest {counted(streak.longest, 'day')} · {SHORT_RULE}"
    )


def journal_counts(journal: Journal) -> str:
    """`12 sessions, 3 rest days, 4 activities, 2 symptom checks`."""
    return ", ".join(
        (
            counted(len(journal.sessions), "session"),
            counted(len(journal.rest_days), "rest day"),
            counted(len(journal.activities), "activity", "activities"),
            counted(len(journal.symptom_checks), "symptom check"),
        )
    )


# -- pain trend --------------------------------------------------------------------------
@dataclass(frozen=True)
class PainSeries:
    """The most recent pain scores (0-10) of one kind, oldest first."""

    label: str
    values: tuple[int, ...]
    empty: str

    @property
    def trend(self) -> Direction:
        """`falling`, `rising`, `steady` or `up and down`: the core's reading of every value."""
        return direction(self.values)


def pain_series(journal: Journal, points: int = PAIN_POINTS) -> tuple[PainSeries, ...]:
    """Pain while and after running (symptom checks) and after sessions, latest `points`."""
    checks = sorted(journal.symptom_checks, key=lambda c: c.at)[-points:]
    sessions = [s for s in journal.sessions if s.pain_after is not None][-points:]
    return (
        PainSeries("pain while running", tuple(c.pain_during_run for c in checks), "no symptom check yet"),
        PainSeries("pain after running", tuple(c.pain_after_run for c in checks), "no symptom check yet"),
        PainSeries("pain after sessions", tuple(s.pain_after or 0 for s in sessions), "no pain score yet"),
    )


# -- variety ---------------------------------------------------------------------------
def week_label(week: WeekVariety, today: dt.date) -> str:
    """`this week`, `last week` or `9 Nov` (the Monday)."""
    assert week.monday is not None
    back = (today - week.monday).days // 7
    return "this week" if back == 0 else "last week" if back == 1 else f"{week.monday.day} {week.monday:%b}"


def week_done(week: WeekVariety) -> str:
    """`rehab 3 days · swimming 80 min · cycling 45 min`, or nothing for an empty week."""
    parts = [f"rehab {counted(week.rehab_days, 'day')}"] if week.rehab_days else []
    parts += [f"{kind} {minutes} min" for kind, minutes in week.minutes_by_kind.items()]
    return " · ".join(parts)


def activities_words(day: dt.date, activities: list[Activity]) -> str:
    """`Thu 19 Nov: cycling 45 min, swimming 30 min`, or the day and `no other activity`."""
    done = ", ".join(f"{a.kind} {a.minutes} min" for a in activities) or "no other activity"
    return f"{day:%a} {day.day} {day:%b}: {done}"


def variety_line(week: WeekVariety) -> str:
    """`4 active days · rehab 3 · swimming 30 min · elliptical 20 min`."""
    parts = [counted(week.days_active, "active day")]
    if week.rehab_sessions:
        parts.append(f"rehab {week.rehab_sessions}")
    parts += [
        f"{kind} {minutes} min"
        for kind, minutes in sorted(week.minutes_by_kind.items(), key=lambda item: (-item[1], item[0]))
    ]
    return " · ".join(parts)


def variety_nudge(week: WeekVariety) -> str:
    """A word of encouragement when the week held one kind of exercise or none."""
    kinds = list(week.minutes_by_kind)
    if week.rehab_sessions and not kinds:
        return (
            "Only the rehab session so far this week. A swim, a ride or the elliptical "
            "on another day helps your hips recover."
        )
    if not week.rehab_sessions and len(kinds) == 1:
        return (
            f"Only {kinds[0]} so far this week. Add the rehab session, or another kind "
            "of exercise, for a more varied week."
        )
    if not week.rehab_sessions and not kinds:
        return "Nothing yet this week. Press l to log an activity, R for a rest day."
    return ""


# -- pain over the weeks (the chart) -----------------------------------------------------
CHART_WEEKS = 26  # the most weeks the chart can show
CHART_SERIES = (
    ("D", "during running"),
    ("A", "after running"),
    ("N", "now, after a session"),
    ("S", "during a session"),
)


@dataclass(frozen=True)
class PainWeek:
    """The highest pain of each kind in one calendar week (None: none given that week), in
    the order of CHART_SERIES."""

    monday: dt.date
    highest: tuple[int | None, ...]


def weekly_pain(journal: Journal, today: dt.date, weeks: int = CHART_WEEKS) -> tuple[PainWeek, ...]:
    """The last `weeks` calendar weeks, oldest first: the highest pain while and after running
    (symptom checks), at the end of a session (its "pain now") and during one ("it hurts")."""
    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = [this_monday - dt.timedelta(days=7 * back) for back in reversed(range(weeks))]
    highest: dict[dt.date, list[int | None]] = {monday: [None] * len(CHART_SERIES) for monday in mondays}

    def note(day: dt.date, series: int, pain: int | None) -> None:
        week = highest.get(day - dt.timedelta(days=day.weekday()))
        if week is not None and pain is not None:
            now = week[series]
            week[series] = pain if now is None else max(now, pain)

    for check in journal.symptom_checks:
        note(check.at.date(), 0, check.pain_during_run)
        note(check.at.date(), 1, check.pain_after_run)
    for session in journal.sessions:
        note(session.day, 2, session.pain_after)
        note(session.day, 3, session.pain_during)
    return tuple(PainWeek(monday, tuple(highest[monday])) for monday in mondays)


def series_values(weeks: tuple[PainWeek, ...], series: int) -> tuple[int, ...]:
    """One series' weekly highs, oldest first, the weeks without one left out."""
    return tuple(v for w in weeks if (v := w.highest[series]) is not None)
