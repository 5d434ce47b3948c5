"""Spoken cues in the player, through a fake speech program set by the environment."""

from __future__ import annotations

import stat
import sys
import time
from pathlib import Path

from textual.widgets import Static

from glutewake.core.settings import Settings
from glutewake.store import Store

from .helpers import acknowledge
from .player_helpers import Rig, rig


def fake_speech(tmp_path: Path, exit_code: int = 0) -> tuple[Path, Path]:
    """A speech program that appends its one argument to a file, then exits."""
    log = tmp_path / "spoken.txt"
    script = tmp_path / "fake-speech"
    script.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"open({str(log)!r}, 'a').write(sys.argv[1] + '\\n')\n"
        f"sys.exit({exit_code})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def header(r: Rig) -> str:
    """The player's one line of notices."""
    return str(r.player.query_one("#player-note", Static).render())


def spoken(log: Path, count: int) -> list[str]:
    """Wait (bounded) until the program has written `count` phrases; they are separate processes."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.01)
    raise AssertionError(f"only heard {log.read_text() if log.exists() else ''!r}")


async def test_the_environment_variable_speaks_every_cue_in_order(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    script, log = fake_speech(tmp_path)
    r = rig(data_dir, store, count_seconds=0.05, environ={"GLUTEWAKE_VOICE_COMMAND": str(script)})
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        spoken(log, 1)
        steps = r.player.timeline.steps
        for index in range(1, 8):
            r.advance(steps[index - 1].seconds)
            spoken(log, index + 1)
        assert r.view.bell == "voice on · tones on"
        await pilot.press("m")
        r.advance(steps[7].seconds)
        await pilot.pause()
    assert spoken(log, 8) == [
        "get ready, lie on your right side, head and neck resting on your arm",
        "one, breathe in",
        "breathe out, raise the leg",
        "lower slowly",
        "two, breathe in",
        "breathe out, raise the leg",
        "lower slowly",
        "three, breathe in",
    ]
    assert len(log.read_text().splitlines()) == 8, "muted, nothing more is spoken"


async def test_a_failing_speech_program_falls_back_to_the_bell(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    script, log = fake_speech(tmp_path, exit_code=3)
    store = acknowledge(data_dir, settings=Settings(sound="bell"))
    r = rig(data_dir, store, environ={"GLUTEWAKE_VOICE_COMMAND": str(script)})
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        spoken(log, 1)
        voice = r.player.sounds.voice  # type: ignore[union-attr]
        assert voice is not None and voice.speaking is not None
        voice.speaking.wait(timeout=15)
        bells = len(r.bells)
        r.advance(10.0)
        await pilot.pause()
        assert len(r.bells) == bells + 1, "the bell still rings"
        assert r.view.bell == "bell on"
        # Said in the player's header, never as a notice over it.
        assert "failed (exit 3)" in header(r)
        assert not list(r.app._notifications)
        r.advance(2.0)
        assert r.player.engine is not None and not r.player.engine.paused
    assert len(log.read_text().splitlines()) == 1


async def test_a_missing_speech_program_says_so_and_the_session_goes_on(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    store = acknowledge(data_dir, settings=Settings(sound="bell"))
    r = rig(data_dir, store, environ={"GLUTEWAKE_VOICE_COMMAND": str(tmp_path / "nothing-here")})
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert "could not start" in header(r)
        assert len(r.bells) == 1
        r.advance(10.0)
        assert r.view.cue == "BREATHE IN"


async def test_settings_names_the_program_and_ctrl_t_tests_it(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    script, log = fake_speech(tmp_path)
    r = rig(data_dir, store, environ={"GLUTEWAKE_VOICE_COMMAND": str(script)})
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        assert "GLUTEWAKE_VOICE_COMMAND" in str(r.app.screen.query_one("#voice-note").render())
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert spoken(log, 1) == ["glutewake voice test: three, breathe in"]
        assert any("Speaking through" in n.message for n in r.app._notifications)
