"""Pilot tests of the culture area: the profile, the map view, and the comparison of 2-6 countries.

Every expectation comes from ``cxguide.logic.culture`` (the screen must show what the logic
answers, never its own sums).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import DataTable, OptionList

from cxguide.logic.culture import comparison, neighbours, point, profile
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.culture import COMPARE_MAX, CultureScreen
from cxguide.tui.widgets.comparison_view import ComparisonView
from cxguide.tui.widgets.country_profile import (
    CountryProfile,
    chart_scale,
    path_chart,
    sparkline,
)
from cxguide.tui.widgets.culture_map import CultureMap
from cxguide.tui.widgets.key_bar import KeyBar, arrange
from cxguide.tui.widgets.listing_table import ListingTable

from .conftest import settle

MakeApp = Callable[[], CxGuideApp]
NARROW = (80, 24)
WIDE = (160, 48)


def culture_of(app: CxGuideApp) -> CultureScreen:
    screen = app.get_screen_stack("culture")[0]
    assert isinstance(screen, CultureScreen)
    return screen


def profile_text(app: CxGuideApp) -> str:
    return culture_of(app).query_one(CountryProfile).plain


def compare_text(app: CxGuideApp) -> str:
    return culture_of(app).query_one(ComparisonView).plain


def notices_of(app: CxGuideApp) -> list[str]:
    """Collect the app's notifications instead of showing them."""
    notices: list[str] = []
    app.notify = lambda message, **kwargs: notices.append(str(message))  # type: ignore[method-assign]
    return notices


def culture_map_highlighted(culture_map: CultureMap) -> tuple[str, ...]:
    return tuple(culture_map.chart.highlighted)


async def open_culture(pilot: Any, country_id: str | None = None) -> CultureScreen:
    app: CxGuideApp = pilot.app
    await pilot.press("2")
    await pilot.pause()
    if country_id is not None:
        await app.open_country(country_id)
        await pilot.pause()
    return culture_of(app)


async def palette(pilot: Any, text: str) -> None:
    """Open the palette, type ``text`` and run the first command found."""
    app: CxGuideApp = pilot.app
    await pilot.press("ctrl+p")
    await pilot.press(*text)
    await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
    await pilot.press("enter")
    await settle(pilot, lambda: isinstance(app.screen, CultureScreen))


# --------------------------------------------------------------------------- the profile


async def test_highlighted_country_shows_its_profile(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot, "DEU")
        germany = screen.highlighted_country
        assert germany is not None and germany.id == "DEU"
        pane = screen.query_one(CountryProfile)
        assert pane.border_title == "Germany (DEU)"
        text = profile_text(app)
        assert text.startswith(
            "Zone: Protestant Europe\nShown: survey year 2018, the one the 2023 map draws.\n"
        )
        # What the position means: the poles' meanings from the knowledge files.
        for dimension in app.knowledge.value_dimensions:
            assert dimension.positive_pole.meaning in text
        # The path: one row per survey year, and the small chart of both scores.
        path_table: DataTable[Any] = screen.query_one("#profile-path", DataTable)
        assert path_table.row_count == len(germany.scores)
        assert "one mark per survey year, 1981 to 2018" in text
        assert "Moved towards self-expression values by 2.1 from 1981 to 2018." in text
        # The caveat, in the text and always in view on the pane's border.
        assert "says nothing certain about any one person" in text
        assert "says nothing certain about one person" in str(pane.border_subtitle)


