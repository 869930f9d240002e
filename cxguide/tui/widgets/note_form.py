"""The dialogs of the user's own notes: write or change a note, and confirm a deletion.

The form never saves by itself: it hands what was typed to a ``save`` function the screen gives
it, which answers with a problem in plain words (the form stays open, nothing typed is lost)
or None (saved: the form closes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from cxguide.i18n import N_, _
from cxguide.logic.geo_notes import TOPICS, topic_label
from cxguide.tui.widgets.key_bar import KeyBar

NO_TOPIC = ""


@dataclass(frozen=True, slots=True)
class NoteFields:
    """What the form holds: the note's text, its topic (None: no topic) and its author."""

    text: str
    topic: str | None
    author: str


# Saves the fields; returns what went wrong in plain words, or None once saved.
SaveNote = Callable[[NoteFields], str | None]


def topic_options(current: str | None) -> list[tuple[str, str]]:
    """'No topic', each topic of the cited notes, and the note's own topic if it is another."""
    options = [(_("No topic"), NO_TOPIC), *((_(label), ident) for ident, label in TOPICS)]
    if current and all(value != current for _label, value in options):
        options.append((current, current))
    return options


class NoteForm(ModalScreen[bool]):
    """Write a new note or change one: topic (optional), text (several lines), author."""

    DEFAULT_CSS = """
    NoteForm {
        align: center middle;
    }
    /* Cover every line of the key bar underneath (three at 80 columns). */
    NoteForm KeyBar {
        min-height: 3;
    }
    NoteForm #note-dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
    }
    NoteForm #note-fields {
        height: auto;
        max-height: 1fr;
    }
    NoteForm .form-label {
        margin-top: 1;
        text-style: bold;
    }
    NoteForm .form-hint {
        color: $text-muted;
        height: auto;
    }
    NoteForm TextArea {
        height: 7;
    }
    NoteForm #note-topic {
        width: 40;
    }
    NoteForm #note-author {
        width: 40;
    }
    NoteForm #note-error {
        color: $text-error;
        height: auto;
        margin-top: 1;
    }
    NoteForm #note-buttons {
        height: auto;
        margin-top: 1;
    }
    NoteForm #note-buttons Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), show=True, priority=True, id="note.save"),
        Binding("escape", "cancel", N_("Cancel"), show=True, id="note.cancel"),
    ]

    def __init__(self, title: str, fields: NoteFields, save: SaveNote, *, where: str) -> None:
        """``where``: a line saying which file the note is saved in."""
        super().__init__()
        self.form_title = title
        self.fields = fields
        self._save = save
        self._where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            with VerticalScroll(id="note-fields"):
                yield Static(self._where, classes="form-hint", markup=False)
                yield Label(_("Topic (you may leave it out)"), classes="form-label")
                yield Select(
                    topic_options(self.fields.topic),
                    value=self.fields.topic or NO_TOPIC,
                    allow_blank=False,
                    compact=True,
                    id="note-topic",
                )
                yield Label(_("Your note"), classes="form-label")
                yield TextArea(self.fields.text, soft_wrap=True, id="note-text")
                yield Static(
                    _("Enter starts a new line; Tab moves on to the next field."),
                    classes="form-hint",
                    markup=False,
                )
                yield Label(_("Written by"), classes="form-label")
                yield Input(self.fields.author, id="note-author", compact=True)
                error = Static("", id="note-error", markup=False)
                error.display = False
                yield error
            with Horizontal(id="note-buttons"):
                yield Button(_("Save (Ctrl+S)"), variant="primary", id="note-save")
                yield Button(_("Cancel (Esc)"), id="note-cancel")
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#note-dialog").border_title = self.form_title
        text = self.query_one("#note-text", TextArea)
        text.focus()
        text.move_cursor(text.document.end)

    @property
    def typed(self) -> NoteFields:
        """What the form holds now."""
        topic = self.query_one("#note-topic", Select).value
        return NoteFields(
            text=self.query_one("#note-text", TextArea).text,
            topic=str(topic) if isinstance(topic, str) and topic != NO_TOPIC else None,
            author=self.query_one("#note-author", Input).value,
        )

    @property
    def error(self) -> str:
        """The problem shown, if any."""
        return str(self.query_one("#note-error", Static).content)

    def show_error(self, text: str) -> None:
        error = self.query_one("#note-error", Static)
        error.update(text)
        error.display = bool(text)
        if text:
            self.query_one("#note-fields", VerticalScroll).scroll_end(animate=False)

    def action_save(self) -> None:
        """Save the note; a problem is shown here and the form stays open."""
        problem = self._save(self.typed)
        if problem:
            self.show_error(problem)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)

    @on(Button.Pressed, "#note-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


class ConfirmDelete(ModalScreen[bool]):
    """Ask before deleting a note: what it says, and that it cannot be undone."""

    DEFAULT_CSS = """
    ConfirmDelete {
        align: center middle;
    }
    /* Cover every line of the key bar underneath (three at 80 columns). */
    ConfirmDelete KeyBar {
        min-height: 3;
    }
    ConfirmDelete #delete-dialog {
        width: 64;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: thick $warning;
        background: $surface;
    }
    ConfirmDelete .form-hint {
        color: $text-muted;
        height: auto;
    }
    ConfirmDelete #delete-buttons {
        height: auto;
        margin-top: 1;
    }
    ConfirmDelete #delete-buttons Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes, delete"), show=True, id="delete.yes"),
        Binding("n,escape", "answer(False)", N_("No, keep"), show=True, id="delete.no"),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-dialog"):
            yield Static(_("Delete this note?"), markup=False)
            yield Static(self.summary, classes="form-hint", markup=False)
            yield Static(_("This cannot be undone."), classes="form-hint", markup=False)
            with Horizontal(id="delete-buttons"):
                yield Button(_("Yes, delete (y)"), variant="error", id="delete-yes")
                yield Button(_("No, keep it (n)"), id="delete-no")
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#delete-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete-yes")

    def action_answer(self, delete: bool) -> None:
        self.dismiss(delete)


def note_summary(topic: str | None, text: str, limit: int = 160) -> str:
    """'Recruiting participants: Our Berlin agency…', cut at ``limit`` characters."""
    body = " ".join(text.split())
    if len(body) > limit:
        body = body[: limit - 1].rstrip() + "…"
    return _("{topic}: {text}").format(topic=topic_label(topic), text=body) if topic else body
