"""Typed, frozen models of cxguide's knowledge. Built only by the loader, after validation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from cxguide.knowledge.problems import Problem

Edition = Literal["2014", "2022"]
MapStatus = Literal["latest_row", "earlier_row", "unknown", "not_on_map"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an item came from: a built-in file or one of the user's own, and its line."""

    path: Path
    line: int
    user: bool

    def describe(self) -> str:
        """A short, plain label: 'built-in' or the user's file and line."""
        return f"{self.path}:{self.line}" if self.user else "built-in"


@dataclass(frozen=True, slots=True)
class Translated:
    """The marker on an item whose texts were replaced by a translation (see loader).

    ``english`` keeps each replaced field's English text (search and conditions need it);
    ``basis`` says for each field whether the text is the term Russian practitioners use
    ("practitioners", from terms_ru.yaml) or the project's own translation ("own").
    Pairs rather than mappings, so that the frozen models stay hashable.
    """

    language: str
    english: tuple[tuple[str, str], ...]
    basis: tuple[tuple[str, str], ...]

    def original(self, name: str) -> str | None:
        """The English text of field ``name``, if it was translated."""
        return next((text for field_name, text in self.english if field_name == name), None)

    def basis_of(self, name: str) -> str | None:
        """ "practitioners" or "own" for field ``name``; None when it was not translated."""
        return next((basis for field_name, basis in self.basis if field_name == name), None)

    def own(self, name: str) -> bool:
        """Whether field ``name`` holds the project's own translation."""
        return self.basis_of(name) == "own"


def english(item: object, name: str) -> str | None:
    """The English text of field ``name`` of a knowledge item, translated or not."""
    marker = getattr(item, "translated", None)
    if isinstance(marker, Translated):
        found = marker.original(name)
        if found is not None:
            return found
    value = getattr(item, name, None)
    return value if isinstance(value, str) else None


def translated_by(item: object, name: str) -> str | None:
    """ "practitioners", "own", or None (English, or a field that was not translated)."""
    marker = getattr(item, "translated", None)
    return marker.basis_of(name) if isinstance(marker, Translated) else None


@dataclass(frozen=True, slots=True)
class Translation:
    """One entry of a translations file: texts of one knowledge item in another language.

    ``target`` is as written ("method 2014 card-sorting"); ``fields`` pairs each field name with
    its text; ``basis`` is "practitioners" (the term comes from terms_ru.yaml, at ``terms_ru``)
    or "own" (the project's own translation).
    """

    language: str
    target: str
    fields: tuple[tuple[str, str], ...]
    basis: str
    terms_ru: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Source:
    """A citation that facts point to by id."""

    id: str
    title: str
    author: str | None
    publisher: str | None
    year: int | None
    url: str | None
    repo: str | None
    path: str | None
    commit: str | None
    locator: str | None
    reliability: str
    note: str | None
    origin: Origin
    cited_as: str | None = None  # the whole citation as one text, when it is not split up

    @property
    def where(self) -> str:
        """Where the source can be found: a URL, repo:path@commit, or a locator."""
        if self.url:
            return self.url
        if self.repo:
            return f"{self.repo}:{self.path}@{self.commit}"
        return self.locator or ""

    def citation(self, unknown: str = "unknown") -> str:
        """The full citation in one line: who, year, title, where."""
        if self.cited_as:
            return f"{self.cited_as}. {self.where}"
        who = ", ".join(p for p in (self.author, self.publisher) if p)
        year = str(self.year) if self.year is not None else unknown
        return f"{who} ({year}). {self.title}. {self.where}"


@dataclass(frozen=True, slots=True)
class Position:
    """A method's measured place on one axis of Rohrer's landscape (-1 .. +1), with its span."""

    value: float
    span: tuple[float, float] | None
    source: str

    @property
    def low(self) -> float:
        return self.span[0] if self.span else self.value

    @property
    def high(self) -> float:
        return self.span[1] if self.span else self.value


