"""Switching the language inside the app: every area is built again in the new language, and
what the room decided stays (the finder's answers, the countries, the area, the briefing), in
the same session and the same file."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

import pytest
from textual.pilot import Pilot

from cxguide.i18n import current_language, set_language
from cxguide.session.store import user_sessions_dir
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.culture import CultureScreen
from cxguide.tui.screens.finder import FinderScreen
from cxguide.tui.screens.notes import NotesScreen
from cxguide.tui.widgets.key_bar import KeyBar
from cxguide.tui.widgets.question_step import QuestionStep

from .conftest import SIZE, settle


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Every other test runs in English."""
    yield
    set_language("en")


def screen_text(app: CxGuideApp) -> str:
    """The text on screen (from a screenshot: tags out, entities decoded)."""
    svg = app.export_screenshot()
    body = svg[svg.index("<g") :]
    return html.unescape(re.sub(r"<[^>]+>|\s*\n\s*", "", body)).replace("\xa0", " ")


def footer(app: CxGuideApp) -> list[str]:
    return [item.description for item in app.screen.query_one(KeyBar).items]


def finder(app: CxGuideApp) -> FinderScreen:
    screen = app.get_screen_stack("methods")[0]
    assert isinstance(screen, FinderScreen)
    return screen


def learn_step(app: CxGuideApp) -> QuestionStep:
    return finder(app).query_one("#step-learn", QuestionStep)


async def switched(pilot: Pilot[None], language: str, old: object) -> None:
    app = pilot.app
    await settle(
        pilot,
        lambda: (
            current_language() == language
            and app.get_screen_stack(app.current_mode)[0] is not old
            and app.screen.is_mounted
        ),
    )
    await pilot.pause()


async def test_f2_switches_to_russian_and_back_keeping_the_session(
    make_app: Callable[[], CxGuideApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FinderScreen))
        assert "Methods" in footer(app)
        finder(app).set_answer("learn", "do")
        await settle(pilot, lambda: app.workshop.answers.learn == "do")
        assert app.save_session_now()
        session = app.workshop.session
        assert session is not None
        files = sorted(user_sessions_dir().glob("*.json"))
        assert len(files) == 1

        old = finder(app)
        await pilot.press("f2")
        await switched(pilot, "ru", old)

        assert current_language() == "ru"
        assert finder(app) is not old
        assert "Методы" in footer(app)
        text = screen_text(app)
        assert "Айтрекинг" in text  # the best fit for 'what people do', by its Russian name
        assert "Методы" in text
        # The answer is still chosen, in the finder and in the session.
        assert finder(app).answers.learn == "do"
        assert learn_step(app).value_of("learn") == "do"
        assert app.workshop.session is not None
        assert app.workshop.session.id == session.id
        assert app.workshop.session.name == session.name
        app.save_session_now()
        assert sorted(user_sessions_dir().glob("*.json")) == files

        old = finder(app)
        await pilot.press("f2")
        await switched(pilot, "en", old)
        assert "Methods" in footer(app)
        assert "Eyetracking" in screen_text(app)
        assert learn_step(app).value_of("learn") == "do"
        assert app.workshop.session is not None
        assert app.workshop.session.id == session.id
        assert sorted(user_sessions_dir().glob("*.json")) == files


async def test_the_palette_and_the_workshop_menu_switch_the_language(
    make_app: Callable[[], CxGuideApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FinderScreen))
        old = finder(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"Русский")
        await settle(pilot, lambda: "Русский язык" in screen_text(app))
        await pilot.press("enter")
        await switched(pilot, "ru", old)
        assert "Методы" in footer(app)

        old = finder(app)
        await pilot.press("w")
        await settle(pilot, lambda: "English" in screen_text(app))
        await pilot.press("l")
        await switched(pilot, "en", old)
        assert "Methods" in footer(app)


async def test_every_area_keeps_what_it_showed(make_app: Callable[[], CxGuideApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FinderScreen))
        finder(app).set_answer("question", "why")
        # The briefing of Sweden, with a topic.
        await pilot.press("3")
        await settle(pilot, lambda: isinstance(app.screen, NotesScreen))
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        notes.show_country("SWE")
        # Two countries compared and one opened, in the culture area, which stays on screen.
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, CultureScreen))
        culture = app.screen
        assert isinstance(culture, CultureScreen)
        culture.compare_add("JPN")
        culture.compare_add("DEU")
        culture.choose_country("BRA")
        await pilot.pause()
        compared, chosen = culture.compare_ids, culture.chosen_ids
        assert compared == ("JPN", "DEU")

        await app.switch_language("ru")
        await switched(pilot, "ru", culture)

        assert app.current_mode == "culture"
        new = app.screen
        assert isinstance(new, CultureScreen)
        assert new is not culture
        assert (new.compare_ids, new.chosen_ids) == (compared, chosen)
        assert new.highlighted_country is not None
        assert new.highlighted_country.id == "BRA"
        assert new.highlighted_country.name == "Бразилия"
        assert finder(app).answers.question == "why"
        briefing = app.get_screen_stack("notes")[0]
        assert isinstance(briefing, NotesScreen)
        assert briefing.country_id == "SWE"
        assert app.workshop.countries[:2] == ("JPN", "DEU")
