"""A method ranking rendered for people and programs: a text table, Markdown and JSON data.

Pure functions over the ``Ranking`` that ``cxguide.logic.ranking.rank`` returns; nothing here
scores or reorders anything. ``top`` limits how many of the methods that are not ruled out are
shown; the rest are counted, and ruled-out methods are always listed with their reason.
"""

from __future__ import annotations

import re
from typing import Any

from cxguide.export.listing import Listing
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.logic.geo_notes import topic_label
from cxguide.logic.ranking import (
    ANSWER_FIELDS,
    TIE_STEP,
    W_CONTEXT,
    W_CULTURE_PENALTY,
    W_LEARN,
    W_PARTICIPANTS_PENALTY,
    W_PHASE,
    W_QUESTION,
    W_REMOTE_PENALTY,
    W_TIME_PENALTY,
    RankedMethod,
    Ranking,
    Reason,
    answer_label,
    choice_label,
    describe_model,
)

SCHEMA_VERSION = 1


def points_text(points: float) -> str:
    """Points with their sign ('+2.7', '-1.5'); zero reads '0'."""
    points = round(points, 2)
    return "0" if points == 0 else f"{points:+g}"


def shown(ranking: Ranking, top: int | None) -> tuple[RankedMethod, ...]:
    """The methods that are not ruled out, best first, at most ``top`` of them."""
    candidates = ranking.candidates
    return candidates if top is None else candidates[:top]


def not_shown(ranking: Ranking, top: int | None) -> tuple[RankedMethod, ...]:
    """The methods that are not ruled out but fall below ``top``."""
    return () if top is None else ranking.candidates[top:]


def reason_line(reason: Reason) -> str:
    """One reason in one line: points, the answer it comes from, the words, the fact, sources."""
    sources = ", ".join(reason.sources) if reason.sources else _("no source")
    verdict = _("rules it out") if reason.rules_out else points_text(reason.points)
    return _("{points} {answer}: {text} [{fact}; {sources}]").format(
        points=verdict,
        answer=answer_label(reason.answer),
        text=reason.text,
        fact=reason.fact,
        sources=sources,
    )


def ruled_out_summary(ranking: Ranking) -> str:
    """'N more ruled out: name (reason); ...' or '' when nothing is ruled out."""
    out = ranking.ruled_out
    if not out:
        return ""
    parts = "; ".join(
        f"{m.method.name} ({m.ruling.text})" if m.ruling else m.method.name for m in out
    )
    return ngettext(
        "{count} more ruled out: {methods}", "{count} more ruled out: {methods}", len(out)
    ).format(count=len(out), methods=parts)


def _answer_text(ranking: Ranking, name: str) -> str:
    if name == "country" and ranking.country is not None:
        return f"{ranking.country.name} ({ranking.country.iso3 or ranking.country.id})"
    return choice_label(name, getattr(ranking.answers, name))


def answers_lines(ranking: Ranking) -> list[str]:
    """Each question with the answer given, 'don't know' where none was."""
    return [f"{answer_label(name)}: {_answer_text(ranking, name)}" for name in ANSWER_FIELDS]


def country_note_lines(ranking: Ranking) -> list[str]:
    """The target market's notes about every method, one line each with why they apply."""
    return [
        _("{topic}: {advice} ({because}; {sources})").format(
            topic=topic_label(item.note.topic),
            advice=item.title,
            because=item.because,
            sources=", ".join(item.note.sources),
        )
        for item in ranking.country_notes
    ]


def country_notes_heading(ranking: Ranking) -> str:
    name = ranking.country.name if ranking.country else ""
    return _("Notes for research in {country} (every method)").format(country=name)


def _country_code(ranking: Ranking) -> str:
    country = ranking.country
    return (country.iso3 or country.id) if country else ""


def ranking_title(ranking: Ranking) -> str:
    return _("Research methods for your answers, {edition} edition ({count})").format(
        edition=ranking.edition, count=len(ranking.methods)
    )


