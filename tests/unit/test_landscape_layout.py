"""The landscape chart's layout on the real 2014 methods: positions, spans, labels, navigation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cxguide.knowledge import Knowledge, load_knowledge
from cxguide.logic.landscape_chart import (
    AxisTitles,
    Box,
    ChartLayout,
    ChartPoint,
    Direction,
    from_cell,
    layout,
    nearest_in_direction,
    nearest_point,
    point_at,
    points_for,
    short_code,
    shorten,
    to_cell,
)

TITLES = AxisTitles(
    top="What people do",
    bottom="What people say",
    left="Why & how to fix",
    right="How many & how much",
)
# The chart's own share of an 80x24 screen (the finder gives it about 78x16, less a status
# line), a full 80x24 screen less the status and footer lines, and a large terminal.
SIZES = [(78, 15), (80, 22), (160, 46), (240, 70)]
TOP_PICKS = ("interviews", "usability-lab-studies", "concept-testing")
RULED_OUT = ("eyetracking", "clickstream-analysis")


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    load_knowledge.cache_clear()
    return load_knowledge(None)


@pytest.fixture(scope="module")
def points(knowledge: Knowledge) -> tuple[ChartPoint, ...]:
    return points_for(knowledge.methods_of("2014"), TOP_PICKS, RULED_OUT)


def label_cells(chart: ChartLayout) -> dict[tuple[int, int], str]:
    cells: dict[tuple[int, int], str] = {}
    for label in chart.labels:
        for col in range(label.col, label.end + 1):
            assert (label.row, col) not in cells, f"{label} overlaps {cells[(label.row, col)]}"
            cells[(label.row, col)] = label.point_id
    return cells


def check_readable(chart: ChartLayout) -> None:
    """Labels inside the grid and in the plot rows, never on a label, a marker or a title."""
    cells = label_cells(chart)
    for row, col in cells:
        assert 0 <= row < chart.height and 0 <= col < chart.width
        assert chart.box.top <= row <= chart.box.bottom
    for point_id, cell in chart.markers.items():
        assert chart.box.contains(*cell), point_id
        assert cell not in cells, f"a label covers the marker of {point_id}"
    assert len(set(chart.markers.values())) == len(chart.markers)
    for title in chart.titles:
        assert 0 <= title.col and title.col + title.width <= chart.width
        for col in range(title.col, title.col + title.width):
            assert (title.row, col) not in cells


# ------------------------------------------------------------------ points


def test_points_for_the_2014_methods(knowledge: Knowledge, points: tuple[ChartPoint, ...]) -> None:
    methods = knowledge.methods_of("2014")
    assert [p.id for p in points] == [m.id for m in methods]
    by_id = {p.id: p for p in points}
    assert by_id["usability-benchmarking"].label == "Usability Benchmarking (in lab)"
    assert by_id["interviews"] == ChartPoint(
        "interviews", "Interviews", -0.75, -0.91, None, None, highlight=True
    )
    assert by_id["card-sorting"].x_span == (-0.3, 0.26)
    assert by_id["ethnographic-field-studies"].y_span == (-0.11, 0.2)
    assert {p.id for p in points if p.highlight} == set(TOP_PICKS)
    assert {p.id for p in points if p.dimmed} == set(RULED_OUT)


def test_methods_without_positions_are_left_out(knowledge: Knowledge) -> None:
    assert points_for(knowledge.methods_of("2022")) == ()


def test_label_falls_back_to_the_name(knowledge: Knowledge) -> None:
    method = replace(knowledge.methods_of("2014")[0], chart_label=None)
    assert points_for([method])[0].label == method.name == "Usability-Lab Studies"


# ------------------------------------------------------------------ geometry


def test_to_cell_corners_and_centre() -> None:
    box = Box(left=1, top=1, right=77, bottom=13)
    assert to_cell(-1.0, 1.0, box) == (1, 1)  # qualitative & behavioral: top left
    assert to_cell(1.0, 1.0, box) == (1, 77)
    assert to_cell(-1.0, -1.0, box) == (13, 1)
    assert to_cell(1.0, -1.0, box) == (13, 77)  # quantitative & attitudinal: bottom right
    assert to_cell(0.0, 0.0, box) == (7, 39)
    assert to_cell(-5.0, 5.0, box) == (1, 1)  # clamped


def test_from_cell_inverts_to_cell() -> None:
    box = Box(left=1, top=1, right=77, bottom=13)
    assert from_cell(1, 1, box) == (-1.0, 1.0)
    assert from_cell(13, 77, box) == (1.0, -1.0)
    assert from_cell(7, 39, box) == (0.0, 0.0)
    for row in range(box.top, box.bottom + 1):
        for col in range(box.left, box.right + 1):
            assert to_cell(*from_cell(row, col, box), box) == (row, col)


# ------------------------------------------------------------------ markers and spans


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_method_has_a_marker_inside_the_box(
    points: tuple[ChartPoint, ...], size: tuple[int, int]
) -> None:
    chart = layout(points, *size, TITLES)
    assert set(chart.markers) == {p.id for p in points}
    check_readable(chart)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_three_columns_and_the_shared_bottom_row(
    points: tuple[ChartPoint, ...], size: tuple[int, int]
) -> None:
    markers = layout(points, *size, TITLES).markers
    rows = {markers[i][0] for i in ("interviews", "card-sorting", "email-surveys")}
    assert len(rows) == 1
    # -0.75, -0.05 and +0.65 each make one column.
    assert len({markers[p.id][1] for p in points if p.x == -0.75}) == 1
    assert len({markers[p.id][1] for p in points if p.x == -0.05}) == 1
    assert len({markers[p.id][1] for p in points if p.x == 0.65}) == 1
    assert markers["interviews"][1] < markers["card-sorting"][1] < markers["email-surveys"][1]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_column_keeps_the_measured_order(
    points: tuple[ChartPoint, ...], size: tuple[int, int]
) -> None:
    markers = layout(points, *size, TITLES).markers
    column = [p for p in points if p.x == -0.75]  # lab, field, participatory, focus, interviews
    rows = [markers[p.id][0] for p in sorted(column, key=lambda p: -p.y)]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)


def test_markers_at_their_measured_cells_on_a_large_chart(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 160, 46, TITLES)
    assert chart.box == Box(left=1, top=1, right=158, bottom=44)
    for point in points:
        assert chart.markers[point.id] == to_cell(point.x, point.y, chart.box), point.id


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_spans_are_drawn_through_their_markers(
    points: tuple[ChartPoint, ...], size: tuple[int, int]
) -> None:
    chart = layout(points, *size, TITLES)
    spans = {(run.point_id, run.horizontal): run for run in chart.spans}
    assert set(spans) == {
        ("concept-testing", True),
        ("desirability-studies", True),
        ("card-sorting", True),
        ("ethnographic-field-studies", False),
    }
    for (point_id, _horizontal), run in spans.items():
        assert chart.markers[point_id] in set(run.cells())
        assert run.length > 1
    card = spans[("card-sorting", True)]
    assert card.col == to_cell(-0.3, 0, chart.box)[1]
    assert card.col + card.length - 1 == to_cell(0.26, 0, chart.box)[1]
    field = spans[("ethnographic-field-studies", False)]
    assert field.row == to_cell(0, 0.2, chart.box)[0]
    assert field.row + field.length - 1 == to_cell(0, -0.11, chart.box)[0]


def test_midlines_cross_at_the_centre(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 160, 46, TITLES)
    assert (chart.mid_row, chart.mid_col) == to_cell(0, 0, chart.box) == (23, 80)


# ------------------------------------------------------------------ titles and labels


def test_titles_at_the_four_sides(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 80, 22, TITLES)
    titles = {t.side: t for t in chart.titles}
    assert titles["top"].text == "↑ What people do" and titles["top"].row == 0
    assert titles["bottom"].text == "↓ What people say" and titles["bottom"].row == 21
    assert titles["left"].text == "← Why & how to fix" and titles["left"].col == 0
    right = titles["right"]
    assert right.text == "How many & how much →" and right.col + right.width == 80
    # The top and bottom titles sit over and under the vertical midline.
    assert titles["top"].col <= chart.mid_col < titles["top"].col + titles["top"].width
    assert titles["bottom"].col <= chart.mid_col < titles["bottom"].col + titles["bottom"].width


def test_titles_are_shortened_when_narrow(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 40, 12, TITLES)
    texts = [t.text for t in chart.titles]
    assert texts[0] == "↑ What people do"
    assert any(t.endswith("…") or t.endswith("… →") for t in texts[1:])
    check_readable(chart)


@pytest.mark.parametrize("size", [(80, 22), (160, 46), (240, 70)], ids=str)
def test_every_label_in_full_from_80_columns(
    points: tuple[ChartPoint, ...], size: tuple[int, int]
) -> None:
    chart = layout(points, *size, TITLES)
    assert {label.point_id: label.text for label in chart.labels} == {p.id: p.label for p in points}


def test_labels_sit_next_to_their_markers(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 160, 46, TITLES)
    for label in chart.labels:
        row, col = chart.markers[label.point_id]
        assert abs(label.row - row) <= 1, label
        next_to = label.col == col + 2 or label.end == col - 2
        over_or_under = label.row != row and label.col <= col <= label.end
        past_span = any(
            run.point_id == label.point_id and label.col == run.col + run.length + 1
            for run in chart.spans
        )
        assert next_to or over_or_under or past_span, label
    interviews = chart.label_of("interviews")
    assert interviews is not None
    assert interviews.col == chart.markers["interviews"][1] + 2  # to the right


def test_tight_space_shortens_then_codes_then_leaves_out(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 30, 10, TITLES)
    check_readable(chart)
    by_id = {p.id: p for p in points}
    kinds = set()
    for label in chart.labels:
        full = by_id[label.point_id].label
        if label.text == full:
            kinds.add("full")
        elif label.text.endswith("…"):
            assert full.startswith(label.text[:-1])
            kinds.add("short")
        else:
            assert label.text == short_code(full)
            kinds.add("code")
    assert "short" in kinds
    # Still: every marker is drawn.
    assert len(chart.markers) == len(points)


def test_the_selected_and_the_highlighted_labels_come_first() -> None:
    # A one-row chart: A's label fits only to its right, B's only to its left, not both.
    pair = [
        ChartPoint("a", "Long name A", -0.5, 0.0, None, None),
        ChartPoint("b", "Long name B", 0.5, 0.0, None, None),
    ]

    def texts(chart: ChartLayout) -> dict[str, str]:
        check_readable(chart)
        return {label.point_id: label.text for label in chart.labels}

    assert texts(layout(pair, 40, 1, TITLES)) == {"a": "Long name A", "b": "Long nam…"}
    selected = {"a": "Long nam…", "b": "Long name B"}
    assert texts(layout(pair, 40, 1, TITLES, selected="b")) == selected
    highlighted = [pair[0], replace(pair[1], highlight=True)]
    assert texts(layout(highlighted, 40, 1, TITLES)) == selected


def test_a_label_is_left_out_when_nothing_fits() -> None:
    # Three markers side by side on a one-row chart: the middle one has no room even for a code.
    trio = [
        ChartPoint("a", "Alpha", -0.3, 0.0, None, None),
        ChartPoint("b", "Beta", 0.0, 0.0, None, None),
        ChartPoint("c", "Gamma", 0.3, 0.0, None, None),
    ]
    chart = layout(trio, 7, 1, TITLES)
    assert chart.markers == {"a": (0, 2), "b": (0, 3), "c": (0, 4)}
    assert chart.titles == ()
    assert [(label.point_id, label.text) for label in chart.labels] == [("a", "A"), ("c", "G")]
    check_readable(chart)


def test_layout_is_deterministic(points: tuple[ChartPoint, ...]) -> None:
    assert layout(points, 78, 15, TITLES) == layout(list(points), 78, 15, TITLES)


def test_shorten_and_short_code() -> None:
    assert shorten("Usability Lab Studies", 30) == "Usability Lab Studies"
    assert shorten("Usability Lab Studies", 8) == "Usabili…"
    assert shorten("Usability Lab Studies", 11) == "Usability…"  # no space before the …
    assert short_code("Usability Benchmarking (in lab)") == "UB"
    assert short_code("A/B Testing") == "ABT"
    assert short_code("Diary/Camera Studies") == "DCS"
    assert short_code("card sorting") == "CS"


# ------------------------------------------------------------------ navigation


@pytest.mark.parametrize(
    ("start", "direction", "expected"),
    [
        # Same column (-0.75), next one up: Focus Groups at -0.79 above Interviews at -0.91.
        ("interviews", "up", "focus-groups"),
        ("focus-groups", "down", "interviews"),
        ("interviews", "down", None),  # nothing says less than -0.91
        ("interviews", "left", None),  # nothing is more qualitative than -0.75
        # Same row (-0.91): Card Sorting, then Email Surveys.
        ("interviews", "right", "card-sorting"),
        ("card-sorting", "right", "email-surveys"),
        ("email-surveys", "left", "card-sorting"),
        ("ethnographic-field-studies", "up", "usability-lab-studies"),
        # Nothing above Usability Lab Studies (+0.38) in its column; of the methods up and to
        # the right, Usability Benchmarking (+0.64, 0.70 right) is within 3:1 of straight up.
        ("usability-lab-studies", "up", "usability-benchmarking"),
        # Concept Testing (-0.48, -0.05) left: Participatory Design (-0.69, -0.75) is nearest.
        ("concept-testing", "left", "participatory-design"),
        ("eyetracking", "up", "clickstream-analysis"),  # +0.91 is (just) above +0.90
        ("clickstream-analysis", "up", None),
    ],
)
def test_nearest_in_direction(
    points: tuple[ChartPoint, ...], start: str, direction: Direction, expected: str | None
) -> None:
    assert nearest_in_direction(points, start, direction) == expected


def test_nearest_in_direction_from_an_unknown_point(points: tuple[ChartPoint, ...]) -> None:
    assert nearest_in_direction(points, "no-such-method", "up") is None


def test_nearest_point(points: tuple[ChartPoint, ...]) -> None:
    assert nearest_point(points, -0.75, -0.91) == "interviews"
    assert nearest_point(points, 1.0, 1.0) == "clickstream-analysis"
    assert nearest_point(points, 0.0, 0.0) == "unmoderated-remote-panel-studies"  # -0.05, +0.14
    assert nearest_point(points, 0.6, 0.0) == "true-intent-studies"  # +0.65, +0.04
    assert nearest_point((), 0.0, 0.0) is None


def test_point_at_markers_labels_and_near_misses(points: tuple[ChartPoint, ...]) -> None:
    chart = layout(points, 160, 46, TITLES)
    row, col = chart.markers["card-sorting"]
    assert point_at(chart, row, col) == "card-sorting"
    assert point_at(chart, row, col + 1) == "card-sorting"  # just beside it
    label = chart.label_of("email-surveys")
    assert label is not None
    assert point_at(chart, label.row, label.end) == "email-surveys"
    assert point_at(chart, 2, 2) is None  # an empty corner
