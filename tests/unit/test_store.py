"""The store: layout, round trips, schema migration, malformed files and OS failures."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from glutewake.core.records import Journal, Session, SetRecord, SymptomCheck
from glutewake.core.settings import Profile, Settings
from glutewake.errors import UserError
from glutewake.store import FutureSchema, MalformedFile, Store, Unwritable
from glutewake.store.summary import journal_days

PLUS_ONE = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 24, 7, 30, tzinfo=PLUS_ONE)


def session(id: str = "s1", started: dt.datetime = NOW, status: str = "completed", reps: int = 10) -> Session:
    return Session(
        id=id,
        programme="beginner",
        phase="beginner",
        started_at=started,
        status=status,  # type: ignore[arg-type]
        source="app",
        sets=(
            SetRecord("side-lying-hip-abduction", "left", reps, 10),
            SetRecord("wall-mini-squat", None, 0, 10),
        ),
        ended_at=started + dt.timedelta(minutes=6),
        pain_after=2,
    )


def check(at: dt.datetime = NOW) -> SymptomCheck:
    return SymptomCheck("c1", at, 3, 4, True, False, ("knees", "feet"), True, False, "beginner")


def full_month(store: Store) -> None:
    store.save_session(session())
    store.add_rest_day(dt.date(2026, 11, 20))
    store.add_activity(dt.date(2026, 11, 21), "swimming", 30)
    store.add_symptom_check(check())


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def tree(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under root with its mode and bytes (None for folders)."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(root))] = (info.st_mode, None if path.is_dir() else path.read_bytes())
    return found


# -- layout and round trips --------------------------------------------------------------


def test_records_round_trip_through_the_month_file(store: Store) -> None:
    full_month(store)
    journal = store.read_journal()
    assert journal.sessions == (session(),)
    assert [r.day for r in journal.rest_days] == [dt.date(2026, 11, 20)]
    assert [(a.day, a.kind, a.minutes) for a in journal.activities] == [
        (dt.date(2026, 11, 21), "swimming", 30)
    ]
    assert journal.symptom_checks == (check(),)
    assert sorted(p.name for p in store.journal_dir.iterdir()) == [f"2026-11.{store.device}.toml"]


def test_data_folder_is_private_and_files_are_owner_only(store: Store) -> None:
    full_month(store)
    store.update_profile(lambda p: Profile(phase="advanced"))
    assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.journal_dir.stat().st_mode) == 0o700
    for path in (store.settings_path, store.month_path((2026, 11)), store.lock_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_month_file_is_readable_toml_with_offset_datetimes(store: Store) -> None:
    full_month(store)
    text = store.month_path((2026, 11)).read_text()
    assert "schema = 3" in text
    assert "started_at = 2026-11-24 07:30:00+01:00" in text
    assert 'kind = "swimming"' in text
    assert text.rstrip().endswith("# end of journal")


def test_a_save_rewrites_only_its_month(store: Store) -> None:
    store.save_session(session("old", NOW - dt.timedelta(days=40)))
    october = store.month_path((2026, 10))
    before = (october.read_bytes(), october.stat().st_mtime_ns, october.stat().st_ino)
    store.save_session(session("new"))
    assert (october.read_bytes(), october.stat().st_mtime_ns, october.stat().st_ino) == before
    assert store.months() == [(2026, 10), (2026, 11)]


def test_saving_a_session_again_replaces_it_by_id(store: Store) -> None:
    store.save_session(session(status="partial", reps=3))
    store.save_session(session(status="completed", reps=10))
    (saved,) = store.read_journal().sessions
    assert (saved.status, saved.sets[0].reps) == ("completed", 10)


def test_naive_times_are_stored_as_local_time_with_offset(store: Store) -> None:
    store.save_session(session(started=dt.datetime(2026, 11, 24, 7, 30)))
    (saved,) = store.read_journal().sessions
    assert saved.started_at.tzinfo is not None
    assert saved.started_at.replace(tzinfo=None) == dt.datetime(2026, 11, 24, 7, 30)


def test_a_day_with_a_completed_session_cannot_be_a_rest_day(store: Store) -> None:
    store.save_session(session())  # Tue 24 Nov, completed
    store.save_session(session("s2", NOW - dt.timedelta(days=1), status="partial"))
    before = store.month_path((2026, 11)).read_bytes()
    with pytest.raises(UserError, match=r"^2026-11-24 already holds a completed session, so it cannot"):
        store.add_rest_day(dt.date(2026, 11, 24))
    assert store.month_path((2026, 11)).read_bytes() == before
    # A session stopped early does not make the day a training day.
    assert store.add_rest_day(dt.date(2026, 11, 23)).day == dt.date(2026, 11, 23)


def test_a_second_rest_on_the_same_day_returns_the_first(store: Store) -> None:
    first = store.add_rest_day(dt.date(2026, 11, 20))
    before = store.month_path((2026, 11)).read_bytes()
    assert store.add_rest_day(dt.date(2026, 11, 20)) == first
    assert store.month_path((2026, 11)).read_bytes() == before


def test_read_months_reads_only_those_months(store: Store) -> None:
    store.save_session(session("oct", NOW - dt.timedelta(days=40)))
    store.save_session(session("nov"))
    store.month_path((2026, 10)).write_text("not toml at all [")
    assert [s.id for s in store.read_months([(2026, 11)]).sessions] == ["nov"]


def test_activity_minutes_and_kind_are_checked(store: Store) -> None:
    for minutes in (0, 1441):
        with pytest.raises(UserError, match="minutes"):
            store.add_activity(dt.date(2026, 11, 20), "swimming", minutes)
    assert not store.data_dir.exists()


def test_profile_defaults_then_round_trips(store: Store) -> None:
    assert store.read_profile() == Profile()
    assert not store.data_dir.exists()  # reading never creates anything
    changed = store.update_profile(
        lambda p: Profile(
            p.settings.with_changes(count_seconds=1.5, sound="bell", volume=35),
            "advanced",
            dt.date(2026, 11, 24),
            morning_asked_on=dt.date(2026, 11, 25),
        )
    )
    assert store.read_profile() == changed
    text = store.settings_path.read_text()
    assert "schema = 3" in text and 'sound = "bell"' in text and "volume = 35" in text
    assert "morning_asked_on = 2026-11-25" in text  # asked on this machine: stays here
    # The phase and the acknowledgement follow the user: journal records, not settings.
    assert "phase" not in text and "acknowledged_on" not in text
    state = store.state_path().read_text()
    assert 'phase = "advanced"' in state and "at = 2026-11-24 12:00:00" in state


def test_a_schema_1_settings_file_still_loads(store: Store) -> None:
    store.data_dir.mkdir()
    old = 'schema = 1\nphase = "advanced"\nacknowledged_on = 2026-11-01\n'
    store.settings_path.write_text(old)
    profile = store.read_profile()
    assert (profile.phase, profile.acknowledged_on, profile.morning_asked_on) == (
        "advanced",
        dt.date(2026, 11, 1),
        None,
    )
    assert store.settings_path.read_text() == old


def test_update_profile_re_reads_the_file_under_the_lock(store: Store) -> None:
    store.update_profile(lambda p: Profile(phase="advanced"))
    other = Store(store.data_dir)  # another process's view, with its own earlier reading
    other.update_profile(lambda p: Profile(p.settings.with_changes(sound="off"), p.phase))
    assert store.read_profile().phase == "advanced"
    assert store.read_profile().settings.sound == "off"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('count_seconds = "fast"', "expected `count_seconds` to be a number"),
        ("count_seconds = 99", "count_seconds must be between"),
        ("bell = 1", "`bell` is no longer a setting: use `sound`"),
        ("bel = false", "unknown setting `bel`"),
        ('sound = "loud"', "sound must be one of tones, bell, off"),
        ("volume = 101", "volume must be between 0 and 100"),
        ("volume = 0.5", "expected `volume` to be a whole number"),
    ],
)
def test_bad_settings_name_the_line(store: Store, line: str, expected: str) -> None:
    store.data_dir.mkdir()
    store.settings_path.write_text(f'schema = 1\nphase = "beginner"\n\n[settings]\n{line}\n')
    with pytest.raises(MalformedFile, match=expected) as caught:
        store.read_profile()
    assert caught.value.line == 5
    assert str(store.settings_path) in str(caught.value)


# -- schema versions ---------------------------------------------------------------------

SCHEMA_1_MONTH = """\
# A month file as glutewake wrote it before schema 2: rest days were bare dates
# and activities had no id.
schema = 1
rest_days = [2026-11-20, 2026-11-22]

