from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import RunCli, snapshot_tree


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("glutewake ")


def test_plan_json_follows_the_contract(run_cli: RunCli) -> None:
    result = run_cli("plan", "beginner", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["programme"] == "beginner"
    assert doc["count_seconds"] == 1.0
    assert doc["total_seconds"] == pytest.approx(sum(s["seconds"] for s in doc["steps"]))
    keys = {"exercise", "side", "set", "rep", "cue", "counts", "seconds", "text"}
    assert all(set(step) == keys for step in doc["steps"])
    cues = [s["cue"] for s in doc["steps"]]
    assert cues.count("switch") == 1
    assert cues[0] == "prepare"


def test_count_seconds_scales_the_plan(run_cli: RunCli) -> None:
    normal = json.loads(run_cli("plan", "advanced", "--json").stdout)
    fast = json.loads(run_cli("--count-seconds", "0.5", "plan", "advanced", "--json").stdout)
    after = json.loads(run_cli("plan", "advanced", "--json", "--count-seconds", "0.5").stdout)
    assert after == fast
    # The count pace sets the repetitions only: timed steps keep their seconds.
    for a, b in zip(normal["steps"], fast["steps"], strict=True):
        if a["counts"] is None:
            assert b["seconds"] == a["seconds"] and b["counts"] is None
        else:
            assert b["seconds"] == pytest.approx(a["seconds"] / 2)
    reps = sum(s["seconds"] for s in normal["steps"] if s["rep"] is not None)
    assert fast["total_seconds"] == pytest.approx(normal["total_seconds"] - reps / 2)
    hold = next(s for s in fast["steps"] if s["cue"] == "hold")
    assert (hold["counts"], hold["seconds"]) == (2, 1.0)


def test_plan_table_is_readable_with_the_total(run_cli: RunCli) -> None:
    result = run_cli("plan", "beginner")
    assert result.returncode == 0
    assert "total 7:10" in result.stdout
    assert "transition: Get into position: kneeling hip flexor stretch" in result.stdout
    assert "side-lying hip abduction × 10 reps" in result.stdout
    assert "switch" in result.stdout


@pytest.mark.parametrize("name", ["beginner", "advanced"])
def test_plan_each_rep_line_starts_in_the_what_column(run_cli: RunCli, name: str) -> None:
    lines = run_cli("plan", name).stdout.splitlines()
    column = next(line for line in lines if line.lstrip().startswith("start")).index("what")
    reps = [line for line in lines if "each rep:" in line]
    assert reps
    for line in reps:
        assert line.index("each rep:") == column, line
    rows = [line for line in lines if "× 10 reps" in line]
    assert all(row.index("side-lying" if name == "beginner" else "wall") == column for row in rows)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("plan", "nonsense"), "unknown programme 'nonsense'"),
        (("--count-seconds", "0.01", "plan", "beginner"), "between 0.05 and 10"),
        (("--count-seconds", "11", "plan", "beginner"), "between 0.05 and 10"),
        (("--count-seconds", "fast", "plan", "beginner"), "must be a number of seconds"),
        (("plan", "missing.toml"), "missing.toml: no such programme file"),
        (
            ("programme", "show", "nonsense"),
            "no built-in programme is called 'nonsense': the built-ins are beginner, advanced, stretches",
        ),
        (("programme", "check", "missing.toml"), "no such programme file"),
    ],
)
def test_bad_input_gives_one_line_exit_2_and_writes_nothing(
    run_cli: RunCli, data_dir: Path, args: tuple[str, ...], expected: str
) -> None:
    before = snapshot_tree(data_dir)
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert snapshot_tree(data_dir) == before


def test_programme_show_names_only_built_ins_when_the_name_is_unknown(run_cli: RunCli) -> None:
    # `show` prints a built-in: offering "or a .toml file" there would send the user astray.
    result = run_cli("programme", "show", "my-own.toml")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "glutewake: no built-in programme is called 'my-own.toml': "
        "the built-ins are beginner, advanced, stretches"
    )


def test_malformed_programme_file_names_file_and_line(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nname = "x"\n[[blocks]]\ntype = "rest"\ncounts = [\n')
    result = run_cli("plan", str(bad))
    assert result.returncode == 2
    assert f"{bad}, line 5: not valid TOML" in result.stderr
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    result = run_cli("plan", str(binary))
    assert result.returncode == 2 and "not UTF-8" in result.stderr


def test_programme_check_lists_every_problem(run_cli: RunCli, tmp_path: Path) -> None:
    text = run_cli("programme", "show", "beginner").stdout
    broken = text.replace("reps = 10", "reps = 1000").replace("seconds = 10", 'seconds = "lots"')
    path = tmp_path / "broken.toml"
    path.write_text(broken)
    result = run_cli("programme", "check", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"glutewake: {path}, line ") for line in lines)
    assert "expected `reps`" in result.stderr and "expected `seconds`" in result.stderr


@pytest.mark.parametrize("name", ["beginner", "advanced", "stretches"])
def test_builtin_round_trips_through_show_check_and_plan(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"copy-of-{name}.toml"
    path.write_text(run_cli("programme", "show", name).stdout)
    check = run_cli("programme", "check", str(path))
    assert check.returncode == 0, check.stderr
    assert "OK" in check.stdout
    from_file = json.loads(run_cli("plan", str(path), "--json").stdout)
    built_in = json.loads(run_cli("plan", name, "--json").stdout)
    assert from_file == built_in


def test_help_of_every_command_has_an_example(run_cli: RunCli) -> None:
    top = run_cli("--help")
    assert "examples:" in top.stdout
    for args in (("plan",), ("programme",), ("programme", "show"), ("programme", "check")):
        result = run_cli(*args, "--help")
        assert result.returncode == 0
        assert "examples:" in result.stdout and "glutewake " in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "beginner", "--json"],
        ["plan", "advanced"],
        ["programme", "show", "stretches"],
        ["--help"],
    ],
)
def test_commands_never_import_textual(argv: list[str], tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from glutewake.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.flush()\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('textual-free')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"GLUTEWAKE_DATA_DIR": str(tmp_path / "d"), "PATH": ""},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("textual-free")


def test_installed_entry_point_agrees_with_python_dash_m(run_cli: RunCli, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "glutewake"
    assert script.exists(), "the glutewake entry point is not installed next to this Python"
    done = subprocess.run(
        [str(script), "--data-dir", str(tmp_path), "plan", "stretches", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == run_cli("plan", "stretches", "--json").stdout
