"""Any text given as a condition gives a Condition or a ConditionError, never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cxguide.logic.conditions import Condition, ConditionError, judge, parse_condition

WORDS = st.sampled_from(
    [
        "always",
        "and",
        "or",
        "zone",
        "in",
        "==",
        "<",
        ">",
        "[",
        "]",
        ",",
        "traditional_secular",
        "survival_self_expression",
        "Confucian",
        "Latin America",
        "West & South Asia",
        "0",
        "-1.5",
        "1e9",
        "−0.2",
        "=",
        "!",
        "",
    ]
)
SCORES = st.floats(min_value=-4, max_value=4, allow_nan=False)


@given(st.text())
def test_any_text_parses_or_gives_a_located_problem(text: str) -> None:
    result = parse_condition(text)
    assert isinstance(result, (Condition, ConditionError))
    if isinstance(result, ConditionError):
        assert 0 <= result.offset <= len(text)
        assert result.message and result.hint


@given(st.lists(WORDS, max_size=12).map(" ".join), SCORES, SCORES, st.none() | st.text(max_size=20))
def test_near_grammatical_text_parses_and_judges_without_exceptions(
    text: str, ts: float, sse: float, zone: str | None
) -> None:
    result = parse_condition(text)
    if isinstance(result, Condition):
        verdict = judge(result, {"traditional_secular": ts, "survival_self_expression": sse}, zone)
        assert verdict.applies in (True, False, None)
        assert verdict.reasons
    else:
        assert 0 <= result.offset <= len(text)


@given(SCORES, SCORES)
def test_a_sign_condition_applies_exactly_on_its_side(ts: float, sse: float) -> None:
    below = parse_condition("traditional_secular < 0")
    above = parse_condition("traditional_secular > 0")
    assert isinstance(below, Condition) and isinstance(above, Condition)
    scores = {"traditional_secular": ts, "survival_self_expression": sse}
    assert judge(below, scores, None).applies is (ts < 0)
    assert judge(above, scores, None).applies is (ts > 0)
