"""The cultural map for people and programs: a country profile, its nearest countries and a
comparison, each as a text page (Rich), Markdown or JSON data.

Pure functions over what ``cxguide.logic.culture`` returns (``Profile``, ``Nearby``,
``Comparison``); nothing here measures, sorts or chooses a point. Each result becomes a neutral
``Document`` (a title and sections of paragraphs, a table and bullets) that both the Markdown
and the Rich renderer draw; JSON is built from the results directly and carries the numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TextIO

from cxguide.export.listing import map_point_text, unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Guidance, Knowledge, Score
from cxguide.logic.culture import (
    Comparison,
    Difference,
    Nearby,
    Neighbour,
    Point,
    Profile,
    Reading,
    averages_caveat,
    caveat,
)

SCHEMA_VERSION = 1
ZONES_CAVEAT = "zones-are-values-not-geography"


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a document: a heading, then paragraphs, a table and bullets (each optional)."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A titled page of sections, drawn the same way as Markdown and as terminal text."""

    title: str
    sections: tuple[Section, ...]


# --- wording shared by the three documents --------------------------------------------------


def score_text(value: float) -> str:
    """A map score with its sign and two decimals ('+0.39', '-1.31')."""
    return f"{value:+.2f}"


def distance_text(value: float) -> str:
    """A distance on the map, two decimals."""
    return f"{value:.2f}"


def distance_note() -> str:
    """What a distance is, and what it is not."""
    return _(
        "Distances are straight lines between the points on the map's two axes, in the map's "
        "own units: on these two dimensions only, not a measure of overall cultural difference."
    )


def basis_text(p: Point) -> str:
    """Why this survey year is used, in a few words: '2017, drawn on the 2023 map'."""
    year = p.score.year
    if p.basis == "map_2023":
        if p.country.map_2023.status == "earlier_row":
            return _("{year}, drawn on the 2023 map (not the latest survey)").format(year=year)
        return _("{year}, drawn on the 2023 map").format(year=year)
    if p.basis == "year":
        return _("{year}, as asked").format(year=year)
    status = p.country.map_2023.status
    if status == "not_on_map":
        return _("{year}, latest survey (not on the 2023 map)").format(year=year)
    if status == "unknown":
        return _("{year}, latest survey (the year the 2023 map draws is unknown)").format(year=year)
    return _("{year}, latest survey").format(year=year)


def basis_sentence(p: Point) -> str:
    """Which survey year the profile uses and why, as a sentence."""
    year = p.score.year
    if p.basis == "map_2023":
        if p.country.map_2023.status == "earlier_row":
            return _(
                "Shown: survey year {year}, the one the 2023 map draws, although a later "
                "survey ({latest}) exists."
            ).format(year=year, latest=p.country.latest.year)
        return _("Shown: survey year {year}, the one the 2023 map draws.").format(year=year)
    if p.basis == "year":
        return _("Shown: survey year {year}, as asked.").format(year=year)
    status = p.country.map_2023.status
    if status == "not_on_map":
        return _(
            "Shown: the latest survey year, {year}, because the country is not on the 2023 map."
        ).format(year=year)
    if status == "unknown":
        return _(
            "Shown: the latest survey year, {year}, because which year the 2023 map draws "
            "is not known."
        ).format(year=year)
    return _("Shown: the latest survey year, {year}.").format(year=year)


def _code(p: Point) -> str:
    return p.country.iso3 or p.country.id


def _zone_name(knowledge: Knowledge, zone_id: str | None) -> str:
    zone = knowledge.zone(zone_id)
    return zone.name if zone else unknown()


def _axis_columns() -> tuple[str, str]:
    return (_("Traditional (-) ↔ secular (+)"), _("Survival (-) ↔ self-expression (+)"))


def _citation(knowledge: Knowledge, source_id: str) -> str:
    source = knowledge.sources.get(source_id)
    if source is None:
        return _("not in the knowledge files")
    return source.citation(unknown=unknown())


def _sources_section(knowledge: Knowledge, source_ids: tuple[str, ...]) -> Section:
    return Section(
        _("Sources"),
        bullets=tuple(f"{s}: {_citation(knowledge, s)}" for s in source_ids),
    )


def _reading_bullet(reading: Reading) -> str:
    name = reading.dimension.name if reading.dimension else reading.axis
    pole = reading.pole
    if pole is None:
        return _("{dimension}: {reading}.").format(dimension=name, reading=reading.text)
    return _("{dimension}: {reading}. {pole}: {meaning}").format(
        dimension=name, reading=reading.text, pole=pole.name, meaning=pole.meaning
    )


