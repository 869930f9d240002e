"""Country briefing: a country's place on the cultural map, the cited notes that apply there,
and the user's own notes on it, which can be added, edited and deleted here.

Before a country is chosen the area shows every note of the user's, grouped by country, or how
to start writing them. A country's briefing is computed once (``CountryBrief``) and kept; a
topic filter only chooses what to show. Notes are saved by ``cxguide.knowledge.user_notes``;
after a change the knowledge is read again, once, away from the keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, ContentSwitcher, Label, Select

from cxguide.i18n import N_, _
from cxguide.knowledge.models import Country, Knowledge, Note
from cxguide.knowledge.user_notes import (
    NoteDraft,
    UserNotesError,
    add_note,
    default_author,
    delete_note,
    edit_note,
    notes_file,
)
from cxguide.logic.catalogue import find_country
from cxguide.logic.culture import profile
from cxguide.logic.geo_notes import TOPICS, notes_for, user_notes_on
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.briefing import Briefing, CountryBrief
from cxguide.tui.widgets.country_picker import NO_COUNTRY, CountryPicker, country_label
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.note_form import (
    ConfirmDelete,
    NoteFields,
    NoteForm,
    SaveNote,
    note_summary,
)

if TYPE_CHECKING:
    from pathlib import Path

ALL_TOPICS = "*"


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
    """Every note of the user's by country, or how to start writing them."""
    page = Page().title(_("Your notes"))
    page.text(
        _(
            "Press c to choose a country and read its briefing: its place on the cultural map, "
            "the cited notes on entering the market and on research there, and your own notes, "
            "which you can add, edit and delete."
        )
    )
    groups = group_by_country(knowledge)
    if not groups:
        page.blank()
        page.text(_("You have no notes yet."))
        page.blank()
        page.text(
            _(
                "Notes are your own remarks on a country (a recruiting agency, a holiday, a "
                "habit worth knowing). Choose a country (c) and press a to write one, or put a "
                "notes file, any name ending in .yaml, in your knowledge directory:"
            )
        )
        page.text(user_dir_text, indent=2)
        if not user_dir_exists:
            page.text(
                _("That directory does not exist yet: cxguide creates it with your first note."),
                dim=True,
            )
        page.heading(_("A short example of a notes file"))
        for line in example_notes_file().splitlines():
            page.text(line, indent=2)
        page.blank()
        page.text(
            _(
                "'country' takes a country code such as DEU or the country's English name; "
                "'date' is year-month-day. Restart cxguide to see a file you wrote by hand. If "
                "a file has a problem, the Data area (key 4) says where and how to fix it."
            ),
            dim=True,
        )
        return page
    page.blank()
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


def problem_text(problem: UserNotesError) -> str:
    """A refused change in plain words: what is wrong, then each problem of the file."""
    lines = [_("Not saved: {reason}.").format(reason=problem.message)]
    lines.extend(f"• {p}" for p in problem.problems)
    return "\n".join(lines)


