"""Workshop sessions: the workshop menu (key w), the list of sessions (resume, rename,
duplicate, delete, start a new one), the dialogs it opens, and the session notes.

The screens only ask: every change goes through the app (``CxGuideApp.resume_session`` and the
others), which keeps the current session and the store in step. A file that cannot be read is
listed with its problem, and nothing here can change it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from cxguide.i18n import N_, _
from cxguide.session.model import Session, SessionError
from cxguide.session.store import SessionEntry
from cxguide.tui.language import switch_label
from cxguide.tui.widgets.key_bar import KeyBar
from cxguide.tui.workshop import local_time, summary

if TYPE_CHECKING:
    from cxguide.tui.app import CxGuideApp

# Actions that need a readable session under the cursor.
SESSION_ACTIONS = frozenset({"resume", "rename", "duplicate", "delete"})


def entry_row(entry: SessionEntry, current_id: str | None) -> tuple[str, str, str, str]:
    """One row of the list: a mark for the current session, the name, when, what it holds."""
    mark = "●" if entry.id == current_id else ""
    if entry.session is None:
        holds = (
            _("Written by a newer cxguide: left as it is")
            if entry.newer
            else _("Cannot be read: left as it is")
        )
        return "!", entry.name, local_time(entry.when), holds
    return mark, entry.session.name, local_time(entry.when), summary(entry.session)


def entry_detail(entry: SessionEntry | None, current_id: str | None) -> str:
    """What the line under the list says about the highlighted file."""
    if entry is None:
        return _(
            "No saved sessions yet. A session is saved as soon as the finder has an answer, a "
            "country is compared or opened, or a note is taken."
        )
    if entry.session is None:
        return _("{problem}. cxguide will not change, rename or delete this file.").format(
            problem=(entry.problem or _("It cannot be read")).rstrip(".")
        )
    where = _("File: {file}").format(file=entry.path.name)
    if entry.id == current_id:
        return _("This is the session in use now. {where}").format(where=where)
    return where


class _CxModal(ModalScreen[object]):
    @property
    def cx(self) -> CxGuideApp:
        return cast("CxGuideApp", self.app)


class SessionsScreen(_CxModal):
    """Every saved session, newest first; files that cannot be read, with their problem."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "resume", N_("Resume"), show=True, priority=True, id="sessions.resume"),
        Binding("n", "new", N_("New session"), show=True, id="sessions.new"),
        Binding("r", "rename", N_("Rename"), show=True, id="sessions.rename"),
        Binding("d", "duplicate", N_("Duplicate"), show=True, id="sessions.duplicate"),
        Binding("delete,x", "delete", N_("Delete"), show=True, id="sessions.delete"),
        Binding("escape,s", "close", N_("Close"), show=True, id="sessions.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[SessionEntry] = []
        """The files listed, in the table's order."""

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions-dialog", classes="dialog"):
            yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="session-detail", markup=False)
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        dialog = self.query_one("#sessions-dialog")
        dialog.border_title = _("Workshop sessions")
        dialog.border_subtitle = _("Saved as you go")
        table = self.query_one(DataTable)
        table.add_column("", key="mark", width=1)
        table.add_column(_("Name"), key="name")
        table.add_column(_("Last changed"), key="when")
        table.add_column(_("What it holds"), key="holds")
        self.refresh_list()
        table.focus()

    @property
    def current_id(self) -> str | None:
        session = self.cx.workshop.session
        return session.id if session is not None else None

    def refresh_list(self, select: str | None = None) -> None:
        """Read the sessions directory again; keep the cursor on ``select`` (or where it was)."""
        table = self.query_one(DataTable)
        keep = select or self.highlighted_id or self.current_id
        self.entries = self.cx.workshop.entries()
        table.clear()
        for entry in self.entries:
            table.add_row(*entry_row(entry, self.current_id), key=entry.id)
        ids = [e.id for e in self.entries]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        self._show_detail()
        self.refresh_bindings()

    @property
    def highlighted(self) -> SessionEntry | None:
        """The file under the cursor."""
        table = self.query_one(DataTable)
        if not self.entries or not 0 <= table.cursor_row < len(self.entries):
            return None
        return self.entries[table.cursor_row]

    @property
    def highlighted_id(self) -> str | None:
        entry = self.highlighted if self.is_mounted and self.entries else None
        return entry.id if entry else None

    def _show_detail(self) -> None:
        self.query_one("#session-detail", Static).update(
            entry_detail(self.highlighted, self.current_id)
        )

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SESSION_ACTIONS:
            entry = self.highlighted
            # Hidden when there is no file; shown but dimmed on a file that cannot be read.
            if entry is None:
                return False
            return True if entry.ok else None
        return True

    def _readable(self) -> Session | None:
        entry = self.highlighted
        if entry is None or entry.session is None:
            if entry is not None:
                self.notify(entry_detail(entry, None), severity="warning")
            return None
        return entry.session

    async def action_resume(self) -> None:
        """Make the highlighted session the one in use: the finder and the culture map follow."""
        session = self._readable()
        if session is not None:
            self.dismiss(None)
            await self.cx.resume_session(session)

    async def action_new(self) -> None:
        """Start a new session (the one in use stays saved)."""
        self.dismiss(None)
        await self.cx.new_session()

    def action_rename(self) -> None:
        """Give the highlighted session a new name."""
        session = self._readable()
        if session is None:
            return

        def done(name: str | None) -> None:
            if name is not None and self.cx.rename_session(session, name):
                self.refresh_list(select=session.id)

        self.app.push_screen(RenameDialog(session), done)

    def action_duplicate(self) -> None:
        """Save a copy of the highlighted session ('Copy of …')."""
        session = self._readable()
        if session is not None:
            copy = self.cx.duplicate_session(session)
            if copy is not None:
                self.refresh_list(select=copy.id)

    def action_delete(self) -> None:
        """Delete the highlighted session, after asking."""
        session = self._readable()
        if session is None:
            return

        def done(sure: bool | None) -> None:
            if sure and self.cx.delete_session(session):
                self.refresh_list()

        self.app.push_screen(ConfirmDelete(session), done)

    def action_close(self) -> None:
        self.dismiss(None)