def _neighbour_rows(
    knowledge: Knowledge, near: tuple[Neighbour, ...]
) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            str(rank),
            nb.point.country.name,
            _code(nb.point),
            _zone_name(knowledge, nb.point.country.zone),
            basis_text(nb.point),
            distance_text(nb.distance),
        )
        for rank, nb in enumerate(near, start=1)
    )


def _neighbour_columns() -> tuple[str, ...]:
    return (_("#"), _("Country"), _("Code"), _("Zone"), _("Survey year"), _("Distance"))


def _point_line(p: Point) -> str:
    ts_label, sse_label = _axis_columns()
    return _("{ts_label} {ts}; {sse_label} {sse}.").format(
        ts_label=ts_label,
        ts=score_text(p.y),
        sse_label=sse_label,
        sse=score_text(p.x),
    )


# --- documents --------------------------------------------------------------------------------


def profile_document(profile: Profile, knowledge: Knowledge) -> Document:
    """A country's profile as a document."""
    country, chosen = profile.country, profile.point
    map_line = _("The 2023 map draws: {drawn}.").format(drawn=map_point_text(country))
    overview = [
        _("Code: {code}").format(code=_code(chosen)),
        _("Zone: {zone}").format(zone=profile.zone.name if profile.zone else unknown()),
        map_line,
    ]
    if country.map_2023.note:
        overview.append(_("Note on the map point: {note}").format(note=country.map_2023.note))
    overview += [basis_sentence(chosen), _point_line(chosen)]

    ts_label, sse_label = _axis_columns()
    drawn = country.map_score
    path_rows = []
    for p in profile.path:
        marks = []
        if drawn is not None and p.score.year == drawn.year:
            marks.append(_("drawn on the 2023 map"))
        if p.score.year == chosen.score.year:
            marks.append(_("shown above"))
        path_rows.append(
            (
                str(p.score.year),
                score_text(p.y),
                score_text(p.x),
                p.score.source,
                "; ".join(marks),
            )
        )
    near_heading = ngettext(
        "Nearest country, on these two dimensions only",
        "Nearest {count} countries, on these two dimensions only",
        len(profile.neighbours),
    ).format(count=len(profile.neighbours))
    return Document(
        title=f"{country.name} ({_code(chosen)})",
        sections=(
            Section(_("Where it stands"), paragraphs=tuple(overview)),
            Section(
                _("What the position means"),
                bullets=tuple(_reading_bullet(r) for r in profile.readings),
            ),
            Section(
                _("Path over the survey years"),
                columns=(_("Year"), ts_label, sse_label, _("Source"), _("Note")),
                rows=tuple(path_rows),
                bullets=tuple(d.text for d in profile.movement),
            ),
            Section(
                near_heading,
                paragraphs=(distance_note(),),
                columns=_neighbour_columns(),
                rows=_neighbour_rows(knowledge, profile.neighbours),
            ),
            Section(_("Caveats"), bullets=tuple(c.text for c in profile.caveats)),
            _sources_section(knowledge, profile.sources),
        ),
    )


def _nearby_caveats(knowledge: Knowledge) -> tuple[Guidance, ...]:
    zones = caveat(knowledge, ZONES_CAVEAT)
    return (averages_caveat(knowledge), *((zones,) if zones else ()))


def _score_sources(points: tuple[Point, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.score.source for p in points))


def _caveat_sources(caveats: tuple[Guidance, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for c in caveats for s in c.sources))


def nearby_sources(nearby: Nearby, knowledge: Knowledge) -> tuple[str, ...]:
    """The source ids behind the scores and the caveats shown with a neighbours list."""
    points = (nearby.origin, *(nb.point for nb in nearby.neighbours))
    return tuple(
        dict.fromkeys((*_score_sources(points), *_caveat_sources(_nearby_caveats(knowledge))))
    )


def nearby_document(nearby: Nearby, knowledge: Knowledge) -> Document:
    """A country's nearest countries as a document."""
    origin = nearby.origin
    count = len(nearby.neighbours)
    title = ngettext(
        "The country nearest to {country} on the cultural map",
        "The {count} countries nearest to {country} on the cultural map",
        count,
    ).format(count=count, country=origin.country.name)
    return Document(
        title=title,
        sections=(
            Section(
                _("Measured from"),
                paragraphs=(
                    _("{country} ({code}), survey year {basis}.").format(
                        country=origin.country.name, code=_code(origin), basis=basis_text(origin)
                    ),
                    _point_line(origin),
                ),
            ),
            Section(
                _("Nearest countries, on these two dimensions only"),
                paragraphs=(
                    distance_note(),
                    _("Each other country is at its own point (the year shown)."),
                ),
                columns=_neighbour_columns(),
                rows=_neighbour_rows(knowledge, nearby.neighbours),
            ),
            Section(_("Caveats"), bullets=tuple(c.text for c in _nearby_caveats(knowledge))),
            _sources_section(knowledge, nearby_sources(nearby, knowledge)),
        ),
    )


