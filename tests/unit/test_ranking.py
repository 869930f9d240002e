"""The method ranking on hand-checked cases.

Every expectation below is worked out by hand from the project reference, not copied from
rank()'s output: positions, context markers and phases from shared/reference/rohrer_methods.yaml
(the 2014 chart as measured, SOURCES-rohrer.md section 5), remote and product needs from
shared/reference/method_practicalities.yaml, times from the 18F cards. The arithmetic is written
next to each case.

The model (cxguide/logic/ranking.py docstring), in short: an axis answer scores
3 × (1 - d), where d is the distance from the target (say/why -1, do/how many +1, both 0) to the
position, rounded to 0.1 with an exact half rounded down; context ±1.5; phase ±1; unknown 0;
remote "in person only" and missing product rule out; ties by name.
"""

from __future__ import annotations

import dataclasses

import pytest

from cxguide.knowledge.models import Card18F, CardTime, Knowledge
from cxguide.logic.ranking import (
    TIE_STEP,
    W_CONTEXT,
    W_LEARN,
    W_PARTICIPANTS_PENALTY,
    W_PHASE,
    W_QUESTION,
    W_REMOTE_PENALTY,
    W_TIME_PENALTY,
    Answers,
    RankedMethod,
    Ranking,
    describe_model,
    plan,
    rank,
)


def ids(ranking: Ranking) -> list[str]:
    return [m.method.id for m in ranking.methods]


def by_id(ranking: Ranking) -> dict[str, RankedMethod]:
    return {m.method.id: m for m in ranking.methods}


def points(item: RankedMethod) -> dict[str, float]:
    return {r.answer: r.points for r in item.reasons}


def reason(item: RankedMethod, answer: str) -> str:
    return next(r.text for r in item.reasons if r.answer == answer)


# --- case 1: what people do + how many + natural use + assess ----------------------------------


def test_do_how_many_natural_assess_puts_ab_testing_and_clickstream_on_top(
    knowledge: Knowledge,
) -> None:
    """Issue: 'do + how many + natural use + assess' tops with clickstream and A/B testing.

    learn=do (target +1), question=how many (target +1), context natural, phase assess:
    - A/B Testing (+0.80, +0.65, natural, assess): d 0.20 -> 2.4; d 0.35 -> 0.3 (half down)
      -> 2.1; natural +1.5; assess +1 = 7.0
    - Clickstream Analysis (+0.91, +0.65, natural, strategize): d 0.09 -> 0.1 -> 2.7; 2.1;
      +1.5; listed only for strategize -1 = 5.3
    - Eyetracking (+0.90, -0.05, natural + scripted, no phase): d 0.10 -> 2.7; d 1.05 -> 1.0
      -> 0; +1.5; phase unknown 0 = 4.2
    - True-Intent Studies (+0.04, +0.65, natural, no phase): d 0.96 -> 1.0 -> 0; 2.1; +1.5;
      0 = 3.6
    - Intercept Surveys (-0.80, +0.65, natural, strategize + assess): d 1.80 -> -2.4; 2.1;
      +1.5; +1 = 2.2
    - Unmoderated UX Studies (+0.14, +0.65, scripted, assess): d 0.86 -> 0.9 -> 0.3; 2.1;
      -1.5; +1 = 1.9
    - Usability Benchmarking (+0.64, -0.05, scripted, assess): d 0.36 -> 0.4 -> 1.8; 0;
      -1.5; +1 = 1.3
    """
    ranking = rank(
        knowledge, Answers(learn="do", question="how_many", context="natural", phase="assess")
    )
    top = [(m.method.id, m.score) for m in ranking.methods[:7]]
    assert top == [
        ("ab-testing", 7.0),
        ("clickstream-analysis", 5.3),
        ("eyetracking", 4.2),
        ("true-intent-studies", 3.6),
        ("intercept-surveys", 2.2),
        ("unmoderated-ux-studies", 1.9),
        ("usability-benchmarking", 1.3),
    ]
    methods = by_id(ranking)
    assert points(methods["ab-testing"]) == {
        "learn": 2.4,
        "question": 2.1,
        "context": 1.5,
        "phase": 1.0,
    }
    assert points(methods["clickstream-analysis"]) == {
        "learn": 2.7,
        "question": 2.1,
        "context": 1.5,
        "phase": -1.0,
    }
    assert ranking.ruled_out == ()
    assert ranking.plan == ()


