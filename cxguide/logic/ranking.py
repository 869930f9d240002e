"""Rank every research method of an edition against a researcher's answers, with reasons.

The scoring model, in one place (``describe_model`` renders the same rules for the help screen
and the exports):

- Every answer is optional; an unanswered question ("don't know / no preference") adds no reason
  and no points to any method.
- *What you need to learn* (say / do / both) and *the question* (why / how many / both) score a
  method by how close its measured position on Rohrer's 2014 chart lies to the answer's end of
  the axis (say = -1, do = +1, both = 0; why = -1, how many = +1, both = 0). The distance from
  that target to the method's position (zero inside a drawn span) is rounded to ``TIE_STEP``
  (0.1) with an exact half rounded down: the measurement is good to about ±0.03, the sources
  say gaps under 0.1 are ties, and the why–how many positions are column means ending in 5.
  The points are ``weight × (1 - distance)``: the full weight on target, nothing at distance 1,
  minus the weight at the opposite end. A method without a measured position (every 2022
  method) gets no points and its reason says so.
- *Context you can offer*: ``+W_CONTEXT`` when the chart marks the method with that context,
  ``-W_CONTEXT`` when it marks it with another one, nothing when no source gives a context.
- *Phase*: ``+W_PHASE`` when the phase table lists the method in your phase, ``-W_PHASE`` when
  it lists it only in others, nothing when the table does not name it.
- *Remote only* rules a method out when every source says it needs both people in one room, and
  adds ``W_REMOTE_PENALTY`` when it is only or usually done in person.
- *What you have* (nothing, a concept, a prototype, a working or a live product) rules a method
  out when even its least demanding source needs more than you have.
- *Time you have* (hours / days / weeks / months: less than a working day, a working week,
  about a month, or more) is compared with the time stated on the 18F method cards that clearly
  are the method (``Knowledge.cards_for``), in working time (a day is 8 hours, a week 5 days, a
  month 4 weeks). It adds ``W_TIME_PENALTY`` when even the least demanding card needs more than
  the top of your range: a card's whole-activity time, or one session where the card gives its
  time per session or per participant. It lowers and never rules out: a per-session time is not
  a study's length, and a card times 18F's version of a method, not Rohrer's. No matched card,
  or a time the card states in words only, is unknown and moves nothing.
- *Participants you can reach* adds ``W_PARTICIPANTS_PENALTY`` when every stated number of
  participants for the method is higher; the reason quotes the figures with their conditions.
- *Target market* (a country): every cited culture note that applies there and names the
  method (2022 ids; a 2014 method through the 2022 methods that succeed it) adds a reason with
  the note and why it applies. It moves nothing (a caveat), except a note marked to lower the
  methods it names, which adds ``W_CULTURE_PENALTY``. A note that only *may* apply (the country
  lacks the data its condition needs) never moves a score. Notes about every method are listed
  once for the whole ranking (``Ranking.country_notes``), not under each method.
- A fact no source gives is "unknown", shown as such (``Reason.unknown``), and adds nothing, so
  an unknown sits between a known fit and a known misfit.
- Order: methods that are not ruled out first, by score (highest first); ties by name (A-Z,
  case-insensitive), then by id. Ruled-out methods follow in the same order.
- Plan: when you ask for both ends of an axis, each combination of ends asked for (say + why,
  do + how many, ...) gets the method that is measured on that side of the chart (at least
  ``TIE_STEP`` past the midline, or spanning it), is not ruled out and not already picked, and
  scores best for that combination with all your other answers; ties by overall rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cxguide.i18n import N_, _
from cxguide.knowledge.models import (
    Card18F,
    CardTime,
    Country,
    Edition,
    Fact,
    Knowledge,
    Method,
    Position,
)
from cxguide.logic.geo_notes import AppliedNote, covers, research_notes, topic_label
from cxguide.logic.vocabulary import fact_value_text

Learn = Literal["say", "do", "both"]
Question = Literal["why", "how_many", "both"]
ContextOffer = Literal["natural", "scripted", "none", "mixed"]
PhaseAnswer = Literal["strategize", "execute", "assess"]
Have = Literal["nothing", "concept", "prototype", "working", "live"]
TimeAvailable = Literal["hours", "days", "weeks", "months"]

LEARN_VALUES: tuple[Learn, ...] = ("say", "do", "both")
QUESTION_VALUES: tuple[Question, ...] = ("why", "how_many", "both")
CONTEXT_VALUES: tuple[ContextOffer, ...] = ("natural", "scripted", "none", "mixed")
PHASE_VALUES: tuple[PhaseAnswer, ...] = ("strategize", "execute", "assess")
HAVE_VALUES: tuple[Have, ...] = ("nothing", "concept", "prototype", "working", "live")
TIME_VALUES: tuple[TimeAvailable, ...] = ("hours", "days", "weeks", "months")

W_LEARN = 3.0
W_QUESTION = 3.0
W_CONTEXT = 1.5
W_PHASE = 1.0
W_REMOTE_PENALTY = -1.5
W_PARTICIPANTS_PENALTY = -1.0
# A cited culture note whose guidance says the method reaches people poorly in the target
# market (CultureNote.effect == "lower"); every other applying note is a caveat worth 0.
W_CULTURE_PENALTY = -1.0
W_TIME_PENALTY = -1.0
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
_NO_SESSIONS = frozenset({"no_sessions"})
# Working time, in hours, of a card's units, and the most each time answer allows.
_UNIT_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 8.0, "week": 40.0, "month": 160.0}
_TIME_LIMIT_HOURS: dict[TimeAvailable, float] = {
    "hours": 8.0,  # less than a working day
    "days": 40.0,  # less than a working week
    "weeks": 160.0,  # less than about a month
    "months": float("inf"),
}
_LEADING_NUMBER = re.compile(r"^(?:about |at least |up to |around |~)?(\d+)")

# Every answer, in the order questions are asked and reasons are listed.
ANSWER_FIELDS = (
    "learn",
    "question",
    "context",
    "phase",
    "remote_only",
    "time",
    "have",
    "participants",
    "country",
)


@dataclass(frozen=True, slots=True)
class Answers:
    """A researcher's answers; None means not answered, or "don't know / no preference".

    ``remote_only`` False is the same as None: only "remote only" constrains anything.
    ``participants`` is the number of people you can reach (a positive whole number).
    ``country`` is the id (ISO3) of the market the research is for: its cited culture notes
    add caveats or lower a method's score (see ``cxguide.logic.geo_notes``).
    """

    learn: Learn | None = None
    question: Question | None = None
    context: ContextOffer | None = None
    phase: PhaseAnswer | None = None
    remote_only: bool | None = None
    have: Have | None = None
    participants: int | None = None
    time: TimeAvailable | None = None
    country: str | None = None

    def __post_init__(self) -> None:
        if self.participants is not None and self.participants < 1:
            raise ValueError(f"participants must be at least 1, not {self.participants}")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a method moved: the answer it comes from, by how much, and the fact behind it."""

    answer: str  # the Answers field it comes from
    points: float  # + raises, - lowers, 0 moves nothing
    text: str  # plain words
    fact: str  # the fact it rests on, as shown to the user
    sources: tuple[str, ...]
    rules_out: bool = False
    unknown: bool = False  # no source gives the fact: shown as unknown, moves nothing


