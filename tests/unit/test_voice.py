from __future__ import annotations

import stat
import sys
import time
from pathlib import Path

import pytest

from glutewake.app.playback.voice import ENV_VARIABLE, Voice, choose_voice
from glutewake.core.settings import Settings


def recorder(tmp_path: Path, exit_code: int = 0) -> tuple[Path, Path]:
    """A fake speech program that appends its one argument to a file."""
    log = tmp_path / "spoken.txt"
    script = tmp_path / "fake-say"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"open({str(log)!r}, 'a').write(repr(sys.argv[1:]) + '\\n')\n"
        f"sys.exit({exit_code})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def wait_for_lines(log: Path, count: int) -> list[str]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.02)
    raise AssertionError(f"expected {count} lines in {log}")


def test_environment_variable_turns_speech_on_with_that_program() -> None:
    choice = choose_voice(Settings(spoken_cues=False), {ENV_VARIABLE: "/opt/x/talk --fast"})
    assert choice.enabled and choice.argv == ("/opt/x/talk", "--fast")


def test_found_program_is_used_only_when_the_setting_is_on() -> None:
    def which(name: str) -> str | None:
        return "/usr/bin/spd-say" if name == "spd-say" else None

    off = choose_voice(Settings(), {}, which)
    on = choose_voice(Settings(spoken_cues=True), {}, which)
    assert (off.program, off.enabled) == ("spd-say", False)
    assert (on.program, on.enabled) == ("spd-say", True)
    assert "found spd-say" in on.note


def test_no_program_means_bell_only_with_a_clear_note() -> None:
    choice = choose_voice(Settings(spoken_cues=True), {}, lambda name: None)
    assert not choice.enabled
    assert "no speech program found" in choice.note


def test_text_is_one_argument_and_never_reaches_a_shell(tmp_path: Path) -> None:
    script, log = recorder(tmp_path)
    victim = tmp_path / "victim"
    victim.write_text("still here")
    voice = Voice((str(script),))
    assert voice.say(f"three; rm -rf {victim} && echo `id`")
    voice.speaking.wait(timeout=10)  # type: ignore[union-attr]
    [line] = wait_for_lines(log, 1)
    assert line == repr([f"three; rm -rf {victim} && echo `id`"])
    assert victim.read_text() == "still here"


def test_a_missing_program_fails_once_and_falls_back(tmp_path: Path) -> None:
    voice = Voice((str(tmp_path / "no-such-program"),))
    assert not voice.say("one")
    assert voice.failure and "could not start" in voice.failure
    assert not voice.say("two")


def test_a_failing_program_is_noticed_at_the_next_phrase(tmp_path: Path) -> None:
    script, log = recorder(tmp_path, exit_code=3)
    voice = Voice((str(script),))
    assert voice.say("one")
    voice.speaking.wait(timeout=10)  # type: ignore[union-attr]
    assert not voice.say("two")
    assert voice.failure and "exit 3" in voice.failure


def test_a_phrase_still_speaking_is_cut_not_queued(tmp_path: Path) -> None:
    slow = tmp_path / "slow-say"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    voice = Voice((str(slow),))
    began = time.monotonic()
    voice.say("one")
    first = voice.speaking
    voice.say("two")
    assert first is not None and first.poll() is not None
    assert time.monotonic() - began < 2
    voice.close()


@pytest.mark.parametrize("text", ["", "hold one, two"])
def test_say_returns_quickly(tmp_path: Path, text: str) -> None:
    slow = tmp_path / "slow-say"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    voice = Voice((str(slow),))
    began = time.monotonic()
    voice.say(text)
    assert time.monotonic() - began < 0.5
    voice.close()
