"""The advice at work: starting a session while told to rest, the phase switch, and home."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.player import PlayerScreen
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text, session, symptom_check


async def test_start_while_told_to_rest_explains_and_any_key_but_y_stays_home(
    data_dir: Path, store: Store
) -> None:
    store.add_symptom_check(symptom_check("rest", during=8))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.title_text == "Since your check of 24 Nov: REST AND SEE A PROFESSIONAL"
        text = flat(app.screen.explanation)
        assert "You have not been cleared for exercise" in text
        assert "Go on only if a doctor or physical therapist has told you it is fine" in text
        assert "y start the session anyway" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.read_journal().sessions == ()


async def test_y_starts_the_session_anyway(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("rest"))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_start_without_rest_advice_asks_nothing(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("beginner"))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_pain_now_of_seven_after_the_check_turns_the_advice_to_rest(
    data_dir: Path, store: Store
) -> None:
    store.add_symptom_check(symptom_check("advanced", during=2, after=2, cleared_for_advanced=True))
    store.save_session(session(TODAY, pain_after=7))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = flat(screen_text(app))
        assert "Last check 24 Nov · REST AND SEE A PROFESSIONAL" in home
        assert "Pain after your session of 25 Nov was 7: 7 or more means rest." in home
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmScreen), "the phase switch must ask first"
        assert "The advice now is to rest and see a professional" in flat(app.screen.explanation)
        await pilot.press("n", "s")
        assert isinstance(app.screen, ConfirmScreen), "starting a session must ask first"


async def test_pain_now_before_the_check_counts_only_through_the_check(data_dir: Path, store: Store) -> None:
    # The check on the 24th already weighed the session before it: its advice stands.
    store.save_session(session(TODAY - dt.timedelta(days=3), pain_after=8))
    store.add_symptom_check(symptom_check("beginner"))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Last check  24 Nov · BEGINNER" in screen_text(app)


async def test_a_check_that_says_advanced_lets_the_phase_switch_at_once(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "c", "2", "down", "1", "down", "down", "down", "down", "y", "down", "y", "enter", "enter", "p"
        )
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "PHASE  ADVANCED" in screen_text(app)
