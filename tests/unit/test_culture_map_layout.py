"""The cultural map's layout on the real countries: glyphs, range, labels, zoom, path, moves."""

from __future__ import annotations

import dataclasses

import pytest

from cxguide.knowledge.models import Knowledge, Zone
from cxguide.logic import culture
from cxguide.logic.chart_grid import Box, PlacedLabel, cell_width
from cxguide.logic.culture_map import (
    NEIGHBOURS,
    NO_ZONE_GLYPH,
    PATH_GLYPH,
    PATH_LINE,
    ZONE_GLYPHS,
    AxisTitles,
    Extent,
    MapLayout,
    MapPoint,
    caption_text,
    default_titles,
    fit_extent,
    full_extent,
    layout,
    legend_rows,
    legend_text,
    map_points,
    map_view,
    move,
    neighbours_of,
    path_points,
    scores_text,
    text_lines,
    titles_from,
    zone_extent,
    zone_keys,
)

# An 80x24 screen less the legend, status and footer lines; a 100x30 one; a 160x48 one.
SIZES = [(80, 20), (100, 26), (160, 44)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]


@pytest.fixture(scope="module")
def points(knowledge: Knowledge) -> tuple[MapPoint, ...]:
    return map_points(knowledge.countries, zone_keys(knowledge.zones, knowledge.countries))


@pytest.fixture(scope="module")
def titles(knowledge: Knowledge) -> AxisTitles:
    return titles_from(knowledge.value_dimensions)


def by_id(points: tuple[MapPoint, ...]) -> dict[str, MapPoint]:
    return {p.id: p for p in points}


def check_readable(chart: MapLayout) -> None:
    """Labels (and years, titles, caption) never overlap or touch; labels inside the box and
    never on a marker; one cell per marker, inside the box."""
    cells: dict[tuple[int, int], str] = {}
    for label in (*chart.labels, *chart.years):
        assert chart.box.top <= label.row <= chart.box.bottom, label
        assert chart.box.left <= label.col and label.end <= chart.box.right, label
        for col in range(label.col - 1, label.end + 2):
            assert (label.row, col) not in cells, (
                f"{label} overlaps or touches {cells[(label.row, col)]}"
            )
        for col in range(label.col, label.end + 1):
            cells[(label.row, col)] = label.point_id
    taken = [*chart.markers.values(), *chart.steps.values()]
    assert len(set(taken)) == len(taken)
    for cell in taken:
        assert chart.box.contains(*cell)
        assert cell not in cells
    for title in (*chart.titles, *((chart.caption,) if chart.caption else ())):
        assert 0 <= title.col and title.col + title.width <= chart.width
        for col in range(title.col, title.col + title.width):
            assert (title.row, col) not in cells
    if chart.caption is not None:
        top = next(t for t in chart.titles if t.side == "top")
        assert chart.caption.col + chart.caption.width + 2 <= top.col or (
            top.col + top.width + 2 <= chart.caption.col
        )


# ------------------------------------------------------------------ points and zones


def test_every_zone_has_its_own_glyph_in_the_knowledge_order(knowledge: Knowledge) -> None:
    keys = zone_keys(knowledge.zones, knowledge.countries)
    assert [k.id for k in keys] == [*(z.id for z in knowledge.zones), None]
    assert [k.name for k in keys[:-1]] == [z.name for z in knowledge.zones]
    assert [k.glyph for k in keys] == [*ZONE_GLYPHS[: len(knowledge.zones)], NO_ZONE_GLYPH]
    assert len({k.glyph for k in keys}) == len(keys)
    assert len({k.colour for k in keys}) == len(keys)
    assert keys[-1].name == "No zone given"
    assert all(cell_width(k.glyph) == 1 for k in keys)


def test_zone_keys_without_zones_use_the_countries_zone_ids(knowledge: Knowledge) -> None:
    keys = zone_keys((), knowledge.countries[:3])  # Albania, Algeria, Andorra
    assert [(k.id, k.name, k.glyph) for k in keys] == [
        ("african-islamic", "african-islamic", "●"),
        ("catholic-europe", "catholic-europe", "■"),
    ]
    assert zone_keys((), ()) == ()


