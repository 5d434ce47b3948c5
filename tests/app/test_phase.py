"""`p`: beginner ↔ advanced; asks `y` first when the advice does not say advanced yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.store import Store

from .helpers import acknowledge, flat, make_app, screen_text, symptom_check


def phase(data_dir: Path) -> str:
    return Store(data_dir).read_profile().phase


async def test_no_check_yet_explains_and_y_switches(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmScreen)
        assert "You have not done a symptom check yet" in app.screen.explanation
        assert "y switch to advanced anyway" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "PHASE  ADVANCED" in screen_text(app)
    assert phase(data_dir) == "advanced"


@pytest.mark.parametrize("key", ["n", "escape", "enter", "question_mark", "Y"])
async def test_any_other_key_cancels(data_dir: Path, store: Store, key: str) -> None:
    before = (data_dir / "settings.toml").read_bytes()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", key)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "PHASE  BEGINNER" in screen_text(app)
    assert (data_dir / "settings.toml").read_bytes() == before


async def test_beginner_advice_is_explained_with_its_reason(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("beginner"))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmScreen)
        text = flat(app.screen.explanation)
        assert "The advice now is to stay with the beginner phase." in text
        assert "not yet for the advanced phase" in text


async def test_rest_advice_says_to_see_a_professional(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("rest", during=8))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmScreen)
        assert "rest and see a professional" in app.screen.explanation


async def test_advanced_advice_switches_at_once(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("advanced", during=2, after=2, cleared_for_advanced=True))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "PHASE  ADVANCED" in screen_text(app)
    assert phase(data_dir) == "advanced"


async def test_back_to_beginner_needs_no_confirmation(data_dir: Path) -> None:
    acknowledge(data_dir, phase="advanced")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "PHASE  BEGINNER" in text
        assert "side-lying hip abduction" in text
    assert phase(data_dir) == "beginner"
