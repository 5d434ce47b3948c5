"""First run: the safety note, acknowledged once with Enter, then never shown again."""

from __future__ import annotations

from pathlib import Path

from glutewake.app.screens.first_run import FirstRunScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.store import Store

from .helpers import TODAY, flat, make_app, screen_text


async def test_first_start_shows_the_safety_note(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        text = flat(screen_text(app))
        assert "physical therapist or doctor first" in text
        assert "sharp pain" in text
        assert "see a professional" in text
        assert "not a clinician" in text
        assert "enter I understand, go on" in text


async def test_enter_stores_the_date_and_goes_home(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    assert Store(data_dir).read_profile().acknowledged_on == TODAY


async def test_the_note_is_not_shown_once_acknowledged(data_dir: Path) -> None:
    async with make_app(data_dir).run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Before you start" not in screen_text(app)


async def test_q_on_the_note_quits_without_acknowledging(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert Store(data_dir).read_profile().acknowledged_on is None
