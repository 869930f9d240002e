"""Plain-word phrases the screens share: positions that say which way they lean, citations.

Pure functions over the models; the numbers themselves come from cxguide.export.listing.
"""

from __future__ import annotations

from collections.abc import Iterable

from cxguide.export.listing import position_text, unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge, LandscapeDimension, Position

# Below this distance from the midline a position is "close to the midline".
NEAR_MIDLINE = 0.1


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def lean_text(position: Position | None, dimension: LandscapeDimension | None) -> str:
    """'+0.38 — leans towards what people do (behavioral)', or 'unknown'."""
    text = position_text(position)
    if position is None or dimension is None:
        return text
    value = position.value
    if value == 0:
        return _("{position} — on the midline").format(position=text)
    pole = dimension.positive_pole if value > 0 else dimension.negative_pole
    where = (
        _("close to the midline, a little towards {answers} ({pole})")
        if abs(value) < NEAR_MIDLINE
        else _("leans towards {answers} ({pole})")
    ).format(answers=_lower_first(pole.answers), pole=pole.id)
    return f"{text} — {where}"


def citations(knowledge: Knowledge, source_ids: Iterable[str]) -> list[str]:
    """The full citation of each source id, once each, in order; an unknown id as itself."""
    seen: dict[str, None] = dict.fromkeys(source_ids)
    lines = []
    for source_id in seen:
        source = knowledge.sources.get(source_id)
        lines.append(source.citation(unknown()) if source else source_id)
    return lines


def points_text(points: float, rules_out: bool = False) -> str:
    """'+2.7 points', '-1.5 points', 'no points' or 'rules it out'."""
    if rules_out:
        return _("rules it out")
    if not points:
        return _("no points")
    return ngettext("{points} point", "{points} points", 1 if abs(points) == 1 else 2).format(
        points=f"{points:+g}"
    )
