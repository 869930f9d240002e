"""Forgiving look-ups: countries by id, ISO2/ISO3 code, name or common other name; zones by name.

The country ids and names are those of data/countries.yaml (generated from
shared/reference/inglehart_welzel.csv); the ISO2 and alias tables live in
cxguide/logic/catalogue.py and are checked here against the data.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from cxguide.knowledge.models import Country, Knowledge, MapPoint
from cxguide.logic.catalogue import (
    ALIASES,
    ISO2,
    countries_in_zone,
    country_keys,
    find_country,
    find_zone,
    fold_name,
)

# --- the tables -----------------------------------------------------------------------------


def test_every_iso2_code_points_at_a_country_in_the_data(knowledge: Knowledge) -> None:
    ids = {c.id for c in knowledge.countries}
    for code, country_id in ISO2.items():
        assert re.fullmatch(r"[A-Z]{2}", code), code
        assert country_id in ids, (code, country_id)


def test_no_two_iso2_codes_name_the_same_country() -> None:
    assert len(set(ISO2.values())) == len(ISO2)


def test_every_country_but_northern_ireland_has_an_iso2_code(knowledge: Knowledge) -> None:
    # 115 countries in the data; GB-NIR has no alpha-2 code of its own.
    assert len(knowledge.countries) == 115
    without = {c.id for c in knowledge.countries} - set(ISO2.values())
    assert without == {"GB-NIR"}
    assert ISO2["XK"] == "XKX"  # Kosovo: the user-assigned code in common use


def test_every_alias_points_at_a_country_in_the_data(knowledge: Knowledge) -> None:
    ids = {c.id for c in knowledge.countries}
    for alias, country_id in ALIASES.items():
        assert country_id in ids, (alias, country_id)


def test_no_text_finds_two_countries(knowledge: Knowledge) -> None:
    """Names, codes and aliases never collide, so nothing built in is ambiguous."""
    clashes = {key: ids for key, ids in country_keys(knowledge).items() if len(ids) > 1}
    assert clashes == {}


# --- folding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Czech Republic", "czech republic"),
        ("  SOUTH   korea ", "south korea"),
        ("Türkiye", "turkiye"),
        ("The Netherlands", "netherlands"),
        ("U.S.A.", "usa"),
        ("Moldova, Republic of", "moldova republic of"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
        ("Bosnia-Herzegovina", "bosnia herzegovina"),
        ("Taiwan (ROC)", "taiwan roc"),
        ("People's Republic of China", "peoples republic of china"),
        ("GB-NIR", "gb nir"),
        ("", ""),
    ],
)
def test_fold_name(text: str, folded: str) -> None:
    assert fold_name(text) == folded


# --- finding countries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country_id"),
    [
        ("Sweden", "SWE"),
        ("SWE", "SWE"),
        ("se", "SWE"),
        ("Czech Republic", "CZE"),
        ("czechia", "CZE"),
        ("CZ", "CZE"),
        ("south korea", "KOR"),
        ("Korea", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("RU", "RUS"),
        ("ru", "RUS"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Holland", "NLD"),
        ("the netherlands", "NLD"),
        ("Türkiye", "TUR"),
        ("turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("U.S.A.", "USA"),
        ("United States of America", "USA"),
        ("america", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("GB", "GBR"),
        ("gb-nir", "GB-NIR"),
        ("Northern Ireland", "GB-NIR"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Bosnia", "BIH"),
        ("Macedonia", "MKD"),
        ("Moldova, Republic of", "MDA"),
        ("Hong Kong", "HKG"),
        ("Macao", "MAC"),
        ("macau", "MAC"),
        ("Taiwan", "TWN"),
        ("Taiwan (ROC)", "TWN"),
        ("XK", "XKX"),
        ("kosovo", "XKX"),
        ("Viet Nam", "VNM"),
        ("Trinidad & Tobago", "TTO"),
    ],
)
def test_find_country(knowledge: Knowledge, text: str, country_id: str) -> None:
    lookup = find_country(knowledge, text)
    assert lookup.found is not None, (text, lookup.suggestions)
    assert lookup.found.id == country_id
    assert lookup.suggestions == ()
    assert not lookup.ambiguous


@pytest.mark.parametrize(
    ("text", "suggestions"),
    [
        ("Swedn", ("Sweden",)),
        # Niger and Dominica are other countries: never guessed as Nigeria or the Dominican
        # Republic, only suggested.
        ("Niger", ("Nigeria",)),
        ("Dominica", ("Dominican Republic", "Romania", "India")),
        ("north", ("North Macedonia", "Northern Ireland")),
        ("xyzzy", ()),
        ("XX", ()),
        ("", ()),
    ],
)
def test_unknown_country_gets_suggestions(
    knowledge: Knowledge, text: str, suggestions: tuple[str, ...]
) -> None:
    lookup = find_country(knowledge, text)
    assert lookup.found is None
    assert lookup.suggestions == suggestions
    assert not lookup.ambiguous


def test_ambiguous_text_is_never_guessed(knowledge: Knowledge) -> None:
    """A country named 'Korea' next to the alias 'Korea' -> South Korea: both are offered."""
    south = knowledge.country("KOR")
    assert south is not None
    north = Country(
        id="PRK",
        iso3="PRK",
        name="Korea",
        zone=None,
        zone_source=None,
        map_2023=MapPoint("not_on_map", None, None),
        scores=south.scores,
        origin=south.origin,
    )
    changed = dataclasses.replace(knowledge, countries=(*knowledge.countries, north))
    lookup = find_country(changed, "korea")
    assert lookup.found is None
    assert lookup.ambiguous
    assert set(lookup.suggestions) == {"South Korea", "Korea"}
    # The unambiguous spellings still work.
    found = find_country(changed, "south korea").found
    assert found is not None and found.id == "KOR"


# --- zones ------------------------------------------------------------------------------------


def test_find_zone_and_members(knowledge: Knowledge) -> None:
    zone = find_zone(knowledge, "Confucian").found
    assert zone is not None and zone.id == "confucian"
    # SOURCES-inglehart_welzel.md §5: Confucian (7).
    assert len(countries_in_zone(knowledge, zone)) == 7
    assert find_zone(knowledge, "catholik").suggestions == ("Catholic Europe",)
