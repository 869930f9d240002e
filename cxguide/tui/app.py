"""The cxguide app shell: four areas (Textual modes), a help screen, the command palette, and
the workshop: the session in use (saved as it changes), its exports, presenter view.

Knowledge is loaded once, when the app is created; the screens only present it. Screens and
palette providers are imported when first needed, so starting the app stays fast. The areas
report what the room decided with messages (the finder's answers, the countries); the app keeps
them in ``self.workshop`` and saves a moment after the last change.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.timer import Timer

from cxguide.i18n import N_, _, add_language_listener, current_language, ngettext
from cxguide.tui.workshop import Workshop

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen

    from cxguide.knowledge.models import Edition, Knowledge
    from cxguide.logic.ranking import Answers
    from cxguide.session.model import Session
    from cxguide.tui.screens.culture import CultureScreen
    from cxguide.tui.screens.finder import FinderScreen

AREAS = ("methods", "culture", "notes", "data")
EXPORT_DELIVERY = "cxguide-export"
LANGUAGE_MODE = "-language"
"""A blank mode shown for a moment while the areas are built in another language."""
DARK_THEME, LIGHT_THEME = "textual-dark", "textual-light"


def _finder_screen() -> Screen[Any]:
    from cxguide.tui.screens.finder import FinderScreen

    return FinderScreen()


def _culture_screen() -> Screen[Any]:
    from cxguide.tui.screens.culture import CultureScreen

    return CultureScreen()


def _notes_screen() -> Screen[Any]:
    from cxguide.tui.screens.notes import NotesScreen

    return NotesScreen()


def _data_screen() -> Screen[Any]:
    from cxguide.tui.screens.data import DataScreen

    return DataScreen()


def _blank_screen() -> Screen[Any]:
    from textual.screen import Screen

    return Screen()


def _area_commands() -> type[Provider]:
    from cxguide.tui.commands import AreaCommands

    return AreaCommands


def _method_commands() -> type[Provider]:
    from cxguide.tui.commands import MethodCommands

    return MethodCommands


def _country_commands() -> type[Provider]:
    from cxguide.tui.commands import CountryCommands

    return CountryCommands


def _workshop_commands() -> type[Provider]:
    from cxguide.tui.commands import WorkshopCommands

    return WorkshopCommands


class CxGuideApp(App[None]):
    """cxguide in the terminal: research methods, culture map, your notes, sources & data."""

    TITLE = "cxguide"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "methods": _finder_screen,
        "culture": _culture_screen,
        "notes": _notes_screen,
        "data": _data_screen,
    }
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        _area_commands,
        _method_commands,
        _country_commands,
        _workshop_commands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_area('methods')", N_("Methods"), show=True, id="area.methods"),
        Binding("2", "switch_area('culture')", N_("Culture"), show=True, id="area.culture"),
        Binding("3", "switch_area('notes')", N_("Notes"), show=True, id="area.notes"),
        Binding("4", "switch_area('data')", N_("Data"), show=True, id="area.data"),
        Binding("question_mark,f1", "help", N_("Help"), show=True, key_display="?", id="help"),
        # One key for the workshop (sessions, a note, export, presenter view, theme): every
        # area's keys must fit in two rows at 80 columns. F5 is there, and works everywhere.
        Binding("w", "workshop", N_("Workshop"), show=True, id="workshop"),
        Binding("f5", "toggle_presenter", N_("Presenter"), show=False, id="presenter"),
        Binding("f2", "switch_language", N_("Language"), show=False, id="language"),
        Binding("q", "quit", N_("Quit"), show=True, id="quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            N_("Search"),
            show=False,
            priority=True,
            tooltip=N_("Search for a method, a country or an area"),
            id="command_palette",
        ),
    ]
    # Below 120 columns the table and the details stack; from 120 they sit side by side.
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (120, "-wide"),
    ]

    def __init__(self, data_dir: str | None = None) -> None:
        super().__init__()
        from cxguide.knowledge import load_knowledge
        from cxguide.paths import user_data_dir

        self.user_dir = user_data_dir(data_dir)
        """The user's own knowledge directory (it may not exist)."""
        self.knowledge: Knowledge = load_knowledge(self.user_dir)
        """Everything cxguide knows, loaded once."""
        self.workshop = Workshop()
        """The session in use: nothing is written until something worth keeping happens."""
        self.save_delay = 0.5
        """Seconds after the last change before the session is written (a burst saves once)."""
        self.presenter = False
        """Presenter view: large, one thing at a time, for a projector."""
        self._save_timer: Timer | None = None
        self._delivered: set[str] = set()
        self._shown_language = current_language()
        """The language the screens were built in."""
        self._stop_listening: Callable[[], None] | None = None

    def areas(self) -> tuple[tuple[str, str, str], ...]:
        """Each area's mode, title and a line on what it shows."""
        return (
            (
                "methods",
                _("Method finder"),
                _("Answer a few questions; research methods ranked, with reasons"),
            ),
            ("culture", _("Culture map"), _("Countries of the Inglehart–Welzel map, by zone")),
            ("notes", _("Your notes"), _("Your own notes on countries")),
            ("data", _("Sources & data"), _("Sources, files read, and problems found")),
        )

    def problems_notice(self) -> str | None:
        """What the startup notification says about set-aside files, if anything."""
        count = len(self.knowledge.problems)
        if not count:
            return None
        files = len({p.file for p in self.knowledge.problems})
        return " ".join(
            (
                ngettext("{count} problem", "{count} problems", count).format(count=count),
                ngettext(
                    "in {files} knowledge file: it was set aside.",
                    "in {files} knowledge files: they were set aside.",
                    files,
                ).format(files=files),
                _("Press 4 (Data) to see where and how to fix them."),
            )
        )

    def on_mount(self) -> None:
        self._stop_listening = add_language_listener(self._language_set)
        self.show_session_name()
        self.switch_mode("methods")
        notice = self.problems_notice()
        if notice:
            self.notify(
                notice, title=_("Some files were set aside"), severity="warning", timeout=20
            )

    def action_switch_area(self, area: str) -> None:
        """Show one of the four areas."""
        self.switch_mode(area)

    def action_help(self) -> None:
        """Open the help screen over the current area."""
        from cxguide.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Open the command palette, with a placeholder in plain words."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                CommandPalette(
                    placeholder=_("Search for a method, a country or an area…"),
                    id="--command-palette",
                )
            )

    async def _close_dialogs(self) -> None:
        """Close the help (or any dialog) so the area itself is on top."""
        while self.screen.is_modal and len(self.screen_stack) > 1:
            await self.pop_screen()

    async def open_method(self, method_id: str, edition: Edition) -> None:
        """Go to the method finder, choose ``edition``, select the method and open its view."""
        from cxguide.tui.screens.finder import FinderScreen

        await self._close_dialogs()
        await self.switch_mode("methods")
        # Back to the finder itself if a method view is open over it.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, FinderScreen):
            await self.pop_screen()
        screen = self.screen
        if isinstance(screen, FinderScreen) and screen.show_method(method_id, edition):
            screen.open_method(method_id)

    async def open_country(self, country_id: str) -> None:
        """Go to the culture map and highlight the country; the session keeps it."""
        from cxguide.tui.screens.culture import CultureScreen

        await self._close_dialogs()
        await self.switch_mode("culture")
        screen = self.get_screen_stack("culture")[0]
        if isinstance(screen, CultureScreen):
            screen.choose_country(country_id)

    # ------------------------------------------------------------------ the session in use

    def show_session_name(self) -> None:
        """The header names the session in use."""
        self.title = _("cxguide · {session}").format(session=self.workshop.name)

    def _session_changed(self, changed: bool) -> None:
        """After a change: name in the header, and a save a moment after the last change."""
        if not changed:
            return
        self.show_session_name()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.save_delay, self.save_session_now)

    def save_session_now(self) -> bool:
        """Write the session if it changed; a problem is shown once. True when all is saved."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        had_problem = self.workshop.problem
        problem = self.workshop.save()
        if problem is not None and problem != had_problem:
            self.notify(
                problem,
                title=_("The session could not be saved"),
                severity="error",
                timeout=20,
            )
        self.show_session_name()
        return problem is None

    def on_unmount(self) -> None:
        # Quitting: what changed in the last moment is saved too.
        self.save_session_now()
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None

    def on_finder_screen_answers_changed(self, event: FinderScreen.AnswersChanged) -> None:
        self._session_changed(self.workshop.set_answers(event.answers, event.edition))

    def on_culture_screen_countries_changed(self, event: CultureScreen.CountriesChanged) -> None:
        from cxguide.session.model import SessionError

        try:
            changed = self.workshop.set_countries(event.compared, event.chosen)
        except SessionError as problem:
            self.notify(str(problem), title=_("Not kept in the session"), severity="warning")
            return
        self._session_changed(changed)

    def add_session_note(self, text: str) -> bool:
        """Add a note to the session in use; False (with a message) if it cannot be kept."""
        from cxguide.session.model import SessionError

        try:
            changed = self.workshop.add_note(text)
        except SessionError as problem:
            self.notify(
                _("The note {problem}: {fix}.").format(problem=problem.problem, fix=problem.fix),
                severity="warning",
            )
            return False
        self._session_changed(changed)
        return changed

    def _area_screen(self, mode: str) -> Screen[Any] | None:
        """The base screen of an area, if it was opened already."""
        try:
            stack = self.get_screen_stack(mode)
        except KeyError:
            return None
        return stack[0] if stack else None

    def _show_in_areas(
        self, answers: Answers, edition: Edition, countries: tuple[str, ...]
    ) -> None:
        """The finder and the culture map show a session's answers and countries."""
        from cxguide.tui.screens.culture import CultureScreen
        from cxguide.tui.screens.finder import FinderScreen

        finder = self._area_screen("methods")
        if isinstance(finder, FinderScreen):
            finder.load_answers(answers, edition)
        culture = self._area_screen("culture")
        if isinstance(culture, CultureScreen) and culture.is_mounted:
            culture.load_countries(countries)

    async def resume_session(self, session: Session) -> None:
        """Carry on with a saved session: the finder and the culture map show what it holds."""
        self.save_session_now()
        self.workshop.resume(session)
        await self._close_dialogs()
        self._show_in_areas(session.answers, session.edition, session.countries)
        self.show_session_name()
        self.notify(_("Resumed '{name}'.").format(name=session.name), title=_("Session"))

    async def new_session(self) -> None:
        """Start a new session: the answers and countries are cleared (the last one is saved)."""
        from cxguide.logic.ranking import Answers

        self.save_session_now()
        edition = self.workshop.edition
        self.workshop.start_new()
        await self._close_dialogs()
        self._show_in_areas(Answers(), edition, ())
        self.show_session_name()
        self.notify(
            _("A new session: it is saved as soon as something is answered, opened or noted."),
            title=_("Session"),
        )

    def rename_session(self, session: Session, name: str) -> bool:
        """Rename a session (the one in use, or another saved one); False after a message."""
        from cxguide.session.model import SessionError
        from cxguide.session.store import rename_session

        try:
            current = self.workshop.session
            if current is not None and current.id == session.id:
                self._session_changed(self.workshop.rename(name))
                return self.save_session_now()
            rename_session(session.id, name, self.workshop.directory)
        except SessionError as problem:
            self.notify(str(problem), title=_("Not renamed"), severity="error", timeout=15)
            return False
        return True

    def rename_current_session(self) -> None:
        """Ask for a new name for the session in use."""
        from cxguide.tui.screens.sessions import RenameDialog

        session = self.workshop.current()

        def done(name: str | None) -> None:
            if name is not None:
                if self.workshop.session is None:
                    self._session_changed(self.workshop.rename(name))
                    self.save_session_now()
                else:
                    self.rename_session(self.workshop.session, name)

        self.push_screen(RenameDialog(session), done)

    def duplicate_session(self, session: Session) -> Session | None:
        """Save a copy of a session ('Copy of …'); None after a message."""
        from cxguide.session.model import SessionError
        from cxguide.session.store import duplicate_session

        self.save_session_now()
        try:
            copy = duplicate_session(session.id, self.workshop.directory)
        except SessionError as problem:
            self.notify(str(problem), title=_("Not duplicated"), severity="error", timeout=15)
            return None
        self.notify(_("Saved a copy: '{name}'.").format(name=copy.name), title=_("Session"))
        return copy

    def delete_session(self, session: Session) -> bool:
        """Delete a session's file; the one in use goes on as a new, unsaved session."""
        from cxguide.session.model import SessionError
        from cxguide.session.store import delete_session

        if self._save_timer is not None and self.workshop.session is not None:
            if self.workshop.session.id == session.id:
                self._save_timer.stop()
                self._save_timer = None
        try:
            delete_session(session.id, self.workshop.directory)
        except SessionError as problem:
            self.notify(str(problem), title=_("Not deleted"), severity="error", timeout=15)
            return False
        if self.workshop.forget(session.id):
            self.show_session_name()
        self.notify(_("Deleted '{name}'.").format(name=session.name), title=_("Session"))
        return True

    def saved_sessions(self) -> list[Session]:
        """The sessions that can be resumed, newest first."""
        return [e.session for e in self.workshop.entries() if e.session is not None]

    def action_workshop(self) -> None:
        """Open the workshop menu: sessions, a note, export, presenter view, theme."""
        from cxguide.tui.screens.sessions import WorkshopMenu

        self.push_screen(WorkshopMenu())

    def action_sessions(self) -> None:
        """Open the list of saved sessions."""
        from cxguide.tui.screens.sessions import SessionsScreen

        self.save_session_now()
        self.push_screen(SessionsScreen())

    def action_session_notes(self) -> None:
        """Open the session's notes, to add one."""
        from cxguide.tui.screens.sessions import SessionNotesScreen

        self.push_screen(SessionNotesScreen())

    # ------------------------------------------------------------------ exports

    def action_export(self, kind: str = "") -> None:
        """Export the session in use: ask which file (or make ``kind``: md, json, svg)."""
        from cxguide.tui.screens.export_dialog import ExportDialog

        if kind:
            self.export_session(kind)
            return

        def done(chosen: str | None) -> None:
            if chosen:
                self.export_session(chosen)

        self.push_screen(ExportDialog(self.workshop.name), done)

    def export_text(self, kind: str, session: Session) -> str:
        """The text of an export of ``session``: 'md', 'json' or 'svg'."""
        if kind == "json":
            from cxguide.export.session_json import session_json_text

            return session_json_text(session, self.knowledge)
        if kind == "svg":
            from cxguide.export.session_svg import session_svg

            return session_svg(session, self.knowledge)
        from cxguide.export.session_markdown import session_markdown

        return session_markdown(session, self.knowledge)

    def export_session(self, kind: str) -> str | None:
        """Make the export and deliver it: to the downloads directory in a terminal, as a
        download in a browser. Returns the file name (None if it could not be made)."""
        from platformdirs import user_downloads_path

        from cxguide.tui.screens.export_dialog import format_name
        from cxguide.tui.workshop import export_file_name, free_file_name

        self.save_session_now()
        session = self.workshop.current()
        text = self.export_text(kind, session)
        file_name = export_file_name(session, kind)
        directory: Path | None = None
        if not self.is_web:
            directory = Path(user_downloads_path())
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as problem:
                self.notify(
                    _("The downloads directory {path} cannot be made ({reason}).").format(
                        path=directory, reason=problem.strerror or problem
                    ),
                    title=_("Not exported"),
                    severity="error",
                )
                return None
            file_name = free_file_name(directory, file_name, self._delivered)
            self._delivered.add(file_name)
        self.deliver_text(
            io.StringIO(text),
            save_directory=directory,
            save_filename=file_name,
            name=EXPORT_DELIVERY,
            encoding="utf-8",
        )
        self.notify(
            _("Making {what}: {file}…").format(what=format_name(kind), file=file_name),
            title=_("Export"),
        )
        return file_name

    @on(events.DeliveryComplete)
    def _export_delivered(self, event: events.DeliveryComplete) -> None:
        if event.name != EXPORT_DELIVERY:
            return
        if event.path is None or self.is_web:
            message = _("Your browser downloads the file.")
        else:
            message = _("Saved to {path}").format(path=event.path)
        self.notify(message, title=_("Exported"), timeout=15)

    @on(events.DeliveryFailed)
    def _export_failed(self, event: events.DeliveryFailed) -> None:
        if event.name != EXPORT_DELIVERY:
            return
        self.notify(
            _("The file could not be written: {reason}").format(reason=event.exception),
            title=_("Not exported"),
            severity="error",
            timeout=20,
        )

    # ------------------------------------------------------------------ presenter view, theme

    def action_toggle_presenter(self) -> None:
        """Presenter view for a projector: one thing at a time, large and plain; or back."""
        self.set_presenter(not self.presenter)

    def set_presenter(self, presenter: bool) -> None:
        from cxguide.tui.screens.base import AreaScreen

        self.presenter = presenter
        self.set_class(presenter, "-presenter")
        for mode in AREAS:
            screen = self._area_screen(mode)
            if isinstance(screen, AreaScreen):
                screen.presenter_changed(presenter)

    @property
    def light(self) -> bool:
        """Whether a light theme is in use."""
        return not self.current_theme.dark

    def action_set_theme(self, light: bool) -> None:
        """The light theme (for a bright room or a projector) or the dark one."""
        self.theme = LIGHT_THEME if light else DARK_THEME

    # ------------------------------------------------------------------ language

    async def action_switch_language(self) -> None:
        """Switch between English and Russian (F2)."""
        from cxguide.tui.language import other_language

        await self.switch_language(other_language())

    async def switch_language(self, language: str) -> None:
        """Show everything in ``language``: the knowledge is read in it, every area is built
        again and shows what it showed; the session in use stays the same session."""
        from cxguide.i18n import set_language

        set_language(language)
        await self.apply_language()

    def _language_set(self, language: str) -> None:
        # set_language() was called (here or elsewhere): redraw once the call is over.
        if language != self._shown_language:
            self.call_later(self.apply_language)

    async def apply_language(self) -> None:
        """Build every area again in the current language, if it is not the one shown."""
        from cxguide.knowledge import load_knowledge
        from cxguide.tui.language import LANGUAGE_NAMES, capture, restore

        language = current_language()
        if language == self._shown_language:
            return
        self._shown_language = language
        self.save_session_now()
        await self._close_dialogs()
        state = capture(self, AREAS)
        self.knowledge = load_knowledge(self.user_dir)
        # The area on screen cannot be removed: a blank screen stands in for a moment.
        self.add_mode(LANGUAGE_MODE, _blank_screen)
        await self.switch_mode(LANGUAGE_MODE)
        for mode in AREAS:
            await self.remove_mode(mode)
            self.add_mode(mode, self.MODES[mode])
        for mode in (*(m for m in state.opened if m != state.area), state.area):
            await self.switch_mode(mode)
            restore(self, mode, state)
        await self.remove_mode(LANGUAGE_MODE)
        self.show_session_name()
        self.notify(LANGUAGE_NAMES[language], title=_("Language"), timeout=3)
