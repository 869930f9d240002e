"""A workshop session as JSON data: the stored session, the ranking and the countries.

``{"schema_version": 1, "session": {...}, "ranking": {...}, "countries": [...]}``. The
``session`` part is ``cxguide.session.model.to_dict`` and loads back with ``from_dict`` into the
same session. The ranking is recomputed from the session's answers (sessions store answers
only), and the countries are read from the knowledge; nothing here measures or scores.
Also home of the two look-ups the Markdown and SVG exports share.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cxguide.export.culture import point_json
from cxguide.export.ranking import citation, ranking_json
from cxguide.knowledge.models import Knowledge
from cxguide.logic.culture import Profile, profile
from cxguide.logic.ranking import Ranking, rank
from cxguide.session.model import Session, to_dict

SCHEMA_VERSION = 1
NEIGHBOURS = 5  # nearest countries shown for each of the session's countries


@dataclass(frozen=True, slots=True)
class SessionCountry:
    """One of the session's country ids and its profile (None: not in the knowledge)."""

    id: str
    profile: Profile | None


def session_ranking(session: Session, knowledge: Knowledge) -> Ranking:
    """The ranking for the session's answers and edition, worked out now (never stored)."""
    return rank(knowledge, session.answers, session.edition)


def session_countries(session: Session, knowledge: Knowledge) -> tuple[SessionCountry, ...]:
    """Each country of the session, in order, with its profile when the knowledge has it."""
    found = []
    for country_id in session.countries:
        country = knowledge.country(country_id)
        found.append(
            SessionCountry(
                country_id, profile(knowledge, country, n=NEIGHBOURS) if country else None
            )
        )
    return tuple(found)


def _country_json(item: SessionCountry, knowledge: Knowledge) -> dict[str, Any]:
    found = item.profile
    if found is None:
        return {"id": item.id, "found": False}
    return {
        "id": item.id,
        "found": True,
        "point": point_json(found.point),
        "zone": {"id": found.zone.id, "name": found.zone.name} if found.zone else None,
        "zone_source": found.country.zone_source,
        "neighbours": [
            {"rank": i, **point_json(nb.point), "distance": nb.distance}
            for i, nb in enumerate(found.neighbours, start=1)
        ],
        "sources": {s: citation(knowledge, s) for s in found.sources},
    }


def session_json(session: Session, knowledge: Knowledge) -> dict[str, Any]:
    """The session, its ranking (every method) and its countries as JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "session": to_dict(session),
        "ranking": ranking_json(session_ranking(session, knowledge), knowledge),
        "countries": [_country_json(c, knowledge) for c in session_countries(session, knowledge)],
    }


def session_json_text(session: Session, knowledge: Knowledge) -> str:
    """``session_json`` as JSON text (characters kept as they are, escaped where JSON needs)."""
    return json.dumps(session_json(session, knowledge), ensure_ascii=False, indent=2) + "\n"
