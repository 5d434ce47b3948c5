"""`status` from its snapshot prints exactly what the ordinary way prints: the same line,
JSON (with the standing advice and its reason) and template, for every kind of advice."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from glutewake.core.records import Session, SymptomCheck, new_id
from glutewake.store import Store
from tests.cli.startup_helpers import run, settle

TODAY = dt.date.today()
TZ = dt.datetime.now().astimezone().tzinfo
SHAPES = [(), ("--json",), ("--format", "{phase} {streak}/{longest} {today} {advice!r}")]


def at(days_ago: int, hour: int) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour), TZ)


def session(days_ago: int, pain_after: int | None = None) -> Session:
    started = at(days_ago, 18)
    return Session(new_id(), "beginner", "beginner", started, "completed", "app", pain_after=pain_after)


def check(
    *, during: int = 2, after: int = 2, advanced: bool = True, spread: tuple[str, ...] = ()
) -> SymptomCheck:
    return SymptomCheck(new_id(), at(3, 8), during, after, False, False, spread, True, advanced, "advanced")


STATES: dict[str, Callable[[Store], object]] = {
    "no check": lambda store: store.save_session(session(2)),
    "painful session, no check": lambda store: store.save_session(session(1, pain_after=9)),
    "advanced": lambda store: (store.add_symptom_check(check()), store.save_session(session(0))),
    "not cleared for advanced": lambda store: store.add_symptom_check(check(advanced=False)),
    "worse morning": lambda store: (
        store.add_symptom_check(check()),
        store.save_session(session(2, pain_after=2)),
        store.add_morning_check(TODAY - dt.timedelta(days=1), "worse"),
    ),
    "spread": lambda store: store.add_symptom_check(check(during=5, after=5, spread=("knees", "calves"))),
}


def test_the_snapshot_answers_as_the_ordinary_way_for_every_kind_of_advice(tmp_path: Path) -> None:
    folders = {}
    for name, make in STATES.items():
        folders[name] = tmp_path / name.replace(" ", "-").replace(",", "")
        make(Store(folders[name]))
        hour_ago = dt.datetime.now().timestamp() - 3600
        for path in folders[name].rglob("*"):
            os.utime(path, (hour_ago, hour_ago))
    settle(*folders.values())
    reasons = set()
    for name, data in folders.items():
        for shape in SHAPES:
            shutil.rmtree(data / "cache", ignore_errors=True)
            code, ordinary, modules = run(tmp_path, "--data-dir", str(data), "status", *shape)
            assert code == 0 and "glutewake.core.advice" in modules, (name, ordinary)
            assert (data / "cache" / "status.txt").exists(), name
            code, quick, modules = run(tmp_path, "--data-dir", str(data), "status", *shape)
            assert code == 0 and "glutewake.core.advice" not in modules, name  # the snapshot answered
            assert quick == ordinary, (name, shape)
            if shape == ("--json",):
                reasons.add(json.loads(quick)["advice_reason"])
    assert len(reasons) == len(STATES)  # six different reasons, each given back word for word
