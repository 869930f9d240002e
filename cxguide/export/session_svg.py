"""A workshop session as one SVG picture: the landscape of methods, then the cultural map.

Figure 1 draws the 2014 methods where Rohrer's chart puts them, from the layout the app's
chart uses (``cxguide.logic.landscape_points.landscape_view``), the best methods for the
session's answers numbered by rank. Figure 2 is the cultural map as ``cxguide.export.map_svg``
draws it, the session's countries selected and labelled. Each figure has a title, its axes,
a legend and its sources. Every text is escaped (``cxguide.export.escape``); the result is
one XML document that opens in a browser. Pure: no Textual, no Rich.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import replace

from cxguide.export.escape import svg_number, xml_attr, xml_text
from cxguide.export.map_svg import (
    CELL_H,
    CELL_W,
    FONT_SIZE,
    GRID_HEIGHT,
    GRID_WIDTH,
    INK,
    MARKER_R,
    MONO,
    MUTED,
    PAD,
    PATH_INK,
    RULE,
    map_svg,
)
from cxguide.export.ranking import citation
from cxguide.export.session_json import session_ranking
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.logic.chart_grid import cell_width
from cxguide.logic.culture_map import MapView, layout, map_view, titles_from
from cxguide.logic.landscape_chart import ChartLayout
from cxguide.logic.landscape_points import POSITIONS_EDITION, axis_titles, landscape_view
from cxguide.session.model import Session, timestamp_text

SANS = "DejaVu Sans, Helvetica, Arial, sans-serif"
LANDSCAPE_HEIGHT = 40  # cells; as wide as the map (GRID_WIDTH)
HIGHLIGHTED = 5  # how many of the best methods are numbered on the landscape
WIDTH = GRID_WIDTH * CELL_W + 2 * PAD
TEXT_CHARS = int((WIDTH - 2 * PAD) / 6.2)
_SIZE = re.compile(r'<svg [^>]*?width="([0-9.]+)" height="([0-9.]+)"')


_num = svg_number


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = FONT_SIZE,
    family: str = MONO,
    fill: str = INK,
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-family={xml_attr(family)} '
        f'font-size="{_num(size)}" fill="{fill}"{weight}>{xml_text(text)}</text>'
    )


def _wrapped(parts: list[str], y: float, lines: list[str], size: float, fill: str) -> float:
    """Each line wrapped to the picture's width under ``y``; the last line's y."""
    for line in lines:
        for piece in textwrap.wrap(line, TEXT_CHARS, break_on_hyphens=False) or [""]:
            y += size + 5
            parts.append(_text(PAD, y, piece, size=size, family=SANS, fill=fill))
    return y


def _header(session: Session, parts: list[str]) -> float:
    y = PAD + 22
    parts.append(_text(PAD, y, session.name, size=22, family=SANS, bold=True))
    line = _("Workshop session {id} · created {created} · last changed {updated}").format(
        id=session.id,
        created=timestamp_text(session.created),
        updated=timestamp_text(session.updated),
    )
    return _wrapped(parts, y + 4, [line], 13, MUTED)


def _chart(parts: list[str], chart: ChartLayout, top: float) -> None:
    """The landscape's plot box, midlines, spans, markers, labels and titles below ``top``."""

    def left(col: float) -> float:
        return PAD + col * CELL_W

    def upper(row: float) -> float:
        return top + row * CELL_H

    box = chart.box
    parts.append(
        f'<rect x="{_num(left(box.left))}" y="{_num(upper(box.top))}" '
        f'width="{_num((box.right - box.left + 1) * CELL_W)}" '
        f'height="{_num((box.bottom - box.top + 1) * CELL_H)}" fill="#fbfbfb" '
        f'stroke="{RULE}" stroke-width="1"/>'
    )
    dash = f'stroke="{RULE}" stroke-width="1" stroke-dasharray="4 4"'
    y0, x0 = upper(chart.mid_row + 0.5), left(chart.mid_col + 0.5)
    parts.append(
        f'<line x1="{_num(left(box.left))}" y1="{_num(y0)}" x2="{_num(left(box.right + 1))}" '
        f'y2="{_num(y0)}" {dash}/>'
    )
    parts.append(
        f'<line x1="{_num(x0)}" y1="{_num(upper(box.top))}" x2="{_num(x0)}" '
        f'y2="{_num(upper(box.bottom + 1))}" {dash}/>'
    )
    for run in chart.spans:
        if run.horizontal:
            x1, y1 = left(run.col + 0.5), upper(run.row + 0.5)
            x2, y2 = left(run.col + run.length - 0.5), y1
        else:
            x1, y1 = left(run.col + 0.5), upper(run.row + 0.5)
            x2, y2 = x1, upper(run.row + run.length - 0.5)
        parts.append(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke="{MUTED}" stroke-width="2" stroke-linecap="round" stroke-opacity="0.6"/>'
        )
    highlighted = {p.id for p in chart.points if p.highlight}
    for label in chart.labels:
        parts.append(
            _text(
                left(label.col),
                upper(label.row) + CELL_H * 0.74,
                label.text,
                fill=PATH_INK if label.point_id in highlighted else INK,
                bold=label.point_id in highlighted,
            )
        )
    for point_id, (row, col) in chart.markers.items():
        cx, cy = left(col + 0.5), upper(row + 0.5)
        parts.append(_marker(cx, cy, point_id in highlighted))
    for title in chart.titles:
        parts.append(
            _text(left(title.col), upper(title.row) + CELL_H * 0.74, title.text, bold=True)
        )


def _marker(cx: float, cy: float, highlighted: bool) -> str:
    if highlighted:
        return (
            f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(MARKER_R * 1.2)}" '
            f'fill="{PATH_INK}" stroke="{INK}" stroke-width="0.7"/>'
        )
    return (
        f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(MARKER_R)}" fill="#ffffff" '
        f'stroke="{INK}" stroke-width="1.4"/>'
    )


