"""Where everything goes on the cultural map: a pure grid layout of the Inglehart–Welzel plane.

The map is survival (x -, left) to self-expression (x +, right) values by traditional (y -,
bottom) to secular-rational (y +, top) values. Each country is drawn at its point
(``cxguide.logic.culture.point``: the survey year the 2023 map draws, else the latest) with its
zone's glyph, so zones are told apart without colour; ``layout`` turns the points into cells
of a ``width`` x ``height`` grid (row 0 at the top): the plot box, one marker per country, the
dotted zero lines, labels that never overlap, the four pole titles, a caption, and optionally
one country's path over its survey years. ``paint`` turns a layout into characters, which the
TUI widget styles, the CLI prints and the SVG export reads its coordinates from.

Rules, stated once:

- The plot range is every drawn point with a margin, or, zoomed into a zone, that zone's
  members (and the path shown, if any) with a wider margin; countries outside it are not drawn.
- Labels are the country's name where there is room, else its ISO code, else left out. The
  selected country, its nearest neighbours and then the highlighted countries are labelled
  first and always (next to their marker if they can be, else in the nearest free place;
  only a plot with no room at all leaves them out); then the path's years; then every other
  country gets its code where it fits (the most crowded first), and codes become names where
  the name fits.
- Neighbours are measured as ``cxguide.logic.culture.neighbours`` does: straight-line
  distance on the two axes, ties by name.

No Textual, no Rich: only numbers and strings, so it is easy to test.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from cxguide.i18n import _
from cxguide.knowledge.models import Country, Knowledge, ValueDimension, Zone
from cxguide.logic import culture
from cxguide.logic.chart_grid import (
    MARKER_PAD,
    AxisTitles,
    Box,
    Direction,
    Grid,
    PlacedLabel,
    PlacedTitle,
    best_spot,
    block_label,
    cell_width,
    fit_row,
    hit_test,
    mark_marker,
    nearest_free_spot,
    nearest_in_direction,
    place_markers,
    place_titles,
    plot_box,
    round_half_up,
    to_cell,
)

__all__ = [
    "BLANK",
    "CAPTION",
    "LABEL",
    "MARKER",
    "MIDLINE",
    "NEIGHBOURS",
    "PATH",
    "STEP",
    "TITLE",
    "YEAR",
    "NO_ZONE_GLYPH",
    "PALETTE",
    "ZONE_GLYPHS",
    "AxisTitles",
    "Cell",
    "Direction",
    "Extent",
    "MapLayout",
    "MapPoint",
    "PathStep",
    "ZoneKey",
    "MapView",
    "caption_text",
    "default_titles",
    "fit_extent",
    "full_extent",
    "layout",
    "legend_rows",
    "legend_text",
    "map_points",
    "map_view",
    "move",
    "neighbours_of",
    "paint",
    "path_points",
    "runs",
    "scores_text",
    "text_lines",
    "titles_from",
    "zone_extent",
    "zone_keys",
]

# One glyph per zone, in the knowledge's zone order: the zones are told apart without colour.
ZONE_GLYPHS = ("●", "■", "▲", "◆", "▼", "★", "✚", "✕")
# Zones beyond the glyphs above get a letter each.
EXTRA_GLYPHS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
NO_ZONE_GLYPH = "○"
# A colour per zone, in the same order (the Tableau 10 palette, made to be told apart); the
# widget and the SVG both use it, and neither depends on it.
PALETTE = (
    "#5B9BD5",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
)
NO_ZONE_COLOUR = "#9C9C9C"
# The path of one country over its survey years: a glyph per earlier survey, dots between.
PATH_GLYPH = "◦"
PATH_LINE = "·"
# The dotted zero lines (the middle of each axis's scale, not a country average).
MID_H, MID_V, MID_CROSS = "┄", "┆", "┼"
# How many nearest countries are labelled with the selected one.
NEIGHBOURS = 5
# Blank cells kept between two labels on one row.
LABEL_GAP = 2
# The margin round the plotted points, as a share of their range, and at least this much.
FULL_MARGIN, ZOOM_MARGIN, MIN_MARGIN = 0.04, 0.12, 0.1
# A zoomed range is at least this wide on each axis (a zone of one or two countries).
MIN_ZOOM_SPAN = 0.8


# --------------------------------------------------------------------------- points


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One country where the map draws it: its point's survey year and both scores."""

    id: str
    name: str
    code: str
    zone: str | None
    glyph: str
    year: int
    x: float  # survival (-) to self-expression (+)
    y: float  # traditional (-) to secular-rational (+)