async def test_profile_lists_five_nearest_countries_by_distance(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        await pilot.press("down", "down")  # Andorra
        await pilot.pause()
        country = screen.highlighted_country
        assert country is not None and country.id == "AND"
        expected = neighbours(app.knowledge, country, 5)
        table: DataTable[Any] = screen.query_one("#profile-neighbours", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
        assert [row[1] for row in rows] == [nb.point.country.name for nb in expected]
        distances = [float(row[4]) for row in rows]
        assert distances == sorted(distances)
        assert [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
        assert "Nearest 5 countries, on these two dimensions only" in profile_text(app)


async def test_country_with_one_survey_says_there_is_no_path(make_app: MakeApp) -> None:
    app = make_app()
    one = next(c for c in app.knowledge.countries if len(c.scores) == 1)
    async with app.run_test(size=NARROW) as pilot:
        await open_culture(pilot, one.id)
        assert "Only one survey year: there is no path to draw." in profile_text(app)


def test_small_chart_is_flat_for_tiny_changes_and_shares_one_scale() -> None:
    assert chart_scale([0.5, 0.52]) == pytest.approx((0.01, 1.01))
    assert chart_scale([-1.0, 2.0]) == (-1.0, 2.0)
    assert sparkline([0.0, 1.0, 2.0], 0.0, 2.0) == "▁ ▄ ▇"
    assert sparkline([0.5, 0.52], *chart_scale([0.5, 0.52])) == "▄ ▄"


def test_path_chart_has_one_line_per_axis(make_app: MakeApp) -> None:
    knowledge = make_app().knowledge
    germany = next(c for c in knowledge.countries if c.id == "DEU")
    lines = path_chart(profile(knowledge, germany).path)
    assert [line.label for line in lines] == ["Traditional ↔ secular", "Survival ↔ self-expression"]
    assert all(len(line.marks.split(" ")) == len(germany.scores) for line in lines)
    # Survival-self-expression rose from +0.06 to +2.16: lowest mark first, highest last.
    assert lines[1].marks[0] == "▁" and lines[1].marks[-1] == "▇"


# --------------------------------------------------------------------------- the map


async def test_m_shows_the_map_with_the_nearest_countries_highlighted(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot, "DEU")
        culture_map = screen.query_one("#browse-map", CultureMap)
        assert not culture_map.display or not culture_map.region
        await pilot.press("m")
        await pilot.pause()
        assert screen.map_shown and culture_map.region and culture_map.has_focus
        assert culture_map.selected == "DEU"
        germany = screen.highlighted_country
        assert germany is not None
        expected = {nb.point.country.id for nb in neighbours(app.knowledge, germany, 5)}
        assert expected <= set(culture_map_highlighted(culture_map))
        # Narrow: the map takes the list's place; m again brings the list and profile back.
        assert not screen.query_one(ListingTable).region
        await pilot.press("m")
        await pilot.pause()
        assert not screen.map_shown and screen.query_one(ListingTable).has_focus


# --------------------------------------------------------------------------- comparing


async def test_a_a_v_compares_two_countries_in_plain_words(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        await pilot.press("a", "down", "a", "v")
        await pilot.pause()
        assert screen.compare_ids == ("ALB", "DZA")
        assert screen.view == "compare"
        view = screen.query_one(ComparisonView)
        assert view.table.has_focus and view.table.row_count == 2
        expected = comparison(point(c) for c in screen.compared)
        text = compare_text(app)
        for pair in expected.pairs:
            for difference in pair.differences:
                assert difference.text in text
            assert f"{pair.distance:.2f} apart on the map, on these two dimensions only" in text
        assert "Algeria and Albania are about the same on traditional–secular values." in text
        assert "says nothing certain about any one person" in text
        # Back to the list with v or Escape.
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view == "browse" and screen.query_one(ListingTable).has_focus


async def test_comparison_rows_show_point_year_and_zone(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        for country_id in ("DEU", "JPN", "USA"):
            assert screen.compare_add(country_id)
        await pilot.press("v")
        await pilot.pause()
        table = screen.query_one(ComparisonView).table
        rows = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
        assert rows[0] == ["Germany", "Protestant Europe", "2018", "+0.89", "+2.16"]
        assert [row[0] for row in rows] == ["Germany", "Japan", "United States"]
        text = compare_text(app)
        assert "Japan is more secular-rational than Germany by 0.7 on the map's scale." in text


async def test_v_needs_two_countries(make_app: MakeApp) -> None:
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert screen.view == "browse"
        assert notices and "Add at least 2 more countries to compare" in notices[-1]
        await pilot.press("a", "v")
        await pilot.pause()
        assert screen.view == "browse"
        assert "Add at least 1 more country to compare" in notices[-1]


async def test_a_seventh_country_is_refused_plainly(make_app: MakeApp) -> None:
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        chosen = ("DEU", "JPN", "USA", "BRA", "IND", "NGA")
        for country_id in chosen:
            assert screen.compare_add(country_id)
        assert notices == []
        await app.open_country("FRA")
        await pilot.press("a")
        await pilot.pause()
        assert screen.compare_ids == chosen
        assert len(notices) == 1
        assert notices[0].startswith(f"At most {COMPARE_MAX} countries can be compared")
        assert "France" in notices[0]


async def test_adding_twice_and_removing_an_absent_country_say_so(make_app: MakeApp) -> None:
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot, "JPN")
        await pilot.press("a", "a")
        await pilot.pause()
        assert screen.compare_ids == ("JPN",)
        assert notices == ["Japan is already in the comparison."]
        assert "In your comparison" in profile_text(app)
        await pilot.press("x", "x")
        await pilot.pause()
        assert screen.compare_ids == ()
        assert notices[-1] == "Japan is not in the comparison."
        assert "In your comparison" not in profile_text(app)


async def test_compare_bar_names_the_compared_countries(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot, "JPN")
        bar = screen.query_one("#compare-bar")
        assert not bar.display
        await pilot.press("a")
        await app.open_country("DEU")
        await pilot.press("a")
        await pilot.pause()
        assert bar.display
        assert "To compare (2 of at most 6): Japan, Germany" in str(bar.render())
        # The list lost a line to the bar; its cursor is still in view.
        table = screen.query_one(ListingTable)
        await pilot.pause()
        header = table.header_height
        visible = table.scrollable_content_region.height - header
        assert table.scroll_y <= table.cursor_row < table.scroll_y + visible


async def test_x_in_the_comparison_takes_out_the_highlighted_row(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        for country_id in ("DEU", "JPN", "USA"):
            screen.compare_add(country_id)
        await pilot.press("v", "down", "x")
        await pilot.pause()
        assert screen.compare_ids == ("DEU", "USA")
        view = screen.query_one(ComparisonView)
        assert view.table.row_count == 2
        assert "Japan" not in compare_text(app)
        # Down to one country: the view stays and says what to do.
        await pilot.press("x")
        await pilot.pause()
        assert len(screen.compare_ids) == 1
        assert "Add another country to see how they differ" in compare_text(app)


async def test_enter_in_the_comparison_opens_that_profile(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        for country_id in ("DEU", "JPN"):
            screen.compare_add(country_id)
        await pilot.press("v", "down", "enter")
        await pilot.pause()
        assert screen.view == "browse"
        country = screen.highlighted_country
        assert country is not None and country.id == "JPN"
        assert screen.query_one(CountryProfile).border_title == "Japan (JPN)"


async def test_palette_adds_removes_and_clears(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        await palette(pilot, "compare: add germany")
        assert screen.compare_ids == ("DEU",)
        await palette(pilot, "compare: add japan")
        assert screen.compare_ids == ("DEU", "JPN")
        await palette(pilot, "compare: remove germany")
        assert screen.compare_ids == ("JPN",)
        await palette(pilot, "compare: add united states")
        await palette(pilot, "compare: show side by side")
        assert screen.view == "compare"
        await palette(pilot, "compare: clear")
        assert screen.compare_ids == ()
        assert screen.view == "browse"


async def test_palette_refuses_a_seventh_country(make_app: MakeApp) -> None:
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        for country_id in ("DEU", "JPN", "USA", "BRA", "IND", "NGA"):
            screen.compare_add(country_id)
        await palette(pilot, "compare: add france")
        assert "FRA" not in screen.compare_ids
        assert notices and "At most 6 countries can be compared" in notices[-1]


async def test_compare_map_highlights_the_compared_countries(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_culture(pilot)
        for country_id in ("DEU", "JPN", "USA"):
            screen.compare_add(country_id)
        await pilot.press("v")
        await pilot.pause()
        culture_map = screen.query_one("#compare-map", CultureMap)
        # Wide: the table and the map side by side, so m has nothing to switch.
        assert culture_map.region and screen.query_one(ComparisonView).region
        assert set(culture_map_highlighted(culture_map)) >= {"DEU", "JPN", "USA"}
        keys = {item.key for item in screen.query_one(KeyBar).items}
        assert "m" not in keys
        await pilot.press("down")
        await pilot.pause()
        assert culture_map.selected == "JPN"


# --------------------------------------------------------------------------- keys


async def test_every_culture_key_shows_at_80_columns(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_culture(pilot)
        bar = screen.query_one(KeyBar)
        shown = {item.display: item.description for item in bar.items}
        for key, description in (
            ("z", "Zone"),
            ("m", "Map/profile"),
            ("a", "Add to compare"),
            ("x", "Remove from compare"),
            ("v", "Compare"),
            ("1", "Methods"),
            ("?", "Help"),
            ("q", "Quit"),
        ):
            assert shown.get(key) == description
        rows = arrange(bar.items, 80)
        assert sum(len(row) for row in rows) == len(bar.items) and len(rows) <= 2
        assert bar.region.height == len(rows)
        screen.compare_add("DEU")
        screen.compare_add("JPN")
        await pilot.press("v")
        await pilot.pause()
        shown = {item.display: item.description for item in bar.items}
        assert shown["v"] == "Back to list" and shown["m"] == "Map/table"
        assert shown["x"] == "Remove from compare" and shown["⏎"] == "Profile"
        assert "a" not in shown and "z" not in shown
        assert len(arrange(bar.items, 80)) <= 2
