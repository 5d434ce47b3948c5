"""`glutewake sound` without a sound server: the checks, the wording and the exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from glutewake.app.playback import cue_sounds
from glutewake.app.playback.demo import bell_demo, tone_demo
from glutewake.cli import main
from glutewake.cli import sound as sound_cli
from glutewake.core.settings import Settings
from tests.app.helpers import acknowledge
from tests.fake_tones import FakeTones, no_sound_output
from tests.helpers import FakeClock, RunCli


@pytest.fixture
def paced(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The demo's clock and sleep, so it runs through without waiting."""
    clock = FakeClock()
    monkeypatch.setattr(sound_cli, "clock", clock)
    monkeypatch.setattr(sound_cli, "sleep", clock.advance)
    return clock


def test_sound_plays_each_cue_once_naming_it_and_says_which_output(
    tmp_path: Path, paced: FakeClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tones = FakeTones()
    monkeypatch.setattr(cue_sounds, "open_system_tones", tones.open)
    acknowledge(tmp_path, settings=Settings(volume=65))
    assert main(["--data-dir", str(tmp_path), "sound"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "tones through a test output: default output (volume 65)"
    demo = tone_demo()
    assert [line.split("  ", 2)[-1] for line in lines[1 : 1 + len(demo)]] == [item.label for item in demo]
    assert tones.volume == 65 and tones.closed
    heard = tones.sounds()
    assert [sound for _, sound in heard] == [str(item.sound) for item in demo]
    assert [round(at - heard[0][0], 6) for at, _ in heard] == [item.delay for item in demo]


def test_with_no_sound_output_it_says_terminal_bell_only_and_rings_the_patterns(
    tmp_path: Path, paced: FakeClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cue_sounds, "open_system_tones", no_sound_output)
    acknowledge(tmp_path)
    assert main(["--data-dir", str(tmp_path), "sound"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "terminal bell only — your terminal may be silent "
        "(no sound device could be opened through PulseAudio or ALSA)"
    )
    assert len(lines) == 1 + len(bell_demo())
    assert "one ring: get ready, breathe in" in lines[1]


def test_sound_off_is_one_line_and_exit_2(run_cli: RunCli, data_dir: Path) -> None:
    acknowledge(data_dir, settings=Settings(sound="off"))
    result = run_cli("sound")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        'glutewake: sound is off in settings (sound = "off"): set it to "tones" or "bell" to hear the cues\n'
    )


def test_sound_never_imports_textual(tmp_path: Path) -> None:
    acknowledge(tmp_path, settings=Settings(sound="bell"))
    code = (
        "import sys\n"
        "from glutewake.cli import sound\n"
        "sound.sleep = lambda seconds: None\n"
        "from glutewake.cli import main\n"
        f"assert main(['--data-dir', {str(tmp_path)!r}, 'sound']) == 0\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('textual-free')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "the terminal bell — your terminal may be silent"
    assert done.stdout.strip().endswith("textual-free")