@dataclass(frozen=True, slots=True)
class Method:
    """A research method of one edition of Rohrer's landscape.

    ``attitudinal_behavioral`` runs from -1 (what people say) to +1 (what people do);
    ``qual_quant`` from -1 (why & how to fix) to +1 (how many & how much). None: not measured.
    """

    id: str
    edition: Edition
    name: str
    chart_label: str | None
    aliases: tuple[str, ...]
    description: str
    attitudinal_behavioral: Position | None
    qual_quant: Position | None
    contexts: tuple[str, ...]
    contexts_source: str | None
    phases: tuple[str, ...]
    phases_basis: str | None
    phases_sources: tuple[str, ...]
    from_2014: tuple[str, ...]
    note: str | None
    sources: tuple[str, ...]
    origin: Origin
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class EditionInfo:
    """One edition of the landscape (2014 or 2022)."""

    id: Edition
    title: str
    date: str
    description: str
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Pole:
    """One end of a landscape dimension and the question it answers."""

    id: str
    chart_label: str
    answers: str
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class LandscapeDimension:
    """Attitudinal vs behavioral, or qualitative vs quantitative."""

    id: str
    name: str
    description: str
    negative_pole: Pole
    positive_pole: Pole
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Context:
    """A context of product use during a study (natural, scripted, ...)."""

    id: str
    chart_label: str
    description: str
    editions: tuple[Edition, ...]
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Phase:
    """A product-development phase of one edition, with its research goal."""

    id: str
    edition: Edition
    name: str
    goal: str
    approach: str | None
    description: str
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Guidance:
    """A piece of general advice (or a caveat), with its sources."""

    id: str
    text: str
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Landscape:
    """Rohrer's dimensions, contexts, phases and general guidance."""

    dimensions: tuple[LandscapeDimension, ...] = ()
    contexts: tuple[Context, ...] = ()
    phases: tuple[Phase, ...] = ()
    guidance: tuple[Guidance, ...] = ()


@dataclass(frozen=True, slots=True)
class Zone:
    """A cultural zone of the 2023 Inglehart-Welzel map."""

    id: str
    name: str
    description: str
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class SurveyItem:
    """A survey item behind a value dimension, with its factor loading."""

    code: str
    label: str
    loading: float
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ValuePole:
    """One end of a value dimension and what it means."""

    name: str
    meaning: str
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class ValueDimension:
    """Traditional vs secular-rational (y) or survival vs self-expression (x)."""

    id: str
    name: str
    axis: Literal["x", "y"]
    variable: str
    negative_pole: ValuePole
    positive_pole: ValuePole
    items: tuple[SurveyItem, ...]
    sources: tuple[str, ...]
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Score:
    """A country's position in one survey year."""

    year: int
    traditional_secular: float
    survival_self_expression: float
    s025: int
    s025_label: str | None
    source: str


@dataclass(frozen=True, slots=True)
class MapPoint:
    """Which survey year the 2023 map draws for a country, as far as the sources say."""

    status: MapStatus
    year: int | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Country:
    """A country or society on the cultural map, with every survey year's scores."""

    id: str
    iso3: str | None
    name: str
    zone: str | None
    zone_source: str | None
    map_2023: MapPoint
    scores: tuple[Score, ...]
    origin: Origin
    translated: Translated | None = None  # the name in another language comes from CLDR

    @property
    def latest(self) -> Score:
        """The most recent survey year."""
        return self.scores[-1]

    @property
    def map_score(self) -> Score | None:
        """The row the 2023 map draws, or None where that is unknown or not drawn."""
        year = self.map_2023.year
        return next((s for s in self.scores if s.year == year), None)


@dataclass(frozen=True, slots=True)
class Fact:
    """One practical fact about a method, with the condition under which it holds."""

    value: str
    unit: str | None
    condition: str | None
    numeric: bool
    basis: str
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True, slots=True)
class TextFact:
    """A strength or limitation of a method, in cxguide's words, with its sources."""

    text: str
    basis: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Practicalities:
    """What running a method takes. An empty tuple means no source gives it: unknown."""

    method: str
    editions: tuple[Edition, ...]
    counterpart: str | None
    other_names: tuple[Fact, ...]
    typical_participants: tuple[Fact, ...]
    remote: tuple[Fact, ...]
    needs_product: tuple[Fact, ...]
    duration_effort: tuple[Fact, ...]
    relative_cost: tuple[Fact, ...]
    strengths: tuple[TextFact, ...]
    limitations: tuple[TextFact, ...]
    unknown: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CardTime:
    """How long an 18F card says its method takes, as numbers."""

    low: float
    high: float
    unit: Literal["minute", "hour", "day", "week", "month"]
    per: str | None
    elapsed: str | None


