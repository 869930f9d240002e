"""A read-only page of text: a title, headings, fields and bullets, built up and then shown.

``Page`` collects the parts (plain strings, never markup, so user text shows as typed) and
wraps them to a width, bullets with a hanging indent; ``InfoText`` shows a page and keeps its
plain text for tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

TITLE_STYLE = "bold $text-primary"
HEADING_STYLE = "bold $text-accent"
LABEL_STYLE = "bold"
DIM_STYLE = "$text-muted"
BULLET = "• "
# Never wrap narrower than this, even in a very small window.
MIN_WIDTH = 12


@dataclass(frozen=True, slots=True)
class _Block:
    """One paragraph: ``prefix`` on its first line, later lines indented by ``indent``."""

    body: Content
    prefix: str = ""
    indent: int = 0


class Page:
    """The paragraphs of one page of text, in order."""

    def __init__(self) -> None:
        self._blocks: list[_Block] = []
        self._wrapped: dict[int, list[Content]] = {}

    def _add(self, body: Content, prefix: str = "", indent: int = 0) -> Page:
        self._blocks.append(_Block(body, prefix, max(indent, len(prefix))))
        self._wrapped.clear()
        return self

    def title(self, text: str) -> Page:
        return self._add(Content.styled(text, TITLE_STYLE))

    def heading(self, text: str) -> Page:
        if self._blocks:
            self.blank()
        return self._add(Content.styled(text, HEADING_STYLE))

    def text(self, text: str, *, dim: bool = False, indent: int = 0) -> Page:
        return self._add(Content.styled(text, DIM_STYLE) if dim else Content(text), "", indent)

    def field(self, label: str, value: str) -> Page:
        """A 'Label: value' paragraph."""
        return self._add(Content.assemble((f"{label}: ", LABEL_STYLE), value))

    def bullet(self, text: str, *, dim: bool = False) -> Page:
        return self._add(Content.styled(text, DIM_STYLE) if dim else Content(text), BULLET)

    def blank(self) -> Page:
        return self._add(Content(""))

    @property
    def plain(self) -> str:
        """The page without styles or wrapping, one paragraph per line."""
        return "\n".join(
            block.prefix.ljust(block.indent) + block.body.plain for block in self._blocks
        )

    def lines(self, width: int) -> list[Content]:
        """The page wrapped to ``width`` cells (remembered: layout asks more than once)."""
        if width in self._wrapped:
            return self._wrapped[width]
        lines: list[Content] = []
        for block in self._blocks:
            if not block.body.plain:
                lines.append(Content(""))
                continue
            wrapped = block.body.wrap(max(width - block.indent, MIN_WIDTH))
            for index, line in enumerate(wrapped):
                lead = block.prefix.ljust(block.indent) if index == 0 else " " * block.indent
                lines.append(Content(lead) + line if lead else line)
        self._wrapped[width] = lines
        return lines


class InfoText(Widget):
    """Shows a ``Page``, wrapped to the widget's width; ``plain`` is what it says."""

    DEFAULT_CSS = """
    InfoText {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._page = Page()

    @property
    def plain(self) -> str:
        """The text shown, without styles."""
        return self._page.plain

    def show(self, page: Page) -> None:
        self._page = page
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content("\n").join(self._page.lines(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._page.lines(width))
