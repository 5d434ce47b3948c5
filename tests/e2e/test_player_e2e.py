"""A whole beginner session in a real terminal at 0.05 s a count: killed, resumed, finished."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest

from glutewake.core.settings import Settings
from tests.app.helpers import acknowledge
from tests.blocks import block_scale, shows_block
from tests.helpers import abduction_programme, hamstring_stretch

from .commands import history
from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e


def pane(tmux: Tmux, variable: str) -> str:
    """One of tmux's pane variables, e.g. `pane_pid` or `pane_dead`."""
    return tmux.display(variable)


def app_pid(tmux: Tmux) -> int:
    """The glutewake process itself: the pane's process, or the first of its descendants
    that is not a shell (tmux may start the command through `sh -c`)."""
    pending = [int(pane(tmux, "pane_pid"))]
    while pending:
        pid = pending.pop(0)
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if any(b"glutewake" in part for part in command[:2]):
            return pid
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            pending += [int(child) for child in children]
    pytest.fail("no glutewake process found in the pane")


def wait_dead(tmux: Tmux, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pane(tmux, "pane_dead") == "1":
            return
        time.sleep(0.05)
    pytest.fail(f"the app was still running {timeout:g} s after kill -9")


# Five reps a side of 1.5 s (two counts a beat at 0.25 s a count), the switch and the change
# of position 1 s each, one 1 s stretch: the right leg's 4th rep is 13-14.5 s in.
RESUMABLE = abduction_programme(
    "five-a-side", prepare="seconds = 1", reps=5, counts=2, then=hamstring_stretch("seconds = 1")
)


def rep_shown(screen: str) -> str:
    """The repetition number drawn in block digits beside `/ 5` (empty when none is)."""
    if not shows_block(screen, "/ 5"):
        return ""
    return max("12345", key=lambda number: block_scale(screen, number))


def test_kill_in_the_right_sides_4th_rep_then_resume_plays_the_4th_first(tmp_path: Path) -> None:
    tmux_required()
    if not Path("/proc/self/task").exists():
        pytest.skip("finding the app's process to kill needs /proc")
    data = tmp_path / "data"
    acknowledge(data, settings=Settings(rest_seconds=1, transition_seconds=1))
    programme = tmp_path / "five.toml"
    programme.write_text(RESUMABLE)
    command = [
        glutewake_command(),
        "--data-dir",
        str(data),
        "--count-seconds",
        "0.25",
        "--programme-file",
        str(programme),
    ]
    with Tmux() as tmux:
        tmux.start(command, size=(80, 24))
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("s")
        tmux.wait_for("working  LEFT leg")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            screen = tmux.capture()
            if "working  RIGHT leg" in screen and rep_shown(screen) == "4":
                break
            time.sleep(0.03)
        else:
            pytest.fail(f"the right leg's 4th rep never showed:\n{tmux.capture()}")
        os.kill(app_pid(tmux), signal.SIGKILL)
        wait_dead(tmux)

        [interrupted] = history(data)["sessions"]
        assert (interrupted["status"], interrupted["source"]) == ("partial", "app")
        left, right = interrupted["sets"][:2]
        assert (left["side"], left["reps"], right["side"], right["reps"]) == ("left", 5, "right", 3)

        tmux.start(command, size=(80, 24))
        home = tmux.wait_for("r resume")
        assert "interrupted" in home and "rep 4 of the side-lying hip abduction, right side" in " ".join(
            home.split()
        )
        tmux.send("r")
        ready = tmux.wait_for("Get ready to go on: rep 4 of 5")
        assert "working  RIGHT leg" in ready
        first = tmux.wait_until(lambda s: rep_shown(s) != "", "the first rep after resuming")
        assert rep_shown(first) == "4", first
        done = tmux.wait_for("How does your hip feel right now?", timeout=60)
        assert "SESSION COMPLETE" in done and "reps        10 of 10" in done
        # The time of both parts: the first ran 13 s or more, the second 5 + 2 × 1.5 + 1 + 1.
        spent = re.search(r"time\s+(\d+):(\d\d)", done)
        assert spent and int(spent[1]) * 60 + int(spent[2]) >= 13 + 10, done
        tmux.send("3", "Enter")
        tmux.wait_for("done ✓")
        tmux.send("q")
        assert tmux.wait_exit() == 0

    document = history(data)
    [finished] = document["sessions"]
    assert finished["id"] == interrupted["id"]
    assert finished["started_at"] == interrupted["started_at"]
    assert (finished["status"], finished["pain_after"]) == ("completed", 3)
    assert [s["reps"] for s in finished["sets"]] == [5, 5, 1]
    assert document["streak"]["current"] == 1
