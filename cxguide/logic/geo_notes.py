"""Which cited culture notes apply to a country, and why: the heart of the geo-entry notes.

A note applies when its condition holds for the country's point on the map (the same point the
culture map draws, see ``culture.point``) and, for notes tied to a legal area, when the country is
in that area. A condition the country lacks data for (no zone) gives "may apply", shown with the
reason; it is never dropped silently and never changes a ranking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cxguide.i18n import _
from cxguide.knowledge.models import Country, CultureNote, Knowledge, Method, Note, english
from cxguide.logic import culture
from cxguide.logic.conditions import AxisClause, ConditionError, Judgement, judge, parse_condition
from cxguide.logic.topics import RESEARCH_TOPICS as RESEARCH_TOPICS
from cxguide.logic.topics import TOPIC_ALIASES as TOPIC_ALIASES
from cxguide.logic.topics import TOPIC_IDS as TOPIC_IDS
from cxguide.logic.topics import TOPICS as TOPICS


def topic_label(topic: str) -> str:
    """The topic's name in plain words (the id itself when unknown)."""
    return next((_(label) for ident, label in TOPICS if ident == topic), topic)


def find_topic(text: str) -> str | None:
    """The topic id that ``text`` names (an id, an alias or the label), if any."""
    folded = text.strip().casefold()
    for ident, label in TOPICS:
        if folded in (ident, _(label).casefold(), label.casefold()):
            return ident
    return TOPIC_ALIASES.get(folded)


@dataclass(frozen=True, slots=True)
class AppliedNote:
    """A culture note judged for one country: applies (True) or may apply (None), and why."""

    note: CultureNote
    applies: bool | None
    because: str  # "applies because ..." in plain words

    @property
    def title(self) -> str:
        return note_title(self.note)


def note_title(note: CultureNote) -> str:
    """The first sentence of the guidance: a short label for lists and reasons."""
    match = re.match(r"(.+?[.;:])(\s|$)", note.guidance)
    first = match.group(1) if match else note.guidance
    return first.rstrip(";:") + ("." if first[-1] in ";:" else "")


def _scores(point: culture.Point) -> dict[str, float]:
    return {
        "traditional_secular": point.score.traditional_secular,
        "survival_self_expression": point.score.survival_self_expression,
    }


def _because(judgement: Judgement, point: culture.Point, on_axes: bool) -> str:
    joined = _("; ").join(judgement.reasons)
    if judgement.applies is None:
        return _("may apply: {reasons}").format(reasons=joined)
    if not on_axes:
        return _("applies because {reasons}").format(reasons=joined)
    return _("applies because {reasons} ({year} survey)").format(
        reasons=joined, year=point.score.year
    )


def judge_note(knowledge: Knowledge, note: CultureNote, country: Country) -> AppliedNote | None:
    """The note judged for ``country``; None when it does not apply there."""
    if note.jurisdictions:
        areas = [j for j in knowledge.jurisdictions if j.id in note.jurisdictions]
        inside = [j for j in areas if country.id in j.countries]
        if not inside:
            return None
        names = ", ".join(j.name for j in inside)
        return AppliedNote(
            note,
            True,
            _("applies because {country} is in {area}").format(country=country.name, area=names),
        )
    condition = parse_condition(note.applies_when)
    if isinstance(condition, ConditionError):  # the loader rejects these; never guess
        return None
    point = culture.point(country)
    zone = knowledge.zone(country.zone)
    # Conditions name zones in English; a translated zone keeps its English name for them.
    judgement = judge(
        condition,
        _scores(point),
        english(zone, "name") if zone else None,
        zone.name if zone else None,
    )
    if judgement.applies is False:
        return None
    if condition.always:
        return AppliedNote(note, True, _("applies in every market"))
    on_axes = any(isinstance(c, AxisClause) for c in condition.clauses)
    return AppliedNote(note, judgement.applies, _because(judgement, point, on_axes))


def notes_for(
    knowledge: Knowledge, country: Country, topics: Iterable[str] | None = None
) -> tuple[AppliedNote, ...]:
    """The notes that apply (or may apply) to ``country``, by topic order then file order."""
    wanted = set(topics) if topics is not None else None
    applied = [
        found
        for note in knowledge.culture_notes
        if wanted is None or note.topic in wanted
        if (found := judge_note(knowledge, note, country)) is not None
    ]
    order = {topic: i for i, topic in enumerate(TOPIC_IDS)}
    return tuple(sorted(applied, key=lambda a: order.get(a.note.topic, len(order))))


def by_topic(applied: Iterable[AppliedNote]) -> tuple[tuple[str, tuple[AppliedNote, ...]], ...]:
    """Applied notes grouped under their topics, in topic order, empty topics left out."""
    groups: dict[str, list[AppliedNote]] = {}
    for item in applied:
        groups.setdefault(item.note.topic, []).append(item)
    return tuple((topic, tuple(groups[topic])) for topic in TOPIC_IDS if topic in groups)


def covers(note: CultureNote, method: Method, knowledge: Knowledge) -> bool:
    """Whether ``note`` names ``method`` (2022 ids; a 2014 method through its 2022 successors)."""
    if "all" in note.methods:
        return True
    if method.edition == "2022":
        return method.id in note.methods
    return any(
        m.id in note.methods and method.id in m.from_2014 for m in knowledge.methods_of("2022")
    )


def research_notes(knowledge: Knowledge, country: Country) -> tuple[AppliedNote, ...]:
    """The applying notes about running research (not entering or onboarding), for the finder."""
    return notes_for(knowledge, country, RESEARCH_TOPICS)


def user_notes_on(knowledge: Knowledge, country: Country) -> tuple[Note, ...]:
    """The user's own notes on ``country`` (named by id or by name), newest first."""
    from cxguide.logic.catalogue import country_keys, fold_name

    keys = country_keys(knowledge)  # built once, not once per note
    found = [
        n
        for n in knowledge.notes
        if n.country == country.id or keys.get(fold_name(n.country), ()) == (country.id,)
    ]
    return tuple(sorted(found, key=lambda n: (n.date, n.id), reverse=True))
