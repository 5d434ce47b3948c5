"""An older backup imported into the journal it came from: a session here that is a later
state of the backup's (its pains edited, or played on after the backup) is no conflict;
anything else about a session with the same id still refuses the whole import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.history import export_document
from glutewake.core.journal import ImportConflict
from glutewake.core.journal_import import later_state
from glutewake.core.records import Session, SetRecord
from glutewake.store import Store
from glutewake.store.exchange import read_export
from tests.helpers import snapshot_tree

UTC = dt.UTC
TODAY = dt.date(2026, 11, 30)
T0 = dt.datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
SETS = (SetRecord("clamshell", "left", 10, 10), SetRecord("clamshell", "right", 10, 10))


def played(reps: tuple[int, int] = (10, 10), minutes: int = 12, **changes: Any) -> Session:
    """The session s1 after `minutes` of playing, with these reps per set."""
    sets = tuple(SetRecord(s.exercise, s.side, n, s.target) for s, n in zip(SETS, reps, strict=True))
    done = all(s.reps >= s.target for s in sets)
    fields: dict[str, Any] = {
        "id": "s1",
        "programme": "beginner",
        "phase": "beginner",
        "started_at": T0,
        "status": "completed" if done else "partial",
        "source": "app",
        "sets": sets,
        "ended_at": T0 + dt.timedelta(minutes=minutes),
        "pain_after": 2 if done else None,
        "pain_during": 1,
        "played_seconds": minutes * 60.0,
    }
    return Session(**{**fields, **changes})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", notify=lambda _text: None)


def backup_of(store: Store, path: Path) -> Path:
    path.write_text(json.dumps(export_document(store.read_journal(), "beginner", TODAY)), encoding="utf-8")
    return path


def imported(store: Store, path: Path) -> Any:
    return store.import_journal(read_export(path, TODAY))


def test_a_backup_from_before_a_pain_edit_imports_and_the_edit_stays(store: Store, tmp_path: Path) -> None:
    store.save_session(played())
    backup = backup_of(store, tmp_path / "before-edit.json")
    store.edit_pain(played(), 6, 7, T0 + dt.timedelta(days=1))
    before = snapshot_tree(store.data_dir)
    assert imported(store, backup).total == 0
    assert snapshot_tree(store.data_dir) == before
    (session,) = store.read_journal().sessions
    assert (session.pain_after, session.pain_during) == (6, 7)


def test_without_an_edit_other_pains_are_still_a_conflict(store: Store, tmp_path: Path) -> None:
    store.save_session(played())
    backup = backup_of(store, tmp_path / "backup.json")
    document = json.loads(backup.read_text())
    document["sessions"][0]["pain_after"] = 5
    backup.write_text(json.dumps(document))
    before = snapshot_tree(store.data_dir)
    with pytest.raises(ImportConflict, match="session s1 is already here with other content"):
        imported(store, backup)
    assert snapshot_tree(store.data_dir) == before


def test_a_backup_of_a_partial_session_that_went_on_here_imports(store: Store, tmp_path: Path) -> None:
    store.save_session(played((10, 3), minutes=5))
    backup = backup_of(store, tmp_path / "partial.json")
    store.save_session(played(minutes=12, pain_during=4))
    before = snapshot_tree(store.data_dir)
    assert imported(store, backup).total == 0
    assert snapshot_tree(store.data_dir) == before
    assert store.read_journal().sessions == (played(minutes=12, pain_during=4),)


@pytest.mark.parametrize(
    ("backup", "edited"),
    [
        (played((10, 3), minutes=5), False),  # played on: reps, status, end and pain now came later
        (played((10, 3), minutes=5, pain_during=None, played_seconds=None), False),
        (played((10, 3), minutes=5, pain_after=5), False),  # stopped, then resumed here
        (played((10, 10)), False),  # the same session
        (played(pain_after=9, pain_during=9), True),  # from before a pain edit
        (played((10, 3), minutes=5, pain_during=8), True),
    ],
    ids=["went-on", "went-on-untold", "stopped-then-resumed", "same", "edited", "went-on-and-edited"],
)
def test_an_earlier_state_of_the_session_here_is_accepted(backup: Session, edited: bool) -> None:
    assert later_state(played(pain_during=4), backup, edited=edited)


@pytest.mark.parametrize(
    ("backup", "edited"),
    [
        (played(programme="advanced"), True),
        (played(phase="advanced"), True),
        (played(started_at=T0 + dt.timedelta(minutes=1)), True),
        (played(source="log"), True),
        (played((10, 3), minutes=5, sets=(SETS[0], SetRecord("bridge", None, 3, 10))), True),
        (played((10, 3), minutes=5, sets=(SETS[0], SetRecord("clamshell", "right", 3, 12))), True),
        (played((10, 3), minutes=5, sets=SETS[:1]), True),
        (played((10, 3), minutes=5, sets=(SETS[0], SetRecord("clamshell", None, 3, 10))), True),
        (played(minutes=11), False),  # a completed session never goes on
        (played((10, 3), minutes=13, played_seconds=None), True),  # ended after ours
        (played((10, 3), minutes=5, played_seconds=900.0), True),  # played longer than ours
        (played(pain_during=5), False),  # more pain during it than ours
        (played(pain_after=3), False),  # another "pain now" for the same end
    ],
    ids=[
        "programme",
        "phase",
        "start",
        "source",
        "exercise",
        "target",
        "fewer-sets",
        "side",
        "completed-earlier",
        "ended-later",
        "played-longer",
        "pain-during-higher",
        "pain-now-other",
    ],
)
def test_anything_else_is_a_true_conflict(backup: Session, edited: bool) -> None:
    assert not later_state(played(pain_during=4), backup, edited=edited)


def test_a_newer_state_than_ours_is_a_conflict() -> None:
    ours = played((10, 3), minutes=5)
    assert not later_state(ours, played(), edited=False), "completed there, partial here"
    assert not later_state(ours, played((10, 4), minutes=5), edited=False), "more reps there"
    assert not later_state(ours, played((10, 3), minutes=6), edited=True), "ended later there"
