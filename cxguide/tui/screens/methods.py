"""Research methods: one edition of Rohrer's landscape as a table, and the highlighted method."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import DataTable, Label, RadioButton, RadioSet, Static

from cxguide.export.listing import Listing, methods_listing, unknown
from cxguide.i18n import _
from cxguide.knowledge.models import Edition, Knowledge, Method
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.listing_table import ListingTable
from cxguide.tui.wording import citations, lean_text

EDITIONS: tuple[Edition, ...] = ("2014", "2022")


def row_key(method: Method) -> str:
    """A table row key that is unique across editions (ids repeat between them)."""
    return f"{method.edition}:{method.id}"


def method_page(knowledge: Knowledge, method: Method, row: tuple[str, ...]) -> Page:
    """The detail of one method; ``row`` is its row of ``methods_listing``."""
    page = Page().title(
        _("{name} ({edition} edition)").format(name=method.name, edition=method.edition)
    )
    if method.aliases:
        page.field(_("Also called"), ", ".join(method.aliases))
    page.heading(_("What it is"))
    page.text(method.description)

    page.heading(_("Position on the chart"))
    dimensions = {d.id: d for d in knowledge.landscape.dimensions}
    positions = (
        ("attitudinal_behavioral", method.attitudinal_behavioral, _("Say (-1) ↔ do (+1)")),
        ("qual_quant", method.qual_quant, _("Why (-1) ↔ how many (+1)")),
    )
    for dimension_id, position, fallback in positions:
        dimension = dimensions.get(dimension_id)
        label = dimension.name if dimension else fallback
        value = lean_text(position, dimension)
        if position is None and method.edition == "2022":
            value = _("unknown — the 2022 chart's positions were never measured")
        page.field(label, value)

    page.heading(_("When it fits"))
    page.field(_("Context of use"), row[3])
    page.field(_("Phases"), row[4])
    if method.edition == "2022":
        page.field(_("In 2014 as"), row[5] if method.from_2014 else _("no 2014 method given"))
    if method.note:
        page.heading(_("Note"))
        page.text(method.note)
    page.heading(_("Where this comes from"))
    page.field(_("From"), row[-1])
    sources = citations(knowledge, method.sources)
    if not sources:
        page.text(unknown())
    for citation in sources:
        page.bullet(citation)
    return page


class MethodsScreen(AreaScreen):
    """An edition switch, the edition's methods, and the highlighted method in detail."""

    AUTO_FOCUS = "#methods-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "switch_edition", _("Edition"), show=True, id="methods.edition"),
    ]

    def __init__(self) -> None:
        super().__init__(_("Research methods"))
        self.edition: Edition = "2014"
        self._methods: dict[str, tuple[Method, tuple[str, ...]]] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="edition-bar", classes="bar"):
            yield Label(_("Edition:"), classes="bar-label")
            with RadioSet(id="edition", compact=True):
                yield RadioButton(_("2014 — measured positions"), value=True, id="edition-2014")
                yield RadioButton(_("2022 — positions unknown"), id="edition-2022")
        yield Static("", id="edition-note", classes="listing-note", markup=False)
        with Container(classes="panes"):
            yield ListingTable(id="methods-table")
            with VerticalScroll(id="method-detail-scroll", classes="detail"):
                yield InfoText(id="method-detail")

    def on_mount(self) -> None:
        self._load_edition()

    def _load_edition(self) -> None:
        listing: Listing = methods_listing(self.knowledge, self.edition)
        methods = self.knowledge.methods_of(self.edition)
        self._methods = {row_key(m): (m, row) for m, row in zip(methods, listing.rows, strict=True)}
        self.query_one(ListingTable).show_listing(listing, list(self._methods))
        self.query_one("#edition-note", Static).update(" ".join(listing.notes))
        self._show_highlighted()

    def show_edition(self, edition: Edition) -> None:
        """Show the methods of ``edition`` (the switch follows)."""
        if edition != self.edition:
            self.edition = edition
            self._load_edition()
        self.query_one(f"#edition-{edition}", RadioButton).value = True

    def show_method(self, method_id: str, edition: Edition) -> bool:
        """Switch to ``edition`` and highlight the method; False when it is not there."""
        self.show_edition(edition)
        table = self.query_one(ListingTable)
        found = table.highlight(f"{edition}:{method_id}")
        table.focus()
        self._show_highlighted()
        return found

    @property
    def highlighted_method(self) -> Method | None:
        """The method under the table's cursor."""
        key = self.query_one(ListingTable).highlighted_key
        entry = self._methods.get(key or "")
        return entry[0] if entry else None

    def _show_highlighted(self) -> None:
        key = self.query_one(ListingTable).highlighted_key
        entry = self._methods.get(key or "")
        detail = self.query_one("#method-detail", InfoText)
        if entry is None:
            detail.show(Page().text(_("No methods in this edition.")))
            return
        method, row = entry
        detail.show(method_page(self.knowledge, method, row))
        self.query_one("#method-detail-scroll", VerticalScroll).scroll_home(animate=False)

    @on(DataTable.RowHighlighted, "#methods-table")
    def _row_highlighted(self) -> None:
        self._show_highlighted()

    @on(RadioSet.Changed, "#edition")
    def _edition_chosen(self, event: RadioSet.Changed) -> None:
        button_id = event.pressed.id or ""
        edition = next((e for e in EDITIONS if button_id == f"edition-{e}"), self.edition)
        self.show_edition(edition)

    def action_switch_edition(self) -> None:
        """Switch between the 2014 and the 2022 edition."""
        self.show_edition("2022" if self.edition == "2014" else "2014")
