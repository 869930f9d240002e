"""The cultural map for people and programs: as characters (the terminal map and its legend)
and as JSON data (every country's point, glyph and cell, the range and the legend).

Both read a ``MapView`` (``cxguide.logic.culture_map.map_view``), the layout the TUI widget and
the SVG export draw too; nothing here places or measures anything.
"""

from __future__ import annotations

from typing import Any, Literal, TextIO

from cxguide.export.culture import SCHEMA_VERSION, point_json
from cxguide.export.listing import unknown
from cxguide.export.map_svg import map_sources
from cxguide.i18n import _
from cxguide.knowledge.models import Knowledge
from cxguide.logic import culture
from cxguide.logic.culture_map import (
    CAPTION,
    LABEL,
    MARKER,
    MIDLINE,
    PATH,
    STEP,
    TITLE,
    YEAR,
    MapView,
    legend_rows,
    legend_text,
    paint,
    runs,
    scores_text,
    text_lines,
)


def legend_lines(view: MapView, width: int) -> list[str]:
    """The legend as lines of at most ``width`` cells."""
    return ["  ".join(legend_text(key) for key in row) for row in legend_rows(view.keys, width)]


def _sources(view: MapView, knowledge: Knowledge) -> dict[str, str]:
    result = {}
    for source_id in map_sources(view, knowledge):
        source = knowledge.sources.get(source_id)
        result[source_id] = (
            source.citation(unknown=unknown())
            if source is not None
            else _("not in the knowledge files")
        )
    return result


def selected_line(view: MapView) -> str | None:
    """The selected country in one line: glyph, name, code, year, both scores and zone."""
    point = view.chart.point(view.chart.selected)
    if point is None:
        return None
    zone = view.zone if view.zone is not None and view.zone.id == point.zone else None
    key = next((k for k in view.keys if k.id == point.zone), None)
    zone_name = zone.name if zone else key.name if key is not None else _("no zone given")
    return _("{glyph} {name} ({code}) {year} · {scores} · {zone}").format(
        glyph=point.glyph,
        name=point.name,
        code=point.code,
        year=point.year,
        scores=scores_text(point),
        zone=zone_name,
    )


def map_text(view: MapView, knowledge: Knowledge) -> str:
    """The map as plain characters, the legend under it, the selected country, the sources."""
    chart = view.chart
    lines = text_lines(chart)
    lines += legend_lines(view, chart.width)
    selected = selected_line(view)
    if selected is not None:
        lines += ["", selected]
    lines.append("")
    lines.append(_("Sources:"))
    lines += [f"  {sid}: {citation}" for sid, citation in _sources(view, knowledge).items()]
    return "\n".join(lines) + "\n"


def print_map(view: MapView, knowledge: Knowledge, file: TextIO) -> None:
    """The map for a terminal: in the zones' colours where the output is a colour terminal
    (and NO_COLOR is not set), else exactly ``map_text``. Rich is imported here."""
    if not file.isatty():
        file.write(map_text(view, knowledge))
        return
    from rich.console import Console
    from rich.style import Style
    from rich.text import Text

    chart = view.chart
    colours = {key.id: key.colour for key in view.keys}
    by_id = {p.id: p for p in chart.points}
    console = Console(file=file, highlight=False, markup=False, soft_wrap=True)
    for line in paint(chart):
        text = Text()
        for chars, kind, owner in runs(line):
            style = Style()
            point = by_id.get(owner) if owner is not None else None
            if kind in (TITLE, CAPTION):
                style = Style(bold=True)
            elif kind == MIDLINE:
                style = Style(dim=True)
            elif kind in (PATH, STEP, YEAR):
                style = Style(bold=True)
            elif point is not None and kind in (MARKER, LABEL):
                style = Style(
                    color=colours.get(point.zone),
                    bold=kind == MARKER or point.id in chart.neighbours,
                    reverse=point.id == chart.selected,
                )
            text.append(chars, style)
        text.rstrip()
        console.print(text)
    for row in legend_rows(view.keys, chart.width):
        text = Text()
        for index, key in enumerate(row):
            if index:
                text.append("  ")
            text.append(key.glyph, Style(color=key.colour, bold=True))
            text.append(" " + key.name)
        console.print(text)
    selected = selected_line(view)
    if selected is not None:
        console.print()
        console.print(selected)
    console.print()
    console.print(_("Sources:"))
    for source_id, citation in _sources(view, knowledge).items():
        console.print(f"  {source_id}: {citation}")


def map_json(view: MapView, knowledge: Knowledge) -> dict[str, Any]:
    """The map as JSON-ready data: the range, the legend, every country (drawn or not) with its
    point, glyph, cell and label, the path if drawn, and the sources."""
    chart = view.chart
    labels = {label.point_id: label.text for label in chart.labels}
    known = {key.id for key in view.keys}
    counts: dict[str | None, int] = {}
    for p in view.points:
        zone = p.zone if p.zone in known else None
        counts[zone] = counts.get(zone, 0) + 1
    by_axis = {d.axis: d for d in knowledge.value_dimensions}

    def axis(letter: Literal["x", "y"], variable: str) -> dict[str, Any]:
        dimension = by_axis.get(letter)
        low, high = (
            (chart.extent.x_min, chart.extent.x_max)
            if letter == "x"
            else (chart.extent.y_min, chart.extent.y_max)
        )
        return {
            "variable": variable,
            "name": dimension.name if dimension else None,
            "negative_pole": dimension.negative_pole.name if dimension else None,
            "positive_pole": dimension.positive_pole.name if dimension else None,
            "shown_from": round(low, 4),
            "shown_to": round(high, 4),
        }

    countries = {c.id: c for c in knowledge.countries}
    points = []
    for p in view.points:
        cell = chart.markers.get(p.id)
        points.append(
            {
                **point_json(culture.point(countries[p.id])),
                "glyph": p.glyph,
                "drawn": cell is not None,
                "cell": list(cell) if cell is not None else None,
                "label": labels.get(p.id),
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "zone": {"id": view.zone.id, "name": view.zone.name} if view.zone else None,
        "selected": chart.selected,
        "neighbours": list(chart.neighbours),
        "axes": {
            "x": axis("x", "survival_self_expression"),
            "y": axis("y", "traditional_secular"),
        },
        "grid": {"width": chart.width, "height": chart.height},
        "legend": [
            {
                "zone": key.id,
                "name": key.name,
                "glyph": key.glyph,
                "colour": key.colour,
                "countries": counts.get(key.id, 0),
            }
            for key in view.keys
        ],
        "points": points,
        "path": [
            {"year": s.year, "traditional_secular": s.y, "survival_self_expression": s.x}
            for s in view.path
        ]
        if view.path
        else None,
        "sources": _sources(view, knowledge),
    }
