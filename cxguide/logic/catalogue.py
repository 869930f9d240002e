"""Look things up in the knowledge forgivingly: zones and countries by id or name.

Countries are found by their id, ISO 3166-1 alpha-3 code or English name as the data gives
them, and also by the ISO 3166-1 alpha-2 codes and the common alternative English names in
the two tables below. Matching ignores case, accents, punctuation and the word "the". A text
that fits more than one country is never guessed: the candidates come back as suggestions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from cxguide.knowledge.models import Country, Knowledge, Zone, english

T = TypeVar("T")

# Standard ISO 3166-1 alpha-2 codes of the countries in data/countries.yaml, used only to look a
# country up from what a user types; they are never shown as facts about a country. Northern
# Ireland (GB-NIR) has no alpha-2 code of its own. Kosovo uses "XK", the user-assigned code in
# common use (the EU's and the World Bank's), as the data uses XKX.
ISO2: Mapping[str, str] = {
    "AL": "ALB", "DZ": "DZA", "AD": "AND", "AR": "ARG", "AM": "ARM", "AU": "AUS", "AT": "AUT",
    "AZ": "AZE", "BD": "BGD", "BY": "BLR", "BE": "BEL", "BO": "BOL", "BA": "BIH", "BR": "BRA",
    "BG": "BGR", "BF": "BFA", "CA": "CAN", "CL": "CHL", "CN": "CHN", "CO": "COL", "HR": "HRV",
    "CY": "CYP", "CZ": "CZE", "DK": "DNK", "DO": "DOM", "EC": "ECU", "EG": "EGY", "EE": "EST",
    "ET": "ETH", "FI": "FIN", "FR": "FRA", "GE": "GEO", "DE": "DEU", "GH": "GHA", "GB": "GBR",
    "GR": "GRC", "GT": "GTM", "HT": "HTI", "HK": "HKG", "HU": "HUN", "IS": "ISL", "IN": "IND",
    "ID": "IDN", "IR": "IRN", "IQ": "IRQ", "IE": "IRL", "IL": "ISR", "IT": "ITA", "JP": "JPN",
    "JO": "JOR", "KZ": "KAZ", "KE": "KEN", "XK": "XKX", "KG": "KGZ", "LV": "LVA", "LB": "LBN",
    "LY": "LBY", "LT": "LTU", "LU": "LUX", "MO": "MAC", "MY": "MYS", "MV": "MDV", "ML": "MLI",
    "MT": "MLT", "MX": "MEX", "MD": "MDA", "MN": "MNG", "ME": "MNE", "MA": "MAR", "MM": "MMR",
    "NL": "NLD", "NZ": "NZL", "NI": "NIC", "NG": "NGA", "MK": "MKD", "NO": "NOR", "PK": "PAK",
    "PS": "PSE", "PE": "PER", "PH": "PHL", "PL": "POL", "PT": "PRT", "PR": "PRI", "QA": "QAT",
    "RO": "ROU", "RU": "RUS", "RW": "RWA", "SA": "SAU", "RS": "SRB", "SG": "SGP", "SK": "SVK",
    "SI": "SVN", "ZA": "ZAF", "KR": "KOR", "ES": "ESP", "SE": "SWE", "CH": "CHE", "TW": "TWN",
    "TJ": "TJK", "TZ": "TZA", "TH": "THA", "TT": "TTO", "TN": "TUN", "TR": "TUR", "UG": "UGA",
    "UA": "UKR", "US": "USA", "UY": "URY", "UZ": "UZB", "VE": "VEN", "VN": "VNM", "YE": "YEM",
    "ZM": "ZMB", "ZW": "ZWE",
}  # fmt: skip

# Common alternative English names (short forms, official long forms, former names), used only
# for looking countries up. Keys are matched folded, like everything else here.
ALIASES: Mapping[str, str] = {
    "Britain": "GBR",
    "United Kingdom": "GBR",
    "UK": "GBR",
    "USA": "USA",
    "US": "USA",
    "United States of America": "USA",
    "America": "USA",
    "Czech Republic": "CZE",
    "Czech": "CZE",
    "Slovak Republic": "SVK",
    "Korea": "KOR",
    "Republic of Korea": "KOR",
    "Korea, Republic of": "KOR",
    "Korea, South": "KOR",
    "Hong Kong": "HKG",
    "Hong Kong, China": "HKG",
    "Hong Kong SAR, China": "HKG",
    "Macao": "MAC",
    "Macau": "MAC",
    "Macao SAR": "MAC",
    "Macao SAR, China": "MAC",
    "Taiwan": "TWN",
    "Chinese Taipei": "TWN",
    "People's Republic of China": "CHN",
    "Russian Federation": "RUS",
    "Holland": "NLD",
    "Turkiye": "TUR",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Macedonia": "MKD",
    "Republic of North Macedonia": "MKD",
    "Moldova, Republic of": "MDA",
    "Republic of Moldova": "MDA",
    "Iran, Islamic Republic of": "IRN",
    "Islamic Republic of Iran": "IRN",
    "Viet Nam": "VNM",
    "Burma": "MMR",
    "Tanzania, United Republic of": "TZA",
    "United Republic of Tanzania": "TZA",
    "Venezuela, Bolivarian Republic of": "VEN",
    "Bolivia, Plurinational State of": "BOL",
    "State of Palestine": "PSE",
    "Palestine, State of": "PSE",
    "Palestinian Territories": "PSE",
    "Kyrgyz Republic": "KGZ",
    "Trinidad": "TTO",
    "Northern Ireland (UK)": "GB-NIR",
    "Republic of Ireland": "IRL",
}


@dataclass(frozen=True, slots=True)
class Lookup(Generic[T]):
    """A lookup's result: the item found, or the closest names to suggest.

    ``ambiguous`` is true when the text fits several items: ``suggestions`` are then all of them.
    """

    found: T | None
    suggestions: tuple[str, ...] = ()
    ambiguous: bool = False


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").replace("&", "").split())


def fold_name(text: str) -> str:
    """``text`` reduced for matching: no case, accents, punctuation or "the"; '&' is 'and'.

    Apostrophes and full stops vanish ("U.S." is "us"); other punctuation separates words.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("&", " and "))
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        if char.isalnum():
            kept.append(char)
        elif char in ".'’`":
            continue
        else:
            kept.append(" ")
    return " ".join(word for word in "".join(kept).split() if word != "the")


