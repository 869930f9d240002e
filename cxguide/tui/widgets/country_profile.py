"""One country of the cultural map in detail: where it stands and what that means, its path
over the survey years (a table and a small chart), its nearest countries, caveats and sources.

The widget renders a ``Profile`` from ``cxguide.logic.culture`` and words it as the CLI does
(``cxguide.export.culture``); it measures and sorts nothing itself. The small chart is a pure
function of the path's scores (``path_chart``), tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from cxguide.export.culture import basis_sentence, distance_note, distance_text, score_text
from cxguide.export.listing import unknown
from cxguide.i18n import _, ngettext
from cxguide.knowledge.models import Knowledge
from cxguide.logic.culture import Point, Profile, Reading
from cxguide.tui.widgets.info import DIM_STYLE, LABEL_STYLE, InfoText, Page
from cxguide.tui.wording import citations

# Never a full block: a gap stays above the tallest mark, so two lines of marks stay apart.
LEVELS = "▁▂▃▄▅▆▇"
# A chart never spans less than this many map units, so a tiny change draws as a flat line.
MIN_SPAN = 1.0


def axis_headers() -> tuple[str, str]:
    """The two score columns' headers, on two lines each to keep the tables narrow."""
    return (_("Traditional\n↔ secular"), _("Survival ↔\nself-expression"))


def sign_note() -> str:
    """What the sign of a score means, in plain words."""
    return _(
        "Scores below zero lean traditional or towards survival; above zero, secular-rational "
        "or towards self-expression."
    )


def add_columns(
    table: DataTable[Text], labels: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """Columns as wide as their widest line of text (labels may have two lines)."""
    for index, label in enumerate(labels):
        lines = [*label.splitlines(), *(row[index] for row in rows)]
        table.add_column(Text(label), width=max(cell_len(line) for line in lines))


def fill_table(
    table: DataTable[Text], labels: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """Replace the table's columns and rows; cells are Text, so no text is read as markup."""
    table.clear(columns=True)
    add_columns(table, labels, rows)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))


@dataclass(frozen=True, slots=True)
class ChartLine:
    """One axis of the small path chart: its label, one mark per survey year, first and last."""

    label: str
    marks: str
    first: float
    last: float


def chart_scale(values: Sequence[float], min_span: float = MIN_SPAN) -> tuple[float, float]:
    """The low and high ends of a chart of ``values``: their range, widened to ``min_span``."""
    low, high = min(values), max(values)
    if high - low < min_span:
        middle = (low + high) / 2
        low, high = middle - min_span / 2, middle + min_span / 2
    return low, high


def sparkline(values: Sequence[float], low: float, high: float) -> str:
    """One block character per value, taller for higher values, on the scale ``low``-``high``;
    the marks are a space apart."""
    span = high - low
    top = len(LEVELS) - 1
    marks = []
    for value in values:
        level = round((value - low) / span * top) if span > 0 else top // 2
        marks.append(LEVELS[max(0, min(top, level))])
    return " ".join(marks)


def path_chart(path: Sequence[Point]) -> tuple[ChartLine, ...]:
    """Both axes of a path as sparklines on one shared scale; empty for fewer than two years."""
    if len(path) < 2:
        return ()
    ts = [p.y for p in path]
    sse = [p.x for p in path]
    low, high = chart_scale([*ts, *sse])
    return (
        ChartLine(_("Traditional ↔ secular"), sparkline(ts, low, high), ts[0], ts[-1]),
        ChartLine(_("Survival ↔ self-expression"), sparkline(sse, low, high), sse[0], sse[-1]),
    )


def chart_content(path: Sequence[Point]) -> Content:
    """The small chart as lines of text: a caption, one line per axis, and how to read it."""
    lines = path_chart(path)
    if not lines:
        return Content.styled(_("Only one survey year: there is no path to draw."), DIM_STYLE)
    first, last = path[0].score.year, path[-1].score.year
    caption = _("The same as a small chart, one mark per survey year, {first} to {last}:").format(
        first=first, last=last
    )
    width = max(cell_len(line.label) for line in lines) + 2
    rows = [Content(caption)]
    for line in lines:
        rows.append(
            Content.assemble(
                (line.label + " " * (width - cell_len(line.label)), LABEL_STYLE),
                (line.marks, "$text-accent"),
                "   ",
                _("{first} → {last}").format(
                    first=score_text(line.first), last=score_text(line.last)
                ),
            )
        )
    rows.append(
        Content.styled(
            _("Taller marks: further towards secular-rational or self-expression values."),
            DIM_STYLE,
        )
    )
    return Content("\n").join(rows)


def _reading(page: Page, reading: Reading) -> None:
    name = reading.dimension.name if reading.dimension else reading.axis
    page.field(name, reading.text)
    pole = reading.pole
    if pole is not None:
        page.text(f"{pole.name}: {pole.meaning}", indent=2)


def profile_title(profile: Profile) -> str:
    """'Germany (DEU)': the name and code, shown on the pane's border."""
    country = profile.country
    return f"{country.name} ({country.iso3 or country.id})"


def head_page(profile: Profile, compared: bool) -> Page:
    """Zone, the survey year shown and why, and what that position means."""
    country, chosen = profile.country, profile.point
    page = Page().field(_("Zone"), profile.zone.name if profile.zone else unknown())
    page.text(basis_sentence(chosen))
    if country.map_2023.note:
        page.text(country.map_2023.note, dim=True)
    if compared:
        page.text(_("In your comparison (v shows it, x takes it out)."), dim=True)
    page.heading(_("What the position means"))
    for reading in profile.readings:
        _reading(page, reading)
    page.heading(_("Path over the survey years"))
    return page


