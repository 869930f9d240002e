"""`cxguide session ...` and `cxguide export ...`: output, files and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cxguide.logic.ranking import Answers
from cxguide.session.model import (
    Session,
    from_dict,
    new_session,
    with_answers,
    with_countries,
    with_note,
)
from cxguide.session.store import list_sessions, load_session, save_session, user_sessions_dir

from .conftest import Result, Run

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def saved() -> Session:
    """One session in the sessions directory (CXGUIDE_SESSIONS_DIR, set for every test)."""
    session = new_session("Acme workshop", now=T0, session_id="20240501-acme0001")
    session = with_answers(session, Answers(learn="say", question="why"))
    session = with_countries(session, ["DEU", "JPN"])
    session = with_note(session, "Start in Germany.", now=T0 + timedelta(minutes=5))
    return save_session(session, now=T0 + timedelta(hours=1))


def test_list(cli: Run, saved: Session) -> None:
    save_session(new_session("Older", now=T0, session_id="20240501-old00001"), now=T0)
    result = cli("session", "list")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "20240501-acme0001  2024-05-01T10:30:00Z  Acme workshop (2 countries, 1 note)",
        "20240501-old00001  2024-05-01T09:30:00Z  Older (0 countries, 0 notes)",
    ]


def test_list_json_and_an_unreadable_file(cli: Run, saved: Session) -> None:
    broken = user_sessions_dir() / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    result = cli("session", "list", "--format", "json")
    assert result.code == 0
    data = {item["id"]: item for item in json.loads(result.out)}
    assert data["20240501-acme0001"]["ok"] and data["20240501-acme0001"]["notes"] == 1
    assert not data["broken"]["ok"]
    assert data["broken"]["problem"].startswith("broken.json: line 1, column 2:")
    text = cli("session", "list")
    assert "broken  cannot be read: broken.json: line 1, column 2" in text.out
    assert "1 file cannot be read; it is left as it is." in text.err
    assert broken.read_text(encoding="utf-8") == "{oops"


def test_list_with_no_sessions(cli: Run) -> None:
    result = cli("session", "list")
    assert result.code == 0
    assert result.out == f"No sessions yet in {user_sessions_dir()}.\n"


def test_show_text(cli: Run, saved: Session) -> None:
    result = cli("session", "show", "acme workshop")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:5] == [
        "Acme workshop",
        "Id: 20240501-acme0001",
        "Created: 2024-05-01T09:30:00Z",
        "Last changed: 2024-05-01T10:30:00Z",
        "Landscape edition: 2014",
    ]
    assert "  What you need to learn: what people say" in lines
    assert "  DEU  Germany" in lines and "  JPN  Japan" in lines
    assert "  2024-05-01T09:35:00Z  Start in Germany." in lines


def test_show_json_is_the_stored_session(cli: Run, saved: Session) -> None:
    result = cli("session", "show", "20240501-acme", "--format", "json")
    assert result.code == 0
    assert from_dict(json.loads(result.out)) == saved


def test_show_markdown_is_the_report(cli: Run, saved: Session) -> None:
    result = cli("session", "show", "20240501-acme0001", "--format", "markdown")
    assert result.code == 0
    assert result.out.startswith("# Acme workshop\n")
    assert "## Sources" in result.out


def test_unknown_and_ambiguous_sessions_are_bad_input(cli: Run, saved: Session) -> None:
    result = cli("session", "show", "nothing")
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("cxguide: nothing: no session has this id or name — ")
    save_session(new_session("Acme workshop", now=T0, session_id="20240501-acme0002"))
    result = cli("export", "ACME WORKSHOP")
    assert result.code == 1
    assert "2 sessions have this name" in result.err


def test_rename(cli: Run, saved: Session) -> None:
    result = cli("session", "rename", "acme workshop", "Acme, day 2")
    assert result.code == 0, result.err
    assert result.out == "Renamed session 20240501-acme0001 to 'Acme, day 2'.\n"
    assert load_session("20240501-acme0001").name == "Acme, day 2"
    bad = cli("session", "rename", "20240501-acme0001", "two\nlines")
    assert bad.code == 1 and "name: it holds a line break" in bad.err


def test_duplicate(cli: Run, saved: Session) -> None:
    result = cli("session", "duplicate", "20240501-acme0001")
    assert result.code == 0, result.err
    assert result.out.endswith(", 'Copy of Acme workshop'.\n")
    names = sorted(e.name for e in list_sessions())
    assert names == ["Acme workshop", "Copy of Acme workshop"]
    named = cli("session", "duplicate", "20240501-acme0001", "--name", "For Japan")
    assert named.code == 0 and "'For Japan'" in named.out


def test_delete_needs_yes(cli: Run, saved: Session) -> None:
    result = cli("session", "delete", "acme workshop")
    assert result.code == 2
    assert "cannot be undone; add --yes to delete it" in result.err
    assert len(list_sessions()) == 1
    result = cli("session", "delete", "acme workshop", "--yes")
    assert result.code == 0
    assert result.out == "Deleted session 20240501-acme0001, 'Acme workshop'.\n"
    assert list_sessions() == []


def test_delete_refuses_an_unreadable_file(cli: Run) -> None:
    folder = user_sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "future.json").write_text('{"schema_version": 9}', encoding="utf-8")
    result = cli("session", "delete", "future", "--yes")
    assert result.code == 1
    assert "deleting this file is refused" in result.err
    assert (folder / "future.json").read_text(encoding="utf-8") == '{"schema_version": 9}'


def test_session_without_an_action_is_a_usage_error(cli: Run) -> None:
    result = cli("session")
    assert result.code == 2
    assert "usage:" in result.err


@pytest.mark.parametrize("fmt", ["md", "json", "svg"])
def test_export_to_stdout(cli: Run, saved: Session, fmt: str) -> None:
    result = cli("export", "acme workshop", "--format", fmt)
    assert result.code == 0, result.err
    if fmt == "json":
        assert from_dict(json.loads(result.out)["session"]) == saved
    elif fmt == "svg":
        ET.fromstring(result.out.encode("utf-8"))
    else:
        assert result.out.startswith("# Acme workshop\n")


def test_export_to_a_file(cli: Run, saved: Session, tmp_path: Path) -> None:
    target = tmp_path / "report.svg"
    target.write_text("old", encoding="utf-8")
    result = cli("export", "acme workshop", "--format", "svg", "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    assert result.err == f"Wrote {target}.\n"
    ET.fromstring(target.read_bytes())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_export_into_a_missing_directory(cli: Run, saved: Session, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.md"
    result = cli("export", "acme workshop", "-o", str(target))
    assert result.code == 1
    assert result.err == (
        f"cxguide: could not write {target}: the directory {target.parent} does not exist — "
        "create it or choose another file with -o\n"
    )


def test_export_that_cannot_be_written(
    cli: Run, saved: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # as a read-only directory would, even for root
    target = tmp_path / "report.md"
    result = cli("export", "acme workshop", "-o", str(target))
    assert result.code == 1
    assert result.err == (
        f"cxguide: could not write {target}: Permission denied — choose a file in a directory "
        "you can write to\n"
    )
    assert not target.exists()
    assert not list(tmp_path.glob(".report.md-*"))


def test_export_onto_a_directory(cli: Run, saved: Session, tmp_path: Path) -> None:
    result = cli("export", "acme workshop", "-o", str(tmp_path))
    assert result.code == 1
    assert "it is a directory" in result.err


def test_bad_export_format_is_a_usage_error(cli: Run, saved: Session) -> None:
    result = cli("export", "acme workshop", "--format", "pdf")
    assert result.code == 2


def test_session_commands_never_load_textual(
    saved: Session, tmp_path: Path, cli_process: Callable[[Sequence[str]], Result]
) -> None:
    code = (
        "import io, sys\n"
        "from cxguide.cli import main\n"
        "real, sys.stdout = sys.stdout, io.StringIO()\n"
        "codes = [main(['session', 'list']), main(['session', 'show', 'acme workshop']),\n"
        "         main(['export', 'acme workshop', '--format', 'svg']),\n"
        "         main(['export', 'acme workshop', '--format', 'md'])]\n"
        "sys.stdout = real\n"
        "print(codes, sorted(m for m in sys.modules if m.startswith('textual')))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[0, 0, 0, 0] []"


def test_help_lists_the_commands(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["--help"])
    assert result.code == 0
    assert "session" in result.out and "export" in result.out