class NotesScreen(AreaScreen):
    """Every note of the user's, or one country's briefing with the user's notes on it."""

    AUTO_FOCUS = "#notes-scroll"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "choose_country", N_("Country"), show=True, id="notes.country"),
        Binding("t", "choose_topic", N_("Topic"), show=True, id="notes.topic"),
        Binding("a", "add_note", N_("Add note"), show=True, id="notes.add"),
        Binding("e", "edit_note", N_("Edit note"), show=True, id="notes.edit"),
        Binding("d", "delete_note", N_("Delete note"), show=True, id="notes.delete"),
        Binding("y", "own_notes", N_("Your notes"), show=True, id="notes.own"),
    ]

    def __init__(self) -> None:
        super().__init__(_("Country briefing"))
        self.country_id: str | None = None
        """The country whose briefing is shown (None: every note of the user's)."""
        self.topic: str | None = None
        """The topic the cited notes are filtered to (None: every topic)."""
        self._briefs: dict[str, CountryBrief] = {}

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        topics = [(_("All topics"), ALL_TOPICS), *((_(label), ident) for ident, label in TOPICS)]
        with Horizontal(id="briefing-bar", classes="bar"):
            yield Label(_("Country:"), classes="bar-label")
            yield Button(_("All your notes"), compact=True, id="country-button")
            yield Label(_("Topic:"), classes="bar-label", id="topic-label")
            yield Select(topics, value=ALL_TOPICS, allow_blank=False, compact=True, id="topic")
        with ContentSwitcher(id="notes-views", initial="notes-scroll"):
            with VerticalScroll(id="notes-scroll", classes="page"):
                yield InfoText(id="notes")
            yield Briefing(id="briefing")

    DEFAULT_CSS = """
    NotesScreen #briefing-bar {
        height: 1;
        margin-bottom: 1;
    }
    NotesScreen #country-button {
        width: auto;
        min-width: 16;
        margin-right: 2;
    }
    NotesScreen #topic {
        width: 34;
    }
    NotesScreen #notes-views {
        height: 1fr;
    }
    """

    def on_mount(self) -> None:
        self._show_overview()

    @property
    def user_dir(self) -> Path:
        return self.cx.user_dir

    @property
    def app_file(self) -> Path:
        """The file cxguide saves the user's notes in."""
        return notes_file(self.user_dir)

    @property
    def briefing(self) -> Briefing:
        return self.query_one(Briefing)

    # ------------------------------------------------------------------ showing

    def _show_overview(self) -> None:
        user_dir = self.user_dir
        self.query_one("#notes", InfoText).show(
            notes_page(self.knowledge, str(user_dir), user_dir.is_dir())
        )

    def brief(self, country: Country) -> CountryBrief:
        """The country's briefing, computed the first time it is asked for."""
        found = self._briefs.get(country.id)
        if found is None:
            knowledge = self.knowledge
            found = CountryBrief(
                profile=profile(knowledge, country),
                notes=notes_for(knowledge, country),
                own=user_notes_on(knowledge, country),
            )
            self._briefs[country.id] = found
        return found

    def show_country(self, country_id: str | None, *, keep_note: str | None = None) -> None:
        """Show the briefing of ``country_id``, or (None) every note of the user's."""
        country = self.knowledge.country(country_id) if country_id else None
        self.country_id = country.id if country else None
        button = self.query_one("#country-button", Button)
        switcher = self.query_one("#notes-views", ContentSwitcher)
        if country is None:
            button.label = _("All your notes")
            self._show_overview()
            switcher.current = "notes-scroll"
            return
        button.label = country_label(country)
        self.briefing.show(
            self.knowledge,
            self.brief(country),
            topic=self.topic,
            app_file=self.app_file,
            example=example_notes_file().splitlines(),
            keep_note=keep_note,
        )
        switcher.current = "briefing"

    def show_topic(self, topic: str | None) -> None:
        """Show only the cited notes of ``topic`` (None: every topic)."""
        self.topic = topic
        select = self.query_one("#topic", Select)
        wanted = topic or ALL_TOPICS
        if select.value != wanted:
            select.value = wanted
        if self.country_id is not None:
            self.show_country(self.country_id)

    @property
    def country(self) -> Country | None:
        return self.knowledge.country(self.country_id) if self.country_id else None

    # ------------------------------------------------------------------ choosing

    def action_choose_country(self) -> None:
        """Choose a country (type to search) for its briefing."""

        def chosen(country_id: str | None) -> None:
            if country_id is None:
                return
            self.show_country(None if country_id == NO_COUNTRY else country_id)
            self._focus_view()

        self.app.push_screen(
            CountryPicker(
                self.knowledge,
                _("Choose a country for its briefing"),
                current=self.country_id or NO_COUNTRY,
                extra=_("All your notes, every country"),
            ),
            chosen,
        )

    @on(Button.Pressed, "#country-button")
    def _country_pressed(self) -> None:
        self.action_choose_country()

    def _focus_view(self) -> None:
        if self.country_id is None:
            self.query_one("#notes-scroll").focus()
        else:
            self.briefing.focus()

    def action_choose_topic(self) -> None:
        """Open the topic filter."""
        select = self.query_one("#topic", Select)
        select.focus()
        select.action_show_overlay()

    @on(Select.Changed, "#topic")
    def _topic_chosen(self, event: Select.Changed) -> None:
        value = str(event.value)
        topic = None if value == ALL_TOPICS else value
        if topic != self.topic:
            self.show_topic(topic)
            if self.country_id is not None:
                self.call_after_refresh(self.briefing.scroll_to_notes)
        self._focus_view()

    def action_own_notes(self) -> None:
        """Jump to your own notes on the country."""
        if self.country_id is None:
            self.notify(_("Choose a country first: press c."))
            return
        self.briefing.focus_own()

    # ------------------------------------------------------------------ changing notes

    def _need_country(self) -> Country | None:
        country = self.country
        if country is None:
            self.notify(
                _("Choose a country first (press c); its briefing shows your notes on it."),
                title=_("No country chosen"),
            )
        return country

    def _chosen_note(self, doing: str) -> Note | None:
        """The user's note chosen in the briefing; says why when there is none."""
        country = self._need_country()
        if country is None:
            return None
        note = self.briefing.highlighted_note
        if note is None:
            self.notify(
                _("You have no notes on {country} to {doing}. Press a to write one.").format(
                    country=country.name, doing=doing
                )
            )
        return note

    def _hand_written(self, note: Note) -> bool:
        """Say where to edit a note from a file the user wrote by hand (cxguide never does)."""
        if note.origin.path.resolve() == self.app_file.resolve():
            return False
        self.notify(
            _(
                "This note is in {file}, line {line}: a file you wrote yourself, which cxguide "
                "does not change. Edit it there, then restart cxguide."
            ).format(file=note.origin.path, line=note.origin.line),
            title=_("Edit it in its own file"),
            severity="warning",
            timeout=15,
        )
        return True

    def _where(self) -> str:
        return _("Saved in {file}.").format(file=self.app_file)

    def action_add_note(self) -> None:
        """Write a new note on the country."""
        country = self._need_country()
        if country is None:
            return

        def save(fields: NoteFields) -> str | None:
            draft = NoteDraft(country.id, fields.text, fields.topic, fields.author)
            try:
                note = add_note(self.user_dir, self.knowledge, draft)
            except UserNotesError as problem:
                return problem_text(problem)
            self._changed(
                note.id, _("Your note on {country} is saved.").format(country=country.name)
            )
            return None

        self._open_form(
            _("New note on {country}").format(country=country.name),
            NoteFields("", self.topic, default_author()),
            save,
        )

    def action_edit_note(self) -> None:
        """Change the chosen note of yours."""
        note = self._chosen_note(_("edit"))
        if note is None or self._hand_written(note):
            return

        def save(fields: NoteFields) -> str | None:
            try:
                edit_note(
                    self.user_dir,
                    self.knowledge,
                    note.id,
                    text=fields.text,
                    topic=fields.topic or "",
                    author=fields.author,
                )
            except UserNotesError as problem:
                return problem_text(problem)
            self._changed(note.id, _("Your note is saved."))
            return None

        name = self.country.name if self.country else note.country
        self._open_form(
            _("Edit your note on {country}").format(country=name),
            NoteFields(note.text, note.topic, note.author),
            save,
        )

    def _open_form(self, title: str, fields: NoteFields, save: SaveNote) -> None:
        self.app.push_screen(NoteForm(title, fields, save, where=self._where()))

    def action_delete_note(self) -> None:
        """Delete the chosen note of yours, after asking."""
        note = self._chosen_note(_("delete"))
        if note is None or self._hand_written(note):
            return

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                delete_note(self.user_dir, self.knowledge, note.id)
            except UserNotesError as problem:
                self.notify(
                    problem_text(problem).replace(_("Not saved"), _("Not deleted"), 1),
                    title=_("The note was not deleted"),
                    severity="error",
                    timeout=15,
                )
                return
            self._changed(None, _("Your note is deleted."))

        self.app.push_screen(ConfirmDelete(note_summary(note.topic, note.text)), answered)

    # ------------------------------------------------------------------ after a change

    def _changed(self, note_id: str | None, message: str) -> None:
        """A note was saved or deleted: say so, then read the knowledge again."""
        self.notify(message, timeout=4)
        reload = getattr(self.app, "reload_knowledge", None)
        if callable(reload):
            reload()
            self.knowledge_changed(note_id)
            return
        self._reload(note_id)

    @work(thread=True, exclusive=True, group="notes-reload")
    def _reload(self, note_id: str | None) -> None:
        from cxguide.knowledge import load_knowledge

        load_knowledge.cache_clear()
        knowledge = load_knowledge(self.user_dir)
        self.app.call_from_thread(self._reloaded, knowledge, note_id)

    def _reloaded(self, knowledge: Knowledge, note_id: str | None) -> None:
        self.cx.knowledge = knowledge
        self.knowledge_changed(note_id)

    def knowledge_changed(self, note_id: str | None = None) -> None:
        """The knowledge was read again: show it (``note_id`` stays chosen)."""
        self._briefs.clear()
        self.show_country(self.country_id, keep_note=note_id)
