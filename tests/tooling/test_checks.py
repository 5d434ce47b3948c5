"""The project's own checks, run as part of the suite so CI fails on any of them.

ruff (lint and format), mypy --strict on the whole package and the import-linter layer
contracts, each as the developer runs it (the commands of the README's development section).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = {
    "ruff check": ["ruff", "check", "src", "tests", "benchmarks"],
    "ruff format": ["ruff", "format", "--check", "src", "tests", "benchmarks"],
    "mypy": ["mypy"],
    "import-linter": ["lint-imports"],
}


def tool(name: str) -> str:
    """The tool installed beside this Python (the project's venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        reason = f"{name} is not installed (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@pytest.mark.timeout(300)
@pytest.mark.parametrize("check", CHECKS)
def test_check_passes(check: str) -> None:
    program, *arguments = CHECKS[check]
    done = subprocess.run([tool(program), *arguments], cwd=ROOT, capture_output=True, text=True, timeout=280)
    assert done.returncode == 0, f"{check} failed:\n{done.stdout}\n{done.stderr}"
