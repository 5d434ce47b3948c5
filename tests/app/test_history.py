"""History: streaks, the calendar's days, this week's variety, pain trends, the sessions table."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Digits

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.views.history import SortOrder
from glutewake.app.widgets.calendar import StreakCalendar
from glutewake.app.widgets.pain_trend import PainTrend
from glutewake.core.history import DayMark
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text, session
from .history_helpers import DAY, day, glyph, open_history, write_history


@pytest.fixture
def history(store: Store) -> Store:
    write_history(store)
    return store


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
        assert rows[0] == ["2026-11-24", "beginner", "completed", "app", "10/10", "–", " 1", "–"]
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


async def test_each_session_shows_the_morning_after_it(data_dir: Path, history: Store) -> None:
    history.add_morning_check(day(1), "worse", 6)  # the morning after Mon 23
    history.add_morning_check(TODAY, "better")  # the morning after Tue 24
    app = make_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[7]) for i in range(table.row_count)}
        assert rows["2026-11-24"] == "better"
        assert rows["2026-11-23"] == "worse 6"
        assert rows["2026-11-21"] == "–"
        text = screen_text(app)
        assert "morning" in text and "worse 6" in text
        assert "morning: the day after" in text


async def test_sorting_by_the_morning_after_puts_worse_mornings_first(data_dir: Path, history: Store) -> None:
    history.add_morning_check(day(1), "worse", 6)
    history.add_morning_check(TODAY, "better")
    history.add_morning_check(day(3), "same")  # the morning after Sat 21
    app = make_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_history(pilot)
        screen.session_order = SortOrder.by("morning")
        screen._sort()
        table = screen.query_one(DataTable)
        mornings = [str(table.get_row_at(i)[7]) for i in range(table.row_count)]
        assert mornings[:3] == ["worse 6", "same", "better"]
        assert "worse mornings first" in screen_text(app)
