"""Turn checked file data into frozen models, merging user items over built-in ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from cxguide.knowledge.models import (
    Card18F,
    CardParticipants,
    CardTime,
    Context,
    Country,
    CultureNote,
    Edition,
    EditionInfo,
    Fact,
    Guidance,
    Jurisdiction,
    Landscape,
    LandscapeDimension,
    MapPoint,
    MapStatus,
    Method,
    Note,
    Origin,
    Phase,
    Pole,
    Position,
    Practicalities,
    Score,
    Source,
    SurveyItem,
    TextFact,
    Translation,
    ValueDimension,
    ValuePole,
    Zone,
)

OriginOf = Callable[[str, int], Origin]


@dataclass(slots=True)
class Parts:
    """Models gathered file by file before they are frozen into a Knowledge."""

    sources: dict[str, Source] = field(default_factory=dict)
    editions: dict[str, EditionInfo] = field(default_factory=dict)
    methods: dict[tuple[str, str], Method] = field(default_factory=dict)
    dimensions: list[LandscapeDimension] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    guidance: list[Guidance] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    value_dimensions: list[ValueDimension] = field(default_factory=list)
    value_caveats: list[Guidance] = field(default_factory=list)
    practicalities: dict[str, Practicalities] = field(default_factory=dict)
    cards_18f: list[Card18F] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    jurisdictions: list[Jurisdiction] = field(default_factory=list)
    culture_notes: list[CultureNote] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)

    def landscape(self) -> Landscape:
        return Landscape(
            dimensions=tuple(self.dimensions),
            contexts=tuple(self.contexts),
            phases=tuple(self.phases),
            guidance=tuple(self.guidance),
        )


def _strs(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _edition(value: Any) -> Edition:
    return cast(Edition, str(value))


def _source(item: dict[str, Any], origin: Origin) -> Source:
    return Source(
        id=item["id"],
        title=item.get("title") or item["citation"],
        cited_as=item.get("citation"),
        author=item.get("author"),
        publisher=item.get("publisher"),
        year=item.get("year"),
        url=item.get("url"),
        repo=item.get("repo"),
        path=item.get("path"),
        commit=item.get("commit"),
        locator=item.get("locator"),
        reliability=item["reliability"],
        note=item.get("note"),
        origin=origin,
    )


def _position(item: dict[str, Any] | None) -> Position | None:
    if item is None:
        return None
    span = item.get("span")
    return Position(
        value=float(item["position"]),
        span=(float(span[0]), float(span[1])) if span else None,
        source=item["source"],
    )


def _method(item: dict[str, Any], origin: Origin) -> Method:
    return Method(
        id=item["id"],
        edition=_edition(item["edition"]),
        name=item["name"],
        chart_label=item.get("chart_label"),
        aliases=_strs(item.get("aliases")),
        description=item["description"],
        attitudinal_behavioral=_position(item.get("attitudinal_behavioral")),
        qual_quant=_position(item.get("qual_quant")),
        contexts=_strs(item["contexts"]),
        contexts_source=item.get("contexts_source"),
        phases=_strs(item["phases"]),
        phases_basis=item.get("phases_basis"),
        phases_sources=_strs(item.get("phases_sources")),
        from_2014=_strs(item.get("from_2014")),
        note=item.get("note"),
        sources=_strs(item["sources"]),
        origin=origin,
    )


def _pole(item: dict[str, Any]) -> Pole:
    return Pole(id=item["id"], chart_label=item["chart_label"], answers=item["answers"])


def _guidance(item: dict[str, Any]) -> Guidance:
    return Guidance(id=item["id"], text=item["text"], sources=_strs(item["sources"]))


def _value_pole(item: dict[str, Any]) -> ValuePole:
    return ValuePole(name=item["name"], meaning=item["meaning"], sources=_strs(item["sources"]))


def _country(item: dict[str, Any], origin: Origin) -> Country:
    point = item["map_2023"]
    return Country(
        id=item["id"],
        iso3=item["iso3"],
        name=item["name"],
        zone=item["zone"],
        zone_source=item.get("zone_source"),
        map_2023=MapPoint(
            status=cast(MapStatus, point["status"]), year=point.get("year"), note=point.get("note")
        ),
        scores=tuple(
            Score(
                year=row["year"],
                traditional_secular=float(row["traditional_secular"]),
                survival_self_expression=float(row["survival_self_expression"]),
                s025=row["s025"],
                s025_label=row.get("s025_label"),
                source=row["source"],
            )
            for row in item["scores"]
        ),
        origin=origin,
    )


def _facts(items: Any) -> tuple[Fact, ...]:
    return tuple(
        Fact(
            value=str(item["value"]),
            unit=item.get("unit"),
            condition=item.get("condition"),
            numeric=bool(item.get("numeric", True)),
            basis=item.get("basis", "source-stated"),
            sources=_strs(item["sources"]),
            note=item.get("note"),
        )
        for item in items or ()
    )


def _text_facts(items: Any) -> tuple[TextFact, ...]:
    return tuple(
        TextFact(text=item["text"], basis=item["basis"], sources=_strs(item["sources"]))
        for item in items or ()
    )


def _practicalities(item: dict[str, Any]) -> Practicalities:
    return Practicalities(
        method=item["method"],
        editions=tuple(_edition(e) for e in item["editions"]),
        counterpart=item.get("counterpart"),
        other_names=_facts(
            {**name, "basis": "source-stated"} for name in item.get("other_names", ())
        ),
        typical_participants=_facts(item.get("typical_participants")),
        remote=_facts(item.get("remote")),
        needs_product=_facts(item.get("needs_product")),
        duration_effort=_facts(item.get("duration_effort")),
        relative_cost=_facts(item.get("relative_cost")),
        strengths=_text_facts(item.get("strengths")),
        limitations=_text_facts(item.get("limitations")),
        unknown=_strs(item.get("unknown")),
    )


def _card(item: dict[str, Any]) -> Card18F:
    time = item.get("time_parsed")
    people = item.get("participants")
    return Card18F(
        id=item["id"],
        name=item["name"],
        category=item["category"],
        status=item["status"],
        kind=item["kind"],
        time_required=item.get("time_required"),
        time_parsed=CardTime(
            low=float(time["low"]),
            high=float(time["high"]),
            unit=time["unit"],
            per=time.get("per"),
            elapsed=time.get("elapsed"),
        )
        if time
        else None,
        participants=CardParticipants(
            who=people["who"],
            min=people.get("min"),
            max=people.get("max"),
            evidence=people.get("evidence"),
        )
        if people
        else None,
        user_participation=item["user_participation"],
        needs=tuple((n["need"], n["evidence"]) for n in item.get("needs", ())),
        summary=item["summary"],
        rohrer_2014=_strs(item["rohrer_2014"]),
        rohrer_2022=_strs(item["rohrer_2022"]),
        match_note=item.get("match_note"),
        source=item["source"],
        path=item["path"],
    )


def _culture_note(item: dict[str, Any], origin: Origin) -> CultureNote:
    return CultureNote(
        id=item["id"],
        topic=item["topic"],
        applies_when=str(item["applies_when"]).strip(),
        link_basis=item["link_basis"],
        link_note=item.get("link_note"),
        markets_studied=_strs(item.get("markets_studied")),
        jurisdictions=_strs(item.get("jurisdictions")),
        guidance=item["guidance"],
        evidence=item["evidence"],
        caveat=item.get("caveat"),
        methods=_strs(item["methods"]),
        effect=item.get("effect", "caveat"),
        effect_note=item.get("effect_note"),
        confidence=item["confidence"],
        sources=_strs(item["sources"]),
        origin=origin,
    )


def note_from(item: dict[str, Any], origin: Origin) -> Note:
    """A user's note from its checked file data (also used after the app saves one)."""
    return Note(
        id=item["id"],
        country=item["country"],
        topic=item.get("topic"),
        text=item["text"],
        author=item["author"],
        date=str(item["date"]),
        origin=origin,
    )


