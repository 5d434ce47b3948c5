"""The full-screen app. `create_app` is the one way to build it: CLI, tests and snapshots."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glutewake.app.app import GlutewakeApp
    from glutewake.core.sound_schedule import ToneOpener

__all__ = ["create_app"]


def local_now() -> datetime:
    """The current local time, timezone-aware."""
    return datetime.now().astimezone()


def create_app(
    data_dir: Path,
    *,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], datetime] | None = None,
    count_seconds: float | None = None,
    programme_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    open_tones: ToneOpener | None = None,
    documents_dir: Path | None = None,
) -> GlutewakeApp:
    """The app on `data_dir`; `now` and `clock` are injected so tests can freeze time."""
    from glutewake.app.app import GlutewakeApp
    from glutewake.app.services.coach import Coach

    coach = Coach.open(
        data_dir,
        now=now or local_now,
        clock=clock,
        count_seconds=count_seconds,
        programme_file=programme_file,
        environ=dict(os.environ if environ is None else environ),
        open_tones=open_tones,
        documents_dir=documents_dir,
    )
    return GlutewakeApp(coach)
