"""`glutewake history | head`: a reader that stops early is not an error, and says nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("--help",),
        ("plan", "--help"),
        ("status",),
        ("status", "--json"),
        ("plan", "beginner"),
        ("history",),
        ("history", "--json"),
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_a_closed_pipe_ends_the_command_quietly_with_status_0(
    data_dir: Path, args: tuple[str, ...], unbuffered: str
) -> None:
    """The output stays in Python's buffer until exit (a pipe is block-buffered), so the
    failed write comes at the flush: without care that is "Exception ignored … BrokenPipeError"
    on stderr and exit status 120."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first byte
    try:
        done = glutewake_into(write_end, data_dir, args, unbuffered)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


def glutewake_into(
    stdout: Any, data_dir: Path, args: tuple[str, ...], unbuffered: str
) -> subprocess.CompletedProcess[str]:
    """`python -m glutewake --data-dir DATA ARGS` with its stdout on `stdout`; stderr read."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GLUTEWAKE_")}
    environ["PYTHONUNBUFFERED"] = unbuffered
    return subprocess.run(
        [sys.executable, "-m", "glutewake", "--data-dir", str(data_dir), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=environ,
        timeout=60,
    )


@pytest.mark.skipif(os.name != "posix", reason="a POSIX shell closes the descriptor")
@pytest.mark.parametrize(
    "args",
    [("status",), ("status", "--json"), ("plan", "beginner"), ("history", "--json"), ("log", "--rest")],
    ids=" ".join,
)
def test_a_closed_stdout_is_no_error(data_dir: Path, args: tuple[str, ...]) -> None:
    """`glutewake status >&-` (a job started with no stdout at all): Python's sys.stdout is
    None, print() writes nothing, and main() has nothing to flush."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GLUTEWAKE_")}
    done = subprocess.run(
        [
            "sh",
            "-c",
            'exec "$0" "$@" >&-',
            sys.executable,
            "-m",
            "glutewake",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environ,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")


FULL = Path("/dev/full")  # Linux's device that refuses every write: "No space left on device"


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("--help",),
        ("status",),
        ("plan", "beginner", "--json"),  # more than a buffer: refused while printing, not at exit
        ("history",),
        ("export", "--format", "csv"),
        ("export", "--format", "json"),
        ("report", "--format", "md"),
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_an_output_that_refuses_writes_is_one_line_and_exit_2(
    data_dir: Path, args: tuple[str, ...], unbuffered: str
) -> None:
    """`glutewake export > /dev/full` (or a disk that filled up): one line naming standard
    output, exit 2; no traceback, no crash report, no "Exported …" claim."""
    if not FULL.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("/dev/full is missing: CI runs on Linux, which has it")
        pytest.skip("this system has no /dev/full to refuse writes")
    with FULL.open("w") as full:
        done = glutewake_into(full, data_dir, args, unbuffered)
    assert (done.returncode, done.stderr) == (
        2,
        "glutewake: could not write to standard output: No space left on device\n",
    )
    assert not (data_dir / "logs").exists()  # no crash report
