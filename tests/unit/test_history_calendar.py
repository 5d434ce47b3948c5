"""The calendar's partial-only days: begun, not completed, nothing else that day."""

from __future__ import annotations

import datetime as dt

from glutewake.core.history import DayMark, calendar_weeks
from glutewake.core.records import Activity, Journal, Session

TODAY = dt.date(2026, 11, 25)
UTC = dt.UTC


def session(day: dt.date, status: str) -> Session:
    return Session(
        f"{day}-{status}", "beginner", "beginner", dt.datetime.combine(day, dt.time(7), UTC), status, "app"
    )  # type: ignore[arg-type]


def marks(journal: Journal) -> dict[dt.date, str]:
    return {day: mark for week in calendar_weeks(journal, TODAY, weeks=1) for day, mark in week}


def test_a_day_with_only_a_partial_session_is_partial() -> None:
    assert (
        marks(Journal(sessions=(session(dt.date(2026, 11, 23), "partial"),)))[dt.date(2026, 11, 23)]
        == DayMark.PARTIAL
    )


def test_a_completed_session_outranks_a_partial_one_the_same_day() -> None:
    day = dt.date(2026, 11, 23)
    journal = Journal(sessions=(session(day, "partial"), session(day, "completed")))
    assert marks(journal)[day] == DayMark.DONE


def test_another_activity_outranks_a_partial_session() -> None:
    day = dt.date(2026, 11, 23)
    journal = Journal(sessions=(session(day, "partial"),), activities=(Activity("a", day, "swimming", 30),))
    assert marks(journal)[day] == DayMark.ACTIVE


def test_today_with_only_a_partial_session_is_still_open() -> None:
    assert marks(Journal(sessions=(session(TODAY, "partial"),)))[TODAY] == DayMark.OPEN
