"""`glutewake history | head`: a reader that stops early is not an error, and says nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GLUTEWAKE_")}
    environ["PYTHONUNBUFFERED"] = unbuffered
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first byte
    try:
        done = subprocess.run(
            [sys.executable, "-m", "glutewake", "--data-dir", str(data_dir), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=environ,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


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
