"""Sources & data: problems in the knowledge files, which files were read, and every source."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from cxguide.export.listing import unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.info import InfoText, Page


def data_page(knowledge: Knowledge, user_dir: Path) -> Page:
    page = Page().title(_("Sources & data"))

    problems = knowledge.problems
    page.heading(
        ngettext("{count} problem", "{count} problems", len(problems)).format(count=len(problems))
    )
    if problems:
        page.text(
            _("A file with a problem is set aside whole; everything else is still shown."),
            dim=True,
        )
        for problem in problems:
            page.bullet(str(problem))
    else:
        page.text(_("Every knowledge file was read without a problem."))

    page.heading(_("Your knowledge directory"))
    page.text(str(user_dir))
    if not user_dir.is_dir():
        page.text(
            _("It does not exist yet. Create it to add your own notes and methods."), dim=True
        )

    page.heading(_("Knowledge files read"))
    set_aside = {p.file for p in problems}
    for path in knowledge.files:
        state = _("set aside, see the problems above") if path in set_aside else _("used")
        page.bullet(f"{path} — {state}")

    sources = list(knowledge.sources.values())
    page.heading(_("Sources ({count})").format(count=len(sources)))
    for source in sources:
        page.bullet(source.citation(unknown()))
        page.text(
            _("Reliability: {reliability}").format(reliability=source.reliability),
            dim=True,
            indent=2,
        )
        if source.note:
            page.text(source.note, dim=True, indent=2)
    return page


class DataScreen(AreaScreen):
    """Where the knowledge comes from and what went wrong reading it."""

    def __init__(self) -> None:
        super().__init__(_("Sources & data"))

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="data-scroll", classes="page"):
            yield InfoText(id="data")

    def on_mount(self) -> None:
        self.query_one("#data", InfoText).show(data_page(self.knowledge, self.cx.user_dir))
