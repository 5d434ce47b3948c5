"""The store's folder: its paths, this machine's file names, the journal's listing and the
lock; the lowest layer of `Store` (`store/datastore.py`)."""

from __future__ import annotations

import os

from glutewake.store.errors import StoreError, as_path
from glutewake.store.files import ensure_dir, locked, os_reason, tighten
from glutewake.store.layout import JournalName, month_name, parse_name, reading_order, state_name
from glutewake.store.parsed import ParsedToml

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any, TypeVar

    from glutewake.core.journal import Month
    from glutewake.store.errors import StrPath
    from glutewake.store.files import _Lock

    T = TypeVar("T")

DECODED_KEPT = 8
"""How many decoded data files a store keeps (a command rereads the few it works on)."""

Listing = dict["Month | None", list[JournalName]]
"""The journal's files by month (None: the state files), as one listing of `journal/` found them."""


def _note_on_stderr(text: str) -> None:
    import sys

    print(f"glutewake: {text}", file=sys.stderr)


class StoreFolder:
    """The data folder's paths and listing, its lock and its parsed-TOML cache (the base of `Store`)."""

    def __init__(
        self,
        data_dir: StrPath,
        *,
        notify: Callable[[str], None] | None = None,
        device: str | None = None,
    ) -> None:
        # The paths as plain strings (pathlib costs every command's start); as Paths below.
        self.data_folder = os.fspath(data_dir)
        self._device = device
        self.settings_file = os.path.join(self.data_folder, "settings.toml")
        self.journal_folder = os.path.join(self.data_folder, "journal")
        self.lock_file = os.path.join(self.data_folder, "glutewake.lock")
        self.notify = notify if notify is not None else _note_on_stderr
        """Where a note for the user goes (the command line prints it on stderr)."""
        self._tightened = False
        self._decoded: dict[str, tuple[bytes, Any]] = {}
        """The last few data files decoded, by path, with the bytes they were read from."""
        self.parsed = ParsedToml(self.data_folder)
        """The parsed-TOML cache every file of this folder is read through."""

    # -- paths -------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        """The data folder."""
        return as_path(self.data_folder)

    @property
    def settings_path(self) -> Path:
        """This machine's settings.toml."""
        return as_path(self.settings_file)

    @property
    def journal_dir(self) -> Path:
        """The folder of every device's journal files."""
        return as_path(self.journal_folder)

    @property
    def lock_path(self) -> Path:
        """The lock file every writer holds."""
        return as_path(self.lock_file)

    @property
    def device(self) -> str:
        """This machine's device id (made the first time a write needs it)."""
        if self._device is None:
            from glutewake.store.device import device_id

            self._device = device_id()
        return self._device

    def month_path(self, month: Month) -> Path:
        """The journal file of (year, month) that this machine writes."""
        return as_path(self._month_file(month))

    def state_path(self) -> Path:
        """The state file this machine writes (phase switches, acknowledgement, day start)."""
        return as_path(self._state_file())

    def _month_file(self, month: Month) -> str:
        return os.path.join(self.journal_folder, month_name(month, self.device))

    def _state_file(self) -> str:
        return os.path.join(self.journal_folder, state_name(self.device))

    def _decode_once(self, path: str, data: bytes, decode: Callable[[], T]) -> T:
        """`decode()` of the file `path` read as `data`, or what it gave for the same bytes
        before: a command reads the same settings, state and month files several times (to
        check, under the lock, for the summary cache), each is decoded and checked once."""
        known = self._decoded.get(path)
        if known is not None and known[0] == data:
            found: T = known[1]
            return found
        value = decode()
        if len(self._decoded) >= DECODED_KEPT:
            del self._decoded[next(iter(self._decoded))]  # the oldest: a long history stays small
        self._decoded[path] = (data, value)
        return value

    def _in_journal(self, name: str) -> str:
        return os.path.join(self.journal_folder, name)

    def listing(self) -> Listing:
        """The journal's files, by month (None: the state files), as they are now."""
        try:
            names = os.listdir(self.journal_folder)
        except FileNotFoundError:
            return {}
        except OSError as error:
            folder = self.journal_folder
            raise StoreError(folder, f"cannot read {folder}: {os_reason(error)}") from None
        parsed = [parse_name(name) for name in names]
        primaries = set(names)
        files: Listing = {}
        for found in parsed:
            if found is None:
                continue
            if found.name.endswith(".orig") and found.primary not in primaries:
                continue  # `X.toml.orig` is a copy of ours only beside our `X.toml`
            files.setdefault(found.month, []).append(found)
        return {key: reading_order(value) for key, value in files.items()}

    def months(self, listing: Listing | None = None) -> list[Month]:
        """Every month that has a journal file (any device's), oldest first."""
        files = self.listing() if listing is None else listing
        return sorted(month for month in files if month is not None)

    # -- internals ---------------------------------------------------------------------
    def _loads(self, name: str) -> Callable[[str], dict[str, Any]]:
        return lambda text: self.parsed.loads(name, text)

    def _writing(self) -> _Lock:
        # `with self._writing():` the folder made (owner-only) and the store's lock held.
        ensure_dir(self.data_folder)
        if not self._tightened:
            was = tighten(self.data_folder)
            self._tightened = True
            if was is not None:
                self.notify(
                    f"note: {self.data_folder} could be read by others (mode {was:o}); "
                    "it is now yours alone (700)"
                )
        return locked(self.lock_file)
