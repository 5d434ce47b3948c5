"""The key contract: every home key, help generated from the registry, escape goes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.keys import KEYS, SCOPES, keys_for
from glutewake.app.screens.help import HelpScreen
from glutewake.app.screens.history import HistoryScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.settings import SettingsScreen
from glutewake.store import Store

from .conftest import flat, make_app, screen_text


async def test_h_opens_history_and_escape_goes_back(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_comma_opens_settings_and_question_mark_opens_help(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_question_mark_twice_opens_help_once(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "question_mark")
        assert len(app.screen_stack) == 2


async def test_escape_on_home_stays_home(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_q_quits_from_home(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_help_lists_every_key_without_scrolling(
    data_dir: Path, store: Store, size: tuple[int, int]
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        text = flat(screen_text(app))
        for heading in SCOPES.values():
            assert heading in text
        for key in KEYS:
            assert key.tooltip in text, key


def test_every_binding_has_description_tooltip_and_id() -> None:
    for key in KEYS:
        binding = key.binding()
        assert binding.description and binding.tooltip and binding.id


def test_home_keys_are_the_contract() -> None:
    shown = [key.shown_key for key in keys_for("home")]
    assert shown == ["s", "r", "c", "h", "p", ",", "q"]
    assert [key.shown_key for key in keys_for("everywhere")] == ["?", "ctrl+p"]


def test_every_tooltip_fits_one_help_line_at_80_columns() -> None:
    assert all(len(key.tooltip) <= 29 for key in KEYS)


async def test_a_question_clears_notices_that_would_cover_it(tmp_path: Path) -> None:
    from glutewake.app.screens.confirm import ConfirmScreen

    from .conftest import acknowledge

    acknowledge(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("an old notice")
        await pilot.pause()
        assert app._notifications
        app.push_screen(ConfirmScreen("Sure?", "Because.", yes="do it", no="keep"))
        await pilot.pause()
        assert not app._notifications
