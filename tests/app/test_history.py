"""History: streaks, the calendar's days, this week's variety, pain trends, the sessions table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Digits

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.widgets.calendar import CELL, StreakCalendar
from glutewake.app.widgets.pain_trend import PainTrend
from glutewake.core.history import DayMark
from glutewake.store import Store

from .conftest import TODAY, flat, make_app, screen_text, session, symptom_check

DAY = dt.timedelta(days=1)


def day(offset: int) -> dt.date:
    """`offset` days before today (Wednesday 25 November 2026)."""
    return TODAY - offset * DAY


def write_history(store: Store) -> None:
    """Two weeks with every kind of day, written through the store."""
    store.save_session(session(day(9), pain_after=4))  # Mon 16: done
    store.save_session(session(day(8), pain_after=4))  # Tue 17: done
    # Wed 18: missed
    store.add_activity(day(6), "cycling", 45)  # Thu 19: another activity only
    store.save_session(session(day(5), "partial"))  # Fri 20: partial only
    store.save_session(session(day(4), pain_after=3))  # Sat 21: done
    store.add_rest_day(day(3))  # Sun 22: rest
    store.save_session(session(day(2), pain_after=2))  # Mon 23: done
    store.save_session(session(day(1), pain_after=1))  # Tue 24: done
    store.add_activity(day(1), "swimming", 30)  #         and a swim
    store.add_symptom_check(symptom_check("beginner", during=6, after=7, day=day(14)))
    store.add_symptom_check(symptom_check("beginner", during=4, after=5, day=day(5)))


@pytest.fixture
def history(store: Store) -> Store:
    write_history(store)
    return store


async def open_history(pilot) -> HistoryScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("h")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the background read finish and every row land on screen."""
    await pilot.pause()
    for _ in range(500):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if not (isinstance(screen, HistoryScreen) and screen.loading):
            return
    raise AssertionError("the history screen never finished reading")


def glyph(calendar: StreakCalendar, shown: dt.date) -> str:
    """The characters the calendar draws for `shown` (glyph with its brackets or spaces)."""
    lines = calendar.render().plain.splitlines()
    column = next(i for i, week in enumerate(calendar.weeks) if week[0][0] <= shown <= week[6][0])
    start = 4 + CELL * column
    return lines[1 + shown.weekday()][start : start + CELL]


def digits(screen: HistoryScreen, id: str) -> str:
    return screen.query_one(f"#{id}", Digits).value


async def test_streak_numbers_follow_the_rule(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        # Tue 24, Mon 23 done, Sun 22 rest, Sat 21 done; Fri 20 (partial only) breaks.
        assert digits(screen, "history-current") == "3"
        assert digits(screen, "history-longest") == "3"
        assert "A day counts when it holds a completed session" in flat(screen_text(app))


async def test_calendar_shows_a_glyph_for_each_kind_of_day(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        calendar = screen.query_one(StreakCalendar)
        assert len(calendar.weeks) == 12
        expected = {
            day(9): (DayMark.DONE, " ● "),
            day(7): (DayMark.MISSED, " · "),
            day(6): (DayMark.ACTIVE, " ~ "),
            day(5): (DayMark.PARTIAL, " ◐ "),
            day(3): (DayMark.REST, " R "),
            day(1): (DayMark.DONE, " ● "),
            TODAY: (DayMark.OPEN, "[◉]"),
            TODAY + DAY: (DayMark.FUTURE, "   "),
        }
        for shown, (mark, drawn) in expected.items():
            assert calendar.mark_of(shown) is mark, shown
            assert glyph(calendar, shown) == drawn, shown


async def test_legend_names_every_glyph_in_words(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        text = screen_text(app)
        for entry in (
            "● done",
            "◐ partial only",
            "R rest day",
            "~ other activity only",
            "· missed",
            "◉ today, still open",
            "[ ] today",
        ):
            assert entry in text


async def test_today_done_shows_in_brackets_with_its_glyph(data_dir: Path, history: Store) -> None:
    history.save_session(session(TODAY))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert glyph(screen.query_one(StreakCalendar), TODAY) == "[●]"
        assert digits(screen, "history-current") == "4"


async def test_sessions_table_lists_every_session_newest_first(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 6
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["2026-11-24", "beginner", "completed", "app", "10/10", "–", " 1"]
        assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)
        assert rows[3][2] == "partial" and rows[3][6] == " –"
        assert "Sessions · 6 sessions · newest first" in screen_text(app)


async def test_sort_key_and_header_click_reorder_the_sessions(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)

        def column(index: int) -> list[str]:
            return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]

        await pilot.press("s")
        assert column(0)[0] == "2026-11-16"
        assert "oldest first" in screen_text(app)
        await pilot.press("s")
        assert column(6)[:2] == [" 4", " 4"]
        assert "most pain after first" in screen_text(app)
        screen.post_message(
            DataTable.HeaderSelected(table, table.ordered_columns[2].key, 2, table.ordered_columns[2].label)
        )
        await pilot.pause()
        assert column(2)[0] == "completed"
        screen.post_message(
            DataTable.HeaderSelected(table, table.ordered_columns[2].key, 2, table.ordered_columns[2].label)
        )
        await pilot.pause()
        assert column(2)[0] == "partial"
        assert "partial first" in screen_text(app)


async def test_this_weeks_variety_lists_kinds_and_minutes(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        text = screen_text(app)
        assert "This week  2 active days · rehab 2 · swimming 30 min" in text
        assert "Only" not in text  # two kinds: no nudge


async def test_a_week_of_one_kind_gets_a_nudge(data_dir: Path, store: Store) -> None:
    store.save_session(session(day(1)))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert "Only the rehab session so far this week" in flat(screen_text(app))


async def test_pain_trends_show_first_and_last_scores(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert screen.query_one("#history-pain-during", PainTrend).series.values == (6, 4)
        text = screen_text(app)
        assert "pain while running    6 ▅▄ 4  falling" in text
        assert "pain after running    7 ▆▅ 5  falling" in text
        assert "pain after sessions   4 ▄▄▃▂▂ 1  falling" in text


async def test_a_new_user_gets_a_friendly_empty_state(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert screen.has_class("-empty")
        text = flat(screen_text(app))
        assert "Nothing recorded yet" in text
        assert digits(screen, "history-current") == "0"


async def test_escape_goes_back_home(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)
