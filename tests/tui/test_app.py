"""Pilot tests: keys switch areas, tables drive the details, the palette opens items.

The method finder has its own tests in test_finder.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, OptionList, Select

from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.culture import CultureScreen
from cxguide.tui.screens.finder import FinderScreen
from cxguide.tui.screens.help import HelpScreen
from cxguide.tui.widgets.country_profile import CountryProfile
from cxguide.tui.widgets.info import InfoText
from cxguide.tui.widgets.listing_table import ListingTable
from cxguide.tui.widgets.ranking_table import RankingTable

from .conftest import BROKEN_NOTES, GOOD_NOTES, SIZE, settle

MakeApp = Callable[[], CxGuideApp]
UserFile = Callable[..., Path]


def finder_screen(app: CxGuideApp) -> FinderScreen:
    screen = app.screen
    assert isinstance(screen, FinderScreen)
    return screen


def culture_screen(app: CxGuideApp) -> CultureScreen:
    screen = app.screen
    assert isinstance(screen, CultureScreen)
    return screen


def text_of(app: CxGuideApp, selector: str) -> str:
    return app.screen.query_one(selector, InfoText).plain


async def test_number_keys_switch_areas(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key, mode in (("2", "culture"), ("3", "notes"), ("4", "data"), ("1", "methods")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            assert app.screen.sub_title


async def test_footer_teaches_every_area_key(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {
            key: active.binding.description
            for key, active in app.screen.active_bindings.items()
            if active.binding.show
        }
        assert shown["1"] == "Methods"
        assert shown["2"] == "Culture"
        assert shown["3"] == "Notes"
        assert shown["4"] == "Data"
        assert shown["question_mark"] == shown["f1"] == "Help"
        assert shown["q"] == "Quit"
        assert shown["e"] == "Edition"
        assert shown["n"] == "Next step" and shown["p"] == "Back"
        assert shown["c"] == "Chart/list" and shown["r"] == "Reset"


async def test_culture_detail_shows_zone_scores_and_caveat(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = culture_screen(app)
        assert screen.query_one(ListingTable).row_count == len(app.knowledge.countries)
        country = screen.highlighted_country
        assert country is not None and country.name == "Albania"
        pane = screen.query_one(CountryProfile)
        assert pane.border_title == "Albania (ALB)"
        text = pane.plain
        assert "Zone: African-Islamic" in text
        assert "Shown: survey year 2018, the one the 2023 map draws." in text
        scores: DataTable[Any] = screen.query_one("#profile-path", DataTable)
        assert scores.row_count == len(country.scores)
        assert "says nothing certain about any one person" in text
        assert "Traditional values: Religion matters a great deal" in text
        assert "Survival values: Economic and physical security come first." in text


async def test_zone_filter_narrows_the_countries(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = culture_screen(app)
        screen.query_one("#zone", Select).value = "protestant-europe"
        await pilot.pause()
        table = screen.query_one(ListingTable)
        expected = [c for c in app.knowledge.countries if c.zone == "protestant-europe"]
        assert table.row_count == len(expected)
        assert table.border_title is not None and "Protestant Europe" in str(table.border_title)
        country = screen.highlighted_country
        assert country is not None and country.zone == "protestant-europe"


async def test_zone_chosen_with_keys_keeps_columns_wide_and_focuses_table(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.press("z")
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        screen = culture_screen(app)
        zone = screen.zone
        assert zone is not None
        assert screen.query_one("#zone", Select).value == zone.id
        table = screen.query_one(ListingTable)
        assert table.has_focus
        names = [c.name for c in app.knowledge.countries if c.zone == zone.id]
        assert table.row_count == len(names)
        assert table.ordered_columns[0].width >= max(len(n) for n in names)


async def test_country_without_zone_reads_unknown(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.open_country("DOM")
        await pilot.pause()
        country = culture_screen(app).highlighted_country
        assert country is not None and country.id == "DOM"
        assert "Zone: unknown" in culture_screen(app).query_one(CountryProfile).plain


async def test_help_opens_with_question_mark_and_f1_and_closes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = text_of(app, "#help-text")
        for words in ("1 Methods", "2 Culture", "3 Notes", "4 Data", "Ctrl+P", "Escape", "q:"):
            assert words in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_opens_a_country_by_code(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"DEU")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, CultureScreen))
        assert app.current_mode == "culture"
        country = culture_screen(app).highlighted_country
        assert country is not None and country.id == "DEU"
        assert culture_screen(app).query_one(CountryProfile).border_title == "Germany (DEU)"


async def test_palette_finds_a_country_typed_in_russian(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Швеция")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, CultureScreen))
        country = culture_screen(app).highlighted_country
        assert country is not None and country.id == "SWE"


async def test_palette_switches_area(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"go to sources")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await settle(pilot, lambda: app.current_mode == "data")


async def test_broken_user_file_keeps_builtin_methods_and_lists_the_problem(
    make_app: MakeApp, user_file: UserFile
) -> None:
    path = user_file(BROKEN_NOTES)
    app = make_app()
    notices: list[str] = []
    app.notify = lambda message, **kwargs: notices.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert finder_screen(app).query_one(RankingTable).row_count == 20
        assert len(notices) == 1 and "1 problem" in notices[0] and "Press 4" in notices[0]
        await pilot.press("4")
        await pilot.pause()
        data = text_of(app, "#data")
        assert f"{path}:8:11: '2026-13-45' is not a valid date" in data
        assert f"{path} — set aside" in data
        await pilot.press("3")
        await pilot.pause()
        assert "You have no notes yet." in text_of(app, "#notes")


async def test_no_problem_means_no_notification(make_app: MakeApp) -> None:
    app = make_app()
    notices: list[str] = []
    app.notify = lambda message, **kwargs: notices.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert notices == []
        assert app.problems_notice() is None


async def test_user_notes_appear_grouped_by_country(make_app: MakeApp, user_file: UserFile) -> None:
    path = user_file(GOOD_NOTES)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        notes = text_of(app, "#notes")
        assert "Germany (DEU)" in notes and "Japan (JPN)" in notes
        assert notes.index("Germany (DEU)") < notes.index("Japan (JPN)")
        assert "recruiting: Our Berlin agency needs three weeks' notice." in notes
        assert f"Anna, 2026-11-02 — {path}:4" in notes
        assert "Bring a small gift to home visits." in notes


async def test_without_notes_the_area_says_where_to_put_them(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        notes = text_of(app, "#notes")
        assert "You have no notes yet." in notes
        assert str(tmp_path) in notes
        assert "kind: notes" in notes and "schema_version: 1" in notes


async def test_data_area_lists_sources_files_and_directory(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        data = text_of(app, "#data")
        assert "0 problems" in data
        assert str(tmp_path) in data
        for path in app.knowledge.files:
            assert f"{path} — used" in data
        for source in app.knowledge.sources.values():
            assert source.citation() in data
        assert "Reliability: high" in data


async def test_q_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
