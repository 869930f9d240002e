"""Rohrer's landscape of research methods as a chart that can be read and moved around in.

A thin widget: ``cxguide.logic.landscape_chart.layout`` decides where every marker, span, label
and title goes (a pure, tested function); this widget only paints that grid, keeps the
selection and turns keys and clicks into messages. The layout is computed again only when the
size or the data change; moving the selection repaints without laying anything out.

The chart reads without colour: top picks are '◆', ruled-out methods '○', the rest '●', and the
selected method is in reverse video; colours (component classes below) only add to that.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from cxguide.i18n import N_, _
from cxguide.knowledge.models import Method
from cxguide.logic.landscape_chart import (
    AxisTitles,
    ChartLayout,
    ChartPoint,
    Direction,
    cell_width,
    layout,
    nearest_in_direction,
    point_at,
    points_for,
    shorten,
)

MARKER = "●"
MARKER_HIGHLIGHT = "◆"
MARKER_DIMMED = "○"
SPAN_H = "─"
SPAN_V = "│"
MID_H = "┄"
MID_V = "┆"
MID_CROSS = "┼"

# What a cell shows: kind of thing, and the point it belongs to (if any).
_BLANK, _MIDLINE, _SPAN, _LABEL, _MARKER, _TITLE = (
    "blank",
    "midline",
    "span",
    "label",
    "marker",
    "title",
)
_Run = tuple[str, str, str | None]  # text, kind, point id


def _rows_of(chart: ChartLayout) -> list[list[_Run]]:
    """The chart as rows of runs of cells that look alike, painted in order: midlines, spans,
    labels, markers, titles. A wide character's second cell holds ''."""
    cells: list[list[tuple[str, str, str | None]]] = [
        [(" ", _BLANK, None)] * chart.width for _row in range(chart.height)
    ]
    box = chart.box

    def put(row: int, col: int, text: str, kind: str, point_id: str | None) -> None:
        for char in text:
            size = cell_width(char)
            if not (0 <= row < chart.height and 0 <= col and col + size <= chart.width):
                return
            cells[row][col] = (char, kind, point_id)
            for extra in range(1, size):
                cells[row][col + extra] = ("", kind, point_id)
            col += size

    if box.top <= chart.mid_row <= box.bottom:
        put(chart.mid_row, box.left, MID_H * (box.right - box.left + 1), _MIDLINE, None)
    if box.left <= chart.mid_col <= box.right:
        for row in range(box.top, box.bottom + 1):
            put(row, chart.mid_col, MID_V, _MIDLINE, None)
        if box.top <= chart.mid_row <= box.bottom:
            put(chart.mid_row, chart.mid_col, MID_CROSS, _MIDLINE, None)
    for run in chart.spans:
        glyph = SPAN_H if run.horizontal else SPAN_V
        for row, col in run.cells():
            put(row, col, glyph, _SPAN, run.point_id)
    for label in chart.labels:
        # The dotted midlines stop one cell short of a label, so it stands free.
        for col in (label.col - 1, label.end + 1):
            if 0 <= col < chart.width and cells[label.row][col][1] == _MIDLINE:
                cells[label.row][col] = (" ", _BLANK, None)
        put(label.row, label.col, label.text, _LABEL, label.point_id)
    by_id = {p.id: p for p in chart.points}
    for point_id, (row, col) in chart.markers.items():
        point = by_id[point_id]
        glyph = MARKER_HIGHLIGHT if point.highlight else MARKER_DIMMED if point.dimmed else MARKER
        put(row, col, glyph, _MARKER, point_id)
    for title in chart.titles:
        put(title.row, title.col, title.text, _TITLE, None)

    rows: list[list[_Run]] = []
    for line in cells:
        runs: list[_Run] = []
        for char, kind, owner in line:
            if runs and runs[-1][1] == kind and runs[-1][2] == owner:
                runs[-1] = (runs[-1][0] + char, kind, owner)
            else:
                runs.append((char, kind, owner))
        rows.append(runs)
    return rows


