"""The report read from the store and written to a file of the user's choosing."""

from __future__ import annotations

import datetime as dt
import os

from glutewake.core.report import build_report
from glutewake.store.errors import Unwritable
from glutewake.store.files import atomic_write

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Literal

    from glutewake.store.errors import StrPath
    from glutewake.store.journal_reader import JournalReader

    ReportFormat = Literal["html", "md"]

SUFFIXES: dict[str, str] = {"html": ".html", "md": ".md"}


def render_report(store: JournalReader, today: dt.date, *, weeks: int, format: str) -> str:
    """The report of the last `weeks` weeks as HTML or Markdown; a damaged or newer data file
    raises its StoreError (nothing is written)."""
    profile = store.read_profile()
    journal = store.read_journal()
    report = build_report(journal, profile.phase, today, weeks, store.read_state().phase_changes)
    if format == "md":
        from glutewake.core.report_md import render_markdown

        return render_markdown(report)
    from glutewake.core.report_html import render_html

    return render_html(report)


def write_report(path: StrPath, text: str) -> None:
    """Write `text` to `path` atomically: a missing or read-only folder, or a folder in the
    way, raises Unwritable and leaves nothing behind."""
    if os.path.isdir(path):
        raise Unwritable(path, "it is a folder, not a file")
    folder = os.path.dirname(os.fspath(path)) or os.curdir
    if not os.path.isdir(folder):
        raise Unwritable(path, f"the folder {folder} does not exist")
    atomic_write(path, text.encode("utf-8"))


def report_folder() -> Path:
    """The user's documents folder (platformdirs) when it exists, else the home folder."""
    from pathlib import Path

    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def dated_report_path(folder: Path, today: dt.date, format: str = "html") -> Path:
    """`glutewake-report-YYYY-MM-DD.html` in `folder`, or `…-2.html` and up when that name is
    taken, so an earlier report is never replaced."""
    stem = f"glutewake-report-{today.isoformat()}"
    suffix = SUFFIXES[format]
    path = folder / f"{stem}{suffix}"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}{suffix}"
    return path