@dataclass(frozen=True, slots=True)
class ZoneKey:
    """A zone's entry in the legend: its glyph and colour index (-1: no zone given)."""

    id: str | None
    name: str
    glyph: str
    index: int

    @property
    def colour(self) -> str:
        return PALETTE[self.index % len(PALETTE)] if self.index >= 0 else NO_ZONE_COLOUR


def zone_keys(zones: Sequence[Zone], countries: Iterable[Country] = ()) -> tuple[ZoneKey, ...]:
    """A key for every zone, in the knowledge's order, then one for countries without a zone
    if any of ``countries`` has none. Without ``zones``, the countries' zone ids in the order
    first met stand in for them (named by their ids)."""
    countries = tuple(countries)
    named = [(zone.id, zone.name) for zone in zones]
    if not named:
        ids = dict.fromkeys(c.zone for c in countries if c.zone is not None)
        named = [(zone_id, zone_id) for zone_id in ids]
    keys = []
    for index, (zone_id, name) in enumerate(named):
        if index < len(ZONE_GLYPHS):
            glyph = ZONE_GLYPHS[index]
        else:
            extra = index - len(ZONE_GLYPHS)
            glyph = EXTRA_GLYPHS[extra] if extra < len(EXTRA_GLYPHS) else "?"
        keys.append(ZoneKey(zone_id, name, glyph, index))
    known = {zone_id for zone_id, _name in named}
    if any(c.zone is None or c.zone not in known for c in countries):
        keys.append(ZoneKey(None, _("No zone given"), NO_ZONE_GLYPH, -1))
    return tuple(keys)


def map_points(countries: Iterable[Country], keys: Sequence[ZoneKey]) -> tuple[MapPoint, ...]:
    """Each country at its point (the 2023 map's survey year, else its latest), in the
    countries' order, with its zone's glyph."""
    glyphs = {key.id: key.glyph for key in keys}
    points = []
    for country in countries:
        chosen = culture.point(country)
        points.append(
            MapPoint(
                id=country.id,
                name=country.name,
                code=country.iso3 or country.id,
                zone=country.zone,
                glyph=glyphs.get(country.zone, NO_ZONE_GLYPH),
                year=chosen.score.year,
                x=chosen.x,
                y=chosen.y,
            )
        )
    return tuple(points)


@dataclass(frozen=True, slots=True)
class PathStep:
    """One survey year of a country's path: where it stood that year."""

    year: int
    x: float
    y: float


def path_points(country: Country) -> tuple[PathStep, ...]:
    """The country's point in every survey year, oldest first."""
    return tuple(PathStep(p.score.year, p.x, p.y) for p in culture.path(country))


def neighbours_of(
    points: Sequence[MapPoint], point_id: str, n: int = NEIGHBOURS
) -> tuple[str, ...]:
    """The ids of the ``n`` points nearest to ``point_id``: the rule of
    ``cxguide.logic.culture.neighbours`` (distance to 4 places, ties by name)."""
    origin = next((p for p in points if p.id == point_id), None)
    if origin is None:
        return ()
    others = sorted(
        (
            (round(math.hypot(p.x - origin.x, p.y - origin.y), 4), p.name.casefold(), p.id)
            for p in points
            if p.id != point_id
        ),
    )
    return tuple(item[2] for item in others[: max(n, 0)])


def default_titles() -> AxisTitles:
    """The four poles in cxguide's words (used when the knowledge's are not given)."""
    return AxisTitles(
        top=_("Secular-rational values"),
        bottom=_("Traditional values"),
        left=_("Survival values"),
        right=_("Self-expression values"),
    )