def test_reasons_name_the_fact_and_its_source(knowledge: Knowledge) -> None:
    ranking = rank(
        knowledge, Answers(learn="do", question="how_many", context="natural", phase="assess")
    )
    ab = by_id(ranking)["ab-testing"]
    learn, question, context, phase = ab.reasons
    assert learn.answer == "learn"
    assert learn.text == "Close to what people do: 0.2 away on the say–do axis."
    assert learn.fact == "measured position +0.80 on say–do"
    assert learn.sources == ("chart2014",)
    assert question.text == "Close to how many & how much: 0.3 away on the why–how many axis."
    assert question.fact == "measured position +0.65 on why–how many"
    assert context.text == "Runs in the context you can offer."
    assert context.fact == "chart marker: Natural use of product"
    assert context.sources == ("chart2014",)
    assert phase.text == "Listed for your phase."
    assert phase.fact == "phase table: Assess"
    assert phase.sources == ("suodenjoki2008", "quizGoals")
    assert not any(r.rules_out or r.unknown for r in ab.reasons)
    eyetracking = by_id(ranking)["eyetracking"]
    unknown_phase = eyetracking.reasons[3]
    assert (unknown_phase.points, unknown_phase.unknown, unknown_phase.sources) == (0.0, True, ())
    assert unknown_phase.fact == "phase unknown"
    assert unknown_phase.text == (
        "The phase table does not name this method, so this answer moves nothing."
    )


def test_a_span_counts_as_distance_zero(knowledge: Knowledge) -> None:
    """Concept Testing's why–how many span runs from -0.30 to +0.26: 'both' (0) lies inside it,
    so d = 0 and the full 3 points; Ethnographic Field Studies spans -0.11 to +0.20 on say–do."""
    ranking = rank(knowledge, Answers(learn="both", question="both"))
    methods = by_id(ranking)
    assert points(methods["concept-testing"])["question"] == W_QUESTION
    assert reason(methods["concept-testing"], "question") == (
        "Sits right where you asked: the middle of the axis (both ends)."
    )
    assert methods["concept-testing"].reasons[1].fact == (
        "measured position -0.05 (span -0.30 to +0.26) on why–how many"
    )
    assert points(methods["ethnographic-field-studies"])["learn"] == W_LEARN


# --- case 2: what people say + why + no product + strategize -----------------------------------


def test_say_why_nothing_strategize_puts_interviews_and_attitudinal_methods_on_top(
    knowledge: Knowledge,
) -> None:
    """Issue: 'say + why + no product + strategize' tops with interviews and related methods.

    learn=say (-1), question=why (-1), have nothing, phase strategize. Not ruled out (they need
    nothing or only materials):
    - Focus Groups (-0.79, -0.75, strategize): d 0.21 -> 0.2 -> 2.4; d 0.25 -> 0.2 (half
      down) -> 2.4; +1 = 5.8
    - Interviews (-0.91, -0.75, no phase): d 0.09 -> 0.1 -> 2.7; 2.4; unknown 0 = 5.1
    - Ethnographic Field Studies (span -0.11..+0.20, -0.75, strategize + execute): d 0.89 ->
      0.9 -> 0.3; 2.4; +1 = 3.7
    - Participatory Design (-0.69, -0.75, execute): d 0.31 -> 0.3 -> 2.1; 2.4; -1 = 3.5
    - Diary/Camera Studies (-0.57, -0.05, strategize): d 0.43 -> 0.4 -> 1.8; d 0.95 -> 0.9
      -> 0.3; +1 = 3.1
    - Card Sorting (-0.91, span -0.30..+0.26, execute): 2.7; d 0.70 -> 0.9; -1 = 2.6
    - Email Surveys (-0.91, +0.65, strategize + assess): 2.7; d 1.65 -> 1.6 -> -1.8; +1 = 1.9
    Every other method needs at least a concept, so it is ruled out and listed after these.
    """
    ranking = rank(
        knowledge, Answers(learn="say", question="why", have="nothing", phase="strategize")
    )
    kept = [(m.method.id, m.score) for m in ranking.candidates]
    assert kept == [
        ("focus-groups", 5.8),
        ("interviews", 5.1),
        ("ethnographic-field-studies", 3.7),
        ("participatory-design", 3.5),
        ("diary-camera-studies", 3.1),
        ("card-sorting", 2.6),
        ("email-surveys", 1.9),
    ]
    assert {m.method.id for m in ranking.ruled_out} == {
        "concept-testing",  # concept_or_design
        "desirability-studies",  # concept_or_design
        "usability-lab-studies",  # prototype_or_product
        "eyetracking",
        "moderated-remote-usability-studies",
        "unmoderated-remote-panel-studies",
        "unmoderated-ux-studies",
        "usability-benchmarking",  # working_product
        "customer-feedback",  # live_product
        "clickstream-analysis",
        "ab-testing",
        "true-intent-studies",
        "intercept-surveys",
    }
    assert [m.rank for m in ranking.methods] == list(range(1, 21))


