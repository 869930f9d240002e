"""The culture map widget in a tiny app: keys, clicks, zoom and path; snapshots read well.

The app hosts only the map (and a footer) with the real built-in countries and zones; the user
knowledge directory is tmp_path. Regenerate the snapshots with
``pytest tests/tui/test_culture_map_widget.py --snapshot-update`` only after reading the report.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.widgets import Footer

from cxguide.knowledge import load_knowledge
from cxguide.logic import culture_map as layout_module
from cxguide.logic.culture_map import (
    NO_ZONE_GLYPH,
    PATH_GLYPH,
    MapLayout,
    neighbours_of,
    titles_from,
)
from cxguide.paths import user_data_dir
from cxguide.tui.widgets import culture_map as widget_module
from cxguide.tui.widgets.culture_map import CultureMap

from .conftest import settle

SIZE = (100, 30)
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


class MapApp(App[None]):
    """The map alone, recording what it tells its parent."""

    def __init__(
        self,
        data_dir: Path,
        *,
        selected: str | None = "DEU",
        highlighted: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.knowledge = load_knowledge(user_data_dir(str(data_dir)))
        self.start, self.highlighted = selected, highlighted
        self.events: list[tuple[Any, ...]] = []

    def compose(self) -> ComposeResult:
        yield CultureMap(
            self.knowledge.countries,
            zones=self.knowledge.zones,
            selected=self.start,
            titles=titles_from(self.knowledge.value_dimensions),
            id="map",
        )
        yield Footer()

    def on_mount(self) -> None:
        if self.highlighted:
            self.map.show(self.knowledge.countries, highlighted=self.highlighted)

    def on_culture_map_selected(self, message: CultureMap.Selected) -> None:
        assert message.control is self.map
        self.events.append(("selected", message.country_id))

    def on_culture_map_opened(self, message: CultureMap.Opened) -> None:
        self.events.append(("opened", message.country_id))

    def on_culture_map_view_changed(self, message: CultureMap.ViewChanged) -> None:
        self.events.append(("view", message.zone, message.trajectory))

    @property
    def map(self) -> CultureMap:
        return self.query_one(CultureMap)


def screen_text(widget: CultureMap) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def style_at(widget: CultureMap, row: int, col: int) -> Style:
    """The style of the cell at (row, col) of the widget's content."""
    at = 0
    for segment in widget.render_line(row):
        if at <= col < at + segment.cell_length:
            return segment.style or Style()
        at += segment.cell_length
    raise AssertionError(f"no cell at {row}, {col}")


async def test_starts_on_the_given_country_without_a_message(tmp_path: Path) -> None:
    app = MapApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.map.has_focus and app.map.selected == "DEU" and app.events == []
        lines = screen_text(app.map)
        assert lines[-1].rstrip() == (
            "● Germany (DEU) 2018 · self-expression +2.16 · secular-rational +0.89 · "
            "Protestant Europe"
        )
        assert len(app.map.drawn) == 115 and app.map.zone is None


