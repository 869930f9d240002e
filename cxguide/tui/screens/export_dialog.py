"""Export the session in use: choose Markdown, JSON or SVG; the app delivers the file."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cxguide.i18n import N_, _
from cxguide.tui.widgets.key_bar import KeyBar

# Each format: its key, its name and what it gives the client.
FORMATS: tuple[tuple[str, str, str], ...] = (
    (
        "md",
        N_("Markdown report (.md)"),
        N_(
            "The question, the methods ranked with their reasons, the plan, the countries, "
            "the notes and every source: a report to read and keep"
        ),
    ),
    (
        "json",
        N_("JSON data (.json)"),
        N_("The session with its ranking and countries, for other tools"),
    ),
    (
        "svg",
        N_("SVG picture (.svg)"),
        N_("The landscape of methods and the cultural map, to put in slides"),
    ),
)


def format_name(kind: str) -> str:
    """A format's name in plain words, e.g. 'Markdown report (.md)'."""
    return next(_(name) for key, name, _help in FORMATS if key == kind)


class ExportDialog(ModalScreen[str | None]):
    """Which file to make of the session: returns 'md', 'json', 'svg' or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('md')", N_("Markdown"), show=True, id="export.md"),
        Binding("j", "choose('json')", N_("JSON"), show=True, id="export.json"),
        Binding("s", "choose('svg')", N_("SVG"), show=True, id="export.svg"),
        Binding("escape", "cancel", N_("Cancel"), show=True, id="export.cancel"),
    ]

    def __init__(self, session_name: str) -> None:
        super().__init__()
        self.session_name = session_name

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog small-dialog"):
            yield Static(
                _("Export '{name}' for the client: choose a file, then Enter.").format(
                    name=self.session_name
                ),
                markup=False,
            )
            yield OptionList(
                *(
                    Option(f"{_(name)}\n  {_(help_text)}", id=key)
                    for key, name, help_text in FORMATS
                ),
                id="export-formats",
            )
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#export-dialog").border_title = _("Export")
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, kind: str) -> None:
        self.dismiss(kind)

    def action_cancel(self) -> None:
        self.dismiss(None)
