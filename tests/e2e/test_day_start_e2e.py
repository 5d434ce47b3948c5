"""A late trainer sets the hour their day starts, with the installed `glutewake` in a real
terminal at one in the morning (a time zone in which the clock says 01:xx): home, `status`
and `settings` all count last night's session for yesterday."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from glutewake.core.records import Session, new_id
from glutewake.core.settings import Settings
from glutewake.store import Store
from tests.app.helpers import acknowledge
from tests.helpers import one_am_zone

from .commands import glutewake, history, status
from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = pytest.mark.e2e


def test_setting_the_day_start_at_one_in_the_morning_counts_tonight_for_yesterday(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmux_required()
    name, tz = one_am_zone()
    monkeypatch.setenv("TZ", name)  # for the commands run from "a second terminal" too
    today = dt.datetime.now(tz).date()
    yesterday = today - dt.timedelta(days=1)
    data = tmp_path / "data"
    # Sound off: this journey is about days, not about opening the sound output.
    acknowledge(data, morning_asked_on=yesterday, settings=Settings(sound="off"))
    store = Store(data)
    for moment in (
        dt.datetime.combine(today - dt.timedelta(days=2), dt.time(18), tz),
        dt.datetime.combine(today, dt.time(0, 10), tz),  # tonight, fifty minutes ago or more
    ):
        store.save_session(Session(new_id(), "beginner", "beginner", moment, "completed", "app"))
    with Tmux() as tmux:
        tmux.start(
            [glutewake_command(), "--data-dir", str(data)], size=(80, 24), env={"TZ": os.environ["TZ"]}
        )
        home = tmux.wait_for("PHASE")
        assert "streak  1 day" in home and "done ✓" in home  # midnight: yesterday was missed
        tmux.send(",")
        tmux.wait_for("A day starts at (hour)")
        tmux.send(*["Tab"] * 6, "BSpace")  # the sixth field, its 0 taken away
        tmux.wait_for("A day starts at (hour)                      0–6")
        tmux.send("4")
        tmux.wait_for("A day starts at (hour)          4 ")
        tmux.send("C-s")
        tmux.wait_for("streak  2 days")
        home = tmux.wait_for(f"{yesterday:%A} {yesterday.day} {yesterday:%B}")  # "today" is yesterday
        assert "today   done ✓" in home, home
        tmux.send("q")
        assert tmux.wait_exit() == 0
    assert glutewake(data, "settings", "day_starts_at") == "4\n"
    now = status(data)
    assert (now["streak"], now["today_done"]) == ({"current": 2, "longest": 2}, True)
    document = history(data)
    assert [s["date"] for s in document["sessions"]] == [
        (today - dt.timedelta(days=2)).isoformat(),
        yesterday.isoformat(),
    ]
