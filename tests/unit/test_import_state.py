"""What `import` brings besides the journal's records: the phase switches and the day start
of an export, checked as strictly as its other records; and a session imported back into the
journal it came from (an export does not carry its playing time) is the same session."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.history import export_document
from glutewake.core.journal import ImportConflict
from glutewake.core.records import Session, SetRecord
from glutewake.core.settings import Profile
from glutewake.store import Store
from glutewake.store.exchange import BadImport, read_backup
from tests.helpers import snapshot_tree

TODAY = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
T0 = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)


def a_store(tmp_path: Path, name: str) -> Store:
    return Store(tmp_path / name, notify=lambda _text: None)


def switched(store: Store, *phases: str) -> Store:
    """The store with a switch to each phase in turn, a day apart from T0."""
    for n, phase in enumerate(phases):
        store.update_profile(lambda p, phase=phase: Profile(p.settings, phase), at=T0 + dt.timedelta(days=n))
    return store


def exported(store: Store, path: Path) -> Path:
    journal = store.read_journal()
    document = export_document(journal, store.read_profile().phase, TODAY, store.read_state().phase_changes)
    path.write_text(json.dumps({**document, "day_starts_at": journal.day_starts_at}), encoding="utf-8")
    return path


def imported(store: Store, path: Path, now: dt.datetime = NOW) -> Any:
    backup = read_backup(path, TODAY, store.day_starts_at(), now=now)
    return store.import_journal(backup.journal, backup.state)


def export_file(tmp_path: Path, **lists: Any) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"schema": 2, **lists}), encoding="utf-8")
    return path


def change(**changes: Any) -> dict[str, Any]:
    return {"id": "p1", "at": "2026-11-20T08:00:00+01:00", "phase": "advanced", **changes}


# -- phase changes -----------------------------------------------------------------------


def test_an_import_brings_the_phase_switches_and_twice_adds_nothing(tmp_path: Path) -> None:
    source = switched(a_store(tmp_path, "source"), "advanced", "beginner", "advanced")
    backup = exported(source, tmp_path / "backup.json")
    target = a_store(tmp_path, "target")
    counts = imported(target, backup)
    assert counts.phase_changes == 3 and counts.total == 3
    assert target.read_state().phase_changes == source.read_state().phase_changes
    assert target.read_profile().phase == "advanced"
    before = snapshot_tree(target.data_dir)
    assert imported(target, backup).total == 0
    assert snapshot_tree(target.data_dir) == before


def test_the_newest_switch_decides_whichever_machine_made_it(tmp_path: Path) -> None:
    source = switched(a_store(tmp_path, "source"), "advanced")  # on T0
    backup = exported(source, tmp_path / "backup.json")
    later = a_store(tmp_path, "later")
    switched(later, "advanced", "beginner")  # the second a day after the export's switch
    assert imported(later, backup).phase_changes == 1
    assert later.read_profile().phase == "beginner"  # its own switch is newer than the export's
    assert len(later.read_state().phase_changes) == 3
    earlier = a_store(tmp_path, "earlier")
    earlier.update_profile(lambda p: Profile(p.settings, "advanced"), at=T0 - dt.timedelta(days=2))
    earlier.update_profile(lambda p: Profile(p.settings, "beginner"), at=T0 - dt.timedelta(days=1))
    imported(earlier, backup)
    assert earlier.read_profile().phase == "advanced"  # the export's switch is the newest


def test_an_export_without_phase_changes_still_imports(tmp_path: Path) -> None:
    path = export_file(tmp_path, rest_days=[{"id": "r1", "date": "2026-11-20"}])
    target = a_store(tmp_path, "target")
    counts = imported(target, path)
    assert (counts.rest_days, counts.phase_changes) == (1, 0)
    assert target.read_state().phase_changes == ()


@pytest.mark.parametrize(
    ("record", "where", "reason"),
    [
        (change(phase="expert"), "phase_changes[0]: expected `phase`", "one of beginner, advanced"),
        (change(at="2026-11-20T08:00:00"), "phase_changes[0]: expected `at`", "with an offset"),
        (change(at="2026-12-01T08:00:00+00:00"), "phase_changes[0]: `at` 2026-12-01", "in the future"),
        (change(at="2026-11-30T09:00:01+00:00"), "phase_changes[0]: `at` 2026-11-30T09", "in the future"),
        (change(at="1850-01-01T08:00:00+00:00"), "phase_changes[0]: `at` 1850", "too long ago"),
        (change(id="../state"), "phase_changes[0]: `id`", "letters, digits"),
        ({"id": "p1", "phase": "advanced"}, "phase_changes[0]: ", "has no `at`"),
    ],
)
def test_a_bad_phase_change_is_named_and_nothing_is_imported(
    tmp_path: Path, record: dict[str, Any], where: str, reason: str
) -> None:
    path = export_file(tmp_path, phase_changes=[record], rest_days=[{"id": "r1", "date": "2026-11-20"}])
    with pytest.raises(BadImport) as raised:
        read_backup(path, TODAY, now=NOW)
    assert where in str(raised.value) and reason in str(raised.value)
    assert "nothing was imported" in str(raised.value)


def test_a_switch_made_this_very_second_is_not_in_the_future(tmp_path: Path) -> None:
    path = export_file(tmp_path, phase_changes=[change(at=NOW.isoformat())])
    assert read_backup(path, TODAY, now=NOW).state.phase_changes[0].at == NOW


def test_the_same_phase_change_id_twice_in_an_export_is_refused(tmp_path: Path) -> None:
    path = export_file(tmp_path, phase_changes=[change(), change(phase="beginner")])
    with pytest.raises(BadImport, match="phase_changes: the same id appears twice"):
        read_backup(path, TODAY, now=NOW)


def test_a_phase_change_here_with_other_content_refuses_the_whole_import(tmp_path: Path) -> None:
    target = switched(a_store(tmp_path, "target"), "advanced")
    ours = target.read_state().phase_changes[0]
    theirs = {"id": ours.id, "at": ours.at.isoformat(), "phase": "beginner"}
    path = export_file(tmp_path, phase_changes=[theirs], rest_days=[{"id": "r1", "date": "2026-11-20"}])
    before = snapshot_tree(target.data_dir)
    with pytest.raises(ImportConflict, match=f"phase change {ours.id} is already here with other content"):
        imported(target, path)
    assert snapshot_tree(target.data_dir) == before  # not the rest day either
    same = {"id": ours.id, "at": ours.at.isoformat(), "phase": "advanced"}
    assert imported(target, export_file(tmp_path, phase_changes=[same])).total == 0


# -- the day start -------------------------------------------------------------------------


def test_an_import_into_a_new_machine_takes_the_day_start_of_the_export(tmp_path: Path) -> None:
    source = a_store(tmp_path, "source")
    source.set_day_starts_at(4, T0)
    backup = exported(source, tmp_path / "backup.json")
    target = a_store(tmp_path, "target")
    counts = imported(target, backup)
    assert counts.day_starts == 1 and target.day_starts_at() == 4
    before = snapshot_tree(target.data_dir)
    assert imported(target, backup).total == 0
    assert snapshot_tree(target.data_dir) == before


def test_an_import_never_undoes_a_day_start_chosen_here(tmp_path: Path) -> None:
    source = a_store(tmp_path, "source")
    source.set_day_starts_at(4, T0 + dt.timedelta(days=5))  # newer than the choice below
    backup = exported(source, tmp_path / "backup.json")
    target = a_store(tmp_path, "target")
    target.set_day_starts_at(2, T0)
    assert imported(target, backup).day_starts == 0
    assert target.day_starts_at() == 2


# -- a session's playing time --------------------------------------------------------------


def test_a_session_imported_back_into_its_own_journal_is_the_same_session(tmp_path: Path) -> None:
    store = a_store(tmp_path, "data")
    played = Session(
        id="s1",
        programme="beginner",
        phase="beginner",
        started_at=T0,
        ended_at=T0 + dt.timedelta(minutes=4),
        status="partial",
        source="app",
        sets=(SetRecord("side-lying-hip-abduction", "left", 6, 10),),
        played_seconds=121.5,
    )
    store.save_session(played)
    backup = exported(store, tmp_path / "backup.json")
    before = snapshot_tree(store.data_dir)
    assert imported(store, backup).total == 0
    assert snapshot_tree(store.data_dir) == before
    assert store.read_journal().sessions == (played,)
    # Other content is still refused, playing time or not.
    document = json.loads(backup.read_text())
    document["sessions"][0]["sets"][0]["reps"] = 7
    backup.write_text(json.dumps(document))
    with pytest.raises(ImportConflict, match="session s1 is already here"):
        imported(store, backup)