def path_rows(profile: Profile) -> list[tuple[str, ...]]:
    """Year, both scores and a note for every survey year, oldest first."""
    drawn = profile.country.map_score
    chosen = profile.point.score.year
    rows: list[tuple[str, ...]] = []
    for p in profile.path:
        notes = []
        if drawn is not None and p.score.year == drawn.year:
            notes.append(_("drawn on the 2023 map"))
        elif p.score.year == chosen:
            notes.append(_("shown above"))
        if p.score.s025_label:
            notes.append(_("as {name}").format(name=p.score.s025_label))
        rows.append((str(p.score.year), score_text(p.y), score_text(p.x), "; ".join(notes)))
    return rows


def middle_page(profile: Profile) -> Page:
    """How the country moved, then the heading and the note of the nearest countries."""
    page = Page()
    for difference in profile.movement:
        page.bullet(difference.text)
    page.heading(
        ngettext(
            "Nearest country, on these two dimensions only",
            "Nearest {count} countries, on these two dimensions only",
            len(profile.neighbours),
        ).format(count=len(profile.neighbours))
    )
    page.text(distance_note(), dim=True)
    return page


def neighbour_rows(knowledge: Knowledge, profile: Profile) -> list[tuple[str, ...]]:
    """Rank, name, zone, survey year and distance of each nearest country, nearest first."""
    rows: list[tuple[str, ...]] = []
    for rank, neighbour in enumerate(profile.neighbours, start=1):
        zone = knowledge.zone(neighbour.point.country.zone)
        rows.append(
            (
                str(rank),
                neighbour.point.country.name,
                zone.name if zone else unknown(),
                str(neighbour.point.score.year),
                distance_text(neighbour.distance),
            )
        )
    return rows


def end_page(knowledge: Knowledge, profile: Profile) -> Page:
    """The caveats, then the sources."""
    page = Page().heading(_("Keep in mind"))
    for item in profile.caveats:
        page.bullet(item.text)
    page.heading(_("Sources"))
    for citation in citations(knowledge, profile.sources):
        page.bullet(citation)
    return page


class CountryProfile(VerticalScroll):
    """A country's profile, top to bottom; ``plain`` is its text (tables included) for tests."""

    DEFAULT_CSS = """
    CountryProfile DataTable {
        height: auto;
        width: auto;
        max-width: 100%;
        margin: 0 1;
    }
    CountryProfile #profile-chart {
        height: auto;
        padding: 0 1;
        margin-top: 1;
    }
    CountryProfile #profile-middle, CountryProfile #profile-end {
        margin-top: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.profile: Profile | None = None
        """The profile shown, if any."""
        self._chart_plain = ""

    def compose(self) -> ComposeResult:
        yield InfoText(id="profile-head")
        path: DataTable[Text] = DataTable(
            id="profile-path", show_cursor=False, zebra_stripes=True, header_height=2
        )
        path.can_focus = False
        yield path
        yield Static("", id="profile-chart")
        yield InfoText(id="profile-middle")
        near: DataTable[Text] = DataTable(
            id="profile-neighbours", show_cursor=False, zebra_stripes=True
        )
        near.can_focus = False
        yield near
        yield InfoText(id="profile-end")

    def _tables(self) -> tuple[DataTable[Text], DataTable[Text]]:
        path: DataTable[Text] = self.query_one("#profile-path", DataTable)
        near: DataTable[Text] = self.query_one("#profile-neighbours", DataTable)
        return path, near

    def show(self, profile: Profile, knowledge: Knowledge, *, compared: bool = False) -> None:
        """Show ``profile``; ``compared`` says the country is in the comparison.

        The view goes back to the top when the country changes, and stays where it is when the
        same country is shown again (say, once it joins the comparison)."""
        same = self.profile is not None and self.profile.country.id == profile.country.id
        self.profile = profile
        self.border_title = profile_title(profile)
        path, near = self._tables()
        for widget in self.children:
            widget.display = True
        self.query_one("#profile-head", InfoText).show(head_page(profile, compared))
        ts, sse = axis_headers()
        fill_table(path, (_("Year"), ts, sse, _("Note")), path_rows(profile))
        chart = chart_content(profile.path)
        self._chart_plain = chart.plain
        self.query_one("#profile-chart", Static).update(chart)
        self.query_one("#profile-middle", InfoText).show(middle_page(profile))
        fill_table(
            near,
            (_("#"), _("Country"), _("Zone"), _("Survey year"), _("Distance")),
            neighbour_rows(knowledge, profile),
        )
        self.query_one("#profile-end", InfoText).show(end_page(knowledge, profile))
        if not same:
            self.scroll_home(animate=False)

    def show_nothing(self, text: str) -> None:
        """No country: only ``text``."""
        self.profile = None
        self.border_title = _("Country profile")
        self.query_one("#profile-head", InfoText).show(Page().text(text))
        for widget in self.children:
            widget.display = widget.id == "profile-head"

    @property
    def plain(self) -> str:
        """Everything shown, as plain text: pages, then table rows as tab-separated cells."""
        if self.profile is None:
            return self.query_one("#profile-head", InfoText).plain
        parts = []
        for widget in self.children:
            if isinstance(widget, InfoText):
                parts.append(widget.plain)
            elif isinstance(widget, DataTable):
                for row in range(widget.row_count):
                    parts.append("\t".join(str(cell) for cell in widget.get_row_at(row)))
            elif widget.id == "profile-chart":
                parts.append(self._chart_plain)
        return "\n".join(parts)
