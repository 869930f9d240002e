"""The loaded methods match rohrer_methods.yaml, field by field, so data/ cannot drift."""

from __future__ import annotations

from typing import Any

import pytest

from cxguide.knowledge.models import Edition, Knowledge, Method, Position

METHODS_PER_EDITION = 20


def _as_list(value: Any) -> list[str]:
    """A reference value that may be null, one id, or a list of ids, as a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _by_id(methods: tuple[Method, ...]) -> dict[str, Method]:
    return {m.id: m for m in methods}


def _check_position(
    position: Position | None, ref: dict[str, Any], chart_source: str, where: str
) -> None:
    assert position is not None, where
    assert position.value == pytest.approx(float(ref["position"]), abs=1e-9), where
    ref_span = ref.get("span")
    if ref_span is None:
        assert position.span is None, where
    else:
        assert position.span is not None, where
        expected = [float(v) for v in ref_span]
        assert list(position.span) == pytest.approx(expected, abs=1e-9), where
    # The reference marks every 2014 position as measured on the 2014 chart.
    assert ref["basis"] == "chart-measured", where
    assert position.source == chart_source, where


def test_each_edition_has_twenty_methods(knowledge: Knowledge) -> None:
    assert len(knowledge.methods_of("2014")) == METHODS_PER_EDITION
    assert len(knowledge.methods_of("2022")) == METHODS_PER_EDITION
    assert len(knowledge.methods) == 2 * METHODS_PER_EDITION


@pytest.mark.parametrize(("edition", "key"), [("2014", "methods"), ("2022", "methods_2022")])
def test_method_ids_in_reference_order(
    knowledge: Knowledge, rohrer: dict[str, Any], edition: Edition, key: str
) -> None:
    reference_ids = [m["id"] for m in rohrer[key]]
    assert len(reference_ids) == METHODS_PER_EDITION
    assert [m.id for m in knowledge.methods_of(edition)] == reference_ids


def test_2014_methods_match_reference(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    loaded = _by_id(knowledge.methods_of("2014"))
    chart_source = rohrer["coordinates"]["source"]
    for ref in rohrer["methods"]:
        method = loaded[ref["id"]]
        assert method.edition == "2014"
        assert method.name == ref["name"], ref["id"]
        assert method.chart_label == ref["chart_label"], ref["id"]
        assert list(method.aliases) == _as_list(ref.get("aliases")), ref["id"]
        for axis in ("attitudinal_behavioral", "qual_quant"):
            where = f"{ref['id']} {axis}"
            _check_position(getattr(method, axis), ref[axis], chart_source, where)
        assert list(method.contexts) == ref["contexts"], ref["id"]
        assert list(method.phases) == ref["phases"], ref["id"]
        assert not method.from_2014, ref["id"]
        assert not method.origin.user


def test_2014_positions_lie_on_the_chart(knowledge: Knowledge) -> None:
    for method in knowledge.methods_of("2014"):
        for position in (method.attitudinal_behavioral, method.qual_quant):
            assert position is not None
            assert -1.0 <= position.low <= position.value <= position.high <= 1.0, method.id


def test_2022_methods_match_reference(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    loaded = _by_id(knowledge.methods_of("2022"))
    for ref in rohrer["methods_2022"]:
        method = loaded[ref["id"]]
        assert method.edition == "2022"
        assert method.name == ref["name"], ref["id"]
        assert list(method.contexts) == ref["contexts"], ref["id"]
        assert list(method.phases) == ref["phases"], ref["id"]
        assert list(method.from_2014) == _as_list(ref["from_2014"]), ref["id"]
        assert not method.origin.user


def test_no_2022_method_has_a_position(knowledge: Knowledge) -> None:
    for method in knowledge.methods_of("2022"):
        assert method.attitudinal_behavioral is None, method.id
        assert method.qual_quant is None, method.id


def test_mapping_2014_to_2022_matches_from_2014(
    knowledge: Knowledge, rohrer: dict[str, Any]
) -> None:
    mapping = rohrer["mapping_2014_to_2022"]
    implied = {old: m.id for m in knowledge.methods_of("2022") for old in m.from_2014}
    assert implied == mapping["renamed_or_kept"]

    ids_2014 = [m.id for m in knowledge.methods_of("2014")]
    dropped = [i for i in ids_2014 if i not in implied]
    assert dropped == mapping["dropped_in_2022"]
    new = [m.id for m in knowledge.methods_of("2022") if not m.from_2014]
    assert new == mapping["new_in_2022"]
    merged = {m.id: list(m.from_2014) for m in knowledge.methods_of("2022") if len(m.from_2014) > 1}
    assert merged == mapping["merged_in_2022"]


def test_in_2022_as_matches_from_2014(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    implied = {old: m.id for m in knowledge.methods_of("2022") for old in m.from_2014}
    for ref in rohrer["methods"]:
        assert implied.get(ref["id"]) == ref["in_2022_as"], ref["id"]


def test_phases_2022_are_the_union_of_successor_phases(
    knowledge: Knowledge, rohrer: dict[str, Any]
) -> None:
    # In the reference, every 2014 method's phases_2022 equals (even in order) the phases of the
    # 2022 methods that list it in from_2014; checked against the loaded 2022 methods. A 2014
    # method with no 2022 successor (dropped) has phases_2022: [].
    for ref in rohrer["methods"]:
        union: list[str] = []
        for successor in knowledge.methods_of("2022"):
            if ref["id"] in successor.from_2014:
                union.extend(p for p in successor.phases if p not in union)
        assert union == ref["phases_2022"], ref["id"]


def test_method_phases_belong_to_their_edition(knowledge: Knowledge) -> None:
    editions: tuple[Edition, ...] = ("2014", "2022")
    for edition in editions:
        phase_ids = {p.id for p in knowledge.landscape.phases if p.edition == edition}
        context_ids = {c.id for c in knowledge.landscape.contexts if edition in c.editions}
        for method in knowledge.methods_of(edition):
            assert set(method.phases) <= phase_ids, method.id
            assert set(method.contexts) <= context_ids, method.id
            if method.phases:
                assert method.phases_sources, method.id
            if method.contexts:
                assert method.contexts_source, method.id


@pytest.mark.parametrize(("edition", "ref_id"), [("2014", "ed2014"), ("2022", "ed2022")])
def test_editions_match_reference(
    knowledge: Knowledge, rohrer: dict[str, Any], edition: str, ref_id: str
) -> None:
    ref = next(e for e in rohrer["article"]["editions"] if e["id"] == ref_id)
    info = next(e for e in knowledge.editions if e.id == edition)
    assert list(info.sources) == ref["sources"]
    # The reference's date reads like "2014-10 (reposts dated ...)"; the data keeps the date part.
    assert str(ref["date"]).split(" ")[0] == info.date
