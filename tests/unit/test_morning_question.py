"""The morning-after question is due once, on the day after a day with a session."""

from __future__ import annotations

import datetime as dt

from glutewake.core.morning import question_due
from glutewake.core.records import Journal, MorningCheck, Session

TODAY = dt.date(2026, 11, 25)
TZ = dt.timezone(dt.timedelta(hours=1))


def session_on(day: dt.date, status: str = "completed", source: str = "app") -> Session:
    return Session(
        f"s{day}", "beginner", "beginner", dt.datetime.combine(day, dt.time(18), TZ), status, source
    )  # type: ignore[arg-type]


def test_due_the_day_after_any_session() -> None:
    for status, source in (("completed", "app"), ("partial", "app"), ("completed", "log")):
        journal = Journal(sessions=(session_on(TODAY - dt.timedelta(days=1), status, source),))
        assert question_due(journal, TODAY, None)


def test_not_due_without_a_session_yesterday() -> None:
    assert not question_due(Journal(), TODAY, None)
    two_days = Journal(sessions=(session_on(TODAY - dt.timedelta(days=2)),))
    assert not question_due(two_days, TODAY, None)
    today_only = Journal(sessions=(session_on(TODAY),))
    assert not question_due(today_only, TODAY, None)


def test_asked_once_a_day() -> None:
    journal = Journal(sessions=(session_on(TODAY - dt.timedelta(days=1)),))
    assert not question_due(journal, TODAY, TODAY)  # shown (and skipped) today already
    assert question_due(journal, TODAY, TODAY - dt.timedelta(days=1))
    answered = Journal(sessions=journal.sessions, morning_checks=(MorningCheck("m", TODAY, "same"),))
    assert not question_due(answered, TODAY, None)
    yesterdays = Journal(
        sessions=journal.sessions, morning_checks=(MorningCheck("m", TODAY - dt.timedelta(days=1), "same"),)
    )
    assert question_due(yesterdays, TODAY, None)
