"""`glutewake export` then `import` into an empty data folder, run as the real commands: the
history comes back whole, phase switches and day start included; a bad phase change is one
line on stderr, exit 2, nothing written."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from glutewake.core.records import Session, SetRecord, new_id
from glutewake.core.settings import Profile
from glutewake.store import Store
from tests.helpers import RunCli, snapshot_tree

NOW = dt.datetime.now().astimezone().replace(microsecond=0)
YESTERDAY = (NOW - dt.timedelta(days=1)).date()


def test_an_export_imported_into_an_empty_folder_gives_the_same_history(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("settings", "day_starts_at", "4").returncode == 0
    store = Store(data_dir, notify=lambda _text: None)
    store.update_profile(lambda p: Profile(p.settings, "advanced"), at=NOW - dt.timedelta(days=3))
    store.update_profile(lambda p: Profile(p.settings, "beginner"), at=NOW - dt.timedelta(days=2))
    store.update_profile(lambda p: Profile(p.settings, "advanced"), at=NOW - dt.timedelta(hours=1))
    assert run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat()).returncode == 0
    backup = tmp_path / "backup.json"
    assert run_cli("export", "--format", "json", "--output", str(backup)).returncode == 0
    history = json.loads(run_cli("history", "--json").stdout)
    assert len(history["phase_changes"]) == 3 and history["day_starts_at"] == 4
    assert history["phase"] == "advanced"

    restored = tmp_path / "restored"
    result = run_cli("import", str(backup), data=restored)
    assert result.returncode == 0, result.stderr
    assert "1 session, 0 rest days" in result.stdout and ", 3 phase changes from " in result.stdout
    assert "days now start at 4:00" in result.stdout
    assert json.loads(run_cli("history", "--json", data=restored).stdout) == history
    before = snapshot_tree(restored)
    again = run_cli("import", str(backup), data=restored)
    assert again.returncode == 0 and "Nothing to import" in again.stdout
    assert snapshot_tree(restored) == before


def played_yesterday() -> Session:
    """A session the app played yesterday for 512.3 seconds."""
    started = NOW - dt.timedelta(days=1)
    return Session(
        new_id(), "beginner", "beginner", started, "completed", "app",
        sets=(SetRecord("side-lying-hip-abduction", "left", 10, 10),),
        ended_at=started + dt.timedelta(minutes=9), played_seconds=512.3,
    )  # fmt: skip


def test_a_restore_keeps_the_playing_time_and_the_first_run_acceptance(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    store = Store(data_dir, notify=lambda _text: None)
    accepted = (NOW - dt.timedelta(days=5)).date()
    store.update_profile(lambda p: replace(p, acknowledged_on=accepted))
    played = played_yesterday()
    store.save_session(played)
    backup = tmp_path / "backup.json"
    assert run_cli("export", "--format", "json", "--output", str(backup)).returncode == 0
    exported = json.loads(backup.read_text())
    assert exported["sessions"][0]["played_seconds"] == 512.3
    assert [a["at"][:10] for a in exported["acknowledgements"]] == [accepted.isoformat()]

    restored = tmp_path / "restored"
    assert Store(restored, notify=lambda _text: None).read_profile().acknowledged_on is None
    result = run_cli("import", str(backup), data=restored)
    assert result.returncode == 0, result.stderr
    assert "first-run note was accepted where the export was made" in result.stdout
    back = Store(restored, notify=lambda _text: None)
    assert back.read_profile().acknowledged_on == accepted  # the app opens on home, not the note
    assert back.read_journal().sessions == (played,)
    history = json.loads(run_cli("history", "--json", data=restored).stdout)
    assert history["sessions"][0]["played_seconds"] == 512.3
    assert run_cli("import", str(backup), data=restored).stdout.startswith("Nothing to import")


def test_a_machine_restored_from_an_older_export_takes_a_newer_one_without_conflict(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    """An export of 2.2 carried no playing time: the session restored from it has none, and
    the same session in a 2.3 export (with one) is the same session, not a conflict."""
    Store(data_dir, notify=lambda _text: None).save_session(played_yesterday())
    newer = tmp_path / "newer.json"
    assert run_cli("export", "--format", "json", "--output", str(newer)).returncode == 0
    document = json.loads(newer.read_text())
    del document["acknowledgements"]
    for entry in document["sessions"]:
        del entry["played_seconds"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document))

    restored = tmp_path / "restored"
    assert run_cli("import", str(older), data=restored).returncode == 0
    before = snapshot_tree(restored)
    result = run_cli("import", str(newer), data=restored)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Nothing to import")
    assert snapshot_tree(restored) == before


def test_an_acceptance_only_in_an_old_settings_file_is_exported_the_same_each_time(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.toml").write_text('schema = 1\nphase = "beginner"\nacknowledged_on = 2026-11-02\n')
    backups = [tmp_path / "one.json", tmp_path / "two.json"]
    for backup in backups:
        assert run_cli("export", "--format", "json", "--output", str(backup)).returncode == 0
    first, second = (json.loads(b.read_text())["acknowledgements"] for b in backups)
    assert first == second and [a["id"] for a in first] == ["accepted-2026-11-02"]
    restored = tmp_path / "restored"
    result = run_cli("import", str(backups[0]), data=restored)
    assert result.returncode == 0, result.stderr
    assert "1 first-run acceptance from" in result.stdout and "not shown again here" in result.stdout
    assert Store(restored, notify=lambda _text: None).read_profile().acknowledged_on == dt.date(2026, 11, 2)
    assert run_cli("import", str(backups[1]), data=restored).stdout.startswith("Nothing to import")
    # A machine that had accepted the note already is not told it will not see it again.
    elsewhere = tmp_path / "elsewhere"
    store = Store(elsewhere, notify=lambda _text: None)
    store.update_profile(lambda p: replace(p, acknowledged_on=dt.date(2026, 11, 20)))
    again = run_cli("import", str(backups[0]), data=elsewhere)
    assert again.returncode == 0 and "1 first-run acceptance" in again.stdout
    assert "not shown again" not in again.stdout


def test_an_old_settings_files_acceptance_of_today_imports_at_any_hour(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    """Its record is timed at the start of the day, so it is never in the future."""
    data_dir.mkdir(parents=True, exist_ok=True)
    today = dt.date.today().isoformat()
    (data_dir / "settings.toml").write_text(f'schema = 1\nphase = "beginner"\nacknowledged_on = {today}\n')
    backup = tmp_path / "backup.json"
    assert run_cli("export", "--format", "json", "--output", str(backup)).returncode == 0
    (accepted,) = json.loads(backup.read_text())["acknowledgements"]
    assert accepted["at"].startswith(f"{today}T00:00:00")
    result = run_cli("import", str(backup), data=tmp_path / "restored")
    assert result.returncode == 0 and "1 first-run acceptance" in result.stdout, result.stderr


@pytest.mark.parametrize(
    ("acknowledgement", "words"),
    [
        ({"id": "a1", "at": (NOW + dt.timedelta(days=2)).isoformat()}, "is in the future"),
        ({"id": "a1"}, "`at`"),
        ({"id": "a1", "at": "yesterday"}, "`at`"),
    ],
    ids=["future", "missing-at", "bad-at"],
)
def test_a_bad_acknowledgement_is_one_line_exit_2_and_nothing_written(
    run_cli: RunCli, data_dir: Path, tmp_path: Path, acknowledgement: dict[str, str], words: str
) -> None:
    assert run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat()).returncode == 0
    said = refused(run_cli, data_dir, tmp_path / "bad.json", "acknowledgements", acknowledgement)
    assert words in said and "acknowledgements" in said, said


def refused(run_cli: RunCli, data_dir: Path, path: Path, kind: str, record: dict[str, str]) -> str:
    """Import a file of a rest day and one bad `kind` record: the import's one line, after
    checking it refused everything (exit 2, nothing on stdout, the data folder unchanged)."""
    rest = {"id": "r1", "date": YESTERDAY.isoformat()}
    path.write_text(json.dumps({"schema": 2, "rest_days": [rest], kind: [record]}))
    before = snapshot_tree(data_dir)
    result = run_cli("import", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "nothing was imported" in result.stderr, result.stderr
    assert snapshot_tree(data_dir) == before
    return result.stderr


def a_change(**changes: str) -> dict[str, str]:
    return {"id": "p1", "at": (NOW - dt.timedelta(days=1)).isoformat(), "phase": "advanced", **changes}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (a_change(phase="expert"), "expected `phase` to be one of beginner, advanced"),
        (a_change(at=(NOW + dt.timedelta(days=2)).isoformat()), "is in the future"),
        (a_change(at=(NOW + dt.timedelta(minutes=30)).isoformat()), "is in the future"),
        (a_change(id="taken"), "the phase change taken is already here with other content"),
    ],
    ids=["phase", "future-day", "later-today", "id-taken"],
)
def test_a_bad_phase_change_is_one_line_exit_2_and_nothing_written(
    run_cli: RunCli, data_dir: Path, tmp_path: Path, change: dict[str, str], words: str
) -> None:
    taken = {"id": "taken", "at": (NOW - dt.timedelta(days=5)).isoformat(), "phase": "beginner"}
    setup = tmp_path / "setup.json"
    setup.write_text(json.dumps({"schema": 2, "phase_changes": [taken]}))
    assert run_cli("import", str(setup)).returncode == 0
    said = refused(run_cli, data_dir, tmp_path / "bad.json", "phase_changes", change)
    assert words in said, said


def test_a_new_machine_keeps_the_deletions_of_its_export_when_an_older_backup_comes_in(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    for day in (YESTERDAY, YESTERDAY - dt.timedelta(days=40)):
        assert run_cli("log", "--programme", "beginner", "--date", day.isoformat()).returncode == 0
    older = tmp_path / "older.json"
    assert run_cli("export", "--format", "json", "--output", str(older)).returncode == 0
    dropped = json.loads(run_cli("history", "--json").stdout)["sessions"][0]["id"]
    assert run_cli("delete", dropped).returncode == 0
    newer = tmp_path / "newer.json"
    assert run_cli("export", "--format", "json", "--output", str(newer)).returncode == 0

    machine = tmp_path / "new-machine"
    result = run_cli("import", str(newer), data=machine)
    assert result.returncode == 0, result.stderr
    assert "Imported 1 session, " in result.stdout and ", 1 deletion, 0 phase changes from " in result.stdout
    written = snapshot_tree(machine)
    for backup in (newer, older):
        again = run_cli("import", str(backup), data=machine)
        assert again.returncode == 0 and "Nothing to import" in again.stdout, again.stdout + again.stderr
    assert snapshot_tree(machine) == written
    ids = [s["id"] for s in json.loads(run_cli("history", "--json", data=machine).stdout)["sessions"]]
    assert len(ids) == 1 and dropped not in ids


def test_a_backup_from_before_a_pain_edit_imports_into_its_own_journal(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    logged = run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat())
    assert logged.returncode == 0, logged.stderr
    store = Store(data_dir, notify=lambda _text: None)
    (session,) = store.read_journal().sessions
    # Pains edited with history's `e` before the backup and again after it.
    store.edit_pain(session, 2, None, NOW - dt.timedelta(hours=1))
    backup = tmp_path / "before-edit.json"
    assert run_cli("export", "--format", "json", "--output", str(backup)).returncode == 0
    store.edit_pain(session, 5, 6, NOW)
    before = snapshot_tree(data_dir / "journal")
    result = run_cli("import", str(backup))
    assert result.returncode == 0 and "Nothing to import" in result.stdout, result.stderr
    assert snapshot_tree(data_dir / "journal") == before
    (shown,) = json.loads(run_cli("history", "--json").stdout)["sessions"]
    assert (shown["pain_after"], shown["pain_during"]) == (5, 6)
    # A true conflict is still refused: one line, exit 2, nothing written.
    document = json.loads(backup.read_text())
    document["sessions"][0]["programme"] = "advanced"
    backup.write_text(json.dumps(document))
    refused = run_cli("import", str(backup))
    assert refused.returncode == 2 and refused.stdout == "" and refused.stderr.count("\n") == 1
    assert f"the session {session.id} is already here with other content" in refused.stderr
    assert snapshot_tree(data_dir / "journal") == before
