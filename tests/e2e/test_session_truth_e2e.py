"""The record tells the truth, with the installed command in a real terminal: skipping
through a whole session keeps it partial (no streak), and "it hurts" at 7 stops it with
that pain stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.store import Store
from tests.app.helpers import acknowledge

from .commands import history, open_home, status
from .tmux import Tmux, tmux_required

pytestmark = pytest.mark.e2e


def test_pressing_n_through_a_whole_session_keeps_it_partial_with_no_streak(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    with Tmux() as tmux:
        open_home(tmux, data, shows="PHASE  BEGINNER")
        tmux.send("s")
        tmux.wait_for("GET READY")
        # Each set: n to its first rep or hold, n again to the next set's start.
        for _ in range(20):
            tmux.send("n")
        done = tmux.wait_for("How does your hip feel right now?")
        assert "SESSION KEPT AS PARTIAL" in done
        flat = " ".join(done.split())
        assert "kept as a partial session; it does not count for your streak" in flat
        assert "reps        0 of 20" in done and "stretches   0 of 8" in done
        tmux.send("Escape")
        home = tmux.wait_for("PHASE  BEGINNER")
        assert "streak  0 days" in home and "done ✓" not in home
        tmux.send("q")
        assert tmux.wait_exit() == 0

    document = history(data)
    [session] = document["sessions"]
    assert (session["status"], session["source"]) == ("partial", "app")
    assert all(s["reps"] == 0 for s in session["sets"])
    assert document["streak"] == {"current": 0, "longest": 0}
    assert status(data)["today_done"] is False


def test_it_hurts_at_7_stops_the_session_as_partial_with_the_pain_stored(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    with Tmux() as tmux:
        open_home(tmux, data, "--count-seconds", "0.5", shows="PHASE  BEGINNER")
        tmux.send("s")
        tmux.wait_for("working  LEFT leg", timeout=20)
        tmux.send("h")
        tmux.wait_for("It hurts: how much, right now?")
        asked = tmux.capture()
        tmux.send("7")  # Enter once the 7 is drawn, as a person types: not both in one go
        tmux.wait_until(lambda screen: screen != asked, "the 7 typed")
        tmux.send("Enter")
        done = tmux.wait_for("How does your hip feel right now?")
        flat = " ".join(done.split())
        assert "SESSION STOPPED · IT HURTS" in done
        assert (
            "It hurts 7 of 10: stop for today and have it checked by a doctor or physical therapist." in flat
        )
        assert "kept as a partial session; it does not count for your streak" in flat
        tmux.send("Escape")
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("q")
        assert tmux.wait_exit() == 0

    [session] = Store(data).read_journal().sessions
    assert (session.status, session.pain_during, session.pain_after) == ("partial", 7, None)
    assert "pain_during = 7" in next((data / "journal").glob("20*.toml")).read_text()
    [shown] = history(data)["sessions"]
    assert (shown["status"], shown["pain_during"]) == ("partial", 7)
    now = status(data)
    assert now["today_done"] is False
    assert now["advice"] == "rest"  # it hurt 6 or more during the last session