async def test_every_zone_has_a_glyph_a_colour_and_a_legend_entry(tmp_path: Path) -> None:
    app = MapApp(tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        widget = app.map
        chart = widget.chart
        lines = screen_text(widget)
        keys = {key.id: key for key in widget.legend}
        colours: dict[str | None, str] = {}
        for point in chart.points:
            row, col = chart.markers[point.id]
            assert lines[row][col] == keys[point.zone].glyph, point.id
            colour = style_at(widget, row, col).color
            assert colour is not None
            colours.setdefault(point.zone, colour.name)
            assert colours[point.zone] == colour.name  # one colour per zone
        assert len(set(colours.values())) == len(keys)
        legend = "\n".join(lines[chart.height : -1])
        for key in widget.legend:
            assert f"{key.glyph} {key.name}" in legend
        assert f"{NO_ZONE_GLYPH} No zone given" in legend
        text = "\n".join(lines)
        for title in ("↑ Secular-rational values", "↓ Traditional values", "← Survival values"):
            assert title in text
        assert "Self-expression values →" in text


async def test_selected_is_reversed_and_its_neighbours_are_bold(tmp_path: Path) -> None:
    app = MapApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.map
        chart = widget.chart
        row, col = chart.markers["DEU"]
        assert style_at(widget, row, col).reverse
        label = chart.label_of("DEU")
        assert label is not None and style_at(widget, label.row, label.col).reverse
        near = neighbours_of(widget.points, "DEU")
        assert chart.neighbours == near
        for country_id in near:
            found = chart.label_of(country_id)
            assert found is not None, country_id
            style = style_at(widget, found.row, found.col)
            assert style.bold and not style.reverse
        other = next(p.id for p in chart.points if p.id not in {"DEU", *near})
        o_row, o_col = chart.markers[other]
        assert not style_at(widget, o_row, o_col).reverse


async def test_arrow_keys_move_and_post_selected(tmp_path: Path) -> None:
    app = MapApp(tmp_path, selected="SWE")
    async with app.run_test(size=SIZE) as pilot:
        by_id = {p.id: p for p in app.map.points}
        await pilot.press("right")  # Sweden is the furthest right: nothing happens
        await pilot.pause()
        assert app.map.selected == "SWE" and app.events == []
        await pilot.press("left")
        await settle(pilot, lambda: len(app.events) == 1)
        moved = app.events[0][1]
        assert app.events == [("selected", moved)] and app.map.selected == moved
        assert by_id[moved].x < by_id["SWE"].x
        await pilot.press("down")
        await settle(pilot, lambda: len(app.events) == 2)
        assert by_id[app.events[1][1]].y < by_id[moved].y
        name = by_id[app.map.selected or ""].name
        assert name in screen_text(app.map)[-1]


async def test_moving_lays_out_again_with_the_new_neighbours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []
    real = layout_module.layout

    def counting(*args: Any, **kwargs: Any) -> MapLayout:
        calls.append(kwargs.get("selected"))
        return real(*args, **kwargs)

    monkeypatch.setattr(widget_module, "layout", counting)  # the name the widget calls
    app = MapApp(tmp_path, selected="JPN")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert calls == ["JPN"]
        await pilot.press("down")
        await settle(pilot, lambda: len(app.events) == 1)
        await pilot.pause()
        new = app.map.selected
        assert calls[-1] == new and len(calls) == 2
        chart = app.map.chart
        assert {label.point_id for label in chart.labels} >= {new, *chart.neighbours}


async def test_enter_opens_and_clicks_select_then_open(tmp_path: Path) -> None:
    app = MapApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await settle(pilot, lambda: app.events == [("opened", "DEU")])
        row, col = app.map.chart.markers["QAT"]
        assert await pilot.click("#map", offset=(col, row))
        await settle(pilot, lambda: len(app.events) == 2)
        assert app.events[-1] == ("selected", "QAT") and app.map.selected == "QAT"
        assert await pilot.click("#map", offset=(col, row))
        await settle(pilot, lambda: len(app.events) == 3)
        assert app.events[-1] == ("opened", "QAT")


async def test_clicking_a_label_or_empty_space(tmp_path: Path) -> None:
    app = MapApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        label = app.map.chart.label_of("QAT")
        assert label is not None
        assert await pilot.double_click("#map", offset=(label.col + 1, label.row))
        await settle(pilot, lambda: len(app.events) == 2)
        assert app.events == [("selected", "QAT"), ("opened", "QAT")]
        chart = app.map.chart
        empty = next(
            (row, col)
            for row in range(chart.box.top, chart.box.bottom)
            for col in range(chart.box.left, chart.box.right)
            if chart.point_at(row, col) is None
        )
        assert await pilot.click("#map", offset=(empty[1], empty[0]))
        await pilot.pause()
        assert len(app.events) == 2 and app.map.selected == "QAT"


async def test_z_zooms_into_the_zone_and_back_out(tmp_path: Path) -> None:
    app = MapApp(tmp_path, selected="JPN")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z")
        await settle(pilot, lambda: app.map.zone == "confucian")
        assert app.events == [("view", "confucian", None)]
        members = {p.id for p in app.map.points if p.zone == "confucian"}
        drawn = {p.id for p in app.map.drawn}
        assert members <= drawn and len(drawn) < 115
        assert set(app.map.chart.markers) == drawn
        assert screen_text(app.map)[0].startswith("Zoomed into Confucian")
        # Moving stays among the countries drawn.
        for key in ("left", "left", "down", "down", "right"):
            await pilot.press(key)
            await pilot.pause()
            assert app.map.selected in drawn
        await pilot.press("z")
        await settle(pilot, lambda: app.map.zone is None)
        assert app.events[-1] == ("view", None, None)
        assert len(app.map.chart.markers) == 115
        assert not screen_text(app.map)[0].startswith("Zoomed")


async def test_plus_and_minus_zoom_and_no_zone_rings_the_bell(tmp_path: Path) -> None:
    app = MapApp(tmp_path, selected="DOM")  # the Dominican Republic has no zone
    async with app.run_test(size=SIZE) as pilot:
        bells: list[bool] = []
        app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
        await pilot.press("plus")
        await pilot.pause()
        assert app.map.zone is None and bells == [True] and app.events == []
        app.map.select("SWE")
        await pilot.press("plus")
        await settle(pilot, lambda: app.map.zone == "protestant-europe")
        await pilot.press("plus")  # already there: nothing more
        await pilot.press("minus")
        await settle(pilot, lambda: app.map.zone is None)
        await pilot.press("minus")  # already out
        await pilot.pause()
        assert app.events == [("view", "protestant-europe", None), ("view", None, None)]


async def test_t_shows_the_path_and_it_follows_the_selection(tmp_path: Path) -> None:
    app = MapApp(tmp_path, selected="DEU")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("t")
        await settle(pilot, lambda: app.map.trajectory == "DEU")
        assert app.events == [("view", None, "DEU")]
        chart = app.map.chart
        germany = app.knowledge.country("DEU")
        assert germany is not None
        assert set(chart.steps) == {s.year for s in germany.scores} - {2018}
        lines = screen_text(app.map)
        for row, col in chart.steps.values():
            assert lines[row][col] == PATH_GLYPH
        assert lines[0].startswith("Path of Germany, 1981–2018")
        step_row, step_col = next(iter(chart.steps.values()))
        assert style_at(app.map, step_row, step_col).bold
        await pilot.press("left")
        await settle(pilot, lambda: app.map.trajectory == app.map.selected != "DEU")
        assert app.map.chart.path_of == app.map.selected
        await pilot.press("t")
        await settle(pilot, lambda: app.map.trajectory is None)
        assert not app.map.chart.steps


async def test_show_keeps_the_selection_zooms_and_draws_a_path(tmp_path: Path) -> None:
    app = MapApp(tmp_path, selected="DEU")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.map
        countries = app.knowledge.countries
        widget.show(countries, highlighted=("JPN", "USA", "XXX"))
        await pilot.pause()
        assert widget.selected == "DEU" and widget.highlighted == ("JPN", "USA")
        labelled = {label.point_id for label in widget.chart.labels}
        assert {"JPN", "USA"} <= labelled
        widget.show(countries, zone="confucian", trajectory="JPN")
        await pilot.pause()
        assert widget.zone == "confucian" and widget.trajectory == "JPN"
        assert widget.selected in {p.id for p in widget.drawn}  # Germany is not drawn now
        assert widget.chart.path_of == "JPN"
        widget.show([c for c in countries if c.zone == "latin-america"])
        await pilot.pause()
        assert widget.zone is None and widget.trajectory is None
        assert len(widget.drawn) == 16 and widget.selected in {p.id for p in widget.drawn}
        assert NO_ZONE_GLYPH + " No zone given" not in "\n".join(screen_text(widget))
        widget.select("nowhere")
        assert widget.selected is None
        await pilot.press("down")  # with nothing selected, a key picks the home country
        await settle(pilot, lambda: widget.selected is not None)
        assert app.events == [("selected", widget.selected)]


async def test_without_countries_it_says_so(tmp_path: Path) -> None:
    app = MapApp(tmp_path, selected=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.map.show(())
        await pilot.pause()
        assert app.map.selected is None and app.map.points == ()
        assert "No country to draw." in screen_text(app.map)[-1]
        await pilot.press("up", "enter", "z", "t")
        await pilot.pause()
        assert app.events == []


async def test_built_without_arguments_then_shown(tmp_path: Path) -> None:
    """As a screen may mount it: empty first, the countries given later."""

    class Later(App[None]):
        def compose(self) -> ComposeResult:
            yield CultureMap(id="map")

    app = Later()
    knowledge = load_knowledge(user_data_dir(str(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(CultureMap)
        await pilot.pause()
        assert "No country to draw." in screen_text(widget)[-1]
        widget.show(knowledge.countries)
        widget.selected = "SWE"
        await pilot.pause()
        assert widget.chart.selected == "SWE" and len(widget.chart.markers) == 115


async def test_footer_teaches_the_keys(tmp_path: Path) -> None:
    app = MapApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {
            key: active.binding
            for key, active in app.screen.active_bindings.items()
            if active.binding.show
        }
        assert shown["enter"].description == "Open"
        assert shown["z"].description == "Zoom zone"
        assert shown["t"].description == "Path"
        for key in ("up", "down", "left", "right"):
            group = shown[key].group
            assert group is not None and group.description == "Move"
        assert all(b.id and b.id.startswith("culture-map.") for b in shown.values())


# ------------------------------------------------------------------ snapshots


def snapshot_app(tmp_path: Path, **kwargs: Any) -> MapApp:
    app = MapApp(tmp_path, **kwargs)
    app.theme = "textual-dark"
    return app


@pytest.mark.parametrize("size", SIZES)
def test_map_snapshot(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(snapshot_app(tmp_path), terminal_size=size)


def test_map_snapshot_zoomed_with_a_path(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(snapshot_app(tmp_path), terminal_size=(160, 48), press=["z", "t"])


def test_map_snapshot_without_colour(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: the zones are still told apart, by their glyphs."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = snapshot_app(tmp_path, highlighted=("JPN", "USA"))
    assert snap_compare(app, terminal_size=(80, 24))