def find_zone(knowledge: Knowledge, text: str) -> Lookup[Zone]:
    """The zone whose id or name (shown or English) matches ``text`` ignoring case, dashes, '&'."""
    wanted = _fold(text)
    for zone in knowledge.zones:
        if wanted in (_fold(zone.id), _fold(zone.name), _fold(english(zone, "name") or "")):
            return Lookup(zone)
    names = {_fold(z.name): z.name for z in knowledge.zones}
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    return Lookup(None, tuple(names[c] for c in close))


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _russian_names(knowledge: Knowledge) -> list[tuple[str, str]]:
    """(Russian name, country id) from CLDR, and from the catalogue for countries without ISO2."""
    from cxguide.i18n import country_name, territory_names

    names = territory_names("ru")
    by_iso3 = {iso3: iso2 for iso2, iso3 in ISO2.items()}
    found: list[tuple[str, str]] = []
    for country in knowledge.countries:
        iso2 = by_iso3.get(country.id)
        if iso2 is not None and iso2 in names:
            found.append((names[iso2], country.id))
        elif iso2 is None:
            found.append((country_name(None, country.name, "ru"), country.id))
    return found


def russian_names(knowledge: Knowledge) -> dict[str, str]:
    """Each country's Russian name (CLDR), by country id: for searches typed in Russian."""
    return {country_id: name for name, country_id in _russian_names(knowledge)}


def country_keys(knowledge: Knowledge, russian: bool = False) -> dict[str, tuple[str, ...]]:
    """Every folded text a country is found by (id, ISO codes, names) -> the ids it names.

    With ``russian`` (or when the interface is in Russian) CLDR's Russian names count too; the
    English interface asks for them only when the text typed is in Cyrillic, so it never pays for
    Babel otherwise.
    """
    keys: dict[str, dict[str, None]] = {}

    def add(text: str, country_id: str) -> None:
        folded = fold_name(text)
        if folded:
            keys.setdefault(folded, {})[country_id] = None

    known = {c.id for c in knowledge.countries}
    for country in knowledge.countries:
        add(country.id, country.id)
        add(country.name, country.id)
        add(english(country, "name") or country.name, country.id)
        if country.iso3:
            add(country.iso3, country.id)
    for table in (ISO2, ALIASES):
        for text, country_id in table.items():
            if country_id in known:
                add(text, country_id)
    from cxguide.i18n import current_language

    if russian or current_language() == "ru":
        for text, country_id in _russian_names(knowledge):
            add(text, country_id)
    return {key: tuple(ids) for key, ids in keys.items()}


def find_country(knowledge: Knowledge, text: str) -> Lookup[Country]:
    """The country named by ``text``: its id, ISO2 or ISO3 code, name or a common other name.

    Nothing is guessed: an unknown text gets the closest names as suggestions, and a text that
    fits several countries gets all of them, with ``ambiguous`` set.
    """
    wanted = fold_name(text)
    by_id = {c.id: c for c in knowledge.countries}
    keys = country_keys(knowledge, russian=bool(_CYRILLIC.search(text)))
    ids = keys.get(wanted, ())
    if len(ids) == 1:
        return Lookup(by_id[ids[0]])
    if len(ids) > 1:
        return Lookup(None, tuple(by_id[i].name for i in ids), ambiguous=True)
    # Suggestions come from names and other names only; codes are too short to compare.
    # Names with a word starting with the text come first ("north": North Macedonia, Northern
    # Ireland), then the closest spellings ("Swedn": Sweden).
    names = {key: ids for key, ids in keys.items() if len(key) > 3}
    starting = (
        [key for key in sorted(names) if any(w.startswith(wanted) for w in key.split())]
        if len(wanted) >= 3
        else []
    )
    close = difflib.get_close_matches(wanted, list(names), n=8, cutoff=0.6)
    suggested: dict[str, None] = {}
    for key in (*starting, *close):
        for country_id in names[key]:
            suggested[by_id[country_id].name] = None
    return Lookup(None, tuple(suggested)[:3])


def countries_in_zone(knowledge: Knowledge, zone: Zone | None) -> tuple[Country, ...]:
    """Every country, or only those of ``zone``, in name order."""
    chosen = (c for c in knowledge.countries if zone is None or c.zone == zone.id)
    return tuple(sorted(chosen, key=lambda c: c.name.casefold()))