class LandscapeChart(Widget, can_focus=True):
    """The attitudinal-behavioral x qualitative-quantitative plane with every method on it.

    ``show`` gives it methods (those without both positions are not drawn), the top picks
    (``highlighted``, best first) and the ruled-out methods (``dimmed``). Arrow keys move to the
    nearest method in that direction, Home to the top pick, Enter opens; a click selects, a
    second click (or a double click) on the selected method opens it. The last line names the
    selected method, so a label that had to be shortened is still readable in full.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "landscape-chart--marker",
        "landscape-chart--label",
        "landscape-chart--highlight",
        "landscape-chart--dimmed",
        "landscape-chart--selected",
        "landscape-chart--span",
        "landscape-chart--midline",
        "landscape-chart--title",
        "landscape-chart--status",
    }
    DEFAULT_CSS = """
    LandscapeChart {
        width: 1fr;
        height: 1fr;
        min-height: 8;
    }
    LandscapeChart > .landscape-chart--marker {
        color: $text;
        text-style: bold;
    }
    LandscapeChart > .landscape-chart--label {
        color: $text;
    }
    LandscapeChart > .landscape-chart--highlight {
        color: $text-accent;
        text-style: bold;
    }
    LandscapeChart > .landscape-chart--dimmed {
        color: $text-muted;
        text-style: dim;
    }
    LandscapeChart > .landscape-chart--selected {
        text-style: bold reverse;
    }
    LandscapeChart > .landscape-chart--span {
        color: $text-primary;
    }
    LandscapeChart > .landscape-chart--midline {
        color: $text-muted;
    }
    LandscapeChart > .landscape-chart--title {
        color: $text-primary;
        text-style: bold;
    }
    LandscapeChart > .landscape-chart--status {
        color: $text-muted;
    }
    """

    _MOVE = Binding.Group(N_("Move"), compact=True)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move('left')", N_("Left"), show=True, group=_MOVE, id="landscape.left"),
        Binding("up", "move('up')", N_("Up"), show=True, group=_MOVE, id="landscape.up"),
        Binding("down", "move('down')", N_("Down"), show=True, group=_MOVE, id="landscape.down"),
        Binding(
            "right", "move('right')", N_("Right"), show=True, group=_MOVE, id="landscape.right"
        ),
        Binding("enter", "open", N_("Open"), show=True, id="landscape.open"),
        Binding("home", "home", N_("Top pick"), show=True, id="landscape.home"),
    ]

    selected: reactive[str | None] = reactive(None)
    """The id of the selected method, or None."""

    class Selected(Message):
        """The user moved the selection to another method (by key or mouse)."""

        def __init__(self, chart: LandscapeChart, method_id: str) -> None:
            super().__init__()
            self.chart = chart
            self.method_id = method_id

        @property
        def control(self) -> LandscapeChart:
            return self.chart

    class Opened(Message):
        """The user asked to open a method (Enter, or a click on the selected one)."""

        def __init__(self, chart: LandscapeChart, method_id: str) -> None:
            super().__init__()
            self.chart = chart
            self.method_id = method_id

        @property
        def control(self) -> LandscapeChart:
            return self.chart

    def __init__(
        self,
        methods: Sequence[Method] = (),
        *,
        titles: AxisTitles,
        highlighted: Collection[str] = (),
        dimmed: Collection[str] = (),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._titles = titles
        self._points: tuple[ChartPoint, ...] = ()
        self._by_id: dict[str, ChartPoint] = {}
        self._names: dict[str, str] = {}
        self._ranked: tuple[str, ...] = ()
        self._version = 0
        self._chart: ChartLayout | None = None
        self._chart_key: tuple[int, int, int] | None = None
        self._rows: list[list[_Run]] = []
        self._set_data(methods, highlighted, dimmed)
        self.set_reactive(LandscapeChart.selected, self.home_id)

    # ------------------------------------------------------------------ data

    def _set_data(
        self, methods: Sequence[Method], highlighted: Collection[str], dimmed: Collection[str]
    ) -> None:
        self._points = points_for(methods, highlighted, dimmed)
        self._by_id = {p.id: p for p in self._points}
        self._names = {m.id: m.name for m in methods}
        drawn = {p.id for p in self._points}
        self._ranked = tuple(h for h in highlighted if h in drawn)
        self._version += 1

    def show(
        self,
        methods: Sequence[Method],
        highlighted: Collection[str] = (),
        dimmed: Collection[str] = (),
    ) -> None:
        """Draw these methods; the selection stays if its method is still drawn."""
        self._set_data(methods, highlighted, dimmed)
        if not any(p.id == self.selected for p in self._points):
            self.selected = self.home_id
        self.refresh()

    @property
    def points(self) -> tuple[ChartPoint, ...]:
        """The points drawn (methods with both positions), in the methods' order."""
        return self._points

    @property
    def home_id(self) -> str | None:
        """The top-ranked highlighted method drawn, else the first drawn, else None."""
        if self._ranked:
            return self._ranked[0]
        return self._points[0].id if self._points else None

    def select(self, method_id: str) -> None:
        """Select a method (no message is sent); one that is not drawn clears the selection."""
        drawn = any(p.id == method_id for p in self._points)
        self.selected = method_id if drawn else None

    @property
    def chart(self) -> ChartLayout:
        """The layout for the current size and data (computed once for each of them)."""
        width, height = self.size
        key = (width, height, self._version)
        if self._chart is None or key != self._chart_key:
            self._chart = layout(
                self._points, width, max(height - 1, 1), self._titles, selected=self.selected
            )
            self._chart_key = key
            self._rows = _rows_of(self._chart)
        return self._chart

    # ------------------------------------------------------------------ actions

    def watch_selected(self, _old: str | None, _new: str | None) -> None:
        self.refresh()

    def _choose(self, method_id: str | None) -> None:
        if method_id is None or method_id == self.selected:
            return
        self.selected = method_id
        self.post_message(self.Selected(self, method_id))

    def action_move(self, direction: Direction) -> None:
        if self.selected is None:
            self._choose(self.home_id)
            return
        self._choose(nearest_in_direction(self._points, self.selected, direction))

    def action_home(self) -> None:
        self._choose(self.home_id)

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self, self.selected))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        chart = self.chart
        if offset.y >= chart.height:
            return
        hit = point_at(chart, offset.y, offset.x)
        if hit is None:
            return
        event.stop()
        if hit == self.selected:
            self.post_message(self.Opened(self, hit))
        else:
            self._choose(hit)

    # ------------------------------------------------------------------ painting

    def _styles(self) -> dict[str, Style]:
        names = ("marker", "label", "highlight", "dimmed", "selected", "span", "midline", "title")
        return {
            name: self.get_component_rich_style(f"landscape-chart--{name}", partial=True)
            for name in (*names, "status")
        }

    def render_line(self, y: int) -> Strip:
        chart = self.chart
        width = self.size.width
        base = self.rich_style
        styles = self._styles()
        if y >= chart.height:
            return (
                self._status_line(width, base, styles)
                if y == chart.height
                else Strip.blank(width, base)
            )
        segments: list[Segment] = []
        for text, kind, point_id in self._rows[y]:
            style = base
            point = self._by_id.get(point_id) if point_id is not None else None
            if kind in (_MIDLINE, _TITLE):
                style += styles[kind]
            elif point is not None:
                style += styles[kind]
                if point.highlight:
                    style += styles["highlight"]
                elif point.dimmed:
                    style += styles["dimmed"]
                if point.id == self.selected and kind in (_MARKER, _LABEL):
                    style += styles["selected"]
            segments.append(Segment(text, style))
        return Strip(segments).adjust_cell_length(width, base)

    def _status_line(self, width: int, base: Style, styles: dict[str, Style]) -> Strip:
        """The selected method's full name and what it is, then a key to the markers."""
        status = base + styles["status"]
        point = next((p for p in self._points if p.id == self.selected), None)
        left: list[Segment] = []
        if not self._points:
            left.append(Segment(_("No method here has a measured position to draw."), status))
        elif point is not None:
            glyph = (
                MARKER_HIGHLIGHT if point.highlight else MARKER_DIMMED if point.dimmed else MARKER
            )
            name = self._names.get(point.id, point.label)
            note = _("top pick") if point.highlight else _("ruled out") if point.dimmed else ""
            left.append(Segment(f"{glyph} ", status))
            left.append(Segment(name, base + styles[_MARKER]))
            if note:
                left.append(Segment(f" — {note}", status))
        used = sum(cell_width(s.text) for s in left)
        key = self._key_text()
        if key and used + 3 + cell_width(key) <= width:
            gap = width - used - cell_width(key)
            left.append(Segment(" " * gap, base))
            left.append(Segment(key, status))
        elif used > width:
            text = shorten("".join(s.text for s in left), width)
            left = [Segment(text, status)]
        return Strip(left).adjust_cell_length(width, base)

    def _key_text(self) -> str:
        parts = []
        if any(p.highlight for p in self._points):
            parts.append(f"{MARKER_HIGHLIGHT} " + _("top pick"))
        if any(p.dimmed for p in self._points):
            parts.append(f"{MARKER_DIMMED} " + _("ruled out"))
        if parts:
            parts.insert(1, f"{MARKER} " + _("other"))
        return "  ".join(parts)