@dataclass(frozen=True, slots=True)
class RankedMethod:
    """A method's place in the ranking, with every reason."""

    method: Method
    rank: int
    score: float
    ruled_out: bool
    reasons: tuple[Reason, ...]

    @property
    def ruling(self) -> Reason | None:
        """The first reason that rules the method out, if any."""
        return next((r for r in self.reasons if r.rules_out), None)


@dataclass(frozen=True, slots=True)
class PlanPick:
    """A method proposed for a combined plan, and what part of the question it covers.

    ``culture`` holds the method's reasons from the target market's culture notes, so a plan
    shows its caveats beside each pick.
    """

    method: Method
    covers: str
    reason: str
    culture: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Ranking:
    """Every method of the edition, ranked, and a plan when the answers ask for both ends.

    ``uncovered`` names the parts of a plan no method could cover; ``plan_note`` says why a plan
    asked for is missing or incomplete ("" when there is nothing to say).
    """

    answers: Answers
    edition: Edition
    methods: tuple[RankedMethod, ...]
    plan: tuple[PlanPick, ...] = field(default_factory=tuple)
    uncovered: tuple[str, ...] = field(default_factory=tuple)
    plan_note: str = ""
    country: Country | None = None  # the target market, when the answers name a known one
    country_notes: tuple[AppliedNote, ...] = field(default_factory=tuple)  # notes on every method

    @property
    def candidates(self) -> tuple[RankedMethod, ...]:
        """The methods that are not ruled out, best first."""
        return tuple(m for m in self.methods if not m.ruled_out)

    @property
    def ruled_out(self) -> tuple[RankedMethod, ...]:
        """The methods ruled out by an answer, in rank order."""
        return tuple(m for m in self.methods if m.ruled_out)


