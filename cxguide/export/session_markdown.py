"""A workshop session as a Markdown report for the client.

The session's name and dates, the question (the answers in plain words), the methods ranked
for it with their reasons, the plan, the countries (point and survey year, zone, nearest
countries, differences), the notes taken, and every source in full. The ranking is recomputed
from the answers (``session_ranking``); wording comes from ``cxguide.export.ranking`` and
``cxguide.export.culture``. Everything, and above all what the user typed, is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from cxguide.export.culture import basis_text, distance_note, distance_text, score_text
from cxguide.export.escape import md_inline, md_lines, md_span
from cxguide.export.listing import unknown
from cxguide.export.ranking import (
    answers_lines,
    citation,
    points_text,
    reason_line,
    ruled_out_summary,
    sources_used,
)
from cxguide.export.session_json import SessionCountry, session_countries, session_ranking
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.logic.culture import comparison
from cxguide.logic.limits import COMPARE_MAX
from cxguide.logic.ranking import ANSWER_FIELDS, Ranking
from cxguide.session.model import Session, timestamp_text

REASONS_FOR = 5  # how many of the best methods have their every reason listed


def _when(session_time: str) -> str:
    """'2024-05-01T09:30:00Z' as '2024-05-01 09:30 UTC'."""
    return _("{date} {time} UTC").format(date=session_time[:10], time=session_time[11:16])


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A Markdown table; every cell escaped."""
    rule = align or "|" + "|".join("---" for _c in columns) + "|"
    lines = ["| " + " | ".join(md_span(c) for c in columns) + " |", rule]
    lines.extend("| " + " | ".join(md_span(v) for v in row) + " |" for row in rows)
    return lines


def _header(session: Session) -> list[str]:
    created, updated = timestamp_text(session.created), timestamp_text(session.updated)
    facts = _(
        "Workshop session {id}, created {created}, last changed {updated}. "
        "Landscape of research methods: the {edition} edition."
    ).format(id=session.id, created=_when(created), updated=_when(updated), edition=session.edition)
    method = _(
        "The ranking and the plan are worked out from the session's answers when this report "
        "is made, from cxguide's cited knowledge; every fact names its source below."
    )
    return [f"# {md_span(session.name)}", "", md_inline(facts), "", md_inline(method)]


def _question(session: Session, ranking: Ranking, knowledge: Knowledge) -> list[str]:
    lines = ["", "## " + md_span(_("The question")), ""]
    lines.extend(f"- {md_inline(line)}" for line in answers_lines(ranking))
    market = session.answers.country
    if market is not None and "country" not in ANSWER_FIELDS:
        country = knowledge.country(market)
        where = f"{country.name} ({market})" if country else market
        lines.append("- " + md_inline(_("Target market")) + f": {md_span(where)}")
    return lines


def _methods(ranking: Ranking) -> list[str]:
    lines = ["", "## " + md_span(_("Methods ranked for this question")), ""]
    candidates = ranking.candidates
    if not candidates:
        lines.append(md_inline(_("Every method is ruled out by the answers.")))
    else:
        rows = []
        for item in candidates:
            strongest = max(item.reasons, key=lambda r: abs(r.points), default=None)
            rows.append(
                (
                    str(item.rank),
                    item.method.name,
                    points_text(item.score),
                    strongest.text if strongest else _("no answers given: no reasons"),
                )
            )
        columns = (_("Rank"), _("Method"), _("Score"), _("Strongest reason"))
        lines += _table(columns, rows, "|---:|---|---:|---|")
    if ranking.ruled_out:
        lines += ["", md_inline(ruled_out_summary(ranking))]
    for item in candidates[:REASONS_FOR]:
        title = f"{item.rank}. {item.method.name} ({points_text(item.score)})"
        lines += ["", f"### {md_span(title)}", ""]
        lines.extend(f"- {md_inline(reason_line(r))}" for r in item.reasons)
        if not item.reasons:
            lines.append(md_inline(_("No answers given: no reasons.")))
    if ranking.plan or ranking.plan_note:
        lines += ["", "## " + md_span(_("Plan")), ""]
        for number, pick in enumerate(ranking.plan, start=1):
            text = _("{method} — {covers}. {reason}").format(
                method=pick.method.name, covers=pick.covers, reason=pick.reason
            )
            lines.append(f"{number}. {md_inline(text)}")
        if ranking.plan_note:
            lines += ["", md_inline(ranking.plan_note)]
    return lines


