"""Parsed TOML kept beside the data, so a command that reads a file it read before does not
import and run the TOML reader again (about a third of a command's start).

`cache/toml/NAME` holds one file's whole text and what `tomllib.loads` made of it, in
`marshal`'s format (built in: nothing to import). An entry is used only when the text read
now is exactly the text it holds, and was made by the same Python (the same TOML reader),
so it can never stand for another version of the file; anything else (no entry, another
text, a damaged or foreign file) reads the text with tomllib and writes the entry afresh.
The journal's writer also leaves the entry of the month it wrote, made from the document
it wrote (`remember`), so that the next command reads that month without tomllib either.
Entries hold what the files hold, so they are the owner's alone (0600, in 0700 folders);
a read-only or full disk just goes without them. Entries are written only when a command
has succeeded (`keep_entries`, `save_entries`), never by a refused one.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.store.errors import StrPath

FORMAT = "glutewake parsed toml 1"
FOLDER = os.path.join("cache", "toml")
# What marshal cannot hold is kept as a fix-up: where it goes (the path of keys and indexes
# to its container, then its own key or index), its kind and its fields.
_DATETIME, _DATE, _TIME = 0, 1, 2


class Unfit(ValueError):
    """A document `remember` will not vouch for (it holds what the TOML reader would not
    give back as it is): no entry is written."""


_pending: dict[str, tuple[str, bytes]] | None = None
"""The entries to write when the command has done its work (None: none are kept)."""


def keep_entries() -> None:
    """From now on, gather the entries this process could write (the command line calls it;
    the app does not, and only reads entries)."""
    global _pending
    _pending = {}


def save_entries() -> None:
    """Write the gathered entries (the command line calls it when a command succeeded, so a
    refused command or a damaged file leaves no cache behind, like the summary cache)."""
    global _pending
    entries, _pending = _pending or {}, None
    from glutewake.store.errors import StoreError
    from glutewake.store.files import atomic_write

    ready: dict[str, bool] = {}  # each folder checked and swept once, however many entries
    for path, (data_dir, entry) in entries.items():
        folder = os.path.dirname(path)
        if folder not in ready:
            ready[folder] = _ready(data_dir, folder)
        if not ready[folder]:
            continue
        try:
            atomic_write(path, entry, durable=False)  # no lock: an entry vouches for itself
        except StoreError:
            continue  # a full disk goes without


def _ready(data_dir: str, folder: str) -> bool:
    """The entries' folder made and swept of a killed writer's temporaries; False when the
    data folder is missing (never made just to cache what it does not hold) or read-only."""
    from glutewake.store.errors import StoreError
    from glutewake.store.files import ensure_dir, remove_stale_temporaries

    if not os.path.isdir(data_dir):
        return False
    try:
        ensure_dir(data_dir)  # refuses a folder marked read-only (even for root)
        ensure_dir(folder)
    except StoreError:
        return False
    remove_stale_temporaries(folder)
    return True


class ParsedToml:
    """The entries of one data folder (`None`: no folder, so parse every time)."""

    def __init__(self, data_dir: StrPath | None) -> None:
        self.data_dir = None if data_dir is None else os.fspath(data_dir)

    def loads(self, name: str, text: str) -> dict[str, Any]:
        """What `tomllib.loads(text)` gives (a fresh copy each time); raises its errors."""
        if self.data_dir is None:
            import tomllib

            return tomllib.loads(text)
        path = os.path.join(self.data_dir, FOLDER, name)
        found = _read(path, text)
        if found is not None:
            return found
        import tomllib

        document = tomllib.loads(text)
        _keep(self.data_dir, path, text, document)
        return document

    def remember(self, name: str, text: str, document: dict[str, Any]) -> None:
        """Keep the entry of a file just written as `text` from `document` (the writer's own:
        text tomllib reads back as `document`, tuples as lists, any time zone as its offset)."""
        if self.data_dir is not None:
            _keep(self.data_dir, os.path.join(self.data_dir, FOLDER, name), text, document)


def _keep(data_dir: str, path: str, text: str, document: dict[str, Any]) -> None:
    if _pending is None:
        return
    _pending.pop(path, None)  # an older text of the file must not be written instead
    try:
        fixups: list[tuple[tuple[object, ...], object, int, tuple[int | None, ...]]] = []
        packed = _pack(document, (), fixups)
    except Unfit:
        return
    entry = marshal.dumps((FORMAT, sys.hexversion, text, packed, fixups))  # type: ignore[arg-type]
    _pending[path] = (data_dir, entry)


def _read(path: str, text: str) -> dict[str, Any] | None:
    try:
        kept = None if _pending is None else _pending.get(path)
        if kept is not None:  # this process's own, newer than the file's
            entry = marshal.loads(kept[1])
        else:
            with open(path, "rb") as file:
                entry = marshal.loads(file.read())
        kind, version, held, document, fixups = entry
        if kind != FORMAT or version != sys.hexversion or held != text or type(document) is not dict:
            return None
        for where, key, what, fields in fixups:
            container = document
            for step in where:
                container = container[step]
            container[key] = _unpack(what, fields)
        return document
    except Exception:  # missing, damaged or foreign: read the text instead
        return None


def _pack(
    value: object, where: tuple[object, ...], fixups: list[tuple[tuple[object, ...], object, int, Any]]
) -> object:
    """`value` as marshal can hold it; its dates and times replaced by None and listed in
    `fixups`. Raises Unfit for anything a TOML document cannot hold as it is."""
    if isinstance(value, dict):
        packed: dict[str, object] = {}
        for key, item in value.items():
            if type(key) is not str:
                raise Unfit(key)
            packed[key] = _stamp(item, where, key, fixups)
        return packed
    if isinstance(value, list | tuple):
        return [_stamp(item, where, index, fixups) for index, item in enumerate(value)]
    if type(value) in (str, int, float, bool):  # not a subclass: marshal keeps none of them
        return value
    raise Unfit(value)


def _stamp(
    value: object,
    where: tuple[object, ...],
    key: object,
    fixups: list[tuple[tuple[object, ...], object, int, Any]],
) -> object:
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float:  # most values: kept as they are
        return value
    if isinstance(value, dt.datetime):
        offset = value.utcoffset() if value.tzinfo is not None else None
        if value.tzinfo is not None and (offset is None or offset.microseconds or offset.seconds % 60):
            raise Unfit(value)  # TOML writes offsets in whole minutes
        fields = (value.year, value.month, value.day, value.hour, value.minute, value.second)
        seconds = None if offset is None else offset.days * 86_400 + offset.seconds
        fixups.append((where, key, _DATETIME, (*fields, value.microsecond, seconds)))
        return None
    if isinstance(value, dt.date):
        fixups.append((where, key, _DATE, (value.year, value.month, value.day)))
        return None
    if isinstance(value, dt.time):
        if value.tzinfo is not None:
            raise Unfit(value)  # TOML's local time has no offset
        fixups.append((where, key, _TIME, (value.hour, value.minute, value.second, value.microsecond)))
        return None
    if type(value) in (dict, list, tuple):
        return _pack(value, (*where, key), fixups)
    return _pack(value, where, fixups)


def _unpack(what: int, fields: tuple[Any, ...]) -> object:
    if what == _DATETIME:
        year, month, day, hour, minute, second, microsecond, offset = fields
        zone = None if offset is None else dt.timezone(dt.timedelta(seconds=offset))
        return dt.datetime(year, month, day, hour, minute, second, microsecond, tzinfo=zone)
    if what == _DATE:
        return dt.date(*fields)
    if what == _TIME:
        return dt.time(*fields)
    raise ValueError(what)
