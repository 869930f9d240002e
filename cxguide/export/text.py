"""Render a listing as a Rich table for the terminal (Rich is imported only when called)."""

from __future__ import annotations

from typing import TextIO

from cxguide.export.listing import Listing


def print_listing(listing: Listing, file: TextIO) -> None:
    """Print the listing as a table that fits the terminal (or 100 columns when piped)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=file, width=None if file.isatty() else 120, highlight=False, markup=False
    )
    table = Table(title=listing.title, title_justify="left", show_lines=False)
    for column in listing.columns:
        table.add_column(column, overflow="fold")
    for row in listing.rows:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
    for note in listing.notes:
        console.print(Text(f"• {note}", style="dim"))
