"""`cxguide validate`: the built-in knowledge, given files and directories, located problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import Run

# One problem per line: "file:line:column: what is wrong — how to fix it".
PROBLEM_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<what>.+) — (?P<fix>.+)$"
)

GOOD_NOTES = """\
kind: notes
schema_version: 1
notes:
  - id: de-recruiting-agency
    country: DEU
    topic: recruiting
    text: Our Berlin agency needs three weeks' notice.
    author: Anna
    date: 2026-11-02
"""

# Two problems: a date that is not a date (line 9) and a field the schema does not know (line 10).
BROKEN_NOTES = """\
kind: notes
schema_version: 1
notes:
  - id: de-recruiting-agency
    country: DEU
    topic: recruiting
    text: Our Berlin agency needs three weeks' notice.
    author: Anna
    date: 2026-13-45
    colour: red
"""


def _problems(err: str) -> list[re.Match[str]]:
    matches = [PROBLEM_RE.match(line) for line in err.splitlines()]
    return [m for m in matches if m is not None]


def _position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_builtin_knowledge_is_valid(cli: Run, user_dir: Path) -> None:
    result = cli("validate")
    assert result.code == 0, result.err
    assert result.out.startswith("No problems found")
    assert str(user_dir) in result.out
    assert result.err == ""


def test_good_file(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(GOOD_NOTES, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 0, result.err
    assert result.out == f"No problems found in {path}.\n"
    assert result.err == ""


def test_builtin_data_files_validate_explicitly(cli: Run) -> None:
    data_dir = Path(__file__).resolve().parents[2] / "data"
    result = cli("validate", str(data_dir))
    assert result.code == 0, result.err
    assert "No problems found" in result.out


def test_broken_file_reports_both_problems(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(BROKEN_NOTES, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    assert result.out == ""
    problems = _problems(result.err)
    assert len(problems) == 2, result.err
    where = {(int(m["line"]), int(m["column"])): m for m in problems}
    assert {m["file"] for m in problems} == {str(path)}

    date = where[_position(BROKEN_NOTES, "2026-13-45")]
    assert "2026-13-45" in date["what"]
    assert "YYYY-MM-DD" in date["fix"]

    colour = where[_position(BROKEN_NOTES, "colour")]
    assert "colour" in colour["what"]
    assert colour["fix"]
    assert result.err.splitlines()[-1] == "2 problems in 1 file."


def test_directory(cli: Run, tmp_path: Path) -> None:
    directory = tmp_path / "mine"
    directory.mkdir()
    (directory / "a_good.yaml").write_text(GOOD_NOTES, encoding="utf-8")
    assert cli("validate", str(directory)).code == 0

    (directory / "b_broken.yml").write_text(BROKEN_NOTES, encoding="utf-8")
    (directory / "ignored.txt").write_text("not: [yaml", encoding="utf-8")
    result = cli("validate", str(directory))
    assert result.code == 1
    assert result.out == ""
    problems = _problems(result.err)
    assert len(problems) == 2, result.err
    assert {Path(m["file"]).name for m in problems} == {"b_broken.yml"}


def test_empty_directory_is_a_problem(cli: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("validate", str(empty))
    assert result.code == 1
    assert result.out == ""
    assert str(empty) in result.err
    assert "no .yaml files" in result.err


def test_several_paths_count_files(cli: Run, tmp_path: Path) -> None:
    first = tmp_path / "one.yaml"
    second = tmp_path / "two.yaml"
    first.write_text(BROKEN_NOTES, encoding="utf-8")
    second.write_text(BROKEN_NOTES, encoding="utf-8")
    result = cli("validate", str(first), str(second))
    assert result.code == 1
    assert len(_problems(result.err)) == 4
    assert result.err.splitlines()[-1] == "4 problems in 2 files."


def test_missing_file(cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = cli("validate", str(missing))
    assert result.code == 1
    assert result.out == ""
    assert str(missing) in result.err


def test_not_yaml(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("kind: notes\nschema_version: 1\nnotes: [unclosed\n", encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    problems = _problems(result.err)
    assert problems, result.err
    assert all(m["file"] == str(path) for m in problems)


def test_user_directory_problems_fail_validate(cli: Run, user_dir: Path) -> None:
    (user_dir / "notes.yaml").write_text(BROKEN_NOTES, encoding="utf-8")
    result = cli("validate")
    assert result.code == 1
    assert result.out == ""
    assert len(_problems(result.err)) == 2


def test_data_dir_option_wins_over_environment(cli: Run, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.yaml").write_text(BROKEN_NOTES, encoding="utf-8")
    result = cli("--data-dir", str(other), "validate")
    assert result.code == 1
    assert {Path(m["file"]).parent for m in _problems(result.err)} == {other}


def test_every_problem_is_reported_at_once(cli: Run, tmp_path: Path) -> None:
    # docs/knowledge-files.md: validate "reports every problem at once". A file with a schema
    # problem (the unknown field) and a reference problem (an unknown country) should show both.
    country = "Atlantis"
    text = BROKEN_NOTES.replace("2026-13-45", "2026-11-02").replace("DEU", country)
    path = tmp_path / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    problems = _problems(result.err)
    messages = " | ".join(m["what"] for m in problems)
    assert "colour" in messages
    assert f"unknown country '{country}'" in messages


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("kind: notes\nschema_version: 1\nnotes: [unclosed\n", "YAML syntax error"),
        ("kind: notes\nschema_version: 1\nnotes:\n\t- id: x\n", "tab"),
        ("kind: notes\nschema_version: 1\nnotes: []\nnotes: []\n", "duplicate key 'notes'"),
        ("kind: recipes\nschema_version: 1\n", "'recipes' is not a kind"),
        ("schema_version: 1\nnotes: []\n", "'kind:' is missing"),
        ("kind: notes\nschema_version: 99\nnotes: []\n", "newer cxguide"),
    ],
)
def test_file_level_problems_are_located(cli: Run, tmp_path: Path, text: str, what: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    assert result.out == ""
    problems = _problems(result.err)
    assert len(problems) == 1, result.err
    assert what in problems[0]["what"]
    assert int(problems[0]["line"]) >= 1


def test_user_directory_not_created_yet(cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "not-yet"
    result = cli("--data-dir", str(missing), "validate")
    assert result.code == 0, result.err
    assert result.out.startswith("No problems found in the built-in knowledge")
    assert f"{missing} does not exist yet" in result.out
    assert not missing.exists()  # validate only reads
