"""The streak rule of DESIGN.md, clause by clause."""

from __future__ import annotations

import datetime as dt

from glutewake.core.records import Journal, RestDay, Session
from glutewake.core.streaks import Streak, compute_streak, streak_of

TODAY = dt.date(2026, 11, 25)


def days_ago(*offsets: int) -> set[dt.date]:
    return {TODAY - dt.timedelta(days=n) for n in offsets}


def test_no_days_is_no_streak() -> None:
    assert compute_streak(set(), set(), TODAY) == Streak(0, 0)


def test_done_today_counts_today() -> None:
    assert compute_streak(days_ago(0, 1, 2), set(), TODAY) == Streak(3, 3)


def test_today_still_open_keeps_the_run_ending_yesterday() -> None:
    assert compute_streak(days_ago(1, 2, 3), set(), TODAY) == Streak(3, 3)


def test_a_day_neither_done_nor_rest_breaks_the_run() -> None:
    assert compute_streak(days_ago(0, 1, 3, 4, 5), set(), TODAY) == Streak(2, 3)


def test_missing_yesterday_breaks_the_run_even_with_today_open() -> None:
    assert compute_streak(days_ago(2, 3), set(), TODAY) == Streak(0, 2)


def test_rest_day_neither_breaks_nor_extends_streak() -> None:
    assert compute_streak(days_ago(0, 2, 3), days_ago(1), TODAY) == Streak(3, 3)


def test_rest_day_today_keeps_the_run_without_adding_to_it() -> None:
    assert compute_streak(days_ago(1, 2), days_ago(0), TODAY) == Streak(2, 2)


def test_several_rest_days_in_a_row_still_bridge_the_run() -> None:
    assert compute_streak(days_ago(0, 4), days_ago(1, 2, 3), TODAY) == Streak(2, 2)


def test_rest_days_alone_make_no_streak() -> None:
    assert compute_streak(set(), days_ago(0, 1, 2), TODAY) == Streak(0, 0)


def test_a_rest_day_that_is_also_done_counts_as_done() -> None:
    assert compute_streak(days_ago(0, 1), days_ago(1), TODAY) == Streak(2, 2)


def test_longest_run_can_lie_in_the_past() -> None:
    past = days_ago(30, 31, 32, 33, 34)
    assert compute_streak(past | days_ago(0, 1), set(), TODAY) == Streak(2, 5)


def test_longest_run_in_the_past_bridged_by_rest() -> None:
    past = days_ago(30, 32, 34)
    assert compute_streak(past, days_ago(31, 33), TODAY) == Streak(0, 3)


def test_days_after_today_are_ignored() -> None:
    assert compute_streak(days_ago(0, -1, -2), set(), TODAY) == Streak(1, 1)


def session(day: dt.date, status: str = "completed", source: str = "app") -> Session:
    start = dt.datetime.combine(day, dt.time(7, 30)).replace(tzinfo=dt.UTC)
    return Session(
        id=f"s{day}{status}{source}",
        programme="beginner",
        phase="beginner",
        started_at=start,
        status=status,
        source=source,
    )  # type: ignore[arg-type]


def test_logged_sessions_count_like_app_sessions() -> None:
    journal = Journal(
        sessions=(session(TODAY, source="log"), session(TODAY - dt.timedelta(days=1), source="app"))
    )
    assert streak_of(journal, TODAY) == Streak(2, 2)


def test_partial_sessions_do_not_make_a_day_done() -> None:
    journal = Journal(sessions=(session(TODAY, status="partial"), session(TODAY - dt.timedelta(days=1))))
    assert streak_of(journal, TODAY) == Streak(1, 1)


def test_rest_day_records_of_a_journal_bridge_a_run() -> None:
    journal = Journal(
        sessions=(session(TODAY), session(TODAY - dt.timedelta(days=2))),
        rest_days=(RestDay("r", TODAY - dt.timedelta(days=1)),),
    )
    assert streak_of(journal, TODAY) == Streak(2, 2)


def test_a_session_counts_on_its_local_day() -> None:
    late = dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    journal = Journal(sessions=(Session("x", "beginner", "beginner", late, "completed", "app"),))
    assert streak_of(journal, TODAY) == Streak(1, 1)  # the 24th, local: yesterday, today open


def test_a_run_after_a_gap_counts_from_its_own_first_day() -> None:
    # Done on the 20th, then the 23rd and 24th: the longest run is the two after the gap.
    assert compute_streak(days_ago(5, 2, 1), set(), TODAY) == Streak(2, 2)
    assert compute_streak(days_ago(10, 5, 4, 3), set(), TODAY) == Streak(0, 3)


def test_rest_days_today_or_later_change_nothing() -> None:
    done = days_ago(1, 2)
    assert compute_streak(done, days_ago(0, -1, -5), TODAY) == compute_streak(done, set(), TODAY)
    assert compute_streak(done, days_ago(0, -1), TODAY) == Streak(2, 2)
