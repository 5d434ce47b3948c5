"""Recording from the history screen: `l` another activity, `R` a rest day, `r` read again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from glutewake.app.screens.history import HistoryScreen
from glutewake.app.screens.log_forms import LogActivityForm, LogRestDayForm
from glutewake.app.widgets.calendar import StreakCalendar
from glutewake.core.history import DayMark
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text, session
from .history_helpers import day, glyph, open_history, settle, write_history


@pytest.fixture
def history(store: Store) -> Store:
    write_history(store)
    return store


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [notification.message for notification in app._notifications]


async def fill(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a form field's text, as typing over a selected field does."""
    pilot.app.screen.query_one(f"#{field}", Input).value = text
    await pilot.pause()


async def test_rest_day_for_today_is_saved_and_shown_at_once(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("R")
        assert isinstance(app.screen, LogRestDayForm)
        assert app.screen.query_one("#day", Input).value == "2026-11-25"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert [r.day for r in history.read_journal().rest_days] == [day(3), TODAY]
        calendar = screen.query_one(StreakCalendar)
        assert calendar.mark_of(TODAY) == DayMark.REST
        assert glyph(calendar, TODAY) == "[R]"
        assert "Wed 25 Nov 2026 is now a rest day." in messages(app)


async def test_rest_day_on_a_chosen_date(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("R")
        await pilot.press(*"2026-11-18")  # the field starts selected: typing replaces it
        await pilot.press("enter")
        await settle(pilot)
        assert day(7) in {r.day for r in history.read_journal().rest_days}
        assert screen.query_one(StreakCalendar).mark_of(day(7)) == DayMark.REST


async def test_a_rest_day_is_refused_on_a_day_with_a_completed_session(
    data_dir: Path, history: Store
) -> None:
    before = history.read_journal()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("R")
        await fill(pilot, "day", day(1).isoformat())  # Tue 24: a completed session
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogRestDayForm)  # the form stays: pick another day
        assert (
            "2026-11-24 already holds a completed session, so it cannot be a rest day "
            "(delete that session first if it was logged by mistake)"
        ) in messages(app)
        assert history.read_journal() == before
        await fill(pilot, "day", day(5).isoformat())  # Fri 20: only a session stopped early
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, LogRestDayForm)
    assert [r.day for r in history.read_journal().rest_days] == [day(5), day(3)]


async def test_a_session_saved_elsewhere_meanwhile_still_stops_the_rest_day(
    data_dir: Path, history: Store
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        history.save_session(session(TODAY))  # `glutewake log` in another terminal
        before = history.read_journal()
        await pilot.press("R")
        await pilot.press("enter")
        await settle(pilot)
        assert any("2026-11-25 already holds a completed session" in m for m in messages(app))
        assert history.read_journal() == before


async def test_the_same_rest_day_twice_keeps_one_record(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("R")
        await fill(pilot, "day", day(3).isoformat())
        await pilot.press("enter")
        await settle(pilot)
        assert [r.day for r in history.read_journal().rest_days] == [day(3)]
        assert "Sun 22 Nov 2026 was already a rest day." in messages(app)


async def test_activity_is_saved_and_this_week_updates_at_once(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("l")
        assert isinstance(app.screen, LogActivityForm)
        await pilot.press(*"Swimming", "tab", *"40", "enter")
        await settle(pilot)
        assert app.screen is screen
        saved = history.read_journal().activities[-1]
        assert (saved.day, saved.kind, saved.minutes) == (TODAY, "swimming", 40)
        table = screen.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)][:3] == ["2026-11-25", "swimming", "40 min"]
        await pilot.press("v")  # the weeks
        assert "this week  varied         rehab 2 days · swimming 70 min" in screen_text(app)
        assert "Logged 40 min of swimming on Wed 25 Nov 2026." in messages(app)


async def test_activity_on_a_chosen_date_marks_that_day(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("l")
        await fill(pilot, "kind", "elliptical")
        await fill(pilot, "minutes", "20")
        await fill(pilot, "day", day(7).isoformat())
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(StreakCalendar).mark_of(day(7)) == DayMark.ACTIVE


@pytest.mark.parametrize(
    ("field", "text", "problem"),
    [
        ("day", "2026-11-26", "the day 2026-11-26 is in the future"),
        ("day", "26/11/2026", "the day must be a day like 2026-11-24"),
        ("minutes", "0", "minutes must be 1-1440"),
        ("minutes", "1441", "minutes must be 1-1440"),
        ("kind", "_", "the activity must be a word or two"),
    ],
)
async def test_activity_that_log_would_refuse_is_refused_and_nothing_is_saved(
    data_dir: Path, history: Store, field: str, text: str, problem: str
) -> None:
    before = history.read_journal()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("l")
        await fill(pilot, "kind", "swimming")
        await fill(pilot, "minutes", "30")
        await fill(pilot, field, text)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogActivityForm)  # still open, to put it right
        assert any(problem in message for message in messages(app))
        assert app.screen.query_one(f"#{field}", Input).has_class("-invalid")
    assert history.read_journal() == before


async def test_escape_leaves_a_form_without_saving(data_dir: Path, history: Store) -> None:
    before = history.read_journal()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("l", *"rowing", "escape")
        await pilot.pause()
        assert app.screen is screen
    assert history.read_journal() == before


async def test_refresh_shows_what_another_process_wrote(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 11
        Store(data_dir).save_session(session(TODAY, pain_after=0))  # as `glutewake log` would
        await pilot.press("r")
        await settle(pilot)
        assert table.row_count == 12
        assert [str(cell) for cell in table.get_row_at(0)][:2] == ["2026-11-25", "rehab session"]
        assert screen.query_one(StreakCalendar).mark_of(TODAY) == DayMark.DONE
        assert any(m.startswith("Read again: 7 sessions") for m in messages(app))


async def test_read_only_mode_refuses_to_log(data_dir: Path, history: Store) -> None:
    month = data_dir / "journal" / "2026-09.toml"
    month.write_text("schema = 1\n\n[[sessions]\nid = 'x'\n")
    before = sorted(p.name for p in (data_dir / "journal").iterdir())
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert "READ-ONLY" in screen_text(app)
        for key in ("l", "R"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        assert sum("read-only" in m for m in messages(app)) == 2
        # What can be read is still shown.
        assert screen.query_one(DataTable).row_count == 11
    assert sorted(p.name for p in (data_dir / "journal").iterdir()) == before
    assert "Nothing can be logged" in flat(" ".join(messages(app)))


async def test_history_is_reachable_from_the_palette(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"history", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_a_failed_write_is_a_notification_not_a_traceback(
    data_dir: Path, history: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glutewake.store.errors import Unwritable

    def refuse(*args: object) -> None:
        raise Unwritable(data_dir / "journal" / "2026-11.toml", "disk full")

    monkeypatch.setattr(Store, "add_rest_day", refuse)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("R", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert any("disk full" in m for m in messages(app))


async def test_a_data_folder_made_private_says_so_in_the_app(data_dir: Path, history: Store) -> None:
    data_dir.chmod(0o755)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("R")
        await pilot.press("enter")
        await settle(pilot)
        notes = [m for m in messages(app) if "could be read by others" in m]
        assert len(notes) == 1 and "(mode 755)" in notes[0] and "yours alone (700)" in notes[0]
    assert data_dir.stat().st_mode & 0o777 == 0o700