def _zone(knowledge: Knowledge, zone_id: str | None) -> str:
    zone = knowledge.zone(zone_id)
    return zone.name if zone else unknown()


def _countries(countries: tuple[SessionCountry, ...], knowledge: Knowledge) -> list[str]:
    if not countries:
        return []
    lines = ["", "## " + md_span(_("Countries on the cultural map")), ""]
    rows = []
    missing = []
    for item in countries:
        if item.profile is None:
            missing.append(item.id)
            continue
        p = item.profile.point
        rows.append(
            (
                p.country.name,
                p.country.iso3 or p.country.id,
                _zone(knowledge, p.country.zone),
                basis_text(p),
                score_text(p.y),
                score_text(p.x),
            )
        )
    if rows:
        columns = (
            _("Country"),
            _("Code"),
            _("Zone"),
            _("Survey year"),
            _("Traditional (-) ↔ secular (+)"),
            _("Survival (-) ↔ self-expression (+)"),
        )
        lines += _table(columns, rows)
    for country_id in missing:
        lines += [
            "",
            md_inline(
                _("{id}: not in the knowledge files, so nothing is shown for it.").format(
                    id=country_id
                )
            ),
        ]
    profiles = [c.profile for c in countries if c.profile is not None]
    if profiles:
        lines += ["", "### " + md_span(_("Nearest countries")), "", md_inline(distance_note())]
        lines.append("")
        for found in profiles:
            near = ", ".join(
                f"{nb.point.country.name} ({distance_text(nb.distance)})" for nb in found.neighbours
            )
            line = _("{country}: {near}").format(country=found.country.name, near=near)
            lines.append(f"- {md_inline(line)}")
    if len(profiles) >= 2:
        compared = profiles[:COMPARE_MAX]
        lines += ["", "### " + md_span(_("Differences")), ""]
        if len(profiles) > COMPARE_MAX:
            lines += [
                md_inline(_("The first {count} countries are compared.").format(count=COMPARE_MAX)),
                "",
            ]
        for pair in comparison(p.point for p in compared).pairs:
            text = _("{second} and {first}: {text_ts} {text_sse} Distance: {distance}.").format(
                second=pair.second.country.name,
                first=pair.first.country.name,
                text_ts=pair.differences[0].text,
                text_sse=pair.differences[1].text,
                distance=distance_text(pair.distance),
            )
            lines.append(f"- {md_inline(text)}")
    return lines


def _notes(session: Session) -> list[str]:
    if not session.notes:
        return []
    heading = ngettext("Note from the workshop", "Notes from the workshop", len(session.notes))
    lines = ["", f"## {md_span(heading)}", ""]
    for note in session.notes:
        text = md_lines(note.text)
        stamp = md_span(_when(timestamp_text(note.created)))
        lines.append(f"- **{stamp}** — " + "\\\n  ".join(text))
    return lines


def _sources(
    ranking: Ranking, countries: tuple[SessionCountry, ...], knowledge: Knowledge
) -> list[str]:
    used: dict[str, None] = dict.fromkeys(sources_used(ranking, REASONS_FOR))
    for item in ranking.candidates:
        used.update(dict.fromkeys(s for r in item.reasons for s in r.sources))
    for country in countries:
        if country.profile is not None:
            used.update(dict.fromkeys(country.profile.sources))
    if not used:
        return []
    lines = ["", "## " + md_span(_("Sources")), ""]
    lines.extend(f"- {md_inline(s)}: {md_span(citation(knowledge, s))}" for s in used)
    return lines


def session_markdown(session: Session, knowledge: Knowledge) -> str:
    """The session as a Markdown report; the ranking is recomputed from its answers."""
    ranking = session_ranking(session, knowledge)
    countries = session_countries(session, knowledge)
    lines = _header(session)
    lines += _question(session, ranking, knowledge)
    lines += _methods(ranking)
    lines += _countries(countries, knowledge)
    lines += _notes(session)
    lines += _sources(ranking, countries, knowledge)
    return "\n".join(lines) + "\n"
