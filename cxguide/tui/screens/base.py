"""What every area has: the header, the key bar that teaches every key, and the knowledge."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from cxguide.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from cxguide.knowledge.models import Knowledge
    from cxguide.tui.app import CxGuideApp


class AreaScreen(Screen[None]):
    """The base screen of one area (one Textual mode)."""

    def __init__(self, area_title: str) -> None:
        super().__init__()
        self.sub_title = area_title

    @property
    def cx(self) -> CxGuideApp:
        """The running app, typed."""
        return cast("CxGuideApp", self.app)

    @property
    def knowledge(self) -> Knowledge:
        return self.cx.knowledge

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        """The area's own widgets, between header and footer."""
        yield from ()

    def presenter_changed(self, presenter: bool) -> None:
        """The app switched presenter view on or off (its CSS class does the layout); a
        screen whose keys or focus depend on it follows here."""
        self.refresh_bindings()
