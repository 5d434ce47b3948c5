"""The store: the only code that touches files (settings.toml and journal/YYYY-MM.toml).

The names below are loaded when first used, so that a module of the store that needs
little (the status snapshot a shell prompt reads) does not load all of it.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from glutewake.core.journal import ImportCounts, Month, merge, month_of
    from glutewake.store.datastore import Moved, Store
    from glutewake.store.errors import (
        FutureSchema,
        MalformedFile,
        RepeatedId,
        StoreError,
        Unreadable,
        Unwritable,
    )
    from glutewake.store.files import atomic_write
    from glutewake.store.journal_reader import JournalReader
    from glutewake.store.journal_writer import JournalWriter
    from glutewake.store.profile_files import ProfileFiles

_WHERE = {
    "ImportCounts": "glutewake.core.journal",
    "Month": "glutewake.core.journal",
    "merge": "glutewake.core.journal",
    "month_of": "glutewake.core.journal",
    "Moved": "glutewake.store.datastore",
    "Store": "glutewake.store.datastore",
    "FutureSchema": "glutewake.store.errors",
    "MalformedFile": "glutewake.store.errors",
    "RepeatedId": "glutewake.store.errors",
    "StoreError": "glutewake.store.errors",
    "Unreadable": "glutewake.store.errors",
    "Unwritable": "glutewake.store.errors",
    "atomic_write": "glutewake.store.files",
    "ProfileFiles": "glutewake.store.profile_files",
    "JournalReader": "glutewake.store.journal_reader",
    "JournalWriter": "glutewake.store.journal_writer",
}

__all__ = [
    "FutureSchema",
    "ImportCounts",
    "MalformedFile",
    "Month",
    "JournalReader",
    "JournalWriter",
    "Moved",
    "ProfileFiles",
    "RepeatedId",
    "Store",
    "StoreError",
    "Unreadable",
    "Unwritable",
    "atomic_write",
    "merge",
    "month_of",
]

if not TYPE_CHECKING:  # mypy reads the imports above; it would take any name from __getattr__

    def __getattr__(name: str) -> object:
        module = _WHERE.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(__import__(module, fromlist=[name]), name)  # importlib costs every start
        globals()[name] = value
        return value
