"""Why a method sits where it does: each reason of a ``RankedMethod``, ruled-out reasons first.

The reasons come from cxguide.logic.ranking as they are; this only lays them out.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from cxguide.i18n import _
from cxguide.logic.ranking import RankedMethod, Reason, answer_label
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.ranking_table import score_text
from cxguide.tui.wording import points_text


def ordered_reasons(item: RankedMethod) -> list[Reason]:
    """The reasons, those that rule the method out first, otherwise as the ranking gives them."""
    return sorted(item.reasons, key=lambda reason: not reason.rules_out)


def status_text(item: RankedMethod, count: int) -> str:
    """'Rank 3 of 20, score +2.7' or 'Ruled out (listed last), score 0'."""
    if item.ruled_out:
        return _("Ruled out (listed last), score {score}").format(score=score_text(item.score))
    return _("Rank {rank} of {count}, score {score}").format(
        rank=item.rank, count=count, score=score_text(item.score)
    )


def add_reasons(page: Page, item: RankedMethod) -> Page:
    """Each reason: the answer it comes from, its points, its words, the fact and its sources."""
    reasons = ordered_reasons(item)
    if not reasons:
        page.text(
            _("No answers yet, so nothing has moved it. Answer a question and the reasons appear."),
            dim=True,
        )
    for reason in reasons:
        page.bullet(
            _("{answer}: {points}. {text}").format(
                answer=answer_label(reason.answer),
                points=points_text(reason.points, reason.rules_out),
                text=reason.text,
            )
        )
        page.text(_("Fact: {fact}").format(fact=reason.fact), dim=True, indent=2)
        page.text(
            _("Sources: {ids}").format(ids=", ".join(reason.sources) or _("none")),
            dim=True,
            indent=2,
        )
    return page


def reasons_page(item: RankedMethod, count: int) -> Page:
    """The method's name, its place in the ranking, and every reason."""
    page = Page().title(item.method.name)
    page.text(status_text(item, count))
    page.blank()
    return add_reasons(page, item)


class ReasonsPane(VerticalScroll):
    """The reasons of the highlighted method."""

    DEFAULT_CSS = """
    ReasonsPane {
        height: 1fr;
        border: round $primary-muted;
        border-title-color: $text-primary;
        border-title-style: bold;
    }
    ReasonsPane:focus {
        border: round $primary;
    }
    """

    def compose(self) -> ComposeResult:
        yield InfoText()

    def on_mount(self) -> None:
        self.border_title = _("Why it ranks here")

    @property
    def plain(self) -> str:
        """The text shown, without styles."""
        return self.query_one(InfoText).plain

    def show(self, item: RankedMethod | None, count: int, *, footer: str = "") -> None:
        """Show the reasons of ``item`` (None: nothing is highlighted); ``footer`` goes last."""
        page = reasons_page(item, count) if item else Page().text(_("No method highlighted."))
        if footer:
            page.blank()
            page.text(footer, dim=True)
        self.query_one(InfoText).show(page)
        self.scroll_home(animate=False)
