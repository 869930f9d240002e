"""`cxguide recommend`: answers in, every method ranked with reasons out; usage errors exit 2.

The orders checked here are worked out by hand in tests/unit/test_ranking.py; these tests check
that the command passes the answers through and prints the result in each format.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from cxguide import cli
from cxguide.logic import ranking

from .conftest import Result, Run

CASE_1 = ("--learn", "do", "--question", "how-many", "--context", "natural", "--phase", "assess")
CASE_2 = ("--learn", "say", "--question", "why", "--have", "nothing", "--phase", "strategize")


def _json(cli_run: Run, *argv: str) -> dict[str, Any]:
    result = cli_run("recommend", "--format", "json", *argv)
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def _flat(text: str) -> str:
    """Text with every run of white space (and Rich's table borders) made one space."""
    return " ".join(text.split())


def _choices_listed(err: str, choices: Sequence[str]) -> None:
    assert "invalid choice" in err
    listed = err.split("choose from", 1)[1]
    for choice in choices:
        assert re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", listed), (choice, err)


# --- JSON ---------------------------------------------------------------------------------------


def test_json_case_1(cli: Run) -> None:
    data = _json(cli, *CASE_1)
    assert data["schema_version"] == 1
    assert data["edition"] == "2014"
    assert data["answers"]["question"] == "how_many"  # --question how-many
    assert data["answers"]["learn"] == "do"
    assert data["answers"]["remote_only"] is None
    assert [m["id"] for m in data["methods"][:2]] == ["ab-testing", "clickstream-analysis"]
    assert [m["rank"] for m in data["methods"]] == list(range(1, 21))
    assert len({m["id"] for m in data["methods"]}) == 20
    assert data["plan"] == []


def test_json_case_2_with_top(cli: Run) -> None:
    data = _json(cli, *CASE_2, "--top", "2")
    assert data["top"] == 2
    assert data["counts"] == {"methods": 20, "ruled_out": 13, "shown": 2, "not_shown": 5}
    assert [m["id"] for m in data["methods"][:2]] == ["focus-groups", "interviews"]
    assert all(m["ruled_out"] for m in data["methods"][2:])
    assert len(data["methods"]) + len(data["not_shown"]) == 20


def test_every_answer_is_optional(cli: Run) -> None:
    data = _json(cli)
    assert all(value is None for value in data["answers"].values())
    assert all(m["score"] == 0 and m["reasons"] == [] for m in data["methods"])


def test_constraints_reach_the_ranking(cli: Run) -> None:
    data = _json(cli, "--remote-only", "--participants", "5", "--time", "hours")
    assert data["answers"]["remote_only"] is True
    assert data["answers"]["participants"] == 5
    assert data["answers"]["time"] == "hours"
    ruled = {m["id"] for m in data["methods"] if m["ruled_out"]}
    assert ruled == {"usability-lab-studies", "ethnographic-field-studies"}
    eyetracking = next(m for m in data["methods"] if m["id"] == "eyetracking")
    assert [r["answer"] for r in eyetracking["reasons"]] == ["remote_only", "time", "participants"]
    assert eyetracking["score"] == -2.5  # -1.5 usually in person, 0 time unknown, -1 (30 > 5)


def test_2022_edition(cli: Run) -> None:
    data = _json(cli, "--edition", "2022", "--learn", "say")
    assert data["edition"] == "2022"
    assert len(data["methods"]) == 20
    texts = {m["reasons"][0]["text"] for m in data["methods"]}
    assert texts == {
        "The 2022 chart's positions were never measured, so this answer moves nothing."
    }


# --- text and Markdown --------------------------------------------------------------------------


def test_text_output(cli: Run) -> None:
    result = cli("recommend", *CASE_2, "--top", "3")
    assert result.code == 0, result.err
    assert result.err == ""
    out = _flat(result.out)
    assert out.startswith("Research methods for your answers, 2014 edition (20)")
    assert out.index("Focus Groups") < out.index("Interviews") < out.index("Ethnographic")
    assert "4 more not shown (raise --top to see them)." in out
    assert (
        "13 more ruled out: Concept Testing (Needs at least a concept or design; you said you "
        "have nothing yet.);"
    ) in out
    assert "How the score is made: cxguide recommend --help." in out


def test_text_output_takes_data_literally(cli: Run) -> None:
    # Rich must not read data as markup: '[phase unknown; no source]' stays in the output.
    out = _flat(cli("recommend", *CASE_2).out)
    assert "[phase unknown; no source]" in out


def test_markdown_output(cli: Run) -> None:
    result = cli("recommend", *CASE_1, "--learn", "both", "--format", "markdown")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "# Research methods for your answers, 2014 edition (20)"
    for heading in ("## Ranking", "## Plan", "## How the score is made", "## Sources"):
        assert heading in lines
    assert any(line.startswith("- `chart2014`: Christian Rohrer") for line in lines)


# --- usage errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "bad", "choices"),
    [
        ("--learn", "feel", cli.LEARN_CHOICES),
        ("--question", "how_many", cli.QUESTION_CHOICES),
        ("--context", "lab", cli.CONTEXT_CHOICES),
        ("--phase", "design", cli.PHASE_CHOICES),
        ("--have", "mockup", cli.HAVE_CHOICES),
        ("--time", "years", cli.TIME_CHOICES),
        ("--edition", "2020", ("2014", "2022")),
        ("--format", "csv", ("text", "json", "markdown")),
    ],
)
def test_a_wrong_value_lists_the_valid_ones(
    cli: Run, option: str, bad: str, choices: Sequence[str]
) -> None:
    result = cli("recommend", option, bad)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("usage: cxguide recommend ")
    assert option in result.err and f"'{bad}'" in result.err
    _choices_listed(result.err, choices)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--participants", "0"), "0 is too small: use a whole number of at least 1"),
        (("--participants", "five"), "'five' is not a whole number (use 1, 2, 3...)"),
        (("--top", "-1"), "-1 is too small: use a whole number of at least 1"),
    ],
)
def test_a_wrong_number_says_what_is_wanted(cli: Run, argv: tuple[str, str], message: str) -> None:
    result = cli("recommend", *argv)
    assert result.code == 2
    assert result.out == ""
    assert f"argument {argv[0]}: {message}" in result.err


