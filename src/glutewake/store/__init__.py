"""The store: the only code that touches files (settings.toml and journal/YYYY-MM.toml)."""

from glutewake.store.datastore import ImportCounts, Month, Moved, Store, merge, month_of
from glutewake.store.errors import (
    FutureSchema,
    MalformedFile,
    StoreError,
    Unreadable,
    Unwritable,
)
from glutewake.store.files import atomic_write

__all__ = [
    "FutureSchema",
    "ImportCounts",
    "MalformedFile",
    "Month",
    "Moved",
    "Store",
    "StoreError",
    "Unreadable",
    "Unwritable",
    "atomic_write",
    "merge",
    "month_of",
]
