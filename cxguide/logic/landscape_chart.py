"""Where everything goes on the landscape chart: a pure grid layout of Rohrer's two axes.

The chart is the attitudinal-behavioral (y: -1 what people say, bottom; +1 what people do, top)
by qualitative-quantitative (x: -1 why & how to fix, left; +1 how many & how much, right) plane.
``layout`` turns a set of ``ChartPoint`` into cells of a ``width`` x ``height`` grid (row 0 at
the top): the plot box, one marker per point, spans as runs of cells, labels that never overlap,
the dotted midlines and the four axis titles. The TUI widget paints it; an SVG export can use
the same coordinates. No Textual, no Rich: only numbers and strings, so it is easy to test.
The generic pieces (cells, text widths, markers, label spots, titles, navigation) live in
``cxguide.logic.chart_grid`` and are shared with the culture map.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from cxguide.knowledge.models import Method
from cxguide.logic.chart_grid import (
    ELLIPSIS,
    HIT_COLS,
    HIT_ROWS,
    LABEL_GAP,
    MARKER_NEAR,
    MARKER_PAD,
    MIN_MARGIN_WIDTH,
    MIN_PREFIX,
    MIN_TITLED_HEIGHT,
    TITLE_ARROWS,
    AxisTitles,
    Box,
    Direction,
    Grid,
    PlacedLabel,
    PlacedTitle,
    Side,
    best_spot,
    block_label,
    cell_width,
    col_float,
    from_cell,
    hit_test,
    mark_marker,
    nearest_in_direction,
    nearest_point,
    place_markers,
    place_titles,
    plot_box,
    round_half_up,
    row_float,
    short_code,
    shorten,
    shortened_label,
    to_cell,
)

__all__ = [
    "ELLIPSIS",
    "HIT_COLS",
    "HIT_ROWS",
    "LABEL_GAP",
    "LABEL_PASSES",
    "MARKER_NEAR",
    "MARKER_PAD",
    "MIN_MARGIN_WIDTH",
    "MIN_PREFIX",
    "MIN_TITLED_HEIGHT",
    "TITLE_ARROWS",
    "AxisTitles",
    "Box",
    "ChartLayout",
    "ChartPoint",
    "Direction",
    "PlacedLabel",
    "PlacedTitle",
    "Side",
    "SpanRun",
    "cell_width",
    "from_cell",
    "layout",
    "nearest_in_direction",
    "nearest_point",
    "point_at",
    "points_for",
    "short_code",
    "shorten",
    "to_cell",
]

# How many times labels are placed, the short ones moving to the front each time.
LABEL_PASSES = 4


# --------------------------------------------------------------------------- points


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One method on the chart: its label, position (-1 .. +1 on both axes) and spans."""

    id: str
    label: str
    x: float
    y: float
    x_span: tuple[float, float] | None
    y_span: tuple[float, float] | None
    highlight: bool = False
    dimmed: bool = False


def points_for(
    methods: Sequence[Method], highlighted: Collection[str] = (), dimmed: Collection[str] = ()
) -> tuple[ChartPoint, ...]:
    """A point for every method that has both measured positions, in the methods' order.

    Methods without a position on either axis are left out; the caller says how many.
    """
    points: list[ChartPoint] = []
    for method in methods:
        x, y = method.qual_quant, method.attitudinal_behavioral
        if x is None or y is None:
            continue
        points.append(
            ChartPoint(
                id=method.id,
                label=method.chart_label or method.name,
                x=x.value,
                y=y.value,
                x_span=x.span,
                y_span=y.span,
                highlight=method.id in highlighted,
                dimmed=method.id in dimmed,
            )
        )
    return tuple(points)


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True, slots=True)
class SpanRun:
    """A point's span as a run of cells through its marker: along a row or down a column."""

    point_id: str
    horizontal: bool
    row: int
    col: int
    length: int

    def cells(self) -> Iterator[tuple[int, int]]:
        for step in range(self.length):
            yield (self.row, self.col + step) if self.horizontal else (self.row + step, self.col)


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """Everything on the chart, in cells of a ``width`` x ``height`` grid (row 0 at the top).

    A point has no marker only when the plot has fewer free cells than points; a point in
    ``markers`` may have no label (no room at all); its name then shows elsewhere.
    """

    width: int
    height: int
    box: Box
    mid_row: int
    mid_col: int
    points: tuple[ChartPoint, ...]
    markers: Mapping[str, tuple[int, int]]
    spans: tuple[SpanRun, ...]
    labels: tuple[PlacedLabel, ...]
    titles: tuple[PlacedTitle, ...]

    def label_of(self, point_id: str) -> PlacedLabel | None:
        return next((label for label in self.labels if label.point_id == point_id), None)


def _span_runs(
    points: Sequence[ChartPoint], markers: Mapping[str, tuple[int, int]], box: Box
) -> list[SpanRun]:
    runs: list[SpanRun] = []
    for point in points:
        if point.id not in markers:
            continue
        row, col = markers[point.id]
        if point.x_span is not None:
            low = min(round_half_up(col_float(point.x_span[0], box)), col)
            high = max(round_half_up(col_float(point.x_span[1], box)), col)
            if high > low:
                runs.append(SpanRun(point.id, True, row, low, high - low + 1))
        if point.y_span is not None:
            top = min(round_half_up(row_float(point.y_span[1], box)), row)
            bottom = max(round_half_up(row_float(point.y_span[0], box)), row)
            if bottom > top:
                runs.append(SpanRun(point.id, False, top, col, bottom - top + 1))
    return runs


