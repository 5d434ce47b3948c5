"""Cold start of the full-screen app until home is drawn, against a minimal Textual app.

Both are measured in the same run, as fresh processes, the same way:
- headless (default): the process builds the app, runs it headless, and exits as soon as
  the first screen is drawn; the wall time of the whole process is measured;
- `--tmux`: the command runs in a real terminal (tmux, TERM=xterm-256color) and the time is
  taken when its first screen text appears in the pane.

Goal: at most 1.5x the minimal app. Run: `.venv/bin/python benchmarks/app_startup.py
[--runs N] [--tmux]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

GOAL = 1.5

# Exits once the first screen has been composed and painted.
HEADLESS = """\
import sys
{build}
async def drawn(pilot):
    await pilot.pause()
    assert {check}, pilot.app.screen
    pilot.app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=drawn)
"""
MINIMAL_BUILD = """\
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("READY")
app = Minimal()"""
GLUTEWAKE_BUILD = """\
from pathlib import Path
from glutewake.app import create_app
app = create_app(Path(sys.argv[1]))"""
MINIMAL_TUI = MINIMAL_BUILD + "\napp.run()"


def seeded_data_dir(root: Path) -> Path:
    """A data dir past the first-run note, so the app opens straight on home."""
    from glutewake.store import Store

    Store(root).update_profile(lambda profile: dataclasses.replace(profile, acknowledged_on=dt.date.today()))
    return root


def headless_seconds(argv: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, timeout=60)
    return time.perf_counter() - began


def tmux_seconds(argv: list[str], ready: str) -> float:
    """Time from starting `argv` in a fresh tmux pane until `ready` is on the screen."""
    socket = f"glutewake-bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    try:
        began = time.perf_counter()
        subprocess.run(
            [
                *tmux,
                "new-session",
                "-d",
                "-s",
                "b",
                "-x",
                "80",
                "-y",
                "24",
                "env",
                "TERM=xterm-256color",
                *argv,
            ],
            check=True,
            timeout=10,
        )
        while time.perf_counter() - began < 30:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True, timeout=10
            ).stdout
            if ready in screen:
                return time.perf_counter() - began
            time.sleep(0.005)
        raise RuntimeError(f"{ready!r} never appeared:\n{screen}")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, timeout=10)


def median(measure: object, runs: int) -> float:
    return statistics.median(measure() for _ in range(runs))  # type: ignore[operator]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--tmux", action="store_true", help="measure in a real terminal")
    options = parser.parse_args()
    if options.tmux and not shutil.which("tmux"):
        sys.exit("tmux is not installed")
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        data = str(seeded_data_dir(Path(folder)))
        if options.tmux:
            glutewake = str(Path(python).parent / "glutewake")
            minimal = lambda: tmux_seconds([python, "-c", MINIMAL_TUI], "READY")  # noqa: E731
            app = lambda: tmux_seconds([glutewake, "--data-dir", data], "PHASE")  # noqa: E731
        else:
            minimal_code = HEADLESS.format(build=MINIMAL_BUILD, check="True")
            app_code = HEADLESS.format(
                build=GLUTEWAKE_BUILD, check="type(pilot.app.screen).__name__ == 'HomeScreen'"
            )
            minimal = lambda: headless_seconds([python, "-c", minimal_code])  # noqa: E731
            app = lambda: headless_seconds([python, "-c", app_code, data])  # noqa: E731
        median(minimal, 2)  # warm the file cache for both sides alike
        median(app, 2)
        baseline = median(minimal, options.runs)
        measured = median(app, options.runs)
    how = "tmux" if options.tmux else "headless"
    print(f"minimal Textual app ({how})     median {baseline * 1000:7.1f} ms  ({options.runs} runs)")
    print(f"glutewake home ({how})          median {measured * 1000:7.1f} ms  ({options.runs} runs)")
    print(f"ratio                              {measured / baseline:7.2f}x  (goal <= {GOAL}x)")


if __name__ == "__main__":
    main()