def test_map_points_are_the_countries_points(
    knowledge: Knowledge, points: tuple[MapPoint, ...]
) -> None:
    assert len(points) == len(knowledge.countries) == 115
    for country, p in zip(knowledge.countries, points, strict=True):
        chosen = culture.point(country)
        assert (p.id, p.name, p.year, p.x, p.y) == (
            country.id,
            country.name,
            chosen.score.year,
            chosen.x,
            chosen.y,
        )
    swe = by_id(points)["SWE"]
    # Sweden 2017: survival–self-expression 3.1133, traditional–secular 1.1067.
    assert (swe.code, swe.zone, swe.glyph, swe.year, swe.x, swe.y) == (
        "SWE",
        "protestant-europe",
        "●",
        2017,
        3.1133,
        1.1067,
    )
    assert by_id(points)["GB-NIR"].code == "GB-NIR"  # no ISO3 code: the id stands in
    assert by_id(points)["DOM"].glyph == NO_ZONE_GLYPH


def test_neighbours_follow_the_culture_rule(
    knowledge: Knowledge, points: tuple[MapPoint, ...]
) -> None:
    for country in knowledge.countries:
        expected = tuple(nb.point.country.id for nb in culture.neighbours(knowledge, country))
        assert neighbours_of(points, country.id) == expected, country.id
    assert neighbours_of(points, "nowhere") == ()
    assert len(neighbours_of(points, "SWE", 3)) == 3


def test_titles_come_from_the_knowledge(knowledge: Knowledge) -> None:
    assert titles_from(knowledge.value_dimensions) == AxisTitles(
        top="Secular-rational values",
        bottom="Traditional values",
        left="Survival values",
        right="Self-expression values",
    )
    assert titles_from(()) == default_titles()


def test_path_points_are_every_survey_year(knowledge: Knowledge) -> None:
    germany = knowledge.country("DEU")
    assert germany is not None
    steps = path_points(germany)
    assert [s.year for s in steps] == [s.year for s in germany.scores]
    assert (steps[-1].x, steps[-1].y) == (2.1561, 0.8909)


# ------------------------------------------------------------------ range


def test_extent_normalise_and_scale_are_inverse() -> None:
    extent = Extent(-2.0, 3.0, -2.5, 1.5)
    assert extent.normalise(-2.0, -2.5) == (-1.0, -1.0)
    assert extent.normalise(3.0, 1.5) == (1.0, 1.0)
    assert extent.normalise(0.5, -0.5) == (0.0, 0.0)
    assert extent.scale(*extent.normalise(1.25, 0.75)) == pytest.approx((1.25, 0.75))


def test_full_extent_holds_every_point_and_path(
    knowledge: Knowledge, points: tuple[MapPoint, ...]
) -> None:
    every = [s for c in knowledge.countries for s in path_points(c)]
    extent = full_extent(points, every)
    assert all(extent.contains(p.x, p.y) for p in points)
    assert all(extent.contains(s.x, s.y) for s in every)
    assert extent.x_min < -2.3 and extent.x_max > 3.2 and extent.y_min < -2.2
    assert fit_extent([], 0.1) == Extent(-1.0, 1.0, -1.0, 1.0)


@pytest.mark.parametrize("zone", ["protestant-europe", "confucian", "latin-america"])
def test_zone_extent_fits_the_members(points: tuple[MapPoint, ...], zone: str) -> None:
    extent = zone_extent(points, zone)
    members = [p for p in points if p.zone == zone]
    assert all(extent.contains(p.x, p.y) for p in members)
    assert extent.x_min >= min(p.x for p in members) - 1.0
    assert extent.x_max - extent.x_min < 3.5  # narrower than the whole map (about 5.7)


def test_a_zone_of_one_country_gets_a_minimum_span(points: tuple[MapPoint, ...]) -> None:
    extent = zone_extent(points, None)  # only the Dominican Republic has no zone
    assert extent.x_max - extent.x_min == pytest.approx(0.8)
    assert extent.y_max - extent.y_min == pytest.approx(0.8)


