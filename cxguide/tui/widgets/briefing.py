"""A country briefing a new colleague can read in five minutes, top to bottom.

Where the country stands on the cultural map (point, survey year, zone, five nearest countries)
and what that means; then the cited notes that apply there, grouped by topic (entering the
market and onboarding first, then research), each with why it applies, its evidence, caveat,
confidence, the markets studied and its sources in full; then, in a section of their own, the
user's own notes, which can be chosen to edit or delete.

The pages are pure functions of a ``CountryBrief`` (computed once per country by the screen);
the widget only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cxguide.export.culture import basis_text, distance_text, score_text
from cxguide.export.listing import unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge, Note
from cxguide.logic.culture import Profile
from cxguide.logic.geo_notes import AppliedNote, by_topic, topic_label
from cxguide.tui.widgets.country_picker import country_label
from cxguide.tui.widgets.info import DIM_STYLE, LABEL_STYLE, InfoText, Page
from cxguide.tui.wording import citations


@dataclass(frozen=True, slots=True)
class CountryBrief:
    """Everything a briefing shows about one country, computed once."""

    profile: Profile
    notes: tuple[AppliedNote, ...]  # every cited note that applies or may apply, topic order
    own: tuple[Note, ...]  # the user's own notes on the country, newest first


def confidence_label(confidence: str) -> str:
    """How sure the sources are, in plain words."""
    return {
        "high": _("high (several studies agree)"),
        "medium": _("medium"),
        "low": _("low (little evidence; treat as a hint)"),
    }.get(confidence, confidence)


def position_text(profile: Profile) -> str:
    """'traditional–secular -1.37, survival–self-expression -1.10 (2018, drawn on the 2023 map)'."""
    chosen = profile.point
    return _(
        "traditional (-) ↔ secular (+) {ts}, survival (-) ↔ self-expression (+) {sse} "
        "(survey year {basis})"
    ).format(ts=score_text(chosen.y), sse=score_text(chosen.x), basis=basis_text(chosen))


def head_page(knowledge: Knowledge, brief: CountryBrief) -> Page:
    """Position, zone, nearest countries, what the position means, and the caveats."""
    profile = brief.profile
    page = Page().title(
        _("Country briefing: {country}").format(country=country_label(profile.country))
    )
    page.field(_("Zone"), profile.zone.name if profile.zone else unknown())
    page.field(_("Position on the cultural map"), position_text(profile))
    near = ", ".join(
        f"{n.point.country.name} ({distance_text(n.distance)})" for n in profile.neighbours
    )
    page.field(
        ngettext(
            "Nearest country on the map",
            "Nearest {count} countries on the map",
            len(profile.neighbours),
        ).format(count=len(profile.neighbours)),
        near or unknown(),
    )
    page.text(_("Distances on the map's two dimensions only."), dim=True, indent=2)
    page.heading(_("What the position means"))
    for reading in profile.readings:
        name = reading.dimension.name if reading.dimension else reading.axis
        page.field(name, reading.text)
        pole = reading.pole
        if pole is not None:
            page.text(f"{pole.name}: {pole.meaning}", indent=2, dim=True)
    for item in profile.caveats:
        page.blank()
        page.text(_("Keep in mind: {caveat}").format(caveat=item.text), dim=True)
    page.blank()
    page.text(
        _(
            "Below: {cited} cited notes for {country}, then your own notes ({own}, press y to "
            "jump there)."
        ).format(cited=len(brief.notes), country=profile.country.name, own=len(brief.own)),
        dim=True,
    )
    return page


def add_note(page: Page, knowledge: Knowledge, applied: AppliedNote) -> None:
    """One cited note: guidance, why it applies, evidence, caveat, confidence, sources."""
    note = applied.note
    page.bullet(note.guidance)
    page.text(applied.because, indent=2, dim=applied.applies is True)
    page.text(_("Evidence: {evidence}").format(evidence=note.evidence), indent=2, dim=True)
    if note.caveat:
        page.text(_("Caveat: {caveat}").format(caveat=note.caveat), indent=2, dim=True)
    if note.link_note:
        page.text(_("Link to the map: {link}").format(link=note.link_note), indent=2, dim=True)
    if note.markets_studied:
        page.text(
            _("Markets studied: {markets}").format(markets=", ".join(note.markets_studied)),
            indent=2,
            dim=True,
        )
    page.text(
        _("Confidence: {confidence}").format(confidence=confidence_label(note.confidence)),
        indent=2,
        dim=True,
    )
    page.text(_("Sources:"), indent=2, dim=True)
    for citation in citations(knowledge, note.sources):
        page.text("– " + citation, indent=4, dim=True)


def cited_page(knowledge: Knowledge, brief: CountryBrief, topic: str | None = None) -> Page:
    """The cited notes that apply, by topic; only ``topic`` when one is chosen."""
    country = brief.profile.country.name
    chosen = [a for a in brief.notes if topic is None or a.note.topic == topic]
    page = Page()
    if topic is None:
        page.heading(
            _("Cited notes for {country} ({count})").format(country=country, count=len(chosen))
        )
    else:
        page.heading(
            _("Cited notes for {country}: {topic} only ({count}; t shows every topic)").format(
                country=country, topic=topic_label(topic), count=len(chosen)
            )
        )
    page.text(
        _(
            "Each note comes from the sources listed under it. 'Applies because' says why it "
            "fits this country's place on the map; 'may apply' means the data cannot tell."
        ),
        dim=True,
    )
    if not chosen:
        page.blank()
        page.text(_("No cited note on this topic applies to {country}.").format(country=country))
    for group, items in by_topic(chosen):
        page.heading(_("{topic} ({count})").format(topic=topic_label(group), count=len(items)))
        for applied in items:
            add_note(page, knowledge, applied)
    return page


def origin_text(note: Note, app_file: Path) -> str:
    """Where a note of the user's lives: 'your file PATH:LINE', and whether to edit it there."""
    where = f"{note.origin.path}:{note.origin.line}"
    if note.origin.path.resolve() == app_file.resolve():
        return _("your file {where}").format(where=where)
    return _("your file {where} (written by hand: edit it there)").format(where=where)