def ranking_listing(ranking: Ranking, top: int | None = None) -> Listing:
    """The ranking as a table (rank, method, score, every reason) with notes under it."""
    rows = tuple(
        (
            str(m.rank),
            m.method.name,
            points_text(m.score),
            "\n".join(reason_line(r) for r in m.reasons) or _("no answers given: no reasons"),
        )
        for m in shown(ranking, top)
    )
    notes: list[str] = []
    hidden = not_shown(ranking, top)
    if hidden:
        notes.append(
            ngettext(
                "{count} more not shown (raise --top to see it).",
                "{count} more not shown (raise --top to see them).",
                len(hidden),
            ).format(count=len(hidden))
        )
    summary = ruled_out_summary(ranking)
    if summary:
        notes.append(summary)
    for pick in ranking.plan:
        notes.append(
            _("Plan: {method} for {covers}. {reason}").format(
                method=pick.method.name, covers=pick.covers, reason=pick.reason
            )
        )
    if ranking.plan_note:
        notes.append(_("Plan: {note}").format(note=ranking.plan_note))
    if ranking.country_notes:
        notes.append(country_notes_heading(ranking) + ":")
        notes.extend("  " + line for line in country_note_lines(ranking))
        notes.append(
            _("Full notes: cxguide notes {country}.").format(country=_country_code(ranking))
        )
    notes.append(_("Your answers: {answers}.").format(answers="; ".join(answers_lines(ranking))))
    notes.append(_("How the score is made: cxguide recommend --help."))
    return Listing(
        title=ranking_title(ranking),
        columns=(_("Rank"), _("Method"), _("Score"), _("Reasons")),
        rows=rows,
        notes=tuple(notes),
    )


def sources_used(ranking: Ranking, top: int | None = None) -> tuple[str, ...]:
    """Every source id the shown reasons, the ruled-out reasons and the plan rest on."""
    seen: dict[str, None] = {}
    for item in (*shown(ranking, top), *ranking.ruled_out):
        for reason in item.reasons:
            seen.update(dict.fromkeys(reason.sources))
    for applied in ranking.country_notes:
        seen.update(dict.fromkeys(applied.note.sources))
    for pick in ranking.plan:
        for position in (pick.method.attitudinal_behavioral, pick.method.qual_quant):
            if position is not None:
                seen[position.source] = None
    return tuple(seen)


def citation(knowledge: Knowledge, source_id: str) -> str:
    """The full citation of a source id ('unknown' parts shown as such)."""
    source = knowledge.sources.get(source_id)
    if source is None:
        return _("not in the knowledge files")
    return source.citation(unknown=_("unknown"))


_MARKUP = re.compile(r"[\\`*\[\]<>|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def _md(text: str) -> str:
    """Text safe inside Markdown, on one line: characters that would start markup are escaped.

    An underscore inside a word (``in_person_only``, a URL's path) starts no emphasis and is
    kept as it is, so links stay whole.
    """
    return _MARKUP.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))


def _md_reason(reason: Reason) -> str:
    verdict = _("rules it out") if reason.rules_out else points_text(reason.points)
    sources = ", ".join(f"`{s}`" for s in reason.sources) if reason.sources else _("no source")
    return _("- **{points}** {answer}: {text} — {fact} ({sources})").format(
        points=_md(verdict),
        answer=_md(answer_label(reason.answer)),
        text=_md(reason.text),
        fact=_md(reason.fact),
        sources=sources,
    )


