"""Look things up in the knowledge forgivingly: zones and countries by id or name."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Generic, TypeVar

from cxguide.knowledge.models import Country, Knowledge, Zone

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Lookup(Generic[T]):
    """A lookup's result: the item found, or the closest names to suggest."""

    found: T | None
    suggestions: tuple[str, ...] = ()


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").replace("&", "").split())


def find_zone(knowledge: Knowledge, text: str) -> Lookup[Zone]:
    """The zone whose id or name matches ``text`` ignoring case, dashes and '&'."""
    wanted = _fold(text)
    for zone in knowledge.zones:
        if wanted in (_fold(zone.id), _fold(zone.name)):
            return Lookup(zone)
    names = {_fold(z.name): z.name for z in knowledge.zones}
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    return Lookup(None, tuple(names[c] for c in close))


def find_country(knowledge: Knowledge, text: str) -> Lookup[Country]:
    """The country whose id, ISO3 code or name matches ``text`` ignoring case."""
    wanted = _fold(text)
    for country in knowledge.countries:
        keys = {_fold(country.id), _fold(country.name)}
        if country.iso3:
            keys.add(_fold(country.iso3))
        if wanted in keys:
            return Lookup(country)
    names = {_fold(c.name): c.name for c in knowledge.countries}
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    return Lookup(None, tuple(names[c] for c in close))


def countries_in_zone(knowledge: Knowledge, zone: Zone | None) -> tuple[Country, ...]:
    """Every country, or only those of ``zone``, in name order."""
    chosen = (c for c in knowledge.countries if zone is None or c.zone == zone.id)
    return tuple(sorted(chosen, key=lambda c: c.name.casefold()))