def note_prompt(note: Note, app_file: Path) -> Content:
    """One of the user's notes as a list entry: topic and text, then who, when and where."""
    text = note.text.strip()
    head = (
        Content.styled(topic_label(note.topic) + ": ", LABEL_STYLE) if note.topic else Content("")
    )
    meta = _("{author}, {date} — {origin}").format(
        author=note.author, date=note.date, origin=origin_text(note, app_file)
    )
    return Content.assemble(head, text, "\n", (meta, DIM_STYLE))


def own_head_page(brief: CountryBrief) -> Page:
    """The heading of the user's own notes, apart from the cited ones."""
    country = brief.profile.country.name
    page = Page().heading(
        _("Your own notes on {country} ({count})").format(country=country, count=len(brief.own))
    )
    page.text(
        _("What you and your colleagues wrote: not from a cited source."),
        dim=True,
    )
    if brief.own:
        page.text(_("↑↓ choose a note; e edits it, d deletes it, a adds a new one."), dim=True)
    return page


def own_help_page(brief: CountryBrief, app_file: Path, example: Sequence[str]) -> Page:
    """No notes on the country yet: how to add one here, or write a file by hand."""
    country = brief.profile.country.name
    page = Page()
    if brief.own:
        return page
    page.text(
        _(
            "You have no notes on {country} yet. Press a to write one; cxguide saves it in {file}."
        ).format(country=country, file=app_file)
    )
    page.blank()
    page.text(
        _(
            "You can also write notes in a file of your own, any name ending in .yaml, in "
            "{folder}. A short example:"
        ).format(folder=app_file.parent),
        dim=True,
    )
    for line in example:
        page.text(line, indent=2, dim=True)
    return page


