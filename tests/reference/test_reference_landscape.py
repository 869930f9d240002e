"""The loaded landscape (poles, contexts, phases) matches rohrer_methods.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from cxguide.knowledge.models import Knowledge, LandscapeDimension

# Which chart_labels key of the reference names each pole (negative pole first).
POLE_LABEL_KEYS = {
    "attitudinal_behavioral": ("bottom", "top"),
    "qual_quant": ("left", "right"),
}


def _dimension(knowledge: Knowledge, dimension_id: str) -> LandscapeDimension:
    return next(d for d in knowledge.landscape.dimensions if d.id == dimension_id)


def test_dimensions_are_the_two_chart_axes(knowledge: Knowledge) -> None:
    assert [d.id for d in knowledge.landscape.dimensions] == list(POLE_LABEL_KEYS)


@pytest.mark.parametrize("dimension_id", list(POLE_LABEL_KEYS))
def test_pole_chart_labels_match_reference(
    knowledge: Knowledge, rohrer: dict[str, Any], dimension_id: str
) -> None:
    dimension = _dimension(knowledge, dimension_id)
    labels = rohrer["dimensions"][dimension_id]["chart_labels"]
    negative_key, positive_key = POLE_LABEL_KEYS[dimension_id]
    assert dimension.negative_pole.chart_label == labels[negative_key]
    assert dimension.positive_pole.chart_label == labels[positive_key]
    # The pole ids are the reference's pole names.
    assert {dimension.negative_pole.id, dimension.positive_pole.id} == set(
        rohrer["dimensions"][dimension_id]["poles"]
    )


def test_pole_answers_are_the_questions_chart_axis_ends(
    knowledge: Knowledge, rohrer: dict[str, Any]
) -> None:
    axis_ends = rohrer["questions"]["axis_ends"]
    answers = {
        pole.id: pole.answers
        for dimension in knowledge.landscape.dimensions
        for pole in (dimension.negative_pole, dimension.positive_pole)
    }
    assert answers == axis_ends
    assert answers == {
        "attitudinal": "What people say",
        "behavioral": "What people do",
        "qualitative": "Why & how to fix",
        "quantitative": "How many & how much",
    }


def test_context_chart_labels_match_reference_keys(
    knowledge: Knowledge, rohrer: dict[str, Any]
) -> None:
    context_of_use = rohrer["dimensions"]["context_of_use"]
    key_2014 = {k: v["label"] for k, v in context_of_use["chart_key_2014"].items() if k != "source"}
    key_2022 = {
        k: v for k, v in context_of_use["chart_key_2022"].items() if k not in ("note", "sources")
    }
    contexts = {c.id: c for c in knowledge.landscape.contexts}
    assert {c for c, ctx in contexts.items() if "2014" in ctx.editions} == set(key_2014)
    assert {c for c, ctx in contexts.items() if "2022" in ctx.editions} == set(key_2022)
    for context_id, context in contexts.items():
        # The built-in label is the 2014 key's text; a context new in 2022 uses the 2022 key's.
        expected = key_2014.get(context_id, key_2022.get(context_id))
        assert context.chart_label == expected, context_id


def test_2014_phases_match_reference(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    rows = rohrer["phases"]["table_2008_2014"]["rows"]
    phases = [p for p in knowledge.landscape.phases if p.edition == "2014"]
    assert [(p.id, p.name, p.goal) for p in phases] == [
        (r["id"], r["name"], r["goal"]) for r in rows
    ]
    assert [p.approach for p in phases] == [r["approach"] for r in rows]


def test_2022_phases_match_reference(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    rows = rohrer["phases"]["ed2022"]["rows"]
    phases = [p for p in knowledge.landscape.phases if p.edition == "2022"]
    assert [(p.id, p.name, p.goal) for p in phases] == [
        (r["id"], r["name"], r["goal"]) for r in rows
    ]
    # The data writes the research type capitalised ("Generative").
    assert [(p.approach or "").casefold() for p in phases] == [r["research_type"] for r in rows]


def test_guidance_ids_come_from_reference(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    # Guidance the reference marks as not citable (no sources) must not be in the knowledge.
    reference = {g["id"]: g for g in rohrer["guidance"]}
    for guidance in knowledge.landscape.guidance:
        assert guidance.id in reference
        assert reference[guidance.id]["sources"], guidance.id
        assert guidance.sources
