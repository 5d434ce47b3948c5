"""History: streaks, the calendar's days, this week's variety, pain trends, the sessions table."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Digits

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.views.journal import SortOrder
from glutewake.app.widgets.calendar import StreakCalendar
from glutewake.app.widgets.pain_trend import PainTrend
from glutewake.core.history import DayMark
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text, session
from .history_helpers import DAY, day, glyph, open_history, settle, write_history


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
        assert "a day counts when it holds a completed session" in flat(screen_text(app)).lower()


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


def rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_journal_lists_every_entry_newest_first_saying_what_each_is(
    data_dir: Path, history: Store
) -> None:
    history.add_morning_check(TODAY, "better", 1)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        shown = rows(table)
        # 6 sessions, 2 activities, 1 rest day, 2 symptom checks, 1 morning answer.
        assert table.row_count == 12
        assert shown[0] == [
            "2026-11-25",
            "morning after",
            "better than before the last session · pain 1",
            " –",
            "–",
        ]
        assert shown[1] == ["2026-11-24", "swimming", "30 min", " –", "–"]
        assert shown[2][:2] == ["2026-11-24", "rehab session"] and shown[2][3:] == [" 1", "better 1"]
        assert ["2026-11-22", "rest day"] in [row[:2] for row in shown]
        assert ["2026-11-19", "cycling", "45 min"] in [row[:3] for row in shown]
        checks = [row for row in shown if row[1] == "symptom check"]
        assert [row[2] for row in checks] == [
            "advice: beginner · running pain 4 during, 5 after",
            "advice: beginner · running pain 6 during, 7 after",
        ]
        assert [row[0] for row in shown] == sorted((row[0] for row in shown), reverse=True)
        text = screen_text(app)
        assert "Journal · 12 entries · newest first" in text
        for words in ("morning after", "swimming", "rehab session", "30 min"):
            assert words in text


async def test_f_cycles_the_filters_and_back_to_every_entry(data_dir: Path, history: Store) -> None:
    history.add_morning_check(TODAY, "same")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        seen = []
        for _ in range(4):
            await pilot.press("f")
            await settle(pilot)
            seen.append(sorted({row[1] for row in rows(table)}))
        assert seen == [
            ["rehab session"],
            ["cycling", "rest day", "swimming"],
            ["morning after", "symptom check"],
            ["cycling", "morning after", "rehab session", "rest day", "swimming", "symptom check"],
        ]
        await pilot.press("f")
        await settle(pilot)
        assert "Journal · 6 sessions · only rehab sessions · newest first" in screen_text(app)


async def test_sort_key_and_header_click_reorder_the_journal(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)

        def column(index: int) -> list[str]:
            return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]

        await pilot.press("s")
        assert column(0)[0] == "2026-11-10"  # the first symptom check (the helper dates it a day early)
        assert "oldest first" in screen_text(app)
        await pilot.press("s")
        assert column(3)[:2] == [" 4", " 4"]
        assert "most pain after first" in screen_text(app)
        header = table.ordered_columns[1]
        screen.post_message(DataTable.HeaderSelected(table, header.key, 1, header.label))
        await pilot.pause()
        assert column(1)[0] == "rehab session"
        screen.post_message(DataTable.HeaderSelected(table, header.key, 1, header.label))
        await pilot.pause()
        assert column(1)[0] == "symptom check"
        assert "entries by kind, reversed" in screen_text(app)


async def test_variety_week_by_week_with_a_verdict(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("v")
        text = screen_text(app)
        assert "this week  varied         rehab 2 days · swimming 30 min" in text
        assert "last week  varied         rehab 3 days · cycling 45 min" in text
        assert "9 Nov      nothing logged" in text


async def test_a_week_of_rehab_alone_reads_rehab_only(data_dir: Path, store: Store) -> None:
    store.save_session(session(day(1)))
    store.add_activity(day(9), "swimming", 40)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("v")
        text = screen_text(app)
        assert "this week  rehab only     rehab 1 day" in text
        assert "last week  swimming only  swimming 40 min" in text


async def test_at_120x40_calendar_weeks_and_the_chart_show_together(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(pilot)
        text = screen_text(app)
        assert "today, still open" in text and "last week  varied" in text
        assert "Pain, the highest each week (0 to 10)" in text
        assert "D during running        6 → 4  falling" in text
        assert "N now, after a session  4 → 2  falling" in text
        assert "S during a session      none given" in text
        assert "pain while running" not in text  # the chart replaces the sparklines
        assert "v  [calendar]" not in text  # no turns to take


async def test_the_selected_entrys_day_says_which_activity(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        table.focus()
        assert "Tue 24 Nov: swimming 30 min" in screen_text(app)
        cycling = next(i for i, row in enumerate(rows(table)) if row[1] == "cycling")
        table.move_cursor(row=cycling)
        await pilot.pause()
        assert "Thu 19 Nov: cycling 45 min" in screen_text(app)
        assert screen.query_one(StreakCalendar).selected == day(6)


async def test_pain_trends_show_first_and_last_scores(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("v", "v")
        assert screen.query_one("#history-pain-during", PainTrend).series.values == (6, 4)
        text = screen_text(app)
        assert "pain while running    6 ▅▄ 4  falling" in text
        assert "pain after running    7 ▆▅ 5  falling" in text
        assert "pain after sessions   4 ▄▄▃▂▂ 1  falling" in text
        await pilot.press("v")
        assert "today, still open" in screen_text(app)


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
        rows = {
            str(table.get_row_at(i)[0]): str(table.get_row_at(i)[4])
            for i in range(table.row_count)
            if str(table.get_row_at(i)[1]) == "rehab session"
        }
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
        mornings = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        assert mornings[:3] == ["worse 6", "same", "better"]
        assert "worse mornings first" in screen_text(app)
