"""Choose a country by typing part of its name or a code: a small dialog over the screen.

``matching_countries`` is the pure part (tested on its own): the country the text names exactly
(an ISO code, a name or a common other name, through ``catalogue.find_country``) comes first,
then every country with a name or other name starting with, then containing, the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from cxguide.i18n import N_, _
from cxguide.knowledge.models import Country, Knowledge
from cxguide.logic.catalogue import country_keys, find_country, fold_name
from cxguide.tui.widgets.key_bar import KeyBar

# The option that stands for "no country" (an overview, or no particular market).
NO_COUNTRY = "-"


def country_label(country: Country) -> str:
    """'Germany (DEU)'."""
    return f"{country.name} ({country.iso3 or country.id})"


def matching_countries(
    knowledge: Knowledge, text: str, keys: dict[str, tuple[str, ...]] | None = None
) -> list[Country]:
    """The countries ``text`` may name, best first; every country (by name) for no text."""
    by_name = sorted(knowledge.countries, key=lambda c: c.name.casefold())
    wanted = fold_name(text)
    if not wanted:
        return by_name
    found = find_country(knowledge, text).found
    keys = keys if keys is not None else country_keys(knowledge)
    starting: dict[str, None] = {}
    containing: dict[str, None] = {}
    for key, ids in keys.items():
        if any(word.startswith(wanted) for word in key.split()) or key.startswith(wanted):
            starting.update(dict.fromkeys(ids))
        elif len(wanted) >= 2 and wanted in key:
            containing.update(dict.fromkeys(ids))
    order = {c.id: i for i, c in enumerate(by_name)}
    ranked = [
        *sorted(starting, key=order.__getitem__),
        *sorted((i for i in containing if i not in starting), key=order.__getitem__),
    ]
    result = [found] if found is not None else []
    result.extend(by_name[order[i]] for i in ranked if found is None or i != found.id)
    return result


class SearchInput(Input):
    """The search field: ↑ and ↓ move through the list below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.move(1)", N_("Move"), show=False),
        Binding("up", "screen.move(-1)", N_("Move"), show=False),
    ]


class CountryPicker(ModalScreen[str | None]):
    """Type to narrow the list; Enter chooses. Dismissed with the country id, ``NO_COUNTRY``
    for the extra first option (if any), or None when cancelled."""

    DEFAULT_CSS = """
    CountryPicker {
        align: center middle;
    }
    /* Cover every line of the key bar underneath (three at 80 columns). */
    CountryPicker KeyBar {
        min-height: 3;
    }
    CountryPicker #picker-dialog {
        width: 60;
        max-width: 100%;
        height: 80%;
        padding: 0 1;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
    }
    CountryPicker #picker-hint {
        color: $text-muted;
        height: auto;
    }
    CountryPicker SearchInput {
        margin: 1 0 0 0;
    }
    CountryPicker OptionList {
        height: 1fr;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", N_("Choose"), show=True, priority=True, id="picker.choose"),
        Binding("escape", "cancel", N_("Cancel"), show=True, id="picker.cancel"),
    ]

    def __init__(
        self,
        knowledge: Knowledge,
        title: str,
        *,
        current: str | None = None,
        extra: str | None = None,
    ) -> None:
        """``extra``: the label of a first option that is no country (chosen: NO_COUNTRY)."""
        super().__init__()
        self.knowledge = knowledge
        self.dialog_title = title
        self.current = current
        self.extra = extra
        self._keys = country_keys(knowledge)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog"):
            yield Static(
                _("Type part of a name or a code (DE, DEU); ↑↓ move, Enter chooses."),
                id="picker-hint",
                markup=False,
            )
            yield SearchInput(placeholder=_("Country name or code"), id="picker-search")
            yield OptionList(id="picker-list")
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#picker-dialog").border_title = self.dialog_title
        self._fill("")
        option_list = self.query_one(OptionList)
        if self.current is not None:
            try:
                option_list.highlighted = option_list.get_option_index(self.current)
            except OptionDoesNotExist:
                pass
        self.query_one(SearchInput).focus()

    @property
    def shown_ids(self) -> list[str]:
        """The ids of the options listed, in order (NO_COUNTRY for the extra option)."""
        option_list = self.query_one(OptionList)
        return [
            option.id
            for option in (
                option_list.get_option_at_index(i) for i in range(option_list.option_count)
            )
            if option.id is not None
        ]

    def _fill(self, text: str) -> None:
        countries: Sequence[Country] = matching_countries(self.knowledge, text, self._keys)
        options = [Option(country_label(c), id=c.id) for c in countries]
        if self.extra and not text.strip():
            options.insert(0, Option(self.extra, id=NO_COUNTRY))
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        if not options:
            option_list.add_option(
                Option(_("No country matches '{text}'.").format(text=text), disabled=True)
            )
            return
        option_list.add_options(options)
        option_list.highlighted = 0

    @on(Input.Changed, "#picker-search")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if step > 0:
            option_list.action_cursor_down()
        else:
            option_list.action_cursor_up()

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_choose(self) -> None:
        """Choose the highlighted country."""
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None:
            self.app.bell()
            return
        option = option_list.get_option_at_index(index)
        if option.id is None or option.disabled:
            self.app.bell()
            return
        self.dismiss(option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
