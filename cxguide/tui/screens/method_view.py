"""Everything cxguide knows about one method, on a screen of its own; Escape goes back.

What it is and answers, when it fits, what running it takes (every figure with its condition and
sources, never averaged; a fact no source gives reads "unknown"), its strengths and limits, other
names, matching 18F cards, the method in the other edition, its place in your ranking, sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header

from cxguide.export.listing import position_text, unknown
from cxguide.i18n import N_, _
from cxguide.knowledge.models import (
    Card18F,
    Edition,
    Fact,
    Knowledge,
    LandscapeDimension,
    Method,
    Position,
    Practicalities,
    TextFact,
)
from cxguide.logic.ranking import RankedMethod
from cxguide.logic.vocabulary import fact_value_text
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.key_bar import KeyBar
from cxguide.tui.widgets.reasons_pane import add_reasons, status_text
from cxguide.tui.wording import NEAR_MIDLINE, citations


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


FACT_KINDS = ("typical_participants", "remote", "needs_product", "duration_effort", "relative_cost")


def fact_kind_label(kind: str) -> str:
    return {
        "typical_participants": _("Typical participants"),
        "remote": _("Remote or in person"),
        "needs_product": _("What it needs in hand"),
        "duration_effort": _("Duration and effort"),
        "relative_cost": _("Cost"),
        "strengths": _("Strengths"),
        "limitations": _("Limitations"),
        "other_names": _("Other names"),
    }.get(kind, kind)


def _sources_line(sources: Iterable[str], basis: str | None = None) -> str:
    text = ", ".join(sources) or _("none")
    if basis == "definition":
        text += " " + _("(by the method's definition)")
    return _("Sources: {ids}").format(ids=text)


def answers_text(position: Position | None, dimension: LandscapeDimension, method: Method) -> str:
    """Which question the method answers on one axis, e.g. 'What people do (+0.38)'."""
    if position is None:
        if method.edition == "2022":
            return _("unknown — the 2022 chart's positions were never measured")
        return unknown()
    negative, positive = dimension.negative_pole.answers, dimension.positive_pole.answers
    nearer = positive if position.value > 0 else negative
    if position.low < 0 < position.high:
        answers = _("both: {negative}, and {positive}").format(
            negative=_lower_first(negative), positive=_lower_first(positive)
        )
    elif abs(position.value) < NEAR_MIDLINE:
        answers = _("close to the middle, a little towards {answers}").format(
            answers=_lower_first(nearer)
        )
    else:
        answers = nearer
    return _capital(f"{answers} ({position_text(position)})")


def _position(method: Method, dimension_id: str) -> Position | None:
    if dimension_id == "attitudinal_behavioral":
        return method.attitudinal_behavioral
    if dimension_id == "qual_quant":
        return method.qual_quant
    return None


def _add_facts(
    page: Page, kind: str, facts: tuple[Fact, ...], unknown_kinds: tuple[str, ...]
) -> None:
    label = fact_kind_label(kind)
    if not facts or kind in unknown_kinds:
        page.field(label, unknown())
        return
    page.field(label, "")
    if kind == "typical_participants" and f"{kind}_number" in unknown_kinds:
        page.text(_("How many: unknown (no source gives a number)."), indent=2)
    numeric = [f for f in facts if f.numeric]
    if kind == "typical_participants" and len(numeric) > 1:
        page.text(
            _("The sources give different figures; each holds under its own condition."),
            dim=True,
            indent=2,
        )
    for fact in facts:
        value = fact_value_text(kind, fact.value)
        page.bullet(f"{value} {fact.unit}" if fact.unit else value)
        if fact.condition:
            page.text(_("When: {condition}").format(condition=fact.condition), indent=2)
        if fact.note:
            page.text(_("Note: {note}").format(note=fact.note), dim=True, indent=2)
        page.text(_sources_line(fact.sources, fact.basis), dim=True, indent=2)


def _add_text_facts(page: Page, label: str, facts: tuple[TextFact, ...]) -> None:
    page.heading(label)
    if not facts:
        page.text(unknown())
    for fact in facts:
        page.bullet(fact.text)
        page.text(_sources_line(fact.sources, fact.basis), dim=True, indent=2)


def _add_card(page: Page, knowledge: Knowledge, card: Card18F) -> None:
    page.bullet(card.name)
    page.text(_("Time: {time}").format(time=card.time_required or unknown()), indent=2)
    who = unknown()
    if card.participants is not None:
        parts = card.participants
        who = parts.who
        if parts.min is not None and parts.max is not None:
            who += " " + _("({low} to {high})").format(low=parts.min, high=parts.max)
        elif parts.max is not None:
            who += " " + _("(up to {high})").format(high=parts.max)
        elif parts.min is not None:
            who += " " + _("(at least {low})").format(low=parts.min)
    page.text(_("Participants: {who}").format(who=who), indent=2)
    page.text(card.summary, indent=2)
    source = knowledge.sources.get(card.source)
    where = source.citation(unknown()) if source else card.source
    page.text(
        _("Source: {source} — {path}").format(source=where, path=card.path), dim=True, indent=2
    )


def practicalities_of(knowledge: Knowledge, method: Method) -> Practicalities | None:
    """The practical facts of ``method`` (its id in its own edition), if any."""
    facts = knowledge.practicalities.get(method.id)
    if facts is None or method.edition not in facts.editions:
        return None
    return facts


def counterpart_names(knowledge: Knowledge, method: Method) -> list[str]:
    """The same method in the other edition, by name."""
    other: Edition = "2022" if method.edition == "2014" else "2014"
    names = {m.id: m.name for m in knowledge.methods_of(other)}
    ids: list[str] = list(method.from_2014) if method.edition == "2022" else []
    facts = practicalities_of(knowledge, method)
    if facts and facts.counterpart and facts.counterpart not in ids:
        ids.append(facts.counterpart)
    return [names.get(i, i) for i in ids]


def page_sources(knowledge: Knowledge, method: Method) -> list[str]:
    """Every source id the page rests on, in the order it first appears."""
    ids: list[str] = []
    for position in (method.attitudinal_behavioral, method.qual_quant):
        if position:
            ids.append(position.source)
    if method.contexts_source:
        ids.append(method.contexts_source)
    ids.extend(method.phases_sources)
    facts = practicalities_of(knowledge, method)
    if facts:
        for kind in ("other_names", *FACT_KINDS):
            for fact in getattr(facts, kind):
                ids.extend(fact.sources)
        for text_fact in (*facts.strengths, *facts.limitations):
            ids.extend(text_fact.sources)
    ids.extend(card.source for card in knowledge.cards_for(method))
    ids.extend(method.sources)
    return ids


def method_page(
    knowledge: Knowledge, method: Method, ranked: RankedMethod | None = None, count: int = 0
) -> Page:
    """The whole method view as a page of text."""
    page = Page().title(method.name)
    page.field(_("Edition"), _("Rohrer's {edition} landscape").format(edition=method.edition))
    if method.origin.user:
        page.field(_("From"), _("your file {where}").format(where=method.origin.describe()))
    if ranked is not None:
        page.field(_("In your ranking"), status_text(ranked, count))
    page.heading(_("What it is"))
    page.text(method.description)

    page.heading(_("What it answers"))
    for dimension in knowledge.landscape.dimensions:
        page.field(dimension.name, answers_text(_position(method, dimension.id), dimension, method))
    page.text(_("Positions run from -1 to +1 on Rohrer's 2014 chart; 0 is its midline."), dim=True)

    page.heading(_("When it fits"))
    contexts = {c.id: c.chart_label for c in knowledge.landscape.contexts}
    page.field(
        _("Context of use"),
        "; ".join(contexts.get(c, c) for c in method.contexts) if method.contexts else unknown(),
    )
    phases = {p.id: p for p in knowledge.landscape.phases if p.edition == method.edition}
    if not method.phases:
        page.field(_("Phases"), unknown())
    else:
        page.field(_("Phases"), "")
        for phase_id in method.phases:
            phase = phases.get(phase_id)
            page.bullet(f"{phase.name} — {phase.goal}" if phase else phase_id)

    page.heading(_("What running it takes"))
    facts = practicalities_of(knowledge, method)
    for kind in FACT_KINDS:
        records: tuple[Fact, ...] = getattr(facts, kind) if facts else ()
        _add_facts(page, kind, records, facts.unknown if facts else ())

    _add_text_facts(page, _("Strengths"), facts.strengths if facts else ())
    _add_text_facts(page, _("Limitations"), facts.limitations if facts else ())

    page.heading(_("Other names"))
    other_names = facts.other_names if facts else ()
    if not method.aliases and not other_names:
        page.text(unknown())
    for alias in method.aliases:
        if alias not in {f.value for f in other_names}:
            page.bullet(alias)
    for fact in other_names:
        page.bullet(fact.value)
        if fact.note:
            page.text(_("Note: {note}").format(note=fact.note), dim=True, indent=2)
        page.text(_sources_line(fact.sources, fact.basis), dim=True, indent=2)

    page.heading(_("18F method cards"))
    cards = knowledge.cards_for(method)
    if not cards:
        page.text(_("No 18F method card matches this method."), dim=True)
    for card in cards:
        _add_card(page, knowledge, card)

    other = "2022" if method.edition == "2014" else "2014"
    page.heading(_("In the {edition} edition").format(edition=other))
    names = counterpart_names(knowledge, method)
    page.text(", ".join(names) if names else _("No counterpart is given."))

    if method.note:
        page.heading(_("Note"))
        page.text(method.note)

    if ranked is not None:
        page.heading(_("Why it ranks where it does"))
        add_reasons(page, ranked)

    page.heading(_("Sources"))
    sources = citations(knowledge, page_sources(knowledge, method))
    if not sources:
        page.text(unknown())
    for citation in sources:
        page.bullet(citation)
    return page


class MethodViewScreen(Screen[None]):
    """One method in full, over the finder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back to the finder"), show=True, id="method_view.back"),
    ]

    def __init__(
        self,
        knowledge: Knowledge,
        method: Method,
        ranked: RankedMethod | None = None,
        count: int = 0,
    ) -> None:
        super().__init__()
        self.knowledge = knowledge
        self.method = method
        self.ranked = ranked
        self.count = count
        self.sub_title = _("{method} ({edition})").format(
            method=method.name, edition=method.edition
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="method-view-scroll", classes="page"):
            yield InfoText(id="method-view")
        yield KeyBar()

    def on_mount(self) -> None:
        page = method_page(self.knowledge, self.method, self.ranked, self.count)
        self.query_one("#method-view", InfoText).show(page)
        self.query_one("#method-view-scroll", VerticalScroll).focus()

    @property
    def plain(self) -> str:
        """The text shown, without styles."""
        return self.query_one("#method-view", InfoText).plain

    def action_back(self) -> None:
        """Back to the finder."""
        self.dismiss(None)
