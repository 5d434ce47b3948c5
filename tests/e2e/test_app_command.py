"""`glutewake` (no command) checks its options before it takes over the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import RunCli


def test_bad_programme_file_is_one_stderr_line_and_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text("schema = 1\nname = \n")
    result = run_cli("--programme-file", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(bad) in result.stderr


def test_missing_programme_file_is_refused_before_the_app_starts(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("--programme-file", str(tmp_path / "nowhere.toml"))
    assert result.returncode == 2
    assert "no such programme file" in result.stderr


def test_the_tui_entry_module_does_not_import_textual() -> None:
    code = "import sys, glutewake.cli.tui; print('textual' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
