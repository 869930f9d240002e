"""Culture map: the countries of the Inglehart–Welzel map, by zone, and the highlighted country."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import DataTable, Label, Select

from cxguide.export.listing import countries_listing
from cxguide.i18n import _
from cxguide.knowledge.models import Country, Knowledge, Zone
from cxguide.logic.catalogue import countries_in_zone
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.listing_table import ListingTable
from cxguide.tui.wording import citations

ALL_ZONES = "*"
SCORE_NOTE_WIDTH = 40
CAVEAT_ID = "averages-not-people"


def summary_page(country: Country, row: tuple[str, ...]) -> Page:
    """Name, code, zone and the point the 2023 map draws; ``row`` is its listing row."""
    page = Page().title(country.name)
    page.field(_("Code"), row[1])
    page.field(_("Zone"), row[2])
    page.heading(_("On the 2023 map"))
    page.field(_("The map draws the survey of"), row[6])
    if country.map_2023.note:
        page.text(country.map_2023.note)
    page.heading(_("Scores in every survey year"))
    return page


def more_page(knowledge: Knowledge, country: Country, caveat: str, notes: tuple[str, ...]) -> Page:
    """What the axes mean, the caveat, the list's notes, and the sources."""
    page = Page().heading(_("What the scores mean"))
    for dimension in knowledge.value_dimensions:
        page.text(dimension.name)
        page.bullet(
            _("Below zero — {name}: {meaning}").format(
                name=dimension.negative_pole.name, meaning=dimension.negative_pole.meaning
            )
        )
        page.bullet(
            _("Above zero — {name}: {meaning}").format(
                name=dimension.positive_pole.name, meaning=dimension.positive_pole.meaning
            )
        )
    page.heading(_("Keep in mind"))
    page.text(caveat)
    for note in notes:
        page.bullet(note, dim=True)
    page.heading(_("Where this comes from"))
    ids = [country.zone_source or "", *(s.source for s in country.scores)]
    for citation in citations(knowledge, [i for i in ids if i]):
        page.bullet(citation)
    return page


class CultureScreen(AreaScreen):
    """A zone filter, the countries, and the highlighted country in detail."""

    AUTO_FOCUS = "#countries-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z", "choose_zone", _("Zone"), show=True, id="culture.zone"),
    ]

    def __init__(self) -> None:
        super().__init__(_("Culture map"))
        self.zone: Zone | None = None
        self._countries: dict[str, tuple[Country, tuple[str, ...]]] = {}
        self._notes: tuple[str, ...] = ()

    def compose_body(self) -> ComposeResult:
        options = [(_("All zones"), ALL_ZONES), *((z.name, z.id) for z in self.knowledge.zones)]
        with Horizontal(id="zone-bar", classes="bar"):
            yield Label(_("Zone:"), classes="bar-label")
            yield Select(options, value=ALL_ZONES, allow_blank=False, compact=True, id="zone")
        with Container(classes="panes"):
            yield ListingTable(id="countries-table")
            with VerticalScroll(id="country-detail-scroll", classes="detail"):
                yield InfoText(id="country-summary")
                scores: DataTable[Text] = DataTable(
                    id="country-scores", show_cursor=False, zebra_stripes=True
                )
                scores.can_focus = False
                yield scores
                yield InfoText(id="country-more")

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#country-scores", DataTable)
        # Fixed widths: the rows change with every country, the columns never do.
        for label, width in (
            (_("Survey year"), 4),
            (_("Traditional (-) ↔ secular (+)"), 5),
            (_("Survival (-) ↔ self-expression (+)"), 5),
            (_("Note"), SCORE_NOTE_WIDTH),
        ):
            table.add_column(label, width=max(cell_len(label), width))
        self._load_countries()

    def _caveat(self) -> str:
        caveat = next((c for c in self.knowledge.value_caveats if c.id == CAVEAT_ID), None)
        return (
            caveat.text
            if caveat
            else _("A country's average says nothing certain about any one person.")
        )

    def _load_countries(self) -> None:
        countries = countries_in_zone(self.knowledge, self.zone)
        listing = countries_listing(
            self.knowledge, countries, self.zone.name if self.zone else None
        )
        self._countries = {c.id: (c, row) for c, row in zip(countries, listing.rows, strict=True)}
        self.query_one(ListingTable).show_listing(listing, list(self._countries))
        self._notes = listing.notes
        self._show_highlighted()

    def show_zone(self, zone: Zone | None) -> None:
        """Show only the countries of ``zone`` (None: every zone); the filter follows."""
        if zone != self.zone:
            self.zone = zone
            self._load_countries()
        self.query_one("#zone", Select).value = zone.id if zone else ALL_ZONES

    def show_country(self, country_id: str) -> bool:
        """Highlight the country, showing every zone if the filter hides it."""
        table = self.query_one(ListingTable)
        if country_id not in self._countries:
            self.show_zone(None)
        found = table.highlight(country_id)
        table.focus()
        self._show_highlighted()
        return found

    @property
    def highlighted_country(self) -> Country | None:
        """The country under the table's cursor."""
        entry = self._countries.get(self.query_one(ListingTable).highlighted_key or "")
        return entry[0] if entry else None

    def _show_highlighted(self) -> None:
        entry = self._countries.get(self.query_one(ListingTable).highlighted_key or "")
        summary = self.query_one("#country-summary", InfoText)
        scores: DataTable[Text] = self.query_one("#country-scores", DataTable)
        more = self.query_one("#country-more", InfoText)
        scores.clear()
        if entry is None:
            summary.show(Page().text(_("No countries in this zone.")))
            more.show(Page())
            scores.display = False
            return
        country, row = entry
        scores.display = True
        summary.show(summary_page(country, row))
        for score in country.scores:
            notes = []
            if score.year == country.map_2023.year and country.map_2023.status != "not_on_map":
                notes.append(_("drawn on the 2023 map"))
            if score.s025_label:
                notes.append(_("as {name}").format(name=score.s025_label))
            scores.add_row(
                Text(str(score.year)),
                Text(f"{score.traditional_secular:+.2f}"),
                Text(f"{score.survival_self_expression:+.2f}"),
                Text("; ".join(notes)),
            )
        more.show(more_page(self.knowledge, country, self._caveat(), self._notes))
        self.query_one("#country-detail-scroll", VerticalScroll).scroll_home(animate=False)

    @on(DataTable.RowHighlighted, "#countries-table")
    def _row_highlighted(self) -> None:
        self._show_highlighted()

    @on(Select.Changed, "#zone")
    def _zone_chosen(self, event: Select.Changed) -> None:
        self.show_zone(self.knowledge.zone(str(event.value)))
        self.query_one(ListingTable).focus()

    def action_choose_zone(self) -> None:
        """Open the zone filter."""
        select = self.query_one("#zone", Select)
        select.focus()
        select.action_show_overlay()
