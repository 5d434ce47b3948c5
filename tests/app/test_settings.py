"""Settings: validated, saved through the store, theme previewed live, override for one run."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, Static

from glutewake.app.playback.demo import bell_demo, tone_demo
from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.settings import SettingsScreen
from glutewake.store import Store
from tests.fake_tones import FakeTones, no_sound_output

from .helpers import flat, make_app, screen_text


async def set_field(pilot, name: str, value: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(f"#{name}", Input)
    field.focus()
    field.value = value
    await pilot.pause()


async def test_settings_show_the_saved_values(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        text = screen_text(app)
        for label, value in [
            ("Seconds per count", "1"),
            ("Counts per breath in or out", "2"),
            ("Stretch hold, in seconds", "30"),
            ("Rest, in seconds", "10"),
            ("Change of position, in seconds", "5"),
        ]:
            line = next(line for line in text.splitlines() if label in line)
            assert f" {value} " in line
        assert "Sound at each cue" in text and "tones (own sounds)" in text


async def test_saving_persists_and_home_shows_the_new_length(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await set_field(pilot, "count_seconds", "0.5")
        await set_field(pilot, "stretch_hold_seconds", "40")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "beginner · 8 min · 0.5 s per count" in screen_text(app)
    saved = Store(data_dir).read_profile().settings
    assert (saved.count_seconds, saved.stretch_hold_seconds) == (0.5, 40)


async def test_enter_in_a_field_saves(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await set_field(pilot, "counts_per_breath", "3")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert Store(data_dir).read_profile().settings.counts_per_breath == 3


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("counts_per_breath", "9", "counts per breath in or out must be between 1 and 8, got 9"),
        ("count_seconds", "20", "seconds per count must be between 0.05 and 10, got 20"),
        ("rest_seconds", "", "rest, in seconds must be a whole number"),
        ("stretch_hold_seconds", "2", "stretch hold, in seconds must be between 5 and 120"),
        ("transition_seconds", "31", "change of position, in seconds must be between 0 and 30"),
    ],
)
async def test_out_of_range_values_are_refused_and_never_saved(
    data_dir: Path, store: Store, name: str, value: str, message: str
) -> None:
    before = (data_dir / "settings.toml").read_bytes()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await set_field(pilot, name, value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert message in flat(screen_text(app))
    assert (data_dir / "settings.toml").read_bytes() == before


async def test_escape_leaves_without_saving(data_dir: Path, store: Store) -> None:
    before = (data_dir / "settings.toml").read_bytes()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await set_field(pilot, "count_seconds", "2")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert (data_dir / "settings.toml").read_bytes() == before


async def test_sound_and_volume_are_saved_and_checked(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#sound", Select).value = "bell"
        await set_field(pilot, "volume", "101")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "volume must be between 0 and 100, got 101" in flat(screen_text(app))
        await set_field(pilot, "volume", "35")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    saved = Store(data_dir).read_profile().settings
    assert (saved.sound, saved.volume) == ("bell", 35)


async def test_settings_say_which_sound_output_is_in_use(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Sound at each cue" in text and "tones (own sounds)" in text
        assert "sound: tones through a test output: default output" in text
        assert "ctrl+o hear cues" in text
        app.screen.query_one("#sound", Select).value = "off"
        await pilot.pause()
        assert "sound: off — cues are silent (spoken cues aside)" in flat(screen_text(app))


async def test_opening_settings_looks_for_the_sound_output_once(data_dir: Path, store: Store) -> None:
    # The sound Select posts a Changed as it mounts; two probes at once used to crash the app.
    tones = FakeTones()
    probes: list[int] = []

    def counted(volume: int, clock: Callable[[], float]) -> FakeTones:
        probes.append(volume)
        return tones.open(volume, clock)

    app = make_app(data_dir, open_tones=counted)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(probes) == 1
        assert "sound: tones through a test output" in flat(screen_text(app))
        app.screen.query_one("#sound", Select).value = "bell"
        await pilot.pause()
        app.screen.query_one("#sound", Select).value = "tones"
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(probes) == 1, "what the probe found is kept for the screen"


async def test_with_no_sound_output_settings_say_terminal_bell_only(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir, open_tones=no_sound_output)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await app.workers.wait_for_complete()
        await pilot.pause()
        note = str(app.screen.query_one("#sound-note", Static).render())
        assert "terminal bell only — your terminal may be silent" in note
        assert "no sound device could be opened" in note


async def test_ctrl_o_plays_every_cue_in_turn_at_the_volume_on_the_form(data_dir: Path, store: Store) -> None:
    tones = FakeTones()
    app = make_app(data_dir, open_tones=tones.open)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await set_field(pilot, "volume", "40")
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert tones.volume == 40
        assert [sound for _, sound in tones.sounds()] == [str(item.sound) for item in tone_demo()]
        assert "sound: playing 1/" in str(app.screen.query_one("#sound-note", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert tones.closed, "leaving settings stops the cues"


async def test_ctrl_o_twice_while_the_output_opens_keeps_one_open_and_closes_the_other(
    data_dir: Path, store: Store
) -> None:
    opened: list[FakeTones] = []
    release = threading.Event()

    def slow_to_open(volume: int, clock: Callable[[], float]) -> FakeTones:
        tones = FakeTones().open(volume, clock)
        opened.append(tones)
        if len(opened) > 1:  # the first is the settings screen's own look
            release.wait(10)
        return tones

    app = make_app(data_dir, open_tones=slow_to_open)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+o")
        await pilot.press("ctrl+o")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        demos = opened[1:]
        assert len(demos) == 2
        assert sorted(tones.closed for tones in demos) == [False, True]
        await pilot.press("escape")
        await pilot.pause()
        assert all(tones.closed for tones in demos)


async def test_ctrl_o_rings_the_bell_patterns_when_the_bell_is_chosen(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    rang: list[int] = []
    app.bell = lambda: rang.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#sound", Select).value = "bell"
        screen = app.screen
        lines: list[str] = []
        screen._demo_line = lines.append  # type: ignore[method-assign]
        items = bell_demo()
        await pilot.press("ctrl+o")
        # Timers fire late on a busy machine, never early: wait for every ring, then judge
        # what rang and what the sound line said, in order.
        deadline = time.monotonic() + 10
        rings = sum(item.rings for item in items)
        while len(rang) < rings and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        assert lines[0].startswith(f"playing 1/{len(items)}: one ring: get ready, breathe in")
        assert lines == [f"playing {n}/{len(items)}: {item.label}" for n, item in enumerate(items, 1)]
        assert len(rang) == rings > len(items)
        app.screen.query_one("#sound", Select).value = "off"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert any("Sound is off" in n.message for n in app._notifications)


async def test_theme_is_previewed_live_and_reverted_on_escape(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("escape")
        assert app.theme == "textual-dark"
    assert Store(data_dir).read_profile().settings.theme == "textual-dark"


async def test_theme_is_saved_and_used_at_the_next_start(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#theme", Select).value = "gruvbox"
        await pilot.pause()
        await pilot.press("ctrl+s")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"


async def test_count_seconds_override_is_for_this_run_only(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir, count_seconds=0.25)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        assert "This run uses 0.25 s per count (--count-seconds)" in flat(screen_text(app))
        assert app.screen.query_one("#count_seconds", Input).value == "1"
        await pilot.press("ctrl+s")
    assert Store(data_dir).read_profile().settings.count_seconds == 1.0


async def test_spoken_cues_are_saved_and_the_voice_is_named(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir, environ={"GLUTEWAKE_VOICE_COMMAND": "espeak-ng -s 140"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        assert "GLUTEWAKE_VOICE_COMMAND for this run" in flat(screen_text(app))
        spoken = app.screen.query_one("#spoken_cues", Checkbox)
        spoken.focus()
        await pilot.press("space")
        assert str(spoken.label) == "on"
        await pilot.press("ctrl+s")
    assert Store(data_dir).read_profile().settings.spoken_cues is True