def _landscape(session: Session, knowledge: Knowledge, parts: list[str], y: float) -> float:
    """Figure 1 below ``y``; returns the y its last line ends on."""
    ranking = session_ranking(session, knowledge)
    ranks = {}
    if session.edition == POSITIONS_EDITION:
        ranks = {m.method.id: m.rank for m in ranking.candidates[:HIGHLIGHTED]}
    chart = landscape_view(
        knowledge,
        GRID_WIDTH,
        LANDSCAPE_HEIGHT,
        ranks=ranks,
        selected=next(iter(ranks), None),
    )
    y += 40
    title = _("Figure 1. The landscape of UX research methods (Rohrer, 2014 positions)")
    parts.append(_text(PAD, y, title, size=18, family=SANS, bold=True))
    if ranks:
        subtitle = ngettext(
            "Filled and numbered: the best method for the session's answers, by rank.",
            "Filled and numbered: the {count} best methods for the session's answers, by rank.",
            len(ranks),
        ).format(count=len(ranks))
    elif session.edition != POSITIONS_EDITION:
        subtitle = _(
            "The session uses the {edition} edition, whose chart positions were never "
            "measured: the 2014 methods are shown, none highlighted."
        ).format(edition=session.edition)
    else:
        subtitle = _("No method is left for the session's answers: none is highlighted.")
    drawn = len(chart.points)
    titles = axis_titles(knowledge)
    lines = [
        subtitle,
        ngettext(
            "{count} method drawn at its measured position; a line shows a span.",
            "{count} methods drawn at their measured positions; a line shows a span.",
            drawn,
        ).format(count=drawn),
        _("Across: {left} (left) to {right} (right). Up: {bottom} (bottom) to {top} (top).").format(
            left=titles.left, right=titles.right, bottom=titles.bottom, top=titles.top
        ),
    ]
    y = _wrapped(parts, y, lines, 12, MUTED)
    top = y + 14
    _chart(parts, chart, top)
    y = top + LANDSCAPE_HEIGHT * CELL_H + 22
    x = PAD
    for filled, meaning in (
        (True, _("best for the session's answers")),
        (False, _("another method")),
    ):
        parts.append(_marker(x + MARKER_R, y - 4, filled))
        parts.append(_text(x + 2 * MARKER_R + 6, y, meaning))
        x += 2 * MARKER_R + 6 + cell_width(meaning) * FONT_SIZE * 0.62 + 22
    sources = dict.fromkeys(
        position.source
        for method in knowledge.methods_of(POSITIONS_EDITION)
        for position in (method.attitudinal_behavioral, method.qual_quant)
        if position is not None and method.id in {p.id for p in chart.points}
    )
    lines = [_("Sources:")] + [f"{s}: {citation(knowledge, s)}" for s in sources]
    return _wrapped(parts, y + 4, lines, 11, MUTED)


def culture_view(session: Session, knowledge: Knowledge) -> MapView:
    """The whole cultural map, the session's first country selected (its nearest countries
    labelled) and all of its countries labelled and in bold."""
    found = [c for c in (knowledge.country(i) for i in session.countries) if c is not None]
    first = found[0] if found else None
    view = map_view(knowledge, GRID_WIDTH, GRID_HEIGHT, country=first)
    if len(found) < 2:
        return view
    chart = view.chart
    relaid = layout(
        view.points,
        GRID_WIDTH,
        GRID_HEIGHT,
        titles_from(knowledge.value_dimensions),
        extent=chart.extent,
        selected=chart.selected,
        neighbours=chart.neighbours,
        highlighted=[c.id for c in found],
        caption=_("The session's countries: {names}").format(
            names=", ".join(c.name for c in found)
        ),
    )
    return replace(view, chart=relaid)


def _culture(session: Session, knowledge: Knowledge, parts: list[str], y: float) -> float:
    """Figure 2 (the map_svg picture, nested) below ``y``; returns the y it ends on."""
    y += 40
    title = _("Figure 2. The session's countries on the cultural map")
    parts.append(_text(PAD, y, title, size=18, family=SANS, bold=True))
    missing = [i for i in session.countries if knowledge.country(i) is None]
    if not session.countries:
        y = _wrapped(parts, y, [_("The session has no countries yet.")], 12, MUTED)
    if missing:
        note = _("Not in the knowledge files, so not drawn: {ids}.").format(ids=", ".join(missing))
        y = _wrapped(parts, y, [note], 12, MUTED)
    picture = map_svg(culture_view(session, knowledge), knowledge)
    body = picture[picture.index("<svg ") :]
    size = _SIZE.match(body)
    height = float(size.group(2)) if size else 0.0
    top = y + 4
    parts.append(body.replace("<svg ", f'<svg x="0" y="{_num(top)}" ', 1).rstrip("\n"))
    return top + height


def session_svg(session: Session, knowledge: Knowledge) -> str:
    """The session's two figures as one standalone SVG document (UTF-8 XML text)."""
    parts: list[str] = []
    y = _header(session, parts)
    y = _landscape(session, knowledge, parts, y)
    y = _culture(session, knowledge, parts, y)
    height = y + PAD
    title = _("{name} — cxguide workshop session").format(name=session.name)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(WIDTH)}" '
        f'height="{_num(height)}" viewBox="0 0 {_num(WIDTH)} {_num(height)}" '
        f'role="img" aria-label={xml_attr(title)}>\n'
        f"<title>{xml_text(title)}</title>\n"
        '<rect width="100%" height="100%" fill="#ffffff"/>\n'
    )
    return head + "\n".join(parts) + "\n</svg>\n"
