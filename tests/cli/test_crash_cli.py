"""An unexpected error on the command line: two lines naming a crash log, exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import glutewake.cli.status
from glutewake.cli import main

MESSAGE = "glutewake hit an unexpected problem; your data is safe."


def explode(*args: object) -> int:
    raise RuntimeError("planted by the test")


def test_an_unexpected_error_in_a_command_is_logged_not_shown(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GLUTEWAKE_DEBUG", raising=False)
    monkeypatch.setattr(glutewake.cli.status, "run", explode)
    assert main(["--data-dir", str(data_dir), "status"]) == 1
    [log] = (data_dir / "logs").glob("crash-*.log")
    assert "planted by the test" in log.read_text()
    shown = capsys.readouterr()
    assert shown.out == ""
    assert shown.err.splitlines() == [MESSAGE, f"details in {log}"]


def test_glutewake_debug_shows_the_traceback(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLUTEWAKE_DEBUG", "1")
    monkeypatch.setattr(glutewake.cli.status, "run", explode)
    with pytest.raises(RuntimeError, match="planted"):
        main(["--data-dir", str(data_dir), "status"])
    assert not (data_dir / "logs").exists()


def test_a_crash_in_the_full_screen_app_prints_no_traceback(tmp_path: Path) -> None:
    # The real command in a child process, run headless, with a bug planted in home.
    data_dir = tmp_path / "data"
    script = textwrap.dedent(f"""
        import functools, sys
        from glutewake.app.app import GlutewakeApp
        from glutewake.app.screens.home import HomeScreen
        from glutewake.cli import main

        def explode(self):
            raise RuntimeError("planted by the test")

        HomeScreen.on_mount = explode
        GlutewakeApp.run = functools.partialmethod(GlutewakeApp.run, headless=True)
        sys.exit(main(["--data-dir", {str(data_dir)!r}]))
    """)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    [log] = (data_dir / "logs").glob("crash-*.log")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.splitlines() == [MESSAGE, f"details in {log}"]
    assert "planted by the test" in log.read_text()
