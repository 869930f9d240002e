"""The applies_when language: parsing, clear problems, and judging for a country."""

from __future__ import annotations

import pytest

from cxguide.logic.conditions import (
    AxisClause,
    Condition,
    ConditionError,
    ZoneClause,
    judge,
    parse_condition,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("always", Condition()),
        (
            "survival_self_expression < 0",
            Condition((AxisClause("survival_self_expression", "<", 0.0),)),
        ),
        ("zone == Confucian", Condition((ZoneClause(("Confucian",)),))),
        (
            "zone in [West & South Asia, Confucian]",
            Condition((ZoneClause(("West & South Asia", "Confucian")),)),
        ),
        (
            "traditional_secular < 0 and survival_self_expression < 0",
            Condition(
                (
                    AxisClause("traditional_secular", "<", 0.0),
                    AxisClause("survival_self_expression", "<", 0.0),
                ),
                "and",
            ),
        ),
        (
            "zone == Latin America or traditional_secular > -0.5",
            Condition(
                (ZoneClause(("Latin America",)), AxisClause("traditional_secular", ">", -0.5)),
                "or",
            ),
        ),
        ("  zone  ==   Confucian  ", Condition((ZoneClause(("Confucian",)),))),
    ],
)
def test_the_grammar_of_the_reference_parses(text: str, expected: Condition) -> None:
    assert parse_condition(text) == expected


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "the condition is empty", 0),
        ("zone ==", "expected a zone name, not the end", 7),
        ("foo < 0", "unknown axis 'foo'", 0),
        ("traditional_secular = 0", "unexpected character '='", 20),
        ("traditional_secular < zero", "expected a number, not 'zero'", 22),
        ("zone in [Confucian", "expected ',' or ']' in the zone list, not the end", 18),
        ("always and zone == Confucian", "'always' stands alone, but 'and' follows it", 7),
        (
            "traditional_secular < 0 and zone == Confucian or zone == Latin America",
            "'and' and 'or' are mixed in one condition",
            46,
        ),
        ("zone is Confucian", "expected '==' or 'in' after 'zone', not 'is'", 5),
    ],
)
def test_a_bad_condition_says_what_and_where(text: str, message: str, offset: int) -> None:
    problem = parse_condition(text)
    assert isinstance(problem, ConditionError)
    assert problem.message == message
    assert problem.offset == offset
    assert problem.hint


def test_a_near_miss_axis_gets_a_suggestion() -> None:
    problem = parse_condition("survival_selfexpression < 0")
    assert isinstance(problem, ConditionError)
    assert "survival_self_expression" in problem.hint


def _judge(
    text: str, ts: float, sse: float, zone: str | None
) -> tuple[bool | None, tuple[str, ...]]:
    condition = parse_condition(text)
    assert isinstance(condition, Condition)
    verdict = judge(condition, {"traditional_secular": ts, "survival_self_expression": sse}, zone)
    return verdict.applies, verdict.reasons


def test_an_axis_clause_says_the_score_and_the_side() -> None:
    # Nigeria 2018 on the reference table: traditional_secular -1.3736, survival -1.1028
    assert _judge("survival_self_expression < 0", -1.3736, -1.1028, "African-Islamic") == (
        True,
        ("survival–self-expression is −1.10, below 0",),
    )
    assert _judge("survival_self_expression > 0", -1.3736, -1.1028, None) == (
        False,
        ("survival–self-expression is −1.10, not above 0",),
    )


def test_and_needs_every_clause_and_names_the_one_that_fails() -> None:
    # China 2018: 0.5755 (secular side), -0.1071 (survival side)
    applies, reasons = _judge(
        "traditional_secular < 0 and survival_self_expression < 0", 0.5755, -0.1071, "Confucian"
    )
    assert applies is False
    assert reasons == ("traditional–secular-rational is 0.58, not below 0",)


def test_zones_match_without_regard_to_case() -> None:
    assert _judge("zone == confucian", 1.6, 1.3, "Confucian")[0] is True
    assert _judge("zone in [Latin America, Confucian]", 1.6, 1.3, "Confucian") == (
        True,
        ("the zone is Confucian, one of Latin America, Confucian",),
    )


def test_a_missing_zone_gives_may_apply_never_a_guess() -> None:
    condition = parse_condition("zone == Confucian")
    assert isinstance(condition, Condition)
    verdict = judge(condition, {"traditional_secular": 0.0, "survival_self_expression": 0.0}, None)
    assert verdict.applies is None
    assert verdict.reasons == ("this country's cultural zone is unknown",)


def test_or_with_one_known_true_clause_applies_even_when_another_is_unknown() -> None:
    condition = parse_condition("zone == Confucian or survival_self_expression < 0")
    assert isinstance(condition, Condition)
    verdict = judge(condition, {"traditional_secular": 0.1, "survival_self_expression": -0.4}, None)
    assert verdict.applies is True
    assert verdict.reasons == ("survival–self-expression is −0.40, below 0",)