@dataclass(frozen=True, slots=True)
class CardParticipants:
    """Who takes part in an 18F card's method, and how many, as the card states it."""

    who: str
    min: int | None
    max: int | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class Card18F:
    """A public-domain 18F method card and the Rohrer methods it clearly matches."""

    id: str
    name: str
    category: str | None
    status: str
    kind: str
    time_required: str | None
    time_parsed: CardTime | None
    participants: CardParticipants | None
    user_participation: str
    needs: tuple[tuple[str, str], ...]  # (need, evidence quote)
    summary: str
    rohrer_2014: tuple[str, ...]
    rohrer_2022: tuple[str, ...]
    match_note: str | None
    source: str
    path: str

    def matches(self, method_id: str, edition: Edition) -> bool:
        """Whether this card is clearly the method ``method_id`` of ``edition``."""
        return method_id in (self.rohrer_2014 if edition == "2014" else self.rohrer_2022)


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A legal area (such as EU/EEA) and the countries of the map that belong to it."""

    id: str
    name: str
    countries: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CultureNote:
    """Cited guidance on entering, onboarding or researching in markets where it applies.

    ``applies_when`` is the condition text as written (parsed by ``cxguide.logic.conditions``);
    ``methods`` are 2022 method ids or ("all",); ``effect`` says what it does to the ranking:
    "caveat" (a reason that moves nothing) or "lower" (a cited penalty, see ``effect_note``).
    """

    id: str
    topic: str
    applies_when: str
    link_basis: str
    link_note: str | None
    markets_studied: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    guidance: str
    evidence: str
    caveat: str | None
    methods: tuple[str, ...]
    effect: str
    effect_note: str | None
    confidence: str
    sources: tuple[str, ...]
    origin: Origin
    translated: Translated | None = None  # set when a translation replaced texts


@dataclass(frozen=True, slots=True)
class Note:
    """A user's own note on a country."""

    id: str
    country: str
    topic: str | None
    text: str
    author: str
    date: str
    origin: Origin


def _no_sources() -> Mapping[str, Source]:
    return {}


def _no_practicalities() -> Mapping[str, Practicalities]:
    return {}


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything cxguide knows, merged from built-in and user files, and their problems."""

    sources: Mapping[str, Source] = field(default_factory=_no_sources)
    editions: tuple[EditionInfo, ...] = ()
    methods: tuple[Method, ...] = ()
    landscape: Landscape = field(default_factory=Landscape)
    zones: tuple[Zone, ...] = ()
    value_dimensions: tuple[ValueDimension, ...] = ()
    value_caveats: tuple[Guidance, ...] = ()
    practicalities: Mapping[str, Practicalities] = field(default_factory=_no_practicalities)
    cards_18f: tuple[Card18F, ...] = ()
    countries: tuple[Country, ...] = ()
    jurisdictions: tuple[Jurisdiction, ...] = ()
    culture_notes: tuple[CultureNote, ...] = ()
    notes: tuple[Note, ...] = ()
    translations: tuple[Translation, ...] = ()
    language: str = "en"  # the language of the texts: English, or one whose translations apply
    problems: tuple[Problem, ...] = ()
    files: tuple[Path, ...] = ()

    def methods_of(self, edition: Edition) -> tuple[Method, ...]:
        """The methods of one edition, in file order."""
        return tuple(m for m in self.methods if m.edition == edition)

    def cards_for(self, method: Method) -> tuple[Card18F, ...]:
        """The 18F cards that clearly are ``method``."""
        return tuple(c for c in self.cards_18f if c.matches(method.id, method.edition))

    def zone(self, zone_id: str | None) -> Zone | None:
        """The zone with this id, if any."""
        return next((z for z in self.zones if z.id == zone_id), None)

    def country(self, country_id: str) -> Country | None:
        """The country with this id (exact), if any."""
        return next((c for c in self.countries if c.id == country_id), None)
