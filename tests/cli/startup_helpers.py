"""Running glutewake the way its installed script does and seeing what it loaded."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HARNESS = textwrap.dedent("""\
    import sys  # all the installed `glutewake` script imports before main (pip 25 and later)
    from glutewake.cli import main
    code = main(sys.argv[1:])
    sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
    sys.exit(code)
""")


def run(home: Path, *args: str) -> tuple[int, str, set[str]]:
    """Run glutewake ARGS with HOME=home and no data-dir settings; its output and modules."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("GLUTEWAKE_", "XDG_"))}
    environ["HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-c", HARNESS, *args], capture_output=True, text=True, env=environ, timeout=60
    )
    stderr, _, modules = done.stderr.rpartition("\nMODULES ")
    return done.returncode, done.stdout + stderr, set(modules.split())


def loaded(modules: set[str], names: set[str]) -> set[str]:
    return {m for m in modules if m in names or any(m.startswith(f"{name}.") for name in names)}


def settle(*folders: Path) -> None:
    """Wait out the snapshot's settle time for the files' ctime (os.utime cannot set it back)."""
    newest = max(path.stat().st_ctime for folder in folders for path in folder.rglob("*"))
    left = newest + 2.1 - dt.datetime.now().timestamp()
    if left > 0:
        time.sleep(left)  # the snapshot rule's own settle time, not a wait for the program
