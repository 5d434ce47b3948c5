"""The command palette reaches every action of the app by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from glutewake.app.keys import palette_keys
from glutewake.app.screens.home import HomeScreen
from glutewake.store import Store

from .helpers import make_app, screen_text


async def run_command(app, pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


def test_palette_offers_every_action() -> None:
    titles = " / ".join(key.command.lower() for key in palette_keys())
    for action in ("start", "symptom check", "history", "switch phase", "settings", "help", "theme", "quit"):
        assert action in titles


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("start today", "s"),
        ("symptom", "c"),
        ("history", "h"),
        ("switch phase", "p"),
        ("settings", "comma"),
        ("help", "question_mark"),
    ],
)
async def test_palette_command_does_what_its_key_does(
    data_dir: Path, store: Store, words: str, key: str
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        by_key = type(app.screen)
    assert by_key is not HomeScreen
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(app, pilot, words)
        assert type(app.screen) is by_key


async def test_palette_theme_opens_the_theme_list(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(app, pilot, "theme")
        assert isinstance(app.screen, CommandPalette)
        assert "theme" in app.screen.query_one("Input").placeholder.lower()


async def test_palette_quit_quits(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(app, pilot, "quit")
        assert not app.is_running


async def test_palette_runs_the_keys_of_the_screen_it_was_opened_over(data_dir: Path, store: Store) -> None:
    from glutewake.app.screens.history import HistoryScreen
    from glutewake.app.screens.log_forms import LogRestDayForm

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await run_command(app, pilot, "mark a rest day")
        assert isinstance(app.screen, LogRestDayForm)


def test_no_palette_entry_repeats_its_title_below_it() -> None:
    from glutewake.app.keys import KEYS, palette_help, palette_title, screen_keys

    entries = [*palette_keys(), *screen_keys(key.binding() for key in KEYS if key.bound)]
    assert len(entries) > 20
    for key in entries:
        title, help_line = palette_title(key).lower(), palette_help(key).lower()
        said = help_line.rsplit(" · key ", 1)[0] if " · key " in help_line else help_line
        assert said and said not in title and title not in said, (title, help_line)


async def test_the_palette_over_history_says_each_thing_once(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("h")
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        start = lines.index("Start today's session")
        shown = lines[start : start + 30]
        for title, below in zip(shown[::2], shown[1::2], strict=True):
            assert below.split(" · key ")[0] not in title, (title, below)
        assert "History: Mark a rest day" in shown
        assert shown[shown.index("History: Mark a rest day") + 1] == "key R"
        assert shown[shown.index("Start today's session") + 1] == "key s on home"


def test_palette_titles_name_where_a_screen_key_works() -> None:
    from glutewake.app.keys import key_with_id, palette_title

    assert palette_title(key_with_id("glutewake.player.pause")) == "During a session: Pause or go on"


async def test_a_theme_picked_in_the_palette_is_saved_and_used_at_the_next_start(
    data_dir: Path, store: Store
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(app, pilot, "theme")
        await pilot.press(*"gruvbox")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "gruvbox"
        assert isinstance(app.screen, HomeScreen)
    assert Store(data_dir).read_profile().settings.theme == "gruvbox"
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"


async def test_a_theme_picked_in_the_palette_over_settings_is_what_settings_shows_and_keeps(
    data_dir: Path, store: Store
) -> None:
    from textual.widgets import Select

    from glutewake.app.screens.settings import SettingsScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await run_command(app, pilot, "theme")
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#theme", Select).value == "nord"
        await pilot.press("escape")  # leaving settings unsaved keeps the theme the palette saved
        await pilot.pause()
        assert app.theme == "nord"
    assert Store(data_dir).read_profile().settings.theme == "nord"


async def test_a_theme_picked_in_read_only_mode_is_used_but_said_not_saved(
    data_dir: Path, store: Store
) -> None:
    month = data_dir / "journal" / "2026-11.toml"
    month.parent.mkdir(parents=True, exist_ok=True)
    month.write_text("schema = 1\n\n[[sessions]\nid = 'x'\n")
    before = (data_dir / "settings.toml").read_bytes()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.coach.read_only
        app.pick_theme("nord")
        await pilot.pause()
        assert app.theme == "nord"
        assert any(note.title == "Not saved" for note in app._notifications)
    assert (data_dir / "settings.toml").read_bytes() == before
