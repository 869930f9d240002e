"""Your own knowledge directory: merged over the built-in knowledge; a broken file is set aside."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .conftest import Run

USER_METHOD = """\
kind: methods
schema_version: 1
methods:
  - id: guerrilla-testing
    edition: "2022"
    name: Guerrilla Testing
    description: Quick, informal usability tests with people met in a public place.
    contexts: [scripted]
    contexts_source: poster2022
    phases: [design]
    phases_sources: [library2022]
    sources: [library2022]
"""

REPLACED_METHOD = """\
kind: methods
schema_version: 1
methods:
  - id: card-sorting
    edition: "2014"
    name: Card Sorting (our way)
    description: Our team's remote card sorting.
    attitudinal_behavioral: {position: -0.5, source: chart2014}
    qual_quant: {position: 0.1, source: chart2014}
    contexts: []
    phases: []
    sources: [chart2014]
"""

# Two problems: an edition that does not exist, and a required field left out.
BROKEN_METHOD = """\
kind: methods
schema_version: 1
methods:
  - id: broken
    edition: "2031"
    description: Nothing.
    contexts: []
    phases: []
    sources: [chart2014]
"""

PROBLEM_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<what>.+) — (?P<fix>.+)$"
)


def _methods(
    cli: Run, *argv: str, data_dir: Path | None = None
) -> tuple[list[dict[str, Any]], str]:
    before = ("--data-dir", str(data_dir)) if data_dir else ()
    result = cli(*before, "methods", "--format", "json", *argv)
    assert result.code == 0, result.err
    return json.loads(result.out)["methods"], result.err


def test_broken_user_file_does_not_hide_builtin_methods(cli: Run, user_dir: Path) -> None:
    broken = user_dir / "broken.yaml"
    broken.write_text(BROKEN_METHOD, encoding="utf-8")
    result = cli("--data-dir", str(user_dir), "methods", "--format", "json")
    assert result.code == 0
    methods = json.loads(result.out)["methods"]
    assert len(methods) == 20
    assert all(m["origin"]["user"] is False for m in methods)
    problems = [m for m in map(PROBLEM_RE.match, result.err.splitlines()) if m]
    assert len(problems) == 2, result.err
    assert {m["file"] for m in problems} == {str(broken)}
    assert "2031" in result.err
    assert "'name'" in result.err
    assert "cxguide validate" in result.err
    assert str(broken) not in result.out


def test_broken_user_file_text_listing_still_prints(cli: Run, user_dir: Path) -> None:
    (user_dir / "broken.yaml").write_text(BROKEN_METHOD, encoding="utf-8")
    result = cli("--data-dir", str(user_dir), "methods")
    assert result.code == 0
    assert "Research methods, 2014 edition (20)" in result.out
    assert "Card Sorting" in result.out
    assert "broken.yaml" not in result.out
    assert "broken.yaml" in result.err


def test_broken_user_file_summary_counts_files(cli: Run, user_dir: Path) -> None:
    # One broken file with two problems: the summary must not speak of several files.
    (user_dir / "broken.yaml").write_text(BROKEN_METHOD, encoding="utf-8")
    err = cli("methods", "--format", "json").err
    summary = err.splitlines()[-1]
    assert summary.startswith("2 problems")
    assert "those files" not in summary


def test_user_method_is_listed_with_its_origin(cli: Run, user_dir: Path) -> None:
    mine = user_dir / "mine.yaml"
    mine.write_text(USER_METHOD, encoding="utf-8")
    methods, err = _methods(cli, "--edition", "2022", data_dir=user_dir)
    assert err == ""
    assert len(methods) == 21
    guerrilla = methods[-1]
    assert guerrilla["id"] == "guerrilla-testing"
    assert guerrilla["name"] == "Guerrilla Testing"
    assert guerrilla["origin"] == {"user": True, "file": str(mine), "line": 4}
    assert guerrilla["attitudinal_behavioral"] is None
    assert all(m["origin"]["user"] is False for m in methods[:-1])
    # Not in the other edition.
    methods_2014, _err = _methods(cli, data_dir=user_dir)
    assert len(methods_2014) == 20


def test_user_directory_from_environment(cli: Run, user_dir: Path) -> None:
    (user_dir / "mine.yml").write_text(USER_METHOD, encoding="utf-8")
    result = cli("methods", "--format", "json", "--edition", "2022")
    assert result.code == 0, result.err
    ids = [m["id"] for m in json.loads(result.out)["methods"]]
    assert "guerrilla-testing" in ids


def test_user_method_replaces_builtin_in_place(cli: Run, user_dir: Path) -> None:
    (user_dir / "card.yaml").write_text(REPLACED_METHOD, encoding="utf-8")
    methods, err = _methods(cli, "--edition", "2014")
    assert err == ""
    assert len(methods) == 20
    ids = [m["id"] for m in methods]
    assert ids.index("card-sorting") == 13  # where the built-in Card Sorting is
    card = methods[13]
    assert card["name"] == "Card Sorting (our way)"
    assert card["origin"]["user"] is True
    assert card["attitudinal_behavioral"]["position"] == -0.5
    # The 2022 Card Sorting is a different method (same id, other edition) and stays built-in.
    methods_2022, _err = _methods(cli, "--edition", "2022")
    assert next(m for m in methods_2022 if m["id"] == "card-sorting")["origin"]["user"] is False


def test_user_method_in_markdown_says_where_it_came_from(cli: Run, user_dir: Path) -> None:
    mine = user_dir / "mine.yaml"
    mine.write_text(USER_METHOD, encoding="utf-8")
    result = cli("methods", "--format", "markdown", "--edition", "2022")
    assert result.code == 0, result.err
    row = next(line for line in result.out.splitlines() if line.startswith("| Guerrilla Testing "))
    assert row.endswith(f"| your file {mine}:4 |")


def test_user_files_of_builtin_kinds_are_refused(cli: Run, user_dir: Path) -> None:
    zones = user_dir / "zones.yaml"
    zones.write_text("kind: zones\nschema_version: 1\nzones: []\n", encoding="utf-8")
    result = cli("countries", "--format", "json")
    assert result.code == 0
    assert len(json.loads(result.out)["countries"]) == 115
    assert str(zones) in result.err
    assert "cannot be added" in result.err


def test_data_dir_that_is_a_file(cli: Run, tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file.yaml"
    not_a_dir.write_text("kind: notes\n", encoding="utf-8")
    result = cli("--data-dir", str(not_a_dir), "methods", "--format", "json")
    assert result.code == 0
    assert len(json.loads(result.out)["methods"]) == 20
    assert "not a directory" in result.err


def test_missing_data_dir_is_fine(cli: Run, tmp_path: Path) -> None:
    result = cli("--data-dir", str(tmp_path / "does-not-exist"), "methods", "--format", "json")
    assert result.code == 0
    assert result.err == ""
    assert len(json.loads(result.out)["methods"]) == 20
