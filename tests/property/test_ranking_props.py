"""Property tests of the method ranking over every combination of answers, both editions.

Every method appears exactly once with ranks 1..N; the same answers always give the same
ranking; ruled-out methods come after the others; scores are the sum of their reasons' points;
an unanswered question adds no reason and no points, and leaves every other reason as it was.
"""

from __future__ import annotations

import dataclasses
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from cxguide.knowledge.models import Edition, Knowledge, Position
from cxguide.logic.ranking import (
    ANSWER_FIELDS,
    CONTEXT_VALUES,
    HAVE_VALUES,
    LEARN_VALUES,
    PHASE_VALUES,
    QUESTION_VALUES,
    TIE_STEP,
    TIME_VALUES,
    Answers,
    Ranking,
    rank,
)

SETTINGS = settings(
    max_examples=int(os.environ.get("CXGUIDE_RANKING_EXAMPLES", "300")), deadline=None
)


def maybe(values: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(values))


answers_strategy = st.builds(
    Answers,
    learn=maybe(LEARN_VALUES),
    question=maybe(QUESTION_VALUES),
    context=maybe(CONTEXT_VALUES),
    phase=maybe(PHASE_VALUES),
    remote_only=st.sampled_from((None, True, False)),
    have=maybe(HAVE_VALUES),
    participants=st.one_of(st.none(), st.integers(min_value=1, max_value=2000)),
    time=maybe(TIME_VALUES),
)
editions: st.SearchStrategy[Edition] = st.sampled_from(("2014", "2022"))


def _sort_key(item: tuple[bool, float, str, str]) -> tuple[bool, float, str, str]:
    ruled_out, score, name, method_id = item
    return ruled_out, -score, name.casefold(), method_id


@SETTINGS
@given(answers=answers_strategy, edition=editions)
def test_every_method_once_ranked_in_order(
    knowledge: Knowledge, answers: Answers, edition: Edition
) -> None:
    ranking = rank(knowledge, answers, edition)
    expected = sorted(m.id for m in knowledge.methods_of(edition))
    assert sorted(m.method.id for m in ranking.methods) == expected
    assert [m.rank for m in ranking.methods] == list(range(1, len(expected) + 1))
    keys = [(m.ruled_out, m.score, m.method.name, m.method.id) for m in ranking.methods]
    assert keys == sorted(keys, key=_sort_key)  # ruled out last; score; name; id
    flags = [m.ruled_out for m in ranking.methods]
    assert flags == sorted(flags)
    assert ranking.candidates + ranking.ruled_out == ranking.methods


@SETTINGS
@given(answers=answers_strategy, edition=editions)
def test_same_answers_same_ranking(
    knowledge: Knowledge, answers: Answers, edition: Edition
) -> None:
    first = rank(knowledge, answers, edition)
    again = rank(knowledge, dataclasses.replace(answers), edition)
    assert first == again


@SETTINGS
@given(answers=answers_strategy, edition=editions)
def test_scores_are_the_sum_of_the_reasons(
    knowledge: Knowledge, answers: Answers, edition: Edition
) -> None:
    ranking = rank(knowledge, answers, edition)
    for item in ranking.methods:
        assert item.score == round(sum(r.points for r in item.reasons), 2)
        assert item.ruled_out == any(r.rules_out for r in item.reasons)
        for reason in item.reasons:
            assert reason.answer in ANSWER_FIELDS
            assert reason.text and reason.fact
            if reason.unknown:
                assert reason.points == 0 and not reason.rules_out
            for source in reason.sources:
                assert source in knowledge.sources, source


@SETTINGS
@given(answers=answers_strategy, edition=editions, data=st.data())
def test_an_unanswered_question_changes_nothing_else(
    knowledge: Knowledge, answers: Answers, edition: Edition, data: st.DataObject
) -> None:
    """Dropping one answer removes exactly that answer's reasons; all others stay identical."""
    name = data.draw(st.sampled_from(ANSWER_FIELDS))
    without = dataclasses.replace(answers, **{name: None})
    with_answer = rank(knowledge, answers, edition)
    without_answer = rank(knowledge, without, edition)
    before = {m.method.id: m for m in with_answer.methods}
    for item in without_answer.methods:
        assert all(r.answer != name for r in item.reasons)
        others = tuple(r for r in before[item.method.id].reasons if r.answer != name)
        assert item.reasons == others
        assert item.score == round(sum(r.points for r in others), 2)


@SETTINGS
@given(answers=answers_strategy, edition=editions)
def test_the_plan_covers_each_asked_side_once(
    knowledge: Knowledge, answers: Answers, edition: Edition
) -> None:
    ranking = rank(knowledge, answers, edition)
    cells = (2 if answers.learn == "both" else 1) * (2 if answers.question == "both" else 1)
    if cells == 1:
        assert (ranking.plan, ranking.uncovered, ranking.plan_note) == ((), (), "")
        return
    assert len(ranking.plan) + len(ranking.uncovered) == cells
    assert len(ranking.plan) <= 4
    assert bool(ranking.uncovered) == bool(ranking.plan_note)
    kept = {m.method.id for m in ranking.candidates}
    assert len({p.method.id for p in ranking.plan}) == len(ranking.plan)
    for pick in ranking.plan:
        assert pick.method.id in kept
        assert pick.reason
        ab, qq = pick.method.attitudinal_behavioral, pick.method.qual_quant
        _check_side(pick.covers, ab, "what people say", "what people do")
        _check_side(pick.covers, qq, "why & how to fix", "how many & how much")


def _check_side(covers: str, position: Position | None, negative: str, positive: str) -> None:
    if negative not in covers and positive not in covers:
        return
    assert position is not None
    if negative in covers:
        assert position.low <= -TIE_STEP + 1e-9
    else:
        assert position.high >= TIE_STEP - 1e-9


@SETTINGS
@given(answers=answers_strategy)
def test_2022_positions_never_move_a_method(knowledge: Knowledge, answers: Answers) -> None:
    ranking: Ranking = rank(knowledge, answers, "2022")
    for item in ranking.methods:
        for reason in item.reasons:
            if reason.answer in ("learn", "question"):
                assert reason.points == 0 and reason.unknown
