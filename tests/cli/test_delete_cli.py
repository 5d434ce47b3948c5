"""`glutewake delete ID` and the ids `glutewake log` prints, run as the real command."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from tests.helpers import RunCli

YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def logged_id(output: str) -> str:
    found = re.search(r"id ([0-9a-f]{32})\)", output)
    assert found, output
    return found.group(1)


def test_log_prints_the_id_of_every_kind_and_delete_removes_each(run_cli: RunCli, data_dir: Path) -> None:
    day = YESTERDAY.isoformat()
    outputs = [
        run_cli("log", "--programme", "beginner", "--date", day).stdout,
        run_cli("log", "--rest", "--date", (YESTERDAY - dt.timedelta(days=1)).isoformat()).stdout,
        run_cli("log", "--activity", "swimming", "--minutes", "30", "--date", day).stdout,
        run_cli("log", "--morning", "worse", "--pain", "4").stdout,
    ]
    ids = [logged_id(output) for output in outputs]
    document = json.loads(run_cli("history", "--json").stdout)
    assert ids[0] == document["sessions"][0]["id"] and ids[1] == document["rest_days"][0]["id"]
    deleted = run_cli("delete", ids[2])
    assert deleted.returncode == 0
    assert deleted.stdout == f"Deleted 30 min of swimming on {day} (id {ids[2]}).\n"
    assert run_cli("delete", ids[0]).stdout.startswith(f"Deleted the completed beginner session of {day}")
    document = json.loads(run_cli("history", "--json").stdout)
    assert document["sessions"] == [] and document["activities"] == []
    assert len(document["rest_days"]) == 1 and len(document["morning_checks"]) == 1
    export = json.loads(run_cli("export", "--format", "json").stdout)
    assert {(d["id"], d["kind"]) for d in export["deleted"]} == {(ids[0], "sessions"), (ids[2], "activities")}


def test_delete_of_an_unknown_id_is_one_line_exit_2_and_writes_nothing(
    run_cli: RunCli, data_dir: Path
) -> None:
    run_cli("log", "--rest")
    before = sorted((p, p.read_bytes()) for p in data_dir.rglob("*") if p.is_file())
    result = run_cli("delete", "0123456789abcdef")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no entry has the id '0123456789abcdef'" in result.stderr
    assert sorted((p, p.read_bytes()) for p in data_dir.rglob("*") if p.is_file()) == before
