"""Fixtures shared by every test folder: a fake clock, a data dir and a runner for the real
command. Helpers live in tests/helpers.py; nothing imports this file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import FakeClock, Result, RunCli

# -- tests that must run alone --------------------------------------------------------------
# A test marked `alone` (the sound recordings, which judge timing to 50 ms) never runs beside
# another test, even under `pytest -n 2`: every test takes a shared lock, an `alone` test an
# exclusive one. A gate lock in front keeps tests that start later from overtaking a waiting
# `alone` test, so it cannot be starved. The lock files belong to this run (xdist gives all
# its workers one id) and the locks are released by the kernel if a worker dies.


@pytest.fixture(autouse=True)
def _alone_or_together(request: pytest.FixtureRequest) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no flock (Windows): tests run one at a time there anyway
        yield
        return
    import tempfile

    alone = request.node.get_closest_marker("alone") is not None
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", f"pid{os.getpid()}")
    base = Path(tempfile.gettempdir()) / f"glutewake-tests-{run}"
    gate_path, lock_path = base.with_suffix(".gate"), base.with_suffix(".lock")
    with gate_path.open("a") as gate, lock_path.open("a") as lock:
        fcntl.flock(gate, fcntl.LOCK_EX)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            if not alone:
                fcntl.flock(gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(gate, fcntl.LOCK_UN)


@pytest.fixture(autouse=True)
def _own_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's machine has a state folder (and so a device id) of its own, never the
    real one of the user running the tests."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("GLUTEWAKE_STATE_DIR", str(folder))
    return folder


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
        environ = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("GLUTEWAKE_") or k == "GLUTEWAKE_STATE_DIR"
        }
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