def answer_label(answer: str) -> str:
    """The question an Answers field stands for, in plain words."""
    return {
        "learn": _("What you need to learn"),
        "question": _("Your question"),
        "context": _("Context you can offer"),
        "phase": _("Product phase"),
        "remote_only": _("Remote only"),
        "have": _("What you have"),
        "participants": _("Participants you can reach"),
        "time": _("Time you have"),
        "country": _("Target market"),
    }.get(answer, answer)


_CHOICE_LABELS: dict[str, dict[str, str]] = {
    "learn": {"say": N_("what people say"), "do": N_("what people do"), "both": N_("both")},
    "question": {
        "why": N_("why & how to fix"),
        "how_many": N_("how many & how much"),
        "both": N_("both"),
    },
    "context": {
        "natural": N_("natural use of the product"),
        "scripted": N_("scripted use of the product"),
        "none": N_("no use of the product"),
        "mixed": N_("a mix (hybrid or limited use)"),
    },
    "phase": {
        "strategize": N_("strategize"),
        "execute": N_("execute (design)"),
        "assess": N_("assess (launch & assess)"),
    },
    "have": {
        "nothing": N_("nothing yet"),
        "concept": N_("a concept"),
        "prototype": N_("a prototype"),
        "working": N_("a working product"),
        "live": N_("a live product"),
    },
    "time": {
        "hours": N_("hours (less than a working day)"),
        "days": N_("days (less than a working week)"),
        "weeks": N_("weeks (less than about a month)"),
        "months": N_("months"),
    },
}


def choice_label(answer: str, value: object) -> str:
    """An answer's value in plain words; None reads "don't know"."""
    if answer == "country" and value is None:
        return _("no particular country")
    if value is None or (answer == "remote_only" and value is False):
        return _("don't know / no preference")
    if answer == "remote_only":
        return _("yes")
    label = _CHOICE_LABELS.get(answer, {}).get(str(value))
    return _(label) if label else str(value)


def _steps(target: float, position: Position) -> int:
    """Distance from ``target`` to the position, in whole ``TIE_STEP``s (exact halves down)."""
    if position.low <= target <= position.high:
        return 0
    gap = min(abs(target - position.low), abs(target - position.high))
    hundredths = round(gap * 100)  # positions are given to two decimals
    return (hundredths + 4) // 10


def _axis_points(weight: float, steps: int) -> float:
    return round(weight * (10 - steps) / 10, 2)


_AXIS_END = {
    "say": N_("what people say"),
    "do": N_("what people do"),
    "why": N_("why & how to fix"),
    "how_many": N_("how many & how much"),
}


def _end_label(choice: str) -> str:
    if choice == "both":
        return _("the middle of the axis (both ends)")
    return _(_AXIS_END[choice])


def _where(position: Position) -> str:
    where = f"{position.value:+.2f}"
    if position.span:
        where += " " + _("(span {low:+.2f} to {high:+.2f})").format(
            low=position.span[0], high=position.span[1]
        )
    return where


