"""The installed `glutewake` run as from a second terminal, for the tmux journeys."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from .tmux import Tmux, glutewake_command


def glutewake(data: Path, *args: str) -> str:
    """The installed command in its own process on `data`; its stdout (exit 0 asserted)."""
    done = subprocess.run(
        [glutewake_command(), "--data-dir", str(data), *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def history(data: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(glutewake(data, "history", "--json"))
    return document


def status(data: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(glutewake(data, "status", "--json"))
    return document


def answer(tmux: Tmux, keys: tuple[str, ...], shows: str) -> None:
    """Press `keys` and wait until the screen `shows` their effect before the next answer."""
    tmux.send(*keys)
    tmux.wait_for(shows)


def open_home(tmux: Tmux, data: Path, *args: str, shows: str = "PHASE") -> str:
    """`glutewake --data-dir data *args` in the 80×24 pane, once the screen `shows`; that screen."""
    tmux.start([glutewake_command(), "--data-dir", str(data), *args], size=(80, 24))
    return tmux.wait_for(shows)