def ranking_markdown(ranking: Ranking, knowledge: Knowledge, top: int | None = None) -> str:
    """The ranking as Markdown: table, reasons, ruled out, plan, the model and the sources."""
    lines = [f"# {_md(ranking_title(ranking))}", "", "## " + _md(_("Your answers")), ""]
    lines.extend(f"- {_md(line)}" for line in answers_lines(ranking))
    lines += ["", "## " + _md(_("Ranking")), ""]
    visible = shown(ranking, top)
    if visible:
        columns = (_("Rank"), _("Method"), _("Score"), _("Strongest reason"))
        lines.append("| " + " | ".join(_md(c) for c in columns) + " |")
        lines.append("|---:|---|---:|---|")
        for item in visible:
            strongest = max(item.reasons, key=lambda r: abs(r.points), default=None)
            lines.append(
                f"| {item.rank} | {_md(item.method.name)} | {_md(points_text(item.score))} | "
                f"{_md(strongest.text) if strongest else ''} |"
            )
    else:
        lines.append(_md(_("Every method is ruled out by your answers.")))
    hidden = not_shown(ranking, top)
    notes = []
    if hidden:
        notes.append(
            ngettext(
                "{count} more not shown (raise --top to see it).",
                "{count} more not shown (raise --top to see them).",
                len(hidden),
            ).format(count=len(hidden))
        )
    if ranking.ruled_out:
        notes.append(ruled_out_summary(ranking))
    if notes:
        lines.append("")
        lines.extend(f"- {_md(note)}" for note in notes)
    lines += ["", "## " + _md(_("Why each method is placed"))]
    for item in visible:
        lines += ["", f"### {item.rank}. {_md(item.method.name)} ({_md(points_text(item.score))})"]
        lines.append("")
        lines.extend(_md_reason(r) for r in item.reasons)
        if not item.reasons:
            lines.append(_md(_("No answers given: no reasons.")))
    if ranking.ruled_out:
        lines += ["", "## " + _md(_("Ruled out")), ""]
        for item in ranking.ruled_out:
            lines.append(f"- **{_md(item.method.name)}**")
            lines.extend("  " + _md_reason(r) for r in item.reasons if r.rules_out)
    if ranking.plan or ranking.plan_note:
        lines += ["", "## " + _md(_("Plan")), ""]
        for number, pick in enumerate(ranking.plan, start=1):
            lines.append(
                f"{number}. **{_md(pick.method.name)}** — {_md(pick.covers)}. {_md(pick.reason)}"
            )
        if ranking.plan_note:
            if ranking.plan:
                lines.append("")
            lines.append(_md(ranking.plan_note))
    if ranking.country_notes:
        lines += ["", f"## {_md(country_notes_heading(ranking))}", ""]
        lines.extend(f"- {_md(line)}" for line in country_note_lines(ranking))
    lines += ["", "## " + _md(_("How the score is made")), ""]
    for line in describe_model().splitlines():
        line = line.removeprefix("• ")
        lines.append(f"- {_md(line)}")
    used = sources_used(ranking, top)
    if used:
        lines += ["", "## " + _md(_("Sources")), ""]
        lines.extend(f"- `{s}`: {_md(citation(knowledge, s))}" for s in used)
    return "\n".join(lines) + "\n"


def _reason_json(reason: Reason) -> dict[str, Any]:
    return {
        "answer": reason.answer,
        "points": reason.points,
        "text": reason.text,
        "fact": reason.fact,
        "sources": list(reason.sources),
        "rules_out": reason.rules_out,
        "unknown": reason.unknown,
    }


def _method_json(item: RankedMethod) -> dict[str, Any]:
    return {
        "rank": item.rank,
        "id": item.method.id,
        "name": item.method.name,
        "score": item.score,
        "ruled_out": item.ruled_out,
        "reasons": [_reason_json(r) for r in item.reasons],
    }


def _answers_json(ranking: Ranking) -> dict[str, Any]:
    return {name: getattr(ranking.answers, name) for name in ANSWER_FIELDS}


def ranking_json(ranking: Ranking, knowledge: Knowledge, top: int | None = None) -> dict[str, Any]:
    """The ranking as JSON-ready data; unanswered questions and unknown values are null."""
    visible = shown(ranking, top)
    hidden = not_shown(ranking, top)
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": ranking.edition,
        "answers": _answers_json(ranking),
        "top": top,
        "counts": {
            "methods": len(ranking.methods),
            "ruled_out": len(ranking.ruled_out),
            "shown": len(visible),
            "not_shown": len(hidden),
        },
        "methods": [_method_json(m) for m in (*visible, *ranking.ruled_out)],
        "not_shown": [
            {"rank": m.rank, "id": m.method.id, "name": m.method.name, "score": m.score}
            for m in hidden
        ],
        "plan": [
            {
                "method": p.method.id,
                "name": p.method.name,
                "covers": p.covers,
                "reason": p.reason,
            }
            for p in ranking.plan
        ],
        "plan_uncovered": list(ranking.uncovered),
        "country": {"id": ranking.country.id, "name": ranking.country.name}
        if ranking.country
        else None,
        "country_notes": [
            {
                "id": item.note.id,
                "topic": item.note.topic,
                "title": item.title,
                "because": item.because,
                "sources": list(item.note.sources),
            }
            for item in ranking.country_notes
        ],
        "plan_note": ranking.plan_note or None,
        "model": {
            "description": describe_model(),
            "weights": _weights(),
        },
        "sources": {s: citation(knowledge, s) for s in sources_used(ranking, top)},
    }


def _weights() -> dict[str, float]:
    return {
        "learn": W_LEARN,
        "question": W_QUESTION,
        "context": W_CONTEXT,
        "phase": W_PHASE,
        "remote_penalty": W_REMOTE_PENALTY,
        "participants_penalty": W_PARTICIPANTS_PENALTY,
        "culture_penalty": W_CULTURE_PENALTY,
        "time_penalty": W_TIME_PENALTY,
        "tie_step": TIE_STEP,
    }
