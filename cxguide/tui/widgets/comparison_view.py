"""Countries side by side: a table of where each stands, then every pair's differences in plain
words, the caveat and the sources.

Renders a ``Comparison`` from ``cxguide.logic.culture``, worded as the CLI words it
(``cxguide.export.culture``); nothing is measured here. The table's cursor picks a country
(``highlighted_id``), which the screen uses to take it out or to show it on the map.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from cxguide.export.culture import (
    comparison_sources,
    distance_note,
    distance_text,
    score_text,
)
from cxguide.export.listing import unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.logic.culture import Comparison, averages_caveat
from cxguide.tui.widgets.country_profile import add_columns, axis_headers, sign_note
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.wording import citations


def comparison_rows(knowledge: Knowledge, comparison: Comparison) -> list[tuple[str, ...]]:
    """Each country's name, zone, survey year and both scores, in the order given."""
    rows: list[tuple[str, ...]] = []
    for p in comparison.points:
        zone = knowledge.zone(p.country.zone)
        rows.append(
            (
                p.country.name,
                zone.name if zone else unknown(),
                str(p.score.year),
                score_text(p.y),
                score_text(p.x),
            )
        )
    return rows


def differences_page(knowledge: Knowledge, comparison: Comparison, most: int) -> Page:
    """Every pair's differences and distance, then the caveat and the sources."""
    page = Page()
    count = len(comparison.points)
    if count == 0:
        return page.text(
            _(
                "Nothing to compare yet. Press v to go back to the list, highlight a country "
                "and press a (or Ctrl+P, 'Compare: add'). Up to {most} countries can be compared."
            ).format(most=most)
        )
    if count < 2:
        page.text(
            _(
                "Add another country to see how they differ: press v to go back to the list, "
                "highlight a country and press a (or Ctrl+P, 'Compare: add'). Up to {most} "
                "countries can be compared."
            ).format(most=most)
        )
    else:
        page.heading(_("How they differ, on these two dimensions only"))
        for index, pair in enumerate(comparison.pairs):
            if index:
                page.blank()
            page.field(
                _("{second} and {first}").format(
                    second=pair.second.country.name, first=pair.first.country.name
                ),
                _("{distance} apart on the map, on these two dimensions only").format(
                    distance=distance_text(pair.distance)
                ),
            )
            for difference in pair.differences:
                page.bullet(difference.text)
    page.heading(_("Reading the numbers"))
    page.bullet(sign_note())
    page.bullet(_("Survey year: the one the 2023 map draws; for a country not on it, its latest."))
    if count >= 2:
        page.bullet(distance_note())
    page.heading(_("Keep in mind"))
    page.text(averages_caveat(knowledge).text)
    page.heading(_("Sources"))
    for citation in citations(knowledge, comparison_sources(comparison, knowledge)):
        page.bullet(citation)
    return page


class ComparisonView(Vertical):
    """The compared countries in a table (one row each) over their differences."""

    DEFAULT_CSS = """
    ComparisonView {
        height: 1fr;
        border: round $primary-muted;
        border-title-color: $text-primary;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    ComparisonView:focus-within {
        border: round $primary;
    }
    ComparisonView #compare-table {
        height: auto;
        max-height: 50%;
        width: auto;
        max-width: 100%;
        margin: 0 1;
    }
    ComparisonView #compare-more {
        height: 1fr;
        margin-top: 1;
    }
    """

    def __init__(self, most: int, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.most = most
        """How many countries can be compared at most (said in the empty state)."""
        self.comparison = Comparison((), ())
        """The comparison shown."""

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(
            id="compare-table", cursor_type="row", zebra_stripes=True, header_height=2
        )
        yield table
        with VerticalScroll(id="compare-more"):
            yield InfoText(id="compare-text")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#compare-table", DataTable)

    def show(self, comparison: Comparison, knowledge: Knowledge) -> None:
        """Show ``comparison``; the cursor stays on the same country when it is still there."""
        keep = self.highlighted_id
        self.comparison = comparison
        count = len(comparison.points)
        self.border_title = ngettext(
            "Comparing {count} country (at most {most})",
            "Comparing {count} countries (at most {most})",
            count,
        ).format(count=count, most=self.most)
        table = self.table
        table.clear(columns=True)
        rows = comparison_rows(knowledge, comparison)
        ts, sse = axis_headers()
        add_columns(table, (_("Country"), _("Zone"), _("Survey\nyear"), ts, sse), rows)
        for p, row in zip(comparison.points, rows, strict=True):
            table.add_row(*(Text(cell) for cell in row), key=p.country.id)
        table.display = bool(rows)
        if keep is not None:
            self.highlight(keep)
        self.query_one("#compare-text", InfoText).show(
            differences_page(knowledge, comparison, self.most)
        )

    @property
    def highlighted_id(self) -> str | None:
        """The id of the country under the table's cursor."""
        table = self.table
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value

    def highlight(self, country_id: str) -> bool:
        """Put the table's cursor on ``country_id``; False when it is not compared."""
        table = self.table
        try:
            index = table.get_row_index(country_id)
        except RowDoesNotExist:
            return False
        table.move_cursor(row=index, animate=False)
        return True

    @property
    def plain(self) -> str:
        """The table's rows (tab-separated cells) and the text under it, for tests."""
        table = self.table
        rows = ["\t".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]
        return "\n".join([*rows, self.query_one("#compare-text", InfoText).plain])
