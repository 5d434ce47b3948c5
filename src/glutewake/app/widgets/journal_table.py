"""The journal of the history screen: one row an entry, its columns fitted to the window."""

from __future__ import annotations

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from glutewake.app.views.journal import (
    COLUMNS,
    DETAILS_MIN,
    EVERYTHING,
    WIDTHS,
    Cell,
    Entry,
    Filter,
    SortOrder,
    narrow_cells,
)
from glutewake.core.wording import counted

NARROW_TABLE = 70  # below this many columns the pain and morning go into the details


class JournalTable(DataTable[Cell]):
    """Five columns, the details taking what the window leaves; below `NARROW_TABLE` columns
    three, the pain and the morning joining the details."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.narrow: bool | None = None
        """Whether the columns are the narrow three (None before the first `make_columns`)."""

    def make_columns(self, width: int) -> bool:
        """The columns for a window `width` wide; True when they were made again, which
        leaves the table without rows."""
        narrow = width < NARROW_TABLE
        if narrow == self.narrow:
            return False
        self.narrow = narrow
        self.clear(columns=True)
        for key, label in COLUMNS[:3] if narrow else COLUMNS:
            self.add_column(label, key=key, width=WIDTHS.get(key, DETAILS_MIN))
        return True

    def fit_details(self, width: int) -> None:
        """The details column takes what a window `width` wide leaves the others."""
        # The body's padding, the table's border and scrollbar, each column's padding.
        inside = width - 2 - 2 - 2
        used = sum(WIDTHS[key] + 2 for key, _ in COLUMNS if key in self.columns and key != "details")
        details = self.columns.get(ColumnKey("details"))
        if details is not None:
            details.width = max(DETAILS_MIN, inside - used - 2)
            self.refresh(layout=True)
            self._require_update_dimensions = True  # no public way to re-measure a column

    def add_entry(self, entry: Entry, *, narrow: bool) -> None:
        self.add_row(*(narrow_cells(entry) if narrow else entry.cells), key=entry.id)

    def show_order(self, order: SortOrder, shown: Filter, *, complete: bool) -> None:
        """Sort by `order`; the title says how many entries, which, in what order, and
        whether older months are still coming."""
        if order.column in self.columns:
            self.sort(order.column, reverse=order.descending)
        count = counted(self.row_count, *shown.noun)
        reading = "" if complete else " · reading older months…"
        only = "" if shown is EVERYTHING else f" · only {shown.name}"
        self.border_title = f"Journal · {count}{only} · {order.words}{reading}"
        self.border_subtitle = (
            "pain 0 to 10 · morning: the day after"
            if self.narrow
            else "pain: after the session, 0 to 10 · morning: the day after"
        )

    def chosen_id(self) -> str | None:
        """The id of the entry under the cursor; None when the table has no rows."""
        if self.row_count == 0:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
