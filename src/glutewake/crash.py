"""An unexpected error, told in one line: the traceback goes to a crash log, never the screen.

Shared by the command line and the full-screen app (no Textual here). `GLUTEWAKE_DEBUG=1`
lets the traceback through instead, for whoever is fixing the bug.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

from glutewake import __version__
from glutewake.store.crash_log import save_crash_log

DEBUG_VARIABLE = "GLUTEWAKE_DEBUG"


def debugging(environ: Mapping[str, str]) -> bool:
    """Whether tracebacks should be shown as they are (`GLUTEWAKE_DEBUG=1`)."""
    return environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def report_crash(error: BaseException, data_dir: Path | None) -> str:
    """Log `error` with its traceback; the two lines to show the user, the second naming the log."""
    details = "".join(
        [
            f"glutewake {__version__} · Python {platform.python_version()} · {sys.platform}\n",
            f"at {dt.datetime.now().astimezone().isoformat(timespec='seconds')}\n",
            f"command: {' '.join(sys.argv)}\n\n",
            *traceback.format_exception(error),
        ]
    )
    path = save_crash_log(data_dir, details, dt.datetime.now())
    where = f"details in {path}" if path is not None else f"details: {error!r}"
    return f"glutewake hit an unexpected problem; your data is safe.\n{where}"