def titles_from(dimensions: Sequence[ValueDimension]) -> AxisTitles:
    """The four poles named as the knowledge names them (x: survival / self-expression,
    y: traditional / secular-rational); missing dimensions keep cxguide's words."""
    titles = default_titles()
    by_axis = {d.axis: d for d in dimensions}
    y, x = by_axis.get("y"), by_axis.get("x")
    return AxisTitles(
        top=y.positive_pole.name if y else titles.top,
        bottom=y.negative_pole.name if y else titles.bottom,
        left=x.negative_pole.name if x else titles.left,
        right=x.positive_pole.name if x else titles.right,
    )


def scores_text(point: MapPoint) -> str:
    """Both scores, each named by the pole its sign leans to ('self-expression +2.16 ·
    secular-rational +0.89'), or by its axis when it is close to the middle."""
    if abs(point.x) < culture.SAME_WITHIN:
        x = _("survival–self-expression {value:+.2f}")
    elif point.x > 0:
        x = _("self-expression {value:+.2f}")
    else:
        x = _("survival {value:+.2f}")
    if abs(point.y) < culture.SAME_WITHIN:
        y = _("traditional–secular {value:+.2f}")
    elif point.y > 0:
        y = _("secular-rational {value:+.2f}")
    else:
        y = _("traditional {value:+.2f}")
    return f"{x.format(value=point.x)} · {y.format(value=point.y)}"


# --------------------------------------------------------------------------- range


@dataclass(frozen=True, slots=True)
class Extent:
    """The part of the plane the plot shows, in map units."""

    x_min: float
    x_max: float
    y_min: float
    y_max: float

    def contains(self, x: float, y: float) -> bool:
        return self.x_min <= x <= self.x_max and self.y_min <= y <= self.y_max

    def normalise(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) on -1 .. +1 across the range (the scale ``chart_grid`` works on)."""
        return (
            (x - self.x_min) / (self.x_max - self.x_min) * 2.0 - 1.0,
            (y - self.y_min) / (self.y_max - self.y_min) * 2.0 - 1.0,
        )

    def scale(self, u: float, v: float) -> tuple[float, float]:
        """The map position of (u, v) on -1 .. +1: the inverse of ``normalise``."""
        return (
            self.x_min + (u + 1.0) / 2.0 * (self.x_max - self.x_min),
            self.y_min + (v + 1.0) / 2.0 * (self.y_max - self.y_min),
        )


def fit_extent(
    coords: Iterable[tuple[float, float]], margin: float, min_span: float = 0.0
) -> Extent:
    """The range of ``coords`` widened by ``margin`` of its size on each side (at least
    ``MIN_MARGIN``) and to at least ``min_span`` across; a unit square round 0 without coords."""
    xs, ys = [], []
    for x, y in coords:
        xs.append(x)
        ys.append(y)
    if not xs:
        return Extent(-1.0, 1.0, -1.0, 1.0)

    def widen(low: float, high: float) -> tuple[float, float]:
        pad = max((high - low) * margin, MIN_MARGIN)
        low, high = low - pad, high + pad
        if high - low < min_span:
            middle = (low + high) / 2.0
            low, high = middle - min_span / 2.0, middle + min_span / 2.0
        return low, high

    x_min, x_max = widen(min(xs), max(xs))
    y_min, y_max = widen(min(ys), max(ys))
    return Extent(x_min, x_max, y_min, y_max)


def full_extent(points: Sequence[MapPoint], path: Iterable[PathStep] = ()) -> Extent:
    """The whole map: every point and every step of ``path`` (pass every country's path for a
    range that stays put whichever path is shown), with a margin."""
    return fit_extent([*((p.x, p.y) for p in points), *((s.x, s.y) for s in path)], FULL_MARGIN)


def zone_extent(
    points: Sequence[MapPoint], zone_id: str | None, path: Iterable[PathStep] = ()
) -> Extent:
    """One zone's members (``None``: the countries without a zone) and the path, with a margin."""
    members = [(p.x, p.y) for p in points if p.zone == zone_id]
    return fit_extent([*members, *((s.x, s.y) for s in path)], ZOOM_MARGIN, MIN_ZOOM_SPAN)


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True, slots=True)
class MapLayout:
    """Everything on the map, in cells of a ``width`` x ``height`` grid (row 0 at the top).

    ``points`` are the countries drawn (inside ``extent``); each has a marker unless the plot
    has fewer cells than points. ``labels`` name countries, ``years`` the path's survey years.
    ``mid_row`` / ``mid_col`` are the zero lines, None when zero is outside the range.
    """

    width: int
    height: int
    box: Box
    extent: Extent
    mid_row: int | None
    mid_col: int | None
    points: tuple[MapPoint, ...]
    markers: Mapping[str, tuple[int, int]]
    labels: tuple[PlacedLabel, ...]
    titles: tuple[PlacedTitle, ...]
    caption: PlacedTitle | None
    selected: str | None
    neighbours: tuple[str, ...]
    highlighted: frozenset[str]
    zone: str | None
    zoomed: bool
    path_of: str | None
    path: tuple[PathStep, ...]
    steps: Mapping[int, tuple[int, int]]  # survey year -> cell, for the path's earlier years
    path_line: tuple[tuple[int, int], ...]
    years: tuple[PlacedLabel, ...]

    def label_of(self, point_id: str) -> PlacedLabel | None:
        return next((label for label in self.labels if label.point_id == point_id), None)

    def point(self, point_id: str | None) -> MapPoint | None:
        return next((p for p in self.points if p.id == point_id), None)

    def point_at(self, row: int, col: int) -> str | None:
        """The country a click on cell (row, col) means: its marker or label, or one next to it."""
        return hit_test(self.markers, self.labels, row, col)

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        """The cell of the map position (x, y) (clamped to the plot)."""
        u, v = self.extent.normalise(x, y)
        return to_cell(u, v, self.box)


