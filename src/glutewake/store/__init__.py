"""The store: the only code that touches files (settings.toml and journal/YYYY-MM.toml)."""

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

__all__ = [
    "FutureSchema",
    "ImportCounts",
    "MalformedFile",
    "Month",
    "Moved",
    "RepeatedId",
    "Store",
    "StoreError",
    "Unreadable",
    "Unwritable",
    "atomic_write",
    "merge",
    "month_of",
]
