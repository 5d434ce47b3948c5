"""An export's `deleted` list is kept even when the records it removes are not here: a
machine set up from one export does not get the deleted records back from an older one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.history import export_document
from glutewake.core.journal_import import deletions_to_add, with_added
from glutewake.core.records import Deletion, Journal, PainEdit, Session
from glutewake.store import Store
from glutewake.store.exchange import BadImport, read_export
from tests.helpers import snapshot_tree

UTC = dt.UTC
TODAY = dt.date(2026, 11, 30)
OCTOBER = dt.datetime(2026, 10, 12, 7, 30, tzinfo=UTC)
NOVEMBER = dt.datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
DELETED_AT = dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def session(id: str, at: dt.datetime) -> Session:
    return Session(id, "beginner", "beginner", at, "completed", "app", (), at, 2, None)


def a_store(tmp_path: Path, name: str, device: str | None = None) -> Store:
    return Store(tmp_path / name, notify=lambda _text: None, device=device)


def exported(store: Store, path: Path) -> Path:
    path.write_text(json.dumps(export_document(store.read_journal(), "beginner", TODAY)), encoding="utf-8")
    return path


def imported(store: Store, path: Path) -> Any:
    return store.import_journal(read_export(path, TODAY))


def test_a_deleted_record_stays_deleted_on_a_new_machine_when_an_older_backup_comes_in(
    tmp_path: Path,
) -> None:
    old = a_store(tmp_path, "old")
    old.save_session(session("keep", NOVEMBER))
    old.save_session(session("drop", OCTOBER))
    backup_a = exported(old, tmp_path / "a.json")  # before the deletion
    old.delete("drop", DELETED_AT)
    backup_b = exported(old, tmp_path / "b.json")

    new = a_store(tmp_path, "new")
    counts = imported(new, backup_b)
    assert (counts.sessions, counts.deletions, counts.total) == (1, 1, 2)
    # The export does not say the month of the record it removed: the deletion's own month.
    text = new.month_path((2026, 11)).read_text()
    assert '{ id = "drop", kind = "sessions", at = 2026-11-25 09:00:00+00:00 }' in text
    written = snapshot_tree(new.data_dir)
    assert imported(new, backup_b).total == 0, "importing the same export twice adds nothing"
    assert snapshot_tree(new.data_dir) == written

    assert imported(new, backup_a).total == 0
    assert snapshot_tree(new.data_dir) == written, "nothing of the older backup is written"
    assert [s.id for s in new.read_journal().sessions] == ["keep"]
    assert new.read_month((2026, 10)).sessions == ()
    # The deletion travels on: an export of the new machine carries it to the next one.
    again = a_store(tmp_path, "next")
    imported(again, exported(new, tmp_path / "c.json"))
    assert imported(again, backup_a).total == 0
    assert [s.id for s in again.read_journal().sessions] == ["keep"]


def test_a_deletion_of_a_record_the_import_also_brings_goes_in_the_records_month(tmp_path: Path) -> None:
    store = a_store(tmp_path, "data")
    path = tmp_path / "hand.json"
    document = export_document(Journal(sessions=(session("drop", OCTOBER),)), "beginner", TODAY)
    document["deleted"] = [{"id": "drop", "kind": "sessions", "at": DELETED_AT.isoformat()}]
    path.write_text(json.dumps(document))
    counts = imported(store, path)
    assert (counts.sessions, counts.deletions) == (0, 1)
    assert "drop" in store.month_path((2026, 10)).read_text()
    assert not store.month_path((2026, 11)).exists()
    assert store.read_month((2026, 10)).sessions == ()


def test_a_deletion_that_changes_nothing_here_is_not_added() -> None:
    incoming = Journal(deletions=(Deletion("x", "sessions", DELETED_AT),))
    assert [m for m, _ in deletions_to_add(Journal(), incoming)] == [(2026, 11)]
    later_here = Journal(deletions=(Deletion("x", "sessions", DELETED_AT + dt.timedelta(hours=1)),))
    assert deletions_to_add(later_here, incoming) == []
    same_here = Journal(deletions=(Deletion("x", "sessions", DELETED_AT),))
    assert deletions_to_add(same_here, incoming) == []
    edited_later = Journal(edits=(PainEdit("x", DELETED_AT + dt.timedelta(hours=1), 3, None),))
    assert deletions_to_add(edited_later, incoming) == [], "a newer edit here wins over it"
    other_kind = Journal(deletions=(Deletion("x", "rest_days", DELETED_AT),))
    assert len(deletions_to_add(other_kind, incoming)) == 1
    older_here = Journal(deletions=(Deletion("x", "sessions", DELETED_AT - dt.timedelta(days=1)),))
    assert len(deletions_to_add(older_here, incoming)) == 1


def test_a_newer_deletion_replaces_the_older_one_in_the_file() -> None:
    older = Deletion("x", "sessions", NOVEMBER)
    newer = Deletion("x", "sessions", DELETED_AT)
    kept = Deletion("y", "sessions", NOVEMBER)
    result = with_added(Journal(deletions=(older, kept)), Journal(deletions=(newer,)))
    assert result.deletions == (kept, newer)


def test_a_deletion_over_an_older_one_and_a_newer_edit_keeps_the_file_readable(tmp_path: Path) -> None:
    mine = a_store(tmp_path, "data", device="a1" * 8)
    other = a_store(tmp_path, "data", device="b2" * 8)
    other.save_session(session("s1", NOVEMBER))
    other.edit_pain(session("s1", NOVEMBER), 5, None, NOVEMBER + dt.timedelta(hours=2))
    mine.delete("s1", NOVEMBER + dt.timedelta(hours=1))  # older than the edit: s1 stays
    assert [s.pain_after for s in mine.read_journal().sessions] == [5]
    path = tmp_path / "later.json"
    path.write_text(
        json.dumps({"schema": 2, "deleted": [{"id": "s1", "kind": "sessions", "at": DELETED_AT.isoformat()}]})
    )
    assert imported(mine, path).deletions == 1
    assert mine.read_month((2026, 11)).sessions == ()
    assert mine.month_path((2026, 11)).read_text().count('id = "s1", kind = "sessions"') == 1


def test_an_export_deleting_one_record_twice_is_refused(tmp_path: Path) -> None:
    store = a_store(tmp_path, "data")
    twice = [
        {"id": "x", "kind": "sessions", "at": (DELETED_AT + dt.timedelta(hours=n)).isoformat()}
        for n in (0, 1)
    ]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({"schema": 2, "deleted": twice}))
    with pytest.raises(BadImport, match="deleted: the same record is deleted twice"):
        read_export(path, TODAY)
    assert not store.data_dir.exists()
