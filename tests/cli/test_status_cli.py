"""`glutewake status --format TEMPLATE` for prompts and status bars."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers import RunCli, snapshot_tree

TODAY = dt.date.today()


def test_a_template_names_the_status_fields(run_cli: RunCli) -> None:
    run_cli("log", "--programme", "beginner")
    run_cli("log", "--rest", "--date", (TODAY - dt.timedelta(days=1)).isoformat())
    result = run_cli("status", "--format", "{phase}|{streak}d|best {longest:>3}|{today}|{advice}")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "beginner|1d|best   1|done|none yet\n"


def test_a_template_with_braces_and_no_fields(run_cli: RunCli) -> None:
    result = run_cli("status", "--format", "{{glutewake}}")
    assert (result.returncode, result.stdout) == (0, "{glutewake}\n")


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ("{streak}d {mood}", "unknown field {mood}"),
        ("{}", "a field needs a name, such as {streak}"),
        ("{0}", "a field needs a name, such as {streak}"),
        ("{phase.upper}", "fields are plain names, such as {streak}, not {phase.upper}"),
        ("{phase[0]}", "fields are plain names, such as {streak}, not {phase[0]}"),
        ("{streak", "a brace without its pair in '{streak'"),
        ("streak}", "a brace without its pair"),
        ("{streak:q}", "cannot show {streak} as 'q'"),
        ("{today!x}", "unknown conversion !x in {today}"),
    ],
)
def test_a_bad_template_is_one_line_exit_2_and_nothing_written(
    run_cli: RunCli, data_dir: Path, template: str, said: str
) -> None:
    run_cli("log", "--rest")
    before = snapshot_tree(data_dir)
    result = run_cli("status", "--format", template)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("glutewake: status --format: ") and said in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert "fields: phase, streak, longest, today, advice" in result.stderr
    assert snapshot_tree(data_dir) == before


def test_json_and_a_template_exclude_each_other(run_cli: RunCli) -> None:
    result = run_cli("status", "--json", "--format", "{streak}")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "not allowed with argument" in result.stderr
