"""Which advice stands now: the last check's, or rest when a later session hurt 7 or more."""

from __future__ import annotations

import datetime as dt

from glutewake.app.views.home import current_advice, pain_now_between
from glutewake.core.records import Journal, Session, SymptomCheck

TZ = dt.UTC
CHECKED = dt.datetime(2026, 11, 24, 8, 0, tzinfo=TZ)


def check(advice: str = "beginner", during: int = 4, after: int = 5, cleared: bool = True) -> SymptomCheck:
    return SymptomCheck("k", CHECKED, during, after, False, False, (), cleared, False, advice)  # type: ignore[arg-type]


def session(hours_after_check: float, pain: int | None) -> Session:
    started = CHECKED + dt.timedelta(hours=hours_after_check)
    return Session(
        f"s{hours_after_check}", "beginner", "beginner", started, "completed", "app", pain_after=pain
    )


def journal(the_check: SymptomCheck, *sessions: Session) -> Journal:
    return Journal(sessions=tuple(sorted(sessions, key=lambda s: s.started_at)), symptom_checks=(the_check,))


def test_without_later_pain_the_checks_own_advice_stands() -> None:
    advice = current_advice(journal(check()), check())
    assert advice.level == "beginner"
    assert "not yet for the advanced phase" in advice.reason


def test_a_later_sessions_pain_now_of_seven_turns_it_to_rest() -> None:
    advice = current_advice(journal(check(), session(24, 7)), check())
    assert advice.level == "rest"
    assert "pain after the last session was 7" in advice.reason


def test_a_later_pain_of_six_changes_nothing() -> None:
    assert current_advice(journal(check(), session(24, 6)), check()).level == "beginner"


def test_only_the_latest_pain_since_the_check_counts() -> None:
    eased = journal(check(), session(24, 8), session(48, 2))
    assert current_advice(eased, check()).level == "beginner"


def test_a_rest_check_keeps_its_own_reason() -> None:
    resting = check("rest", cleared=False)
    advice = current_advice(journal(resting, session(24, 9)), resting)
    assert advice.level == "rest"
    assert "not been cleared for exercise" in advice.reason


def test_pain_now_between_skips_sessions_without_a_number() -> None:
    sessions = journal(check(), session(-48, 3), session(-24, None), session(24, 5))
    assert pain_now_between(sessions, None, CHECKED) == 3
    assert pain_now_between(sessions, CHECKED, None) == 5
    assert pain_now_between(sessions, CHECKED + dt.timedelta(days=2), None) is None
