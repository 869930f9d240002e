"""Help: what each area shows and every key, in plain words. Escape closes it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from cxguide.i18n import N_, _
from cxguide.logic.ranking import describe_model
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.key_bar import KeyBar


def help_page() -> Page:
    page = Page().title(_("How to use cxguide"))
    page.text(
        _(
            "cxguide helps you choose user-research methods and understand the culture of a "
            "market. It has four areas; the keys below work everywhere, and the bar at the "
            "bottom of the screen always shows the keys you can press."
        )
    )
    page.heading(_("The four areas"))
    page.field(
        "1 " + _("Methods"),
        _(
            "The method finder, on Christian Rohrer's landscape of user-research methods. "
            "Answer six short steps (any answer can stay 'Don't know'); after every answer the "
            "methods are ranked again, best fit first, and the reasons of the highlighted "
            "method show beside them. Press Enter on a method for everything known about it. "
            "The 2014 edition has measured positions on the chart; the 2022 edition's were "
            "never measured."
        ),
    )
    page.field(
        "2 " + _("Culture"),
        _(
            "The Inglehart–Welzel cultural map. Pick a zone to narrow the list. Beside it, the "
            "highlighted country's profile: where it stands and what that means, its path over "
            "the survey years (a table and a small chart), its five nearest countries, caveats "
            "and sources. Press m for the map with the country and its nearest ones marked. "
            "To compare 2 to 6 countries, press a on each, then v: a table, their differences "
            "in plain words, and the map with them marked. A country's average says nothing "
            "certain about any one person."
        ),
    )
    page.field(
        "3 " + _("Notes"),
        _("Your own notes on countries, and how to write them if you have none yet."),
    )
    page.field(
        "4 " + _("Data"),
        _(
            "Where everything comes from: the sources, the files that were read, and any "
            "problem found in your own files, with the line to fix."
        ),
    )
    page.heading(_("Workshops"))
    page.text(
        _(
            "What the room decides is kept in a session: the finder's answers, the countries "
            "opened and compared, and the notes taken. It is saved on its own as you go, from "
            "the first answer; the header shows its name. Press w for the workshop menu, "
            "then s for every saved session: resume one, rename it, copy it, delete it or "
            "start a new one. A session file that cannot be read, or that a newer cxguide "
            "wrote, is listed with its problem and never changed. w then e makes a file for "
            "the client: a Markdown report, JSON data "
            "or an SVG picture (in a terminal it goes to your downloads folder; in a browser, "
            "it is downloaded)."
        )
    )
    page.text(
        _(
            "F5 switches presenter view on or off, for a projector: one thing at a time, in "
            "high contrast, with the chart or the map as large as the screen allows. To make "
            "everything larger, make the terminal's or the browser's font larger (often "
            "Ctrl and +). w then t switches to the light theme, for a bright room."
        )
    )
    page.heading(_("Keys"))
    keys = (
        ("1 2 3 4", _("go to an area")),
        ("↑ ↓", _("move through a list; the details follow")),
        (_("Page Up / Page Down"), _("move a page at a time")),
        (_("Tab / Shift+Tab"), _("move between the parts of a screen, e.g. to the details")),
        (_("Enter"), _("choose the highlighted item")),
        (_("n / ] / Page Down"), _("next step of the method finder")),
        (_("p / [ / Page Up"), _("previous step; your answers stay")),
        ("↑ ↓", _("in a step: choose an answer (the ranking follows at once)")),
        ("e", _("switch between the 2014 and 2022 editions (Methods)")),
        ("c", _("show the chart in place of the list, or the list again (Methods)")),
        ("r", _("clear every answer, after asking (Methods)")),
        ("z", _("choose a cultural zone (Culture)")),
        (
            "m",
            _(
                "show the map in place of the profile (when narrow, in place of the list or "
                "of the comparison table); m again goes back (Culture)"
            ),
        ),
        ("a", _("add the highlighted country to the comparison, up to 6 (Culture)")),
        ("x", _("take the highlighted country out of the comparison (Culture)")),
        ("v", _("show the compared countries side by side, or go back to the list (Culture)")),
        (
            _("Enter"),
            _("in the comparison or on the map: open that country's profile (Culture)"),
        ),
        (
            _("Ctrl+P, 'Compare: …'"),
            _("in the Culture area: add a country to the comparison, remove one, or clear it"),
        ),
        (
            _("Ctrl+P"),
            _(
                "search: type part of a method, country, area or action (export, session, "
                "presenter, theme) and press Enter"
            ),
        ),
        (
            "w",
            _(
                "the workshop menu: s sessions, n a note, e export, r rename, p presenter "
                "view, t light or dark theme, l language"
            ),
        ),
        (
            _("w s"),
            _("the saved sessions: Enter resumes, n new, r rename, d duplicate, x delete"),
        ),
        ("F5", _("presenter view on or off, from anywhere")),
        (
            "F2",
            _(
                "switch the language between English and Russian, from anywhere (also w then "
                "l); every screen follows and the session stays as it is"
            ),
        ),
        (_("? / F1"), _("open this help")),
        (
            _("Escape"),
            _(
                "close this help, a search or a list; from a method's page, back to the "
                "finder; from the comparison, back to the list"
            ),
        ),
        ("q", _("quit cxguide")),
    )
    for key, meaning in keys:
        page.field(key, meaning)
    page.blank()
    page.text(
        _("You can also use the mouse: click a row, a switch or a key at the bottom."), dim=True
    )
    page.heading(_("How the ranking works"))
    for line in describe_model().splitlines():
        if line.startswith("• "):
            page.bullet(line.removeprefix("• "))
        elif line.strip():
            page.text(line)
    return page


class HelpScreen(ModalScreen[None]):
    """Every area and every key, explained."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", N_("Close"), show=True, id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield InfoText(id="help-text")
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        dialog = self.query_one("#help-dialog", VerticalScroll)
        dialog.border_title = _("Help")
        self.query_one("#help-text", InfoText).show(help_page())
        dialog.focus()

    def action_close(self) -> None:
        self.dismiss(None)
