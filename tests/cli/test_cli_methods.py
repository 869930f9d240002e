"""`cxguide methods`: text, JSON and Markdown listings of both editions.

Expectations are written from data/methods.yaml (itself checked against the reference by
tests/reference), not copied from the command's output.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

NAMES_2014 = [
    "Usability-Lab Studies",
    "Ethnographic Field Studies",
    "Participatory Design",
    "Focus Groups",
    "Interviews",
    "Eyetracking",
    "Usability Benchmarking",
    "Moderated Remote Usability Studies",
    "Unmoderated Remote Panel Studies",
    "Concept Testing",
    "Diary/Camera Studies",
    "Customer Feedback",
    "Desirability Studies",
    "Card Sorting",
    "Clickstream Analysis",
    "A/B Testing",
    "Unmoderated UX Studies",
    "True-Intent Studies",
    "Intercept Surveys",
    "Email Surveys",
]
NAMES_2022 = [
    "Usability Testing",
    "Field Studies",
    "Contextual Inquiry",
    "Participatory Design",
    "Focus Groups",
    "Interviews",
    "Eyetracking",
    "Usability Benchmarking",
    "Remote Moderated Testing",
    "Unmoderated Testing",
    "Concept Testing",
    "Diary Studies",
    "Customer Feedback",
    "Desirability Studies",
    "Card Sorting",
    "Tree Testing",
    "Analytics",
    "Clickstream Analytics",
    "A/B Testing",
    "Surveys",
]


def _json(cli: Run, *argv: str) -> dict[str, Any]:
    result = cli("methods", "--format", "json", *argv)
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def _by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in data["methods"]}


def test_json_2014_is_the_default_edition(cli: Run) -> None:
    assert _json(cli) == _json(cli, "--edition", "2014")


def test_json_2014_has_twenty_methods_with_positions(cli: Run) -> None:
    data = _json(cli, "--edition", "2014")
    assert data["edition"] == "2014"
    assert [m["name"] for m in data["methods"]] == NAMES_2014
    for method in data["methods"]:
        assert method["edition"] == "2014"
        for axis in ("attitudinal_behavioral", "qual_quant"):
            position = method[axis]
            assert position is not None, (method["id"], axis)
            assert -1 <= position["position"] <= 1
            assert position["source"] == "chart2014"
        assert method["from_2014"] == []
        assert method["origin"]["user"] is False


def test_json_2014_values(cli: Run) -> None:
    methods = _by_id(_json(cli, "--edition", "2014"))
    card = methods["card-sorting"]
    assert card["attitudinal_behavioral"] == {
        "position": -0.91,
        "span": None,
        "source": "chart2014",
    }
    assert card["qual_quant"] == {"position": -0.05, "span": [-0.3, 0.26], "source": "chart2014"}
    assert card["contexts"] == ["not_using"]
    assert card["phases"] == ["execute"]
    field = methods["ethnographic-field-studies"]
    assert field["attitudinal_behavioral"]["span"] == [-0.11, 0.2]
    assert methods["eyetracking"]["contexts"] == ["natural", "scripted"]
    assert methods["eyetracking"]["aliases"] == ["eye tracking"]
    assert methods["interviews"]["phases"] == []
    assert methods["ab-testing"]["chart_label"] == "A/B Testing"
    assert methods["usability-benchmarking"]["chart_label"] == "Usability Benchmarking (in lab)"


def test_json_2022_has_twenty_methods_without_positions(cli: Run) -> None:
    data = _json(cli, "--edition", "2022")
    assert data["edition"] == "2022"
    assert [m["name"] for m in data["methods"]] == NAMES_2022
    for method in data["methods"]:
        assert method["edition"] == "2022"
        assert method["attitudinal_behavioral"] is None, method["id"]
        assert method["qual_quant"] is None, method["id"]
    methods = _by_id(data)
    assert methods["surveys"]["from_2014"] == ["intercept-surveys", "email-surveys"]
    assert methods["tree-testing"]["from_2014"] == []
    assert methods["unmoderated-testing"]["phases"] == ["design", "launch_assess"]


def test_json_is_plain_utf8(cli: Run) -> None:
    out = cli("methods", "--format", "json", "--edition", "2022").out
    assert "\\u" not in out  # ensure_ascii=False: text stays readable
    assert out.endswith("}\n")


def _markdown_rows(out: str) -> tuple[list[str], list[list[str]]]:
    lines = out.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("| "))
    header = [c.strip() for c in lines[header_at].strip("|").split(" | ")]
    assert set(lines[header_at + 1].strip("|").split("|")) == {"---"}
    rows = []
    for line in lines[header_at + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split(" | ")])
    return header, rows


@pytest.mark.parametrize(("edition", "names"), [("2014", NAMES_2014), ("2022", NAMES_2022)])
def test_markdown_table(cli: Run, edition: str, names: list[str]) -> None:
    result = cli("methods", "--format", "markdown", "--edition", edition)
    assert result.code == 0, result.err
    assert result.out.startswith(f"## Research methods, {edition} edition (20)\n\n")
    header, rows = _markdown_rows(result.out)
    assert header[0] == "Method"
    assert len(rows) == 20
    assert all(len(row) == len(header) for row in rows)
    assert [row[0] for row in rows] == names
    assert result.out.endswith("\n")


def test_markdown_2014_cells(cli: Run) -> None:
    header, rows = _markdown_rows(cli("methods", "--format", "markdown").out)
    assert header == [
        "Method",
        "Say (-1) ↔ do (+1)",
        "Why (-1) ↔ how many (+1)",
        "Context of use",
        "Phases",
        "From",
    ]
    card = next(row for row in rows if row[0] == "Card Sorting")
    assert card[1:] == [
        "-0.91",
        "-0.05 (span -0.30 to +0.26)",
        "De-contextualized / not using product",
        "Execute",
        "built-in",
    ]
    interviews = next(row for row in rows if row[0] == "Interviews")
    assert interviews[4] == "unknown"


def test_markdown_2022_cells(cli: Run) -> None:
    header, rows = _markdown_rows(cli("methods", "--format", "markdown", "--edition", "2022").out)
    assert header[5] == "In 2014 as"
    surveys = next(row for row in rows if row[0] == "Surveys")
    assert surveys[1:3] == ["unknown", "unknown"]
    assert surveys[4] == "Strategize, Launch & Assess"
    assert surveys[5] == "Intercept Surveys, Email Surveys"
    tree = next(row for row in rows if row[0] == "Tree Testing")
    assert tree[5] == "—"


def test_text_listing(cli: Run) -> None:
    result = cli("methods")
    assert result.code == 0, result.err
    assert result.err == ""
    assert "Research methods, 2014 edition (20)" in result.out
    assert "Card Sorting" in result.out
    assert "Focus Groups" in result.out
    assert "Positions: Rohrer's 2014 chart" in result.out


def test_text_listing_2022_says_positions_are_unknown(cli: Run) -> None:
    result = cli("methods", "--edition", "2022")
    assert result.code == 0, result.err
    assert "Research methods, 2022 edition (20)" in result.out
    assert "Tree Testing" in result.out
    assert "never measured" in result.out
    assert "unknown" in result.out
