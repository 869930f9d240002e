"""Where everything goes on the landscape chart: a pure grid layout of Rohrer's two axes.

The chart is the attitudinal-behavioral (y: -1 what people say, bottom; +1 what people do, top)
by qualitative-quantitative (x: -1 why & how to fix, left; +1 how many & how much, right) plane.
``layout`` turns a set of ``ChartPoint`` into cells of a ``width`` x ``height`` grid (row 0 at
the top): the plot box, one marker per point, spans as runs of cells, labels that never overlap,
the dotted midlines and the four axis titles. The TUI widget paints it; an SVG export can use
the same coordinates. No Textual, no Rich: only numbers and strings, so it is easy to test.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from cxguide.knowledge.models import Method

Direction = Literal["up", "down", "left", "right"]
Side = Literal["top", "bottom", "left", "right"]

ELLIPSIS = "…"
# A shortened label keeps at least this many characters before the ellipsis.
MIN_PREFIX = 4
# The arrows put in front of (or after) each axis title.
TITLE_ARROWS: Mapping[Side, str] = MappingProxyType(
    {"top": "↑ ", "bottom": "↓ ", "left": "← ", "right": " →"}
)
# Below these sizes there are no axis titles and no side margin: only the plot.
MIN_TITLED_HEIGHT = 5
MIN_MARGIN_WIDTH = 20
# A click this close to a marker (rows, columns) still picks it.
HIT_ROWS = 1
HIT_COLS = 2
# Another point's label keeps this many cells from a marker (its own label starts after one).
MARKER_PAD = 2
# ... and would rather keep this many.
MARKER_NEAR = 4
# How many times labels are placed, the short ones moving to the front each time.
LABEL_PASSES = 4
# Blank cells kept between two labels on one row.
LABEL_GAP = 2


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


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True, slots=True)
class Box:
    """The plot area in cells, edges included: x = -1 is column ``left``, y = +1 row ``top``."""

    left: int
    top: int
    right: int
    bottom: int

    def contains(self, row: int, col: int) -> bool:
        return self.top <= row <= self.bottom and self.left <= col <= self.right


def _clamp(value: float) -> float:
    return -1.0 if value < -1.0 else 1.0 if value > 1.0 else value


def _round(value: float) -> int:
    """Round half up (Python's round() rounds half to even, which reads as jitter here)."""
    return math.floor(value + 0.5)


def _row_float(y: float, box: Box) -> float:
    return box.top + (1.0 - _clamp(y)) / 2.0 * (box.bottom - box.top)


def _col_float(x: float, box: Box) -> float:
    return box.left + (_clamp(x) + 1.0) / 2.0 * (box.right - box.left)


def to_cell(x: float, y: float, box: Box) -> tuple[int, int]:
    """The (row, col) of the chart position (x, y); values outside -1 .. +1 are clamped."""
    return _round(_row_float(y, box)), _round(_col_float(x, box))


def from_cell(row: int, col: int, box: Box) -> tuple[float, float]:
    """The chart position (x, y) at the middle of cell (row, col): the inverse of ``to_cell``."""
    width, height = box.right - box.left, box.bottom - box.top
    x = (col - box.left) / width * 2.0 - 1.0 if width else 0.0
    y = 1.0 - (row - box.top) / height * 2.0 if height else 0.0
    return _clamp(x), _clamp(y)


# --------------------------------------------------------------------------- text cells


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide East Asian characters take two)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in '…' when anything was cut."""
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    kept, used = [], 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip(" ([{/-&,") + ELLIPSIS


def short_code(text: str) -> str:
    """The initials of a label's words, preferring capitals: 'Usability Benchmarking (in lab)'
    gives 'UB', 'A/B Testing' 'ABT', 'Diary/Camera Studies' 'DCS'."""
    words, current = [], []
    for char in text:
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    capitals = [w[0] for w in words if w[0].isupper() or w[0].isdigit()]
    initials = capitals or [w[0].upper() for w in words]
    return "".join(initials)[:4] or text[:1]


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
class PlacedLabel:
    """A point's label (possibly shortened to 'Abc…' or a short code) starting at (row, col)."""

    point_id: str
    text: str
    row: int
    col: int

    @property
    def width(self) -> int:
        return cell_width(self.text)

    @property
    def end(self) -> int:
        """The last column the label covers."""
        return self.col + self.width - 1


@dataclass(frozen=True, slots=True)
class PlacedTitle:
    """An axis title, arrow included, starting at (row, col)."""

    side: Side
    text: str
    row: int
    col: int

    @property
    def width(self) -> int:
        return cell_width(self.text)


