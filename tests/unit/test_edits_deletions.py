"""Deletions and edits are records with their time: the newest change of an id wins."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from glutewake.core.history import export_document
from glutewake.core.journal import merge
from glutewake.core.records import Deletion, Journal, PainEdit, RestDay, Session
from glutewake.errors import UserError
from glutewake.store import MalformedFile, Store
from glutewake.store.exchange import read_export

UTC = dt.UTC
T0 = dt.datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
TODAY = dt.date(2026, 11, 30)


def session(id: str = "s1", pain_after: int | None = 2) -> Session:
    return Session(id, "beginner", "beginner", T0, "completed", "app", (), T0, pain_after, None)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", notify=lambda _text: None)


def test_a_deletion_removes_its_record_and_the_newest_change_wins() -> None:
    base = Journal(sessions=(session(),), rest_days=(RestDay("r1", dt.date(2026, 11, 20)),))
    gone = Deletion("r1", "rest_days", T0)
    assert merge([base, Journal(deletions=(gone,))]).rest_days == ()
    # A deletion names its kind: a session with the same id is not touched.
    assert merge([base, Journal(deletions=(Deletion("s1", "rest_days", T0),))]).sessions == base.sessions
    edit = PainEdit("s1", T0 + dt.timedelta(hours=1), 5, 6)
    edited = merge([base, Journal(edits=(edit,))]).sessions[0]
    assert (edited.pain_after, edited.pain_during) == (5, 6)
    older = PainEdit("s1", T0, 1, None)
    assert merge([Journal(edits=(edit,)), base, Journal(edits=(older,))]).sessions[0].pain_after == 5
    delete_later = Deletion("s1", "sessions", T0 + dt.timedelta(hours=2))
    assert merge([base, Journal(edits=(edit,), deletions=(delete_later,))]).sessions == ()
    delete_earlier = Deletion("s1", "sessions", T0)
    survived = merge([base, Journal(edits=(edit,), deletions=(delete_earlier,))]).sessions
    assert [s.pain_after for s in survived] == [5], "edited after it was deleted elsewhere: the edit is newer"


def test_merge_picks_the_same_winner_in_any_order() -> None:
    base = Journal(sessions=(session(),))
    one = Journal(edits=(PainEdit("s1", T0, 3, None),))
    two = Journal(edits=(PainEdit("s1", T0, 4, None),))  # the same moment, another machine
    assert merge([base, one, two]) == merge([two, base, one])


def test_delete_writes_a_deletion_with_its_time_in_the_records_month(store: Store) -> None:
    store.save_session(session())
    store.add_rest_day(dt.date(2026, 10, 3))
    kind, record = store.delete("s1", T0 + dt.timedelta(days=1))
    assert (kind, record) == ("sessions", session())
    assert store.read_journal().sessions == ()
    raw = store.month_path((2026, 11)).read_text()
    assert '{ id = "s1", kind = "sessions", at = 2026-11-25 07:30:00+00:00 }' in raw
    assert "deletions = " not in store.month_path((2026, 10)).read_text(), "one month file written"
    with pytest.raises(UserError, match="no entry has the id 's1'"):
        store.delete("s1", T0)
    with pytest.raises(UserError, match="no entry has the id 'nope'"):
        store.delete("nope", T0)


def test_a_deleted_rest_day_can_be_marked_again(store: Store) -> None:
    first = store.add_rest_day(dt.date(2026, 11, 20))
    store.delete(first.id, T0)
    again = store.add_rest_day(dt.date(2026, 11, 20))
    assert again.id != first.id and store.read_journal().rest_days == (again,)


def test_edit_pain_is_a_record_and_a_newer_edit_replaces_it(store: Store) -> None:
    store.save_session(session())
    store.edit_pain(session(), 6, 7, T0 + dt.timedelta(hours=1))
    store.edit_pain(session(), 4, None, T0 + dt.timedelta(hours=2))
    (edited,) = store.read_journal().sessions
    assert (edited.pain_after, edited.pain_during) == (4, None)
    assert store.month_path((2026, 11)).read_text().count('{ id = "s1", at = ') == 1
    with pytest.raises(UserError, match="0-10"):
        store.edit_pain(session(), 11, None, T0)
    with pytest.raises(UserError, match="no session"):
        store.edit_pain(session("gone"), 1, None, T0)


def test_two_deletions_of_one_record_in_one_file_are_named(store: Store) -> None:
    store.journal_dir.mkdir(parents=True)
    store.month_path((2026, 11)).write_text(
        "schema = 3\n"
        'deletions = [\n  { id = "x", kind = "sessions", at = 2026-11-24T07:30:00Z },\n'
        '  { id = "x", kind = "sessions", at = 2026-11-25T07:30:00Z },\n]\n# end of journal\n'
    )
    with pytest.raises(MalformedFile, match="used twice in `deletions` \\(here and line 4\\)"):
        store.read_month((2026, 11))


def test_an_export_carries_deletions_and_an_import_elsewhere_applies_them(
    store: Store, tmp_path: Path
) -> None:
    store.save_session(session("keep"))
    store.save_session(session("drop"))
    backup = tmp_path / "before.json"
    backup.write_text(json.dumps(export_document(store.read_journal(), "beginner", TODAY)))
    other = Store(tmp_path / "other", notify=lambda _text: None)
    other.import_journal(read_export(backup, TODAY))
    store.delete("drop", T0 + dt.timedelta(days=1))
    after = tmp_path / "after.json"
    document = export_document(store.read_journal(), "beginner", TODAY)
    assert document["deleted"] == [{"id": "drop", "kind": "sessions", "at": "2026-11-25T07:30:00+00:00"}]
    after.write_text(json.dumps(document))
    counts = other.import_journal(read_export(after, TODAY))
    assert counts.deletions == 1 and counts.total == 1
    assert [s.id for s in other.read_journal().sessions] == ["keep"]
    assert other.import_journal(read_export(after, TODAY)).total == 0
    # An older export does not bring a deleted record back.
    assert other.import_journal(read_export(backup, TODAY)).total == 0
    assert [s.id for s in other.read_journal().sessions] == ["keep"]