[[sessions]]
id = "s1"
programme = "beginner"
phase = "beginner"
status = "completed"
source = "log"
started_at = 2026-11-21T12:00:00+01:00
sets = [{ exercise = "side-lying-hip-abduction", side = "left", reps = 10, target = 10 }]

[[activities]]
date = 2026-11-21
kind = "cycling"
minutes = 45

# end of journal
"""


def test_older_schema_is_migrated_on_read_and_never_rewritten_by_reading(store: Store) -> None:
    store.journal_dir.mkdir(parents=True)
    path = store.month_path((2026, 11))
    path.write_text(SCHEMA_1_MONTH)
    first = store.read_journal()
    assert [r.day for r in first.rest_days] == [dt.date(2026, 11, 20), dt.date(2026, 11, 22)]
    assert [(a.kind, a.minutes) for a in first.activities] == [("cycling", 45)]
    assert first.activities[0].id and first.rest_days[0].id
    assert store.read_journal() == first  # ids given to old records are stable across reads
    assert path.read_text() == SCHEMA_1_MONTH
    store.add_activity(dt.date(2026, 11, 23), "swimming", 20)
    upgraded = path.read_text()
    assert "schema = 3" in upgraded
    again = store.read_journal()
    assert again.rest_days == first.rest_days and again.sessions == first.sessions
    assert len(again.activities) == 2 and again.activities[0] == first.activities[0]


SETTINGS_1_0 = """\
# glutewake settings and state. Hand-editing is fine; see "Your data" in the README.
schema = 1
phase = "advanced"
acknowledged_on = 2026-11-02

