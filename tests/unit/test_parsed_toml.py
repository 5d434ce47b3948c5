"""The parsed-TOML cache: an entry stands for exactly the text it holds, is written only when
a command succeeded, and gives what tomllib gives, types and all."""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from glutewake.core.records import (
    Activity,
    Deletion,
    Journal,
    MorningCheck,
    PainEdit,
    RestDay,
    Session,
    SetRecord,
    SymptomCheck,
)
from glutewake.store import Store, parsed
from glutewake.store.journal_codec import journal_text_and_document
from glutewake.store.parsed import FOLDER, ParsedToml, keep_entries, save_entries

EVERY_KIND = """\
title = "every kind"
count = 3
ratio = 0.5
big = inf
flags = [true, false]
when = 2026-11-30 07:30:00+01:00
west = 2026-11-30T07:30:00.123456-05:30
zulu = 2026-11-30T06:30:00Z
local = 2026-11-30T07:30:00
day = 2026-11-30
clock = 07:30:00.5
nothing_nan = nan

[table]
inner = { at = 2026-01-02, list = [2026-01-03, 1979-05-27T00:32:00] }

[[blocks]]
name = "first"
days = [2026-11-01, 2026-11-02]

[[blocks]]
name = "second"
nested = [[1, 2], ["a", { b = 2026-12-01T00:00:00+00:00 }]]
"""


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[ParsedToml]:
    (tmp_path / "data").mkdir()
    keep_entries()
    yield ParsedToml(tmp_path / "data")
    parsed._pending = None  # as a process that never gathers (the app)