def _line_cells(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    """The cells strictly between two cells on a straight line."""
    (r0, c0), (r1, c1) = start, end
    steps = max(abs(r1 - r0), abs(c1 - c0))
    cells: list[tuple[int, int]] = []
    for step in range(1, steps):
        t = step / steps
        cell = (round_half_up(r0 + (r1 - r0) * t), round_half_up(c0 + (c1 - c0) * t))
        if cell != start and cell != end and (not cells or cells[-1] != cell):
            cells.append(cell)
    return cells


class _Placer:
    """Places labels on a grid one by one, each next to its marker if it can."""

    def __init__(self, grid: Grid, box: Box, markers: Mapping[str, tuple[int, int]]) -> None:
        self.grid, self.box, self.markers = grid, box, markers

    def place(
        self, point_id: str, texts: Sequence[str], cell: tuple[int, int], anywhere: bool
    ) -> PlacedLabel | None:
        """The first of ``texts`` that fits next to the marker at ``cell`` (with ``anywhere``:
        else the shortest in the nearest free place), blocked on the grid; or None."""
        grid, (row, col) = self.grid, cell
        # Other labels keep away from a marker; its own label starts one cell after it.
        mark_marker(grid, row, col, by=-1, own=True)
        label = None
        for text in texts:
            spot = best_spot(grid, self.box, cell, cell_width(text))
            if spot is not None:
                label = PlacedLabel(point_id, text, *spot)
                break
        if label is None and anywhere:
            for text in reversed(texts):
                spot = nearest_free_spot(grid, self.box, cell, cell_width(text))
                if spot is not None:
                    label = PlacedLabel(point_id, text, *spot)
                    break
        mark_marker(grid, row, col, by=1, own=True)
        if label is not None:
            block_label(grid, label, LABEL_GAP)
        return label

    def keep(self, label: PlacedLabel, cell: tuple[int, int]) -> bool:
        """Block ``label`` (of the marker at ``cell``) if it is still free, and say whether."""
        hard = self.grid.hard[label.row]
        row, col = cell
        for at in range(label.col, label.end + 1):
            own_pad = label.row == row and 0 < abs(at - col) <= MARKER_PAD
            if hard[at] > (1 if own_pad else 0):
                return False
        block_label(self.grid, label, LABEL_GAP)
        return True

    def codes_then_names(self, points: Sequence[MapPoint], labels: dict[str, PlacedLabel]) -> None:
        """A code for each point wherever one fits (the most crowded first), then the name
        for each code where the name fits; into ``labels``."""
        crowding = _crowding({p.id: self.markers[p.id] for p in points}, self.markers)
        for point in sorted(points, key=lambda p: -crowding[p.id]):
            found = self.place(point.id, (point.code,), self.markers[point.id], anywhere=False)
            if found is not None:
                labels[point.id] = found
        for point in points:
            code = labels.get(point.id)
            if code is None or point.name == point.code:
                continue
            block_label(self.grid, code, LABEL_GAP, by=-1)
            found = self.place(point.id, (point.name,), self.markers[point.id], anywhere=False)
            if found is not None:
                labels[point.id] = found
            else:
                block_label(self.grid, code, LABEL_GAP)


def _crowding(
    mine: Mapping[str, tuple[int, int]], every: Mapping[str, tuple[int, int]]
) -> dict[str, int]:
    """How many other markers are within a row and six columns of each of ``mine``."""
    by_row: dict[int, list[int]] = {}
    for row, col in every.values():
        by_row.setdefault(row, []).append(col)
    counts = {}
    for point_id, (row, col) in mine.items():
        near = sum(
            1
            for line in (row - 1, row, row + 1)
            for other in by_row.get(line, ())
            if abs(other - col) <= 6
        )
        counts[point_id] = near - 1
    return counts


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a layout keeps while the selection and the path change: the markers and the
    labels as they are placed when no country is labelled first and no path is drawn."""

    markers: Mapping[str, tuple[int, int]]
    labels: tuple[PlacedLabel, ...]


def _grid(
    width: int,
    height: int,
    box: Box,
    markers: Mapping[str, tuple[int, int]],
    steps: Mapping[int, tuple[int, int]],
    line: Sequence[tuple[int, int]],
) -> Grid:
    grid = Grid(width, height)
    for row in range(height):  # labels stay inside the plot box (titles are outside it)
        grid.block(row, 0, box.left - 1)
        grid.block(row, box.right + 1, width - 1)
    for row in (*range(0, box.top), *range(box.bottom + 1, height)):
        grid.block(row, 0, width - 1)
    for row, col in markers.values():
        mark_marker(grid, row, col)
    for row, col in steps.values():
        mark_marker(grid, row, col)
    for row, col in line:
        grid.block(row, col, col, soft=True)
    return grid


@functools.lru_cache(maxsize=8)
def _frame(
    drawn: tuple[MapPoint, ...], width: int, height: int, box: Box, extent: Extent
) -> _Frame:
    markers = place_markers([(p.id, *extent.normalise(p.x, p.y)) for p in drawn], box)
    placer = _Placer(_grid(width, height, box, markers, {}, ()), box, markers)
    labels: dict[str, PlacedLabel] = {}
    placer.codes_then_names([p for p in drawn if p.id in markers], labels)
    return _Frame(markers=MappingProxyType(markers), labels=tuple(labels.values()))


def _path_cells(
    owner: MapPoint,
    path: Sequence[PathStep],
    markers: Mapping[str, tuple[int, int]],
    box: Box,
    extent: Extent,
) -> tuple[dict[int, tuple[int, int]], list[tuple[int, int]]]:
    """The path's earlier survey years off the countries' markers, and the dots between them
    (consecutive survey years are joined; a year outside the range breaks the line)."""
    others = [s for s in path if s.year != owner.year and extent.contains(s.x, s.y)]
    placed = place_markers(
        [(str(s.year), *extent.normalise(s.x, s.y)) for s in others],
        box,
        taken=set(markers.values()),
    )
    steps = {int(year): spot for year, spot in placed.items()}
    chain = [markers[owner.id] if s.year == owner.year else steps.get(s.year) for s in path]
    occupied = set(markers.values()) | set(steps.values())
    line: list[tuple[int, int]] = []
    for start, end in zip(chain, chain[1:], strict=False):
        if start is not None and end is not None:
            line.extend(c for c in _line_cells(start, end) if c not in occupied)
    return steps, list(dict.fromkeys(line))


def layout(
    points: Sequence[MapPoint],
    width: int,
    height: int,
    titles: AxisTitles,
    *,
    extent: Extent | None = None,
    zone: str | None = None,
    zoomed: bool = False,
    selected: str | None = None,
    neighbours: Sequence[str] = (),
    highlighted: Collection[str] = (),
    path_of: str | None = None,
    path: Sequence[PathStep] = (),
    caption: str | None = None,
) -> MapLayout:
    """Lay ``points`` out on a ``width`` x ``height`` grid of cells.

    Rows 0 and ``height - 1`` hold the pole titles (top: secular-rational; bottom: traditional
    in the middle, survival at the left and self-expression at the right) and row 0 also the
    ``caption`` at the left where it fits; the plot box fills the rows between. Without an
    ``extent``, the whole map's (``full_extent``); ``zoomed`` says the range is ``zone``'s.
    Points outside the range are not drawn. ``path`` (of the country ``path_of``) is drawn as
    a glyph per earlier survey year, dotted lines between, and the years as labels. Labels
    never overlap one another, a marker, a title or the caption, and stay in the plot box.

    The selected country, its ``neighbours`` and the ``highlighted`` ones are labelled first,
    then the path's years; then every label of the layout without them (and without the
    path) is kept where it still fits, and the countries whose label no longer fits are
    labelled again (code, then name). That layout is remembered for the same points, size and
    range, so moving the selection, or the path with it, costs little. The same input gives
    the same layout.
    """
    width, height = max(width, 1), max(height, 1)
    box, titled = plot_box(width, height)
    shown_path = tuple(path) if path_of is not None else ()
    if extent is None:
        extent = full_extent(points, shown_path)
    drawn = tuple(p for p in points if extent.contains(p.x, p.y))
    drawn_ids = {p.id for p in drawn}

    def cell(x: float, y: float) -> tuple[int, int]:
        return to_cell(*extent.normalise(x, y), box)

    mid_row = cell(0.0, 0.0)[0] if extent.y_min <= 0.0 <= extent.y_max else None
    mid_col = cell(0.0, 0.0)[1] if extent.x_min <= 0.0 <= extent.x_max else None
    centre_col = (box.left + box.right) // 2
    placed_titles = place_titles(titles, width, height, centre_col) if titled else []
    placed_caption = None
    if titled:
        placed_caption, placed_titles = _caption(caption, placed_titles, width)

    frame = _frame(drawn, width, height, box, extent)
    markers = frame.markers
    owner = next((p for p in drawn if p.id == path_of), None)
    steps: dict[int, tuple[int, int]] = {}
    line: list[tuple[int, int]] = []
    if owner is not None and owner.id in markers and shown_path:
        steps, line = _path_cells(owner, shown_path, markers, box, extent)
    else:
        owner = None
    placer = _Placer(_grid(width, height, box, markers, steps, line), box, markers)

    by_id = {p.id: p for p in drawn}
    near = tuple(n for n in neighbours if n in drawn_ids and n != selected)
    chosen = selected if selected in drawn_ids else None
    first = [*((chosen,) if chosen else ()), *near]
    first += [h for h in highlighted if h in drawn_ids and h not in first]
    labels: dict[str, PlacedLabel] = {}
    for point_id in first:
        if point_id in markers:
            point = by_id[point_id]
            texts = (point.name, point.code)
            found = placer.place(point_id, texts, markers[point_id], anywhere=True)
            if found is not None:
                labels[point_id] = found

    years = []
    for year, step in steps.items():
        found = placer.place(f"{path_of}@{year}", (str(year),), step, anywhere=False)
        if found is not None:
            years.append(found)

    again: list[MapPoint] = []
    for label in frame.labels:
        if label.point_id in labels:
            continue
        if placer.keep(label, markers[label.point_id]):
            labels[label.point_id] = label
        else:
            again.append(by_id[label.point_id])
    placer.codes_then_names(again, labels)

    order = {p.id: index for index, p in enumerate(drawn)}
    return MapLayout(
        width=width,
        height=height,
        box=box,
        extent=extent,
        mid_row=mid_row,
        mid_col=mid_col,
        points=drawn,
        markers=markers,
        labels=tuple(sorted(labels.values(), key=lambda label: order[label.point_id])),
        titles=tuple(placed_titles),
        caption=placed_caption,
        selected=chosen,
        neighbours=near,
        highlighted=frozenset(h for h in highlighted if h in drawn_ids),
        zone=zone,
        zoomed=zoomed,
        path_of=owner.id if owner is not None else None,
        path=shown_path if owner is not None else (),
        steps=MappingProxyType(steps),
        path_line=tuple(line),
        years=tuple(years),
    )


def _caption(
    text: str | None, titles: list[PlacedTitle], width: int
) -> tuple[PlacedTitle | None, list[PlacedTitle]]:
    """The caption on row 0 and the titles, the top one moved if need be.

    The caption goes at the left, or right-aligned if there is more room right of the top
    title, two cells clear of it; when it fits on neither side, the top title moves to the
    right end and the caption takes the rest of the row (shortened with '…' if it must be).
    """
    if not text:
        return None, titles
    top = next((t for t in titles if t.row == 0), None)
    if top is None:
        (fitted,) = fit_row([text], width, 0)
        return (PlacedTitle("top", fitted, 0, 0) if fitted.strip() else None), titles
    size = cell_width(text)
    left_room = top.col - 2
    right_room = width - (top.col + top.width + 2)
    if size <= left_room:
        return PlacedTitle("top", text, 0, 0), titles
    if size <= right_room:
        return PlacedTitle("top", text, 0, width - size), titles
    moved = PlacedTitle(top.side, top.text, 0, max(width - top.width, 0))
    titles = [moved if t is top else t for t in titles]
    room = moved.col - 2
    (fitted,) = fit_row([text], room, 0)
    if room <= 0 or not fitted.strip() or cell_width(fitted) > room:
        return None, titles
    return PlacedTitle("top", fitted, 0, 0), titles


# --------------------------------------------------------------------------- navigation


def move(chart: MapLayout, direction: Direction) -> str | None:
    """The drawn country an arrow key moves to from the selected one; None when there is none
    that way (or nothing is selected)."""
    if chart.selected is None:
        return None
    return nearest_in_direction(chart.points, chart.selected, direction)


# --------------------------------------------------------------------------- painting

# What a cell shows: its character, the kind of thing and the point it belongs to (if any).
BLANK, MIDLINE, PATH, STEP, YEAR, LABEL, MARKER, TITLE, CAPTION = (
    "blank",
    "midline",
    "path",
    "step",
    "year",
    "label",
    "marker",
    "title",
    "caption",
)
Cell = tuple[str, str, str | None]


def paint(chart: MapLayout) -> list[list[Cell]]:
    """The map as rows of cells, painted in order: zero lines, the path, labels, markers,
    titles. A wide character's second cell holds ''."""
    cells: list[list[Cell]] = [[(" ", BLANK, None)] * chart.width for _row in range(chart.height)]
    box = chart.box

    def put(row: int, col: int, text: str, kind: str, owner: str | None) -> None:
        for char in text:
            size = cell_width(char)
            if not (0 <= row < chart.height and 0 <= col and col + size <= chart.width):
                return
            cells[row][col] = (char, kind, owner)
            for extra in range(1, size):
                cells[row][col + extra] = ("", kind, owner)
            col += size

    if chart.mid_row is not None:
        put(chart.mid_row, box.left, MID_H * (box.right - box.left + 1), MIDLINE, None)
    if chart.mid_col is not None:
        for row in range(box.top, box.bottom + 1):
            put(row, chart.mid_col, MID_V, MIDLINE, None)
        if chart.mid_row is not None:
            put(chart.mid_row, chart.mid_col, MID_CROSS, MIDLINE, None)
    for row, col in chart.path_line:
        put(row, col, PATH_LINE, PATH, chart.path_of)
    for label in (*chart.labels, *chart.years):
        # The dotted zero lines stop one cell short of a label, so it stands free.
        for col in (label.col - 1, label.end + 1):
            if 0 <= col < chart.width and cells[label.row][col][1] == MIDLINE:
                cells[label.row][col] = (" ", BLANK, None)
        kind = YEAR if label in chart.years else LABEL
        put(label.row, label.col, label.text, kind, label.point_id)
    for year, (row, col) in chart.steps.items():
        put(row, col, PATH_GLYPH, STEP, f"{chart.path_of}@{year}")
    by_id = {p.id: p for p in chart.points}
    for point_id, (row, col) in chart.markers.items():
        put(row, col, by_id[point_id].glyph, MARKER, point_id)
    for title in chart.titles:
        put(title.row, title.col, title.text, TITLE, None)
    if chart.caption is not None:
        put(chart.caption.row, chart.caption.col, chart.caption.text, CAPTION, None)
    return cells