def test_having_nothing_rules_out_with_the_product_reason(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers(have="nothing"))
    methods = by_id(ranking)
    customer_feedback = methods["customer-feedback"]
    assert customer_feedback.ruled_out
    assert customer_feedback.ruling is not None
    assert customer_feedback.ruling.text == (
        "Needs a live product with real users; you said you have nothing yet."
    )
    assert customer_feedback.ruling.fact == "needs: a live product with real users"
    concept = methods["concept-testing"]
    assert concept.ruled_out
    assert concept.ruling is not None
    assert concept.ruling.text == (
        "Needs at least a concept or design; you said you have nothing yet."
    )
    assert concept.ruling.sources  # the facts' sources
    assert reason(methods["card-sorting"], "have") == "Works with what you have."
    # No points from this answer: the 7 that remain tie at 0 and are ordered by name.
    assert [m.method.name for m in ranking.candidates] == [
        "Card Sorting",
        "Diary/Camera Studies",
        "Email Surveys",
        "Ethnographic Field Studies",
        "Focus Groups",
        "Interviews",
        "Participatory Design",
    ]


def test_a_live_product_rules_nothing_out(knowledge: Knowledge) -> None:
    assert rank(knowledge, Answers(have="live")).ruled_out == ()


# --- 2022: no positions ------------------------------------------------------------------------

NAMES_2022_BY_NAME = sorted(
    [
        "Usability Testing", "Field Studies", "Contextual Inquiry", "Participatory Design",
        "Focus Groups", "Interviews", "Eyetracking", "Usability Benchmarking",
        "Remote Moderated Testing", "Unmoderated Testing", "Concept Testing", "Diary Studies",
        "Customer Feedback", "Desirability Studies", "Card Sorting", "Tree Testing", "Analytics",
        "Clickstream Analytics", "A/B Testing", "Surveys",
    ],
    key=str.casefold,
)  # fmt: skip


def test_2022_axis_answers_move_nothing_and_say_so(knowledge: Knowledge) -> None:
    """The 2022 chart was never measured: say/why add 0 to all 20, so all tie at 0 (by name)."""
    ranking = rank(knowledge, Answers(learn="say", question="why"), "2022")
    assert ranking.edition == "2022"
    assert [m.method.name for m in ranking.methods] == NAMES_2022_BY_NAME
    for item in ranking.methods:
        assert item.score == 0
        assert [r.answer for r in item.reasons] == ["learn", "question"]
        for r in item.reasons:
            assert r.points == 0 and r.unknown and r.sources == ()
            assert r.text == (
                "The 2022 chart's positions were never measured, so this answer moves nothing."
            )
            assert r.fact == "position unknown"


