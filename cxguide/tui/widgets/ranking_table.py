"""The ranking as a table: rank, method, score, and a mark on top picks and ruled-out methods.

It shows a ``Ranking`` as it comes from cxguide.logic.ranking; it never scores anything itself.
Row keys are method ids, so the cursor can stay on a method while the ranking changes. The marks
are the chart's ('◆' top pick, '○' ruled out), and spelled out when the table is wide enough.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from cxguide.i18n import N_, _
from cxguide.logic.ranking import RankedMethod, Ranking
from cxguide.tui.widgets.landscape_chart import MARKER_DIMMED, MARKER_HIGHLIGHT

# The name column: as wide as the longest built-in name when there is room, never narrower
# than the shortest width that still reads.
NAME_WIDTH = 34
MIN_NAME_WIDTH = 14
TOP_PICKS = 3
# Cell padding (one each side) and the border, per table.
CELL_PADDING = 2
BORDER = 2


def score_text(score: float) -> str:
    """'+2.7', '-1.5' or '0'."""
    return f"{score:+g}" if score else "0"


def top_picks(ranking: Ranking, count: int = TOP_PICKS) -> tuple[RankedMethod, ...]:
    """The first ``count`` methods that are not ruled out and that some answer raised.

    With no answer (or none that raised a method) every score is level and the first names are
    only first by alphabet, so nothing is a top pick.
    """
    raised = (m for m in ranking.methods if not m.ruled_out and m.score > 0)
    return tuple(raised)[:count]


def _shorten(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    return text[: max(width - 1, 1)].rstrip() + "…"


class RankingTable(DataTable[Text]):
    """One row per method, best fit first; Enter opens the highlighted method."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Open method"), show=True),
    ]

    DEFAULT_CSS = """
    RankingTable {
        height: 1fr;
        border: round $primary-muted;
        border-title-color: $text-primary;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    RankingTable:focus {
        border: round $primary;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)
        self._ranking: Ranking | None = None
        self._layout: tuple[int, bool] = (0, False)

    @property
    def ranking(self) -> Ranking | None:
        """The ranking shown."""
        return self._ranking

    def _fit(self, width: int) -> tuple[int, bool]:
        """The name column's width and whether the marks are spelled out, for ``width``."""
        rank_width = max(cell_len(_("Rank")), 4)
        score_width = max(cell_len(_("Score")), 5)
        mark_width = max(cell_len(_("ruled out")), cell_len(_("top pick")))
        fixed = rank_width + score_width + 3 * CELL_PADDING + BORDER + 1  # +1: the scrollbar
        words = width - fixed - mark_width - CELL_PADDING >= NAME_WIDTH
        room = width - fixed - (mark_width + CELL_PADDING if words else 0)
        return max(min(room, NAME_WIDTH), MIN_NAME_WIDTH), words

    def on_resize(self, event: events.Resize) -> None:
        if self._fit(event.size.width) != self._layout and self._ranking is not None:
            self.show_ranking(self._ranking, self.highlighted_id)

    def show_ranking(self, ranking: Ranking, keep: str | None = None) -> None:
        """Show ``ranking``; the cursor goes to the method ``keep`` (else to the top)."""
        self._ranking = ranking
        name_width, words = self._layout = self._fit(self.size.width)
        self.clear(columns=True)
        self.add_column(_("Rank"), key="rank", width=max(cell_len(_("Rank")), 4))
        self.add_column(_("Method"), key="method", width=name_width)
        self.add_column(_("Score"), key="score", width=max(cell_len(_("Score")), 5))
        if words:
            mark_width = max(cell_len(_("ruled out")), cell_len(_("top pick")))
            self.add_column("", key="mark", width=mark_width)
        top = {m.method.id for m in top_picks(ranking)}
        theme = self.app.current_theme
        error = f"bold {theme.error or 'red'}"
        accent = f"bold {theme.accent or 'yellow'}"
        for item in ranking.methods:
            is_top = item.method.id in top
            style = "dim" if item.ruled_out else ("bold" if is_top else "")
            glyph = MARKER_DIMMED if item.ruled_out else MARKER_HIGHLIGHT if is_top else " "
            rank = Text.assemble(
                (glyph, error if item.ruled_out else accent if is_top else ""),
                (f"{item.rank:>3}", style),
            )
            cells = [
                rank,
                Text(_shorten(item.method.name, name_width), style=style),
                Text(score_text(item.score), style=style, justify="right"),
            ]
            if words:
                mark = _("ruled out") if item.ruled_out else _("top pick") if is_top else ""
                cells.append(Text(mark, style=error if item.ruled_out else accent))
            self.add_row(*cells, key=item.method.id)
        self.border_subtitle = (
            MARKER_HIGHLIGHT + " " + _("top pick") + "  " + MARKER_DIMMED + " " + _("ruled out")
            if not words
            else ""
        )
        if keep is None or not self.highlight(keep):
            self.move_cursor(row=0, animate=False)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the method under the cursor."""
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value

    def highlight(self, method_id: str) -> bool:
        """Move the cursor to ``method_id``; False when it is not in the table."""
        try:
            index = self.get_row_index(method_id)
        except RowDoesNotExist:
            return False
        self.move_cursor(row=index, animate=False)
        return True
