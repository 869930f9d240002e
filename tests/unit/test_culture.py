"""The culture-map logic, checked by hand against shared/reference/inglehart_welzel.csv.

Every expected number below was worked out by hand from the reference CSV's rows (columns
traditional_secular = y, survival_self_expression = x); the arithmetic is in the comments.
Distances are sqrt(dx² + dy²), rounded to 4 decimals; differences are second minus first.
"""

from __future__ import annotations

import dataclasses

import pytest

from cxguide.knowledge.models import Country, Knowledge
from cxguide.logic.culture import (
    SAME_WITHIN,
    Point,
    comparison,
    describe_difference,
    movement,
    nearest,
    neighbours,
    path,
    point,
    profile,
    read_position,
    zone_centre,
    zone_members,
)


def country(knowledge: Knowledge, country_id: str) -> Country:
    found = knowledge.country(country_id)
    assert found is not None, country_id
    return found


# --- the point the 2023 map draws ------------------------------------------------------------


def test_point_of_a_country_drawn_at_its_latest_row(knowledge: Knowledge) -> None:
    # CSV: Sweden 2017 (latest year) 1.1067, 3.1133.
    p = point(country(knowledge, "SWE"))
    assert (p.score.year, p.basis, p.y, p.x) == (2017, "map_2023", 1.1067, 3.1133)


def test_czechia_is_drawn_at_its_earlier_2017_row(knowledge: Knowledge) -> None:
    # SOURCES §2: the Czech dot sits at its 2017 row (1.1762, 0.9930), not at 2022 (1.3322, 0.7298).
    czechia = country(knowledge, "CZE")
    assert czechia.map_2023.status == "earlier_row"
    p = point(czechia)
    assert (p.score.year, p.basis, p.y, p.x) == (2017, "map_2023", 1.1762, 0.9930)
    assert czechia.latest.year == 2022


def test_armenia_unknown_map_year_uses_the_latest(knowledge: Knowledge) -> None:
    # Which Armenian year the map draws is not published: the latest row, 2021 (-1.3110, -0.7100).
    armenia = country(knowledge, "ARM")
    assert armenia.map_2023.status == "unknown"
    p = point(armenia)
    assert (p.score.year, p.basis, p.y, p.x) == (2021, "latest", -1.3110, -0.7100)


def test_india_map_point_is_2012_not_the_later_2023_row(knowledge: Knowledge) -> None:
    # The map's own table ends with India 2012 (-0.7095, -0.8615); 2023 is The Economist's.
    india = country(knowledge, "IND")
    p = point(india)
    assert (p.score.year, p.basis, p.y, p.x) == (2012, "map_2023", -0.7095, -0.8615)
    assert p.score.source == "wvsa_map_2023"
    assert (india.latest.year, india.latest.source) == (2023, "economist_cultural_map")


def test_cyprus_not_on_the_map_uses_the_latest(knowledge: Knowledge) -> None:
    # Cyprus: not on the 2023 map; latest row 2019 (-0.4121, -0.4995).
    cyprus = country(knowledge, "CYP")
    assert cyprus.map_2023.status == "not_on_map"
    p = point(cyprus)
    assert (p.score.year, p.basis, p.y, p.x) == (2019, "latest", -0.4121, -0.4995)


def test_point_in_a_chosen_year(knowledge: Knowledge) -> None:
    # CSV: Czechia 2022: 1.3322, 0.7298.
    p = point(country(knowledge, "CZE"), 2022)
    assert (p.score.year, p.basis, p.y, p.x) == (2022, "year", 1.3322, 0.7298)


def test_point_in_a_year_without_a_survey(knowledge: Knowledge) -> None:
    with pytest.raises(LookupError) as raised:
        point(country(knowledge, "CZE"), 2000)
    assert str(raised.value) == (
        "Czechia has no survey in 2000; its survey years are 1991, 1998, 1999, 2008, 2017, 2022"
    )


def test_path_has_every_survey_year_oldest_first(knowledge: Knowledge) -> None:
    russia = path(country(knowledge, "RUS"))
    assert [p.score.year for p in russia] == [1990, 1995, 1999, 2006, 2008, 2011, 2017]
    assert {p.basis for p in russia} == {"year"}
    # CSV: Russia 1990: 1.3023, -0.8138.
    assert (russia[0].y, russia[0].x) == (1.3023, -0.8138)