# ------------------------------------------------------------------ layout


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_every_country_has_a_marker_and_labels_never_overlap(
    points: tuple[MapPoint, ...], titles: AxisTitles, size: tuple[int, int]
) -> None:
    chart = layout(points, *size, titles, selected="DEU", neighbours=neighbours_of(points, "DEU"))
    assert set(chart.markers) == {p.id for p in points}
    check_readable(chart)
    names = by_id(points)
    for label in chart.labels:
        assert label.text in (names[label.point_id].name, names[label.point_id].code)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_selected_and_neighbours_are_always_labelled(
    points: tuple[MapPoint, ...], titles: AxisTitles, size: tuple[int, int]
) -> None:
    for selected in ("DEU", "NGA", "JPN", "DOM", "GB-NIR"):
        near = neighbours_of(points, selected)
        chart = layout(points, *size, titles, selected=selected, neighbours=near)
        labelled = {label.point_id for label in chart.labels}
        assert {selected, *near} <= labelled, (selected, size)
        assert chart.neighbours == near and chart.selected == selected
        check_readable(chart)


def test_labels_are_names_where_roomy_and_codes_where_crowded(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    small = layout(points, 80, 20, titles)
    large = layout(points, 160, 44, titles)
    names = by_id(points)

    def full(chart: MapLayout) -> int:
        return sum(1 for label in chart.labels if label.text == names[label.point_id].name)

    assert len(large.labels) > len(small.labels) >= 50
    assert full(large) > full(small)
    assert any(label.text == names[label.point_id].code for label in small.labels)
    assert len(large.labels) >= 105


def test_a_label_starts_next_to_its_marker_when_there_is_room(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    chart = layout(points, 160, 44, titles, selected="QAT")
    row, col = chart.markers["QAT"]  # Qatar stands alone at the bottom
    assert chart.label_of("QAT") == PlacedLabel("QAT", "Qatar", row, col + 2)


def test_titles_name_both_axes_with_their_poles(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    chart = layout(points, 100, 26, titles)
    placed = {t.side: t for t in chart.titles}
    assert placed["top"].text == "↑ Secular-rational values" and placed["top"].row == 0
    assert placed["bottom"].text == "↓ Traditional values" and placed["bottom"].row == 25
    assert placed["left"].text == "← Survival values" and placed["left"].col == 0
    right = placed["right"]
    assert right.text == "Self-expression values →" and right.col + right.width == 100
    assert chart.box == Box(left=1, top=1, right=98, bottom=24)


def test_zero_lines_are_at_zero(points: tuple[MapPoint, ...], titles: AxisTitles) -> None:
    chart = layout(points, 160, 44, titles)
    assert (chart.mid_row, chart.mid_col) == chart.cell_of(0.0, 0.0)
    zoomed = layout(
        points, 160, 44, titles, extent=zone_extent(points, "protestant-europe"), zoomed=True
    )
    assert zoomed.mid_row is None and zoomed.mid_col is None  # zero is outside the zone


def test_markers_are_at_their_cells_when_uncrowded(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    chart = layout(points, 160, 44, titles)
    for point_id in ("SWE", "QAT", "JPN", "EGY", "ZWE"):
        p = by_id(points)[point_id]
        assert chart.markers[point_id] == chart.cell_of(p.x, p.y), point_id


def test_the_same_input_gives_the_same_layout(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    first = layout(points, 100, 26, titles, selected="SWE", neighbours=("NOR", "DNK"))
    again = layout(points, 100, 26, titles, selected="SWE", neighbours=("NOR", "DNK"))
    assert first == again


def test_highlighted_are_labelled_after_the_selection(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    picks = ("DEU", "JPN", "USA", "BRA")
    chart = layout(points, 80, 20, titles, highlighted=picks)
    assert {label.point_id for label in chart.labels} >= set(picks)
    assert chart.highlighted == frozenset(picks)


# ------------------------------------------------------------------ zoom


def test_zooming_draws_only_what_is_in_range(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    extent = zone_extent(points, "protestant-europe")
    chart = layout(points, 100, 26, titles, extent=extent, zone="protestant-europe", zoomed=True)
    members = {p.id for p in points if p.zone == "protestant-europe"}
    drawn = {p.id for p in chart.points}
    assert members <= drawn
    assert drawn == {p.id for p in points if extent.contains(p.x, p.y)}
    assert len(drawn) < len(points)
    assert chart.zoomed and chart.zone == "protestant-europe"
    # Plenty of room: every country drawn has its name.
    assert {label.point_id: label.text for label in chart.labels} == {
        p.id: p.name for p in chart.points
    }
    check_readable(chart)


def test_caption_goes_left_of_the_top_title_or_moves_it(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    short = layout(points, 100, 26, titles, caption="Zoomed into Confucian")
    assert short.caption is not None and short.caption.col == 0
    assert short.caption.text == "Zoomed into Confucian"
    long_text = "Zoomed into Latin America · path of Mexico, 1981–2018"
    moved = layout(points, 100, 26, titles, caption=long_text)
    assert moved.caption is not None and moved.caption.text == long_text
    top = next(t for t in moved.titles if t.side == "top")
    assert top.col + top.width == 100
    narrow = layout(points, 60, 20, titles, caption=long_text)
    assert narrow.caption is not None and narrow.caption.text.endswith("…")
    check_readable(narrow)


def test_caption_text() -> None:
    assert caption_text(None, None, ()) is None
    assert caption_text("Confucian", None, ()) == "Zoomed into Confucian"


# ------------------------------------------------------------------ path


def test_path_draws_every_earlier_year_joined_by_dots(
    knowledge: Knowledge, points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    germany = knowledge.country("DEU")
    assert germany is not None
    steps = path_points(germany)
    every = [s for c in knowledge.countries for s in path_points(c)]
    chart = layout(
        points,
        160,
        44,
        titles,
        extent=full_extent(points, every),
        selected="DEU",
        path_of="DEU",
        path=steps,
    )
    assert chart.path_of == "DEU" and chart.path == steps
    assert set(chart.steps) == {s.year for s in steps} - {2018}  # 2018 is Germany's marker
    assert {label.text for label in chart.years} == {str(year) for year in chart.steps}
    assert chart.path_line
    assert not set(chart.path_line) & {*chart.markers.values(), *chart.steps.values()}
    lines = text_lines(chart)
    for year, (row, col) in chart.steps.items():
        assert lines[row][col] == PATH_GLYPH, year
    assert sum(line.count(PATH_LINE) for line in lines) == len(chart.path_line)
    check_readable(chart)


def test_path_outside_the_range_is_broken_not_joined(
    knowledge: Knowledge, points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    germany = knowledge.country("DEU")
    assert germany is not None
    extent = zone_extent(points, "protestant-europe")  # without the path: 1981, 1997... out
    chart = layout(
        points,
        100,
        26,
        titles,
        extent=extent,
        zoomed=True,
        selected="DEU",
        path_of="DEU",
        path=path_points(germany),
    )
    inside = {s.year for s in path_points(germany) if extent.contains(s.x, s.y)} - {2018}
    assert set(chart.steps) == inside
    assert 1997 not in chart.steps and 1990 in chart.steps


def test_no_path_without_its_country(points: tuple[MapPoint, ...], titles: AxisTitles) -> None:
    chart = layout(points, 100, 26, titles, path_of="nowhere", path=())
    assert chart.path_of is None and not chart.steps and not chart.path_line


# ------------------------------------------------------------------ painting and legend


def test_painted_map_shows_glyphs_labels_and_titles(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    chart = layout(points, 100, 26, titles, selected="SWE")
    lines = text_lines(chart)
    assert len(lines) == 26
    glyphs = by_id(points)
    for point_id, (row, col) in chart.markers.items():
        assert lines[row][col] == glyphs[point_id].glyph
    for label in chart.labels:
        assert lines[label.row][label.col : label.col + len(label.text)] == label.text
    assert lines[0].strip() == "↑ Secular-rational values"
    assert lines[-1].startswith("← Survival values")
    assert lines[-1].endswith("Self-expression values →")
    assert "┄" in "".join(lines) and "┆" in "".join(lines)


def test_legend_rows_wrap(knowledge: Knowledge) -> None:
    keys = zone_keys(knowledge.zones, knowledge.countries)
    wide = legend_rows(keys, 160)
    narrow = legend_rows(keys, 80)
    assert [k for row in wide for k in row] == list(keys) == [k for row in narrow for k in row]
    assert len(wide) == 2 and len(narrow) == 3
    for row in narrow:
        assert sum(cell_width(legend_text(k)) for k in row) + 2 * (len(row) - 1) <= 80
    assert legend_text(keys[0]) == "● Protestant Europe"


# ------------------------------------------------------------------ navigation and clicks


def test_arrow_moves_go_that_way_or_stay(points: tuple[MapPoint, ...], titles: AxisTitles) -> None:
    chart = layout(points, 100, 26, titles, selected="DEU")
    germany = by_id(points)["DEU"]
    left = move(chart, "left")
    assert left is not None and by_id(points)[left].x < germany.x
    up = move(chart, "up")
    assert up is not None and by_id(points)[up].y > germany.y
    sweden = layout(points, 100, 26, titles, selected="SWE")  # the furthest right
    assert move(sweden, "right") is None
    assert move(layout(points, 100, 26, titles), "up") is None  # nothing selected


def test_a_click_on_a_marker_or_label_picks_its_country(
    points: tuple[MapPoint, ...], titles: AxisTitles
) -> None:
    chart = layout(points, 160, 44, titles)
    row, col = chart.markers["QAT"]
    assert chart.point_at(row, col) == "QAT"
    label = chart.label_of("QAT")
    assert label is not None and chart.point_at(label.row, label.end) == "QAT"
    assert chart.point_at(0, 0) is None


# ------------------------------------------------------------------ a whole view


def test_map_view_zooms_selects_and_draws_the_path(knowledge: Knowledge) -> None:
    zone = knowledge.zone("latin-america")
    mexico = knowledge.country("MEX")
    assert zone is not None and mexico is not None
    view = map_view(knowledge, 100, 30, zone=zone, country=mexico, path=True)
    chart = view.chart
    assert chart.zoomed and chart.zone == "latin-america" and chart.selected == "MEX"
    assert view.path == path_points(mexico)
    assert all(chart.extent.contains(s.x, s.y) for s in view.path)  # the range takes the path
    drawn = chart.point("MEX")
    assert drawn is not None and drawn.year == 2018
    assert set(chart.steps) == {s.year for s in view.path} - {drawn.year}
    assert chart.caption is not None
    assert chart.caption.text == "Zoomed into Latin America · path of Mexico, 1981–2018"
    plain = map_view(knowledge, 100, 30)
    assert not plain.chart.zoomed and plain.chart.selected is None and plain.path == ()
    assert len(plain.chart.markers) == 115


def test_map_view_without_path_draws_no_steps(knowledge: Knowledge) -> None:
    japan = knowledge.country("JPN")
    assert japan is not None
    view = map_view(knowledge, 100, 30, country=japan)
    assert view.chart.selected == "JPN" and not view.chart.steps
    assert len(view.chart.neighbours) == NEIGHBOURS


def test_scores_are_named_by_the_pole_they_lean_to(points: tuple[MapPoint, ...]) -> None:
    assert scores_text(by_id(points)["DEU"]) == "self-expression +2.16 · secular-rational +0.89"
    assert scores_text(by_id(points)["NGA"]).startswith("survival -")
    middle = dataclasses.replace(by_id(points)["DEU"], x=0.05, y=-0.09)
    assert scores_text(middle) == "survival–self-expression +0.05 · traditional–secular -0.09"


def test_more_zones_than_glyphs_get_letters() -> None:
    zones = [Zone(f"z{i}", f"Zone {i}", "", ()) for i in range(10)]
    keys = zone_keys(zones)
    assert [k.glyph for k in keys] == [*ZONE_GLYPHS, "A", "B"]
    assert len({k.colour for k in keys}) == len(ZONE_GLYPHS)  # colours repeat; glyphs do not


def test_every_glyph_has_an_svg_shape() -> None:
    import xml.etree.ElementTree as ET

    from cxguide.export.map_svg import shape

    for glyph in (*ZONE_GLYPHS, NO_ZONE_GLYPH, "A"):
        element = ET.fromstring(shape(glyph, 10, 10, 4, "#123456"))
        assert element.tag in ("circle", "rect", "polygon", "text"), glyph
    assert ET.fromstring(shape("A", 10, 10, 4, "#123456")).text == "A"
