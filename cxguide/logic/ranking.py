"""Rank every research method of an edition against a researcher's answers, with reasons.

The scoring model, in one place (``describe_model`` renders the same text for the help screen):

- Every answer is optional; an unanswered question (or "don't know") adds nothing to any method.
- *What you need to learn* (say / do / both) and *the question* (why / how many / both) score a
  method by how close its measured position on Rohrer's 2014 chart lies to the answer's end of
  the axis (say = -1, do = +1, both = 0; why = -1, how many = +1, both = 0). The distance from
  that target to the method's span (zero inside a drawn span) is rounded to 0.1, because the
  measurement is good to about ±0.03 and the sources say gaps under 0.1 are ties; the points are
  ``weight × (1 - distance)``: the full weight on target, nothing at distance 1, minus the weight
  at the opposite end. A method without a measured position (every 2022 method) gets no points
  and says so.
- *Context* adds ``W_CONTEXT`` when the chart marks the method with the context you can offer.
- *Phase* adds ``W_PHASE`` when the phase table lists the method in your phase.
- *Remote only* rules a method out when every source says it needs both people in one room, and
  costs ``W_REMOTE_PENALTY`` when it is usually done in person.
- *What you have* (nothing, a concept, a prototype, a working or a live product) rules a method
  out when even its least demanding source needs more than you have.
- *Participants you can reach* costs ``W_PARTICIPANTS_PENALTY`` when every stated number of
  participants for the method is higher; the reason quotes the figures with their conditions.
- A fact no source gives is "unknown", shown as such, and moves nothing.
- Order: methods that are not ruled out first, by score (highest first); ties by name (A-Z).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from cxguide.i18n import _
from cxguide.knowledge.models import Edition, Fact, Knowledge, Method, Position

Learn = Literal["say", "do", "both"]
Question = Literal["why", "how_many", "both"]
ContextOffer = Literal["natural", "scripted", "none", "mixed"]
PhaseAnswer = Literal["strategize", "execute", "assess"]
Have = Literal["nothing", "concept", "prototype", "working", "live"]

LEARN_VALUES: tuple[Learn, ...] = ("say", "do", "both")
QUESTION_VALUES: tuple[Question, ...] = ("why", "how_many", "both")
CONTEXT_VALUES: tuple[ContextOffer, ...] = ("natural", "scripted", "none", "mixed")
PHASE_VALUES: tuple[PhaseAnswer, ...] = ("strategize", "execute", "assess")
HAVE_VALUES: tuple[Have, ...] = ("nothing", "concept", "prototype", "working", "live")

W_LEARN = 3.0
W_QUESTION = 3.0
W_CONTEXT = 2.0
W_PHASE = 1.0
W_REMOTE_PENALTY = -1.5
W_PARTICIPANTS_PENALTY = -1.0
TIE_STEP = 0.1  # positions closer than this are ties (SOURCES-rohrer.md, section 5)

_TARGET = {"say": -1.0, "do": 1.0, "why": -1.0, "how_many": 1.0, "both": 0.0}
# Which chart contexts fit the context a researcher can offer.
_CONTEXT_FIT: dict[ContextOffer, frozenset[str]] = {
    "natural": frozenset({"natural"}),
    "scripted": frozenset({"scripted"}),
    "none": frozenset({"not_using"}),
    "mixed": frozenset({"hybrid", "limited"}),
}
# The 2014 phases as named in the 2022 edition.
_PHASE_2022: dict[PhaseAnswer, str] = {
    "strategize": "strategize",
    "execute": "design",
    "assess": "launch_assess",
}
# What a researcher has, as the most a method may need (levels of `needs_product`).
_NEEDS_ORDER = (
    "nothing",
    "materials",
    "concept_or_design",
    "prototype_or_product",
    "working_product",
    "live_product",
)
_HAVE_LEVEL: dict[Have, int] = {
    "nothing": 1,  # research materials (cards, a tree) can always be made
    "concept": 2,
    "prototype": 3,
    "working": 4,
    "live": 5,
}
_IN_ROOM = frozenset({"in_person_only"})
_USUALLY_IN_ROOM = frozenset({"in_person_usual"})
_LEADING_NUMBER = re.compile(r"^(?:about |at least |up to |around |~)?(\d+)")


@dataclass(frozen=True, slots=True)
class Answers:
    """A researcher's answers; None means not answered, or "don't know / no preference"."""

    learn: Learn | None = None
    question: Question | None = None
    context: ContextOffer | None = None
    phase: PhaseAnswer | None = None
    remote_only: bool | None = None
    have: Have | None = None
    participants: int | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a method moved: the answer it comes from, by how much, and the fact behind it."""

    answer: str  # the Answers field it comes from
    points: float  # + raises, - lowers, 0 moves nothing
    text: str  # plain words
    fact: str  # the fact it rests on, as shown to the user
    sources: tuple[str, ...]
    rules_out: bool = False


@dataclass(frozen=True, slots=True)
class RankedMethod:
    """A method's place in the ranking, with every reason."""

    method: Method
    rank: int
    score: float
    ruled_out: bool
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class PlanPick:
    """A method proposed for a combined plan, and what part of the question it covers."""

    method: Method
    covers: str
    reason: str


