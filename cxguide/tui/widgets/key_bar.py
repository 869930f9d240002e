"""A footer that shows every key of the screen, wrapping onto a second line when narrow.

Textual's ``Footer`` keeps to one line and cuts off what does not fit; the method finder has
more keys than 80 columns hold, and every key must stay visible. ``KeyBar`` reads the same
public data as the Footer (``Screen.active_bindings``, ``App.get_key_display``), lays the keys
out in rows, and a click on a key presses it.

Binding descriptions are English marked with ``N_()`` (class attributes are made once, at
import); they are translated here, when shown, so they follow a change of language.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.binding import ActiveBinding
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from cxguide.i18n import _

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
DISABLED_STYLE = "dim"
GAP = 2


@dataclass(frozen=True, slots=True)
class KeyItem:
    """One key as shown: the key to press, how it is written, and what it does."""

    key: str
    display: str
    description: str
    enabled: bool = True

    @property
    def width(self) -> int:
        return cell_len(self.display) + 1 + cell_len(self.description)

    def content(self) -> Content:
        key = Content.styled(self.display, KEY_STYLE)
        description = Content.styled(self.description, DESCRIPTION_STYLE)
        item = Content.assemble(key, " ", description)
        return item if self.enabled else item.stylize(DISABLED_STYLE)


def arrange(items: list[KeyItem], width: int) -> list[list[tuple[int, KeyItem]]]:
    """Place the items in rows no wider than ``width``: each row is (column, item) pairs."""
    rows: list[list[tuple[int, KeyItem]]] = [[]]
    column = 1
    for item in items:
        if rows[-1] and column + item.width > width:
            rows.append([])
            column = 1
        rows[-1].append((column, item))
        column += item.width + GAP
    return rows


class KeyBar(Widget):
    """Every key the screen answers to, with what it does; a click presses the key."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
    }
    /* Over a screen whose bar wraps onto two lines, cover both. */
    KeyBar.-modal {
        min-height: 2;
    }
    """
    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._items: list[KeyItem] = []

    @property
    def items(self) -> list[KeyItem]:
        """The keys shown, in order."""
        return list(self._items)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        active = screen.active_bindings
        # Every action once, where its first shown key stands, written with that key.
        by_action: dict[str, list[ActiveBinding]] = {}
        for active_binding in active.values():
            if active_binding.binding.show:
                by_action.setdefault(active_binding.binding.action, []).append(active_binding)
        items: list[KeyItem] = []
        group_of: dict[int, KeyItem] = {}
        for entries in by_action.values():
            chosen = entries[0]
            binding = chosen.binding
            display = self.app.get_key_display(binding)
            group = binding.group
            if group is not None and id(group) in group_of:
                # Keys of one group share one description: '←↑↓→ Move'.
                first = group_of[id(group)]
                joiner = "" if group.compact else " "
                merged = KeyItem(
                    first.key, first.display + joiner + display, first.description, first.enabled
                )
                items[items.index(first)] = merged
                group_of[id(group)] = merged
                continue
            item = KeyItem(
                binding.key,
                display,
                _(group.description if group is not None else binding.description),
                chosen.enabled,
            )
            if group is not None:
                group_of[id(group)] = item
            items.append(item)
        seen = set(by_action)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette and palette.binding.action not in seen:
            binding = palette.binding
            items.append(
                KeyItem(
                    binding.key,
                    self.app.get_key_display(binding),
                    _(binding.description),
                    palette.enabled,
                )
            )
        if items != self._items:
            self._items = items
            self.refresh(layout=True)

    def _rows(self, width: int) -> list[list[tuple[int, KeyItem]]]:
        return arrange(self._items, max(width, 1))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> Content:
        lines = []
        for row in self._rows(self.content_size.width):
            line = Content("")
            for column, item in row:
                line = line + Content(" " * (column - line.cell_length)) + item.content()
            lines.append(line)
        return Content("\n").join(lines)

    def on_click(self, event: events.Click) -> None:
        rows = self._rows(self.content_size.width)
        if not 0 <= event.y < len(rows):
            return
        for column, item in rows[event.y]:
            if column <= event.x < column + item.width:
                event.stop()
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
