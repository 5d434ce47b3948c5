"""A whole beginner session in a real terminal at 0.05 s a count: killed, resumed, finished."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .commands import history
from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e

FAST = ["--count-seconds", "0.05"]


def pane(tmux: Tmux, variable: str) -> str:
    """One of tmux's pane variables, e.g. `pane_pid` or `pane_dead`."""
    done = subprocess.run(
        ["tmux", "-L", tmux.socket, "display-message", "-p", "-t", "main", f"#{{{variable}}}"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    return done.stdout.strip()


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


def test_kill_mid_session_then_resume_and_finish(tmp_path: Path) -> None:
    tmux_required()
    if not Path("/proc/self/task").exists():
        pytest.skip("finding the app's process to kill needs /proc")
    data = tmp_path / "data"
    command = [glutewake_command(), "--data-dir", str(data), *FAST]
    with Tmux() as tmux:
        tmux.start(command, size=(80, 24))
        tmux.wait_for("Before you start")
        tmux.send("Enter")
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("s")
        tmux.wait_for("GET READY")
        tmux.wait_for("BREATHE IN")
        tmux.wait_for("working  LEFT leg")
        # Into the right leg's reps: the left leg's ten are long since saved.
        tmux.wait_for("set 2 of 10")
        tmux.wait_for("LOWER SLOWLY", timeout=5)
        os.kill(app_pid(tmux), signal.SIGKILL)
        wait_dead(tmux)

        [interrupted] = history(data)["sessions"]
        assert (interrupted["status"], interrupted["source"]) == ("partial", "app")
        assert interrupted["programme"] == "beginner"
        left, right = interrupted["sets"][:2]
        assert (left["side"], left["reps"], left["target"]) == ("left", 10, 10)
        assert right["side"] == "right" and 0 <= right["reps"] < 10
        assert all(s["reps"] == 0 for s in interrupted["sets"][2:])

        tmux.start(command, size=(80, 24))
        tmux.wait_for("r resume")
        tmux.send("r")
        tmux.wait_for("set 2 of 10")
        tmux.wait_for("working  RIGHT leg")
        tmux.wait_for("How does your hip feel right now?", timeout=60)
        tmux.send("3", "Enter")
        tmux.wait_for("PHASE  BEGINNER")
        tmux.wait_for("done")
        tmux.send("q")
        assert tmux.wait_exit() == 0

    document = history(data)
    [finished] = document["sessions"]
    assert finished["id"] == interrupted["id"]
    assert finished["started_at"] == interrupted["started_at"]
    assert (finished["status"], finished["pain_after"]) == ("completed", 3)
    assert [s["reps"] for s in finished["sets"]] == [s["target"] for s in finished["sets"]]
    assert document["streak"]["current"] == 1