@dataclass(frozen=True, slots=True)
class Ranking:
    """Every method of the edition, ranked, and a plan when the answers ask for both ends."""

    answers: Answers
    edition: Edition
    methods: tuple[RankedMethod, ...]
    plan: tuple[PlanPick, ...] = field(default_factory=tuple)


def _distance(target: float, position: Position) -> float:
    if position.low <= target <= position.high:
        return 0.0
    gap = min(abs(target - position.low), abs(target - position.high))
    return round(gap / TIE_STEP) * TIE_STEP


def _axis_reason(
    answer: str, choice: str, position: Position | None, weight: float, edition: Edition
) -> Reason:
    axis = _("say–do") if answer == "learn" else _("why–how many")
    wanted = {
        "say": _("what people say"),
        "do": _("what people do"),
        "why": _("why & how to fix"),
        "how_many": _("how many & how much"),
        "both": _("both ends"),
    }[choice]
    if position is None:
        text = (
            _("The {edition} chart's positions were never measured, so this answer moves nothing.")
            if edition == "2022"
            else _("No measured position on this axis, so this answer moves nothing.")
        )
        return Reason(answer, 0.0, text.format(edition=edition), _("position unknown"), ())
    distance = _distance(_TARGET[choice], position)
    points = round(weight * (1.0 - distance), 2)
    where = f"{position.value:+.2f}"
    if position.span:
        where += " " + _("(span {low:+.2f} to {high:+.2f})").format(
            low=position.span[0], high=position.span[1]
        )
    fact = _("measured position {where} on {axis}").format(where=where, axis=axis)
    if distance == 0:
        text = _("Sits right where you asked ({wanted}).").format(wanted=wanted)
    elif points > 0:
        text = _("Close to {wanted}: {distance:.1f} away on the {axis} axis.").format(
            wanted=wanted, distance=distance, axis=axis
        )
    elif points == 0:
        text = _("Halfway from {wanted}: {distance:.1f} away on the {axis} axis.").format(
            wanted=wanted, distance=distance, axis=axis
        )
    else:
        text = _("Far from {wanted}: {distance:.1f} away on the {axis} axis.").format(
            wanted=wanted, distance=distance, axis=axis
        )
    return Reason(answer, points, text, fact, (position.source,))


def _context_reason(method: Method, offer: ContextOffer, labels: dict[str, str]) -> Reason:
    if not method.contexts:
        return Reason(
            "context",
            0.0,
            _("No source states its context of use, so this answer moves nothing."),
            _("context unknown"),
            (),
        )
    fits = _CONTEXT_FIT[offer] & set(method.contexts)
    marked = ", ".join(labels.get(c, c) for c in method.contexts)
    fact = _("chart marker: {contexts}").format(contexts=marked)
    sources = (method.contexts_source,) if method.contexts_source else ()
    if fits:
        return Reason("context", W_CONTEXT, _("Runs in the context you can offer."), fact, sources)
    return Reason(
        "context", 0.0, _("Made for another context of use than the one you offer."), fact, sources
    )


def _phase_reason(
    method: Method, phase: PhaseAnswer, edition: Edition, names: dict[str, str]
) -> Reason:
    wanted = phase if edition == "2014" else _PHASE_2022[phase]
    if not method.phases:
        return Reason(
            "phase",
            0.0,
            _("The phase table does not name this method, so this answer moves nothing."),
            _("phase unknown"),
            (),
        )
    listed = ", ".join(names.get(p, p) for p in method.phases)
    fact = _("phase table: {phases}").format(phases=listed)
    if wanted in method.phases:
        return Reason("phase", W_PHASE, _("Listed for your phase."), fact, method.phases_sources)
    return Reason("phase", 0.0, _("Listed for other phases."), fact, method.phases_sources)