@dataclass(frozen=True, slots=True)
class AxisTitles:
    """The texts of the four poles, e.g. top 'What people do', left 'Why & how to fix'."""

    top: str
    bottom: str
    left: str
    right: str


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


class _Grid:
    """How many things keep a label off each cell (hard) and spans it would rather not cover."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.hard = [[0] * width for _row in range(height)]
        self.soft = [[0] * width for _row in range(height)]

    def block(self, row: int, start: int, end: int, *, soft: bool = False, by: int = 1) -> None:
        """Add ``by`` (or take away, with a negative ``by``) to cells start .. end of ``row``."""
        if not 0 <= row < self.height:
            return
        line = self.soft[row] if soft else self.hard[row]
        for col in range(max(start, 0), min(end, self.width - 1) + 1):
            line[col] += by

    def free(self, row: int, start: int, width: int) -> bool:
        if not 0 <= row < self.height or start < 0 or start + width > self.width:
            return False
        return not any(self.hard[row][start : start + width])

    def soft_hits(self, row: int, start: int, width: int) -> int:
        return sum(1 for hit in self.soft[row][start : start + width] if hit)

    def run(self, row: int, start: int, step: int, limit: int) -> int:
        """How many free cells there are from ``start`` going ``step`` (+1/-1), at most limit."""
        if not 0 <= row < self.height:
            return 0
        count, col = 0, start
        while count < limit and 0 <= col < self.width and not self.hard[row][col]:
            count += 1
            col += step
        return count


def _fit_row(texts: list[str], width: int, gaps: int) -> list[str]:
    """Shorten the longest of ``texts`` until they fit in ``width`` with ``gaps`` spaces."""
    texts = list(texts)
    while sum(cell_width(t) for t in texts) + gaps > width:
        longest = max(range(len(texts)), key=lambda i: (cell_width(texts[i]), -i))
        size = cell_width(texts[longest])
        if size <= 2:
            return [t[:1] for t in texts] if len(texts) + gaps <= width else ["" for t in texts]
        texts[longest] = shorten(texts[longest], size - 1)
    return texts


def _titles(titles: AxisTitles, width: int, height: int, mid_col: int) -> list[PlacedTitle]:
    arrows = TITLE_ARROWS
    (top,) = _fit_row([titles.top], width - len(arrows["top"]), 0)
    top_text = arrows["top"] + top
    top_col = min(max(mid_col - (cell_width(top_text) - 1) // 2, 0), width - cell_width(top_text))
    placed = [PlacedTitle("top", top_text, 0, max(top_col, 0))]

    arrow_cells = sum(cell_width(arrows[s]) for s in ("left", "bottom", "right"))
    left, bottom, right = _fit_row(
        [titles.left, titles.bottom, titles.right], width - arrow_cells, 2
    )
    row = height - 1
    left_text = arrows["left"] + left
    right_text = right + arrows["right"]
    bottom_text = arrows["bottom"] + bottom
    left_end = cell_width(left_text) - 1
    right_col = width - cell_width(right_text)
    bottom_width = cell_width(bottom_text)
    bottom_col = mid_col - (bottom_width - 1) // 2
    bottom_col = min(max(bottom_col, left_end + 2), right_col - 1 - bottom_width)
    placed.append(PlacedTitle("left", left_text, row, 0))
    placed.append(PlacedTitle("bottom", bottom_text, row, bottom_col))
    placed.append(PlacedTitle("right", right_text, row, right_col))
    return [t for t in placed if t.text.strip() and t.col >= 0]


def _place_markers(points: Sequence[ChartPoint], box: Box) -> dict[str, tuple[int, int]]:
    """One cell per point, as near its position as the grid allows.

    Points that fall into one column keep their top-to-bottom order and are pushed apart just
    enough to get a row each; any that still find no room go to the nearest free cell.
    """
    columns: dict[int, list[tuple[float, int, ChartPoint]]] = {}
    for index, point in enumerate(points):
        col = _round(_col_float(point.x, box))
        columns.setdefault(col, []).append((_row_float(point.y, box), index, point))

    markers: dict[str, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    leftovers: list[tuple[float, int, ChartPoint]] = []
    capacity = box.bottom - box.top + 1
    for col in sorted(columns):
        group = sorted(columns[col], key=lambda item: (item[0], item[1]))
        fits, leftovers_here = group[:capacity], group[capacity:]
        leftovers.extend(leftovers_here)
        rows = [_round(item[0]) for item in fits]
        for i in range(1, len(rows)):
            rows[i] = max(rows[i], rows[i - 1] + 1)
        if rows:
            rows[-1] = min(rows[-1], box.bottom)
        for i in range(len(rows) - 2, -1, -1):
            rows[i] = min(rows[i], rows[i + 1] - 1)
        for (_row, _index, point), row in zip(fits, rows, strict=True):
            markers[point.id] = (row, col)
            taken.add((row, col))

    for row_f, _index, point in sorted(leftovers, key=lambda item: item[1]):
        want = (_round(row_f), _round(_col_float(point.x, box)))
        free = [
            (abs(r - want[0]) * 2 + abs(c - want[1]), r, c)
            for r in range(box.top, box.bottom + 1)
            for c in range(box.left, box.right + 1)
            if (r, c) not in taken
        ]
        if not free:
            continue
        _cost, r, c = min(free)
        markers[point.id] = (r, c)
        taken.add((r, c))
    return markers


def _span_runs(
    points: Sequence[ChartPoint], markers: Mapping[str, tuple[int, int]], box: Box
) -> list[SpanRun]:
    runs: list[SpanRun] = []
    for point in points:
        if point.id not in markers:
            continue
        row, col = markers[point.id]
        if point.x_span is not None:
            low = min(_round(_col_float(point.x_span[0], box)), col)
            high = max(_round(_col_float(point.x_span[1], box)), col)
            if high > low:
                runs.append(SpanRun(point.id, True, row, low, high - low + 1))
        if point.y_span is not None:
            top = min(_round(_row_float(point.y_span[1], box)), row)
            bottom = max(_round(_row_float(point.y_span[0], box)), row)
            if bottom > top:
                runs.append(SpanRun(point.id, False, top, col, bottom - top + 1))
    return runs


def _candidates(row: int, col: int, width: int, h_span: SpanRun | None) -> list[tuple[int, int]]:
    """Where a label of ``width`` cells may start, best first: right of the marker, left of it,
    past either end of its span, then above or below it (centred first, then shifted, as long
    as it stays over or under the marker)."""
    spots = [(row, col + 2), (row, col - 1 - width)]
    if h_span is not None:
        spots += [(row, h_span.col + h_span.length + 1), (row, h_span.col - 1 - width)]
    centred = col - (width - 1) // 2
    shifted = sorted(range(col - width + 1, col + 1), key=lambda start: abs(start - centred))
    spots += [(line, start) for start in shifted for line in (row - 1, row + 1)]
    return spots


def _place_label(
    grid: _Grid,
    box: Box,
    point: ChartPoint,
    cell: tuple[int, int],
    own_spans: Sequence[SpanRun],
) -> PlacedLabel | None:
    """The best place for one label, or None. ``grid``'s soft cells must not count the
    point's own marker and spans: covering those is better than covering another point's."""
    row, col = cell
    h_span = next((run for run in own_spans if run.horizontal), None)
    own = {spot for run in own_spans for spot in run.cells()}

    def best_spot(width: int) -> tuple[int, int] | None:
        fitting = [
            (
                grid.soft_hits(spot[0], spot[1], width),
                any((spot[0], c) in own for c in range(spot[1], spot[1] + width)),
                rank,
                spot,
            )
            for rank, spot in enumerate(_candidates(row, col, width, h_span))
            if box.top <= spot[0] <= box.bottom and grid.free(spot[0], spot[1], width)
        ]
        return min(fitting)[3] if fitting else None

    text = point.label
    width = cell_width(text)
    spot = best_spot(width)
    if spot is not None:
        return PlacedLabel(point.id, text, *spot)

    # Shortened: the longest run of free cells from an anchor next to the marker.
    anchors: list[tuple[int, int, int]] = [(row, col + 2, 1), (row, col - 2, -1)]
    if h_span is not None:
        anchors += [(row, h_span.col + h_span.length + 1, 1), (row, h_span.col - 2, -1)]
    anchors += [(row - 1, col, 1), (row - 1, col, -1), (row + 1, col, 1), (row + 1, col, -1)]
    best: tuple[int, int] | None = None  # (-room, rank)
    for rank, (a_row, a_col, step) in enumerate(anchors):
        if box.top <= a_row <= box.bottom:
            room = grid.run(a_row, a_col, step, width - 1)
            if best is None or (-room, rank) < best:
                best = (-room, rank)
    if best is not None and -best[0] >= MIN_PREFIX + 1:
        a_row, a_col, step = anchors[best[1]]
        short = shorten(text, -best[0])
        # Leftward anchors are where the label ends; rightward ones where it starts.
        start = a_col if step > 0 else a_col - cell_width(short) + 1
        return PlacedLabel(point.id, short, a_row, start)

    code = short_code(text)
    spot = best_spot(cell_width(code))
    if spot is not None:
        return PlacedLabel(point.id, code, *spot)
    return None


def _mark_marker(grid: _Grid, row: int, col: int, *, by: int = 1, own: bool = False) -> None:
    """Keep other labels off a marker and ``MARKER_PAD`` cells either side of it, and rather
    ``MARKER_NEAR`` cells away (so a label does not seem to name the wrong marker). With
    ``own``, everything but the marker's own cell: what its own label may use."""
    if not own:
        grid.block(row, col, col, by=by)
    grid.block(row, col - MARKER_PAD, col - 1, by=by)
    grid.block(row, col + 1, col + MARKER_PAD, by=by)
    grid.block(row, col - MARKER_NEAR, col + MARKER_NEAR, by=by, soft=True)