# --- neighbours and distances ------------------------------------------------------------------


def test_sweden_nearest_neighbours(knowledge: Knowledge) -> None:
    near = neighbours(knowledge, country(knowledge, "SWE"), n=2)
    # Sweden 2017 (1.1067, 3.1133).
    # Norway 2018 (0.9265, 3.0307): dy = 0.1802, dx = 0.0826;
    #   0.1802² + 0.0826² = 0.03247204 + 0.00682276 = 0.0392948; sqrt = 0.19823 -> 0.1982.
    # Denmark 2017 (1.0181, 2.8933): dy = 0.0886, dx = 0.2200;
    #   0.0886² + 0.2200² = 0.00784996 + 0.0484 = 0.05624996; sqrt = 0.23717 -> 0.2372.
    assert [(nb.point.country.id, nb.point.score.year, nb.distance) for nb in near] == [
        ("NOR", 2018, 0.1982),
        ("DNK", 2017, 0.2372),
    ]


def test_neighbours_use_each_others_map_point(knowledge: Knowledge) -> None:
    # Czechia at its map point, 2017 (1.1762, 0.9930); Estonia 2018 (0.8958, 0.7035):
    # dy = 0.2804, dx = 0.2895; 0.07862416 + 0.08381025 = 0.16243441; sqrt = 0.40303 -> 0.4030.
    near = neighbours(knowledge, country(knowledge, "CZE"), n=1)
    assert [(nb.point.country.id, nb.point.score.year, nb.distance) for nb in near] == [
        ("EST", 2018, 0.4030)
    ]


def test_neighbours_from_a_chosen_year(knowledge: Knowledge) -> None:
    nearby = nearest(knowledge, country(knowledge, "CZE"), n=115, year=2022)
    assert (nearby.origin.score.year, nearby.origin.basis) == (2022, "year")
    # From Czechia 2022 (1.3322, 0.7298) to Estonia 2018 (0.8958, 0.7035):
    # dy = 0.4364, dx = 0.0263; 0.19044496 + 0.00069169 = 0.19113665; sqrt = 0.43719 -> 0.4372.
    by_id = {nb.point.country.id: nb.distance for nb in nearby.neighbours}
    assert by_id["EST"] == 0.4372
    assert "CZE" not in by_id


def test_neighbours_n(knowledge: Knowledge) -> None:
    sweden = country(knowledge, "SWE")
    assert len(neighbours(knowledge, sweden, n=114)) == 114
    assert len(neighbours(knowledge, sweden, n=500)) == 114
    assert neighbours(knowledge, sweden, n=0) == ()


# --- comparisons --------------------------------------------------------------------------------


def test_poland_sweden_comparison(knowledge: Knowledge) -> None:
    poland, sweden = point(country(knowledge, "POL")), point(country(knowledge, "SWE"))
    # Poland 2017 (-0.4310, 0.5982), Sweden 2017 (1.1067, 3.1133).
    # y: 1.1067 - (-0.4310) = 1.5377 -> "by 1.5"; x: 3.1133 - 0.5982 = 2.5151 -> "by 2.5".
    ts = describe_difference(poland, sweden, "traditional_secular")
    assert ts.delta == 1.5377
    assert ts.text == "Sweden is more secular-rational than Poland by 1.5 on the map's scale."
    sse = describe_difference(poland, sweden, "survival_self_expression")
    assert sse.delta == 2.5151
    assert sse.text == (
        "Sweden is more self-expression-oriented than Poland by 2.5 on the map's scale."
    )
    back = describe_difference(sweden, poland, "traditional_secular")
    assert back.delta == -1.5377
    assert back.text == "Poland is more traditional than Sweden by 1.5 on the map's scale."
    back_x = describe_difference(sweden, poland, "survival_self_expression")
    assert back_x.text == "Poland is more survival-oriented than Sweden by 2.5 on the map's scale."
    # Distance: 1.5377² + 2.5151² = 2.36452129 + 6.32572801 = 8.6902493; sqrt = 2.94792 -> 2.9479.
    result = comparison([poland, sweden])
    assert len(result.pairs) == 1
    pair = result.pairs[0]
    assert (pair.first, pair.second, pair.distance) == (poland, sweden, 2.9479)
    assert [d.text for d in pair.differences] == [ts.text, sse.text]


