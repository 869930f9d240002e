"""Listings of methods and countries as one neutral table, rendered as text, Markdown or JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cxguide.i18n import _
from cxguide.knowledge.models import Country, Edition, Knowledge, Method, Position


@dataclass(frozen=True, slots=True)
class Listing:
    """A titled table of strings, with notes shown under it."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


def unknown() -> str:
    """How every missing value reads on screen."""
    return _("unknown")


def position_text(position: Position | None) -> str:
    """A landscape position like '+0.38' or '-0.05 (span -0.30 to +0.26)'."""
    if position is None:
        return unknown()
    text = f"{position.value:+.2f}"
    if position.span is not None:
        low, high = position.span
        text += " " + _("(span {low} to {high})").format(low=f"{low:+.2f}", high=f"{high:+.2f}")
    return text


def _labels(knowledge: Knowledge, ids: tuple[str, ...], kind: str, edition: Edition) -> str:
    if not ids:
        return unknown()
    if kind == "context":
        names = {c.id: c.chart_label for c in knowledge.landscape.contexts}
    else:
        names = {p.id: p.name for p in knowledge.landscape.phases if p.edition == edition}
    return ", ".join(names.get(i, i) for i in ids)


def _origin(method_or_country: Method | Country) -> str:
    origin = method_or_country.origin
    return _("your file {where}").format(where=origin.describe()) if origin.user else _("built-in")


def methods_listing(knowledge: Knowledge, edition: Edition) -> Listing:
    """Every method of ``edition`` with its position, contexts and phases."""
    methods = knowledge.methods_of(edition)
    by_id_2014 = {m.id: m.name for m in knowledge.methods_of("2014")}
    rows = []
    for method in methods:
        row = [
            method.name,
            position_text(method.attitudinal_behavioral),
            position_text(method.qual_quant),
            _labels(knowledge, method.contexts, "context", edition),
            _labels(knowledge, method.phases, "phase", edition),
        ]
        if edition == "2022":
            row.append(", ".join(by_id_2014.get(i, i) for i in method.from_2014) or "—")
        row.append(_origin(method))
        rows.append(tuple(row))
    columns = [
        _("Method"),
        _("Say (-1) ↔ do (+1)"),
        _("Why (-1) ↔ how many (+1)"),
        _("Context of use"),
        _("Phases"),
    ]
    if edition == "2022":
        columns.append(_("In 2014 as"))
    columns.append(_("From"))
    notes = [_("Positions: Rohrer's 2014 chart, measured; -1 to +1, 0 is the chart's midline.")]
    if edition == "2022":
        notes.append(_("The 2022 chart's positions were never measured, so they are unknown."))
    return Listing(
        title=_("Research methods, {edition} edition ({count})").format(
            edition=edition, count=len(methods)
        ),
        columns=tuple(columns),
        rows=tuple(rows),
        notes=tuple(notes),
    )


def countries_listing(
    knowledge: Knowledge, countries: tuple[Country, ...], zone_name: str | None
) -> Listing:
    """Countries with zone, latest survey year and scores, and the point the 2023 map draws."""
    zones = {z.id: z.name for z in knowledge.zones}
    main_source = _main_score_source(knowledge)
    other_sources: dict[str, None] = {}
    rows = []
    for country in countries:
        latest = country.latest
        year = str(latest.year)
        if latest.source != main_source:
            year += " *"
            other_sources[latest.source] = None
        rows.append(
            (
                country.name,
                country.iso3 or country.id,
                zones.get(country.zone or "", unknown()),
                year,
                f"{latest.traditional_secular:+.2f}",
                f"{latest.survival_self_expression:+.2f}",
                map_point_text(country),
            )
        )
    title = (
        _("Countries in {zone} ({count})").format(zone=zone_name, count=len(countries))
        if zone_name
        else _("Countries on the cultural map ({count})").format(count=len(countries))
    )
    return Listing(
        title=title,
        columns=(
            _("Country"),
            _("Code"),
            _("Zone"),
            _("Latest survey"),
            _("Traditional (-) ↔ secular (+)"),
            _("Survival (-) ↔ self-expression (+)"),
            _("2023 map draws"),
        ),
        rows=tuple(rows),
        notes=(
            _("Scores: WVS/EVS 2023 cultural map dataset, the latest survey year shown."),
            *(
                _("* Score from another source: {title}.").format(
                    title=knowledge.sources[s].title if s in knowledge.sources else s
                )
                for s in other_sources
            ),
            _(
                "2023 map draws: the survey year plotted on the 2023 map (usually the latest); "
                "'unknown' where the sources do not say."
            ),
            _("A country's average says nothing certain about any one person."),
        ),
    )


def _main_score_source(knowledge: Knowledge) -> str:
    """The source most country scores come from (the WVSA map file)."""
    counts: dict[str, int] = {}
    for country in knowledge.countries:
        for score in country.scores:
            counts[score.source] = counts.get(score.source, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else ""


def map_point_text(country: Country) -> str:
    """Which survey year the 2023 map draws, in plain words."""
    point = country.map_2023
    if point.status == "not_on_map":
        return _("not on the map")
    if point.year is None:
        return unknown()
    if point.status == "earlier_row":
        return _("{year} (not the latest)").format(year=point.year)
    return str(point.year)


def to_markdown(listing: Listing) -> str:
    """The listing as a Markdown heading, table and notes."""

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = [f"## {cell(listing.title)}", ""]
    lines.append("| " + " | ".join(cell(c) for c in listing.columns) + " |")
    lines.append("|" + "|".join("---" for _c in listing.columns) + "|")
    lines.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in listing.rows)
    if listing.notes:
        lines.append("")
        lines.extend(f"- {cell(n)}" for n in listing.notes)
    return "\n".join(lines) + "\n"


def _position_json(position: Position | None) -> dict[str, Any] | None:
    if position is None:
        return None
    return {
        "position": position.value,
        "span": list(position.span) if position.span else None,
        "source": position.source,
    }


def method_json(method: Method) -> dict[str, Any]:
    """A method as JSON-ready data; unknown values are null."""
    return {
        "id": method.id,
        "edition": method.edition,
        "name": method.name,
        "chart_label": method.chart_label,
        "aliases": list(method.aliases),
        "description": method.description,
        "attitudinal_behavioral": _position_json(method.attitudinal_behavioral),
        "qual_quant": _position_json(method.qual_quant),
        "contexts": list(method.contexts),
        "contexts_source": method.contexts_source,
        "phases": list(method.phases),
        "phases_sources": list(method.phases_sources),
        "from_2014": list(method.from_2014),
        "note": method.note,
        "sources": list(method.sources),
        "origin": {
            "user": method.origin.user,
            "file": str(method.origin.path),
            "line": method.origin.line,
        },
    }


def country_json(country: Country) -> dict[str, Any]:
    """A country as JSON-ready data with every survey year's scores."""
    return {
        "id": country.id,
        "iso3": country.iso3,
        "name": country.name,
        "zone": country.zone,
        "zone_source": country.zone_source,
        "map_2023": {
            "status": country.map_2023.status,
            "year": country.map_2023.year,
            "note": country.map_2023.note,
        },
        "scores": [
            {
                "year": s.year,
                "traditional_secular": s.traditional_secular,
                "survival_self_expression": s.survival_self_expression,
                "s025": s.s025,
                "s025_label": s.s025_label,
                "source": s.source,
            }
            for s in country.scores
        ],
    }
