"""The cultural map as an SVG picture, drawn from the same layout as the terminal map.

``map_svg`` takes a ``MapView`` (``cxguide.logic.culture_map.map_view``): every marker, label,
title, zero line and path step goes where the layout's cells say, a cell being ``CELL_W`` x
``CELL_H`` pixels and the text monospaced so that a label covers the cells the layout gave it.
Markers are drawn as shapes that match the zone glyphs (circle, square, triangle...), so the
zones are told apart in grey print too. Around the map: a title, both axes named with their
poles, the legend and the sources. Every text is escaped; the result is one string of XML.
Pure: no Textual, no Rich.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from cxguide.export.escape import svg_number
from cxguide.export.listing import unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.logic import culture
from cxguide.logic.chart_grid import cell_width
from cxguide.logic.culture_map import MapView, ZoneKey

# The grid the SVG is laid out on (cells), and a cell's size in pixels.
GRID_WIDTH, GRID_HEIGHT = 150, 46
CELL_W, CELL_H = 8.0, 17.0
FONT_SIZE = 13  # monospaced: about 7.8 px a character, inside a cell's 8
MONO = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace"
SANS = "DejaVu Sans, Helvetica, Arial, sans-serif"
PAD = 24.0
MARKER_R = 4.6
INK, MUTED, RULE, PATH_INK = "#222222", "#5f5f5f", "#b8b8b8", "#3b3b8f"


_num = svg_number


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = FONT_SIZE,
    family: str = MONO,
    fill: str = INK,
    weight: str | None = None,
    extra: str = "",
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-family={quoteattr(family)} '
        f'font-size="{_num(size)}" fill="{fill}"{bold}{extra}>{escape(text)}</text>'
    )


def _polygon(points: Sequence[tuple[float, float]], style: str) -> str:
    coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
    return f'<polygon points="{coords}" {style}/>'


def shape(glyph: str, cx: float, cy: float, r: float, fill: str, stroke: str = INK) -> str:
    """The zone glyph as an SVG shape centred on (cx, cy), about ``2 r`` across."""
    style = f'fill="{fill}" stroke="{stroke}" stroke-width="0.7"'
    if glyph == "●":
        return f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" {style}/>'
    if glyph == "○":
        return (
            f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r * 0.9)}" fill="#ffffff" '
            f'stroke="{fill}" stroke-width="1.8"/>'
        )
    if glyph == "■":
        side = r * 1.7
        return (
            f'<rect x="{_num(cx - side / 2)}" y="{_num(cy - side / 2)}" width="{_num(side)}" '
            f'height="{_num(side)}" {style}/>'
        )
    if glyph in ("▲", "▼"):
        sign = -1.0 if glyph == "▲" else 1.0
        return _polygon(
            [
                (cx, cy + sign * r * 1.1),
                (cx - r * 1.05, cy - sign * r * 0.8),
                (cx + r * 1.05, cy - sign * r * 0.8),
            ],
            style,
        )
    if glyph == "◆":
        return _polygon([(cx, cy - r * 1.2), (cx + r, cy), (cx, cy + r * 1.2), (cx - r, cy)], style)
    if glyph == "★":
        corners = []
        for i in range(10):
            angle = -math.pi / 2 + i * math.pi / 5
            reach = r * 1.25 if i % 2 == 0 else r * 0.55
            corners.append((cx + reach * math.cos(angle), cy + reach * math.sin(angle)))
        return _polygon(corners, style)
    if glyph in ("✚", "✕"):
        arm, half = r * 1.15, r * 0.38
        cross = [
            (-half, -arm),
            (half, -arm),
            (half, -half),
            (arm, -half),
            (arm, half),
            (half, half),
            (half, arm),
            (-half, arm),
            (-half, half),
            (-arm, half),
            (-arm, -half),
            (-half, -half),
        ]
        if glyph == "✕":
            turn = math.sqrt(0.5)
            cross = [((x - y) * turn, (x + y) * turn) for x, y in cross]
        return _polygon([(cx + x, cy + y) for x, y in cross], style)
    return _text(cx - CELL_W * 0.4, cy + FONT_SIZE * 0.35, glyph, fill=fill, weight="bold")


def map_sources(view: MapView, knowledge: Knowledge) -> tuple[str, ...]:
    """The source ids behind the drawn scores (and the path's), then behind the zones."""
    drawn = {p.id for p in view.chart.points}
    scores: dict[str, None] = {}
    zones: dict[str, None] = {}
    for country in knowledge.countries:
        if country.id in drawn:
            scores[culture.point(country).score.source] = None
            if country.zone_source:
                zones[country.zone_source] = None
    if view.country is not None and view.path:
        scores.update(dict.fromkeys(s.source for s in view.country.scores))
    return tuple(dict.fromkeys((*scores, *zones)))


def _citation(knowledge: Knowledge, source_id: str) -> str:
    source = knowledge.sources.get(source_id)
    if source is None:
        return _("{id}: not in the knowledge files").format(id=source_id)
    return f"{source_id}: {source.citation(unknown=unknown())}"


def _axis_lines(knowledge: Knowledge) -> list[str]:
    """Both axes named, with their poles: across first, then up."""
    by_axis = {d.axis: d for d in knowledge.value_dimensions}
    lines = []
    x, y = by_axis.get("x"), by_axis.get("y")
    if x is not None:
        lines.append(
            _("Across: {name} (left: {negative}; right: {positive}).").format(
                name=x.name, negative=x.negative_pole.name, positive=x.positive_pole.name
            )
        )
    if y is not None:
        lines.append(
            _("Up: {name} (bottom: {negative}; top: {positive}).").format(
                name=y.name, negative=y.negative_pole.name, positive=y.positive_pole.name
            )
        )
    return lines


def _chain(view: MapView) -> list[list[tuple[int, int]]]:
    """The path's drawn cells, oldest first, in runs of consecutive drawn survey years."""
    chart = view.chart
    if chart.path_of is None:
        return []
    owner = chart.point(chart.path_of)
    runs: list[list[tuple[int, int]]] = [[]]
    for step in chart.path:
        cell = (
            chart.markers.get(chart.path_of)
            if owner is not None and step.year == owner.year
            else chart.steps.get(step.year)
        )
        if cell is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(cell)
    return [run for run in runs if len(run) > 1]


def map_svg(view: MapView, knowledge: Knowledge) -> str:
    """The map as a standalone SVG document (UTF-8 XML text)."""
    chart = view.chart
    keys_by_id = {key.id: key for key in view.keys}
    grid_w, grid_h = chart.width * CELL_W, chart.height * CELL_H
    width = grid_w + 2 * PAD
    text_chars = max(int((width - 2 * PAD) / 6.2), 40)

    title = _("The Inglehart–Welzel cultural map")
    drawn = len(chart.points)
    subtitle = ngettext(
        "{count} country at the survey year the 2023 map draws (else its latest)",
        "{count} countries at the survey year the 2023 map draws (else their latest)",
        drawn,
    ).format(count=drawn)
    if view.zone is not None:
        subtitle += " · " + _("zoomed into {zone}").format(zone=view.zone.name)
    axes = [
        wrapped
        for line in _axis_lines(knowledge)
        for wrapped in textwrap.wrap(line, text_chars, break_on_hyphens=False)
    ]

    parts: list[str] = []
    y = PAD + 20
    parts.append(_text(PAD, y, title, size=20, family=SANS, weight="bold"))
    y += 22
    parts.append(_text(PAD, y, subtitle, size=13, family=SANS, fill=MUTED))
    for line in axes:
        y += 18
        parts.append(_text(PAD, y, line, size=12, family=SANS, fill=MUTED))
    top = y + 16

    def left(col: int) -> float:
        return PAD + col * CELL_W

    def upper(row: int) -> float:
        return top + row * CELL_H

    def centre(cell: tuple[int, int]) -> tuple[float, float]:
        return left(cell[1]) + CELL_W / 2, upper(cell[0]) + CELL_H / 2

    def baseline(row: int) -> float:
        return upper(row) + CELL_H * 0.74

    box = chart.box
    parts.append(
        f'<rect x="{_num(left(box.left))}" y="{_num(upper(box.top))}" '
        f'width="{_num((box.right - box.left + 1) * CELL_W)}" '
        f'height="{_num((box.bottom - box.top + 1) * CELL_H)}" fill="#fbfbfb" '
        f'stroke="{RULE}" stroke-width="1"/>'
    )
    dash = f'stroke="{RULE}" stroke-width="1" stroke-dasharray="4 4"'
    if chart.mid_row is not None:
        y0 = upper(chart.mid_row) + CELL_H / 2
        parts.append(
            f'<line x1="{_num(left(box.left))}" y1="{_num(y0)}" '
            f'x2="{_num(left(box.right + 1))}" y2="{_num(y0)}" {dash}/>'
        )
    if chart.mid_col is not None:
        x0 = left(chart.mid_col) + CELL_W / 2
        parts.append(
            f'<line x1="{_num(x0)}" y1="{_num(upper(box.top))}" '
            f'x2="{_num(x0)}" y2="{_num(upper(box.bottom + 1))}" {dash}/>'
        )

    for run in _chain(view):
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in (centre(c) for c in run))
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{PATH_INK}" '
            f'stroke-width="1.4" stroke-opacity="0.8"/>'
        )
    for _year, cell in chart.steps.items():
        cx, cy = centre(cell)
        parts.append(
            f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="2.6" fill="#ffffff" '
            f'stroke="{PATH_INK}" stroke-width="1.2"/>'
        )
    for label in chart.years:
        parts.append(_text(left(label.col), baseline(label.row), label.text, fill=PATH_INK))

    for label in chart.labels:
        emphasis = label.point_id == chart.selected
        bold = emphasis or label.point_id in chart.neighbours or label.point_id in chart.highlighted
        extra = ' text-decoration="underline"' if emphasis else ""
        point = chart.point(label.point_id)
        outside = chart.zoomed and point is not None and point.zone != chart.zone
        parts.append(
            _text(
                left(label.col),
                baseline(label.row),
                label.text,
                fill=MUTED if outside else INK,
                weight="bold" if bold else None,
                extra=extra,
            )
        )
    by_id = {p.id: p for p in chart.points}
    for point_id, cell in chart.markers.items():
        point = by_id[point_id]
        key = keys_by_id.get(point.zone) or next(k for k in view.keys if k.glyph == point.glyph)
        cx, cy = centre(cell)
        radius = MARKER_R * (1.35 if point_id == chart.selected else 1.0)
        parts.append(shape(point.glyph, cx, cy, radius, key.colour))
    for placed in (*chart.titles, *((chart.caption,) if chart.caption else ())):
        parts.append(
            _text(left(placed.col), baseline(placed.row), placed.text, weight="bold", fill=INK)
        )

    y = top + grid_h + 20
    y = _legend(parts, view.keys, y, width)
    y += 8
    sources = [_citation(knowledge, s) for s in map_sources(view, knowledge)]
    lines = [_("Sources:")]
    for citation in sources:
        lines.extend(
            textwrap.wrap(citation, text_chars, subsequent_indent="  ", break_on_hyphens=False)
        )
    for line in lines:
        y += 15
        parts.append(_text(PAD, y, line, size=11, family=SANS, fill=MUTED))
    height = y + PAD

    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" '
        f'height="{_num(height)}" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'role="img" aria-label={quoteattr(title)}>\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n'
    )
    return head + "\n".join(parts) + "\n</svg>\n"


def _legend(parts: list[str], keys: Sequence[ZoneKey], y: float, width: float) -> float:
    """The legend's entries in rows across ``width``, starting at ``y``; the last row's y."""
    x = PAD
    char_w = FONT_SIZE * 0.62
    for key in keys:
        entry = 2 * MARKER_R + 6 + cell_width(key.name) * char_w
        if x > PAD and x + entry > width - PAD:
            x = PAD
            y += 20
        parts.append(shape(key.glyph, x + MARKER_R, y - 4, MARKER_R, key.colour))
        parts.append(_text(x + 2 * MARKER_R + 6, y, key.name))
        x += entry + 22
    return y