class Briefing(VerticalScroll):
    """A country's briefing; the user's own notes are a list to choose from (for e and d)."""

    DEFAULT_CSS = """
    Briefing {
        height: 1fr;
        border: round $primary-muted;
        border-title-color: $text-primary;
        border-title-style: bold;
        scrollbar-size-vertical: 1;
    }
    Briefing:focus-within {
        border: round $primary;
    }
    Briefing #own-notes {
        height: auto;
        max-height: 100%;
        margin: 0 1;
        border: none;
        padding: 0;
    }
    Briefing #own-help, Briefing #briefing-notes {
        margin-bottom: 1;
    }
    Briefing #briefing-notes {
        margin-top: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.brief: CountryBrief | None = None
        """The briefing shown, if any."""
        self._own: tuple[Note, ...] = ()

    def compose(self) -> ComposeResult:
        yield InfoText(id="briefing-head")
        yield InfoText(id="briefing-notes")
        yield InfoText(id="own-head")
        yield OptionList(id="own-notes")
        yield InfoText(id="own-help")

    def show(
        self,
        knowledge: Knowledge,
        brief: CountryBrief,
        *,
        topic: str | None,
        app_file: Path,
        example: Sequence[str],
        keep_note: str | None = None,
    ) -> None:
        """Show ``brief`` (only ``topic``'s cited notes when one is chosen).

        Back to the top when the country changes; ``keep_note`` (a note id) stays highlighted.
        """
        same = self.brief is not None and self.brief.profile.country.id == brief.profile.country.id
        self.brief = brief
        self.border_title = country_label(brief.profile.country)
        self.query_one("#briefing-head", InfoText).show(head_page(knowledge, brief))
        self.query_one("#briefing-notes", InfoText).show(cited_page(knowledge, brief, topic))
        self.query_one("#own-head", InfoText).show(own_head_page(brief))
        self.query_one("#own-help", InfoText).show(own_help_page(brief, app_file, example))
        own = self.query_one("#own-notes", OptionList)
        previous = self.highlighted_note
        wanted = keep_note or (previous.id if previous else None)
        self._own = brief.own
        own.clear_options()
        own.add_options([Option(note_prompt(n, app_file), id=n.id) for n in brief.own])
        own.display = bool(brief.own)
        if brief.own:
            ids = [n.id for n in brief.own]
            own.highlighted = ids.index(wanted) if wanted in ids else 0
        if not same:
            self.scroll_home(animate=False)

    @property
    def highlighted_note(self) -> Note | None:
        """The user's note chosen in the list (the only one, when there is one)."""
        own = self.query_one("#own-notes", OptionList)
        index = own.highlighted
        if index is None or not 0 <= index < len(self._own):
            return None
        return self._own[index]

    def scroll_to_notes(self) -> None:
        """Scroll to the cited notes (after choosing a topic)."""
        notes = self.query_one("#briefing-notes", InfoText)
        self.scroll_to_widget(notes, top=True, animate=False)

    def focus_own(self) -> None:
        """Scroll to the user's own notes and put the focus on their list."""
        heading = self.query_one("#own-head", InfoText)
        self.scroll_to_widget(heading, top=True, animate=False)
        own = self.query_one("#own-notes", OptionList)
        if own.display:
            own.focus(scroll_visible=False)
        else:
            self.focus()

    @property
    def plain(self) -> str:
        """Everything shown, as plain text (the user's notes one per line)."""
        parts = [
            self.query_one(f"#{name}", InfoText).plain
            for name in ("briefing-head", "briefing-notes", "own-head")
        ]
        own = self.query_one("#own-notes", OptionList)
        for index in range(own.option_count):
            prompt = own.get_option_at_index(index).prompt
            parts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
        parts.append(self.query_one("#own-help", InfoText).plain)
        return "\n".join(parts)
