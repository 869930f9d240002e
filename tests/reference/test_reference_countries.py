"""The loaded countries match inglehart_welzel.csv row by row, and zones match its zone column.

Map points (which survey year the 2023 map draws) follow SOURCES-inglehart_welzel.md: the row
flagged "latest year for this country in file" unless §2 says otherwise (Czechia and Netherlands
at their 2017 rows, Armenia unknown) or §3 says the country is not on the map image.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from cxguide.knowledge.models import Country, Knowledge, Score

EXPECTED_ROWS = 414
EXPECTED_COUNTRIES = 115
LATEST_FLAG = "latest year for this country in file"
NOT_ON_MAP_NAMES = {
    "Cyprus",
    "Dominican Republic",
    "Ireland",
    "Kosovo",
    "Maldives",
    "Malta",
    "Zambia",
}
EARLIER_ROW = {"Czechia": 2017, "Netherlands": 2017}
UNKNOWN_POINT = {"Armenia"}
# A CSV country name that is an earlier label of another country (SOURCES §2: S025 code 276).
CSV_NAME_ALIASES = {"Germany West": "Germany"}

S025_RE = re.compile(r"^S025 (?P<code>\d+)(?: '(?P<label>.+) \((?P<year>\d{4})\)')?$")
YEAR_RE = re.compile(r"^survey year (?P<year>\d{4})$")
# "owner/repo:path@commit" as the CSV's source column writes a citation.
CITATION_RE = re.compile(r"(?P<repo>[\w.-]+/[\w.-]+):(?P<path>[^\s@]+)@(?P<commit>[0-9a-f]{40})")


def _country_name(row: dict[str, str]) -> str:
    name = row["country"].strip()
    return CSV_NAME_ALIASES.get(name, name)


def _parts(row: dict[str, str]) -> list[str]:
    return [part.strip() for part in row["wave_or_map"].split("|")]


def _year(row: dict[str, str]) -> int:
    match = YEAR_RE.match(_parts(row)[2])
    assert match is not None, row["wave_or_map"]
    return int(match["year"])


def _by_name(knowledge: Knowledge) -> dict[str, Country]:
    return {c.name: c for c in knowledge.countries}


def _rows_by_country(iw_rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in iw_rows:
        grouped[_country_name(row)].append(row)
    return grouped


def _score_for(country: Country, year: int) -> Score:
    matches = [s for s in country.scores if s.year == year]
    assert len(matches) == 1, f"{country.name} has {len(matches)} scores for {year}"
    return matches[0]


def _source_id_for(knowledge: Knowledge, citation: str) -> str:
    """The id of the defined source whose repo, path and commit the citation names."""
    match = CITATION_RE.search(citation)
    assert match is not None, citation
    ids = [
        s.id
        for s in knowledge.sources.values()
        if (s.repo, s.path, s.commit) == (match["repo"], match["path"], match["commit"])
    ]
    assert len(ids) == 1, f"no single source for {citation!r}: {ids}"
    return ids[0]


def test_reference_has_414_rows_for_115_countries(iw_rows: list[dict[str, str]]) -> None:
    assert len(iw_rows) == EXPECTED_ROWS
    assert len(_rows_by_country(iw_rows)) == EXPECTED_COUNTRIES


def test_knowledge_has_every_row_and_nothing_else(
    knowledge: Knowledge, iw_rows: list[dict[str, str]]
) -> None:
    assert len(knowledge.countries) == EXPECTED_COUNTRIES
    assert sum(len(c.scores) for c in knowledge.countries) == EXPECTED_ROWS
    assert set(_by_name(knowledge)) == set(_rows_by_country(iw_rows))
    assert len({c.id for c in knowledge.countries}) == EXPECTED_COUNTRIES


def test_every_csv_row_is_a_score_of_its_country(
    knowledge: Knowledge, iw_rows: list[dict[str, str]]
) -> None:
    countries = _by_name(knowledge)
    for line, row in enumerate(iw_rows, start=2):
        country = countries[_country_name(row)]
        parts = _parts(row)
        year_match = YEAR_RE.match(parts[2])
        s025_match = S025_RE.match(parts[1])
        assert year_match is not None and s025_match is not None, f"CSV line {line}"
        year = int(year_match["year"])
        score = _score_for(country, year)
        where = f"CSV line {line} ({row['country']} {year})"
        assert score.traditional_secular == float(row["traditional_secular"]), where
        assert score.survival_self_expression == float(row["survival_self_expression"]), where
        assert score.s025 == int(s025_match["code"]), where
        label = s025_match["label"]
        expected_label = label if label is not None and label != country.name else None
        assert score.s025_label == expected_label, where
        score_citation = row["source"].split(" ; ")[0]
        assert score.source == _source_id_for(knowledge, score_citation), where


def test_scores_are_oldest_first(knowledge: Knowledge) -> None:
    for country in knowledge.countries:
        years = [s.year for s in country.scores]
        assert years == sorted(years), country.name
        assert len(set(years)) == len(years), country.name


def test_iso3_and_ids_match_csv(knowledge: Knowledge, iw_rows: list[dict[str, str]]) -> None:
    countries = _by_name(knowledge)
    for name, rows in _rows_by_country(iw_rows).items():
        iso3s = {row["iso3"].strip() or None for row in rows}
        assert len(iso3s) == 1, name
        (iso3,) = iso3s
        country = countries[name]
        assert country.iso3 == iso3, name
        if iso3 is not None:
            assert country.id == iso3, name
    northern_ireland = countries["Northern Ireland"]
    assert northern_ireland.iso3 is None
    assert northern_ireland.id == "GB-NIR"
    assert countries["Kosovo"].id == "XKX"


def test_zones_match_csv(knowledge: Knowledge, iw_rows: list[dict[str, str]]) -> None:
    zone_ids = {z.name: z.id for z in knowledge.zones}
    countries = _by_name(knowledge)
    for name, rows in _rows_by_country(iw_rows).items():
        zones = {row["zone"].strip() for row in rows}
        assert len(zones) == 1, name
        (zone_name,) = zones
        country = countries[name]
        expected = zone_ids[zone_name] if zone_name else None
        assert country.zone == expected, name
        zone_part = rows[0]["source"].split(" ; ")[1]
        if expected is None:
            assert country.zone_source is None, name
            assert "none found" in zone_part
        else:
            assert country.zone_source == _source_id_for(knowledge, zone_part), name
    assert countries["Dominican Republic"].zone is None


def test_eight_zones_named_as_in_csv(knowledge: Knowledge, iw_rows: list[dict[str, str]]) -> None:
    csv_zones = {row["zone"].strip() for row in iw_rows} - {""}
    assert len(knowledge.zones) == 8
    assert {z.name for z in knowledge.zones} == csv_zones
    assert len({z.id for z in knowledge.zones}) == 8


def test_confucian_zone_members(knowledge: Knowledge) -> None:
    # SOURCES-inglehart_welzel.md §5, "Confucian (7)".
    members = {c.name for c in knowledge.countries if c.zone == "confucian"}
    assert members == {
        "South Korea",
        "Hong Kong SAR",
        "Macau SAR",
        "Taiwan ROC",
        "Japan",
        "China",
        "Mongolia",
    }


def test_map_points(knowledge: Knowledge, iw_rows: list[dict[str, str]]) -> None:
    countries = _by_name(knowledge)
    for name, rows in _rows_by_country(iw_rows).items():
        flagged = [_year(r) for r in rows if _parts(r)[4] == LATEST_FLAG]
        assert len(flagged) == 1, name
        point = countries[name].map_2023
        if name in NOT_ON_MAP_NAMES:
            assert (point.status, point.year) == ("not_on_map", None), name
        elif name in UNKNOWN_POINT:
            assert (point.status, point.year) == ("unknown", None), name
            assert point.note, name
        elif name in EARLIER_ROW:
            assert (point.status, point.year) == ("earlier_row", EARLIER_ROW[name]), name
            assert point.year != flagged[0], name
            assert countries[name].map_score is not None, name
        else:
            assert (point.status, point.year) == ("latest_row", flagged[0]), name
            assert countries[name].map_score is not None, name


@pytest.mark.parametrize(
    ("status", "count"),
    [("latest_row", 105), ("earlier_row", 2), ("unknown", 1), ("not_on_map", 7)],
)
def test_map_status_counts(knowledge: Knowledge, status: str, count: int) -> None:
    # 115 countries: 7 off the map image (§3), Czechia and Netherlands at an earlier row and
    # Armenia unknown (§2); the other 105 are drawn at their flagged latest row.
    assert sum(1 for c in knowledge.countries if c.map_2023.status == status) == count


def test_india_map_point_is_the_flagged_2012_row(knowledge: Knowledge) -> None:
    # The India 2023 row is a secondary source, not flagged as latest; the map cannot show it.
    india = _by_name(knowledge)["India"]
    assert india.map_2023.status == "latest_row"
    assert india.map_2023.year == 2012
    assert india.latest.year == 2023
    assert india.latest.source == "economist_cultural_map"