def shape(value: object) -> object:
    """The value with every leaf's type beside it, keys in order (nan made comparable)."""
    if isinstance(value, dict):
        return [(key, shape(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [shape(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return ("nan", float)
    tz = value.tzinfo if isinstance(value, dt.datetime | dt.time) else None
    return (value, type(value), tz, repr(tz))


def unordered(value: object) -> object:
    """`shape`, but a table's keys in any order (the writer and tomllib may order them apart)."""
    if isinstance(value, dict):
        return sorted((key, repr(unordered(item))) for key, item in value.items())
    if isinstance(value, list):
        return [unordered(item) for item in value]
    return shape(value)


def session(record_id: str, started: dt.datetime) -> Session:
    return Session(
        id=record_id,
        programme="beginner",
        phase="beginner",
        started_at=started,
        status="completed",
        source="app",
        sets=(
            SetRecord("side-lying-hip-abduction", "left", 10, 10),
            SetRecord("wall-mini-squat", None, 0, 10),
        ),
        ended_at=started + dt.timedelta(minutes=6),
        pain_after=2,
        pain_during=1,
        played_seconds=361.5,
    )


def no_toml_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> dict[str, object]:
        raise AssertionError("tomllib was asked")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_an_entry_gives_back_what_tomllib_gives(cache: ParsedToml, monkeypatch: pytest.MonkeyPatch) -> None:
    first = cache.loads("every.toml", EVERY_KIND)
    assert shape(first) == shape(tomllib.loads(EVERY_KIND))
    save_entries()
    no_toml_reader(monkeypatch)
    again = cache.loads("every.toml", EVERY_KIND)
    assert shape(again) == shape(first)
    assert again is not first and again["table"] is not first["table"]  # a fresh copy each time
    assert again["zulu"].tzinfo is dt.UTC


def test_an_entry_stands_for_its_own_text_only(cache: ParsedToml) -> None:
    cache.loads("x.toml", 'a = "one"\n')
    save_entries()
    keep_entries()
    assert cache.loads("x.toml", 'a = "two"\n') == {"a": "two"}
    assert cache.loads("x.toml", 'a = "one" \n') == {"a": "one"}
    with pytest.raises(tomllib.TOMLDecodeError):
        cache.loads("x.toml", "a = \n")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"\x00" + data,
        lambda data: b"not marshal at all",
        lambda data: data.replace(
            sys.hexversion.to_bytes(4, "little"), (sys.hexversion + 1).to_bytes(4, "little")
        ),
        lambda data: b"",
    ],
    ids=["cut", "shifted", "foreign", "another-python", "empty"],
)
def test_a_damaged_or_foreign_entry_is_read_again_and_rewritten(
    cache: ParsedToml,
    tmp_path: Path,
    damage,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    cache.loads("x.toml", EVERY_KIND)
    save_entries()
    entry = tmp_path / "data" / FOLDER / "x.toml"
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    keep_entries()
    calls: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: calls.append(text) or real(text))
    assert shape(cache.loads("x.toml", EVERY_KIND)) == shape(real(EVERY_KIND))
    assert calls == [EVERY_KIND]
    save_entries()
    assert entry.read_bytes() == good


def test_entries_are_written_only_when_asked_and_are_the_owners_alone(
    cache: ParsedToml, tmp_path: Path
) -> None:
    cache.loads("x.toml", "a = 1\n")
    folder = tmp_path / "data" / FOLDER
    assert not folder.exists()  # gathered, not written: a refused command writes none
    save_entries()
    assert stat.S_IMODE(os.stat(folder / "x.toml").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder.parent).st_mode) == 0o700
    (folder / "x.toml").unlink()
    cache.loads("x.toml", "a = 1\n")  # no longer gathering (save_entries ended it)
    save_entries()
    assert not (folder / "x.toml").exists()


def test_no_data_folder_no_entry(tmp_path: Path) -> None:
    keep_entries()
    try:
        ParsedToml(tmp_path / "missing").loads("x.toml", "a = 1\n")
        save_entries()
    finally:
        parsed._pending = None
    assert not (tmp_path / "missing").exists()


def test_a_read_only_data_folder_goes_without(cache: ParsedToml, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.chmod(0o500)
    try:
        assert cache.loads("x.toml", "a = 1\n") == {"a": 1}
        save_entries()  # no error
    finally:
        data.chmod(0o700)
    assert not (data / "cache").exists()


def test_what_the_writer_remembers_is_what_tomllib_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every kind of record and optional field the journal writes, in two time zones.
    plus_one = dt.timezone(dt.timedelta(hours=1), "CET")
    minus = dt.timezone(dt.timedelta(hours=-9, minutes=-30))
    at = dt.datetime(2026, 11, 24, 7, 30, 15, 250, tzinfo=plus_one)
    store = Store(tmp_path / "data")
    keep_entries()
    try:
        first = session("s1", at)
        store.save_session(first)
        store.save_session(session("s2", at.astimezone(minus)))
        store.add_rest_day(dt.date(2026, 11, 20))
        store.add_activity(dt.date(2026, 11, 21), "swimming", 30)
        store.add_symptom_check(
            SymptomCheck("c1", at, 3, 4, True, False, ("knees", "feet"), True, False, "beginner")
        )
        store.add_morning_check(dt.date(2026, 11, 25), "better", 2)
        store.add_morning_check(dt.date(2026, 11, 26), "same")
        store.edit_pain(first, 3, None, at + dt.timedelta(hours=1))
        store.delete("s2", at + dt.timedelta(hours=2))
        save_entries()
    finally:
        parsed._pending = None
    entry = f"journal-{store.month_path((2026, 11)).name}"  # by file name: one per device
    assert (tmp_path / "data" / FOLDER / entry).exists()
    text = store.month_path((2026, 11)).read_text()
    expected = tomllib.loads(text)
    no_toml_reader(monkeypatch)
    remembered = store.parsed.loads(entry, text)
    assert unordered(remembered) == unordered(expected)
    assert set(remembered) == {
        "schema",
        "sessions",
        "rest_days",
        "activities",
        "symptom_checks",
        "morning_checks",
        "deletions",
        "edits",
    }
    assert Store(tmp_path / "data").read_journal() == store.read_journal()


def test_the_writer_remembers_nothing_it_cannot_vouch_for(tmp_path: Path) -> None:
    # TOML writes offsets in whole minutes: an odd one would not read back as it is.
    odd = dt.timezone(dt.timedelta(minutes=19, seconds=32))
    journal = Journal(
        rest_days=(RestDay("r1", dt.date(1900, 1, 2)),),
        activities=(Activity("a1", dt.date(1900, 1, 2), "walk", 10),),
        morning_checks=(MorningCheck("m1", dt.date(1900, 1, 2), "same"),),
        deletions=(Deletion("x", "sessions", dt.datetime(1900, 1, 2, tzinfo=odd)),),
        edits=(PainEdit("s", dt.datetime(1900, 1, 2, tzinfo=dt.UTC), 1),),
    )
    text, document = journal_text_and_document((1900, 1), journal)
    (tmp_path / "data").mkdir()
    keep_entries()
    ParsedToml(tmp_path / "data").remember("odd.toml", text, document)
    ParsedToml(tmp_path / "data").remember("even.toml", text.replace("x", "y"), {"at": journal.edits[0].at})
    save_entries()
    assert not (tmp_path / "data" / FOLDER / "odd.toml").exists()
    assert (tmp_path / "data" / FOLDER / "even.toml").exists()


def test_programme_files_share_one_entry_and_never_stand_for_each_other(tmp_path: Path) -> None:
    from glutewake.programmes import builtin_text, load_programme

    (tmp_path / "data").mkdir()
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    first.write_text(builtin_text("beginner"))
    second.write_text(builtin_text("advanced"))
    cache = ParsedToml(tmp_path / "data")
    for path in (first, second, first):
        keep_entries()
        programme = load_programme(path, cache)
        save_entries()
        assert programme == load_programme(path)  # what tomllib reads from that very file
    assert load_programme(first).name != load_programme(second).name
    assert sorted(p.name for p in (tmp_path / "data" / FOLDER).iterdir()) == ["programme-file.toml"]
