"""Looking for the sound output from two threads at once, on a machine with no sound server.

The settings screen used to look twice at once, and the two looks could leave ALSA holding a
freed error handler: the app died now and then with a segfault (139) or an illegal
instruction (132), about one start in five when two threads opened ALSA at the same moment.
PulseAudio is pointed at a socket that does not exist, so ALSA is what gets opened, as on a
machine with no sound server running (and, in CI, no sound card: every open is an error)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app.helpers import acknowledge

from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e

STARTS = 3
# Each a fresh process (ALSA's handler is installed once per process); ~0.6 s each.
PROCESSES = 15

TWO_AT_ONCE = """
import threading, time
from glutewake.app.playback.tone_output import AudioUnavailable, open_tones

def look():
    try:
        open_tones(50, time.monotonic, systems=("ALSA",)).close()
    except AudioUnavailable:
        pass

threads = [threading.Thread(target=look) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
"""


def no_pulse(folder: Path) -> dict[str, str]:
    return {"PULSE_SERVER": f"unix:{folder / 'no-pulse' / 'native'}"}


def looked(screen: str) -> bool:
    return "sound:" in screen and "looking for the sound output" not in screen


def test_opening_settings_with_no_sound_server_never_crashes_the_app(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    env = {**no_pulse(tmp_path), "TZ": "Europe/Berlin"}
    statuses = []
    with Tmux() as tmux:
        for _ in range(STARTS):
            tmux.start([glutewake_command(), "--data-dir", str(data)], env=env)
            tmux.wait_for("PHASE  BEGINNER")
            tmux.send(",")
            # A crash ends the command with the last screen still shown: its status tells.
            tmux.wait_until(
                lambda screen: looked(screen) or tmux.status_file.exists(), "what the sound output is"
            )
            if not tmux.status_file.exists():
                tmux.send("Escape")
                tmux.wait_for("PHASE  BEGINNER")
                tmux.send("q")
            statuses.append(tmux.wait_exit())
    assert statuses == [0] * STARTS


def test_two_threads_opening_the_sound_output_at_once_never_crash(tmp_path: Path) -> None:
    pytest.importorskip("miniaudio")
    environ = {**os.environ, **no_pulse(tmp_path)}
    statuses = [
        subprocess.run(
            [sys.executable, "-c", TWO_AT_ONCE], env=environ, capture_output=True, timeout=60
        ).returncode
        for _ in range(PROCESSES)
    ]
    assert statuses == [0] * PROCESSES
