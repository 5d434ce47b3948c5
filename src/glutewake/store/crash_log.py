"""Where an unexpected error's details go: `<data dir>/logs/crash-YYYYmmdd-HHMMSS.log`."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from glutewake.store.errors import StoreError
from glutewake.store.files import atomic_write, ensure_dir

LOGS_FOLDER = "logs"


def crash_log_folders(data_dir: Path | None) -> list[Path]:
    """Where a crash log may go, best first: the data dir's `logs/`, then the temp folder."""
    folders = [] if data_dir is None else [data_dir / LOGS_FOLDER]
    return [*folders, Path(tempfile.gettempdir())]


def save_crash_log(data_dir: Path | None, details: str, moment: dt.datetime) -> Path | None:
    """Write `details` to a new crash log and return its path (None if no folder takes it).

    The first folder that can be written wins; a log never replaces an earlier one.
    """
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    for folder in crash_log_folders(data_dir):
        prefix = "crash" if folder.name == LOGS_FOLDER else "glutewake-crash"
        try:
            ensure_dir(folder)
            path = _unused(folder, f"{prefix}-{stamp}")
            atomic_write(path, details.encode("utf-8"))
        except (StoreError, OSError):
            continue
        return path
    return None


def _unused(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.log"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.log"
    return path
