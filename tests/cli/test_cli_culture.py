"""`cxguide country`, `compare` and `neighbours`: output, formats and exit codes.

Numbers are those worked out by hand in tests/unit/test_culture.py from
shared/reference/inglehart_welzel.csv; here they are only checked to come through.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run


def _json(cli: Run, *argv: str) -> dict[str, Any]:
    result = cli(*argv, "--format", "json")
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country_id"),
    [
        ("Czech Republic", "CZE"),
        ("south korea", "KOR"),
        ("RU", "RUS"),
        ("ru", "RUS"),
        ("Russia", "RUS"),
        ("rus", "RUS"),
        ("Türkiye", "TUR"),
        ("gb-nir", "GB-NIR"),
    ],
)
def test_names_resolve(cli: Run, name: str, country_id: str) -> None:
    assert _json(cli, "country", name)["country"]["id"] == country_id


def test_unknown_name_suggests_and_exits_1(cli: Run) -> None:
    result = cli("country", "Swedn")
    assert result.code == 1
    assert result.out == ""
    assert result.err == "cxguide: unknown country 'Swedn' — did you mean: Sweden?\n"


def test_unknown_name_without_suggestions(cli: Run) -> None:
    result = cli("neighbours", "xyzzy")
    assert result.code == 1
    assert result.out == ""
    assert "unknown country 'xyzzy'" in result.err
    assert "'cxguide countries' lists every country" in result.err


def test_niger_is_not_guessed_as_nigeria(cli: Run) -> None:
    result = cli("country", "Niger")
    assert result.code == 1
    assert "did you mean: Nigeria?" in result.err


# --- country ----------------------------------------------------------------------------------


def test_country_json(cli: Run) -> None:
    data = _json(cli, "country", "Sweden")
    assert data["schema_version"] == 1
    assert data["country"] == {"id": "SWE", "iso3": "SWE", "name": "Sweden"}
    assert data["zone"] == {"id": "protestant-europe", "name": "Protestant Europe"}
    assert data["map_2023"] == {"status": "latest_row", "year": 2017, "note": None}
    point = data["point"]
    assert (point["year"], point["basis"]) == (2017, "map_2023")
    assert (point["traditional_secular"], point["survival_self_expression"]) == (1.1067, 3.1133)
    assert [row["year"] for row in data["path"]] == [
        1981, 1990, 1996, 1999, 2006, 2009, 2011, 2017
    ]  # fmt: skip
    assert [(n["id"], n["distance"]) for n in data["neighbours"][:2]] == [
        ("NOR", 0.1982),
        ("DNK", 0.2372),
    ]
    assert len(data["neighbours"]) == 5
    assert "on these two dimensions only" in data["distance"]["note"]
    assert [r["text"] for r in data["readings"]] == [
        "secular-rational side (+1.11)",
        "self-expression side (+3.11)",
    ]
    assert data["movement"]["from"] == 1981 and data["movement"]["to"] == 2017
    assert data["caveats"][0]["id"] == "averages-not-people"
    assert data["sources"]["wvsa_map_2023"].startswith("World Values Survey Association (2023).")
    assert "aleman_woods" in data["sources"]


def test_country_text(cli: Run) -> None:
    result = cli("country", "russia")
    assert result.code == 0, result.err
    assert result.err == ""
    out = result.out
    assert out.startswith("Russia (RUS)\n")
    for text in (
        "Zone: Orthodox Europe",
        "The 2023 map draws: 2017.",
        "Shown: survey year 2017, the one the 2023 map draws.",
        "secular-rational side (+0.39)",
        "survival side (-0.59)",
        "Moved towards traditional values by 0.9 from 1990 to 2017.",
        "on these two dimensions only",
        "Serbia",
        "says nothing certain about any one person",
        "wvsa_map_2023: World Values Survey Association (2023).",
    ):
        assert text in out, text


def test_country_markdown_czechia_earlier_row(cli: Run) -> None:
    result = cli("country", "Czech Republic", "--format", "markdown")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("# Czechia (CZE)\n")
    assert "The 2023 map draws: 2017 (not the latest)." in out
    assert "Shown: survey year 2017, the one the 2023 map draws, although a later survey" in out
    assert "| 2017 | +1.18 | +0.99 | wvsa_map_2023 | drawn on the 2023 map; shown above |" in out
    assert "| 1 | Estonia | EST | Protestant Europe | 2018, drawn on the 2023 map | 0.40 |" in out
    assert "## Sources" in out


def test_country_armenia_and_cyprus_use_the_latest(cli: Run) -> None:
    armenia = _json(cli, "country", "Armenia")
    assert (armenia["point"]["year"], armenia["point"]["basis"]) == (2021, "latest")
    assert armenia["map_2023"]["status"] == "unknown"
    assert armenia["map_2023"]["note"]
    cyprus = cli("country", "CY")
    assert cyprus.code == 0
    assert "the latest survey year, 2019, because the country is not on the 2023 map" in (
        cyprus.out
    )


def test_country_year(cli: Run) -> None:
    data = _json(cli, "country", "CZE", "--year", "2022")
    assert (data["point"]["year"], data["point"]["basis"]) == (2022, "year")
    assert data["point"]["traditional_secular"] == 1.3322


def test_country_year_without_a_survey(cli: Run) -> None:
    result = cli("country", "CZE", "--year", "2000")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "cxguide: Czechia has no survey in 2000; "
        "its survey years are 1991, 1998, 1999, 2008, 2017, 2022\n"
    )


@pytest.mark.parametrize("year", ["0", "soon"])
def test_country_bad_year_is_usage(cli: Run, year: str) -> None:
    result = cli("country", "CZE", "--year", year)
    assert result.code == 2
    assert result.out == ""


# --- compare ----------------------------------------------------------------------------------


def test_compare_json(cli: Run) -> None:
    data = _json(cli, "compare", "Poland", "Sweden")
    assert data["schema_version"] == 1
    assert [(p["id"], p["year"], p["basis"]) for p in data["points"]] == [
        ("POL", 2017, "map_2023"),
        ("SWE", 2017, "map_2023"),
    ]
    (pair,) = data["pairs"]
    assert (pair["first"], pair["second"], pair["distance"]) == ("POL", "SWE", 2.9479)
    assert [(d["axis"], d["delta"], d["text"]) for d in pair["differences"]] == [
        (
            "traditional_secular",
            1.5377,
            "Sweden is more secular-rational than Poland by 1.5 on the map's scale.",
        ),
        (
            "survival_self_expression",
            2.5151,
            "Sweden is more self-expression-oriented than Poland by 2.5 on the map's scale.",
        ),
    ]


def test_compare_text(cli: Run) -> None:
    result = cli("compare", "pl", "SE", "Czech Republic")
    assert result.code == 0, result.err
    out = " ".join(result.out.split())  # undo the terminal's line wrapping
    assert "Comparing Poland, Sweden, Czechia on the cultural map" in out
    assert "Sweden is more secular-rational than Poland by 1.5 on the map's scale." in out
    assert "Czechia and Sweden are about the same on traditional–secular values." in out
    assert "Distance: 2.95 on these two dimensions only." in out


def test_compare_markdown(cli: Run) -> None:
    result = cli("compare", "Poland", "Sweden", "--format", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("# Comparing Poland, Sweden on the cultural map\n")
    assert "| Poland | POL | Catholic Europe | 2017, drawn on the 2023 map | -0.43 | +0.60 |" in (
        result.out
    )
    assert (
        "- Sweden and Poland: Sweden is more secular-rational than Poland by 1.5 on the map's "
        "scale. Sweden is more self-expression-oriented than Poland by 2.5 on the map's scale. "
        "Distance: 2.95 on these two dimensions only.\n"
    ) in result.out


@pytest.mark.parametrize(
    ("names", "count"), [(["Sweden"], 1), (["a", "b", "c", "d", "e", "f", "g"], 7)]
)
def test_compare_needs_two_to_six(cli: Run, names: list[str], count: int) -> None:
    result = cli("compare", *names)
    assert result.code == 2
    assert result.out == ""
    assert f"give from 2 to 6 countries, not {count}" in result.err


def test_compare_czechia_drawn_at_an_earlier_row(cli: Run) -> None:
    result = cli("compare", "CZ", "SE", "--format", "markdown")
    assert result.code == 0, result.err
    assert "| Czechia | CZE | Catholic Europe | 2017, drawn on the 2023 map (not the latest " in (
        result.out
    )


def test_compare_six_is_fine(cli: Run) -> None:
    data = _json(cli, "compare", "SE", "NO", "DK", "FI", "IS", "DE")
    assert len(data["pairs"]) == 15  # 6 * 5 / 2


def test_compare_unknown_names(cli: Run) -> None:
    result = cli("compare", "Swedn", "Polnd", "Russia")
    assert result.code == 1
    assert result.out == ""
    assert "unknown country 'Swedn' — did you mean: Sweden?" in result.err
    assert "unknown country 'Polnd' — did you mean: Poland" in result.err


def test_compare_same_country_twice(cli: Run) -> None:
    result = cli("compare", "Sweden", "SE")
    assert result.code == 1
    assert result.err == "cxguide: Sweden is named more than once; compare different countries\n"


# --- neighbours -------------------------------------------------------------------------------


def test_neighbours_json(cli: Run) -> None:
    data = _json(cli, "neighbours", "SE", "-n", "2")
    assert data["schema_version"] == 1
    assert (data["origin"]["id"], data["origin"]["year"]) == ("SWE", 2017)
    assert [(n["rank"], n["id"], n["year"], n["distance"]) for n in data["neighbours"]] == [
        (1, "NOR", 2018, 0.1982),
        (2, "DNK", 2017, 0.2372),
    ]
    assert "on these two dimensions only" in data["distance"]["note"]


def test_neighbours_default_five_text(cli: Run) -> None:
    result = cli("neighbours", "sweden")
    assert result.code == 0, result.err
    assert result.out.startswith("The 5 countries nearest to Sweden on the cultural map\n")
    assert "Nearest countries, on these two dimensions only" in result.out
    assert "Norway" in result.out and "0.20" in result.out


def test_neighbours_all(cli: Run) -> None:
    assert len(_json(cli, "neighbours", "SE", "-n", "114")["neighbours"]) == 114


def test_neighbours_from_a_year(cli: Run) -> None:
    data = _json(cli, "neighbours", "CZE", "--year", "2022", "-n", "114")
    assert (data["origin"]["year"], data["origin"]["basis"]) == (2022, "year")
    assert {n["id"]: n["distance"] for n in data["neighbours"]}["EST"] == 0.4372


@pytest.mark.parametrize("n", ["0", "115", "-3", "five"])
def test_neighbours_n_out_of_range_is_usage(cli: Run, n: str) -> None:
    result = cli("neighbours", "SE", "-n", n)
    assert result.code == 2
    assert result.out == ""
    assert "-n" in result.err or "argument" in result.err


def test_neighbours_markdown(cli: Run) -> None:
    result = cli("neighbours", "Sweden", "-n", "1", "--format", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("# The country nearest to Sweden on the cultural map\n")
    assert "| 1 | Norway | NOR | Protestant Europe | 2018, drawn on the 2023 map | 0.20 |" in (
        result.out
    )


def test_help_lists_the_new_commands(cli: Run) -> None:
    result = cli("--help")
    assert result.code == 0
    for command in ("country", "compare", "neighbours"):
        assert command in result.out


def test_country_in_a_fresh_process(cli_process: Any) -> None:
    result = cli_process(["country", "south korea", "--format", "json"])
    assert result.code == 0, result.err
    assert json.loads(result.out)["country"]["id"] == "KOR"
