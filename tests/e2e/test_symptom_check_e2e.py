"""A symptom check in a real terminal with the installed `glutewake`: the advice shows on
home, and `history --json` and `status` report the stored check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.app.helpers import acknowledge

from .commands import answer, glutewake, open_home
from .tmux import Tmux, tmux_required

pytestmark = pytest.mark.e2e


def test_a_check_by_keys_shows_its_advice_on_home_and_in_the_cli(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    with Tmux() as tmux:
        open_home(tmux, data)
        tmux.send("c")
        tmux.wait_for("This is a record of what you feel")
        # Pain 4 and 5, a wobbly walk, Achilles ticked, cleared for exercise only.
        answer(tmux, ("4",), "0 1 2 3 [4] 5")
        answer(tmux, ("Down", "5"), "0 1 2 3 4 [5] 6")
        answer(tmux, ("Down", "y"), "Swaying, uneven walk        [yes]")
        answer(tmux, ("Down", "Down", "Right", "Space"), "[x] Achilles")
        answer(tmux, ("Down", "y"), "Cleared for exercise        [yes]")
        tmux.send("Enter")
        screen = tmux.wait_for("BEGINNER — You are cleared for exercise")
        assert "have a professional look at your Achilles" in screen
        tmux.send("Enter")
        # Home redraws when it comes back: wait for the new check, not the old panel.
        home = tmux.wait_for("· BEGINNER")
        assert "Last check" in home
        tmux.send("q")
        assert tmux.wait_exit() == 0

    (check,) = json.loads(glutewake(data, "history", "--json"))["symptom_checks"]
    assert isinstance(check["id"], str) and check["id"]
    assert {key: value for key, value in check.items() if key not in ("at", "id")} == {
        "pain_during_run": 4,
        "pain_after_run": 5,
        "wobbly_gait": True,
        "weight_on_one_hip": False,
        "spread": ["achilles"],
        "cleared_for_exercise": True,
        "cleared_for_advanced": False,
        "advice": "beginner",
    }
    taken = dt.datetime.fromisoformat(check["at"])
    assert taken.tzinfo is not None
    assert abs(dt.datetime.now().astimezone() - taken) < dt.timedelta(minutes=5)
    assert "advice: beginner" in glutewake(data, "status")
    assert json.loads(glutewake(data, "status", "--json"))["advice"] == "beginner"
