"""Your notes: the user's own notes on countries, grouped by country, with who, when and where."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from cxguide.i18n import _
from cxguide.knowledge.models import Knowledge, Note
from cxguide.logic.catalogue import find_country
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.info import InfoText, Page


def example_notes_file() -> str:
    """A short notes file to copy: the keys stay as they are, the values are examples."""
    return "\n".join(
        (
            "kind: notes",
            "schema_version: 1",
            "notes:",
            "  - id: de-recruiting-agency",
            "    country: DEU",
            "    topic: " + _("recruiting"),
            "    text: " + _("Our Berlin agency needs three weeks' notice."),
            "    author: " + _("Anna"),
            "    date: 2026-11-02",
        )
    )


def group_by_country(knowledge: Knowledge) -> list[tuple[str, list[Note]]]:
    """Notes grouped under each country's heading, countries in name order."""
    groups: dict[str, list[Note]] = {}
    for note in knowledge.notes:
        country = find_country(knowledge, note.country).found
        heading = f"{country.name} ({country.iso3 or country.id})" if country else note.country
        groups.setdefault(heading, []).append(note)
    return sorted(groups.items(), key=lambda item: item[0].casefold())


def notes_page(knowledge: Knowledge, user_dir_text: str, user_dir_exists: bool) -> Page:
    page = Page().title(_("Your notes"))
    groups = group_by_country(knowledge)
    if not groups:
        page.text(_("You have no notes yet."))
        page.blank()
        page.text(
            _(
                "Notes are your own remarks on a country (a recruiting agency, a holiday, a "
                "habit worth knowing). Put a notes file, any name ending in .yaml, in your "
                "knowledge directory:"
            )
        )
        page.text(user_dir_text, indent=2)
        if not user_dir_exists:
            page.text(_("That directory does not exist yet: create it first."), dim=True)
        page.heading(_("A short example of a notes file"))
        for line in example_notes_file().splitlines():
            page.text(line, indent=2)
        page.blank()
        page.text(
            _(
                "'country' takes a country code such as DEU or the country's English name; "
                "'date' is year-month-day. Restart cxguide to see a new file. If a file has a "
                "problem, the Data area (key 4) says where and how to fix it."
            ),
            dim=True,
        )
        return page
    page.text(_("From your knowledge directory: {path}").format(path=user_dir_text), dim=True)
    for heading, notes in groups:
        page.heading(heading)
        for note in notes:
            page.bullet(f"{note.topic}: {note.text}" if note.topic else note.text)
            page.text(
                _("{author}, {date} — {origin}").format(
                    author=note.author, date=note.date, origin=note.origin.describe()
                ),
                dim=True,
                indent=2,
            )
    return page


class NotesScreen(AreaScreen):
    """The user's notes, or how to start writing them."""

    def __init__(self) -> None:
        super().__init__(_("Your notes"))

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="notes-scroll", classes="page"):
            yield InfoText(id="notes")

    def on_mount(self) -> None:
        user_dir = self.cx.user_dir
        self.query_one("#notes", InfoText).show(
            notes_page(self.knowledge, str(user_dir), user_dir.is_dir())
        )