[settings]
count_seconds = 1.5
counts_per_breath = 3
stretch_hold_counts = 30
rest_between_sides_counts = 5
bell = false
spoken_cues = true
voice_command = "espeak-ng"
theme = "nord"
"""


def test_settings_of_1_0_move_from_counts_to_seconds_without_loss(store: Store) -> None:
    store.data_dir.mkdir()
    store.settings_path.write_text(SETTINGS_1_0)
    profile = store.read_profile()
    settings = profile.settings
    # 30 counts of 1.5 s = 45 s of stretch; 5 counts = 7.5 s of rest, rounded.
    assert (settings.stretch_hold_seconds, settings.rest_seconds) == (45, 8)
    assert settings.transition_seconds == 5  # new: its default
    assert (settings.count_seconds, settings.counts_per_breath) == (1.5, 3)
    assert (settings.sound, settings.spoken_cues, settings.voice_command, settings.theme) == (
        "off",
        True,
        "espeak-ng",
        "nord",
    )
    assert (profile.phase, profile.acknowledged_on) == ("advanced", dt.date(2026, 11, 2))
    assert store.settings_path.read_text() == SETTINGS_1_0  # reading never rewrites
    store.update_profile(lambda p: Profile(p.settings, "beginner", p.acknowledged_on))
    written = store.settings_path.read_text()
    assert "schema = 3" in written and "stretch_hold_counts" not in written
    assert "stretch_hold_seconds = 45" in written and "rest_seconds = 8" in written
    assert store.read_profile() == Profile(settings, "beginner", profile.acknowledged_on)


@pytest.mark.parametrize(
    ("pace", "hold", "rest", "seconds"),
    [
        ("10.0", 120, 60, (120, 120)),  # 1200 s and 600 s: clamped to the ranges' tops
        ("0.05", 5, 1, (5, 1)),  # a quarter of a second and less: the ranges' bottoms
        (None, 20, 3, (20, 3)),  # no pace saved: the default second a count
    ],
)
def test_old_counts_become_seconds_rounded_and_clamped(
    store: Store, pace: str | None, hold: int, rest: int, seconds: tuple[int, int]
) -> None:
    store.data_dir.mkdir()
    lines = [f"count_seconds = {pace}"] if pace else []
    lines += [f"stretch_hold_counts = {hold}", f"rest_between_sides_counts = {rest}"]
    store.settings_path.write_text("schema = 1\n[settings]\n" + "\n".join(lines) + "\n")
    settings = store.read_profile().settings
    assert (settings.stretch_hold_seconds, settings.rest_seconds) == seconds


def test_a_bad_old_count_is_named_not_guessed(store: Store) -> None:
    store.data_dir.mkdir()
    store.settings_path.write_text('schema = 1\n[settings]\nstretch_hold_counts = "long"\n')
    with pytest.raises(MalformedFile, match="stretch_hold_seconds"):
        store.read_profile()


SEVERAL_ERRORS = (
    "schema = 2\n"
    'phase = "middle"\n'
    "[settings]\n"
    "counts_per_breath = 99\n"
    'colour = "red"\n'
    "volume = 50\n"
    'rest_seconds = "ten"\n'
    'sound = "loud"\n'
)


def test_every_problem_of_a_settings_file_is_named_with_its_line_in_order(store: Store) -> None:
    store.data_dir.mkdir()
    store.settings_path.write_text(SEVERAL_ERRORS)
    with pytest.raises(MalformedFile) as caught:
        store.read_profile()
    error = caught.value
    assert [line for line, _ in error.problems] == [2, 4, 5, 7, 8]
    assert [reason.split(" ", 1)[0] for _, reason in error.problems] == [
        "expected",
        "counts_per_breath",
        "unknown",
        "expected",
        "sound",
    ]
    assert "`phase`" in error.problems[0][1] and "`rest_seconds`" in error.problems[3][1]
    lines = str(error).splitlines()
    assert lines[:5] == [f"{store.settings_path}, line {line}: {reason}" for line, reason in error.problems]
    assert lines[5].startswith("nothing was changed; fix these 5 problems by hand")
    assert (error.line, error.reason) == error.problems[0]
    assert store.settings_path.read_text() == SEVERAL_ERRORS


def test_one_problem_in_a_settings_file_stays_one_line(store: Store) -> None:
    store.data_dir.mkdir()
    store.settings_path.write_text("schema = 2\n[settings]\nvolume = 500\n")
    with pytest.raises(MalformedFile) as caught:
        store.read_profile()
    assert caught.value.problems == ((3, "volume must be between 0 and 100, got 500"),)
    assert str(caught.value) == (
        f"{store.settings_path}, line 3: volume must be between 0 and 100, got 500 "
        "(nothing was changed; fix it by hand, or run `glutewake repair` to move it aside)"
    )


def test_a_session_keeps_its_pain_during_and_playing_time(store: Store) -> None:
    session = Session(
        id="s-1",
        programme="beginner",
        phase="beginner",
        started_at=dt.datetime(2026, 11, 24, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        status="partial",
        source="app",
        sets=(SetRecord("side-lying-hip-abduction", "left", 4, 10),),
        pain_during=7,
        played_seconds=123.4,
    )
    store.save_session(session)
    text = store.month_path((2026, 11)).read_text()
    assert "pain_during = 7" in text and "played_seconds = 123.4" in text
    assert store.read_journal().sessions == (session,)


def test_newer_schema_is_refused_and_never_rewritten(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    newer = path.read_text().replace("schema = 3", "schema = 4")
    path.write_text(newer)
    with pytest.raises(FutureSchema, match="newer glutewake.*schema 4.*knows up to 3"):
        store.read_journal()
    with pytest.raises(FutureSchema):
        store.add_rest_day(dt.date(2026, 11, 26))
    assert path.read_text() == newer
    assert [type(p) for p in store.problems()] == [FutureSchema]


def test_newer_settings_schema_is_refused(store: Store) -> None:
    store.data_dir.mkdir()
    store.settings_path.write_text('schema = 4\nphase = "beginner"\n')
    with pytest.raises(FutureSchema):
        store.update_profile(lambda p: p)
    assert store.settings_path.read_text() == 'schema = 4\nphase = "beginner"\n'


# settings.toml as glutewake 1.0 wrote it, with the bell switched off.
SCHEMA_1_SETTINGS = """\
# glutewake settings and state. Hand-editing is fine; see "Your data" in the README.
schema = 1
phase = "advanced"
acknowledged_on = 2026-11-02

