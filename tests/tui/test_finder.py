"""Pilot tests of the method finder: steps, live ranking, reasons, chart, method view, palette.

Every assertion is on state (the screen's answers and ranking, the text the widgets show);
nothing waits on a clock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input, OptionList, RadioSet, Static

from cxguide.logic import ranking as ranking_module
from cxguide.logic.ranking import Answers, rank
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens import finder as finder_module
from cxguide.tui.screens.finder import ConfirmReset, FinderScreen
from cxguide.tui.screens.help import HelpScreen
from cxguide.tui.screens.method_view import MethodViewScreen
from cxguide.tui.widgets.info import InfoText
from cxguide.tui.widgets.key_bar import KeyBar, arrange
from cxguide.tui.widgets.landscape_chart import LandscapeChart
from cxguide.tui.widgets.question_step import QuestionStep
from cxguide.tui.widgets.ranking_table import RankingTable
from cxguide.tui.widgets.reasons_pane import ReasonsPane

from .conftest import SIZE, settle

MakeApp = Callable[[], CxGuideApp]
NARROW = (80, 24)
WIDE = (160, 48)
IN_ONE_ROOM = "Needs researcher and participant in the same place"


def finder(app: CxGuideApp) -> FinderScreen:
    screen = app.screen
    assert isinstance(screen, FinderScreen)
    return screen


def method_view(app: CxGuideApp) -> MethodViewScreen:
    screen = app.screen
    assert isinstance(screen, MethodViewScreen)
    return screen


def step(screen: FinderScreen, step_id: str) -> QuestionStep:
    return screen.query_one(f"#step-{step_id}", QuestionStep)


def reasons(screen: FinderScreen) -> str:
    return screen.query_one(ReasonsPane).plain


def table_ids(screen: FinderScreen) -> list[str | None]:
    table = screen.query_one(RankingTable)
    return [row.key.value for row in table.ordered_rows]


async def view_opened(pilot: Any, app: CxGuideApp, method_id: str | None = None) -> None:
    """Wait until a method view (of ``method_id``, if given) is on top and shows its page."""

    def ready() -> bool:
        screen = app.screen
        if not isinstance(screen, MethodViewScreen) or not screen.query("#method-view"):
            return False
        return method_id is None or screen.method.id == method_id

    await settle(pilot, ready)


async def settled(pilot: Any, screen: FinderScreen) -> None:
    """Wait until the ranking shown is the ranking of the answers given."""
    await settle(
        pilot,
        lambda: (
            screen.ranking.answers == screen.answers and screen.ranking.edition == screen.edition
        ),
    )
    await pilot.pause()


async def test_opens_on_step_one_with_every_method_level(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "methods"
        screen = finder(app)
        assert screen.step == 0 and screen.edition == "2014"
        assert screen.answers == Answers()
        assert screen.query_one(RankingTable).row_count == 20
        assert {m.score for m in screen.ranking.methods} == {0}
        # "Don't know / no preference" is offered and chosen, and the focus is on the answers.
        radio = step(screen, "learn").query_one(RadioSet)
        assert radio.pressed_index == 0 and radio.has_focus
        assert str(radio.pressed_button.label) == "Don't know / no preference"  # type: ignore[union-attr]
        assert "No answers yet" in reasons(screen)
        border = screen.query_one("#questions").border_title
        assert border == "Step 1 of 6: What do you need to learn?"


async def test_answering_do_puts_a_behavioral_method_on_top(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("down", "down")  # don't know -> say -> do: arrows choose
        await settled(pilot, screen)
        assert screen.answers.learn == "do"
        top = screen.ranking.methods[0]
        position = top.method.attitudinal_behavioral
        assert position is not None and position.value > 0.5
        assert table_ids(screen)[0] == top.method.id
        # The top method's reasons are shown, with the answer, points, fact and source.
        text = reasons(screen)
        assert top.method.name in text
        assert "What you need to learn: +" in text
        assert "Fact: measured position" in text and "Sources: chart2014" in text


async def test_ranking_is_the_logic_ranking_not_a_recomputation(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        screen.set_answer("learn", "say")
        screen.set_answer("context", "natural")
        await settled(pilot, screen)
        expected = rank(app.knowledge, Answers(learn="say", context="natural"), "2014")
        assert screen.ranking == expected
        assert table_ids(screen) == [m.method.id for m in expected.methods]


async def test_a_burst_of_answers_ranks_once(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.pause()
        calls: list[Answers] = []

        def counting_rank(*args: Any, **kwargs: Any) -> Any:
            calls.append(args[1])
            return ranking_module.rank(*args, **kwargs)

        monkeypatch.setattr(finder_module, "rank", counting_rank)
        screen.set_answer("learn", "say")
        screen.set_answer("learn", "do")
        screen.set_answer("question", "why")
        await settled(pilot, screen)
        assert calls == [Answers(learn="do", question="why")]


async def test_going_back_keeps_the_answer(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("down", "down", "n")
        assert screen.step == 1
        await pilot.press("down")  # why & how to fix
        await pilot.press("p")
        await settled(pilot, screen)
        assert screen.step == 0
        assert screen.answers == Answers(learn="do", question="why")
        assert step(screen, "learn").value_of("learn") == "do"
        assert step(screen, "learn").query_one(RadioSet).has_focus
        await pilot.press("right_square_bracket", "pagedown")  # the other next-step keys
        assert screen.step == 2
        await pilot.press("pageup", "left_square_bracket")
        assert screen.step == 0


async def test_answers_survive_a_trip_to_another_area(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("down", "n", "down", "down")
        await pilot.press("2")
        await pilot.pause()
        assert app.current_mode == "culture"
        await pilot.press("1")
        await pilot.pause()
        assert finder(app) is screen
        assert screen.step == 1
        assert screen.answers == Answers(learn="say", question="how_many")


async def test_remote_only_rules_out_lab_studies_with_the_reason(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("n", "n", "n", "n")
        assert screen.step == 4
        assert step(screen, "limits").query_one("#answer-remote_only", RadioSet).has_focus
        await pilot.press("down")  # Yes, remote only
        await settled(pilot, screen)
        assert screen.answers.remote_only is True
        lab = screen.ranked("usability-lab-studies")
        assert lab is not None and lab.ruled_out
        assert table_ids(screen)[-1] == "usability-lab-studies" or lab.rank > len(
            screen.ranking.candidates
        )
        assert screen.show_method("usability-lab-studies", "2014")
        await pilot.pause()
        text = reasons(screen)
        assert "Ruled out" in text
        first_reason = text.split("• ", 1)[1]
        assert first_reason.startswith(f"Remote only: rules it out. {IN_ONE_ROOM}")
        assert "Sources: rohrer_ref (by the method's definition)" not in text  # ids only here
        assert "Sources: rohrer_ref" in text
        chart = screen.query_one(LandscapeChart)
        assert chart.selected == "usability-lab-studies"


async def test_participants_and_time_are_answers_too(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        screen.go_step(4)
        limits = step(screen, "limits")
        limits.query_one("#answer-participants", Input).focus()
        await pilot.press("3")
        await settled(pilot, screen)
        assert screen.answers.participants == 3
        await pilot.press("backspace", "0")  # a leading zero is not a number of people
        await settled(pilot, screen)
        assert screen.answers.participants is None
        limits.query_one("#answer-time", RadioSet).focus()
        await pilot.press("down")
        await settled(pilot, screen)
        assert screen.answers.time == "hours"
        # Letters still move between steps while typing a number.
        limits.query_one("#answer-participants", Input).focus()
        await pilot.press("n")
        assert screen.step == 5


async def test_edition_2022_ranks_its_twenty_methods_and_says_why_axes_move_nothing(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("down", "down")
        await pilot.press("e")
        await settled(pilot, screen)
        assert screen.edition == "2022" and screen.answers.learn == "do"
        assert screen.query_one(RankingTable).row_count == 20
        assert {m.method.edition for m in screen.ranking.methods} == {"2022"}
        assert {m.score for m in screen.ranking.methods} == {0}
        # Narrow, the border of the steps says it; wide, a note over the ranking too.
        subtitle = str(screen.query_one("#questions").border_subtitle)
        assert "never measured" in subtitle and "steps 1 and 2 move nothing" in subtitle
        step_note = step(screen, "learn").query_one(".step-note", Static)
        assert step_note.display and "moves nothing" in str(step_note.render())
        note = screen.query_one("#edition-note", Static)
        assert not note.display
        await pilot.resize_terminal(*WIDE)
        await settle(pilot, lambda: note.display)
        assert "never measured" in str(note.render()) and "move nothing" in str(note.render())
        assert "never measured" in reasons(screen)
        # The phases follow the edition.
        phase_labels = [str(b.label) for b in step(screen, "phase").query("RadioButton")]
        assert any(label.startswith("Design — ") for label in phase_labels)
        await pilot.press("e")
        await settled(pilot, screen)
        assert screen.edition == "2014"
        assert not note.display
        assert str(screen.query_one("#questions").border_subtitle) == "2014 edition"


async def test_enter_opens_the_method_view_and_escape_returns(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("down", "down")
        await settled(pilot, screen)
        assert screen.show_method("usability-lab-studies", "2014")
        table = screen.query_one(RankingTable)
        table.focus()
        await pilot.pause()
        assert table.highlighted_id == "usability-lab-studies"
        await pilot.press("enter")
        await view_opened(pilot, app)
        view = method_view(app)
        assert view.method.id == "usability-lab-studies"
        text = view.plain
        for words in (
            "Usability-Lab Studies",
            "What it answers",
            "Attitudinal vs behavioral: What people do (+0.38)",
            "Context of use: Scripted (often lab-based) use of product",
            "Execute — Inform and optimize designs",
            "Typical participants:",
            "5 participants per round",
            "When: qualitative (find-and-fix) testing with one fairly homogeneous user group",
            "at least 40 participants",
            "The sources give different figures; each holds under its own condition.",
            "in person only (both in one room)",
            "Strengths",
            "Limitations",
            "Other names",
            "moderated usability testing",
            "In the 2022 edition",
            "Usability Testing",
            "In your ranking: Rank ",
            "Why it ranks where it does",
            "What you need to learn: ",
            app.knowledge.sources["nn5users2000"].citation(),
        ):
            assert words in text, words
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, FinderScreen))
        assert app.screen is screen
        assert screen.answers.learn == "do"


async def test_method_view_reads_unknown_where_no_source_gives_a_fact(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        screen.open_method("concept-testing")
        await view_opened(pilot, app)
        text = method_view(app).plain
        assert "Typical participants: unknown" in text
        assert "Cost: unknown" in text
        assert "Phases: unknown" in text
        await pilot.press("escape")
        await pilot.press("e")
        await settled(pilot, screen)
        screen.open_method("usability-testing")
        await view_opened(pilot, app)
        text = method_view(app).plain
        assert "unknown — the 2022 chart's positions were never measured" in text
        assert "In the 2014 edition" in text and "Usability-Lab Studies" in text


async def test_plan_step_shows_two_to_four_picks_for_both_and_both(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("n", "n", "n", "n", "n")
        assert screen.step == 5
        plan_text = screen.query_one("#plan-text", InfoText).plain
        assert "A plan appears when you answer 'Both'" in plan_text
        await pilot.press("p", "p", "p", "p", "p")
        await pilot.press("up")  # wraps round to "Both"
        await pilot.press("n", "up")
        await pilot.press("n", "n", "n", "n")
        await settled(pilot, screen)
        assert screen.answers.learn == "both" and screen.answers.question == "both"
        plan = screen.ranking.plan
        assert 2 <= len(plan) <= 4
        plan_text = screen.query_one("#plan-text", InfoText).plain
        for pick in plan:
            assert pick.method.name in plan_text
            assert pick.reason in plan_text
        assert "What you need to learn: both" in plan_text


async def test_reset_asks_first_then_clears_every_answer(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        await pilot.press("down", "n", "down")
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmReset))
        await pilot.press("n")
        await settle(pilot, lambda: app.screen is screen)
        assert screen.answers == Answers(learn="say", question="why")
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmReset))
        await pilot.press("y")
        await settle(pilot, lambda: app.screen is screen)
        await settled(pilot, screen)
        assert screen.answers == Answers()
        assert screen.step == 0
        assert step(screen, "learn").value_of("learn") is None
        assert step(screen, "question").value_of("question") is None


async def test_chart_takes_the_lists_place_and_drives_the_reasons(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = finder(app)
        await pilot.press("down", "down")
        await settled(pilot, screen)
        chart = screen.query_one(LandscapeChart)
        table = screen.query_one(RankingTable)
        assert table.display and not chart.display
        await pilot.press("c")
        await pilot.pause()
        assert screen.view == "chart"
        assert chart.display and not table.display and chart.has_focus
        top_ids = [m.method.id for m in screen.ranking.methods[:3]]
        assert chart.selected == top_ids[0]
        assert {p.id for p in chart.points if p.highlight} == set(top_ids)
        await pilot.press("left")
        await settle(pilot, lambda: chart.selected != top_ids[0])
        moved = chart.selected
        assert moved is not None
        await settle(pilot, lambda: screen.highlighted_method is not None)
        method = screen.highlighted_method
        assert method is not None and method.id == moved
        assert method.name in reasons(screen)
        await pilot.press("enter")
        await view_opened(pilot, app)
        assert method_view(app).method.id == moved
        await pilot.press("escape")
        await pilot.press("c")
        await pilot.pause()
        assert screen.view == "list" and table.display and table.highlighted_id == moved


async def test_ruled_out_methods_are_dimmed_on_the_chart(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = finder(app)
        screen.set_answer("have", "nothing")
        await settled(pilot, screen)
        chart = screen.query_one(LandscapeChart)
        assert chart.display  # the wide layout shows the chart beside the list
        out = {m.method.id for m in screen.ranking.methods if m.ruled_out}
        assert out
        assert {p.id for p in chart.points if p.dimmed} == out


async def test_palette_selects_the_method_and_opens_its_view(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")  # an answer that must survive
        await pilot.press("2")
        await pilot.press("ctrl+p")
        await pilot.press(*"card")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await view_opened(pilot, app)
        assert app.current_mode == "methods"
        assert method_view(app).method.id == "card-sorting"
        await pilot.press("escape")
        await pilot.pause()
        screen = finder(app)
        assert screen.answers.learn == "do"
        method = screen.highlighted_method
        assert method is not None and method.id == "card-sorting"
        assert screen.query_one(RankingTable).highlighted_id == "card-sorting"


async def test_palette_finds_a_2014_method_by_alias(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"bucket testing")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await view_opened(pilot, app)
        method = method_view(app).method
        assert (method.id, method.edition) == ("ab-testing", "2014")


async def test_palette_opens_a_2022_method_over_an_open_method_view(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        finder(app).open_method("interviews")
        await view_opened(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.press(*"tree testing")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await view_opened(pilot, app, "tree-testing")
        assert len(app.screen_stack) == 2  # the finder and one method view
        await pilot.press("escape")
        await pilot.pause()
        assert finder(app).edition == "2022"


async def test_every_key_is_in_the_key_bar_even_at_80_columns(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        bar = finder(app).query_one(KeyBar)
        shown = {item.description for item in bar.items}
        for description in (
            "Choose",
            "Next step",
            "Back",
            "Edition",
            "Chart/list",
            "Reset",
            "Methods",
            "Culture",
            "Notes",
            "Data",
            "Help",
            "Quit",
            "Search",
        ):
            assert description in shown, description
        assert bar.size.height == 2  # wrapped, nothing cut off
        finder(app).query_one(RankingTable).focus()
        await pilot.pause()
        assert "Open method" in {item.description for item in bar.items}


async def test_clicking_a_key_in_the_key_bar_presses_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = finder(app)
        await pilot.pause()
        bar = screen.query_one(KeyBar)
        item = next(i for i in bar.items if i.description == "Next step")
        rows = arrange(bar.items, bar.content_size.width)
        column = next(c for row in rows for c, i in row if i == item)
        await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert screen.step == 1


async def test_the_step_trail_can_be_clicked(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = finder(app)
        await pilot.pause()
        trail = str(screen.query_one("#step-trail", Static).render())
        column = trail.index("4 Phase")
        await pilot.click("#step-trail", offset=(column + 1, 0))
        await pilot.pause()
        assert screen.step == 3


async def test_help_explains_how_the_ranking_works(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = app.screen.query_one("#help-text", InfoText).plain
        assert "How the ranking works" in text
        model = ranking_module.describe_model()
        for line in model.splitlines():
            assert line.removeprefix("• ") in text
