"""Fixtures shared by every test folder: a fake clock, a data dir and a runner for the real
command. Helpers live in tests/helpers.py; nothing imports this file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FakeClock, Result, RunCli


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run_cli(data_dir: Path) -> RunCli:
    """Run `python -m glutewake ARGS` in a subprocess against a temporary data dir."""

    def run(
        *args: str,
        input: str | None = None,
        env: dict[str, str] | None = None,
        data: Path | None = data_dir,
        cwd: Path | None = None,
    ) -> Result:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("GLUTEWAKE_")}
        environ.update(env or {})
        prefix = ["--data-dir", str(data)] if data is not None else []
        done = subprocess.run(
            [sys.executable, "-m", "glutewake", *prefix, *args],
            capture_output=True,
            text=True,
            input=input,
            env=environ,
            cwd=cwd,
            timeout=60,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run