def _place_label(
    grid: Grid,
    box: Box,
    point: ChartPoint,
    cell: tuple[int, int],
    own_spans: Sequence[SpanRun],
) -> PlacedLabel | None:
    """The best place for one label, or None: in full, else shortened with '…', else as a short
    code. ``grid``'s soft cells must not count the point's own marker and spans: covering
    those is better than covering another point's."""
    h_span = next((run for run in own_spans if run.horizontal), None)
    ends = (h_span.col, h_span.col + h_span.length - 1) if h_span is not None else None
    own = {spot for run in own_spans for spot in run.cells()}

    text = point.label
    spot = best_spot(grid, box, cell, cell_width(text), ends=ends, own=own)
    if spot is not None:
        return PlacedLabel(point.id, text, *spot)
    short = shortened_label(grid, box, point.id, text, cell, ends)
    if short is not None:
        return short
    code = short_code(text)
    spot = best_spot(grid, box, cell, cell_width(code), ends=ends, own=own)
    if spot is not None:
        return PlacedLabel(point.id, code, *spot)
    return None


def _mark_spans(grid: Grid, runs: Sequence[SpanRun], *, by: int = 1) -> None:
    """Labels would rather not cover spans."""
    for run in runs:
        for row, col in run.cells():
            grid.block(row, col, col, by=by, soft=True)


def _place_labels(
    order: Sequence[ChartPoint],
    grid: Grid,
    box: Box,
    markers: Mapping[str, tuple[int, int]],
    spans: Mapping[str, Sequence[SpanRun]],
) -> list[PlacedLabel]:
    """Each point's label in ``order``, greedily: earlier points get the better places."""
    labels: list[PlacedLabel] = []
    for point in order:
        if point.id not in markers:
            continue
        row, col = markers[point.id]
        own_spans = spans.get(point.id, ())
        # Other labels keep away from a marker; its own label starts one cell after it.
        mark_marker(grid, row, col, by=-1, own=True)
        _mark_spans(grid, own_spans, by=-1)
        label = _place_label(grid, box, point, (row, col), own_spans)
        mark_marker(grid, row, col, by=1, own=True)
        _mark_spans(grid, own_spans, by=1)
        if label is None:
            continue
        labels.append(label)
        # Labels keep LABEL_GAP blank cells between each other.
        block_label(grid, label, LABEL_GAP)
    return labels


def layout(
    points: Sequence[ChartPoint],
    width: int,
    height: int,
    titles: AxisTitles,
    *,
    selected: str | None = None,
) -> ChartLayout:
    """Lay ``points`` out on a ``width`` x ``height`` grid of cells.

    Rows 0 and ``height - 1`` hold the axis titles (top: the behavioral pole; bottom: the
    attitudinal pole in the middle, the qualitative pole left and the quantitative pole right);
    the plot box fills the rows between, one column in from each side. Labels go next to their
    marker (right, left, above, below), never over another label, a marker or a title, and
    never outside the grid; when there is no room they are shortened with '…', then replaced by
    a short code, and as a last resort left out. The ``selected`` point's label is placed
    first, then the highlighted ones'; points whose label came out short in one pass go earlier
    in the next, and the pass that shows the most is kept. The same input gives the same layout.
    """
    width, height = max(width, 1), max(height, 1)
    box, titled = plot_box(width, height)
    mid_row, mid_col = to_cell(0.0, 0.0, box)
    placed_titles = place_titles(titles, width, height, mid_col) if titled else []

    markers = place_markers([(p.id, p.x, p.y) for p in points], box)
    spans = _span_runs(points, markers, box)
    spans_of: dict[str, list[SpanRun]] = {}
    for run in spans:
        spans_of.setdefault(run.point_id, []).append(run)

    def fresh_grid() -> Grid:
        grid = Grid(width, height)
        for title in placed_titles:
            grid.block(title.row, title.col, title.col + title.width - 1)
        for row, col in markers.values():
            mark_marker(grid, row, col)
        _mark_spans(grid, spans)
        return grid

    first = [p for p in points if p.id == selected] + [
        p for p in points if p.highlight and p.id != selected
    ]
    rest = [p for p in points if p not in first]
    best: list[PlacedLabel] = []
    best_score: tuple[int, int] | None = None
    for _attempt in range(LABEL_PASSES):
        labels = _place_labels(first + rest, fresh_grid(), box, markers, spans_of)
        by_id = {label.point_id: label for label in labels}
        full = [p for p in rest if p.id in by_id and by_id[p.id].text == p.label]
        score = (len(full), sum(label.width for label in labels))
        if best_score is None or score > best_score:
            best, best_score = labels, score
        short = [p for p in rest if p not in full]
        if not short or not full:
            break
        rest = short + full

    return ChartLayout(
        width=width,
        height=height,
        box=box,
        mid_row=mid_row,
        mid_col=mid_col,
        points=tuple(points),
        markers=MappingProxyType(markers),
        spans=tuple(spans),
        labels=tuple(best),
        titles=tuple(placed_titles),
    )


# --------------------------------------------------------------------------- navigation


def point_at(chart: ChartLayout, row: int, col: int) -> str | None:
    """The point a click on cell (row, col) means: its marker or label, or a marker next to it."""
    return hit_test(chart.markers, chart.labels, row, col)