def runs(line: Sequence[Cell]) -> list[Cell]:
    """A row of cells as runs of neighbouring cells of the same kind and owner."""
    merged: list[Cell] = []
    chars: list[str] = []
    kind: str | None = None
    owner: str | None = None
    for char, cell_kind, cell_owner in line:
        if cell_kind != kind or cell_owner != owner:
            if kind is not None:
                merged.append(("".join(chars), kind, owner))
            chars, kind, owner = [], cell_kind, cell_owner
        chars.append(char)
    if kind is not None:
        merged.append(("".join(chars), kind, owner))
    return merged


def text_lines(chart: MapLayout) -> list[str]:
    """The map as plain lines of characters (trailing blanks removed)."""
    return ["".join(char for char, _kind, _owner in line).rstrip() for line in paint(chart)]


# --------------------------------------------------------------------------- legend


def legend_text(key: ZoneKey) -> str:
    return f"{key.glyph} {key.name}"


def legend_rows(
    keys: Sequence[ZoneKey], width: int, gap: int = 2
) -> tuple[tuple[ZoneKey, ...], ...]:
    """The legend's entries in rows of at most ``width`` cells, ``gap`` cells apart, in order
    (an entry wider than a row gets a row of its own)."""
    rows: list[list[ZoneKey]] = []
    used = 0
    for key in keys:
        size = cell_width(legend_text(key))
        if rows and used + gap + size <= width:
            rows[-1].append(key)
            used += gap + size
        else:
            rows.append([key])
            used = size
    return tuple(tuple(row) for row in rows)


