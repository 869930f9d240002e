"""data/practicalities.yaml and data/cards_18f.yaml against their references: nothing drifts.

Text written in cxguide's own words (strengths, limitations, notes, summaries, match notes) is
not compared; every value, unit, condition, count, time, basis, source list and match is.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from cxguide.knowledge.models import Fact, Knowledge
from tests.reference.conftest import reference_file

FACT_KINDS = ("typical_participants", "remote", "needs_product", "duration_effort", "relative_cost")


@pytest.fixture(scope="module")
def practicalities_ref() -> dict[str, Any]:
    with reference_file("method_practicalities.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def cards_ref() -> dict[str, Any]:
    with reference_file("methods_18f.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def _fact_tuple(fact: Fact) -> tuple[Any, ...]:
    return (fact.value, fact.unit, fact.condition, fact.numeric, fact.basis, fact.sources)


def _ref_fact_tuple(record: dict[str, Any]) -> tuple[Any, ...]:
    return (
        str(record["value"]),
        record.get("unit"),
        record.get("condition"),
        bool(record.get("numeric", True)),
        record.get("basis", "source-stated"),
        tuple(record["sources"]),
    )


def test_every_reference_method_has_its_practicalities(
    knowledge: Knowledge, practicalities_ref: dict[str, Any]
) -> None:
    assert list(knowledge.practicalities) == list(practicalities_ref["methods"])


def test_practical_facts_equal_the_reference(
    knowledge: Knowledge, practicalities_ref: dict[str, Any]
) -> None:
    for method_id, ref in practicalities_ref["methods"].items():
        ours = knowledge.practicalities[method_id]
        for kind in FACT_KINDS:
            expected = [_ref_fact_tuple(r) for r in ref.get(kind) or ()]
            assert [_fact_tuple(f) for f in getattr(ours, kind)] == expected, (method_id, kind)
        assert [f.value for f in ours.other_names] == [
            str(r["value"]) for r in ref.get("other_names") or ()
        ], method_id
        for kind in ("strengths", "limitations"):
            expected_sources = [tuple(r["sources"]) for r in ref.get(kind) or ()]
            assert [t.sources for t in getattr(ours, kind)] == expected_sources, (method_id, kind)
        assert list(ours.unknown) == list(ref.get("unknown") or []), method_id
        editions = tuple(e.removeprefix("ed") for e in ref["editions"])
        assert ours.editions == editions, method_id


def test_every_18f_card_is_there_in_order(knowledge: Knowledge, cards_ref: dict[str, Any]) -> None:
    assert [c.id for c in knowledge.cards_18f] == [c["id"] for c in cards_ref["cards"]]
    assert len(knowledge.cards_18f) == 43


def test_18f_card_facts_equal_the_reference(
    knowledge: Knowledge, cards_ref: dict[str, Any]
) -> None:
    ours = {c.id: c for c in knowledge.cards_18f}
    for ref in cards_ref["cards"]:
        card = ours[ref["id"]]
        assert (card.name, card.category, card.status, card.kind) == (
            ref["name"],
            ref["category"],
            ref["status"],
            ref["kind"],
        )
        assert card.time_required == ref.get("time_required")
        parsed = ref.get("time_parsed")
        if card.time_parsed is not None:
            assert parsed is not None
            assert (card.time_parsed.low, card.time_parsed.high, card.time_parsed.unit) == (
                parsed["low"],
                parsed["high"],
                parsed["unit"],
            ), ref["id"]
        matches = ref.get("rohrer_ids") or {}
        assert list(card.rohrer_2014) == list(matches.get("ed2014") or []), ref["id"]
        assert list(card.rohrer_2022) == list(matches.get("ed2022") or []), ref["id"]
        assert [need for need, _evidence in card.needs] == [
            n["need"] for n in ref.get("needs") or ()
        ], ref["id"]
        assert card.path in ref["source"], ref["id"]


def test_18f_time_left_out_only_where_the_reference_has_no_plain_figures(
    knowledge: Knowledge, cards_ref: dict[str, Any]
) -> None:
    # These cards state times the format cannot hold as two numbers (a missing lower figure, an
    # approximate or ongoing or open-ended time, a structured elapsed time, a second time "plus");
    # they keep their time_required text and count as "unknown" in the finder.
    with_ref_time = {c["id"] for c in cards_ref["cards"] if c.get("time_parsed")}
    left_out = {c.id for c in knowledge.cards_18f if c.time_parsed is None} & with_ref_time
    assert left_out == {
        "five-whys",
        "stakeholder-influence-mapping",
        "design-principles",
        "design-pattern-library",
        "qualitative-data-analysis",
        "multivariate-testing",
        "visual-preference-testing",
    }
