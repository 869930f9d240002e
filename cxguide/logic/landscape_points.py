"""The landscape chart of the 2014 methods laid out for a picture, as the TUI chart lays it out.

``landscape_view`` feeds ``cxguide.logic.landscape_chart.layout`` the same points
(``points_for``) and pole titles (``axis_titles``) as the finder's chart, so an SVG export
draws methods where the app does. Pure: no Textual, no Rich.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from cxguide.i18n import _
from cxguide.knowledge.models import Edition, Knowledge
from cxguide.logic.landscape_chart import AxisTitles, ChartLayout, layout, points_for

POSITIONS_EDITION: Edition = "2014"  # the only edition whose positions were measured


def pole_answers(knowledge: Knowledge, dimension_id: str) -> tuple[str, str]:
    """What the negative and positive ends of a landscape axis answer, in the chart's words."""
    for dimension in knowledge.landscape.dimensions:
        if dimension.id == dimension_id:
            return dimension.negative_pole.answers, dimension.positive_pole.answers
    if dimension_id == "attitudinal_behavioral":
        return _("What people say"), _("What people do")
    return _("Why & how to fix"), _("How many & how much")


def axis_titles(knowledge: Knowledge) -> AxisTitles:
    """The chart's four pole titles: do at the top, say at the bottom, why left, how many right."""
    say, do = pole_answers(knowledge, "attitudinal_behavioral")
    why, how_many = pole_answers(knowledge, "qual_quant")
    return AxisTitles(top=do, bottom=say, left=why, right=how_many)


def landscape_view(
    knowledge: Knowledge,
    width: int,
    height: int,
    *,
    ranks: Mapping[str, int] | None = None,
    selected: str | None = None,
) -> ChartLayout:
    """Every measured 2014 method laid out on ``width`` x ``height`` cells; the methods in
    ``ranks`` (method id -> rank) are highlighted, labelled first and as '1 Name'."""
    ranked = ranks or {}
    points = tuple(
        dataclasses.replace(p, label=f"{ranked[p.id]} {p.label}") if p.id in ranked else p
        for p in points_for(knowledge.methods_of(POSITIONS_EDITION), highlighted=ranked)
    )
    return layout(points, width, height, axis_titles(knowledge), selected=selected)
