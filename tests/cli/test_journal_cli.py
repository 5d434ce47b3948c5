"""`log`, `history`, `status`, `export`, `import`, `repair` run as the real command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from glutewake.store import Store
from tests.helpers import RunCli

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)


def tree(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under root with its mode and bytes: "byte-for-byte unchanged" means this."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): (p.lstat().st_mode, None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


def month_file(data: Path, day: dt.date) -> Path:
    return Store(data).month_path((day.year, day.month))  # this machine's file of that month


def test_log_history_and_status_together(run_cli: RunCli, data_dir: Path) -> None:
    assert run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat()).returncode == 0
    result = run_cli("log", "--rest")
    assert result.returncode == 0 and "rest day" in result.stdout
    result = run_cli("log", "--activity", "Swimming", "--minutes", "30")
    assert result.returncode == 0, result.stderr
    status = run_cli("status")
    assert status.returncode == 0
    assert status.stdout.count("\n") == 1
    assert status.stdout.startswith("beginner · streak 1 day · today not done yet")
    assert json.loads(run_cli("status", "--json").stdout) == {
        "phase": "beginner",
        "streak": {"current": 1, "longest": 1},
        "today_done": False,
        "advice": None,
        "advice_reason": "You have not done a symptom check yet.",
    }
    history = run_cli("history")
    assert history.returncode == 0
    assert "Streak: 1 day (longest 1 day)" in history.stdout
    assert "X done" in history.stdout and "r rest day" in history.stdout  # legend, no colour
    assert "swimming 30 min" in history.stdout
    assert "beginner" in history.stdout and "logged" in history.stdout
    document = json.loads(run_cli("history", "--json").stdout)
    (session,) = document["sessions"]
    assert (session["status"], session["source"], session["programme"]) == ("completed", "log", "beginner")
    assert all(s["reps"] == s["target"] for s in session["sets"])
    assert session["started_at"].startswith(YESTERDAY.isoformat())
    assert [(r["date"], bool(r["id"])) for r in document["rest_days"]] == [(TODAY.isoformat(), True)]
    (activity,) = document["activities"]
    assert activity == {"id": activity["id"], "date": TODAY.isoformat(), "kind": "swimming", "minutes": 30}


def test_a_rest_day_on_a_day_with_a_completed_session_is_refused(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat())
    before = tree(data_dir)
    result = run_cli("log", "--rest", "--date", YESTERDAY.isoformat())
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"glutewake: {YESTERDAY.isoformat()} already holds a completed session, so it cannot be a "
        "rest day (delete that session first if it was logged by mistake)\n"
    )
    assert tree(data_dir) == before
    assert run_cli("log", "--rest").returncode == 0  # today holds no session: fine


def test_a_second_rest_on_the_same_day_changes_nothing(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest")
    before = tree(data_dir)
    result = run_cli("log", "--rest")
    assert result.returncode == 0 and "already" in result.stdout
    assert tree(data_dir) == before


def test_export_json_is_history_json_and_import_restores_it(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    run_cli("log", "--programme", "advanced", "--date", YESTERDAY.isoformat())
    run_cli("log", "--rest", "--date", (TODAY - dt.timedelta(days=2)).isoformat())
    run_cli("log", "--activity", "cycling", "--minutes", "45")
    run_cli("log", "--activity", "cycling", "--minutes", "45")
    backup = tmp_path / "backup.json"
    result = run_cli("export", "--format", "json", "--output", str(backup))
    assert result.returncode == 0, result.stderr
    assert json.loads(backup.read_text()) == {
        **json.loads(run_cli("history", "--json").stdout),
        "deleted": [],
        "acknowledgements": [],
    }
    restored = tmp_path / "restored"
    result = run_cli("import", str(backup), data=restored)
    assert result.returncode == 0, result.stderr
    assert "1 session, 1 rest day, 2 activities" in result.stdout
    extras = {"deleted": [], "acknowledgements": []}
    assert {**json.loads(run_cli("history", "--json", data=restored).stdout), **extras} == json.loads(
        backup.read_text()
    )
    before = tree(restored)
    again = run_cli("import", str(backup), data=restored)
    assert again.returncode == 0 and "Nothing to import" in again.stdout
    assert tree(restored) == before


def test_export_csv_has_a_header_and_one_row_per_set(run_cli: RunCli) -> None:
    run_cli("log", "--programme", "beginner")
    result = run_cli("export", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "date",
        "session_id",
        "programme",
        "status",
        "source",
        "exercise",
        "side",
        "reps",
        "target",
        "pain_after",
        "pain_during",
    ]
    plan = json.loads(run_cli("plan", "beginner", "--json").stdout)
    assert len(rows) - 1 == len({(s["set"]) for s in plan["steps"] if s["set"] is not None})
    assert rows[1][:7] == [
        TODAY.isoformat(),
        rows[1][1],
        "beginner",
        "completed",
        "log",
        "side-lying-hip-abduction",
        "left",
    ]


def test_export_says_how_many_rows_and_records_it_wrote(run_cli: RunCli, tmp_path: Path) -> None:
    empty = run_cli("export", "--format", "csv")
    assert empty.returncode == 0
    assert empty.stderr == "Exported only the header line to standard output: no session is logged yet.\n"
    run_cli("log", "--programme", "beginner")
    run_cli("log", "--programme", "advanced", "--date", YESTERDAY.isoformat())
    run_cli("log", "--activity", "swimming", "--minutes", "40")
    piped = run_cli("export", "--format", "csv")
    rows = len(list(csv.reader(io.StringIO(piped.stdout)))) - 1
    assert rows > 2
    assert piped.stderr == (
        f"Exported {rows} rows (one per set of 2 sessions) and the header line to standard output.\n"
    )
    sheet = tmp_path / "sets.csv"
    to_file = run_cli("export", "--format", "csv", "--output", str(sheet))
    assert to_file.stdout == "" and sheet.read_text() == piped.stdout
    assert (
        to_file.stderr
        == f"Exported {rows} rows (one per set of 2 sessions) and the header line to {sheet}.\n"
    )
    backup = run_cli("export", "--format", "json")
    assert backup.stderr == "Exported 3 records to standard output.\n"


def test_a_broken_month_is_named_and_repair_moves_it_aside(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest")
    path = month_file(data_dir, TODAY)
    broken = path.read_bytes()[:-30]
    path.write_bytes(broken)
    for args in (
        ("history",),
        ("status",),
        ("log", "--activity", "yoga", "--minutes", "20"),
        ("export", "--format", "json"),
    ):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr
        assert "glutewake repair" in result.stderr
    assert path.read_bytes() == broken
    result = run_cli("repair")
    assert result.returncode == 0 and "Moved" in result.stdout
    (moved,) = (data_dir / "journal").glob(f"{TODAY:%Y-%m}.*.broken-*.toml")
    assert moved.read_bytes() == broken
    assert run_cli("history").returncode == 0
    assert run_cli("repair").stdout.startswith("Nothing to repair")


def bad_json(tmp_path: Path) -> list[tuple[str, ...]]:
    files = {
        "not-json.json": "{ nope",
        "wrong-type.json": json.dumps({"schema": 1, "sessions": [{"id": "x"}]}),
        "bad-status.json": json.dumps(
            {
                "schema": 1,
                "sessions": [
                    {
                        "id": "x",
                        "programme": "beginner",
                        "phase": "beginner",
                        "started_at": "2026-11-24T07:30:00+01:00",
                        "ended_at": None,
                        "status": "done",
                        "source": "app",
                        "pain_after": None,
                        "sets": [],
                    }
                ],
            }
        ),
        "naive-time.json": json.dumps(
            {
                "schema": 1,
                "symptom_checks": [
                    {
                        "at": "2026-11-24T07:30:00",
                        "pain_during_run": 1,
                        "pain_after_run": 1,
                        "wobbly_gait": False,
                        "weight_on_one_hip": False,
                        "spread": [],
                        "cleared_for_exercise": True,
                        "cleared_for_advanced": True,
                        "advice": "advanced",
                    }
                ],
            }
        ),
        "minutes.json": json.dumps(
            {"schema": 1, "activities": [{"date": "2026-11-24", "kind": "swimming", "minutes": 5000}]}
        ),
        "schema.json": json.dumps({"schema": 7}),
        "future-rest.json": json.dumps({"schema": 2, "rest_days": [{"id": "r", "date": "2099-01-01"}]}),
        "year-one.json": json.dumps({"schema": 2, "rest_days": [{"id": "r", "date": "0001-01-01"}]}),
        "line-separator.json": json.dumps(
            {
                "schema": 2,
                "activities": [
                    {"id": "a", "date": "2026-11-20", "kind": "swim\u2028# end\x07", "minutes": 5}
                ],
            }
        ),
        "export.csv": "date,session_id,programme\n",
        "huge-number.json": '{"schema": 2, "rest_days": [], "x": ' + "9" * 5000 + "}",
        "deep.json": '{"schema": 2, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return [("import", str(tmp_path / name)) for name in files]


BAD_INPUT = [
    ("log",),
    ("log", "--rest", "--activity", "swimming", "--minutes", "3"),
    ("log", "--programme", "beginner", "--rest"),
    ("log", "--date", "2999-01-01", "--rest"),
    ("log", "--date", (TODAY + dt.timedelta(days=1)).isoformat(), "--programme", "beginner"),
    ("log", "--date", "2026-13-01", "--rest"),
    ("log", "--date", "2026-1-5", "--rest"),
    ("log", "--date", "yesterday", "--rest"),
    ("log", "--activity", "swimming"),
    ("log", "--activity", "swimming", "--minutes", "0"),
    ("log", "--activity", "swimming", "--minutes", "1441"),
    ("log", "--activity", "swimming", "--minutes", "ten"),
    ("log", "--activity", "swimming", "--minutes", "-5"),
    ("log", "--rest", "--minutes", "5"),
    ("log", "--activity", "", "--minutes", "5"),
    ("log", "--activity", "rm -rf /;", "--minutes", "5"),
    ("log", "--programme", "no-such-programme"),
    ("log", "--programme", "missing.toml"),
    ("export",),
    ("export", "--format", "xml"),
    ("import",),
    ("import", "no-such-file.json"),
    ("log", "--morning", "awful"),
    ("log", "--morning", "worse", "--pain", "11"),
    ("log", "--morning", "worse", "--pain", "-1"),
    ("log", "--morning", "worse", "--pain", "a lot"),
    ("log", "--morning", "same", "--date", (TODAY + dt.timedelta(days=1)).isoformat()),
    ("log", "--morning", "same", "--rest"),
    ("log", "--rest", "--pain", "3"),
    ("log", "--morning"),
    ("status", "--bogus"),
    ("history", "--bogus"),
    ("--count-seconds", "0", "log", "--rest"),
]


def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    run_cli: RunCli, data_dir: Path, tmp_path: Path
) -> None:
    run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat())
    run_cli("log", "--activity", "swimming", "--minutes", "20")
    run_cli("status")  # let the status summary exist too
    before = tree(data_dir)
    assert before
    for args in BAD_INPUT + bad_json(tmp_path):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1, (args, result.stderr)
        assert result.stderr.startswith("glutewake"), (args, result.stderr)
        assert result.stdout == "", args
        assert tree(data_dir) == before, args


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda text: text.replace("schema = 3", "schema = 4"), "newer glutewake"),
        (lambda text: "\ufeff" + text, "byte-order mark"),
        (lambda text: text.replace("# end of journal", ""), "cut short"),
        (lambda text: text.replace('programme = "beginner"', "programme = 7"), "line"),
    ],
    ids=["future-schema", "bom", "truncated", "wrong-type"],
)
def test_a_damaged_journal_stops_every_command_and_is_kept(
    run_cli: RunCli,
    data_dir: Path,
    damage,
    expected: str,  # type: ignore[no-untyped-def]
) -> None:
    run_cli("log", "--programme", "beginner")
    path = month_file(data_dir, TODAY)
    path.write_text(damage(path.read_text()))
    before = tree(data_dir)
    for args in (
        ("log", "--rest"),
        ("log", "--programme", "beginner"),
        ("history", "--json"),
        ("status",),
        ("export", "--format", "csv"),
    ):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert expected in result.stderr and str(path) in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
        assert tree(data_dir) == before


def test_a_damaged_settings_file_is_named(run_cli: RunCli, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "settings.toml").write_text("schema = 1\n[settings]\ncounts_per_breath = 99\n")
    before = tree(data_dir)
    result = run_cli("log", "--programme", "beginner")
    assert result.returncode == 2
    assert "settings.toml, line 3: counts_per_breath must be between" in result.stderr
    assert tree(data_dir) == before


def test_a_settings_file_with_several_problems_names_each_on_its_own_line(
    run_cli: RunCli, data_dir: Path
) -> None:
    data_dir.mkdir()
    path = data_dir / "settings.toml"
    path.write_text('schema = 2\n[settings]\ncount_seconds = 0\ncolour = "red"\nspoken_cues = "yes"\n')
    before = tree(data_dir)
    result = run_cli("log", "--rest")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"glutewake: {path}, line 3: count_seconds must be between 0.05 and 10, got 0",
        f"glutewake: {path}, line 4: unknown setting `colour` (expected one of "
        "count_seconds, counts_per_breath, stretch_hold_seconds, rest_seconds, transition_seconds, "
        "sound, volume, spoken_cues, voice_command, day_starts_at, theme)",
        f"glutewake: {path}, line 5: expected `spoken_cues` to be true or false, found 'yes'",
        "glutewake: nothing was changed; fix these 3 problems by hand, "
        "or run `glutewake repair` to move settings.toml aside",
    ]
    assert tree(data_dir) == before


def test_log_rest_or_activity_stops_on_any_damaged_file(run_cli: RunCli, data_dir: Path) -> None:
    # `log --rest` / `--activity` do not need the settings or other months, yet a damaged or
    # too-new file anywhere must stop them before they write (README: every command stops).
    run_cli("log", "--programme", "beginner")
    settings = data_dir / "settings.toml"
    settings.write_text("schema = 99\n")
    before = tree(data_dir)
    for args in (("log", "--rest"), ("log", "--activity", "swimming", "--minutes", "30")):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert "newer glutewake" in result.stderr and result.stderr.count("\n") == 1
        assert tree(data_dir) == before
    settings.unlink()
    path = month_file(data_dir, TODAY)
    path.write_text(path.read_text().replace('programme = "beginner"', 'programme "beginner"'))
    other = (TODAY.replace(day=1) - dt.timedelta(days=1)).isoformat()
    before = tree(data_dir)
    result = run_cli("log", "--date", other, "--rest")
    assert result.returncode == 2
    assert str(path) in result.stderr and result.stderr.count("\n") == 1
    assert tree(data_dir) == before


def test_data_dir_comes_from_the_environment(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "from-env"
    result = run_cli("log", "--rest", data=None, env={"GLUTEWAKE_DATA_DIR": str(target)})
    assert result.returncode == 0, result.stderr
    assert month_file(target, TODAY).exists()


def test_no_journal_command_imports_textual(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    backup = str(tmp_path / "backup.json")
    script = textwrap.dedent(f"""\
        import contextlib, io, sys
        from glutewake.cli import main
        commands = [
            ["log", "--programme", "beginner"], ["log", "--rest"],
            ["log", "--activity", "swimming", "--minutes", "10"],
            ["history"], ["history", "--json"], ["status"], ["status", "--json"],
            ["export", "--format", "csv"], ["export", "--format", "json", "--output", {backup!r}],
            ["import", {backup!r}], ["repair"], ["log", "--minutes", "0", "--rest"],
        ]
        for command in commands:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                try:
                    main(["--data-dir", {data!r}, *command])
                except SystemExit:
                    pass
            assert "textual" not in sys.modules, command
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_read_only_journal_folder_is_one_clear_line(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", YESTERDAY.isoformat())
    before = tree(data_dir)
    (data_dir / "journal").chmod(0o500)
    try:
        result = run_cli("log", "--activity", "swimming", "--minutes", "10")
        history = run_cli("history")
    finally:
        (data_dir / "journal").chmod(0o700)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr
    assert history.returncode == 0
    assert tree(data_dir) == before


def test_history_counts_reps_and_stretches_apart(run_cli: RunCli) -> None:
    assert run_cli("log", "--programme", "beginner").returncode == 0
    out = run_cli("history").stdout
    assert "20/20 reps, 8/8 stretches" in out


def test_log_morning_writes_one_answer_prints_its_id_and_guides_the_advice(run_cli: RunCli) -> None:
    result = run_cli("log", "--morning", "worse", "--pain", "4", "--date", YESTERDAY.isoformat())
    assert result.returncode == 0, result.stderr
    document = json.loads(run_cli("history", "--json").stdout)
    (answer,) = document["morning_checks"]
    assert answer == {"id": answer["id"], "date": YESTERDAY.isoformat(), "compared": "worse", "pain": 4}
    assert result.stdout == (
        f"Logged the morning of {YESTERDAY.isoformat()}: worse, pain 4 (id {answer['id']}).\n"
    )
    assert run_cli("log", "--morning", "Worse").returncode == 0  # today, without a pain
    status = json.loads(run_cli("status", "--json").stdout)
    assert status["advice"] == "rest"
    assert status["advice_reason"].startswith("Your hip was worse the morning after on ")
    assert status["advice_reason"] == json.loads(run_cli("history", "--json").stdout)["advice"]["reason"]
    text = run_cli("status").stdout
    assert text.rstrip("\n").endswith(f"advice: rest — {status['advice_reason']}")


def test_log_morning_for_a_day_already_answered_replaces_the_answer(run_cli: RunCli) -> None:
    run_cli("log", "--morning", "same")
    run_cli("log", "--morning", "better", "--pain", "1")
    (answer,) = json.loads(run_cli("history", "--json").stdout)["morning_checks"]
    assert (answer["compared"], answer["pain"]) == ("better", 1)


def test_history_text_shows_the_morning_after_beside_its_session(run_cli: RunCli) -> None:
    run_cli("log", "--programme", "beginner", "--date", YESTERDAY.isoformat())
    run_cli("log", "--morning", "same", "--pain", "2")
    text = run_cli("history").stdout
    assert "; next morning same, pain 2)" in text
    assert "Advice now: none yet — You have not done a symptom check yet." in text
