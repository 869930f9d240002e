"""`cxguide countries`: all countries or one zone, found forgivingly, in three formats.

Expectations come from the reference (SOURCES-inglehart_welzel.md §5 lists the zones' members)
and data/countries.yaml.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

# SOURCES-inglehart_welzel.md §5: "Confucian (7)", sorted by name as the listing is.
CONFUCIAN = [
    ("CHN", "China"),
    ("HKG", "Hong Kong SAR"),
    ("JPN", "Japan"),
    ("MAC", "Macau SAR"),
    ("MNG", "Mongolia"),
    ("KOR", "South Korea"),
    ("TWN", "Taiwan ROC"),
]
ZONE_NAMES = [
    "Protestant Europe",
    "Catholic Europe",
    "English-Speaking",
    "Confucian",
    "Orthodox Europe",
    "West & South Asia",
    "Latin America",
    "African-Islamic",
]


def _json(cli: Run, *argv: str) -> dict[str, Any]:
    result = cli("countries", "--format", "json", *argv)
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def test_confucian_json(cli: Run) -> None:
    data = _json(cli, "--zone", "confucian")
    assert data["zone"] == "confucian"
    assert [(c["id"], c["name"]) for c in data["countries"]] == CONFUCIAN
    for country in data["countries"]:
        assert country["zone"] == "confucian"
        assert country["iso3"] == country["id"]
        assert country["scores"], country["id"]
        assert country["map_2023"]["status"] == "latest_row"


@pytest.mark.parametrize("spelling", ["Confucian", "CONFUCIAN", " confucian "])
def test_zone_by_name_any_case(cli: Run, spelling: str) -> None:
    assert [c["id"] for c in _json(cli, "--zone", spelling)["countries"]] == [
        i for i, _ in CONFUCIAN
    ]


@pytest.mark.parametrize(
    "spelling", ["west-south-asia", "West & South Asia", "west south asia", "WEST_SOUTH_ASIA"]
)
def test_zone_with_ampersand_and_dashes(cli: Run, spelling: str) -> None:
    data = _json(cli, "--zone", spelling)
    assert data["zone"] == "west-south-asia"
    # SOURCES §5: Thailand, Israel, Singapore, Malaysia, Vietnam, India, Myanmar.
    assert len(data["countries"]) == 7


def test_misspelled_zone_suggests(cli: Run) -> None:
    result = cli("countries", "--zone", "catholik")
    assert result.code == 1
    assert result.out == ""
    assert "catholik" in result.err
    assert "did you mean" in result.err
    assert "Catholic Europe" in result.err


def test_unknown_zone_lists_zones(cli: Run) -> None:
    result = cli("countries", "--zone", "xyzzy")
    assert result.code == 1
    assert result.out == ""
    assert "did you mean" not in result.err
    for name in ZONE_NAMES:
        assert name in result.err


def test_all_countries_json(cli: Run) -> None:
    data = _json(cli)
    assert data["zone"] is None
    countries = data["countries"]
    assert len(countries) == 115
    assert sum(len(c["scores"]) for c in countries) == 414
    names = [c["name"] for c in countries]
    assert names == sorted(names, key=str.casefold)
    by_id = {c["id"]: c for c in countries}
    assert by_id["GB-NIR"]["iso3"] is None
    assert by_id["GB-NIR"]["zone"] == "english-speaking"
    assert by_id["CZE"]["map_2023"]["status"] == "earlier_row"
    assert by_id["CZE"]["map_2023"]["year"] == 2017
    assert by_id["ARM"]["map_2023"] == {
        "status": "unknown",
        "year": None,
        "note": by_id["ARM"]["map_2023"]["note"],
    }
    assert by_id["DOM"]["zone"] is None
    assert by_id["DOM"]["map_2023"]["status"] == "not_on_map"
    albania = by_id["ALB"]["scores"][0]
    assert albania == {
        "year": 1998,
        "traditional_secular": 0.5705,
        "survival_self_expression": -1.0103,
        "s025": 81998,
        "s025_label": None,
        "source": "wvsa_map_2023",
    }
    germany_1981 = by_id["DEU"]["scores"][0]
    assert (germany_1981["year"], germany_1981["s025_label"]) == (1981, "Germany West")


def test_markdown_all_countries(cli: Run) -> None:
    result = cli("countries", "--format", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("## Countries on the cultural map (115)\n")
    rows = [line for line in result.out.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + 115  # header and one row per country
    assert "| Albania | ALB | African-Islamic | 2018 | -0.75 | -0.83 | 2018 |" in rows
    assert "| Czechia | CZE | Catholic Europe |" in result.out
    czechia = next(row for row in rows if row.startswith("| Czechia "))
    assert czechia.endswith("| 2017 (not the latest) |")
    cyprus = next(row for row in rows if row.startswith("| Cyprus "))
    assert cyprus.endswith("| not on the map |")
    dominican = next(row for row in rows if row.startswith("| Dominican Republic "))
    assert "| unknown |" in dominican  # no zone


def test_text_zone_listing(cli: Run) -> None:
    result = cli("countries", "--zone", "confucian")
    assert result.code == 0, result.err
    assert "Countries in Confucian (7)" in result.out
    for _id, name in CONFUCIAN:
        assert name in result.out
    assert result.out.endswith("\n")
