"""History in a real terminal while `glutewake log` writes from another process: `r` shows
the other process's records, and neither side's write is lost."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from tests.app.helpers import acknowledge, session

from .commands import glutewake, open_home
from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e


def log(data: Path, *args: str) -> None:
    """`glutewake log ARGS` in its own process, as from a second terminal."""
    glutewake(data, "log", *args)


def test_log_from_another_terminal_appears_after_refresh_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    tmux_required()
    data = tmp_path / "data"
    store = acknowledge(data)
    store.save_session(session(dt.date.today() - dt.timedelta(days=3)))
    with Tmux() as tmux:
        open_home(tmux, data)
        tmux.send("h")
        tmux.wait_for("Journal · 1 entry · newest first")

        # Written while the app holds older records; yesterday, since today becomes the rest
        # day and a day with a completed session cannot be one.
        log(data, "--programme", "beginner", "--date", (dt.date.today() - dt.timedelta(days=1)).isoformat())
        tmux.send("R")
        tmux.wait_for("Log a rest day")
        tmux.send("Enter")  # today, written by the app over the CLI's fresh month file
        tmux.wait_for("is now a rest day")
        log(data, "--activity", "swimming", "--minutes", "25")

        tmux.send("r")
        tmux.wait_for("Read again: 2 sessions")
        screen = tmux.wait_for("25 min")
        assert "Journal · 4 entries" in screen  # two sessions, a rest day, a swim
        assert "swimming" in screen and "rest day" in screen
        tmux.send("Escape")
        tmux.wait_for("PHASE")
        # Quitting is the app-shell e2e test's business; the tmux server is killed on exit.

    history = json.loads(
        subprocess.run(
            [glutewake_command(), "--data-dir", str(data), "history", "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    )
    today = dt.date.today().isoformat()
    assert [s["source"] for s in history["sessions"]] == ["app", "log"]
    assert [rest["date"] for rest in history["rest_days"]] == [today]
    assert [{k: v for k, v in a.items() if k != "id"} for a in history["activities"]] == [
        {"date": today, "kind": "swimming", "minutes": 25}
    ]
