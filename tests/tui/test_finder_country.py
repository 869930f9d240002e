"""Pilot tests of the finder's target market: choosing a country adds cited culture reasons,
the notes about every method are shown once, and the screen says when answers change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message
from textual.widgets import Select

from cxguide.logic.ranking import Answers
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.finder import FinderScreen
from cxguide.tui.widgets.info import InfoText
from cxguide.tui.widgets.question_step import QuestionStep
from cxguide.tui.widgets.reasons_pane import ReasonsPane

from .conftest import SIZE, settle

MakeApp = Callable[[], CxGuideApp]


def finder(app: CxGuideApp) -> FinderScreen:
    screen = app.screen
    assert isinstance(screen, FinderScreen)
    return screen


async def settled(pilot: Any, screen: FinderScreen) -> None:
    await settle(pilot, lambda: screen.ranking.answers == screen.answers)
    await pilot.pause()


def record_changes(screen: FinderScreen) -> list[FinderScreen.AnswersChanged]:
    """Keep every AnswersChanged the screen posts."""
    seen: list[FinderScreen.AnswersChanged] = []
    post = screen.post_message

    def recording(message: Message) -> bool:
        if isinstance(message, FinderScreen.AnswersChanged):
            seen.append(message)
        return post(message)

    screen.post_message = recording  # type: ignore[method-assign]
    return seen


async def test_choosing_nigeria_adds_culture_reasons(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        changes = record_changes(screen)
        screen.go_step(4)
        select = screen.query_one("#answer-country", Select)
        assert select.value == 0  # no particular country
        select.focus()
        await pilot.press("enter")
        await pilot.press(*"nigeria")
        await pilot.press("enter")
        await settled(pilot, screen)
        assert screen.answers.country == "NGA"
        assert screen.ranking.country is not None and screen.ranking.country.name == "Nigeria"
        concept = screen.ranked("concept-testing")
        assert concept is not None
        culture = [r for r in concept.reasons if r.answer == "country"]
        assert culture and all(r.fact.startswith(("applies", "may apply")) for r in culture)
        assert screen.show_method("concept-testing", "2014")
        await pilot.pause()
        text = screen.query_one(ReasonsPane).plain
        assert "Target market: " in text
        assert f"Fact: {culture[0].fact}" in text
        assert "Sources: " + ", ".join(culture[0].sources) in text
        if screen.ranking.country_notes:
            assert "Also for research in Nigeria" in text
        assert changes and changes[-1].answers.country == "NGA"
        assert changes[-1].edition == "2014"


async def test_notes_about_every_method_appear_once_in_the_plan(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        screen.set_answer("country", "NGA")
        await settled(pilot, screen)
        plan = screen.query_one("#plan-text", InfoText).plain
        assert plan.count("Notes for research in Nigeria") == 1
        for applied in screen.ranking.country_notes:
            assert applied.because in plan
        assert "Target market: Nigeria (NGA)" in plan
        # Notes about every method are not repeated under each method.
        for item in screen.ranking.methods:
            titles = {r.text for r in item.reasons if r.answer == "country"}
            for applied in screen.ranking.country_notes:
                assert all(applied.title not in t for t in titles)


async def test_answers_changed_is_posted_for_answers_edition_and_reset(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        changes = record_changes(screen)
        await pilot.press("down", "down")  # learn: do
        await settled(pilot, screen)
        assert changes[-1].answers == Answers(learn="do")
        await pilot.press("e")
        await pilot.pause()
        assert changes[-1].edition == "2022"
        count = len(changes)
        screen.set_answer("learn", "do")  # the same answer: nothing changed
        assert len(changes) == count
        screen.reset_answers()
        await settled(pilot, screen)
        assert changes[-1].answers == Answers() and changes[-1].edition == "2022"


async def test_load_answers_sets_every_step(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = finder(app)
        changes = record_changes(screen)
        saved = Answers(
            learn="say",
            question="why",
            context="none",
            phase="strategize",
            remote_only=True,
            have="concept",
            participants=8,
            time="days",
            country="JPN",
        )
        screen.load_answers(saved, "2022")
        await settled(pilot, screen)
        await pilot.pause()
        assert screen.answers == saved and screen.edition == "2022"
        assert screen.ranking.answers == saved and screen.ranking.edition == "2022"
        for step in screen.query(QuestionStep):
            for group in step.spec.groups:
                assert step.value_of(group.field) == getattr(saved, group.field), group.field
        assert changes[-1].answers == saved and changes[-1].edition == "2022"
        # A market that is not on the map is left out.
        screen.load_answers(Answers(country="XXX"), "2014")
        await settled(pilot, screen)
        assert screen.answers.country is None