def _axis_reason(
    answer: str, choice: str, position: Position | None, weight: float, edition: Edition
) -> Reason:
    axis = _("say–do") if answer == "learn" else _("why–how many")
    if position is None:
        text = (
            _("The {edition} chart's positions were never measured, so this answer moves nothing.")
            if edition == "2022"
            else _("No measured position on this axis, so this answer moves nothing.")
        )
        return Reason(
            answer, 0.0, text.format(edition=edition), _("position unknown"), (), unknown=True
        )
    steps = _steps(_TARGET[choice], position)
    points = _axis_points(weight, steps)
    wanted = _end_label(choice)
    fact = _("measured position {where} on {axis}").format(where=_where(position), axis=axis)
    values = {"wanted": wanted, "distance": steps / 10, "axis": axis}
    if steps == 0:
        text = _("Sits right where you asked: {wanted}.").format(**values)
    elif points > 0:
        text = _("Close to {wanted}: {distance:.1f} away on the {axis} axis.").format(**values)
    elif points == 0:
        text = _("Halfway from {wanted}: {distance:.1f} away on the {axis} axis.").format(**values)
    else:
        text = _("Far from {wanted}: {distance:.1f} away on the {axis} axis.").format(**values)
    return Reason(answer, points, text, fact, (position.source,))


def _context_reason(method: Method, offer: ContextOffer, labels: Mapping[str, str]) -> Reason:
    if not method.contexts:
        return Reason(
            "context",
            0.0,
            _("No source states its context of use, so this answer moves nothing."),
            _("context unknown"),
            (),
            unknown=True,
        )
    fits = _CONTEXT_FIT[offer] & set(method.contexts)
    marked = ", ".join(labels.get(c, c) for c in method.contexts)
    fact = _("chart marker: {contexts}").format(contexts=marked)
    sources = (method.contexts_source,) if method.contexts_source else ()
    if fits:
        return Reason("context", W_CONTEXT, _("Runs in the context you can offer."), fact, sources)
    return Reason(
        "context",
        -W_CONTEXT,
        _("Made for another context of use than the one you can offer."),
        fact,
        sources,
    )


def _phase_reason(
    method: Method, phase: PhaseAnswer, edition: Edition, names: Mapping[str, str]
) -> Reason:
    wanted = phase if edition == "2014" else _PHASE_2022[phase]
    if not method.phases:
        return Reason(
            "phase",
            0.0,
            _("The phase table does not name this method, so this answer moves nothing."),
            _("phase unknown"),
            (),
            unknown=True,
        )
    listed = ", ".join(names.get(p, p) for p in method.phases)
    fact = _("phase table: {phases}").format(phases=listed)
    if wanted in method.phases:
        return Reason("phase", W_PHASE, _("Listed for your phase."), fact, method.phases_sources)
    return Reason(
        "phase", -W_PHASE, _("Listed only for other phases."), fact, method.phases_sources
    )


def _facts_text(facts: Iterable[Fact], kind: str = "") -> str:
    parts = []
    for fact in facts:
        text = fact_value_text(kind, fact.value)
        text += f" {fact.unit}" if fact.unit and fact.numeric else ""
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
            unknown=True,
        )
    values = {f.value for f in facts}
    fact = _("remote: {facts}").format(facts=_facts_text(facts, "remote"))
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
    if values <= _NO_SESSIONS:
        return Reason(
            "remote_only",
            0.0,
            _("Runs without sessions with participants, so no one needs to travel."),
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
            unknown=True,
        )
    least = min(_NEEDS_ORDER.index(f.value) for f in facts)
    fact = _("needs: {facts}").format(facts=_facts_text(facts, "needs_product"))
    sources = _sources_of(facts)
    if least > _HAVE_LEVEL[have]:
        needed = {
            "concept_or_design": _("at least a concept or design"),
            "prototype_or_product": _("at least a prototype or a product"),
            "working_product": _("a working product"),
            "live_product": _("a live product with real users"),
        }[_NEEDS_ORDER[least]]
        return Reason(
            "have",
            0.0,
            _("Needs {needed}; you said you have {have}.").format(
                needed=needed, have=choice_label("have", have)
            ),
            fact,
            sources,
            rules_out=True,
        )
    return Reason("have", 0.0, _("Works with what you have."), fact, sources)