def comparison_sources(comparison: Comparison, knowledge: Knowledge) -> tuple[str, ...]:
    """The source ids behind the compared scores and the caveat shown with them."""
    return tuple(
        dict.fromkeys(
            (
                *_score_sources(comparison.points),
                *_caveat_sources((averages_caveat(knowledge),)),
            )
        )
    )


def comparison_document(comparison: Comparison, knowledge: Knowledge) -> Document:
    """Several countries side by side, then every pair's differences in plain words."""
    ts_label, sse_label = _axis_columns()
    rows = tuple(
        (
            p.country.name,
            _code(p),
            _zone_name(knowledge, p.country.zone),
            basis_text(p),
            score_text(p.y),
            score_text(p.x),
        )
        for p in comparison.points
    )
    differences = []
    for pair in comparison.pairs:
        differences.append(
            _(
                "{second} and {first}: {text_ts} {text_sse} Distance: {distance} on these two "
                "dimensions only."
            ).format(
                second=pair.second.country.name,
                first=pair.first.country.name,
                text_ts=pair.differences[0].text,
                text_sse=pair.differences[1].text,
                distance=distance_text(pair.distance),
            )
        )
    names = ", ".join(p.country.name for p in comparison.points)
    return Document(
        title=_("Comparing {names} on the cultural map").format(names=names),
        sections=(
            Section(
                _("Where each stands"),
                columns=(_("Country"), _("Code"), _("Zone"), _("Survey year"), ts_label, sse_label),
                rows=rows,
            ),
            Section(
                _("Differences"),
                paragraphs=(distance_note(),),
                bullets=tuple(differences),
            ),
            Section(_("Caveats"), bullets=(averages_caveat(knowledge).text,)),
            _sources_section(knowledge, comparison_sources(comparison, knowledge)),
        ),
    )


# --- renderers ----------------------------------------------------------------------------------

_MARKUP = re.compile(r"[\\`*\[\]<>|#]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def _md(text: str) -> str:
    """Text safe inside Markdown, on one line (an underscore inside a word is kept)."""
    return _MARKUP.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))


def to_markdown(document: Document) -> str:
    """The document as Markdown: a title, then each section's heading, text, table and list."""
    lines = [f"# {_md(document.title)}"]
    for section in document.sections:
        lines += ["", f"## {_md(section.heading)}"]
        for paragraph in section.paragraphs:
            lines += ["", _md(paragraph)]
        if section.columns:
            lines.append("")
            lines.append("| " + " | ".join(_md(c) for c in section.columns) + " |")
            lines.append("|" + "|".join("---" for _c in section.columns) + "|")
            lines.extend("| " + " | ".join(_md(v) for v in row) + " |" for row in section.rows)
        if section.bullets:
            lines.append("")
            lines.extend(f"- {_md(b)}" for b in section.bullets)
    return "\n".join(lines) + "\n"


def print_document(document: Document, file: TextIO) -> None:
    """Print the document for the terminal (120 columns when piped); Rich is imported here."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=file, width=None if file.isatty() else 120, highlight=False, markup=False
    )
    console.print(Text(document.title, style="bold"))
    for section in document.sections:
        console.print()
        console.print(Text(section.heading, style="bold underline"))
        for paragraph in section.paragraphs:
            console.print(Text(paragraph))
        if section.columns:
            table = Table(show_lines=False)
            for column in section.columns:
                table.add_column(column, overflow="fold")
            for row in section.rows:
                table.add_row(*(Text(cell) for cell in row))
            console.print(table)
        for bullet in section.bullets:
            console.print(Text(f"• {bullet}"))


def profile_markdown(profile: Profile, knowledge: Knowledge) -> str:
    """A country's profile as Markdown."""
    return to_markdown(profile_document(profile, knowledge))


def nearby_markdown(nearby: Nearby, knowledge: Knowledge) -> str:
    """A country's nearest countries as Markdown."""
    return to_markdown(nearby_document(nearby, knowledge))


def comparison_markdown(comparison: Comparison, knowledge: Knowledge) -> str:
    """A comparison as Markdown."""
    return to_markdown(comparison_document(comparison, knowledge))


def print_profile(profile: Profile, knowledge: Knowledge, file: TextIO) -> None:
    """A country's profile for the terminal."""
    print_document(profile_document(profile, knowledge), file)


