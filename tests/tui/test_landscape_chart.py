"""The landscape chart widget in a tiny app: keys and clicks move and open, snapshots read well.

The app hosts only the chart (and a footer) with the real built-in 2014 methods; the user
knowledge directory is tmp_path. Regenerate the snapshots with
``pytest tests/tui/test_landscape_chart.py --snapshot-update`` only after reading the report.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.widgets import Footer

from cxguide.knowledge import Knowledge, load_knowledge
from cxguide.logic import landscape_chart
from cxguide.logic.landscape_chart import AxisTitles, ChartLayout
from cxguide.paths import user_data_dir
from cxguide.tui.widgets import landscape_chart as chart_module
from cxguide.tui.widgets.landscape_chart import LandscapeChart

from .conftest import settle

TOP_PICKS = ("interviews", "usability-lab-studies", "concept-testing")
RULED_OUT = ("eyetracking", "clickstream-analysis")
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


def titles_of(knowledge: Knowledge) -> AxisTitles:
    """The pole texts from the knowledge: what people do / say, why / how many."""
    dims = {d.id: d for d in knowledge.landscape.dimensions}
    ab, qq = dims["attitudinal_behavioral"], dims["qual_quant"]
    return AxisTitles(
        top=ab.positive_pole.answers,
        bottom=ab.negative_pole.answers,
        left=qq.negative_pole.answers,
        right=qq.positive_pole.answers,
    )


class ChartApp(App[None]):
    """The chart alone, recording what it tells its parent."""

    def __init__(
        self,
        data_dir: Path,
        *,
        highlighted: Collection[str] = TOP_PICKS,
        dimmed: Collection[str] = RULED_OUT,
        chart_height: int | None = None,
    ) -> None:
        super().__init__()
        self.knowledge = load_knowledge(user_data_dir(str(data_dir)))
        self.highlighted, self.dimmed = highlighted, dimmed
        self.chart_height = chart_height
        self.events: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        chart = LandscapeChart(
            self.knowledge.methods_of("2014"),
            titles=titles_of(self.knowledge),
            highlighted=self.highlighted,
            dimmed=self.dimmed,
            id="chart",
        )
        if self.chart_height is not None:
            chart.styles.height = self.chart_height
        yield chart
        yield Footer()

    def on_landscape_chart_selected(self, message: LandscapeChart.Selected) -> None:
        assert message.control is self.query_one(LandscapeChart)
        self.events.append(("selected", message.method_id))

    def on_landscape_chart_opened(self, message: LandscapeChart.Opened) -> None:
        self.events.append(("opened", message.method_id))

    @property
    def chart(self) -> LandscapeChart:
        return self.query_one(LandscapeChart)


def screen_text(chart: LandscapeChart) -> list[str]:
    return [chart.render_line(y).text for y in range(chart.size.height)]


def style_at(chart: LandscapeChart, row: int, col: int) -> Style:
    """The style of the cell at (row, col) of the chart's content."""
    at = 0
    for segment in chart.render_line(row):
        if at <= col < at + segment.cell_length:
            return segment.style or Style()
        at += segment.cell_length
    raise AssertionError(f"no cell at {row}, {col}")


SIZE = (100, 30)