# --------------------------------------------------------------------------- a whole view


def caption_text(
    zone_name: str | None, country_name: str | None, path: Sequence[PathStep]
) -> str | None:
    """What the map's first row says it shows: the zone zoomed into and the path drawn."""
    parts = []
    if zone_name is not None:
        parts.append(_("Zoomed into {zone}").format(zone=zone_name))
    if country_name is not None and path:
        if len(path) > 1:
            parts.append(
                _("path of {country}, {first}–{last}").format(
                    country=country_name, first=path[0].year, last=path[-1].year
                )
            )
        else:
            parts.append(
                _("{country}: one survey only ({year})").format(
                    country=country_name, year=path[0].year
                )
            )
    if not parts:
        return None
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class MapView:
    """A laid-out map of the knowledge's countries, and what it was asked to show."""

    keys: tuple[ZoneKey, ...]
    points: tuple[MapPoint, ...]  # every country, drawn or not
    chart: MapLayout
    zone: Zone | None
    country: Country | None
    path: tuple[PathStep, ...]  # the country's path when it is drawn, else empty


def map_view(
    knowledge: Knowledge,
    width: int,
    height: int,
    *,
    zone: Zone | None = None,
    country: Country | None = None,
    path: bool = False,
) -> MapView:
    """Every country of the knowledge laid out on ``width`` x ``height`` cells, as the widget
    lays it out: zoomed into ``zone`` if given; ``country`` selected (it and its neighbours
    labelled first) and, with ``path``, its path drawn."""
    keys = zone_keys(knowledge.zones, knowledge.countries)
    points = map_points(knowledge.countries, keys)
    steps = path_points(country) if country is not None and path else ()
    if zone is None:
        every = (s for c in knowledge.countries for s in path_points(c))
        extent = full_extent(points, every)
    else:
        extent = zone_extent(points, zone.id, steps)
    selected = country.id if country is not None else None
    chart = layout(
        points,
        width,
        height,
        titles_from(knowledge.value_dimensions),
        extent=extent,
        zone=zone.id if zone is not None else None,
        zoomed=zone is not None,
        selected=selected,
        neighbours=neighbours_of(points, selected) if selected else (),
        path_of=selected if steps else None,
        path=steps,
        caption=caption_text(
            zone.name if zone is not None else None,
            country.name if country is not None else None,
            steps,
        ),
    )
    return MapView(keys, points, chart, zone, country, steps)