def add_file(parts: Parts, kind: str, data: dict[str, Any], origin: OriginOf) -> None:
    """Add the items of one checked file of ``kind`` to ``parts``."""
    if kind == "sources":
        for i, item in enumerate(data["sources"]):
            parts.sources[item["id"]] = _source(item, origin("sources", i))
    elif kind == "methods":
        for item in data.get("editions", []):
            parts.editions[str(item["id"])] = EditionInfo(
                id=_edition(item["id"]),
                title=item["title"],
                date=str(item["date"]),
                description=item["description"],
                sources=_strs(item["sources"]),
            )
        for i, item in enumerate(data["methods"]):
            method = _method(item, origin("methods", i))
            # A user's method with a built-in id replaces it in place (dicts keep order).
            parts.methods[(method.edition, method.id)] = method
    elif kind == "cards_18f":
        parts.cards_18f.extend(_card(item) for item in data["cards"])
    elif kind == "practicalities":
        for item in data["methods"]:
            parts.practicalities[item["method"]] = _practicalities(item)
    elif kind == "landscape":
        for item in data["dimensions"]:
            parts.dimensions.append(
                LandscapeDimension(
                    id=item["id"],
                    name=item["name"],
                    description=item["description"],
                    negative_pole=_pole(item["negative_pole"]),
                    positive_pole=_pole(item["positive_pole"]),
                    sources=_strs(item["sources"]),
                )
            )
        for item in data["contexts"]:
            parts.contexts.append(
                Context(
                    id=item["id"],
                    chart_label=item["chart_label"],
                    description=item["description"],
                    editions=tuple(_edition(e) for e in item["editions"]),
                    sources=_strs(item["sources"]),
                )
            )
        for item in data["phases"]:
            parts.phases.append(
                Phase(
                    id=item["id"],
                    edition=_edition(item["edition"]),
                    name=item["name"],
                    goal=item["goal"],
                    approach=item.get("approach"),
                    description=item["description"],
                    sources=_strs(item["sources"]),
                )
            )
        parts.guidance.extend(_guidance(item) for item in data["guidance"])
    elif kind == "zones":
        parts.zones.extend(
            Zone(
                id=item["id"],
                name=item["name"],
                description=item["description"],
                sources=_strs(item["sources"]),
            )
            for item in data["zones"]
        )
    elif kind == "value_dimensions":
        for item in data["dimensions"]:
            parts.value_dimensions.append(
                ValueDimension(
                    id=item["id"],
                    name=item["name"],
                    axis=item["axis"],
                    variable=item["variable"],
                    negative_pole=_value_pole(item["negative_pole"]),
                    positive_pole=_value_pole(item["positive_pole"]),
                    items=tuple(
                        SurveyItem(
                            code=row["code"],
                            label=row["label"],
                            loading=float(row["loading"]),
                            sources=_strs(row["sources"]),
                        )
                        for row in item["items"]
                    ),
                    sources=_strs(item["sources"]),
                )
            )
        parts.value_caveats.extend(_guidance(item) for item in data.get("caveats", []))
    elif kind == "countries":
        parts.countries.extend(
            _country(item, origin("countries", i)) for i, item in enumerate(data["countries"])
        )
    elif kind == "jurisdictions":
        parts.jurisdictions.extend(
            Jurisdiction(
                id=item["id"],
                name=item["name"],
                countries=_strs(item["countries"]),
                sources=_strs(item["sources"]),
            )
            for item in data["jurisdictions"]
        )
    elif kind == "culture_notes":
        parts.culture_notes.extend(
            _culture_note(item, origin("guidance", i)) for i, item in enumerate(data["guidance"])
        )
    elif kind == "notes":
        parts.notes.extend(
            note_from(item, origin("notes", i)) for i, item in enumerate(data["notes"])
        )
    elif kind == "translations":
        parts.translations.extend(
            Translation(
                language=str(data["language"]),
                target=" ".join(str(item["target"]).split()),
                fields=tuple((str(name), str(text)) for name, text in item["fields"].items()),
                basis=item["basis"],
                terms_ru=_strs(
                    [item["terms_ru"]]
                    if isinstance(item.get("terms_ru"), str)
                    else item.get("terms_ru")
                ),
                origin=origin("translations", i),
            )
            for i, item in enumerate(data["translations"])
        )