def test_help_describes_the_scoring_model(cli: Run) -> None:
    result = cli("recommend", "--help")
    assert result.code == 0
    assert result.out.startswith("usage: cxguide recommend ")
    for option in ("--learn", "--question", "--context", "--phase", "--remote-only", "--have",
                   "--participants N", "--time", "--edition", "--top N", "--format"):  # fmt: skip
        assert option in result.out, option
    assert "{why,how-many,both}" in result.out
    flat = _flat(result.out)
    assert "How the score is made:" in flat
    for line in ranking.describe_model().splitlines():
        assert _flat(line) in flat, line


def test_main_help_lists_recommend(cli: Run) -> None:
    assert re.search(r"^\s+recommend\s+\S", cli("--help").out, re.MULTILINE)


def test_cli_choices_are_the_rankings_values() -> None:
    assert cli.LEARN_CHOICES == ranking.LEARN_VALUES
    assert tuple(c.replace("-", "_") for c in cli.QUESTION_CHOICES) == ranking.QUESTION_VALUES
    assert cli.CONTEXT_CHOICES == ranking.CONTEXT_VALUES
    assert cli.PHASE_CHOICES == ranking.PHASE_VALUES
    assert cli.HAVE_CHOICES == ranking.HAVE_VALUES
    assert cli.TIME_CHOICES == ranking.TIME_VALUES


# --- a fresh interpreter ------------------------------------------------------------------------


def test_module_run(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["recommend", *CASE_1, "--format", "json", "--top", "1"])
    assert result.code == 0, result.err
    assert json.loads(result.out)["methods"][0]["id"] == "ab-testing"
    bad = cli_process(["recommend", "--learn", "maybe"])
    assert bad.code == 2 and bad.out == ""
    _choices_listed(bad.err, cli.LEARN_CHOICES)


def test_parsing_does_not_load_the_ranking() -> None:
    """Building the parser (every command pays for it) leaves the ranking module unloaded."""
    code = (
        "import sys\n"
        "from cxguide.cli import build_parser\n"
        "build_parser().parse_args(['recommend', '--learn', 'say'])\n"
        "print('cxguide.logic.ranking' in sys.modules)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert completed.stdout.strip() == "False"