[settings]
count_seconds = 1.5
counts_per_breath = 3
stretch_hold_counts = 40
rest_between_sides_counts = 8
bell = {bell}
spoken_cues = true
voice_command = "espeak-ng -s 140"
theme = "nord"
"""


@pytest.mark.parametrize(("bell", "sound"), [("false", "off"), ("true", "tones")])
def test_settings_of_schema_1_keep_everything_and_the_bell_becomes_sound(
    store: Store, bell: str, sound: str
) -> None:
    store.data_dir.mkdir()
    old = SCHEMA_1_SETTINGS.format(bell=bell)
    store.settings_path.write_text(old)
    profile = store.read_profile()
    assert profile == Profile(
        Settings(
            count_seconds=1.5,
            counts_per_breath=3,
            stretch_hold_seconds=60,  # 40 counts of 1.5 s
            rest_seconds=12,  # 8 counts of 1.5 s
            sound=sound,
            volume=80,
            spoken_cues=True,
            voice_command="espeak-ng -s 140",
            theme="nord",
        ),
        "advanced",
        dt.date(2026, 11, 2),
    )
    assert store.settings_path.read_text() == old, "reading never rewrites"
    store.update_profile(lambda p: replace(p, settings=p.settings.with_changes(volume=60)))
    upgraded = store.settings_path.read_text()
    assert "schema = 3" in upgraded and f'sound = "{sound}"' in upgraded and "bell" not in upgraded
    assert store.read_profile() == replace(profile, settings=profile.settings.with_changes(volume=60))


# -- malformed files ---------------------------------------------------------------------


def assert_refused_and_unchanged(store: Store, path: Path, line: int | None = None) -> None:
    data = path.read_bytes()
    with pytest.raises(MalformedFile) as caught:
        store.read_journal()
    assert caught.value.path == path and str(path) in str(caught.value)
    if line is not None:
        assert caught.value.line == line
        assert f"line {line}" in str(caught.value)
    with pytest.raises(MalformedFile):
        store.save_session(session("another"))
    with pytest.raises(MalformedFile):
        store.add_rest_day(dt.date(2026, 11, 26))
    assert path.read_bytes() == data
    assert [p.path for p in store.problems()] == [path]


def test_a_journal_truncated_at_every_byte_offset_is_never_read_short(store: Store) -> None:
    full_month(store)
    store.save_session(session("s2", NOW + dt.timedelta(days=1)))
    path = store.month_path((2026, 11))
    whole = path.read_bytes()
    complete = store.read_journal()
    for offset in range(len(whole)):
        path.write_bytes(whole[:offset])
        try:
            journal = store.read_month((2026, 11))
        except MalformedFile as error:
            assert error.path == path
            continue
        # Only the final newline may go missing without losing anything.
        assert offset == len(whole) - 1 and journal == complete, offset


def test_a_truncated_journal_is_refused_and_kept(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    path.write_bytes(path.read_bytes()[:200])
    assert_refused_and_unchanged(store, path)


@pytest.mark.parametrize(
    ("damage", "line"),
    [
        (lambda data: b"\0" * len(data), 1),
        (lambda data: b"\xef\xbb\xbf" + data, 1),
        (lambda data: data.replace(b"swimming", b"swim\xffming"), None),
        (lambda data: b"", None),
        (lambda data: data.replace(b"minutes = 30", b"minutes = 30.5"), None),
        (lambda data: data.replace(b'kind = "swimming"', b"kind = 5"), None),
        (lambda data: data.replace(b"reps = 10", b"reps = -1"), None),
        (lambda data: data.replace(b'status = "completed"', b'status = "done"'), None),
        (lambda data: data.replace(b"pain_after = 2", b"pain_afterwards = 2"), None),
        (lambda data: data.replace(b"# end of journal", b""), None),
        (lambda data: data.replace(b"schema = 3", b'schema = "3"'), None),
    ],
    ids=[
        "nul-filled",
        "bom",
        "invalid-utf8",
        "empty",
        "float-minutes",
        "number-kind",
        "negative-reps",
        "unknown-status",
        "unknown-key",
        "no-end-mark",
        "text-schema",
    ],
)
def test_damaged_journal_is_named_refused_and_kept(store: Store, damage, line) -> None:  # type: ignore[no-untyped-def]
    full_month(store)
    path = store.month_path((2026, 11))
    path.write_bytes(damage(path.read_bytes()))
    assert_refused_and_unchanged(store, path, line)


def test_wrong_type_names_the_line_of_the_value(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    text = path.read_text().replace('status = "completed"', 'status = "done"')
    path.write_text(text)
    expected = text.splitlines().index('status = "done"') + 1
    with pytest.raises(MalformedFile, match="expected `status` to be one of") as caught:
        store.read_journal()
    assert caught.value.line == expected


def test_invalid_utf8_names_its_line(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    data = path.read_bytes().replace(b"swimming", b"swim\xffming")
    path.write_bytes(data)
    expected = data[: data.index(b"\xff")].count(b"\n") + 1
    with pytest.raises(MalformedFile, match="not valid UTF-8") as caught:
        store.read_journal()
    assert caught.value.line == expected


def test_toml_syntax_errors_carry_tomllibs_line(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    lines = path.read_text().splitlines()
    lines[5] = "this is = = not toml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(MalformedFile, match="not valid TOML") as caught:
        store.read_journal()
    assert caught.value.line == 6


def test_problems_lists_every_bad_file_and_skip_problems_reads_the_rest(store: Store) -> None:
    store.save_session(session("oct", NOW - dt.timedelta(days=40)))
    store.save_session(session("nov"))
    store.month_path((2026, 10)).write_text("[")
    store.data_dir.joinpath("settings.toml").write_text("schema = 9\n")
    problems = store.problems()
    assert {type(p) for p in problems} == {MalformedFile, FutureSchema}
    assert [s.id for s in store.read_journal(skip_problems=True).sessions] == ["nov"]


def test_repair_moves_a_broken_file_aside_with_a_dated_name(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    broken = path.read_bytes()[:150]
    path.write_bytes(broken)
    store.data_dir.joinpath("settings.toml").write_text("schema = 9\n")
    (moved,) = store.repair(dt.datetime(2026, 11, 25, 10, 55))
    assert moved.moved_to == store.journal_dir / f"2026-11.{store.device}.broken-20261125T105500.toml"
    assert moved.moved_to.read_bytes() == broken
    assert not path.exists()
    assert store.settings_path.read_text() == "schema = 9\n"  # newer: left alone
    store.add_rest_day(dt.date(2026, 11, 26))  # the month can be written again
    assert store.months() == [(2026, 11)]


# -- errors from the OS ------------------------------------------------------------------


def test_read_only_journal_file_is_refused_and_unchanged(store: Store) -> None:
    full_month(store)
    path = store.month_path((2026, 11))
    data = path.read_bytes()
    path.chmod(0o400)
    with pytest.raises(Unwritable, match="read-only"):
        store.add_rest_day(dt.date(2026, 11, 26))
    assert path.read_bytes() == data


def test_read_only_data_folder_is_refused_and_unchanged(store: Store) -> None:
    full_month(store)
    before = tree(store.data_dir)
    store.journal_dir.chmod(0o500)
    try:
        with pytest.raises(Unwritable, match="read-only"):
            store.add_rest_day(dt.date(2026, 11, 26))
        assert store.read_journal().sessions == (session(),)  # still readable
    finally:
        store.journal_dir.chmod(0o700)
    assert tree(store.data_dir) == before


class Failing:
    """Wraps an os function: fail at the nth call (once, or from then on)."""

    def __init__(self, real, nth: int, permanent: bool, code: int = errno.ENOSPC):  # type: ignore[no-untyped-def]
        self.real, self.nth, self.permanent, self.code = real, nth, permanent, code
        self.calls = 0

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls == self.nth or (self.permanent and self.calls > self.nth):
            raise OSError(self.code, os.strerror(self.code))
        return self.real(*args, **kwargs)


@pytest.mark.parametrize("permanent", [False, True], ids=["once", "permanently"])
@pytest.mark.parametrize("name", ["write", "fsync", "replace", "open"])
@pytest.mark.parametrize("nth", [1, 2])
def test_a_failing_os_call_leaves_the_old_file_and_no_temporaries(
    store: Store, monkeypatch: pytest.MonkeyPatch, name: str, nth: int, permanent: bool
) -> None:
    full_month(store)
    before = tree(store.data_dir)
    failing = Failing(getattr(os, name), nth, permanent)
    monkeypatch.setattr(os, name, failing)
    try:
        store.save_session(session("s2"))
    except Unwritable as error:
        assert str(store.data_dir) in str(error)
        monkeypatch.undo()
        if "saved, but" in str(error):
            # Only the folder's fsync failed: the rename is done, the new file is whole.
            assert "s2" in {s.id for s in store.read_journal().sessions}
        else:
            assert tree(store.data_dir) == before  # old file intact, temporaries cleaned up
    else:
        # The failure hit a call the save survives (e.g. the lock file's open): not the file.
        assert failing.calls < nth or name in ("open",)
        monkeypatch.undo()
    if permanent:
        monkeypatch.setattr(os, name, failing)
        with pytest.raises(Unwritable):
            for _ in range(3):
                store.save_session(session("s3"))
        monkeypatch.undo()
    else:
        store.save_session(session("s3"))
        assert "s3" in {s.id for s in store.read_journal().sessions}
    assert not [p for p in store.data_dir.rglob("*.tmp")]


def test_disk_full_says_so(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    full_month(store)
    monkeypatch.setattr(os, "write", Failing(os.write, 1, True))
    with pytest.raises(Unwritable, match="disk is full.*old file is unchanged"):
        store.add_rest_day(dt.date(2026, 11, 26))


def test_failing_fsync_of_the_folder_is_reported(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    full_month(store)
    monkeypatch.setattr(os, "fsync", Failing(os.fsync, 2, False, errno.EIO))
    with pytest.raises(Unwritable, match="could not be flushed"):
        store.add_rest_day(dt.date(2026, 11, 26))


def test_temporaries_left_by_a_killed_writer_are_cleaned_up(store: Store) -> None:
    full_month(store)
    old_name = store.journal_dir / ".2026-11.toml.99999.1.tmp"  # an older version's name
    stale = store.journal_dir / ".glutewake-write.2026-11.toml.99999.2"
    fresh = store.journal_dir / ".glutewake-write.2026-11.toml.99999.3"  # a write in progress
    syncthing = store.journal_dir / ".syncthing.2026-11.toml.tmp"
    for path in (old_name, stale, fresh, syncthing):
        path.write_text("half a file")
    an_hour_ago = time.time() - 3600
    for path in (old_name, stale, syncthing):
        os.utime(path, (an_hour_ago, an_hour_ago))
    store.add_rest_day(dt.date(2026, 11, 26))
    assert not old_name.exists() and not stale.exists()
    assert fresh.exists(), "a young temporary may be another writer's; it is left alone"
    assert syncthing.exists(), "a sync tool's own file is never ours to sweep"
    assert len(store.read_journal().rest_days) == 2


def test_our_temporaries_carry_a_name_no_sync_tool_uses(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = os.replace

    def spy(src, dst):  # type: ignore[no-untyped-def]
        seen.append(Path(src).name)
        return real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    store.add_rest_day(dt.date(2026, 11, 26))
    assert seen and all(name.startswith(".glutewake-write.") and not name.endswith(".tmp") for name in seen)


def test_leftover_temporaries_in_the_cache_are_swept(store: Store) -> None:
    from glutewake.store.summary import scan_journal

    full_month(store)
    cache = store.data_dir / "cache"
    cache.mkdir()
    stale = cache / ".glutewake-write.days.marshal.99999.2"
    old_name = cache / ".days.json.99999.1.tmp"
    for path in (stale, old_name):
        path.write_text("{")
        os.utime(path, (time.time() - 3600,) * 2)
    scan_journal(store)
    assert not stale.exists() and not old_name.exists()
    assert (cache / "days.marshal").exists()


# -- import ------------------------------------------------------------------------------


def test_import_merges_by_record_and_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    from glutewake.core.history import history_document
    from glutewake.store.exchange import read_export

    full_month(store)
    store.add_activity(dt.date(2026, 11, 21), "swimming", 30)  # two equal swims
    export = tmp_path / "backup.json"
    export.write_text(json.dumps(history_document(store.read_journal(), "beginner", dt.date(2026, 11, 25))))
    target = Store(tmp_path / "restored")
    target.save_session(session("local-only", NOW + dt.timedelta(days=1)))
    counts = target.import_journal(read_export(export, dt.date(2026, 11, 30)))
    assert (counts.sessions, counts.rest_days, counts.activities, counts.symptom_checks) == (1, 1, 2, 1)
    restored = target.read_journal()
    assert {s.id for s in restored.sessions} == {"s1", "local-only"}
    assert len(restored.activities) == 2
    before = tree(target.data_dir)
    assert target.import_journal(read_export(export, dt.date(2026, 11, 30))).total == 0
    assert tree(target.data_dir) == before


def test_import_reads_every_month_before_writing_any(store: Store, tmp_path: Path) -> None:
    source = Store(tmp_path / "source")
    source.save_session(session("oct", NOW - dt.timedelta(days=40)))
    source.save_session(session("nov"))
    journal = source.read_journal()
    store.add_rest_day(dt.date(2026, 11, 1))
    store.month_path((2026, 11)).write_text("[")
    before = tree(store.data_dir)
    with pytest.raises(MalformedFile):
        store.import_journal(journal)
    assert tree(store.data_dir) == before


# -- the status summary ------------------------------------------------------------------


def test_status_summary_follows_changes_and_survives_a_damaged_cache(store: Store) -> None:
    assert journal_days(store).done == set()
    assert not store.data_dir.exists()
    store.save_session(session())
    days = journal_days(store)
    assert days.done == {dt.date(2026, 11, 24)} and days.basis.check is None
    store.add_symptom_check(check())
    store.add_rest_day(dt.date(2026, 11, 23))
    days = journal_days(store)
    assert days.rest == {dt.date(2026, 11, 23)} and days.basis.check == check()
    cache = store.data_dir / "cache" / "days.marshal"
    cache.write_bytes(b"\x00 not marshal")
    assert journal_days(store) == days
    path = store.month_path((2026, 11))  # a hand edit: same month, new content
    path.write_text(path.read_text().replace('status = "completed"', 'status = "partial"'))
    assert journal_days(store).done == set()


def test_status_summary_reads_only_changed_months(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for month in range(1, 12):
        store.save_session(session(f"s{month}", NOW.replace(month=month, day=3)))
    settle(store)
    journal_days(store)
    store.add_rest_day(dt.date(2026, 11, 4))
    read: list[tuple[int, int]] = []
    real = Store.read_month
    monkeypatch.setattr(
        Store,
        "read_month",
        lambda self, m, listing=None, **day: read.append(m) or real(self, m, listing, **day),
    )
    days = journal_days(store)
    assert read == [(2026, 11)]
    assert len(days.done) == 11


def settle(store: Store) -> None:
    """Date every month file an hour back: the summary re-reads a file written moments ago."""
    an_hour_ago = time.time() - 3600
    for path in store.journal_dir.glob("*.toml"):
        os.utime(path, (an_hour_ago, an_hour_ago))


def test_status_summary_raises_on_a_malformed_month(store: Store) -> None:
    store.save_session(session())
    store.month_path((2026, 11)).write_text("[")
    with pytest.raises(MalformedFile):
        journal_days(store)


def test_journal_equality_helper_sorts(store: Store) -> None:
    store.save_session(session("b", NOW + dt.timedelta(hours=1)))
    store.save_session(session("a"))
    assert [s.id for s in store.read_journal().sessions] == ["a", "b"]
    assert isinstance(store.read_journal(), Journal)


def test_status_summary_on_a_read_only_folder_writes_nothing(store: Store) -> None:
    full_month(store)
    store.lock_path.unlink()
    before = tree(store.data_dir)
    store.data_dir.chmod(0o500)
    try:
        assert journal_days(store).done == {dt.date(2026, 11, 24)}
    finally:
        store.data_dir.chmod(0o700)
    assert tree(store.data_dir) == before


@pytest.mark.timeout(10)  # a lock that never gives up fails here instead of hanging the run
def test_a_writer_waits_for_the_lock_and_gives_up_with_a_message(store: Store) -> None:
    from glutewake.store.files import locked

    full_month(store)
    with (
        locked(store.lock_path),
        pytest.raises(Unwritable, match="kept the data locked"),
        locked(store.lock_path, timeout=0.05),
    ):
        pass
    with locked(store.lock_path, timeout=0.05):  # released again
        pass