def test_2022_phase_uses_the_2022_phase_names(knowledge: Knowledge) -> None:
    """phase=strategize in 2022 (rohrer_methods.yaml, methods_2022 phases):
    +1 strategize: Concept Testing, Diary Studies, Field Studies, Interviews, Participatory
      Design, Surveys;
    0 (no phase given): Contextual Inquiry, Customer Feedback, Desirability Studies,
      Eyetracking, Focus Groups;
    -1 (design or launch & assess only): the other nine. Each group by name."""
    ranking = rank(knowledge, Answers(phase="strategize"), "2022")
    assert [(m.method.name, m.score) for m in ranking.methods] == [
        ("Concept Testing", 1.0),
        ("Diary Studies", 1.0),
        ("Field Studies", 1.0),
        ("Interviews", 1.0),
        ("Participatory Design", 1.0),
        ("Surveys", 1.0),
        ("Contextual Inquiry", 0.0),
        ("Customer Feedback", 0.0),
        ("Desirability Studies", 0.0),
        ("Eyetracking", 0.0),
        ("Focus Groups", 0.0),
        ("A/B Testing", -1.0),
        ("Analytics", -1.0),
        ("Card Sorting", -1.0),
        ("Clickstream Analytics", -1.0),
        ("Remote Moderated Testing", -1.0),
        ("Tree Testing", -1.0),
        ("Unmoderated Testing", -1.0),
        ("Usability Benchmarking", -1.0),
        ("Usability Testing", -1.0),
    ]
    surveys = by_id(ranking)["surveys"]
    assert surveys.reasons[0].fact == "phase table: Strategize, Launch & Assess"


# --- remote only -------------------------------------------------------------------------------


def test_remote_only_rules_out_lab_and_field_studies(knowledge: Knowledge) -> None:
    """method_practicalities.yaml: only Usability-Lab Studies and Ethnographic Field Studies are
    in_person_only in every record (benchmarking also has 'either'); Participatory Design and
    Eyetracking are in_person_usual (-1.5)."""
    ranking = rank(knowledge, Answers(remote_only=True))
    assert [m.method.id for m in ranking.ruled_out] == [
        "ethnographic-field-studies",  # tie at 0: by name
        "usability-lab-studies",
    ]
    for item in ranking.ruled_out:
        assert item.ruling is not None
        assert item.ruling.text == (
            "Needs researcher and participant in the same place; you said remote only."
        )
        assert item.ruling.fact == "remote: in person only (both in one room)"
    methods = by_id(ranking)
    assert methods["participatory-design"].score == W_REMOTE_PENALTY
    assert methods["eyetracking"].score == W_REMOTE_PENALTY
    assert reason(methods["eyetracking"], "remote_only") == (
        "Usually done in person; remote forms cost quality or effort."
    )
    assert reason(methods["clickstream-analysis"], "remote_only") == (
        "Runs without sessions with participants, so no one needs to travel."
    )
    assert reason(methods["usability-benchmarking"], "remote_only") == "Can be done remotely."
    # The two lowered methods come last among those kept.
    assert [m.method.id for m in ranking.candidates[-2:]] == [
        "eyetracking",
        "participatory-design",
    ]


def test_remote_only_false_is_no_answer(knowledge: Knowledge) -> None:
    assert rank(knowledge, Answers(remote_only=False)) == dataclasses.replace(
        rank(knowledge, Answers()), answers=Answers(remote_only=False)
    )


# --- ties ---------------------------------------------------------------------------------------


def test_ties_are_broken_by_name(knowledge: Knowledge) -> None:
    """learn=say alone: Interviews, Card Sorting and Email Surveys all sit at -0.91 (d 0.09 ->
    0.1 -> 2.7); Desirability Studies and Intercept Surveys at -0.80 and Focus Groups at -0.79
    (d 0.20 / 0.21 -> 0.2 -> 2.4). Within each tie: A-Z."""
    ranking = rank(knowledge, Answers(learn="say"))
    assert [(m.method.name, m.score) for m in ranking.methods[:6]] == [
        ("Card Sorting", 2.7),
        ("Email Surveys", 2.7),
        ("Interviews", 2.7),
        ("Desirability Studies", 2.4),
        ("Focus Groups", 2.4),
        ("Intercept Surveys", 2.4),
    ]