def _mark_spans(grid: _Grid, runs: Sequence[SpanRun], *, by: int = 1) -> None:
    """Labels would rather not cover spans."""
    for run in runs:
        for row, col in run.cells():
            grid.block(row, col, col, by=by, soft=True)


def _place_labels(
    order: Sequence[ChartPoint],
    grid: _Grid,
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
        _mark_marker(grid, row, col, by=-1, own=True)
        _mark_spans(grid, own_spans, by=-1)
        label = _place_label(grid, box, point, (row, col), own_spans)
        _mark_marker(grid, row, col, by=1, own=True)
        _mark_spans(grid, own_spans, by=1)
        if label is None:
            continue
        labels.append(label)
        # Labels keep LABEL_GAP blank cells between each other.
        grid.block(label.row, label.col - LABEL_GAP, label.end + LABEL_GAP)
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
    titled = height >= MIN_TITLED_HEIGHT and width >= MIN_MARGIN_WIDTH
    margin = 1 if width >= MIN_MARGIN_WIDTH else 0
    box = Box(
        left=margin,
        top=1 if titled else 0,
        right=width - 1 - margin,
        bottom=height - 2 if titled else height - 1,
    )
    mid_row, mid_col = to_cell(0.0, 0.0, box)
    placed_titles = _titles(titles, width, height, mid_col) if titled else []

    markers = _place_markers(points, box)
    spans = _span_runs(points, markers, box)
    spans_of: dict[str, list[SpanRun]] = {}
    for run in spans:
        spans_of.setdefault(run.point_id, []).append(run)

    def fresh_grid() -> _Grid:
        grid = _Grid(width, height)
        for title in placed_titles:
            grid.block(title.row, title.col, title.col + title.width - 1)
        for row, col in markers.values():
            _mark_marker(grid, row, col)
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


def nearest_in_direction(
    points: Sequence[ChartPoint], from_id: str, direction: Direction
) -> str | None:
    """The point to move to from ``from_id`` with an arrow key, or None.

    Only points strictly in ``direction`` count ("up": larger y, "right": larger x). Those within
    45 degrees of the direction come first, then those within about 72 degrees, then the rest
    of the half-plane; within a group the nearest wins, ties go to the narrower angle, then to
    the earlier point.
    """
    origin = next((p for p in points if p.id == from_id), None)
    if origin is None:
        return None
    best: tuple[int, float, float, int] | None = None
    best_id: str | None = None
    for index, point in enumerate(points):
        if point.id == from_id:
            continue
        dx, dy = point.x - origin.x, point.y - origin.y
        along, across = {
            "up": (dy, dx),
            "down": (-dy, dx),
            "right": (dx, dy),
            "left": (-dx, dy),
        }[direction]
        if along <= 0:
            continue
        slant = abs(across) / along
        tier = 0 if slant <= 1.0 else 1 if slant <= 3.0 else 2
        key = (tier, round(math.hypot(dx, dy), 9), slant, index)
        if best is None or key < best:
            best, best_id = key, point.id
    return best_id


def nearest_point(points: Sequence[ChartPoint], x: float, y: float) -> str | None:
    """The point nearest the chart position (x, y), earlier points winning ties."""
    best = min(
        ((math.hypot(p.x - x, p.y - y), index, p.id) for index, p in enumerate(points)),
        default=None,
    )
    return best[2] if best is not None else None


def point_at(chart: ChartLayout, row: int, col: int) -> str | None:
    """The point a click on cell (row, col) means: its marker or label, or a marker next to it."""
    for point_id, cell in chart.markers.items():
        if cell == (row, col):
            return point_id
    for label in chart.labels:
        if label.row == row and label.col <= col <= label.end:
            return label.point_id
    close = [
        (abs(m_row - row) * 2 + abs(m_col - col), point_id)
        for point_id, (m_row, m_col) in chart.markers.items()
        if abs(m_row - row) <= HIT_ROWS and abs(m_col - col) <= HIT_COLS
    ]
    return min(close)[1] if close else None
