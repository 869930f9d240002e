"""A country briefing for entering the market, onboarding staff and running research there.

Builds on the culture profile's ``Document`` (export/culture.py) so that the terminal text and
Markdown are drawn by the same renderers; JSON carries the same content as data. Cited notes and
the user's own notes are always in separate sections, never mixed.
"""

from __future__ import annotations

from typing import Any

from cxguide.export.culture import (
    SCHEMA_VERSION,
    Document,
    Section,
    _citation,
    profile_document,
    profile_json,
)
from cxguide.i18n import N_, _
from cxguide.knowledge.models import Country, Knowledge, Note
from cxguide.logic import culture
from cxguide.logic.geo_notes import AppliedNote, by_topic, notes_for, topic_label, user_notes_on

CONFIDENCE_WORDS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}


def confidence_text(confidence: str) -> str:
    """The reference's own confidence grade for a note, in the current language."""
    return _(CONFIDENCE_WORDS.get(confidence, confidence))


def _note_bullets(item: AppliedNote) -> tuple[str, ...]:
    note = item.note
    lines = [
        note.guidance,
        _("Why it applies here: {because}.").format(because=item.because),
        _("What the sources report: {evidence}").format(evidence=note.evidence),
    ]
    if note.link_note:
        lines.append(_("Why the map is linked to it: {link}").format(link=note.link_note))
    if note.markets_studied:
        lines.append(_("Evidence from: {markets}.").format(markets=", ".join(note.markets_studied)))
    if note.caveat:
        lines.append(_("Caveat: {caveat}").format(caveat=note.caveat))
    lines.append(
        _("Confidence: {confidence}. Sources: {sources}.").format(
            confidence=confidence_text(note.confidence), sources=", ".join(note.sources)
        )
    )
    return tuple(lines)


def _user_note_line(note: Note) -> str:
    topic = f"[{note.topic}] " if note.topic else ""
    return _("{topic}{text} — {author}, {date} ({where})").format(
        topic=topic,
        text=note.text,
        author=note.author,
        date=note.date,
        where=note.origin.describe(),
    )


def briefing_sources(applied: tuple[AppliedNote, ...], base: tuple[str, ...]) -> tuple[str, ...]:
    """Every source id the briefing cites, in the order first used."""
    seen = dict.fromkeys(base)
    for item in applied:
        seen.update(dict.fromkeys(item.note.sources))
    return tuple(seen)


def briefing_document(
    knowledge: Knowledge, country: Country, topics: tuple[str, ...] | None = None
) -> Document:
    """The briefing: where the country stands and what it means, then notes by topic."""
    applied = notes_for(knowledge, country, topics)
    sections: list[Section] = []
    if topics is None:
        profile = profile_document(culture.profile(knowledge, country), knowledge)
        sections.extend(s for s in profile.sections if s.heading != _("Sources"))
        base = culture.profile(knowledge, country).sources
    else:
        base = ()
    for topic, items in by_topic(applied):
        bullets: list[str] = []
        for item in items:
            bullets.extend(_note_bullets(item))
        sections.append(Section(topic_label(topic), bullets=tuple(bullets)))
    if not applied:
        sections.append(
            Section(_("Cited notes"), paragraphs=(_("No cited note applies for this choice."),))
        )
    own = user_notes_on(knowledge, country)
    if topics is None or own:
        sections.append(
            Section(
                _("Your own notes (not cited)"),
                paragraphs=() if own else (_("You have no notes on this country yet."),),
                bullets=tuple(_user_note_line(n) for n in own),
            )
        )
    sources = briefing_sources(applied, base)
    sections.append(
        Section(_("Sources"), bullets=tuple(f"{s}: {_citation(knowledge, s)}" for s in sources))
    )
    code = country.iso3 or country.id
    return Document(
        title=_("Briefing: {country} ({code})").format(country=country.name, code=code),
        sections=tuple(sections),
    )


def applied_note_json(item: AppliedNote) -> dict[str, Any]:
    """One applying note as data."""
    note = item.note
    return {
        "id": note.id,
        "topic": note.topic,
        "topic_label": topic_label(note.topic),
        "applies": item.applies if item.applies is not None else "maybe",
        "because": item.because,
        "applies_when": note.applies_when,
        "link_basis": note.link_basis,
        "link_note": note.link_note,
        "jurisdictions": list(note.jurisdictions),
        "guidance": note.guidance,
        "evidence": note.evidence,
        "caveat": note.caveat,
        "markets_studied": list(note.markets_studied),
        "methods": list(note.methods),
        "ranking_effect": note.effect,
        "confidence": note.confidence,
        "sources": list(note.sources),
    }


def user_note_json(note: Note) -> dict[str, Any]:
    """One of the user's own notes as data, with where it lives."""
    return {
        "id": note.id,
        "topic": note.topic,
        "text": note.text,
        "author": note.author,
        "date": note.date,
        "file": str(note.origin.path),
    }


def briefing_json(
    knowledge: Knowledge, country: Country, topics: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """The briefing as JSON-ready data: profile, cited notes, own notes, sources."""
    applied = notes_for(knowledge, country, topics)
    profile = culture.profile(knowledge, country)
    data = profile_json(profile, knowledge)
    base = profile.sources if topics is None else ()
    data["schema_version"] = SCHEMA_VERSION
    data["topics"] = list(topics) if topics is not None else None
    data["notes"] = [applied_note_json(item) for item in applied]
    data["own_notes"] = [user_note_json(n) for n in user_notes_on(knowledge, country)]
    data["sources"] = {s: _citation(knowledge, s) for s in briefing_sources(applied, base)}
    return data
