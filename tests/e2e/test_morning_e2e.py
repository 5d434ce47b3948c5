"""The morning after, with the installed `glutewake` in a real terminal: the question over
home the day after a session, its answer in the journal, and the advice it gives everywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.app.helpers import acknowledge

from .commands import answer, glutewake, history, open_home, status
from .tmux import Tmux, tmux_required

pytestmark = pytest.mark.e2e


def test_the_day_after_a_session_the_question_asks_once_and_guides_the_advice(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data, morning_asked_on=None)
    today = dt.date.today()
    yesterday = today - dt.timedelta(days=1)
    glutewake(data, "log", "--date", yesterday.isoformat(), "--programme", "beginner")
    with Tmux() as tmux:
        open_home(tmux, data, shows="How is your hip this morning, compared with before your last session?")
        answer(tmux, ("w",), "[w worse]")
        answer(tmux, ("7",), "[7]")
        tmux.send("Enter")
        home = tmux.wait_for("REST AND SEE A PROFESSIONAL")
        assert "Last check  none yet · REST AND SEE A PROFESSIONAL" in home
        assert "7 or more means rest." in " ".join(home.split())
        tmux.send("q")
        assert tmux.wait_exit() == 0
    (answered,) = history(data)["morning_checks"]
    assert (answered["date"], answered["compared"], answered["pain"]) == (today.isoformat(), "worse", 7)
    day = f"{today.day} {today:%b}"
    reason = f"Pain on the morning of {day} was 7: 7 or more means rest."
    assert (status(data)["advice"], status(data)["advice_reason"]) == ("rest", reason)
    assert history(data)["advice"] == {"level": "rest", "reason": reason}

    # Started again the same day: home at once, no second question.
    with Tmux() as tmux:
        screen = open_home(tmux, data)
        assert "How is your hip this morning" not in screen
        tmux.send("s")
        gate = tmux.wait_for("any other key")
        assert "REST AND SEE A PROFESSIONAL" in gate
        tmux.send("n")
        tmux.wait_for("No session started")
        tmux.send("q")
        assert tmux.wait_exit() == 0


def test_log_morning_from_the_shell_prints_its_id(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = glutewake(data, "log", "--morning", "better", "--pain", "2")
    (answered,) = history(data)["morning_checks"]
    assert answered["id"] in out and "better, pain 2" in out
