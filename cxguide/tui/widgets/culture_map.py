"""The Inglehart–Welzel cultural map as a widget that can be read and moved around in.

A thin widget: ``cxguide.logic.culture_map.layout`` decides where every marker, label, title
and path goes (a pure, tested function); this widget only paints that grid, keeps the
selection, the zoom and the path shown, and turns keys and clicks into messages. The layout
is computed again when the size, the data, the selection, the zoom or the path change (the
selected country and its neighbours are always labelled, so a move can move labels).

The map reads without colour: each zone has its own glyph (the legend under the map says
which), the selected country is in reverse video and its nearest neighbours' labels are bold;
colours (one component class per zone, below) only add to that.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from cxguide.i18n import N_, _
from cxguide.knowledge.models import Country, Zone
from cxguide.logic.chart_grid import cell_width, shorten
from cxguide.logic.culture_map import (
    CAPTION,
    LABEL,
    MARKER,
    MIDLINE,
    NEIGHBOURS,
    PALETTE,
    PATH,
    STEP,
    TITLE,
    YEAR,
    AxisTitles,
    Cell,
    Direction,
    Extent,
    MapLayout,
    MapPoint,
    PathStep,
    ZoneKey,
    caption_text,
    default_titles,
    full_extent,
    layout,
    legend_rows,
    map_points,
    move,
    neighbours_of,
    paint,
    path_points,
    runs,
    scores_text,
    zone_extent,
    zone_keys,
)

# Below this height the legend is left out: the map and the status line only.
MIN_LEGEND_HEIGHT = 10


def _zone_css() -> str:
    rules = [
        f"CultureMap > .culture-map--zone-{index} {{\n        color: {colour};\n    }}"
        for index, colour in enumerate(PALETTE)
    ]
    return "\n    ".join(rules)


def _zone_class(key: ZoneKey | None) -> str:
    if key is None or key.index < 0:
        return "culture-map--zone-none"
    return f"culture-map--zone-{key.index % len(PALETTE)}"


class CultureMap(Widget, can_focus=True):
    """Every country at its point on the cultural map, zones told apart by glyph and colour.

    ``show`` gives it the countries to draw, those to emphasise (``highlighted``), a zone to
    zoom into (or None for the whole map) and a country whose path over its survey years to
    draw (or None). Arrow keys move to the nearest country in that direction, Enter opens;
    ``z`` zooms into the selected country's zone and back out (``+`` / ``-`` too); ``t`` shows
    or hides the selected country's path, which then follows the selection. A click selects, a
    second click (or a double click) on the selected country opens it. Under the map, the
    legend, then a line naming the selected country with its zone, survey year and scores.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"culture-map--zone-{index}" for index in range(len(PALETTE))),
        "culture-map--zone-none",
        "culture-map--marker",
        "culture-map--label",
        "culture-map--neighbour",
        "culture-map--highlight",
        "culture-map--selected",
        "culture-map--outside",
        "culture-map--path",
        "culture-map--midline",
        "culture-map--title",
        "culture-map--caption",
        "culture-map--legend",
        "culture-map--status",
    }
    DEFAULT_CSS = f"""
    CultureMap {{
        width: 1fr;
        height: 1fr;
        min-height: 8;
    }}
    {_zone_css()}
    CultureMap > .culture-map--zone-none {{
        color: $text-muted;
    }}
    CultureMap > .culture-map--marker {{
        text-style: bold;
    }}
    CultureMap > .culture-map--label {{
    }}
    CultureMap > .culture-map--neighbour {{
        text-style: bold;
    }}
    CultureMap > .culture-map--highlight {{
        text-style: bold underline;
    }}
    CultureMap > .culture-map--selected {{
        text-style: bold reverse;
    }}
    CultureMap > .culture-map--outside {{
        text-style: dim;
    }}
    CultureMap > .culture-map--path {{
        color: $text;
        text-style: bold;
    }}
    CultureMap > .culture-map--midline {{
        color: $text-muted;
    }}
    CultureMap > .culture-map--title {{
        color: $text-primary;
        text-style: bold;
    }}
    CultureMap > .culture-map--caption {{
        color: $text-accent;
        text-style: bold;
    }}
    CultureMap > .culture-map--legend {{
        color: $text;
    }}
    CultureMap > .culture-map--status {{
        color: $text-muted;
    }}
    """

    _MOVE = Binding.Group(N_("Move"), compact=True)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move('left')", N_("Left"), show=True, group=_MOVE, id="culture-map.left"),
        Binding("up", "move('up')", N_("Up"), show=True, group=_MOVE, id="culture-map.up"),
        Binding("down", "move('down')", N_("Down"), show=True, group=_MOVE, id="culture-map.down"),
        Binding(
            "right", "move('right')", N_("Right"), show=True, group=_MOVE, id="culture-map.right"
        ),
        Binding("enter", "open", N_("Open"), show=True, id="culture-map.open"),
        Binding("z", "toggle_zoom", N_("Zoom zone"), show=True, id="culture-map.zoom"),
        Binding("plus", "zoom_in", N_("Zoom in"), show=False, id="culture-map.zoom-in"),
        Binding("minus", "zoom_out", N_("Zoom out"), show=False, id="culture-map.zoom-out"),
        Binding("t", "toggle_path", N_("Path"), show=True, id="culture-map.path"),
    ]

    selected: reactive[str | None] = reactive(None)
    """The id of the selected country, or None."""

    class Selected(Message):
        """The user moved the selection to another country (by key or mouse)."""

        def __init__(self, culture_map: CultureMap, country_id: str) -> None:
            super().__init__()
            self.culture_map = culture_map
            self.country_id = country_id

        @property
        def control(self) -> CultureMap:
            return self.culture_map

    class ViewChanged(Message):
        """The user zoomed in or out, or showed or hid a path (``z``, ``+``, ``-``, ``t``)."""

        def __init__(
            self, culture_map: CultureMap, zone: str | None, trajectory: str | None
        ) -> None:
            super().__init__()
            self.culture_map = culture_map
            self.zone = zone
            self.trajectory = trajectory

        @property
        def control(self) -> CultureMap:
            return self.culture_map

    class Opened(Message):
        """The user asked to open a country (Enter, or a click on the selected one)."""

        def __init__(self, culture_map: CultureMap, country_id: str) -> None:
            super().__init__()
            self.culture_map = culture_map
            self.country_id = country_id

        @property
        def control(self) -> CultureMap:
            return self.culture_map

    def __init__(
        self,
        countries: Sequence[Country] = (),
        *,
        zones: Sequence[Zone] = (),
        selected: str | None = None,
        titles: AxisTitles | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._zones = tuple(zones)
        self._titles = titles or default_titles()
        self._keys: tuple[ZoneKey, ...] = ()
        self._key_of: dict[str | None, ZoneKey] = {}
        self._points: tuple[MapPoint, ...] = ()
        self._by_id: dict[str, MapPoint] = {}
        self._paths: dict[str, tuple[PathStep, ...]] = {}
        self._highlighted: tuple[str, ...] = ()
        self._zone: str | None = None
        self._trajectory: str | None = None
        self._extent: Extent = Extent(-1.0, 1.0, -1.0, 1.0)
        self._full: Extent = self._extent
        self._drawn: tuple[MapPoint, ...] = ()
        self._version = 0
        self._chart: MapLayout | None = None
        self._chart_key: tuple[object, ...] | None = None
        self._rows: list[list[Cell]] = []
        self._strips: dict[int, Strip] = {}
        self._run_styles: dict[tuple[str, str | None, str], Style] = {}
        self._legend: (
            tuple[tuple[int, int, tuple[ZoneKey, ...]], tuple[tuple[ZoneKey, ...], ...]] | None
        ) = None
        self._paint: tuple[Style, dict[str, Style]] | None = None
        self._painted_with: tuple[Style, dict[str, Style]] | None = None
        self._set_data(countries, ())
        start = selected if selected in self._by_id else self.home_id
        self.set_reactive(CultureMap.selected, start)

    # ------------------------------------------------------------------ data

    def _set_data(self, countries: Sequence[Country], highlighted: Collection[str]) -> None:
        self._keys = zone_keys(self._zones, countries)
        self._key_of = {key.id: key for key in self._keys}
        self._points = map_points(countries, self._keys)
        self._by_id = {p.id: p for p in self._points}
        self._paths = {c.id: path_points(c) for c in countries}
        self._highlighted = tuple(dict.fromkeys(h for h in highlighted if h in self._by_id))
        self._full = full_extent(self._points, (s for p in self._paths.values() for s in p))
        self._run_styles.clear()
        self._fit()

    def _fit(self) -> None:
        """The range shown and the countries in it, after a change of data, zoom or path."""
        if self._zone is not None and not any(p.zone == self._zone for p in self._points):
            self._zone = None
        if self._trajectory not in self._by_id:
            self._trajectory = None
        if self._zone is None:
            self._extent = self._full
        else:
            path = self._paths.get(self._trajectory, ()) if self._trajectory else ()
            self._extent = zone_extent(self._points, self._zone, path)
        self._drawn = tuple(p for p in self._points if self._extent.contains(p.x, p.y))
        self._version += 1

    def show(
        self,
        countries: Sequence[Country],
        highlighted: Collection[str] = (),
        zone: str | None = None,
        trajectory: str | None = None,
    ) -> None:
        """Draw these countries, zoomed into ``zone`` (None: the whole map), with the path of
        ``trajectory`` (None: no path); the selection stays if its country is still drawn."""
        self._zone, self._trajectory = zone, trajectory
        self._set_data(countries, highlighted)
        self._keep_selection()
        self.refresh()

    def _keep_selection(self) -> None:
        if not any(p.id == self.selected for p in self._drawn):
            self.selected = self.home_id

    @property
    def points(self) -> tuple[MapPoint, ...]:
        """Every country given, at its point, in the order given."""
        return self._points

    @property
    def drawn(self) -> tuple[MapPoint, ...]:
        """The countries inside the range shown (all of them unless zoomed)."""
        return self._drawn

    @property
    def highlighted(self) -> tuple[str, ...]:
        """The highlighted countries given to ``show`` (those given), in the order given."""
        return self._highlighted

    @property
    def zone(self) -> str | None:
        """The zone zoomed into, or None for the whole map."""
        return self._zone

    @property
    def trajectory(self) -> str | None:
        """The country whose path is drawn, or None."""
        return self._trajectory

    @property
    def legend(self) -> tuple[ZoneKey, ...]:
        """The legend's entries: every zone's glyph, and one for countries without a zone."""
        return self._keys

    @property
    def home_id(self) -> str | None:
        """Where the selection goes when it has nowhere else: a highlighted country drawn,
        else the zone's first member (zoomed), else the first country drawn, else None."""
        drawn = {p.id for p in self._drawn}
        for point in self._points:
            if point.id in self._highlighted and point.id in drawn:
                return point.id
        if self._zone is not None:
            member = next((p for p in self._drawn if p.zone == self._zone), None)
            if member is not None:
                return member.id
        return self._drawn[0].id if self._drawn else None

    def select(self, country_id: str) -> None:
        """Select a country (no message is sent); one that is not drawn clears the selection."""
        drawn = any(p.id == country_id for p in self._drawn)
        self.selected = country_id if drawn else None

    def zoom(self, zone_id: str | None) -> None:
        """Zoom into a zone (None: back to the whole map); the selection stays if still drawn."""
        self._zone = zone_id
        self._fit()
        self._keep_selection()
        self.refresh()

    def show_trajectory(self, country_id: str | None) -> None:
        """Draw this country's path over its survey years (None: hide the path)."""
        self._trajectory = country_id
        self._fit()
        self._keep_selection()
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _split(self) -> tuple[int, tuple[tuple[ZoneKey, ...], ...]]:
        """The map's height and the legend's rows for the current size."""
        width, height = self.size
        key = (width, height, self._keys)
        if self._legend is None or self._legend[0] != key:
            rows = legend_rows(self._keys, width) if height >= MIN_LEGEND_HEIGHT else ()
            self._legend = (key, rows)
        rows = self._legend[1]
        return max(height - 1 - len(rows), 1), rows

    def _caption(self) -> str | None:
        zone = self._key_of.get(self._zone) if self._zone is not None else None
        owner = self._by_id.get(self._trajectory) if self._trajectory else None
        return caption_text(
            zone.name if zone is not None else None,
            owner.name if owner is not None else None,
            self._paths.get(self._trajectory, ()) if self._trajectory else (),
        )

    @property
    def chart(self) -> MapLayout:
        """The layout for the current size, data, selection, zoom and path (computed once)."""
        width, height = self.size
        key = (width, height, self._version, self.selected)
        if self._chart is None or key != self._chart_key:
            map_height, _rows = self._split()
            self._chart = layout(
                self._drawn,
                width,
                map_height,
                self._titles,
                extent=self._extent,
                zone=self._zone,
                zoomed=self._zone is not None,
                selected=self.selected,
                neighbours=neighbours_of(self._points, self.selected, NEIGHBOURS)
                if self.selected
                else (),
                highlighted=self._highlighted,
                path_of=self._trajectory,
                path=self._paths.get(self._trajectory, ()) if self._trajectory else (),
                caption=self._caption(),
            )
            self._chart_key = key
            self._rows = [runs(line) for line in paint(self._chart)]
            self._strips.clear()
        return self._chart

    # ------------------------------------------------------------------ actions

    def watch_selected(self, _old: str | None, _new: str | None) -> None:
        self.refresh()

    def _choose(self, country_id: str | None) -> None:
        if country_id is None or country_id == self.selected:
            return
        self.selected = country_id
        if self._trajectory is not None and self._trajectory != country_id:
            self.show_trajectory(country_id)
        self.post_message(self.Selected(self, country_id))

    def action_move(self, direction: Direction) -> None:
        if self.selected is None:
            self._choose(self.home_id)
            return
        self._choose(move(self.chart, direction))

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self, self.selected))

    def _selected_zone(self) -> str | None:
        point = self._by_id.get(self.selected) if self.selected else None
        if point is None or point.zone is None or point.zone not in self._key_of:
            return None
        return point.zone

    def _view_changed(self) -> None:
        self.post_message(self.ViewChanged(self, self._zone, self._trajectory))

    def action_zoom_in(self) -> None:
        zone = self._selected_zone()
        if zone is None:
            self.app.bell()
        elif zone != self._zone:
            self.zoom(zone)
            self._view_changed()

    def action_zoom_out(self) -> None:
        if self._zone is not None:
            self.zoom(None)
            self._view_changed()

    def action_toggle_zoom(self) -> None:
        if self._zone is not None:
            self.action_zoom_out()
        else:
            self.action_zoom_in()

    def action_toggle_path(self) -> None:
        if self._trajectory is not None:
            self.show_trajectory(None)
        elif self.selected is not None:
            self.show_trajectory(self.selected)
        else:
            return
        self._view_changed()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        chart = self.chart
        if offset.y >= chart.height:
            return
        hit = chart.point_at(offset.y, offset.x)
        if hit is None:
            return
        event.stop()
        if hit == self.selected:
            self.post_message(self.Opened(self, hit))
        else:
            self._choose(hit)

    # ------------------------------------------------------------------ painting

    def notify_style_update(self) -> None:
        self._paint = None
        self._strips.clear()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint = None  # look the styles up once a frame, not once a line
        return super().render_lines(crop)

    def _paint_styles(self) -> tuple[Style, dict[str, Style]]:
        """The base style and the component styles; painted lines are kept while they hold."""
        if self._paint is None:
            fresh = (self.rich_style, self._styles())
            if fresh != self._painted_with:
                self._strips.clear()
                self._run_styles.clear()
                self._painted_with = fresh
            self._paint = fresh
        return self._paint

    def _styles(self) -> dict[str, Style]:
        names = (
            "marker",
            "label",
            "neighbour",
            "highlight",
            "selected",
            "outside",
            "path",
            "midline",
            "title",
            "caption",
            "legend",
            "status",
            "zone-none",
            *(f"zone-{index}" for index in range(len(PALETTE))),
        )
        return {
            name: self.get_component_rich_style(f"culture-map--{name}", partial=True)
            for name in names
        }

    def _zone_style(self, styles: dict[str, Style], zone: str | None) -> Style:
        return styles[_zone_class(self._key_of.get(zone)).removeprefix("culture-map--")]

    def render_line(self, y: int) -> Strip:
        chart = self.chart
        base, styles = self._paint_styles()
        strip = self._strips.get(y)
        if strip is None:
            strip = self._strips[y] = self._line(chart, y, base, styles)
        return strip

    def _line(self, chart: MapLayout, y: int, base: Style, styles: dict[str, Style]) -> Strip:
        width = self.size.width
        if y >= chart.height:
            _map_height, legend = self._split()
            index = y - chart.height
            if index < len(legend):
                return self._legend_line(legend[index], width, base, styles)
            if y == self.size.height - 1:
                return self._status_line(chart, width, base, styles)
            return Strip.blank(width, base)
        segments: list[Segment] = []
        memo = self._run_styles
        for text, kind, owner in self._rows[y]:
            point = self._by_id.get(owner) if owner is not None else None
            if point is not None and kind in (MARKER, LABEL):
                key: tuple[str, str | None, str] = (kind, point.zone, self._emphasis(chart, point))
            else:
                key = (kind, None, "")
            style = memo.get(key)
            if style is None:
                style = memo[key] = self._run_style(key, base, styles)
            segments.append(Segment(text, style))
        return Strip(segments).adjust_cell_length(width, base)

    def _emphasis(self, chart: MapLayout, point: MapPoint) -> str:
        """How a country is set off: selected, highlighted, neighbour, outside the zone, or ''."""
        if point.id == chart.selected:
            return "selected"
        outside = "+outside" if chart.zoomed and point.zone != chart.zone else ""
        if point.id in chart.highlighted:
            return "highlight" + outside
        if point.id in chart.neighbours:
            return "neighbour" + outside
        return outside

    def _run_style(
        self, key: tuple[str, str | None, str], base: Style, styles: dict[str, Style]
    ) -> Style:
        kind, zone, emphasis = key
        if kind == MIDLINE:
            return base + styles["midline"]
        if kind == TITLE:
            return base + styles["title"]
        if kind == CAPTION:
            return base + styles["caption"]
        if kind in (PATH, STEP, YEAR):
            return base + styles["path"]
        if kind not in (MARKER, LABEL):
            return base
        style = base + self._zone_style(styles, zone)
        if kind == MARKER:
            style += styles["marker"]
        else:
            style += styles["label"]
            for name in ("highlight", "neighbour"):
                if emphasis.startswith(name):
                    style += styles[name]
        if emphasis.endswith("outside"):
            style += styles["outside"]
        if emphasis == "selected":
            style += styles["selected"]
        return style

    def _legend_line(
        self, keys: Sequence[ZoneKey], width: int, base: Style, styles: dict[str, Style]
    ) -> Strip:
        segments: list[Segment] = []
        for index, key in enumerate(keys):
            if index:
                segments.append(Segment("  ", base))
            zone_style = base + self._zone_style(styles, key.id)
            segments.append(Segment(key.glyph, zone_style + styles["marker"]))
            name = shorten(key.name, width - 2) if len(keys) == 1 else key.name
            segments.append(Segment(" " + name, base + styles["legend"]))
        return Strip(segments).adjust_cell_length(width, base)

    def _status_line(
        self, chart: MapLayout, width: int, base: Style, styles: dict[str, Style]
    ) -> Strip:
        """The selected country: glyph, name and code, zone, survey year and both scores."""
        status = base + styles["status"]
        point = self._by_id.get(self.selected) if self.selected else None
        segments: list[Segment] = []
        if not self._points:
            segments.append(Segment(_("No country to draw."), status))
        elif not self._drawn:
            segments.append(Segment(_("No country in this part of the map."), status))
        elif point is not None:
            key = self._key_of.get(point.zone)
            zone = key.name if key is not None and key.index >= 0 else _("no zone given")
            segments.append(Segment(point.glyph, base + self._zone_style(styles, point.zone)))
            segments.append(Segment(" ", status))
            segments.append(
                Segment(f"{point.name} ({point.code})", base + styles["marker"] + styles["label"])
            )
            detail = _(" {year} · {scores} · {zone}").format(
                year=point.year, scores=scores_text(point), zone=zone
            )
            segments.append(Segment(detail, status))
        used = sum(cell_width(s.text) for s in segments)
        if used > width:
            text = shorten("".join(s.text for s in segments), width)
            segments = [Segment(text, status)]
        return Strip(segments).adjust_cell_length(width, base)