def test_about_the_same(knowledge: Knowledge) -> None:
    # Czechia 2017 y 1.1762, Sweden 2017 y 1.1067: 1.1762 - 1.1067 = 0.0695 < 0.1.
    czechia, sweden = point(country(knowledge, "CZE")), point(country(knowledge, "SWE"))
    same = describe_difference(sweden, czechia, "traditional_secular")
    assert same.delta == 0.0695 and abs(same.delta) < SAME_WITHIN
    assert same.text == "Czechia and Sweden are about the same on traditional–secular values."


def test_comparison_has_every_pair_in_order(knowledge: Knowledge) -> None:
    points = [point(country(knowledge, c)) for c in ("POL", "SWE", "CZE", "JPN")]
    pairs = comparison(points).pairs
    assert [(p.first.country.id, p.second.country.id) for p in pairs] == [
        ("POL", "SWE"),
        ("POL", "CZE"),
        ("POL", "JPN"),
        ("SWE", "CZE"),
        ("SWE", "JPN"),
        ("CZE", "JPN"),
    ]


# --- movement -------------------------------------------------------------------------------------


def test_russia_movement_1990_to_2017(knowledge: Knowledge) -> None:
    # Russia 1990 (1.3023, -0.8138) -> 2017 (0.3895, -0.5950).
    # y: 0.3895 - 1.3023 = -0.9128 -> towards traditional by 0.9.
    # x: -0.5950 - (-0.8138) = 0.2188 -> towards self-expression by 0.2.
    moved = movement(country(knowledge, "RUS"), 1990, 2017)
    assert [(d.axis, d.delta) for d in moved] == [
        ("traditional_secular", -0.9128),
        ("survival_self_expression", 0.2188),
    ]
    assert [d.text for d in moved] == [
        "Moved towards traditional values by 0.9 from 1990 to 2017.",
        "Moved towards self-expression values by 0.2 from 1990 to 2017.",
    ]


def test_movement_about_the_same_names_the_axis(knowledge: Knowledge) -> None:
    # Czechia 1991 (1.2180, 0.2379) -> 1999 (1.2938, 0.8201).
    # y: 1.2938 - 1.2180 = 0.0758 < 0.1 -> about the same; x: 0.8201 - 0.2379 = 0.5822 -> 0.6.
    moved = movement(country(knowledge, "CZE"), 1991, 1999)
    assert [d.delta for d in moved] == [0.0758, 0.5822]
    assert [d.text for d in moved] == [
        "About the same on traditional–secular values from 1991 to 1999 (change under 0.1).",
        "Moved towards self-expression values by 0.6 from 1991 to 1999.",
    ]


def test_movement_needs_both_years(knowledge: Knowledge) -> None:
    with pytest.raises(LookupError):
        movement(country(knowledge, "RUS"), 1990, 2020)


# --- zones ----------------------------------------------------------------------------------------


def test_confucian_zone_centre(knowledge: Knowledge) -> None:
    zone = knowledge.zone("confucian")
    assert zone is not None
    centre = zone_centre(knowledge, zone)
    assert centre is not None
    # The 7 members at their map points (all latest rows), y then x:
    #   China 2018 0.5755, -0.1071; Hong Kong 2018 1.4589, -0.0582; Japan 2019 1.6146, 1.3020;
    #   Macau 2019 1.2713, 0.2036; Mongolia 2020 0.7472, 0.1470; South Korea 2018 1.4536, -0.4708;
    #   Taiwan 2019 1.1261, -0.1447.
    # y: 0.5755 + 1.4589 + 1.6146 + 1.2713 + 0.7472 + 1.4536 + 1.1261 = 8.2472; / 7 = 1.178171
    # x: -0.1071 - 0.0582 + 1.3020 + 0.2036 + 0.1470 - 0.4708 - 0.1447 = 0.8718; / 7 = 0.124543
    assert (centre.y, centre.x) == (1.1782, 0.1245)
    assert [p.country.id for p in centre.members] == [
        "CHN", "HKG", "JPN", "MAC", "MNG", "KOR", "TWN"
    ]  # fmt: skip


