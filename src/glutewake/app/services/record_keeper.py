"""Saves the session record off the event loop, in order, newest first when behind.

One background thread writes through the store; `keep(session)` only swaps the
pending record and returns, so the redraw never waits for the disk. Records
only grow, so when writes fall behind, saving just the newest loses nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from glutewake.core.records import Session
from glutewake.errors import UserError

SaveSession = Callable[[Session], None]
Failed = Callable[[UserError], None]


class RecordKeeper:
    """A one-slot queue and the thread that empties it into the store."""

    def __init__(self, save: SaveSession, failed: Failed, data_dir: Path | None = None) -> None:
        self._save = save
        self._failed = failed
        self._data_dir = data_dir
        self._pending: Session | None = None
        self._busy = False
        self._closed = False
        self._changed = threading.Condition()
        self.saves = 0
        self.latest: Session | None = None
        self._thread = threading.Thread(target=self._run, name="glutewake-saver", daemon=True)
        self._thread.start()

    def keep(self, session: Session) -> None:
        """Save `session` soon (replacing any not yet written); returns at once."""
        with self._changed:
            self._pending = session
            self.latest = session
            self._changed.notify_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything kept so far is written; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._pending is None and not self._busy, timeout=timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is pending, then stop the thread."""
        self.flush(timeout)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
                session, self._pending, self._busy = self._pending, None, True
            try:
                self._save(session)
                self.saves += 1
            except UserError as error:
                self._failed(error)
            except Exception as error:  # noqa: BLE001 - a bug must not silently end saving
                # Logged, told once, and the thread goes on: the next repetition tries again.
                from glutewake.crash import report_crash

                report = report_crash(error, self._data_dir).replace("\n", "; ")
                self._failed(UserError(f"Saving hit an unexpected problem ({report})"))
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()