async def test_starts_on_the_top_pick_without_a_message(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.chart.has_focus
        assert app.chart.selected == "interviews"
        assert app.events == []
        lines = screen_text(app.chart)
        assert "Interviews — top pick" in lines[-1]
        assert "◆ top pick  ● other  ○ ruled out" in lines[-1]


async def test_arrow_keys_move_and_post_selected(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("up")
        await settle(pilot, lambda: app.events == [("selected", "focus-groups")])
        assert app.chart.selected == "focus-groups"
        await pilot.press("down", "right", "right")
        await settle(pilot, lambda: len(app.events) == 4)
        assert app.events[1:] == [
            ("selected", "interviews"),
            ("selected", "card-sorting"),
            ("selected", "email-surveys"),
        ]
        # Nothing further right: the selection stays and nothing is posted.
        await pilot.press("right")
        await pilot.pause()
        assert app.chart.selected == "email-surveys" and len(app.events) == 4
        assert "Email Surveys" in screen_text(app.chart)[-1]


async def test_enter_opens_and_home_returns_to_the_top_pick(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "enter")
        await settle(pilot, lambda: ("opened", "card-sorting") in app.events)
        assert app.events == [("selected", "card-sorting"), ("opened", "card-sorting")]
        await pilot.press("home")
        await settle(pilot, lambda: len(app.events) == 3)
        assert app.events[-1] == ("selected", "interviews")


async def test_home_without_top_picks_goes_to_the_first_method(tmp_path: Path) -> None:
    app = ChartApp(tmp_path, highlighted=(), dimmed=())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.chart.selected == "usability-lab-studies"
        assert "top pick" not in screen_text(app.chart)[-1]


async def test_clicking_a_marker_selects_and_a_second_click_opens(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row, col = app.chart.chart.markers["card-sorting"]
        assert await pilot.click("#chart", offset=(col, row))
        await settle(pilot, lambda: app.events == [("selected", "card-sorting")])
        assert app.chart.selected == "card-sorting"
        assert await pilot.click("#chart", offset=(col, row))
        await settle(pilot, lambda: len(app.events) == 2)
        assert app.events[-1] == ("opened", "card-sorting")


async def test_clicking_a_label_selects_and_a_double_click_opens(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        label = app.chart.chart.label_of("eyetracking")
        assert label is not None
        assert await pilot.double_click("#chart", offset=(label.col + 1, label.row))
        await settle(pilot, lambda: len(app.events) == 2)
        assert app.events == [("selected", "eyetracking"), ("opened", "eyetracking")]


async def test_clicking_empty_space_does_nothing(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await pilot.click("#chart", offset=(3, 2))
        await pilot.pause()
        assert app.chart.selected == "interviews" and app.events == []


async def test_moving_repaints_without_laying_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int]] = []
    real = landscape_chart.layout

    def counting(*args: Any, **kwargs: Any) -> ChartLayout:
        calls.append((args[1], args[2]))
        return real(*args, **kwargs)

    monkeypatch.setattr(chart_module, "layout", counting)  # the name the widget calls
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert calls == [(100, 28)]  # the footer takes a line, the status line another
        await pilot.press("up", "up", "right", "left", "down", "home", "enter")
        await settle(pilot, lambda: len(app.events) >= 6)
        assert len(calls) == 1
        await pilot.resize_terminal(120, 40)
        await settle(pilot, lambda: len(calls) == 2)
        assert calls[-1] == (120, 38)


async def test_selected_marker_is_reversed_and_glyphs_tell_kinds_apart(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chart = app.chart
        layout = chart.chart
        lines = screen_text(chart)
        glyphs = {pid: lines[row][col] for pid, (row, col) in layout.markers.items()}
        assert {pid for pid, g in glyphs.items() if g == "◆"} == set(TOP_PICKS)
        assert {pid for pid, g in glyphs.items() if g == "○"} == set(RULED_OUT)
        assert sum(1 for g in glyphs.values() if g == "●") == 20 - 5
        row, col = layout.markers["interviews"]
        assert style_at(chart, row, col).reverse
        label = layout.label_of("interviews")
        assert label is not None and style_at(chart, label.row, label.col).reverse
        other_row, other_col = layout.markers["focus-groups"]
        assert not style_at(chart, other_row, other_col).reverse
        # Top picks are bold even without colour.
        u_row, u_col = layout.markers["usability-lab-studies"]
        assert style_at(chart, u_row, u_col).bold
        text = "\n".join(lines)
        for title in ("↑ What people do", "↓ What people say", "← Why & how to fix"):
            assert title in text
        assert "How many & how much →" in text
        assert "┄" in text and "┆" in text and "─" in text and "│" in text
        await pilot.press("up")
        await settle(pilot, lambda: chart.selected == "focus-groups")
        assert not style_at(chart, row, col).reverse
        assert style_at(chart, other_row, other_col).reverse


async def test_show_keeps_the_selection_and_select_sends_nothing(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chart = app.chart
        methods = app.knowledge.methods_of("2014")
        chart.select("focus-groups")
        assert chart.selected == "focus-groups"
        chart.show(methods, highlighted=("card-sorting",), dimmed=())
        await pilot.pause()
        assert chart.selected == "focus-groups"
        assert chart.home_id == "card-sorting"
        lines = screen_text(chart)
        row, col = chart.chart.markers["card-sorting"]
        assert lines[row][col] == "◆"
        chart.show([m for m in methods if m.id != "focus-groups"], highlighted=("card-sorting",))
        await pilot.pause()
        assert chart.selected == "card-sorting"
        chart.select("no-such-method")
        assert chart.selected is None
        await pilot.press("down")  # with nothing selected, a key picks the top pick first
        await settle(pilot, lambda: chart.selected == "card-sorting")
        assert app.events == [("selected", "card-sorting")]


async def test_methods_without_positions_draw_nothing(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chart = app.chart
        chart.show(app.knowledge.methods_of("2022"))
        await pilot.pause()
        assert chart.points == () and chart.selected is None
        lines = screen_text(chart)
        assert "No method here has a measured position to draw." in lines[-1]
        await pilot.press("up", "enter", "home")
        await pilot.pause()
        assert app.events == []


async def test_footer_teaches_the_keys(tmp_path: Path) -> None:
    app = ChartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {
            key: active.binding
            for key, active in app.screen.active_bindings.items()
            if active.binding.show
        }
        assert shown["enter"].description == "Open"
        assert shown["home"].description == "Top pick"
        for key in ("up", "down", "left", "right"):
            group = shown[key].group
            assert group is not None and group.description == "Move"
        assert all(
            binding.id and binding.id.startswith("landscape.")
            for binding in shown.values()
            if binding.key in ("up", "down", "left", "right", "enter", "home")
        )


# ------------------------------------------------------------------ snapshots


def snapshot_app(tmp_path: Path, **kwargs: Any) -> ChartApp:
    app = ChartApp(tmp_path, **kwargs)
    app.theme = "textual-dark"
    return app


@pytest.mark.parametrize("size", SIZES)
def test_chart_snapshot(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(snapshot_app(tmp_path), terminal_size=size)


def test_chart_snapshot_in_16_rows(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """About the share the method finder gives the chart on an 80x24 screen."""
    app = snapshot_app(tmp_path, chart_height=16)
    assert snap_compare(app, terminal_size=(80, 24), press=["up", "up", "right"])