def test_no_answers_moves_nothing(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers())
    assert all(m.score == 0 and m.reasons == () and not m.ruled_out for m in ranking.methods)
    names = [m.method.name for m in ranking.methods]
    assert names == sorted(names, key=str.casefold)
    assert ranking.plan == () and ranking.uncovered == () and ranking.plan_note == ""


def test_context_mismatch_lowers_and_unknown_context_sits_between(knowledge: Knowledge) -> None:
    """2022, context=natural: Field Studies, Analytics and Surveys (not_using + natural) are
    marked natural (+1.5); Usability Testing is scripted (-1.5); Eyetracking has no stated 2022
    context (0)."""
    methods = by_id(rank(knowledge, Answers(context="natural"), "2022"))
    assert methods["field-studies"].score == W_CONTEXT
    assert methods["surveys"].score == W_CONTEXT
    assert methods["usability-testing"].score == -W_CONTEXT
    assert reason(methods["usability-testing"], "context") == (
        "Made for another context of use than the one you can offer."
    )
    eyetracking = methods["eyetracking"]
    assert eyetracking.score == 0 and eyetracking.reasons[0].unknown
    assert eyetracking.reasons[0].fact == "context unknown"


def test_mixed_context_fits_hybrid_methods(knowledge: Knowledge) -> None:
    """2014 hybrid markers: Participatory Design, Concept Testing, Desirability Studies."""
    ranking = rank(knowledge, Answers(context="mixed"))
    assert {m.method.id for m in ranking.methods if m.score == W_CONTEXT} == {
        "participatory-design",
        "concept-testing",
        "desirability-studies",
    }


# --- participants -------------------------------------------------------------------------------


def test_participants_lower_methods_that_ask_for_more(knowledge: Knowledge) -> None:
    """participants=5: Eyetracking's figures are 39 and about 30 (fewest 30 > 5: -1); Email
    Surveys about 377 (-1); Card Sorting 15, 20, 30, 8 (fewest 8: -1); Interviews 6 (-1);
    Focus Groups 3 (fits); Usability-Lab Studies 5 (fits)."""
    methods = by_id(rank(knowledge, Answers(participants=5)))
    assert methods["eyetracking"].score == W_PARTICIPANTS_PENALTY
    assert reason(methods["eyetracking"], "participants") == (
        "Sources ask for at least 30 participants; you can reach 5."
    )
    assert methods["email-surveys"].score == W_PARTICIPANTS_PENALTY
    assert methods["card-sorting"].score == W_PARTICIPANTS_PENALTY
    assert methods["interviews"].score == W_PARTICIPANTS_PENALTY
    assert methods["focus-groups"].score == 0
    assert reason(methods["focus-groups"], "participants") == (
        "You can reach enough participants (5)."
    )
    assert methods["usability-lab-studies"].score == 0
    # No number stated: unknown, but the words the source uses are shown.
    feedback = methods["customer-feedback"].reasons[0]
    assert feedback.unknown and feedback.points == 0
    assert feedback.fact == (
        "participants: self-selected users who choose to send feedback (not recruited)"
    )
    participatory = methods["participatory-design"].reasons[0]
    assert participatory.unknown and participatory.fact == "participants: unknown"


def test_participants_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Answers(participants=0)


# --- time (18F cards) --------------------------------------------------------------------------


