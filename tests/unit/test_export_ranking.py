"""The ranking's text table, Markdown and JSON: they render the Ranking as it is, nothing more.

Scores and orders used here are worked out in tests/unit/test_ranking.py (case 2: say + why +
nothing in hand + strategize); these tests check only how they are laid out.
"""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from cxguide.export.ranking import (
    SCHEMA_VERSION,
    citation,
    points_text,
    ranking_json,
    ranking_listing,
    ranking_markdown,
    reason_line,
    ruled_out_summary,
    sources_used,
)
from cxguide.knowledge.models import Knowledge
from cxguide.logic.ranking import Answers, Ranking, Reason, describe_model, rank

CASE_2 = Answers(learn="say", question="why", have="nothing", phase="strategize")


@pytest.fixture(scope="module")
def case_2(knowledge: Knowledge) -> Ranking:
    return rank(knowledge, CASE_2)


@pytest.mark.parametrize(
    ("points", "text"),
    [(2.7, "+2.7"), (-1.5, "-1.5"), (0.0, "0"), (7.0, "+7"), (0.004, "0"), (-0.3, "-0.3")],
)
def test_points_text(points: float, text: str) -> None:
    assert points_text(points) == text


def test_reason_line() -> None:
    reason = Reason("learn", 2.7, "Close.", "measured position -0.91 on say–do", ("chart2014",))
    assert reason_line(reason) == (
        "+2.7 What you need to learn: Close. [measured position -0.91 on say–do; chart2014]"
    )
    ruling = Reason("have", 0.0, "Needs more.", "needs: live_product", (), rules_out=True)
    assert reason_line(ruling) == (
        "rules it out What you have: Needs more. [needs: live_product; no source]"
    )


# --- text table ---------------------------------------------------------------------------------


def test_listing_rows_are_the_top_methods_with_every_reason(case_2: Ranking) -> None:
    listing = ranking_listing(case_2, top=3)
    assert listing.title == "Research methods for your answers, 2014 edition (20)"
    assert listing.columns == ("Rank", "Method", "Score", "Reasons")
    assert [row[:3] for row in listing.rows] == [
        ("1", "Focus Groups", "+5.8"),
        ("2", "Interviews", "+5.1"),
        ("3", "Ethnographic Field Studies", "+3.7"),
    ]
    interviews = listing.rows[1][3].splitlines()
    assert [line.split(" ", 1)[0] for line in interviews] == ["+2.7", "+2.4", "0", "0"]
    assert interviews[2] == (
        "0 Product phase: The phase table does not name this method, so this answer moves "
        "nothing. [phase unknown; no source]"
    )


def test_listing_notes_count_what_is_not_shown(case_2: Ranking) -> None:
    notes = ranking_listing(case_2, top=3).notes
    assert notes[0] == "4 more not shown (raise --top to see them)."
    assert notes[1].startswith(
        "13 more ruled out: Concept Testing (Needs at least a concept or design; you said you "
        "have nothing yet.); Desirability Studies (Needs at least a concept or design; "
    )
    assert notes[1] == ruled_out_summary(case_2)
    assert notes[-2].startswith("Your answers: What you need to learn: what people say; ")
    assert "Context you can offer: don't know / no preference" in notes[-2]
    assert notes[-1] == "How the score is made: cxguide recommend --help."


def test_listing_without_top_shows_every_method_not_ruled_out(case_2: Ranking) -> None:
    listing = ranking_listing(case_2)
    assert len(listing.rows) == 7
    assert not any("not shown" in n for n in listing.notes)


def test_listing_shows_the_plan(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers(learn="both", question="why", have="nothing"))
    plan_notes = [n for n in ranking_listing(ranking).notes if n.startswith("Plan: ")]
    assert plan_notes == [
        f"Plan: Interviews for what people say + why & how to fix. {ranking.plan[0].reason}",
        "Plan: Ethnographic Field Studies for what people do + why & how to fix. "
        f"{ranking.plan[1].reason}",
    ]


# --- Markdown -----------------------------------------------------------------------------------


def _headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("#")]


def test_markdown_sections_in_order(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, dataclasses.replace(CASE_2, question="both"))
    markdown = ranking_markdown(ranking, knowledge, top=2)
    first, second = (m.method.name for m in ranking.candidates[:2])
    assert _headings(markdown) == [
        "# Research methods for your answers, 2014 edition (20)",
        "## Your answers",
        "## Ranking",
        "## Why each method is placed",
        f"### 1. {first} ({points_text(ranking.methods[0].score)})",
        f"### 2. {second} ({points_text(ranking.methods[1].score)})",
        "## Ruled out",
        "## Plan",
        "## How the score is made",
        "## Sources",
    ]
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_markdown_table_reasons_and_ruled_out(case_2: Ranking, knowledge: Knowledge) -> None:
    markdown = ranking_markdown(case_2, knowledge, top=2)
    lines = markdown.splitlines()
    assert "| Rank | Method | Score | Strongest reason |" in lines
    assert "|---:|---|---:|---|" in lines
    assert (
        "| 1 | Focus Groups | +5.8 | Close to what people say: 0.2 away on the say–do axis. |"
        in (lines)
    )
    assert "- 5 more not shown (raise --top to see them)." in lines
    assert (
        "- **+2.7** What you need to learn: Close to what people say: 0.1 away on the say–do "
        "axis. — measured position -0.91 on say–do (`chart2014`)"
    ) in lines
    ruled = lines[lines.index("## Ruled out") + 2 :]
    assert ruled[0] == "- **Concept Testing**"
    assert ruled[1].startswith(
        "  - **rules it out** What you have: Needs at least a concept or design; you said you "
        "have nothing yet. — needs: a concept or a design ("
    )
    assert "## Plan" not in lines  # say + why asks for no plan


