"""The cxguide app shell: four areas (Textual modes), a help screen and the command palette.

Knowledge is loaded once, when the app is created; the screens only present it. Screens and
palette providers are imported when first needed, so starting the app stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette

from cxguide.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.command import Provider
    from textual.screen import Screen

    from cxguide.knowledge.models import Edition, Knowledge


def _finder_screen() -> Screen[Any]:
    from cxguide.tui.screens.finder import FinderScreen

    return FinderScreen()


def _culture_screen() -> Screen[Any]:
    from cxguide.tui.screens.culture import CultureScreen

    return CultureScreen()


def _notes_screen() -> Screen[Any]:
    from cxguide.tui.screens.notes import NotesScreen

    return NotesScreen()


def _data_screen() -> Screen[Any]:
    from cxguide.tui.screens.data import DataScreen

    return DataScreen()


def _area_commands() -> type[Provider]:
    from cxguide.tui.commands import AreaCommands

    return AreaCommands


def _method_commands() -> type[Provider]:
    from cxguide.tui.commands import MethodCommands

    return MethodCommands


def _country_commands() -> type[Provider]:
    from cxguide.tui.commands import CountryCommands

    return CountryCommands


class CxGuideApp(App[None]):
    """cxguide in the terminal: research methods, culture map, your notes, sources & data."""

    TITLE = "cxguide"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "methods": _finder_screen,
        "culture": _culture_screen,
        "notes": _notes_screen,
        "data": _data_screen,
    }
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        _area_commands,
        _method_commands,
        _country_commands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_area('methods')", _("Methods"), show=True, id="area.methods"),
        Binding("2", "switch_area('culture')", _("Culture"), show=True, id="area.culture"),
        Binding("3", "switch_area('notes')", _("Notes"), show=True, id="area.notes"),
        Binding("4", "switch_area('data')", _("Data"), show=True, id="area.data"),
        Binding("question_mark,f1", "help", _("Help"), show=True, key_display="?", id="help"),
        Binding("q", "quit", _("Quit"), show=True, id="quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            _("Search"),
            show=False,
            priority=True,
            tooltip=_("Search for a method, a country or an area"),
            id="command_palette",
        ),
    ]
    # Below 120 columns the table and the details stack; from 120 they sit side by side.
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (120, "-wide"),
    ]

    def __init__(self, data_dir: str | None = None) -> None:
        super().__init__()
        from cxguide.knowledge import load_knowledge
        from cxguide.paths import user_data_dir

        self.user_dir = user_data_dir(data_dir)
        """The user's own knowledge directory (it may not exist)."""
        self.knowledge: Knowledge = load_knowledge(self.user_dir)
        """Everything cxguide knows, loaded once."""

    def areas(self) -> tuple[tuple[str, str, str], ...]:
        """Each area's mode, title and a line on what it shows."""
        return (
            (
                "methods",
                _("Method finder"),
                _("Answer a few questions; research methods ranked, with reasons"),
            ),
            ("culture", _("Culture map"), _("Countries of the Inglehart–Welzel map, by zone")),
            ("notes", _("Your notes"), _("Your own notes on countries")),
            ("data", _("Sources & data"), _("Sources, files read, and problems found")),
        )

    def problems_notice(self) -> str | None:
        """What the startup notification says about set-aside files, if anything."""
        count = len(self.knowledge.problems)
        if not count:
            return None
        files = len({p.file for p in self.knowledge.problems})
        return " ".join(
            (
                ngettext("{count} problem", "{count} problems", count).format(count=count),
                ngettext(
                    "in {files} knowledge file: it was set aside.",
                    "in {files} knowledge files: they were set aside.",
                    files,
                ).format(files=files),
                _("Press 4 (Data) to see where and how to fix them."),
            )
        )

    def on_mount(self) -> None:
        self.switch_mode("methods")
        notice = self.problems_notice()
        if notice:
            self.notify(
                notice, title=_("Some files were set aside"), severity="warning", timeout=20
            )

    def action_switch_area(self, area: str) -> None:
        """Show one of the four areas."""
        self.switch_mode(area)

    def action_help(self) -> None:
        """Open the help screen over the current area."""
        from cxguide.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Open the command palette, with a placeholder in plain words."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                CommandPalette(
                    placeholder=_("Search for a method, a country or an area…"),
                    id="--command-palette",
                )
            )

    async def _close_dialogs(self) -> None:
        """Close the help (or any dialog) so the area itself is on top."""
        while self.screen.is_modal and len(self.screen_stack) > 1:
            await self.pop_screen()

    async def open_method(self, method_id: str, edition: Edition) -> None:
        """Go to the method finder, choose ``edition``, select the method and open its view."""
        from cxguide.tui.screens.finder import FinderScreen

        await self._close_dialogs()
        await self.switch_mode("methods")
        # Back to the finder itself if a method view is open over it.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, FinderScreen):
            await self.pop_screen()
        screen = self.screen
        if isinstance(screen, FinderScreen) and screen.show_method(method_id, edition):
            screen.open_method(method_id)

    async def open_country(self, country_id: str) -> None:
        """Go to the culture map and highlight the country."""
        from cxguide.tui.screens.culture import CultureScreen

        await self._close_dialogs()
        await self.switch_mode("culture")
        screen = self.get_screen_stack("culture")[0]
        if isinstance(screen, CultureScreen):
            screen.show_country(country_id)
