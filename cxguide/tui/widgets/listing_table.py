"""A DataTable that shows a ``Listing`` (from cxguide.export.listing) with one key per row."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from cxguide.export.listing import Listing

# A column never grows wider than this; the details pane shows the whole value.
MAX_COLUMN_WIDTH = 48


class ListingTable(DataTable[Text]):
    """A row-cursor table of a listing; its title is the listing's title."""

    DEFAULT_CSS = """
    ListingTable {
        height: 1fr;
        border: round $primary-muted;
        border-title-color: $text-primary;
        border-title-style: bold;
    }
    ListingTable:focus {
        border: round $primary;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)

    def show_listing(self, listing: Listing, keys: Sequence[str]) -> None:
        """Replace the table with ``listing``; ``keys`` names each row, in order."""
        self.clear(columns=True)
        self.border_title = listing.title
        # Widths are fixed from the text itself, not measured later by the table, so a
        # repaint that comes before that measurement cannot leave columns too narrow.
        for index, label in enumerate(listing.columns):
            width = max(cell_len(row[index]) for row in (listing.columns, *listing.rows))
            self.add_column(label, width=min(width, MAX_COLUMN_WIDTH))
        for key, row in zip(keys, listing.rows, strict=True):
            # Text, not str: a DataTable reads str cells as markup, and names may hold '['.
            self.add_row(*(Text(cell) for cell in row), key=key)

    @property
    def highlighted_key(self) -> str | None:
        """The key of the row under the cursor, if there are rows."""
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value

    def highlight(self, key: str) -> bool:
        """Move the cursor to the row with ``key``; False when there is no such row."""
        try:
            index = self.get_row_index(key)
        except RowDoesNotExist:
            return False
        self.move_cursor(row=index, animate=False)
        return True