def print_nearby(nearby: Nearby, knowledge: Knowledge, file: TextIO) -> None:
    """A country's nearest countries for the terminal."""
    print_document(nearby_document(nearby, knowledge), file)


def print_comparison(comparison: Comparison, knowledge: Knowledge, file: TextIO) -> None:
    """A comparison for the terminal."""
    print_document(comparison_document(comparison, knowledge), file)


# --- JSON ---------------------------------------------------------------------------------------


def _score_json(score: Score) -> dict[str, Any]:
    return {
        "year": score.year,
        "traditional_secular": score.traditional_secular,
        "survival_self_expression": score.survival_self_expression,
        "s025": score.s025,
        "s025_label": score.s025_label,
        "source": score.source,
    }


def point_json(p: Point) -> dict[str, Any]:
    """A country's point: who, which year and why, both scores, and the score's source."""
    return {
        "id": p.country.id,
        "iso3": p.country.iso3,
        "name": p.country.name,
        "zone": p.country.zone,
        "year": p.score.year,
        "basis": p.basis,
        "traditional_secular": p.score.traditional_secular,
        "survival_self_expression": p.score.survival_self_expression,
        "source": p.score.source,
    }


def _neighbour_json(rank: int, nb: Neighbour) -> dict[str, Any]:
    return {"rank": rank, **point_json(nb.point), "distance": nb.distance}


def _difference_json(diff: Difference) -> dict[str, Any]:
    return {"axis": diff.axis, "delta": diff.delta, "text": diff.text}


def _caveat_json(item: Guidance) -> dict[str, Any]:
    return {"id": item.id, "text": item.text, "sources": list(item.sources)}


def _distance_json() -> dict[str, Any]:
    return {
        "measure": "euclidean on traditional_secular and survival_self_expression, map units",
        "note": distance_note(),
    }


def profile_json(profile: Profile, knowledge: Knowledge) -> dict[str, Any]:
    """A country's profile as JSON-ready data; unknown values are null."""
    country = profile.country
    moved = profile.movement
    return {
        "schema_version": SCHEMA_VERSION,
        "country": {"id": country.id, "iso3": country.iso3, "name": country.name},
        "zone": {"id": profile.zone.id, "name": profile.zone.name} if profile.zone else None,
        "zone_source": country.zone_source,
        "map_2023": {
            "status": country.map_2023.status,
            "year": country.map_2023.year,
            "note": country.map_2023.note,
        },
        "point": point_json(profile.point),
        "path": [_score_json(p.score) for p in profile.path],
        "movement": {
            "from": country.scores[0].year,
            "to": country.latest.year,
            "differences": [_difference_json(d) for d in moved],
        }
        if moved
        else None,
        "readings": [
            {
                "axis": r.axis,
                "value": r.value,
                "side": r.side,
                "text": r.text,
                "pole": r.pole.name if r.pole else None,
                "meaning": r.pole.meaning if r.pole else None,
            }
            for r in profile.readings
        ],
        "distance": _distance_json(),
        "neighbours": [_neighbour_json(i, nb) for i, nb in enumerate(profile.neighbours, 1)],
        "caveats": [_caveat_json(c) for c in profile.caveats],
        "sources": {s: _citation(knowledge, s) for s in profile.sources},
    }


def nearby_json(nearby: Nearby, knowledge: Knowledge) -> dict[str, Any]:
    """A country's nearest countries as JSON-ready data, with the distances."""
    return {
        "schema_version": SCHEMA_VERSION,
        "origin": point_json(nearby.origin),
        "distance": _distance_json(),
        "neighbours": [_neighbour_json(i, nb) for i, nb in enumerate(nearby.neighbours, 1)],
        "caveats": [_caveat_json(c) for c in _nearby_caveats(knowledge)],
        "sources": {s: _citation(knowledge, s) for s in nearby_sources(nearby, knowledge)},
    }


def comparison_json(comparison: Comparison, knowledge: Knowledge) -> dict[str, Any]:
    """A comparison as JSON-ready data: the points, then every pair's deltas and distance."""
    return {
        "schema_version": SCHEMA_VERSION,
        "points": [point_json(p) for p in comparison.points],
        "distance": _distance_json(),
        "pairs": [
            {
                "first": pair.first.country.id,
                "second": pair.second.country.id,
                "delta_is": "second minus first",
                "differences": [_difference_json(d) for d in pair.differences],
                "distance": pair.distance,
            }
            for pair in comparison.pairs
        ],
        "caveats": [_caveat_json(averages_caveat(knowledge))],
        "sources": {s: _citation(knowledge, s) for s in comparison_sources(comparison, knowledge)},
    }
