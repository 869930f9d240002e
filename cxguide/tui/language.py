"""Switching the language of the running app (F2, the palette, the workshop menu's l).

Every area screen is built again in the new language, so nothing is left half-translated, and
what the areas showed is put back: the finder's answers, edition, step, view and highlighted
method (and its page, if it was open), the culture area's zone, highlighted country, compared
and opened countries and view, the briefing's country and topic, and the area on screen.
The workshop session is neither changed nor renamed: it is the same session, in the same file.

``AreaState`` is what is read from the screens before they go; ``capture`` reads it and
``restore`` puts it back into the new screens. Nothing here is translated itself: the language
names are written each in its own language, as a user who cannot read the other one needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxguide.i18n import current_language

if TYPE_CHECKING:
    from textual.screen import Screen

    from cxguide.knowledge.models import Edition
    from cxguide.logic.ranking import Answers
    from cxguide.tui.app import CxGuideApp

# Each language by its own name: the one to switch to must be readable before switching.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский язык"}


def other_language(language: str | None = None) -> str:
    """The language a switch goes to from ``language`` (default: the current one)."""
    return "en" if (language or current_language()) == "ru" else "ru"


def switch_label(language: str | None = None) -> str:
    """What the switch is called: the other language, in that language ('Русский язык')."""
    return LANGUAGE_NAMES[other_language(language)]


@dataclass(frozen=True, slots=True)
class AreaState:
    """What the areas showed, kept while they are built again in another language."""

    area: str
    opened: tuple[str, ...]
    """The areas that had been opened (each is built again, the current one last)."""
    answers: Answers | None = None
    edition: Edition | None = None
    step: int = 0
    finder_view: str = "list"
    method: str | None = None
    """The method highlighted in the finder (pinned by the user), if any."""
    method_open: bool = False
    """Whether that method's page was open over the finder."""
    culture: CultureState | None = None
    briefing_country: str | None = None
    briefing_topic: str | None = None


@dataclass(frozen=True, slots=True)
class CultureState:
    """What the culture area showed."""

    compared: tuple[str, ...]
    chosen: tuple[str, ...]
    zone: str | None
    country: str | None
    view: str
    map_shown: bool


def _base(app: CxGuideApp, mode: str) -> tuple[Screen[object], ...]:
    try:
        return tuple(app.get_screen_stack(mode))
    except KeyError:
        return ()


def capture(app: CxGuideApp, areas: tuple[str, ...]) -> AreaState:
    """Read what every opened area shows (before the screens are built again)."""
    from cxguide.tui.screens.culture import CultureScreen
    from cxguide.tui.screens.finder import FinderScreen
    from cxguide.tui.screens.method_view import MethodViewScreen
    from cxguide.tui.screens.notes import NotesScreen

    opened = tuple(mode for mode in areas if _base(app, mode))
    values: dict[str, object] = {}
    stack = _base(app, "methods")
    if stack and isinstance(stack[0], FinderScreen):
        finder = stack[0]
        values.update(
            answers=finder.answers,
            edition=finder.edition,
            step=finder.step,
            finder_view=finder.view,
            method=finder.pinned_method,
        )
        pages = [s for s in stack[1:] if isinstance(s, MethodViewScreen)]
        if pages:
            values.update(method=pages[-1].method.id, method_open=True)
    stack = _base(app, "culture")
    if stack and isinstance(stack[0], CultureScreen) and stack[0].is_mounted:
        culture = stack[0]
        highlighted = culture.highlighted_country
        values["culture"] = CultureState(
            compared=culture.compare_ids,
            chosen=culture.chosen_ids,
            zone=culture.zone.id if culture.zone else None,
            country=highlighted.id if highlighted else None,
            view=culture.view,
            map_shown=culture.map_shown,
        )
    stack = _base(app, "notes")
    if stack and isinstance(stack[0], NotesScreen):
        values.update(briefing_country=stack[0].country_id, briefing_topic=stack[0].topic)
    return AreaState(area=app.current_mode, opened=opened, **values)  # type: ignore[arg-type]


def restore(app: CxGuideApp, mode: str, state: AreaState) -> None:
    """Put back into the (new, mounted) screen of ``mode`` what ``state`` says it showed."""
    from cxguide.tui.screens.culture import CultureScreen
    from cxguide.tui.screens.finder import FinderScreen
    from cxguide.tui.screens.notes import NotesScreen

    stack = _base(app, mode)
    if not stack:
        return
    screen = stack[0]
    if isinstance(screen, FinderScreen) and state.answers is not None:
        screen.load_answers(state.answers, state.edition or screen.edition)
        screen.go_step(state.step)
        if screen.view != state.finder_view:
            screen.action_toggle_view()
        if state.method is not None and screen.show_method(state.method, screen.edition):
            if state.method_open and state.area == mode:
                screen.open_method(state.method)
    elif isinstance(screen, CultureScreen) and state.culture is not None:
        c = state.culture
        screen.restore(c.compared, c.chosen, c.zone, c.country, c.view == "compare", c.map_shown)
    elif isinstance(screen, NotesScreen):
        screen.show_topic(state.briefing_topic)
        screen.show_country(state.briefing_country)
