"""Property tests: any set of methods at any size lays out readably; arrow keys go where they say.

For random points (labels with spaces, punctuation and wide characters; spans or not) and
random sizes, no two labels overlap or touch, no label covers a marker or an axis title, and
everything lies inside the grid. ``nearest_in_direction`` returns a point strictly in the
direction asked, and None only when there is none.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from cxguide.logic.landscape_chart import (
    ELLIPSIS,
    AxisTitles,
    Box,
    ChartLayout,
    ChartPoint,
    Direction,
    cell_width,
    from_cell,
    layout,
    nearest_in_direction,
    short_code,
    to_cell,
)

SETTINGS = settings(
    max_examples=int(os.environ.get("CXGUIDE_FUZZ_EXAMPLES", "150")),
    deadline=None,
)
TITLES = AxisTitles(
    top="What people do",
    bottom="What people say",
    left="Why & how to fix",
    right="How many & how much",
)
DIRECTIONS: tuple[Direction, ...] = ("up", "down", "left", "right")

coordinate = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)
label_text = st.text(alphabet="abcdefghXYZ /&()-.漢字", min_size=1, max_size=40).filter(
    lambda t: t.strip() != ""
)


def _ordered(pair: tuple[float, float]) -> tuple[float, float]:
    return (min(pair), max(pair))


span = st.none() | st.tuples(coordinate, coordinate).map(_ordered)


@st.composite
def point_sets(draw: st.DrawFn, max_size: int = 30) -> list[ChartPoint]:
    count = draw(st.integers(min_value=0, max_value=max_size))
    return [
        ChartPoint(
            id=f"m{index}",
            label=draw(label_text),
            x=draw(coordinate),
            y=draw(coordinate),
            x_span=draw(span),
            y_span=draw(span),
            highlight=draw(st.booleans()),
            dimmed=draw(st.booleans()),
        )
        for index in range(count)
    ]


def check_readable(chart: ChartLayout, points: list[ChartPoint]) -> None:
    by_id = {p.id: p for p in points}
    cells: dict[tuple[int, int], str] = {}
    for label in chart.labels:
        assert label.point_id in chart.markers
        assert 0 <= label.row < chart.height
        assert 0 <= label.col and label.end < chart.width
        # Full, shortened with '…', or the short code.
        full = by_id[label.point_id].label
        if label.text not in (full, short_code(full)):
            assert label.text.endswith(ELLIPSIS)
            assert full.startswith(label.text[:-1])
        # Two labels on a row never touch: at least one blank cell between them.
        for col in range(label.col - 1, label.end + 2):
            other = cells.get((label.row, col))
            assert other is None, f"{label} overlaps or touches the label of {other}"
        for col in range(label.col, label.end + 1):
            cells[(label.row, col)] = label.point_id
    for point_id, cell in chart.markers.items():
        assert chart.box.contains(*cell)
        assert 0 <= cell[0] < chart.height and 0 <= cell[1] < chart.width
        assert cell not in cells, f"a label covers the marker of {point_id}"
    assert len(set(chart.markers.values())) == len(chart.markers)
    for title in chart.titles:
        assert 0 <= title.row < chart.height
        assert 0 <= title.col and title.col + title.width <= chart.width
        for col in range(title.col, title.col + title.width):
            assert (title.row, col) not in cells
            assert (title.row, col) not in set(chart.markers.values())
    for run in chart.spans:
        for row, col in run.cells():
            assert chart.box.contains(row, col)


@SETTINGS
@given(
    points=point_sets(),
    width=st.integers(min_value=30, max_value=200),
    height=st.integers(min_value=10, max_value=60),
    selected=st.none() | st.integers(min_value=0, max_value=29),
)
def test_any_layout_is_readable(
    points: list[ChartPoint], width: int, height: int, selected: int | None
) -> None:
    chosen = f"m{selected}" if selected is not None else None
    chart = layout(points, width, height, TITLES, selected=chosen)
    assert (chart.width, chart.height) == (width, height)
    # The plot has room for 30 points at these sizes: every one gets its marker.
    assert set(chart.markers) == {p.id for p in points}
    check_readable(chart, points)
    assert layout(points, width, height, TITLES, selected=chosen) == chart


@SETTINGS
@given(
    points=point_sets(max_size=60),
    width=st.integers(min_value=1, max_value=40),
    height=st.integers(min_value=1, max_value=12),
)
def test_even_tiny_layouts_stay_inside(points: list[ChartPoint], width: int, height: int) -> None:
    chart = layout(points, width, height, TITLES)
    check_readable(chart, points)
    area = (chart.box.right - chart.box.left + 1) * (chart.box.bottom - chart.box.top + 1)
    assert len(chart.markers) == min(len(points), area)


@SETTINGS
@given(
    points=point_sets().filter(bool),
    data=st.data(),
    direction=st.sampled_from(DIRECTIONS),
)
def test_nearest_in_direction_is_strictly_that_way(
    points: list[ChartPoint], data: st.DataObject, direction: Direction
) -> None:
    origin = data.draw(st.sampled_from(points))
    found = nearest_in_direction(points, origin.id, direction)

    def ahead(p: ChartPoint) -> bool:
        dx, dy = p.x - origin.x, p.y - origin.y
        wanted: dict[str, bool] = {"up": dy > 0, "down": dy < 0, "right": dx > 0, "left": dx < 0}
        return wanted[direction]

    candidates = [p for p in points if p.id != origin.id and ahead(p)]
    if found is None:
        assert candidates == []
    else:
        assert found != origin.id
        assert found in {p.id for p in candidates}


@SETTINGS
@given(
    left=st.integers(min_value=0, max_value=5),
    top=st.integers(min_value=0, max_value=5),
    width=st.integers(min_value=1, max_value=200),
    height=st.integers(min_value=1, max_value=60),
    data=st.data(),
)
def test_from_cell_inverts_to_cell(
    left: int, top: int, width: int, height: int, data: st.DataObject
) -> None:
    box = Box(left, top, left + width - 1, top + height - 1)
    row = data.draw(st.integers(min_value=box.top, max_value=box.bottom))
    col = data.draw(st.integers(min_value=box.left, max_value=box.right))
    assert to_cell(*from_cell(row, col, box), box) == (row, col)
    x, y = data.draw(coordinate), data.draw(coordinate)
    assert box.contains(*to_cell(x, y, box))


@given(label_text)
def test_cell_width_counts_wide_characters_twice(text: str) -> None:
    assert cell_width(text) == len(text) + sum(1 for c in text if c in "漢字")
