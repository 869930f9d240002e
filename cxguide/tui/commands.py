"""Command-palette providers (Ctrl+P): go to an area, open a method's page, open a country,
the workshop (sessions, exports, notes, presenter view, light or dark theme), and (in the
culture area) add countries to the comparison or take them out.

Each app-wide command calls a public method of the app, which switches area and asks that
area's screen to show the item. The comparison's commands belong to the culture screen (its
``COMMANDS``) and call that screen's own public methods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from cxguide.i18n import _
from cxguide.tui.language import other_language, switch_label

if TYPE_CHECKING:
    from cxguide.tui.app import CxGuideApp
    from cxguide.tui.screens.culture import CultureScreen

# One command: what it is called, what it does, what it runs.
Command = tuple[str, str, Callable[[], object]]


class _CxProvider(Provider):
    """A provider over a fixed list of commands, matched on any of a few names each."""

    @property
    def cx(self) -> CxGuideApp:
        return cast("CxGuideApp", self.app)

    def commands(self) -> Iterator[tuple[Command, tuple[str, ...]]]:
        """Each command with the words it can be found by (the first is its name)."""
        yield from ()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for (name, help_text, run), words in self.commands():
            best_score, best_word = max((matcher.match(w), w) for w in words)
            if best_score <= 0:
                continue
            if best_word.casefold() in name.casefold():
                display = matcher.highlight(name)
            else:
                display = matcher.highlight(f"{name} — {best_word}")
            yield Hit(best_score, display, run, text=name, help=help_text)


class AreaCommands(_CxProvider):
    """Go to one of the four areas, open the help, quit."""

    def commands(self) -> Iterator[tuple[Command, tuple[str, ...]]]:
        app = self.cx
        for area, title, help_text in app.areas():
            name = _("Go to {area}").format(area=title)
            yield (name, help_text, partial(app.action_switch_area, area)), (name,)
        help_name = _("Help")
        yield (help_name, _("What each area shows and every key"), app.action_help), (help_name,)
        quit_name = _("Quit")
        yield (quit_name, _("Close cxguide"), app.exit), (quit_name,)

    async def discover(self) -> Hits:
        for (name, help_text, run), _words in self.commands():
            yield DiscoveryHit(name, run, help=help_text)


class MethodCommands(_CxProvider):
    """Open a research method of either edition, found by its name or another name for it.

    The finder switches to the method's edition (the answers stay), selects it, and opens its
    page.
    """

    def commands(self) -> Iterator[tuple[Command, tuple[str, ...]]]:
        app = self.cx
        for method in app.knowledge.methods:
            name = _("{method} ({edition})").format(method=method.name, edition=method.edition)
            help_text = _("Research method, {edition} edition: open its page in the finder").format(
                edition=method.edition
            )
            run = partial(app.open_method, method.id, method.edition)
            yield (name, help_text, run), (name, *method.aliases)


class CountryCommands(_CxProvider):
    """Open a country of the cultural map, found by its name or its code."""

    def commands(self) -> Iterator[tuple[Command, tuple[str, ...]]]:
        from cxguide.knowledge.models import english
        from cxguide.logic.catalogue import russian_names

        app = self.cx
        knowledge = app.knowledge
        if getattr(self, "_russian_for", None) is not knowledge:  # once per palette, not per key
            self._russian_for = knowledge
            self._russian = russian_names(knowledge)  # "Швеция" finds Sweden in either language
        in_russian: dict[str, str] = self._russian
        for country in knowledge.countries:
            code = country.iso3 or country.id
            name = f"{country.name} ({code})"
            zone = knowledge.zone(country.zone)
            help_text = _("Country on the culture map, {zone}").format(
                zone=zone.name if zone else _("zone unknown")
            )
            run = partial(app.open_country, country.id)
            words = (
                name,
                country.id,
                english(country, "name") or "",
                in_russian.get(country.id, ""),
            )
            yield (name, help_text, run), tuple(w for w in words if w)


class WorkshopCommands(_CxProvider):
    """The workshop: export, sessions (new, resume each saved one, rename, notes), presenter
    view, the language and the light or dark theme."""

    def _fixed(self) -> Iterator[Command]:
        app = self.cx
        for kind, name, help_text in (
            (
                "md",
                _("Export: Markdown report"),
                _("The session as a report for the client: methods, plan, countries, notes"),
            ),
            ("json", _("Export: JSON data"), _("The session with its ranking, for other tools")),
            ("svg", _("Export: SVG picture"), _("The landscape and the cultural map, for slides")),
        ):
            yield name, help_text, partial(app.action_export, kind)
        yield (
            _("Sessions: list, resume, rename, duplicate, delete"),
            _("Every saved workshop session"),
            app.action_sessions,
        )
        yield (
            _("New session"),
            _("Start afresh: the session in use stays saved"),
            app.new_session,
        )
        yield (
            _("Rename this session"),
            _("Now: {name}").format(name=app.workshop.name),
            app.rename_current_session,
        )
        yield (
            _("Session notes: add a note"),
            _("Write down what the room decided"),
            app.action_session_notes,
        )
        yield (
            _("Presenter view: off") if app.presenter else _("Presenter view: on"),
            _("Large and plain, one thing at a time, for a projector (F5)"),
            app.action_toggle_presenter,
        )
        yield (
            switch_label(),
            _("Show cxguide in another language; the session stays as it is (F2)"),
            partial(app.switch_language, other_language()),
        )
        if app.light:
            yield (
                _("Dark theme"),
                _("Light text on a dark background"),
                partial(app.action_set_theme, False),
            )
        else:
            yield (
                _("Light theme"),
                _("Dark text on a light background, for a bright room"),
                (partial(app.action_set_theme, True)),
            )

    def _resume(self) -> Iterator[Command]:
        from cxguide.tui.workshop import local_time, summary

        app = self.cx
        current = app.workshop.session
        for session in app.saved_sessions():
            if current is not None and session.id == current.id:
                continue
            yield (
                _("Resume session: {name}").format(name=session.name),
                _("Last changed {when}; {holds}").format(
                    when=local_time(session.updated), holds=summary(session)
                ),
                partial(app.resume_session, session),
            )

    def commands(self) -> Iterator[tuple[Command, tuple[str, ...]]]:
        for command in (*self._fixed(), *self._resume()):
            words: tuple[str, ...] = (command[0],)
            if command[0] == switch_label():
                # Found by the word for 'language' in either language.
                words = (command[0], _("Language"), "Language", "Язык")
            yield command, words

    async def discover(self) -> Hits:
        for name, help_text, run in self._fixed():
            yield DiscoveryHit(name, run, help=help_text)


class CompareCommands(_CxProvider):
    """The culture map's comparison: add a country, take one out, show it, clear it.

    Registered on the culture screen (``CultureScreen.COMMANDS``); each command calls one of
    that screen's public methods.
    """

    def _culture(self) -> CultureScreen | None:
        from cxguide.tui.screens.culture import CultureScreen

        screen = self.screen
        return screen if isinstance(screen, CultureScreen) else None

    def _set_commands(self, screen: CultureScreen) -> Iterator[Command]:
        """Show and clear, once there is something to show or to clear."""
        from cxguide.logic.limits import COMPARE_MIN

        if len(screen.compare_ids) >= COMPARE_MIN:
            yield (
                _("Compare: show side by side"),
                _("The compared countries in a table and on the map"),
                screen.show_comparison,
            )
        if screen.compare_ids:
            yield (
                _("Compare: clear"),
                _("Take every country out of the comparison"),
                screen.compare_clear,
            )

    def _country_commands(self, screen: CultureScreen, compared_only: bool) -> Iterator[Command]:
        """'Compare: remove' for each compared country, 'Compare: add' for each other one."""
        from cxguide.logic.limits import COMPARE_MAX

        compared = screen.compare_ids
        for country in self.cx.knowledge.countries:
            label = f"{country.name} ({country.iso3 or country.id})"
            if country.id in compared:
                yield (
                    _("Compare: remove {country}").format(country=label),
                    _("Take {country} out of the comparison").format(country=country.name),
                    partial(screen.compare_remove, country.id),
                )
            elif not compared_only:
                yield (
                    _("Compare: add {country}").format(country=label),
                    _(
                        "Put {country} in the comparison, beside the others (at most {most} "
                        "countries)"
                    ).format(country=country.name, most=COMPARE_MAX),
                    partial(screen.compare_add, country.id),
                )

    def commands(self) -> Iterator[tuple[Command, tuple[str, ...]]]:
        screen = self._culture()
        if screen is None:
            return
        for command in (*self._set_commands(screen), *self._country_commands(screen, False)):
            yield command, (command[0],)

    async def discover(self) -> Hits:
        screen = self._culture()
        if screen is None:
            return
        for name, help_text, run in (
            *self._set_commands(screen),
            *self._country_commands(screen, True),
        ):
            yield DiscoveryHit(name, run, help=help_text)
