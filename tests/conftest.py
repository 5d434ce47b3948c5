"""Fixtures shared by every test folder: a fake clock and a runner for the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


class FakeClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


RunCli = Callable[..., Result]


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


def snapshot_tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes, to prove a command wrote nothing."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
