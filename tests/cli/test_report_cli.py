"""`glutewake report`: where it writes, what it refuses, and that it never loads Textual."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from glutewake.core.report_words import day_words, short_day
from glutewake.store import Store
from tests.helpers import RunCli
from tests.report_helpers import ADVANCED_FROM, seed, seed_phase, six_weeks

TODAY = dt.date.today()


@pytest.fixture
def seeded(data_dir: Path) -> Path:
    seed(Store(data_dir), six_weeks(TODAY))
    return data_dir


def test_html_to_standard_output_by_default_and_for_a_dash(seeded: Path, run_cli: RunCli) -> None:
    for args in ((), ("--output", "-")):
        result = run_cli("report", *args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("<!DOCTYPE html>") and "26 completed" in result.stdout
        assert result.stderr == ""


def test_output_file_is_written_and_named(seeded: Path, run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run_cli("report", "--format", "md", "--weeks", "6", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == f"Wrote the report of 6 weeks to {target}."
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Home exercise report") and "| total | " not in text
    assert "| **total** | **25** | **34** | **74 %** |" in text


def test_the_phase_switch_recorded_in_the_journal_shows_in_both_formats(
    seeded: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    seed_phase(Store(seeded), TODAY)
    switched = TODAY - dt.timedelta(days=ADVANCED_FROM)
    text = run_cli("report", "--format", "md").stdout
    since = f"Phase: advanced since {day_words(switched)} (beginner before)."
    assert since in text and f"| advanced from {short_day(switched)} |" in text
    assert f"(phase now: advanced since {short_day(switched)})" in text
    page = run_cli("report").stdout
    assert since in page and f"advanced from {short_day(switched)}" in page


@pytest.mark.parametrize("weeks", ["0", "-2", "six", "521"])
def test_bad_weeks_one_line_exit_2_nothing_written(
    seeded: Path, run_cli: RunCli, tmp_path: Path, weeks: str
) -> None:
    target = tmp_path / "report.html"
    result = run_cli("report", "--weeks", weeks, "--output", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--weeks" in result.stderr
    assert not target.exists()


def test_a_folder_that_cannot_be_written(seeded: Path, run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_cli("report", "--output", str(folder / "report.html"))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and str(folder) in result.stderr
        assert os.listdir(folder) == []
    finally:
        os.chmod(folder, stat.S_IRWXU)
    missing = run_cli("report", "--output", str(tmp_path / "nowhere" / "report.html"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_damaged_journal_names_the_file_and_writes_nothing(
    seeded: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    month = sorted((seeded / "journal").glob("*.toml"))[0]
    month.write_text("schema = 3\n[[sessions]\n", encoding="utf-8")
    target = tmp_path / "report.html"
    result = run_cli("report", "--output", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and month.name in result.stderr
    assert not target.exists() and result.stdout == ""


def test_an_empty_journal_gives_a_report_that_says_so(run_cli: RunCli) -> None:
    result = run_cli("report", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "There is nothing recorded yet" in result.stdout


def test_report_never_imports_textual(seeded: Path) -> None:
    code = (
        "import sys\n"
        "from glutewake.cli import main\n"
        f"status = main(['--data-dir', {str(seeded)!r}, 'report', '--output', '-'])\n"
        "assert status == 0\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")
