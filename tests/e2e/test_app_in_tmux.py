"""The installed `glutewake` in a real terminal: first run, phase switch, quit, restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e


def test_acknowledge_switch_phase_quit_and_restart_straight_to_home(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    command = [glutewake_command(), "--data-dir", str(data)]
    with Tmux() as tmux:
        tmux.start(command, size=(80, 24))
        tmux.wait_for("Before you start")
        tmux.send("Enter")
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("p")
        tmux.wait_for("Switch to the advanced phase?")
        tmux.send("y")
        screen = tmux.wait_for("PHASE  ADVANCED")
        assert "wall mini squat" in screen
        tmux.send("q")
        assert tmux.wait_exit() == 0

        tmux.start(command, size=(80, 24))
        screen = tmux.wait_for("PHASE  ADVANCED")
        assert "Before you start" not in screen
        tmux.send("q")
        assert tmux.wait_exit() == 0
    # The switch is a journal record of this machine (so it follows you to your others).
    (state,) = (data / "journal").glob("state.*.toml")
    assert 'phase = "advanced"' in state.read_text()
    assert "phase" not in (data / "settings.toml").read_text()