def _participants_reason(facts: tuple[Fact, ...], available: int) -> Reason:
    numbers = []
    for item in facts:
        match = _LEADING_NUMBER.match(item.value) if item.numeric else None
        if match:
            numbers.append((int(match.group(1)), item))
    if not numbers:
        stated = _facts_text(facts) or _("unknown")
        return Reason(
            "participants",
            0.0,
            _("No source gives a number of participants, so this moves nothing."),
            _("participants: {facts}").format(facts=stated),
            _sources_of(facts),
            unknown=True,
        )
    fewest = min(n for n, _fact in numbers)
    numeric = [f for _n, f in numbers]
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


def _hours(time: CardTime) -> float:
    """A card's least time in working hours."""
    return time.low * _UNIT_HOURS[time.unit]


def _card_fact(card: Card18F) -> str:
    quote = card.time_required or _("no time stated")
    fact = _("18F card “{card}”: time required “{quote}”").format(card=card.name, quote=quote)
    time = card.time_parsed
    if time is not None and time.per:
        fact += " " + _("(per {per}: one {per}, not the whole study)").format(per=time.per)
    elif time is not None:
        fact += " " + _("(for the whole activity)")
    if time is not None and time.elapsed:
        fact += "; " + _("elapsed: {elapsed}").format(elapsed=time.elapsed)
    return fact


def _time_reason(cards: tuple[Card18F, ...], available: TimeAvailable) -> Reason:
    if not cards:
        return Reason(
            "time",
            0.0,
            _("No 18F method card is this method, so its time is unknown and moves nothing."),
            _("time: unknown"),
            (),
            unknown=True,
        )
    timed = [(_hours(c.time_parsed), c.id, c, c.time_parsed) for c in cards if c.time_parsed]
    if not timed:
        return Reason(
            "time",
            0.0,
            _("The 18F card states its time in words only, so this moves nothing."),
            "; ".join(_card_fact(c) for c in cards),
            tuple(dict.fromkeys(c.source for c in cards)),
            unknown=True,
        )
    hours, _id, card, time = min(timed, key=lambda item: item[:2])
    fact = _card_fact(card)
    limit = choice_label("time", available)
    if hours > _TIME_LIMIT_HOURS[available]:
        text = (
            _("The card's time for even one {per} is more than {limit}.")
            if time.per
            else _("The card's time is more than {limit}.")
        )
        return Reason(
            "time",
            W_TIME_PENALTY,
            text.format(per=time.per, limit=limit),
            fact,
            (card.source,),
        )
    text = (
        _(
            "The card's time for one {per} fits within {limit}; a whole study needs it once "
            "per {per}, plus planning and analysis."
        )
        if time.per
        else _("The card's time fits within {limit}.")
    )
    return Reason("time", 0.0, text.format(per=time.per, limit=limit), fact, (card.source,))


@dataclass(frozen=True, slots=True)
class _Labels:
    """Display names looked up once per ranking, not once per method."""

    contexts: Mapping[str, str]
    phases: Mapping[str, str]
    cards: Mapping[str, tuple[Card18F, ...]]  # method id -> its 18F cards (Knowledge.cards_for)
    culture: tuple[AppliedNote, ...] = ()  # the target market's notes on particular methods