def test_markdown_explains_the_model(case_2: Ranking, knowledge: Knowledge) -> None:
    markdown = ranking_markdown(case_2, knowledge)
    section = markdown.split("## How the score is made\n\n", 1)[1].split("\n\n## ", 1)[0]
    model_lines = describe_model().splitlines()
    assert len(section.splitlines()) == len(model_lines)
    assert section.splitlines()[0] == "- " + model_lines[0]


def test_markdown_sources_list_every_id_used_with_its_citation(
    case_2: Ranking, knowledge: Knowledge
) -> None:
    markdown = ranking_markdown(case_2, knowledge, top=3)
    section = markdown.split("## Sources\n\n", 1)[1].splitlines()
    used = sources_used(case_2, top=3)
    assert used[:3] == ("chart2014", "suodenjoki2008", "quizGoals")
    assert len(section) == len(used)
    for line, source_id in zip(section, used, strict=True):
        unescaped = re.sub(r"\\(.)", r"\1", line)
        assert unescaped == f"- `{source_id}`: {citation(knowledge, source_id)}"
    # Every source a shown or ruled-out reason names (in backticks) is in the list.
    cited = set(re.findall(r"`([^`]+)`", markdown.split("## How the score is made")[0]))
    assert cited == set(used)


def test_markdown_escapes_data(case_2: Ranking, knowledge: Knowledge) -> None:
    first = case_2.methods[0]
    odd = dataclasses.replace(first.method, name="Pipe | *star* _lead [x](y) <b> snake_case")
    ranking = dataclasses.replace(
        case_2, methods=(dataclasses.replace(first, method=odd), *case_2.methods[1:])
    )
    markdown = ranking_markdown(ranking, knowledge, top=1)
    escaped = r"Pipe \| \*star\* \_lead \[x\](y) \<b\> snake_case"
    assert f"| 1 | {escaped} | +5.8 |" in markdown
    assert f"### 1. {escaped} (+5.8)" in markdown


def test_unknown_source_reads_plainly(knowledge: Knowledge) -> None:
    assert citation(knowledge, "no-such-source") == "not in the knowledge files"
    assert citation(knowledge, "chart2014") == knowledge.sources["chart2014"].citation()


# --- JSON ---------------------------------------------------------------------------------------


def test_json_carries_every_reason(case_2: Ranking, knowledge: Knowledge) -> None:
    data = ranking_json(case_2, knowledge, top=3)
    assert json.loads(json.dumps(data)) == data
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["edition"] == "2014"
    assert data["answers"] == {
        "learn": "say",
        "question": "why",
        "context": None,
        "phase": "strategize",
        "remote_only": None,
        "time": None,
        "have": "nothing",
        "participants": None,
        "country": None,
    }
    assert data["top"] == 3
    assert data["counts"] == {"methods": 20, "ruled_out": 13, "shown": 3, "not_shown": 4}
    assert [m["id"] for m in data["methods"][:3]] == [
        "focus-groups",
        "interviews",
        "ethnographic-field-studies",
    ]
    assert len(data["methods"]) == 16  # 3 shown + all 13 ruled out
    assert [m["id"] for m in data["not_shown"]] == [
        "participatory-design",
        "diary-camera-studies",
        "card-sorting",
        "email-surveys",
    ]
    every = {m["id"] for m in data["methods"]} | {m["id"] for m in data["not_shown"]}
    assert len(every) == 20  # nothing silently dropped
    interviews = data["methods"][1]
    assert interviews["rank"] == 2 and interviews["score"] == 5.1
    assert interviews["reasons"][0] == {
        "answer": "learn",
        "points": 2.7,
        "text": "Close to what people say: 0.1 away on the say–do axis.",
        "fact": "measured position -0.91 on say–do",
        "sources": ["chart2014"],
        "rules_out": False,
        "unknown": False,
    }
    concept = next(m for m in data["methods"] if m["id"] == "concept-testing")
    assert concept["ruled_out"] is True
    assert [r["rules_out"] for r in concept["reasons"]] == [False, False, False, True]


def test_json_sources_plan_and_model(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers(learn="both", question="both", remote_only=True))
    data = ranking_json(ranking, knowledge)
    assert [p["method"] for p in data["plan"]] == [p.method.id for p in ranking.plan]
    assert data["plan"][0] == {
        "method": ranking.plan[0].method.id,
        "name": ranking.plan[0].method.name,
        "covers": "what people say + why & how to fix",
        "reason": ranking.plan[0].reason,
    }
    assert data["plan_uncovered"] == list(ranking.uncovered)
    assert data["plan_note"] == (ranking.plan_note or None)
    used = {s for m in data["methods"] for r in m["reasons"] for s in r["sources"]}
    assert used <= set(data["sources"])
    assert data["sources"]["chart2014"] == knowledge.sources["chart2014"].citation()
    assert data["model"]["description"] == describe_model()
    assert data["model"]["weights"]["learn"] == 3.0


def test_json_2022_plan_note(knowledge: Knowledge) -> None:
    data = ranking_json(rank(knowledge, Answers(learn="both"), "2022"), knowledge)
    assert data["plan"] == []
    assert data["plan_uncovered"] == ["what people say", "what people do"]
    assert data["plan_note"].startswith("The 2022 chart's positions were never measured")
