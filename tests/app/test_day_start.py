"""`day_starts_at` in the app: the settings field, home's "today" at one in the morning, the
morning-after question after a late session, and a change of the setting seen at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from glutewake.app.app import GlutewakeApp
from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.morning import MorningScreen
from glutewake.app.screens.settings import SettingsScreen
from glutewake.core.frozen import replace
from glutewake.core.records import Session, new_id
from glutewake.store import Store

from .helpers import TZ, acknowledge, flat, make_app, screen_text

TUE = dt.date(2026, 11, 24)
MON = TUE - dt.timedelta(days=1)
ONE_AM = dt.datetime.combine(TUE, dt.time(1, 0), TZ)


def late_session(store: Store, moment: dt.datetime) -> None:
    store.save_session(Session(new_id(), "beginner", "beginner", moment, "completed", "app"))


def day_starts_at(store: Store, hour: int) -> None:
    store.update_profile(lambda p: replace(p, settings=p.settings.with_changes(day_starts_at=hour)))


async def test_the_settings_field_shows_saves_and_checks_the_hour(data_dir: Path) -> None:
    store = acknowledge(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        line = next(line for line in screen_text(app).splitlines() if "A day starts at (hour)" in line)
        assert " 0 " in line and "0–6  · earlier: the day before" in line
        field = app.screen.query_one("#day_starts_at", Input)
        field.focus()
        field.value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert "Not saved: a day starts at (hour) must be between 0 and 6, got 7." in flat(screen_text(app))
        assert store.read_profile().settings.day_starts_at == 0
        field.value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.read_profile().settings.day_starts_at == 4


def monday_night_at_one_am(data_dir: Path) -> GlutewakeApp:
    """The app at 01:00 on Tuesday, days starting at 4, with a session at 23:00 on Monday."""
    store = acknowledge(data_dir, morning_asked_on=TUE)
    late_session(store, dt.datetime.combine(MON, dt.time(23, 0), TZ))
    day_starts_at(store, 4)
    return make_app(data_dir, now=lambda: ONE_AM)


async def test_home_at_one_in_the_morning_counts_last_nights_session_as_today(data_dir: Path) -> None:
    app = monday_night_at_one_am(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = flat(screen_text(app))
        assert "streak 1 day longest 1 day today done ✓" in text
        assert "Monday 23 November" in text  # the title bar names the day it counts as


async def test_changing_the_setting_redraws_home_with_the_new_days(data_dir: Path) -> None:
    app = monday_night_at_one_am(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        field = app.screen.query_one("#day_starts_at", Input)
        field.focus()
        field.value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = flat(screen_text(app))
        assert "today not done yet" in text and "streak 1 day" in text  # Tuesday has just begun


async def test_the_morning_question_follows_a_session_after_midnight(data_dir: Path) -> None:
    # A session at 00:30 on Tuesday is Monday's with days starting at 4: on Tuesday morning
    # it was last night's, and the question is asked; the answer is Tuesday's.
    store = acknowledge(data_dir, morning_asked_on=None)
    late_session(store, dt.datetime.combine(TUE, dt.time(0, 30), TZ))
    day_starts_at(store, 4)
    morning = dt.datetime.combine(TUE, dt.time(7, 0), TZ)
    app = make_app(data_dir, now=lambda: morning)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)
        await pilot.press("s", "enter")
        await pilot.pause()
    (answer,) = store.read_journal().morning_checks
    assert (answer.day, answer.compared) == (TUE, "same")


async def test_at_midnight_a_session_after_midnight_is_todays_and_nothing_is_asked(data_dir: Path) -> None:
    store = acknowledge(data_dir, morning_asked_on=None)
    late_session(store, dt.datetime.combine(TUE, dt.time(0, 30), TZ))
    morning = dt.datetime.combine(TUE, dt.time(7, 0), TZ)
    app = make_app(data_dir, now=lambda: morning)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_longer_streak_after_the_change_still_shows_today_on_home(data_dir: Path) -> None:
    # Sunday 18:00 and 00:10 on Tuesday: at midnight Monday breaks the run (1 day); with
    # days starting at 4 the 00:10 session is Monday's (2 days). The wider line still fits.
    store = acknowledge(data_dir, morning_asked_on=MON)
    late_session(store, dt.datetime.combine(MON - dt.timedelta(days=1), dt.time(18), TZ))
    late_session(store, dt.datetime.combine(TUE, dt.time(0, 10), TZ))
    app = make_app(data_dir, now=lambda: ONE_AM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "streak 1 day longest 1 day today done ✓" in flat(screen_text(app))
        await pilot.press("comma")
        field = app.screen.query_one("#day_starts_at", Input)
        field.focus()
        field.value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "streak  2 days   longest  2 days" in text
        assert "today   done ✓" in text
        assert "Monday 23 November" in text  # the title bar follows the new day too