class RenameDialog(ModalScreen[str | None]):
    """A new name for a session; a name that cannot be used is explained, not taken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", N_("Save the name"), show=True, priority=True, id="rename.save"),
        Binding("escape", "cancel", N_("Cancel"), show=True, id="rename.cancel"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-dialog", classes="dialog small-dialog"):
            yield Static(_("Name of the session:"), markup=False)
            yield Input(self.session.name, id="rename-input", select_on_focus=True)
            yield Static("", id="rename-problem", markup=False)
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#rename-dialog").border_title = _("Rename")
        self.query_one(Input).focus()

    def problem(self, name: str) -> str | None:
        """Why ``name`` cannot be the session's name, or None."""
        try:
            dataclasses.replace(self.session, name=" ".join(name.split()))
        except SessionError as problem:
            return _("The name {problem}: {fix}.").format(problem=problem.problem, fix=problem.fix)
        return None

    def action_save(self) -> None:
        name = self.query_one(Input).value
        problem = self.problem(name)
        if problem is not None:
            self.query_one("#rename-problem", Static).update(problem)
            return
        self.dismiss(" ".join(name.split()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[bool]):
    """Ask before deleting a session's file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes, delete"), show=True, id="delete.yes"),
        Binding("n,escape", "answer(False)", N_("No, keep"), show=True, id="delete.no"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-dialog", classes="dialog small-dialog -warning"):
            yield Static(
                _("Delete the session '{name}'?").format(name=self.session.name), markup=False
            )
            yield Static(
                _("Its file is deleted; this cannot be undone. {summary}.").format(
                    summary=_("It holds {what}").format(what=summary(self.session))
                ),
                classes="listing-note",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Yes, delete (y)"), variant="error", id="delete-yes")
                yield Button(_("No, keep it (n)"), id="delete-no")
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#delete-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete-yes")

    def action_answer(self, sure: bool) -> None:
        self.dismiss(sure)


class SessionNotesScreen(_CxModal):
    """The notes of the session in use, and a box to write a new one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "add", N_("Add the note"), show=True, priority=True, id="notes.add"),
        Binding("escape", "close", N_("Close"), show=True, id="notes.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="session-notes-dialog", classes="dialog"):
            with VerticalScroll(id="session-notes-list"):
                yield Static("", id="session-notes-text", markup=False)
            yield TextArea(id="session-note-input", soft_wrap=True, show_line_numbers=False)
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#session-notes-dialog").border_title = _("Session notes")
        self.query_one(TextArea).border_title = _("New note (Ctrl+S adds it)")
        self._show_notes()
        self.query_one(TextArea).focus()

    def _show_notes(self) -> None:
        session = self.cx.workshop.session
        notes = session.notes if session is not None else ()
        dialog = self.query_one("#session-notes-dialog")
        dialog.border_subtitle = self.cx.workshop.name
        if not notes:
            text = _("No notes in this session yet. Write one below: what the room decided.")
        else:
            text = "\n\n".join(f"{local_time(note.created)}  {note.text}" for note in notes)
        self.query_one("#session-notes-text", Static).update(text)
        self.query_one("#session-notes-list", VerticalScroll).scroll_end(animate=False)

    def action_add(self) -> None:
        """Add what is written to the session; the box empties for the next note."""
        area = self.query_one(TextArea)
        if not area.text.strip():
            self.notify(_("Write the note first, then press Ctrl+S."))
            return
        if self.cx.add_session_note(area.text):
            area.clear()
            self._show_notes()

    def action_close(self) -> None:
        self.dismiss(None)


class WorkshopMenu(_CxModal):
    """Everything for a workshop, one key each: sessions, a note, export, rename, presenter
    view, the light or dark theme, the language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "run('sessions')", N_("Sessions"), show=True, id="workshop.sessions"),
        Binding("n", "run('session_notes')", N_("Session note"), show=True, id="workshop.note"),
        Binding("e", "run('export')", N_("Export"), show=True, id="workshop.export"),
        Binding("r", "run('rename')", N_("Rename"), show=True, id="workshop.rename"),
        Binding(
            "f5,p", "run('toggle_presenter')", N_("Presenter"), show=True, id="workshop.presenter"
        ),
        Binding("t", "run('theme')", N_("Light/dark"), show=True, id="workshop.theme"),
        Binding("l,f2", "run('language')", N_("Language"), show=True, id="workshop.language"),
        Binding("escape,w", "close", N_("Close"), show=True, id="workshop.close"),
    ]

    def entries(self) -> list[tuple[str, str, str]]:
        """Each entry: its action, its key and what it does."""
        cx = self.cx
        return [
            ("sessions", "s", _("Sessions: resume, rename, duplicate, delete, new")),
            ("session_notes", "n", _("Add a note to this session")),
            ("export", "e", _("Export for the client: Markdown, JSON or SVG")),
            ("rename", "r", _("Rename this session")),
            (
                "toggle_presenter",
                "p",
                _("Presenter view: off (F5)") if cx.presenter else _("Presenter view: on (F5)"),
            ),
            ("theme", "t", _("Dark theme") if cx.light else _("Light theme")),
            ("language", "l", switch_label()),
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="workshop-menu", classes="dialog small-dialog"):
            yield OptionList(
                *(Option(f"{key}  {text}", id=action) for action, key, text in self.entries()),
                id="workshop-actions",
            )
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        menu = self.query_one("#workshop-menu")
        menu.border_title = _("Workshop")
        menu.border_subtitle = self.cx.workshop.name
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_run(event.option.id)

    def action_run(self, action: str) -> None:
        """Close the menu and do ``action``."""
        cx = self.cx
        self.dismiss(None)
        actions: dict[str, Callable[[], object]] = {
            "sessions": cx.action_sessions,
            "session_notes": cx.action_session_notes,
            "export": cx.action_export,
            "rename": cx.rename_current_session,
            "toggle_presenter": cx.action_toggle_presenter,
            "theme": partial(cx.action_set_theme, not cx.light),
            "language": partial(cx.call_later, cx.action_switch_language),
        }
        actions[action]()

    def action_close(self) -> None:
        self.dismiss(None)
