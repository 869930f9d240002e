"""Culture map: the countries by zone, the highlighted country's profile or the map, and a
comparison of 2 to 6 countries side by side.

The screen keeps what the user chose (zone, highlighted country, map or profile, the compared
countries) and asks ``cxguide.logic.culture`` for every answer (a ``Profile``, a
``Comparison``); the widgets only show those answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, DataTable, Label, Select, Static

from cxguide.export.listing import countries_listing
from cxguide.i18n import N_, _, ngettext
from cxguide.knowledge.models import Country, Zone
from cxguide.logic.catalogue import countries_in_zone, find_country
from cxguide.logic.culture import Comparison, comparison, point, profile
from cxguide.logic.culture_map import titles_from
from cxguide.logic.limits import COMPARE_MAX, COMPARE_MIN
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.comparison_view import ComparisonView
from cxguide.tui.widgets.country_profile import CountryProfile
from cxguide.tui.widgets.culture_map import CultureMap
from cxguide.tui.widgets.listing_table import ListingTable

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.command import Provider

ALL_ZONES = "*"

View = Literal["browse", "compare"]

# Actions that belong to one view; the key bar shows only those of the view on screen.
BROWSE_ACTIONS = frozenset({"choose_zone", "toggle_map", "compare_add", "open_compare"})
COMPARE_ACTIONS = frozenset({"close_compare", "toggle_compare_map", "open_profile"})


def _compare_commands() -> type[Provider]:
    from cxguide.tui.commands import CompareCommands

    return CompareCommands


class CultureScreen(AreaScreen):
    """Zone filter and countries; the highlighted country's profile or the map; the comparison."""

    AUTO_FOCUS = "#countries-table"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {_compare_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z", "choose_zone", N_("Zone"), show=True, id="culture.zone"),
        Binding("m", "toggle_map", N_("Map/profile"), show=True, id="culture.map"),
        Binding("m", "toggle_compare_map", N_("Map/table"), show=True, id="culture.compare_map"),
        Binding("a", "compare_add", N_("Add to compare"), show=True, id="culture.compare_add"),
        Binding(
            "x", "compare_remove", N_("Remove from compare"), show=True, id="culture.compare_remove"
        ),
        Binding("v", "open_compare", N_("Compare"), show=True, id="culture.compare_open"),
        Binding(
            "v,escape", "close_compare", N_("Back to list"), show=True, id="culture.compare_close"
        ),
        # Comparing: Enter opens the profile of the country in the table (or on the map).
        Binding(
            "enter", "open_profile", N_("Profile"), show=True, priority=True, id="culture.profile"
        ),
    ]

    class CountriesChanged(Message):
        """The countries compared, or the ones opened, changed (the app keeps them in the
        workshop session)."""

        def __init__(self, compared: tuple[str, ...], chosen: tuple[str, ...]) -> None:
            super().__init__()
            self.compared = compared
            """The compared countries' ids, in the order they were added."""
            self.chosen = chosen
            """The countries opened (from the search, or with Enter on the map), in order."""

    def __init__(self) -> None:
        super().__init__(_("Culture map"))
        self.zone: Zone | None = None
        """The zone the list shows (None: every zone)."""
        self.view: View = "browse"
        """The countries with a profile or the map ('browse'), or the comparison."""
        self.map_shown = False
        """Browsing: the map in place of the profile (and, when narrow, of the list)."""
        self.compare_map_shown = False
        """Comparing, when narrow: the map in place of the table."""
        self.compare_ids: tuple[str, ...] = ()
        """The compared countries' ids, in the order they were added."""
        self.chosen_ids: tuple[str, ...] = ()
        """The countries opened (search, Enter on the map), in the order they were opened."""
        self._countries: dict[str, Country] = {}

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        options = [(_("All zones"), ALL_ZONES), *((z.name, z.id) for z in self.knowledge.zones)]
        with ContentSwitcher(id="culture-views", initial="browse"):
            with Vertical(id="browse"):
                with Horizontal(id="zone-bar", classes="bar"):
                    yield Label(_("Zone:"), classes="bar-label")
                    yield Select(
                        options, value=ALL_ZONES, allow_blank=False, compact=True, id="zone"
                    )
                with Container(id="browse-panes", classes="panes"):
                    yield ListingTable(id="countries-table")
                    yield CountryProfile(id="country-profile", classes="detail")
                    yield self._culture_map("browse-map")
                yield Static("", id="compare-bar", markup=False)
            with Container(id="compare", classes="panes"):
                yield ComparisonView(COMPARE_MAX, id="comparison")
                yield self._culture_map("compare-map")

    def _culture_map(self, map_id: str) -> CultureMap:
        knowledge = self.knowledge
        return CultureMap(
            zones=knowledge.zones,
            titles=titles_from(knowledge.value_dimensions),
            id=map_id,
            classes="detail",
        )

    def on_mount(self) -> None:
        profile_pane = self.query_one(CountryProfile)
        profile_pane.border_subtitle = _("An average: it says nothing certain about one person")
        self.query_one("#browse-map").border_title = _("Cultural map")
        self.query_one("#compare-map").border_title = _(
            "Cultural map: the compared countries underlined"
        )
        self._load_countries()
        self.load_countries(self.cx.workshop.countries)

    def on_resize(self) -> None:
        # Whether m switches the comparison's table and map depends on the width.
        self.call_after_refresh(self.refresh_bindings)

    @property
    def wide(self) -> bool:
        """Two panes side by side: wide enough, and not in presenter view (one at a time)."""
        return self.has_class("-wide") and not self.cx.presenter

    def presenter_changed(self, presenter: bool) -> None:
        super().presenter_changed(presenter)
        if self.is_mounted and self.view == "browse":
            self._focus_browse()

    # ------------------------------------------------------------------ the session

    def _countries_changed(self) -> None:
        self.post_message(self.CountriesChanged(self.compare_ids, self.chosen_ids))

    def load_countries(self, country_ids: tuple[str, ...]) -> None:
        """Resume a session's countries: the first (up to 6) compared, the others opened.

        Ids the knowledge does not have are left out; nothing is reported back."""
        known = tuple(i for i in country_ids if find_country(self.knowledge, i).found)
        self.compare_ids = known[:COMPARE_MAX]
        self.chosen_ids = known[COMPARE_MAX:]
        if self.view == "compare" and len(self.compare_ids) < COMPARE_MIN:
            self._set_view("browse")
        self._compare_changed()

    def restore(
        self,
        compared: tuple[str, ...],
        chosen: tuple[str, ...],
        zone_id: str | None,
        country_id: str | None,
        comparing: bool,
        map_shown: bool,
    ) -> None:
        """Show again what an earlier culture screen showed (after a change of language).

        Nothing is reported back: the session holds these countries already."""
        known = self.knowledge
        self.compare_ids = tuple(i for i in compared if find_country(known, i).found)
        self.chosen_ids = tuple(i for i in chosen if find_country(known, i).found)
        self.show_zone(known.zone(zone_id) if zone_id else None)
        if country_id is not None:
            self.show_country(country_id, focus=False)
        if map_shown != self.map_shown:
            self.action_toggle_map()
        self._compare_changed()
        if comparing and len(self.compare_ids) >= COMPARE_MIN:
            self.show_comparison()

    def choose_country(self, country_id: str) -> bool:
        """Highlight the country and keep it in the session as one the room looked at."""
        found = self.show_country(country_id)
        if found and country_id not in self.chosen_ids:
            self.chosen_ids = (*self.chosen_ids, country_id)
            self._countries_changed()
        return found

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in BROWSE_ACTIONS:
            return self.view == "browse"
        if action == "toggle_compare_map":
            return self.view == "compare" and not self.wide
        if action in COMPARE_ACTIONS:
            return self.view == "compare"
        return True

    # ------------------------------------------------------------------ countries

    def _load_countries(self) -> None:
        countries = countries_in_zone(self.knowledge, self.zone)
        listing = countries_listing(
            self.knowledge, countries, self.zone.name if self.zone else None
        )
        self._countries = {c.id: c for c in countries}
        self.query_one(ListingTable).show_listing(listing, list(self._countries))
        self._show_highlighted()

    def show_zone(self, zone: Zone | None) -> None:
        """Show only the countries of ``zone`` (None: every zone); the filter follows."""
        if zone != self.zone:
            self.zone = zone
            self._load_countries()
            if self.map_shown:
                self._show_browse_map(fresh=True)
        self.query_one("#zone", Select).value = zone.id if zone else ALL_ZONES

    def show_country(self, country_id: str, *, focus: bool = True) -> bool:
        """Highlight the country, showing every zone if the filter hides it.

        From the comparison, this goes back to the countries; the map stays if it is shown.
        """
        if self.view != "browse":
            self._set_view("browse")
        table = self.query_one(ListingTable)
        if country_id not in self._countries:
            self.show_zone(None)
        found = table.highlight(country_id)
        if focus:
            self._focus_browse()
        self._show_highlighted()
        return found

    @property
    def highlighted_country(self) -> Country | None:
        """The country under the table's cursor."""
        return self._countries.get(self.query_one(ListingTable).highlighted_key or "")

    def _show_highlighted(self) -> None:
        country = self.highlighted_country
        pane = self.query_one(CountryProfile)
        if country is None:
            pane.show_nothing(_("No countries in this zone."))
        else:
            pane.show(
                profile(self.knowledge, country),
                self.knowledge,
                compared=country.id in self.compare_ids,
            )
        if self.map_shown:
            self._show_browse_map()

    def _show_browse_map(self, *, fresh: bool = False) -> None:
        """The map with every country: the highlighted one selected, its nearest countries
        marked, and its path drawn if the user asked for it (key t on the map).

        ``fresh`` (the map just opened, or another zone chosen): the map zooms into the zone
        chosen in the filter. Otherwise the zoom stays as the user left it (key z on the map).
        """
        culture_map = self.query_one("#browse-map", CultureMap)
        shown = self.query_one(CountryProfile).profile
        country_id = shown.country.id if shown else None
        nearest = tuple(n.point.country.id for n in shown.neighbours) if shown else ()
        zone = (self.zone.id if self.zone else None) if fresh else culture_map.zone
        path_on = culture_map.trajectory is not None
        culture_map.border_title = (
            _("Cultural map: {country} and its nearest countries underlined").format(
                country=shown.country.name
            )
            if shown
            else _("Cultural map")
        )
        culture_map.show(
            self.knowledge.countries,
            highlighted=nearest,
            zone=zone,
            trajectory=country_id if path_on else None,
        )
        if country_id is not None:
            if all(p.id != country_id for p in culture_map.drawn):
                culture_map.zoom(None)
            culture_map.select(country_id)

    @on(DataTable.RowHighlighted, "#countries-table")
    def _row_highlighted(self) -> None:
        self._show_highlighted()

    @on(Select.Changed, "#zone")
    def _zone_chosen(self, event: Select.Changed) -> None:
        self.show_zone(self.knowledge.zone(str(event.value)))
        self._focus_browse()

    def action_choose_zone(self) -> None:
        """Open the zone filter."""
        select = self.query_one("#zone", Select)
        select.focus()
        select.action_show_overlay()

    # ------------------------------------------------------------------ the map

    def _focus_browse(self) -> None:
        """Focus the list, or the map where it has taken the list's place."""
        if self.map_shown and not self.wide:
            self.query_one("#browse-map", CultureMap).focus()
        else:
            self.query_one(ListingTable).focus()

    def action_toggle_map(self) -> None:
        """Show the map in place of the profile (and of the list, when narrow), or go back."""
        self.map_shown = not self.map_shown
        self.query_one("#browse").set_class(self.map_shown, "-map")
        if self.map_shown:
            self._show_browse_map(fresh=True)
            self.query_one("#browse-map", CultureMap).focus()
        else:
            self.query_one(ListingTable).focus()

    @on(CultureMap.Selected, "#browse-map")
    def _browse_map_selected(self, event: CultureMap.Selected) -> None:
        """A country chosen on the map: the list and the profile follow."""
        event.stop()
        if event.country_id != self.query_one(ListingTable).highlighted_key:
            self.show_country(event.country_id, focus=False)

    @on(CultureMap.Opened, "#browse-map")
    def _browse_map_opened(self, event: CultureMap.Opened) -> None:
        """A country opened on the map: its profile, in the map's place."""
        event.stop()
        if self.map_shown:
            self.action_toggle_map()
        self.choose_country(event.country_id)

    # ------------------------------------------------------------------ comparing

    @property
    def compared(self) -> tuple[Country, ...]:
        """The compared countries, in the order they were added."""
        countries = (find_country(self.knowledge, i).found for i in self.compare_ids)
        return tuple(c for c in countries if c is not None)

    @property
    def comparison(self) -> Comparison:
        """The comparison of the compared countries, each at its map point."""
        return comparison(point(c) for c in self.compared)

    def _country_name(self, country_id: str) -> str:
        country = find_country(self.knowledge, country_id).found
        return country.name if country else country_id

    def compare_add(self, country_id: str) -> bool:
        """Put a country in the comparison; refused (with a message) when 6 are in it."""
        name = self._country_name(country_id)
        if country_id in self.compare_ids:
            self.notify(_("{country} is already in the comparison.").format(country=name))
            return False
        if len(self.compare_ids) >= COMPARE_MAX:
            self.notify(
                _(
                    "At most {most} countries can be compared, and {most} are in it already. "
                    "To add {country}, first take one out: x in the comparison (v), or Ctrl+P "
                    "and 'Compare: remove'."
                ).format(most=COMPARE_MAX, country=name),
                title=_("The comparison is full"),
                severity="warning",
                timeout=10,
            )
            return False
        self.compare_ids = (*self.compare_ids, country_id)
        self._compare_changed()
        self._countries_changed()
        return True

    def compare_remove(self, country_id: str) -> bool:
        """Take a country out of the comparison."""
        if country_id not in self.compare_ids:
            self.notify(
                _("{country} is not in the comparison.").format(
                    country=self._country_name(country_id)
                )
            )
            return False
        self.compare_ids = tuple(i for i in self.compare_ids if i != country_id)
        self._compare_changed()
        self._countries_changed()
        return True

    def compare_clear(self) -> None:
        """Take every country out of the comparison and go back to the list."""
        self.compare_ids = ()
        self._compare_changed()
        self._countries_changed()
        if self.view == "compare":
            self._set_view("browse")

    def _compare_changed(self) -> None:
        self._show_compare_set()
        country = self.highlighted_country
        pane = self.query_one(CountryProfile)
        if country is not None and pane.profile is not None:
            pane.show(pane.profile, self.knowledge, compared=country.id in self.compare_ids)

    def _show_compare_set(self) -> None:
        bar = self.query_one("#compare-bar", Static)
        names = [c.name for c in self.compared]
        if bar.display != bool(names):
            bar.display = bool(names)
            # The list grows or shrinks by a line: keep its cursor in view.
            self.call_after_refresh(self._keep_cursor_in_view)
        if names:
            bar.update(
                _("To compare ({count} of at most {most}): {names}").format(
                    count=len(names), most=COMPARE_MAX, names=", ".join(names)
                )
            )
        if self.view == "compare":
            self._show_comparison()

    def _keep_cursor_in_view(self) -> None:
        table = self.query_one(ListingTable)
        if table.row_count:
            table.move_cursor(row=table.cursor_row, animate=False)

    def _show_comparison(self) -> None:
        chosen = self.comparison
        self.query_one(ComparisonView).show(chosen, self.knowledge)
        self._show_compare_map()

    def _show_compare_map(self) -> None:
        """The map with every country, the compared ones marked; zoom and path as left."""
        culture_map = self.query_one("#compare-map", CultureMap)
        selected = self.query_one(ComparisonView).highlighted_id
        path_on = culture_map.trajectory is not None
        culture_map.show(
            self.knowledge.countries,
            highlighted=self.compare_ids,
            zone=culture_map.zone,
            trajectory=selected if path_on else None,
        )
        if selected is not None:
            self._select_on_compare_map(selected)

    def _select_on_compare_map(self, country_id: str) -> None:
        culture_map = self.query_one("#compare-map", CultureMap)
        if all(p.id != country_id for p in culture_map.drawn):
            culture_map.zoom(None)
        if culture_map.selected != country_id:
            culture_map.select(country_id)
            if culture_map.trajectory not in (None, country_id):
                culture_map.show_trajectory(country_id)

    def _set_view(self, view: View) -> None:
        self.view = view
        self.query_one("#culture-views", ContentSwitcher).current = view
        if view == "compare":
            self._show_comparison()
            if self.compare_map_shown and not self.wide:
                self.query_one("#compare-map", CultureMap).focus()
            else:
                self.query_one(ComparisonView).table.focus()
        else:
            self._focus_browse()
        self.refresh_bindings()

    def action_compare_add(self) -> None:
        """Put the highlighted country in the comparison."""
        country = self.highlighted_country
        if country is not None:
            self.compare_add(country.id)

    def action_compare_remove(self) -> None:
        """Take out the highlighted country (the list's, or the comparison table's)."""
        if self.view == "compare":
            chosen = self.query_one(ComparisonView).highlighted_id
            if chosen is None:
                self.notify(_("There is nothing to take out: the comparison is empty."))
                return
            self.compare_remove(chosen)
            return
        country = self.highlighted_country
        if country is not None:
            self.compare_remove(country.id)

    def action_open_compare(self) -> None:
        """Show the compared countries side by side (2 to 6 of them)."""
        count = len(self.compare_ids)
        if count < COMPARE_MIN:
            self.notify(
                ngettext(
                    "Add at least {need} more country to compare: highlight it and press a.",
                    "Add at least {need} more countries to compare: highlight one and press a.",
                    COMPARE_MIN - count,
                ).format(need=COMPARE_MIN - count),
                title=_("Nothing to compare yet"),
            )
            return
        self.show_comparison()

    def show_comparison(self) -> None:
        """Show the comparison, whatever is in it."""
        self._set_view("compare")

    def action_close_compare(self) -> None:
        """Back to the countries."""
        self._set_view("browse")

    def action_toggle_compare_map(self) -> None:
        """When narrow: the map in place of the comparison's table, or the table again."""
        self.compare_map_shown = not self.compare_map_shown
        self.query_one("#compare").set_class(self.compare_map_shown, "-map")
        if self.compare_map_shown:
            self.query_one("#compare-map", CultureMap).focus()
        else:
            self.query_one(ComparisonView).table.focus()

    @on(DataTable.RowHighlighted, "#compare-table")
    def _compare_row_highlighted(self) -> None:
        selected = self.query_one(ComparisonView).highlighted_id
        if self.view == "compare" and selected is not None:
            self._select_on_compare_map(selected)

    @on(DataTable.RowSelected, "#compare-table")
    def _compare_row_selected(self) -> None:
        self.action_open_profile()

    def action_open_profile(self) -> None:
        """Comparing: the profile of the country in the table, or of the one on the map."""
        culture_map = self.query_one("#compare-map", CultureMap)
        chosen = (
            culture_map.selected
            if culture_map.has_focus
            else self.query_one(ComparisonView).highlighted_id
        )
        if chosen is not None:
            self.show_country(chosen)

    @on(CultureMap.Selected, "#compare-map")
    def _compare_map_selected(self, event: CultureMap.Selected) -> None:
        """A country chosen on the comparison's map: the table follows if it is compared."""
        event.stop()
        self.query_one(ComparisonView).highlight(event.country_id)

    @on(CultureMap.Opened, "#compare-map")
    def _compare_map_opened(self, event: CultureMap.Opened) -> None:
        event.stop()
        self.show_country(event.country_id)