def test_zone_members_without_a_zone(knowledge: Knowledge) -> None:
    assert [c.id for c in zone_members(knowledge, None)] == ["DOM"]


def test_zone_centre_of_an_empty_zone(knowledge: Knowledge) -> None:
    zone = knowledge.zone("confucian")
    assert zone is not None
    empty = dataclasses.replace(zone, id="nowhere")
    assert zone_centre(knowledge, empty) is None


# --- what a position means --------------------------------------------------------------------


def test_russia_read_on_both_axes(knowledge: Knowledge) -> None:
    # Russia 2017: y 0.3895 -> "+0.39", x -0.5950 -> "-0.59" (two decimals, sign shown).
    ts, sse = read_position(knowledge, point(country(knowledge, "RUS")))
    assert (ts.axis, ts.side, ts.text) == (
        "traditional_secular",
        "positive",
        "secular-rational side (+0.39)",
    )
    assert ts.pole is not None and ts.pole.name == "Secular-rational values"
    assert (sse.axis, sse.side, sse.text) == (
        "survival_self_expression",
        "negative",
        "survival side (-0.59)",
    )
    assert sse.pole is not None and sse.pole.name == "Survival values"


def test_close_to_zero_is_on_neither_side(knowledge: Knowledge) -> None:
    # Hong Kong 2018: x -0.0582, within 0.1 of zero.
    hong_kong = point(country(knowledge, "HKG"))
    _ts, sse = read_position(knowledge, hong_kong)
    assert (sse.side, sse.text, sse.pole) == (
        "middle",
        "close to the middle (-0.06), on neither side",
        None,
    )


# --- the profile ------------------------------------------------------------------------------


def test_sweden_profile(knowledge: Knowledge) -> None:
    result = profile(knowledge, country(knowledge, "SWE"))
    assert result.zone is not None and result.zone.id == "protestant-europe"
    assert (result.point.score.year, result.point.basis) == (2017, "map_2023")
    assert len(result.path) == 8
    assert [n.point.country.id for n in result.neighbours][:2] == ["NOR", "DNK"]
    assert len(result.neighbours) == 5
    # Sweden 1981 (0.9959, 1.1942) -> 2017 (1.1067, 3.1133):
    # y 1.1067 - 0.9959 = 0.1108; x 3.1133 - 1.1942 = 1.9191.
    assert [d.delta for d in result.movement] == [0.1108, 1.9191]
    assert result.caveats[0].id == "averages-not-people"
    assert "says nothing certain about any one person" in result.caveats[0].text
    assert result.sources[:2] == ("wvsa_map_2023", "wvs_map_image_2023")
    assert "aleman_woods" in result.sources


def test_profile_near_zero_adds_the_zero_caveat(knowledge: Knowledge) -> None:
    result = profile(knowledge, country(knowledge, "HKG"))
    assert [c.id for c in result.caveats] == ["averages-not-people", "zero-is-not-the-average"]


def test_india_profile_cites_both_score_sources(knowledge: Knowledge) -> None:
    result = profile(knowledge, country(knowledge, "IND"))
    assert result.sources[:2] == ("wvsa_map_2023", "economist_cultural_map")


def test_profile_of_a_single_survey_has_no_movement(knowledge: Knowledge) -> None:
    result = profile(knowledge, country(knowledge, "DOM"))
    assert result.movement == ()
    assert result.zone is None
    assert result.country.zone_source is None
    assert "wvs_map_image_2023" not in result.sources  # no zone, so no zone source to cite


def test_profile_without_the_caveat_in_the_knowledge(knowledge: Knowledge) -> None:
    bare = dataclasses.replace(knowledge, value_caveats=(), value_dimensions=())
    result = profile(bare, country(bare, "SWE"))
    assert [c.text for c in result.caveats] == [
        "A country's average says nothing certain about any one person."
    ]
    assert all(r.pole is None for r in result.readings)
    assert isinstance(result.point, Point)