def _facts_text(facts: Iterable[Fact]) -> str:
    parts = []
    for fact in facts:
        text = fact.value + (f" {fact.unit}" if fact.unit else "")
        if fact.condition:
            text += f" ({fact.condition})"
        parts.append(text)
    return "; ".join(parts)


def _sources_of(facts: Iterable[Fact]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for fact in facts:
        seen.update(dict.fromkeys(fact.sources))
    return tuple(seen)


def _remote_reason(facts: tuple[Fact, ...]) -> Reason:
    if not facts:
        return Reason(
            "remote_only",
            0.0,
            _("No source says whether it can run remotely, so this moves nothing."),
            _("remote: unknown"),
            (),
        )
    values = {f.value for f in facts}
    fact = _("remote: {facts}").format(facts=_facts_text(facts))
    sources = _sources_of(facts)
    if values <= _IN_ROOM:
        return Reason(
            "remote_only",
            0.0,
            _("Needs researcher and participant in the same place; you said remote only."),
            fact,
            sources,
            rules_out=True,
        )
    if values <= _IN_ROOM | _USUALLY_IN_ROOM:
        return Reason(
            "remote_only",
            W_REMOTE_PENALTY,
            _("Usually done in person; remote forms cost quality or effort."),
            fact,
            sources,
        )
    return Reason("remote_only", 0.0, _("Can be done remotely."), fact, sources)


def _product_reason(facts: tuple[Fact, ...], have: Have) -> Reason:
    if not facts:
        return Reason(
            "have",
            0.0,
            _("No source says what it needs in hand, so this moves nothing."),
            _("needs: unknown"),
            (),
        )
    least = min(_NEEDS_ORDER.index(f.value) for f in facts)
    fact = _("needs: {facts}").format(facts=_facts_text(facts))
    sources = _sources_of(facts)
    if least > _HAVE_LEVEL[have]:
        needed = {
            "concept_or_design": _("at least a concept or design"),
            "prototype_or_product": _("at least a prototype or a product"),
            "working_product": _("a working product"),
            "live_product": _("a live product with real users"),
        }[_NEEDS_ORDER[least]]
        have_text = {
            "nothing": _("nothing yet"),
            "concept": _("a concept"),
            "prototype": _("a prototype"),
            "working": _("a working product"),
            "live": _("a live product"),
        }[have]
        return Reason(
            "have",
            0.0,
            _("Needs {needed}; you said you have {have}.").format(needed=needed, have=have_text),
            fact,
            sources,
            rules_out=True,
        )
    return Reason("have", 0.0, _("Works with what you have."), fact, sources)


def _participants_reason(facts: tuple[Fact, ...], available: int) -> Reason:
    numeric = [f for f in facts if f.numeric and _LEADING_NUMBER.match(f.value)]
    if not numeric:
        return Reason(
            "participants",
            0.0,
            _("No source gives a number of participants, so this moves nothing."),
            _("participants: unknown"),
            (),
        )
    fewest = min(int(_LEADING_NUMBER.match(f.value).group(1)) for f in numeric)  # type: ignore[union-attr]
    fact = _("participants: {facts}").format(facts=_facts_text(numeric))
    sources = _sources_of(numeric)
    if fewest > available:
        return Reason(
            "participants",
            W_PARTICIPANTS_PENALTY,
            _("Sources ask for at least {fewest} participants; you can reach {available}.").format(
                fewest=fewest, available=available
            ),
            fact,
            sources,
        )
    return Reason(
        "participants",
        0.0,
        _("You can reach enough participants ({available}).").format(available=available),
        fact,
        sources,
    )


def _reasons(
    method: Method, answers: Answers, knowledge: Knowledge, edition: Edition
) -> list[Reason]:
    reasons: list[Reason] = []
    if answers.learn is not None:
        reasons.append(
            _axis_reason("learn", answers.learn, method.attitudinal_behavioral, W_LEARN, edition)
        )
    if answers.question is not None:
        reasons.append(
            _axis_reason("question", answers.question, method.qual_quant, W_QUESTION, edition)
        )
    if answers.context is not None:
        labels = {c.id: c.chart_label for c in knowledge.landscape.contexts}
        reasons.append(_context_reason(method, answers.context, labels))
    if answers.phase is not None:
        names = {p.id: p.name for p in knowledge.landscape.phases if p.edition == edition}
        reasons.append(_phase_reason(method, answers.phase, edition, names))
    facts = knowledge.practicalities.get(method.id)
    if answers.remote_only:
        reasons.append(_remote_reason(facts.remote if facts else ()))
    if answers.have is not None:
        reasons.append(_product_reason(facts.needs_product if facts else (), answers.have))
    if answers.participants is not None:
        reasons.append(
            _participants_reason(facts.typical_participants if facts else (), answers.participants)
        )
    return reasons


def rank(knowledge: Knowledge, answers: Answers, edition: Edition = "2014") -> Ranking:
    """Every method of ``edition`` ranked against ``answers``; pure and deterministic."""
    scored = []
    for method in knowledge.methods_of(edition):
        reasons = _reasons(method, answers, knowledge, edition)
        score = round(sum(r.points for r in reasons), 2)
        ruled_out = any(r.rules_out for r in reasons)
        scored.append((method, score, ruled_out, tuple(reasons)))
    scored.sort(key=lambda item: (item[2], -item[1], item[0].name.casefold()))
    ranked = tuple(
        RankedMethod(method=m, rank=i, score=s, ruled_out=out, reasons=r)
        for i, (m, s, out, r) in enumerate(scored, start=1)
    )
    return Ranking(answers=answers, edition=edition, methods=ranked, plan=plan(ranked, answers))


def _side(position: Position | None, negative: bool) -> bool:
    if position is None:
        return False
    return position.low < 0 if negative else position.high > 0


def plan(ranked: tuple[RankedMethod, ...], answers: Answers) -> tuple[PlanPick, ...]:
    """2-4 complementary methods covering both ends that the answers ask for, best first."""
    learn_both = answers.learn == "both"
    question_both = answers.question == "both"
    if not (learn_both or question_both):
        return ()
    cells: list[tuple[str, bool | None, bool | None]] = []
    says = (("say", True), ("do", False)) if learn_both else ((None, None),)
    whys = (("why", True), ("how_many", False)) if question_both else ((None, None),)
    for learn_end, learn_negative in says:
        for question_end, question_negative in whys:
            cells.append((f"{learn_end}|{question_end}", learn_negative, question_negative))
    names = {
        "say": _("what people say"),
        "do": _("what people do"),
        "why": _("why & how to fix"),
        "how_many": _("how many & how much"),
    }
    picks: list[PlanPick] = []
    used: set[str] = set()
    for key, learn_negative, question_negative in cells:
        for item in ranked:
            method = item.method
            if item.ruled_out or method.id in used:
                continue
            if learn_negative is not None and not _side(
                method.attitudinal_behavioral, learn_negative
            ):
                continue
            if question_negative is not None and not _side(method.qual_quant, question_negative):
                continue
            covers = " + ".join(names[part] for part in key.split("|") if part != "None")
            picks.append(
                PlanPick(
                    method=method,
                    covers=covers,
                    reason=_(
                        "The best-ranked method on the side of {covers} (rank {rank})."
                    ).format(covers=covers, rank=item.rank),
                )
            )
            used.add(method.id)
            break
    return tuple(picks)


def describe_model() -> str:
    """The scoring model in plain words, for the help screen."""
    return _(
        "Each answer adds points; unanswered questions add none.\n"
        "• What you need to learn, and your question: up to {learn:g} points each for a method "
        "measured close to your end of the axis, down to -{learn:g} at the opposite end "
        "(distances rounded to 0.1: gaps smaller than that are ties).\n"
        "• Context you can offer: +{context:g} when the chart marks the method with it.\n"
        "• Phase: +{phase:g} when the phase table lists the method in your phase.\n"
        "• Remote only: rules out methods that need one room; {remote:g} for methods usually "
        "done in person.\n"
        "• What you have: rules out methods that need more (a prototype, a live product...).\n"
        "• Participants: {participants:g} when every stated number is higher than yours.\n"
        "• A fact no source gives is 'unknown' and moves nothing.\n"
        "• Ties are ordered by name; ruled-out methods are listed last, with the reason."
    ).format(
        learn=W_LEARN,
        context=W_CONTEXT,
        phase=W_PHASE,
        remote=W_REMOTE_PENALTY,
        participants=W_PARTICIPANTS_PENALTY,
    )
