"""Property tests: any set of countries at any size lays out readably; arrow keys go where
they say.

For random points (names with spaces, punctuation and wide characters; codes; zones or none),
random ranges, sizes, selections, neighbours, highlights and paths: no two labels overlap or
touch, every label is inside the plot, never on a marker, a title or the caption, and reads
the country's name or code; the selected country, its neighbours and the highlighted ones are
labelled whenever the plot has room; zoomed, every member of the zone is drawn. An arrow key
moves to a drawn country strictly in that direction, and stays only when there is none.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from cxguide.logic.chart_grid import Direction
from cxguide.logic.culture_map import (
    AxisTitles,
    MapLayout,
    MapPoint,
    PathStep,
    full_extent,
    layout,
    move,
    neighbours_of,
    zone_extent,
)

SETTINGS = settings(
    max_examples=int(os.environ.get("CXGUIDE_FUZZ_EXAMPLES", "150")),
    deadline=None,
)
TITLES = AxisTitles(
    top="Secular-rational values",
    bottom="Traditional values",
    left="Survival values",
    right="Self-expression values",
)
DIRECTIONS: tuple[Direction, ...] = ("up", "down", "left", "right")
ZONES = ("north", "south", "east", None)

x_value = st.floats(min_value=-2.5, max_value=3.5, allow_nan=False)
y_value = st.floats(min_value=-2.5, max_value=2.0, allow_nan=False)
name_text = st.text(alphabet="abcdefghXYZ &()-.'漢字", min_size=1, max_size=28).filter(
    lambda t: t.strip() != ""
)
code_text = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ-", min_size=2, max_size=6)


@st.composite
def point_sets(draw: st.DrawFn, min_size: int = 0, max_size: int = 60) -> list[MapPoint]:
    count = draw(st.integers(min_value=min_size, max_value=max_size))
    return [
        MapPoint(
            id=f"c{index}",
            name=draw(name_text),
            code=draw(code_text),
            zone=(zone := draw(st.sampled_from(ZONES))),
            glyph="?" if zone is None else "●■▲"[ZONES.index(zone)],
            year=2000,
            x=draw(x_value),
            y=draw(y_value),
        )
        for index in range(count)
    ]


paths = st.lists(st.builds(PathStep, st.integers(1981, 2022), x_value, y_value), max_size=8)


def check_readable(chart: MapLayout, points: list[MapPoint]) -> None:
    by_id = {p.id: p for p in points}
    cells: dict[tuple[int, int], str] = {}
    for label in (*chart.labels, *chart.years):
        # Inside the plot box, never outside the grid.
        assert chart.box.top <= label.row <= chart.box.bottom
        assert chart.box.left <= label.col and label.end <= chart.box.right
        assert 0 <= label.col and label.end < chart.width and 0 <= label.row < chart.height
        # Two labels never overlap, nor touch: at least one blank cell between them.
        for col in range(label.col - 1, label.end + 2):
            other = cells.get((label.row, col))
            assert other is None, f"{label} overlaps or touches the label of {other}"
        for col in range(label.col, label.end + 1):
            cells[(label.row, col)] = label.point_id
    for label in chart.labels:
        assert label.point_id in chart.markers
        point = by_id[label.point_id]
        assert label.text in (point.name, point.code)
    taken = [*chart.markers.values(), *chart.steps.values()]
    assert len(set(taken)) == len(taken)
    for cell in taken:
        assert chart.box.contains(*cell)
        assert cell not in cells, "a label covers a marker"
    for cell in chart.path_line:
        assert chart.box.contains(*cell) and cell not in set(taken)
    for title in (*chart.titles, *((chart.caption,) if chart.caption else ())):
        assert 0 <= title.col and title.col + title.width <= chart.width
        for col in range(title.col, title.col + title.width):
            assert (title.row, col) not in cells
            assert (title.row, col) not in set(taken)
    assert all(chart.extent.contains(p.x, p.y) for p in chart.points)


@SETTINGS
@given(
    points=point_sets(),
    width=st.integers(min_value=20, max_value=200),
    height=st.integers(min_value=5, max_value=60),
    data=st.data(),
    path=paths,
    caption=st.none() | name_text,
)
def test_any_layout_is_readable(
    points: list[MapPoint],
    width: int,
    height: int,
    data: st.DataObject,
    path: list[PathStep],
    caption: str | None,
) -> None:
    ids = [p.id for p in points]
    selected = data.draw(st.none() | st.sampled_from(ids)) if ids else None
    highlighted = data.draw(st.lists(st.sampled_from(ids), max_size=4)) if ids else []
    near = neighbours_of(points, selected) if selected else ()
    path_of = selected if data.draw(st.booleans()) else None
    chart = layout(
        points,
        width,
        height,
        TITLES,
        extent=full_extent(points, path),
        selected=selected,
        neighbours=near,
        highlighted=highlighted,
        path_of=path_of,
        path=path,
        caption=caption,
    )
    assert (chart.width, chart.height) == (width, height)
    check_readable(chart, points)
    area = (chart.box.right - chart.box.left + 1) * (chart.box.bottom - chart.box.top + 1)
    assert len(chart.markers) == min(len(points), area)
    again = layout(
        points,
        width,
        height,
        TITLES,
        extent=full_extent(points, path),
        selected=selected,
        neighbours=near,
        highlighted=highlighted,
        path_of=path_of,
        path=path,
        caption=caption,
    )
    assert again == chart


@SETTINGS
@given(
    points=point_sets(min_size=1, max_size=40),
    width=st.integers(min_value=40, max_value=200),
    height=st.integers(min_value=12, max_value=60),
    data=st.data(),
)
def test_selected_neighbours_and_highlighted_are_always_labelled(
    points: list[MapPoint], width: int, height: int, data: st.DataObject
) -> None:
    selected = data.draw(st.sampled_from([p.id for p in points]))
    highlighted = data.draw(st.lists(st.sampled_from([p.id for p in points]), max_size=3))
    near = neighbours_of(points, selected)
    chart = layout(
        points, width, height, TITLES, selected=selected, neighbours=near, highlighted=highlighted
    )
    check_readable(chart, points)
    labelled = {label.point_id for label in chart.labels}
    assert {selected, *near, *highlighted} <= labelled


@SETTINGS
@given(
    points=point_sets(min_size=1),
    zone=st.sampled_from(ZONES),
    width=st.integers(min_value=30, max_value=200),
    height=st.integers(min_value=10, max_value=60),
)
def test_zooming_draws_every_member_of_the_zone(
    points: list[MapPoint], zone: str | None, width: int, height: int
) -> None:
    extent = zone_extent(points, zone)
    chart = layout(points, width, height, TITLES, extent=extent, zone=zone, zoomed=True)
    check_readable(chart, points)
    members = {p.id for p in points if p.zone == zone}
    assert members <= {p.id for p in chart.points}
    assert members <= set(chart.markers)


@SETTINGS
@given(
    points=point_sets(min_size=1),
    data=st.data(),
    direction=st.sampled_from(DIRECTIONS),
    zoom=st.booleans(),
)
def test_an_arrow_key_moves_that_way_or_stays(
    points: list[MapPoint], data: st.DataObject, direction: Direction, zoom: bool
) -> None:
    zone = data.draw(st.sampled_from(ZONES))
    extent = zone_extent(points, zone) if zoom else full_extent(points)
    drawn = [p for p in points if extent.contains(p.x, p.y)]
    if not drawn:
        return
    origin = data.draw(st.sampled_from(drawn))
    chart = layout(points, 100, 30, TITLES, extent=extent, selected=origin.id)
    found = move(chart, direction)

    def ahead(p: MapPoint) -> bool:
        dx, dy = p.x - origin.x, p.y - origin.y
        wanted: dict[str, bool] = {"up": dy > 0, "down": dy < 0, "right": dx > 0, "left": dx < 0}
        return wanted[direction]

    candidates = {p.id for p in drawn if p.id != origin.id and ahead(p)}
    if found is None:
        assert candidates == set()  # stays only when nothing is that way
    else:
        assert found in candidates  # a drawn country strictly in that direction


@SETTINGS
@given(
    top=st.integers(min_value=0, max_value=3),
    left=st.integers(min_value=0, max_value=3),
    rows=st.integers(min_value=1, max_value=12),
    cols=st.integers(min_value=1, max_value=30),
    data=st.data(),
)
def test_a_crowded_marker_goes_to_the_nearest_free_cell(
    top: int, left: int, rows: int, cols: int, data: st.DataObject
) -> None:
    """The ring-by-ring search finds what looking at every cell finds."""
    from cxguide.logic.chart_grid import Box, _nearest_free_cell

    box = Box(left, top, left + cols - 1, top + rows - 1)
    cells = [(r, c) for r in range(box.top, box.bottom + 1) for c in range(box.left, box.right + 1)]
    used = set(data.draw(st.lists(st.sampled_from(cells), max_size=len(cells))))
    want = (
        data.draw(st.integers(box.top - 2, box.bottom + 2)),
        data.draw(st.integers(box.left - 2, box.right + 2)),
    )
    free = [(abs(r - want[0]) * 2 + abs(c - want[1]), r, c) for r, c in cells if (r, c) not in used]
    expected = min(free)[1:] if free else None
    assert _nearest_free_cell(box, want, used) == expected