def test_time_compares_one_session_from_the_18f_card(knowledge: Knowledge) -> None:
    """The usability-testing card says '30 minutes to 1 hour per test' (per test session):
    one session (0.5 h) fits in 'hours' (< 8 h); nothing says how many sessions a study has,
    so it is not lowered. The A/B card (multivariate testing) gives its time in words only
    and Focus Groups has no card: both unknown, 0."""
    methods = by_id(rank(knowledge, Answers(time="hours")))
    lab = methods["usability-lab-studies"].reasons[0]
    assert lab.answer == "time" and lab.points == 0 and not lab.unknown
    assert lab.text == (
        "The card's time for one test session fits within hours (less than a working day); "
        "a whole study needs it once per test session, plus planning and analysis."
    )
    assert lab.fact == (
        "18F card “Usability testing”: time required “30 minutes to 1 hour per test” "
        "(per test session: one test session, not the whole study)"
    )
    assert lab.sources == ("f18_methods",)
    ab = methods["ab-testing"].reasons[0]
    assert ab.unknown and ab.points == 0
    assert ab.text == "The 18F card states its time in words only, so this moves nothing."
    assert "2–5 days of effort, 1–4 weeks elapsed" in ab.fact
    focus = methods["focus-groups"].reasons[0]
    assert focus.unknown and focus.fact == "time: unknown"
    assert all(m.score == 0 for m in methods.values())


def _card(method_id: str, low: float, unit: str, per: str | None) -> Card18F:
    return Card18F(
        id="test-card",
        name="Test card",
        category=None,
        status="current",
        kind="user-research",
        time_required="as the test says",
        time_parsed=CardTime(low=low, high=low, unit=unit, per=per, elapsed=None),  # type: ignore[arg-type]
        participants=None,
        user_participation="required",
        needs=(),
        summary="A card made up for this test.",
        rohrer_2014=(method_id,),
        rohrer_2022=(),
        match_note=None,
        source="f18_methods",
        path="test.md",
    )


def test_time_lowers_but_never_rules_out(knowledge: Knowledge) -> None:
    """A made-up card: 2 days for the whole activity = 16 working hours. 'hours' allows up to
    8: -1. 'days' allows up to 40: fits. A card of 2 days per participant with 'hours': even
    one session is too long: -1, still not ruled out."""
    whole = dataclasses.replace(knowledge, cards_18f=(_card("focus-groups", 2, "day", None),))
    focus = by_id(rank(whole, Answers(time="hours")))["focus-groups"]
    assert focus.score == W_TIME_PENALTY and not focus.ruled_out
    assert focus.reasons[0].text == (
        "The card's time is more than hours (less than a working day)."
    )
    assert focus.reasons[0].fact.endswith("(for the whole activity)")
    assert by_id(rank(whole, Answers(time="days")))["focus-groups"].score == 0
    per = dataclasses.replace(
        knowledge, cards_18f=(_card("focus-groups", 2, "day", "participant"),)
    )
    focus = by_id(rank(per, Answers(time="hours")))["focus-groups"]
    assert focus.score == W_TIME_PENALTY and not focus.ruled_out
    assert focus.reasons[0].text == (
        "The card's time for even one participant is more than hours (less than a working day)."
    )


# --- plan ---------------------------------------------------------------------------------------


def test_plan_for_both_and_both_covers_the_four_corners(knowledge: Knowledge) -> None:
    """learn=both, question=both: one pick per corner, scored with that corner's ends.

    - say + why (-1, -1): Interviews 2.7 + 2.4 = 5.1 beats Focus Groups 2.4 + 2.4 = 4.8
    - say + how many (-1, +1): Email Surveys 2.7 + 2.1 = 4.8 beats Intercept Surveys 4.5
    - do + why (+1, -1): Usability-Lab Studies (+0.38: d 0.62 -> 0.6 -> 1.2) + 2.4 = 3.6 beats
      Ethnographic (span to +0.20: d 0.80 -> 0.6) + 2.4 = 3.0; Eyetracking's -0.05 is not
      0.1 past the midline, so it is not on the why side
    - do + how many (+1, +1): Clickstream Analysis 2.7 + 2.1 = 4.8 beats A/B Testing 4.5
    """
    ranking = rank(knowledge, Answers(learn="both", question="both"))
    assert [(p.method.id, p.covers) for p in ranking.plan] == [
        ("interviews", "what people say + why & how to fix"),
        ("email-surveys", "what people say + how many & how much"),
        ("usability-lab-studies", "what people do + why & how to fix"),
        ("clickstream-analysis", "what people do + how many & how much"),
    ]
    assert ranking.uncovered == () and ranking.plan_note == ""
    interviews = ranking.plan[0]
    assert interviews.reason == (
        "Measured at say–do -0.91, why–how many -0.75: the best fit on that side for your "
        "answers (+5.1 points with those ends), rank 20 overall."
    )
    # Each pick on the right side, none ruled out, all different.
    for pick in ranking.plan:
        ab, qq = pick.method.attitudinal_behavioral, pick.method.qual_quant
        assert ab is not None and qq is not None
        assert (ab.low <= -TIE_STEP) if "say" in pick.covers else (ab.high >= TIE_STEP)
        assert (qq.low <= -TIE_STEP) if "why" in pick.covers else (qq.high >= TIE_STEP)
    assert len({p.method.id for p in ranking.plan}) == 4
    assert plan(ranking.methods, ranking.answers) == ranking.plan


