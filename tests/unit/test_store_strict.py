"""Strictness of the store: repeated ids, the end-of-journal mark, links, folder modes, and
what an import accepts (as strict as `glutewake log`)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.journal import ImportConflict
from glutewake.core.records import Journal, RestDay
from glutewake.store import MalformedFile, RepeatedId, Store, Unreadable
from glutewake.store.exchange import BadImport, read_export

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", notify=lambda _text: None)


def write_month(store: Store, name: str, body: str, *, end: str = "# end of journal\n") -> Path:
    store.journal_dir.mkdir(parents=True, exist_ok=True)
    path = store.journal_dir / name
    path.write_text("schema = 3\n" + body + end, encoding="utf-8")
    return path


# -- repeated ids ----------------------------------------------------------------------


def test_the_same_id_twice_in_one_file_names_both_lines(store: Store) -> None:
    path = write_month(
        store,
        "2026-11.toml",
        'rest_days = [\n  { id = "r1", date = 2026-11-20 },\n  { id = "r2", date = 2026-11-21 },\n'
        '  { id = "r1", date = 2026-11-22 },\n]\n',
    )
    with pytest.raises(MalformedFile) as raised:
        store.read_month((2026, 11))
    assert raised.value.line == 3
    assert "line 5" in str(raised.value) and "'r1'" in str(raised.value) and str(path) in str(raised.value)
    assert [p.path for p in store.problems()] == [path]


def test_the_same_id_in_two_kinds_is_two_records(store: Store) -> None:
    write_month(
        store,
        "2026-11.toml",
        'rest_days = [{ id = "x", date = 2026-11-20 }]\n'
        '[[activities]]\nid = "x"\ndate = 2026-11-21\nkind = "swimming"\nminutes = 20\n',
    )
    journal = store.read_month((2026, 11))
    assert len(journal.rest_days) == 1 and len(journal.activities) == 1


def test_an_id_in_two_month_files_is_an_error_naming_both(store: Store) -> None:
    october = write_month(store, "2026-10.toml", 'rest_days = [{ id = "same", date = 2026-10-20 }]\n')
    november = write_month(store, "2026-11.toml", '\n\nrest_days = [{ id = "same", date = 2026-11-20 }]\n')
    with pytest.raises(RepeatedId) as raised:
        store.read_journal()
    message = str(raised.value)
    assert f"{october}, line 2" in message and f"{november}, line 4" in message
    assert [type(p) for p in store.problems()] == [RepeatedId]
    # Each month alone still reads; the whole journal never silently drops one of them.
    assert store.read_month((2026, 10)).rest_days and store.read_month((2026, 11)).rest_days
    assert len(store.read_journal(skip_problems=True).rest_days) == 1  # the problem is named


# -- the end-of-journal mark -----------------------------------------------------------


def test_an_end_mark_planted_in_a_value_with_a_line_separator_is_not_the_end(store: Store) -> None:
    # A file cut short right after a value that hides the mark behind U+2028.
    store.journal_dir.mkdir(parents=True)
    path = store.journal_dir / "2026-11.toml"
    path.write_text(
        'schema = 3\n[[activities]]\nid = "a"\ndate = 2026-11-20\nkind = "x\u2028# end of journal"\n',
        encoding="utf-8",
    )
    with pytest.raises(MalformedFile, match="cut short"):
        store.read_month((2026, 11))


@pytest.mark.parametrize(
    "end",
    [
        "# end of journal\nactivities = []\n",
        "# end of journal \n",
        "  # end of journal\n",
        "# End of journal\n",
    ],
    ids=["not-last", "trailing-space", "indented", "other-case"],
)
def test_the_end_mark_counts_only_as_the_exact_last_line(store: Store, end: str) -> None:
    write_month(store, "2026-11.toml", 'rest_days = [{ id = "r", date = 2026-11-20 }]\n', end=end)
    with pytest.raises(MalformedFile, match="cut short"):
        store.read_month((2026, 11))


@pytest.mark.parametrize("end", ["# end of journal\n", "# end of journal", "# end of journal\n\n"])
def test_the_end_mark_may_end_the_file_with_or_without_a_line_break(store: Store, end: str) -> None:
    write_month(store, "2026-11.toml", 'rest_days = [{ id = "r", date = 2026-11-20 }]\n', end=end)
    if end.endswith("\n\n"):
        with pytest.raises(MalformedFile, match="cut short"):
            store.read_month((2026, 11))
    else:
        assert store.read_month((2026, 11)).rest_days[0].id == "r"


# -- links and folders -----------------------------------------------------------------


def test_a_dangling_link_is_an_error_never_an_empty_month(store: Store, tmp_path: Path) -> None:
    store.journal_dir.mkdir(parents=True)
    link = store.journal_dir / "2026-11.toml"
    link.symlink_to(tmp_path / "elsewhere" / "2026-11.toml")
    with pytest.raises(Unreadable, match="link to .*does not exist"):
        store.read_month((2026, 11))
    assert [type(p) for p in store.problems()] == [Unreadable]
    with pytest.raises(Unreadable):
        store.add_rest_day(dt.date(2026, 11, 20))
    assert link.is_symlink() and not link.exists(), "the link is left as it was"


def test_folders_made_for_the_data_folder_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = Store(tmp_path / "a" / "b" / "data", notify=lambda _text: None)
        store.add_rest_day(dt.date(2026, 11, 20))
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", store.data_dir, store.journal_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_an_open_data_folder_is_tightened_with_a_note(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)
    notes: list[str] = []
    store = Store(data, notify=notes.append)
    store.add_rest_day(dt.date(2026, 11, 20))
    store.add_rest_day(dt.date(2026, 11, 21))
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert len(notes) == 1 and "755" in notes[0] and str(data) in notes[0]
    Store(data, notify=notes.append).add_rest_day(dt.date(2026, 11, 22))
    assert len(notes) == 1, "a private folder gets no note"


# -- import: as strict as log ----------------------------------------------------------


def export_file(tmp_path: Path, **lists: Any) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"schema": 2, **lists}), encoding="utf-8")
    return path


def a_session(**changes: Any) -> dict[str, Any]:
    record = {
        "id": "s1",
        "programme": "beginner",
        "phase": "beginner",
        "started_at": "2026-11-24T07:30:00+01:00",
        "ended_at": "2026-11-24T07:36:00+01:00",
        "status": "completed",
        "source": "app",
        "pain_after": None,
        "sets": [{"exercise": "side-lying-hip-abduction", "side": "left", "reps": 10, "target": 10}],
    }
    return {**record, **changes}


@pytest.mark.parametrize(
    ("lists", "where", "reason"),
    [
        ({"rest_days": [{"id": "r", "date": "2099-01-01"}]}, "rest_days[0]: `date`", "future"),
        ({"rest_days": [{"id": "r", "date": "0001-01-01"}]}, "rest_days[0]: `date`", "too long ago"),
        ({"rest_days": [{"id": "r", "date": "9999-12-31"}]}, "rest_days[0]: `date`", "future"),
        ({"sessions": [a_session(started_at="2099-01-01T07:30:00+00:00")]}, "started_at", "future"),
        ({"sessions": [a_session(started_at="0001-01-01T07:30:00+00:00")]}, "started_at", "too long ago"),
        ({"sessions": [a_session(ended_at="2026-11-24T07:00:00+01:00")]}, "ended_at", "before it started"),
        ({"sessions": [a_session(programme="bad\u2028# end of journal")]}, "programme", "printable"),
        ({"sessions": [a_session(programme="tab\there")]}, "programme", "printable"),
        ({"sessions": [a_session(programme="p" * 65)]}, "programme", "at most 64 characters"),
        ({"sessions": [a_session(id="../../etc")]}, "sessions[0]: `id`", "letters, digits"),
        (
            {"sessions": [a_session(sets=[{"exercise": "x\x00", "reps": 1, "target": 1}])]},
            "exercise",
            "printable",
        ),
        (
            {"sessions": [a_session(sets=[{"exercise": "x", "reps": 1, "target": 1}] * 201)]},
            "sets",
            "at most 200",
        ),
        (
            {"activities": [{"id": "a", "date": "2026-11-20", "kind": "k" * 10_000_000, "minutes": 5}]},
            "activities[0]: `kind`",
            "up to 40",
        ),
        (
            {"activities": [{"id": "a", "date": "2026-11-20", "kind": "swim\x07bell", "minutes": 5}]},
            "activities[0]: `kind`",
            "a word or two",
        ),
        (
            {"morning_checks": [{"id": "m", "date": "2026-12-25", "compared": "same", "pain": None}]},
            "morning_checks[0]: `date`",
            "future",
        ),
    ],
)
def test_import_refuses_what_log_refuses(
    tmp_path: Path, lists: dict[str, Any], where: str, reason: str
) -> None:
    with pytest.raises(BadImport) as raised:
        read_export(export_file(tmp_path, **lists), TODAY)
    assert where in str(raised.value) and reason in str(raised.value)
    assert "nothing was imported" in str(raised.value)


def test_import_normalises_an_activity_kind_as_log_does(tmp_path: Path) -> None:
    path = export_file(
        tmp_path, activities=[{"id": "a", "date": "2026-11-20", "kind": "  Open   Water ", "minutes": 5}]
    )
    assert read_export(path, TODAY).activities[0].kind == "open water"


def test_import_refuses_an_id_here_with_other_content_and_writes_nothing(store: Store) -> None:
    store.import_journal(Journal(rest_days=(RestDay("r1", dt.date(2026, 10, 20)),)))
    before = {p: p.read_bytes() for p in store.journal_dir.iterdir()}
    with pytest.raises(ImportConflict, match="rest day r1 is already here with other content"):
        store.import_journal(
            Journal(rest_days=(RestDay("r1", dt.date(2026, 11, 21)), RestDay("r2", dt.date(2026, 11, 22))))
        )
    assert {p: p.read_bytes() for p in store.journal_dir.iterdir()} == before
    # The same record again is fine: importing twice changes nothing.
    assert store.import_journal(Journal(rest_days=(RestDay("r1", dt.date(2026, 10, 20)),))).total == 0