def _reasons(
    method: Method, answers: Answers, knowledge: Knowledge, edition: Edition, labels: _Labels
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
        reasons.append(_context_reason(method, answers.context, labels.contexts))
    if answers.phase is not None:
        reasons.append(_phase_reason(method, answers.phase, edition, labels.phases))
    facts = knowledge.practicalities.get(method.id)
    if answers.remote_only:
        reasons.append(_remote_reason(facts.remote if facts else ()))
    if answers.time is not None:
        reasons.append(_time_reason(labels.cards.get(method.id, ()), answers.time))
    if answers.have is not None:
        reasons.append(_product_reason(facts.needs_product if facts else (), answers.have))
    if answers.participants is not None:
        reasons.append(
            _participants_reason(facts.typical_participants if facts else (), answers.participants)
        )
    reasons.extend(
        _culture_reason(item) for item in labels.culture if covers(item.note, method, knowledge)
    )
    return reasons


def _culture_reason(item: AppliedNote) -> Reason:
    lowers = item.note.effect == "lower" and item.applies is True
    text = _("{topic}: {advice}").format(topic=topic_label(item.note.topic), advice=item.title)
    if lowers and item.note.effect_note:
        text = _("{text} Lowered: {why}").format(text=text, why=item.note.effect_note)
    return Reason(
        answer="country",
        points=W_CULTURE_PENALTY if lowers else 0.0,
        text=text,
        fact=item.because,
        sources=item.note.sources,
    )


def _target(
    knowledge: Knowledge, answers: Answers
) -> tuple[Country | None, tuple[AppliedNote, ...]]:
    """The target market and every research note that applies (or may apply) there."""
    if answers.country is None:
        return None, ()
    country = knowledge.country(answers.country)
    if country is None:
        return None, ()
    return country, research_notes(knowledge, country)


def rank(knowledge: Knowledge, answers: Answers, edition: Edition = "2014") -> Ranking:
    """Every method of ``edition`` ranked against ``answers``; pure and deterministic."""
    methods = knowledge.methods_of(edition)
    country, applied = _target(knowledge, answers)
    labels = _Labels(
        contexts={c.id: c.chart_label for c in knowledge.landscape.contexts},
        phases={p.id: p.name for p in knowledge.landscape.phases if p.edition == edition},
        cards={m.id: knowledge.cards_for(m) for m in methods} if answers.time else {},
        culture=tuple(a for a in applied if "all" not in a.note.methods),
    )
    scored = []
    for method in methods:
        reasons = tuple(_reasons(method, answers, knowledge, edition, labels))
        score = round(sum(r.points for r in reasons), 2)
        ruled_out = any(r.rules_out for r in reasons)
        scored.append((method, score, ruled_out, reasons))
    scored.sort(key=lambda item: (item[2], -item[1], item[0].name.casefold(), item[0].id))
    ranked = tuple(
        RankedMethod(method=m, rank=i, score=s, ruled_out=out, reasons=r)
        for i, (m, s, out, r) in enumerate(scored, start=1)
    )
    picks, uncovered, note = _plan(ranked, answers, edition)
    return Ranking(
        answers=answers,
        edition=edition,
        methods=ranked,
        plan=picks,
        uncovered=uncovered,
        plan_note=note,
        country=country,
        country_notes=tuple(a for a in applied if "all" in a.note.methods),
    )


def _on_side(position: Position | None, end: str) -> bool:
    """Whether a measured position reaches ``end``'s half of the axis by at least TIE_STEP."""
    if position is None:
        return False
    if _TARGET[end] < 0:
        return round(position.low * 100) <= -round(TIE_STEP * 100)
    return round(position.high * 100) >= round(TIE_STEP * 100)


def _cells(answers: Answers) -> list[tuple[str | None, str | None]]:
    """The combinations of axis ends a plan must cover (None: that axis is not constrained)."""
    learn_ends: tuple[str | None, ...]
    question_ends: tuple[str | None, ...]
    if answers.learn == "both":
        learn_ends = ("say", "do")
    else:
        learn_ends = (answers.learn,)
    if answers.question == "both":
        question_ends = ("why", "how_many")
    else:
        question_ends = (answers.question,)
    return [(lend, qend) for lend in learn_ends for qend in question_ends]


def _covers(learn_end: str | None, question_end: str | None) -> str:
    return " + ".join(_(_AXIS_END[e]) for e in (learn_end, question_end) if e is not None)


def _plan(
    ranked: tuple[RankedMethod, ...], answers: Answers, edition: Edition
) -> tuple[tuple[PlanPick, ...], tuple[str, ...], str]:
    if answers.learn != "both" and answers.question != "both":
        return (), (), ""
    picks: list[PlanPick] = []
    uncovered: list[str] = []
    used: set[str] = set()
    for learn_end, question_end in _cells(answers):
        covers = _covers(learn_end, question_end)
        best: tuple[float, int, RankedMethod] | None = None
        for item in ranked:
            method = item.method
            if item.ruled_out or method.id in used:
                continue
            ab, qq = method.attitudinal_behavioral, method.qual_quant
            if learn_end is not None and not _on_side(ab, learn_end):
                continue
            if question_end is not None and not _on_side(qq, question_end):
                continue
            points = sum(r.points for r in item.reasons if r.answer not in ("learn", "question"))
            if learn_end is not None and ab is not None:
                points += _axis_points(W_LEARN, _steps(_TARGET[learn_end], ab))
            if question_end is not None and qq is not None:
                points += _axis_points(W_QUESTION, _steps(_TARGET[question_end], qq))
            points = round(points, 2)
            if best is None or (-points, item.rank) < (-best[0], best[1]):
                best = (points, item.rank, item)
        if best is None:
            uncovered.append(covers)
            continue
        points, _rank, item = best
        used.add(item.method.id)
        where = ", ".join(
            f"{axis} {_where(position)}"
            for axis, position, end in (
                (_("say–do"), item.method.attitudinal_behavioral, learn_end),
                (_("why–how many"), item.method.qual_quant, question_end),
            )
            if end is not None and position is not None
        )
        picks.append(
            PlanPick(
                method=item.method,
                covers=covers,
                reason=_(
                    "Measured at {where}: the best fit on that side for your answers "
                    "({points:+g} points with those ends), rank {rank} overall."
                ).format(where=where, points=points, rank=item.rank),
                culture=tuple(r for r in item.reasons if r.answer == "country"),
            )
        )
    note = ""
    if uncovered:
        if not any(m.method.attitudinal_behavioral or m.method.qual_quant for m in ranked):
            note = _(
                "The {edition} chart's positions were never measured, so no method can be "
                "placed on a side of the chart for a plan."
            ).format(edition=edition)
        else:
            note = _("No method that is not ruled out is measured on the side of: {parts}.").format(
                parts="; ".join(uncovered)
            )
    return tuple(picks), tuple(uncovered), note


def plan(ranked: tuple[RankedMethod, ...], answers: Answers) -> tuple[PlanPick, ...]:
    """2-4 complementary methods covering the ends the answers ask for, one per combination."""
    edition: Edition = ranked[0].method.edition if ranked else "2014"
    return _plan(ranked, answers, edition)[0]


def describe_model() -> str:
    """The scoring model in plain words, for the help screen and the exports."""
    return _(
        "Each answer adds points; unanswered questions ('don't know') add none.\n"
        "• What you need to learn (up to {learn:g} points) and your question (up to "
        "{question:g}): weight × (1 - distance) from your end of the axis (say -1, do +1, why "
        "-1, how many +1, both 0) to the method's measured position, down to minus the weight "
        "at the opposite end; distances are rounded to {step:g} (an exact half down), as gaps "
        "smaller than that are ties. No measured position (the 2022 chart): no points.\n"
        "• Context you can offer: +{context:g} when the chart marks the method with it, "
        "-{context:g} when it marks another.\n"
        "• Phase: +{phase:g} when the phase table lists the method in your phase, -{phase:g} "
        "when it lists it only in others.\n"
        "• Remote only: rules out methods that need one room; {remote:g} for methods usually "
        "done in person.\n"
        "• What you have: rules out methods that need more (a prototype, a live product...).\n"
        "• Time you have: {time:g} when even the matching 18F card's time (one session, where "
        "the card times a session or a participant) is more than you have; a session's time is "
        "not a study's length, so time never rules out. Working time: a day is 8 hours, a week "
        "5 days, a month 4 weeks.\n"
        "• Participants: {participants:g} when every stated number is higher than yours.\n"
        "• Target market: each cited culture note that applies there and names the method adds "
        "a caveat (0 points); a note whose guidance says the method reaches people poorly "
        "there adds {culture:g}. A note that only may apply moves nothing.\n"
        "• A fact no source gives is 'unknown' and moves nothing (between a fit and a misfit).\n"
        "• Ties are ordered by name; ruled-out methods are listed last, with the reason.\n"
        "• Plan: when you ask for both ends, one method per combination of ends (say + why, "
        "do + how many...), measured on that side and best for it with your other answers."
    ).format(
        learn=W_LEARN,
        question=W_QUESTION,
        step=TIE_STEP,
        context=W_CONTEXT,
        phase=W_PHASE,
        remote=W_REMOTE_PENALTY,
        participants=W_PARTICIPANTS_PENALTY,
        time=W_TIME_PENALTY,
        culture=W_CULTURE_PENALTY,
    )