def test_plan_follows_the_other_answers(knowledge: Knowledge) -> None:
    """learn=both, question=why, have nothing: two picks, both on the why side.
    say + why: Interviews 5.1 (Focus Groups 4.8). do + why: Usability-Lab Studies is ruled
    out (needs a prototype), so Ethnographic Field Studies (0.6 + 2.4 = 3.0)."""
    ranking = rank(knowledge, Answers(learn="both", question="why", have="nothing"))
    assert [(p.method.id, p.covers) for p in ranking.plan] == [
        ("interviews", "what people say + why & how to fix"),
        ("ethnographic-field-studies", "what people do + why & how to fix"),
    ]


def test_plan_says_what_it_cannot_cover(knowledge: Knowledge) -> None:
    """learn=both, remote only, nothing in hand: every method on the do side needs a product
    or a room (Ethnographic Field Studies is in person only), so 'what people do' is uncovered.
    Say side, scored with the say end: Card Sorting, Email Surveys and Interviews (-0.91) tie
    at 2.7; overall (learn=both: d 0.91 -> 0.9 -> 0.3 each) they tie again, so by name."""
    ranking = rank(knowledge, Answers(learn="both", remote_only=True, have="nothing"))
    assert [(p.method.id, p.covers) for p in ranking.plan] == [("card-sorting", "what people say")]
    assert ranking.uncovered == ("what people do",)
    assert ranking.plan_note == (
        "No method that is not ruled out is measured on the side of: what people do."
    )


def test_plan_in_2022_explains_why_there_is_none(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers(learn="both", question="both"), "2022")
    assert ranking.plan == ()
    assert len(ranking.uncovered) == 4
    assert ranking.plan_note == (
        "The 2022 chart's positions were never measured, so no method can be placed on a side "
        "of the chart for a plan."
    )


@pytest.mark.parametrize(
    "answers", [Answers(), Answers(learn="say", question="how_many"), Answers(learn="do")]
)
def test_no_plan_unless_both_is_asked(knowledge: Knowledge, answers: Answers) -> None:
    ranking = rank(knowledge, answers)
    assert (ranking.plan, ranking.uncovered, ranking.plan_note) == ((), (), "")


# --- the model, described once -----------------------------------------------------------------


def test_describe_model_states_every_weight() -> None:
    text = describe_model()
    assert f"up to {W_LEARN:g} points" in text
    assert f"+{W_CONTEXT:g} when the chart marks" in text
    assert f"-{W_PHASE:g} when it lists it only in others" in text
    assert f"{W_REMOTE_PENALTY:g} for methods usually done in person" in text
    assert f"Participants: {W_PARTICIPANTS_PENALTY:g}" in text
    assert f"Time you have: {W_TIME_PENALTY:g}" in text
    assert "unknown" in text and "by name" in text


def test_module_docstring_names_every_weight() -> None:
    import cxguide.logic.ranking as module

    assert module.__doc__ is not None
    for name in ("W_CONTEXT", "W_PHASE", "W_REMOTE_PENALTY", "W_PARTICIPANTS_PENALTY",
                 "W_TIME_PENALTY", "TIE_STEP"):  # fmt: skip
        assert name in module.__doc__, name
