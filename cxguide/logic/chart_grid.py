"""The generic pieces of cxguide's character-grid charts (the method landscape, the culture map).

A chart is a ``width`` x ``height`` grid of terminal cells, row 0 at the top, with a plot
``Box`` inside it. Positions are given on -1 .. +1 on both axes (a chart with another range
scales its values first). Here: turning positions into cells and back, measuring and shortening
text in cells, one marker per point, labels that never overlap (a ``Grid`` of the cells they
must keep off and would rather keep off), the four axis titles, moving with arrow keys and what a
click means. No Textual, no Rich: only numbers and strings, so it is easy to test.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, Protocol

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
# Blank cells kept between two labels on one row.
LABEL_GAP = 2


class Located(Protocol):
    """Anything with an id and a position: what arrow keys and clicks move between."""

    @property
    def id(self) -> str: ...

    @property
    def x(self) -> float: ...

    @property
    def y(self) -> float: ...


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


def clamp(value: float) -> float:
    """``value`` kept within -1 .. +1."""
    return -1.0 if value < -1.0 else 1.0 if value > 1.0 else value


def round_half_up(value: float) -> int:
    """Round half up (Python's round() rounds half to even, which reads as jitter here)."""
    return math.floor(value + 0.5)


def row_float(y: float, box: Box) -> float:
    """The row of position ``y`` (-1 .. +1, clamped), before rounding."""
    return box.top + (1.0 - clamp(y)) / 2.0 * (box.bottom - box.top)


def col_float(x: float, box: Box) -> float:
    """The column of position ``x`` (-1 .. +1, clamped), before rounding."""
    return box.left + (clamp(x) + 1.0) / 2.0 * (box.right - box.left)


def to_cell(x: float, y: float, box: Box) -> tuple[int, int]:
    """The (row, col) of the chart position (x, y); values outside -1 .. +1 are clamped."""
    return round_half_up(row_float(y, box)), round_half_up(col_float(x, box))


def from_cell(row: int, col: int, box: Box) -> tuple[float, float]:
    """The chart position (x, y) at the middle of cell (row, col): the inverse of ``to_cell``."""
    width, height = box.right - box.left, box.bottom - box.top
    x = (col - box.left) / width * 2.0 - 1.0 if width else 0.0
    y = 1.0 - (row - box.top) / height * 2.0 if height else 0.0
    return clamp(x), clamp(y)


def plot_box(width: int, height: int) -> tuple[Box, bool]:
    """The plot box of a ``width`` x ``height`` grid and whether there is room for axis titles.

    With titles, rows 0 and ``height - 1`` hold them and the box fills the rows between, one
    column in from each side; a small grid is all plot.
    """
    titled = height >= MIN_TITLED_HEIGHT and width >= MIN_MARGIN_WIDTH
    margin = 1 if width >= MIN_MARGIN_WIDTH else 0
    box = Box(
        left=margin,
        top=1 if titled else 0,
        right=width - 1 - margin,
        bottom=height - 2 if titled else height - 1,
    )
    return box, titled


# --------------------------------------------------------------------------- text cells


@functools.lru_cache(maxsize=4096)
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


# --------------------------------------------------------------------------- placed things


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


class Grid:
    """How many things keep a label off each cell (hard) and what it would rather not cover."""

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


def mark_marker(grid: Grid, row: int, col: int, *, by: int = 1, own: bool = False) -> None:
    """Keep other labels off a marker and ``MARKER_PAD`` cells either side of it, and rather
    ``MARKER_NEAR`` cells away (so a label does not seem to name the wrong marker). With
    ``own``, everything but the marker's own cell: what its own label may use."""
    if not 0 <= row < grid.height:
        return
    hard, soft, last = grid.hard[row], grid.soft[row], grid.width - 1
    for cell in range(max(col - MARKER_PAD, 0), min(col + MARKER_PAD, last) + 1):
        if not (own and cell == col):
            hard[cell] += by
    for cell in range(max(col - MARKER_NEAR, 0), min(col + MARKER_NEAR, last) + 1):
        soft[cell] += by


def block_label(grid: Grid, label: PlacedLabel, gap: int = LABEL_GAP, *, by: int = 1) -> None:
    """Keep later labels off ``label`` and ``gap`` blank cells either side of it (a negative
    ``by`` takes the label away again)."""
    grid.block(label.row, label.col - gap, label.end + gap, by=by)


# --------------------------------------------------------------------------- titles


def fit_row(texts: list[str], width: int, gaps: int) -> list[str]:
    """Shorten the longest of ``texts`` until they fit in ``width`` with ``gaps`` spaces."""
    texts = list(texts)
    while sum(cell_width(t) for t in texts) + gaps > width:
        longest = max(range(len(texts)), key=lambda i: (cell_width(texts[i]), -i))
        size = cell_width(texts[longest])
        if size <= 2:
            return [t[:1] for t in texts] if len(texts) + gaps <= width else ["" for t in texts]
        texts[longest] = shorten(texts[longest], size - 1)
    return texts


def place_titles(titles: AxisTitles, width: int, height: int, mid_col: int) -> list[PlacedTitle]:
    """The four pole titles: the top one on row 0, the others on the last row (left pole at
    the left, bottom pole about ``mid_col``, right pole at the right), each with its arrow."""
    arrows = TITLE_ARROWS
    (top,) = fit_row([titles.top], width - len(arrows["top"]), 0)
    top_text = arrows["top"] + top
    top_col = min(max(mid_col - (cell_width(top_text) - 1) // 2, 0), width - cell_width(top_text))
    placed = [PlacedTitle("top", top_text, 0, max(top_col, 0))]

    arrow_cells = sum(cell_width(arrows[s]) for s in ("left", "bottom", "right"))
    left, bottom, right = fit_row(
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


# --------------------------------------------------------------------------- markers


def place_markers(
    points: Sequence[tuple[str, float, float]],
    box: Box,
    taken: Collection[tuple[int, int]] = (),
) -> dict[str, tuple[int, int]]:
    """One cell per (id, x, y) point, as near its position as the grid allows, off ``taken``.

    Points that fall into one column keep their top-to-bottom order and are pushed apart just
    enough to get a row each; any that still find no room go to the nearest free cell.
    """
    columns: dict[int, list[tuple[float, int, str, float]]] = {}
    for index, (point_id, x, y) in enumerate(points):
        col = round_half_up(col_float(x, box))
        columns.setdefault(col, []).append((row_float(y, box), index, point_id, x))

    markers: dict[str, tuple[int, int]] = {}
    used: set[tuple[int, int]] = set(taken)
    leftovers: list[tuple[float, int, str, float]] = []
    for col in sorted(columns):
        group = sorted(columns[col], key=lambda item: (item[0], item[1]))
        open_rows = [r for r in range(box.top, box.bottom + 1) if (r, col) not in used]
        if len(open_rows) < box.bottom - box.top + 1:
            # Something is already in this column: every point finds its own nearest cell.
            leftovers.extend(group)
            continue
        capacity = len(open_rows)
        fits, leftovers_here = group[:capacity], group[capacity:]
        leftovers.extend(leftovers_here)
        rows = [round_half_up(item[0]) for item in fits]
        for i in range(1, len(rows)):
            rows[i] = max(rows[i], rows[i - 1] + 1)
        if rows:
            rows[-1] = min(rows[-1], box.bottom)
        for i in range(len(rows) - 2, -1, -1):
            rows[i] = min(rows[i], rows[i + 1] - 1)
        for (_row, _index, point_id, _x), row in zip(fits, rows, strict=True):
            markers[point_id] = (row, col)
            used.add((row, col))

    for row_f, _index, point_id, x in sorted(leftovers, key=lambda item: item[1]):
        want = (round_half_up(row_f), round_half_up(col_float(x, box)))
        found = _nearest_free_cell(box, want, used)
        if found is None:
            continue
        markers[point_id] = found
        used.add(found)
    return markers


def _nearest_free_cell(
    box: Box, want: tuple[int, int], used: Collection[tuple[int, int]]
) -> tuple[int, int] | None:
    """The free cell of ``box`` nearest ``want`` (a row counting as two columns), ties to the
    upper row, then to the left; searched outwards ring by ring."""
    row, col = want
    reach = 2 * max(abs(row - box.top), abs(row - box.bottom)) + max(
        abs(col - box.left), abs(col - box.right)
    )
    for cost in range(reach + 1):
        found: list[tuple[int, int]] = []
        for rows_off in range(cost // 2 + 1):
            cols_off = cost - 2 * rows_off
            for r in {row - rows_off, row + rows_off}:
                if not box.top <= r <= box.bottom:
                    continue
                for c in {col - cols_off, col + cols_off}:
                    if box.left <= c <= box.right and (r, c) not in used:
                        found.append((r, c))
        if found:
            return min(found)
    return None


# --------------------------------------------------------------------------- labels


def label_spots(
    row: int, col: int, width: int, ends: tuple[int, int] | None = None
) -> Iterator[tuple[int, int]]:
    """Where a label of ``width`` cells may start, best first: right of the marker, left of it,
    past either end of a run of cells ``ends`` (first, last column) through it, then above or
    below it (centred first, then shifted, as long as it stays over or under the marker)."""
    yield (row, col + 2)
    yield (row, col - 1 - width)
    if ends is not None:
        yield (row, ends[1] + 2)
        yield (row, ends[0] - 1 - width)
    centred = col - (width - 1) // 2
    low, high = col - width + 1, col
    for shift in range(width):
        for start in (centred - shift, centred + shift) if shift else (centred,):
            if low <= start <= high:
                yield (row - 1, start)
                yield (row + 1, start)


def best_spot(
    grid: Grid,
    box: Box,
    cell: tuple[int, int],
    width: int,
    *,
    ends: tuple[int, int] | None = None,
    own: Collection[tuple[int, int]] = frozenset(),
) -> tuple[int, int] | None:
    """The best free start for a label of ``width`` cells next to the marker at ``cell``:
    fewest cells it would rather not cover, then fewest of the point's ``own`` cells, then the
    order of ``label_spots``. None when no spot is free."""
    row, col = cell
    best: tuple[int, bool, int, tuple[int, int]] | None = None
    for rank, spot in enumerate(label_spots(row, col, width, ends)):
        if not (box.top <= spot[0] <= box.bottom and grid.free(spot[0], spot[1], width)):
            continue
        covers_own = bool(own) and any((spot[0], c) in own for c in range(spot[1], spot[1] + width))
        key = (grid.soft_hits(spot[0], spot[1], width), covers_own, rank, spot)
        if best is None or key < best:
            best = key
            if key[0] == 0 and not covers_own:
                break  # nothing later in the order can beat it
    return best[3] if best is not None else None


def shortened_label(
    grid: Grid,
    box: Box,
    point_id: str,
    text: str,
    cell: tuple[int, int],
    ends: tuple[int, int] | None = None,
) -> PlacedLabel | None:
    """``text`` shortened with '…' into the longest run of free cells from an anchor next to
    the marker, if that keeps at least ``MIN_PREFIX`` characters; else None."""
    row, col = cell
    width = cell_width(text)
    anchors: list[tuple[int, int, int]] = [(row, col + 2, 1), (row, col - 2, -1)]
    if ends is not None:
        anchors += [(row, ends[1] + 2, 1), (row, ends[0] - 2, -1)]
    anchors += [(row - 1, col, 1), (row - 1, col, -1), (row + 1, col, 1), (row + 1, col, -1)]
    best: tuple[int, int] | None = None  # (-room, rank)
    for rank, (a_row, a_col, step) in enumerate(anchors):
        if box.top <= a_row <= box.bottom:
            room = grid.run(a_row, a_col, step, width - 1)
            if best is None or (-room, rank) < best:
                best = (-room, rank)
    if best is None or -best[0] < MIN_PREFIX + 1:
        return None
    a_row, a_col, step = anchors[best[1]]
    short = shorten(text, -best[0])
    # Leftward anchors are where the label ends; rightward ones where it starts.
    start = a_col if step > 0 else a_col - cell_width(short) + 1
    return PlacedLabel(point_id, short, a_row, start)


def nearest_free_spot(
    grid: Grid, box: Box, cell: tuple[int, int], width: int
) -> tuple[int, int] | None:
    """The free start for a label of ``width`` cells in the plot rows nearest the marker at
    ``cell`` (a row counts as two columns), wherever it is; None when there is none. Ties go to
    fewer cells it would rather not cover, then to the upper row, then to the left."""
    row, col = cell
    best: tuple[int, int, int, int] | None = None
    for distance in range(0, max(row - box.top, box.bottom - row) + 1):
        if best is not None and distance * 2 > best[0]:
            break
        for line in sorted({row - distance, row + distance}):
            if not box.top <= line <= box.bottom:
                continue
            for start in range(0, grid.width - width + 1):
                end = start + width - 1
                across = 0 if start <= col <= end else min(abs(start - col), abs(col - end))
                cost = distance * 2 + across
                if best is not None and cost > best[0]:
                    continue
                if grid.free(line, start, width):
                    key = (cost, grid.soft_hits(line, start, width), line, start)
                    if best is None or key < best:
                        best = key
    return (best[2], best[3]) if best is not None else None


# --------------------------------------------------------------------------- navigation


def nearest_in_direction(
    points: Sequence[Located], from_id: str, direction: Direction
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


def nearest_point(points: Sequence[Located], x: float, y: float) -> str | None:
    """The point nearest the chart position (x, y), earlier points winning ties."""
    best = min(
        ((math.hypot(p.x - x, p.y - y), index, p.id) for index, p in enumerate(points)),
        default=None,
    )
    return best[2] if best is not None else None


def hit_test(
    markers: Mapping[str, tuple[int, int]], labels: Sequence[PlacedLabel], row: int, col: int
) -> str | None:
    """The point a click on cell (row, col) means: its marker or label, or a marker next to it."""
    for point_id, cell in markers.items():
        if cell == (row, col):
            return point_id
    for label in labels:
        if label.row == row and label.col <= col <= label.end:
            return label.point_id
    close = [
        (abs(m_row - row) * 2 + abs(m_col - col), point_id)
        for point_id, (m_row, m_col) in markers.items()
        if abs(m_row - row) <= HIT_ROWS and abs(m_col - col) <= HIT_COLS
    ]
    return min(close)[1] if close else None
