"""Pilot tests of presenter view (F5) and the light theme."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList

from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.culture import CultureScreen
from cxguide.tui.screens.finder import FinderScreen

from .conftest import settle

MakeApp = Callable[[], CxGuideApp]


def shown(app: CxGuideApp, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return widget.display and widget.region.area > 0


async def test_f5_hides_the_secondary_panes_of_the_finder(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        assert shown(app, "#reasons") and shown(app, "#ranking-chart")
        await pilot.press("f5")
        await pilot.pause()
        assert app.presenter and app.has_class("-presenter")
        assert not shown(app, "#reasons")
        assert shown(app, "#questions") and shown(app, "#ranking-table")
        assert not shown(app, "#ranking-chart")
        await pilot.press("c")  # the chart in the list's place, the whole width
        await pilot.pause()
        assert shown(app, "#ranking-chart") and not shown(app, "#ranking-table")
        chart = app.screen.query_one("#ranking-chart")
        assert chart.region.width >= 150
        assert "w" in {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        await pilot.press("f5")
        await pilot.pause()
        assert not app.has_class("-presenter") and shown(app, "#reasons")


async def test_presenter_culture_map_takes_the_whole_area(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("2", "f5", "m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CultureScreen) and not screen.wide
        assert not shown(app, "#countries-table") and not shown(app, "#country-profile")
        assert app.screen.query_one("#browse-map").region.width >= 150
        # Comparing: the table or the map, one at a time (m switches).
        screen.compare_add("DEU")
        screen.compare_add("JPN")
        await pilot.press("m", "v")
        await pilot.pause()
        assert not shown(app, "#compare-map")
        await pilot.press("m")
        await pilot.pause()
        assert shown(app, "#compare-map") and not shown(app, "#comparison")


async def test_light_and_dark_theme_from_the_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-dark"
        for query, light in (("light theme", True), ("dark theme", False)):
            await pilot.press("ctrl+p")
            await pilot.press(*query)
            await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
            await pilot.press("enter")
            await settle(pilot, lambda light=light: app.light is light)  # type: ignore[misc]


async def test_the_workshop_menu_switches_presenter_view_and_theme(make_app: MakeApp) -> None:
    from cxguide.tui.screens.sessions import WorkshopMenu

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-dark"
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, WorkshopMenu))
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Sessions", "Session note", "Export", "Rename", "Presenter", "Light/dark"} <= shown
        await pilot.press("p")
        await settle(pilot, lambda: app.presenter)
        await pilot.press("w", "t")
        await settle(pilot, lambda: app.light)
        await pilot.press("w")
        await settle(pilot, lambda: isinstance(app.screen, WorkshopMenu))
        await pilot.press("down", "down", "down", "down", "enter")  # presenter view, off
        await settle(pilot, lambda: not app.presenter)
