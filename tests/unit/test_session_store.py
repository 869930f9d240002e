"""The sessions directory: atomic saves, look-ups, and files it cannot read left untouched."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cxguide.logic.ranking import Answers
from cxguide.session import store
from cxguide.session.model import (
    Session,
    SessionError,
    new_session,
    renamed,
    to_dict,
    with_answers,
    with_note,
)
from cxguide.session.store import (
    ENV_SESSIONS_DIR,
    copy_name,
    delete_session,
    duplicate_session,
    find_entry,
    list_sessions,
    load_session,
    rename_session,
    save_session,
    user_sessions_dir,
)

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def folder() -> Path:
    """The sessions directory the autouse fixture points CXGUIDE_SESSIONS_DIR at."""
    return user_sessions_dir()


def _saved(name: str, session_id: str, hours: int = 0) -> Session:
    session = with_answers(new_session(name, now=T0, session_id=session_id), Answers(learn="do"))
    return save_session(session, now=T0 + timedelta(hours=hours))


def test_the_directory_comes_from_the_environment_else_the_user_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_SESSIONS_DIR, str(tmp_path / "mine"))
    assert user_sessions_dir() == tmp_path / "mine"
    monkeypatch.delenv(ENV_SESSIONS_DIR)
    default = user_sessions_dir()
    assert default.name == "sessions" and default.parent.name == "cxguide"


def test_save_and_load_round_trip(folder: Path) -> None:
    session = with_note(new_session("Acme", now=T0, session_id="20240501-aaaa0001"), "n", now=T0)
    saved = save_session(session, now=T0 + timedelta(hours=2))
    assert saved.updated == T0 + timedelta(hours=2)
    assert saved.created == T0
    assert (folder / "20240501-aaaa0001.json").is_file()
    assert json.loads((folder / "20240501-aaaa0001.json").read_text("utf-8")) == to_dict(saved)
    assert load_session("20240501-aaaa0001") == saved
    assert load_session("aCmE") == saved  # by name, any case
    assert load_session("20240501-aaaa") == saved  # a unique start of the id
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_save_creates_the_directory(tmp_path: Path) -> None:
    target = tmp_path / "new" / "sessions"
    save_session(new_session("A", now=T0, session_id="s1"), target)
    assert (target / "s1.json").is_file()


def test_list_is_newest_first(folder: Path) -> None:
    _saved("Old", "20240501-00000001", hours=1)
    _saved("New", "20240501-00000002", hours=3)
    _saved("Middle", "20240501-00000003", hours=2)
    assert [e.name for e in list_sessions()] == ["New", "Middle", "Old"]
    assert all(e.ok and e.problem is None for e in list_sessions())


def test_an_empty_or_missing_directory_lists_nothing(tmp_path: Path) -> None:
    assert list_sessions(tmp_path / "nowhere") == []


def test_ambiguous_and_unknown_keys_are_clear_errors(folder: Path) -> None:
    _saved("Acme", "20240501-aaaa0001")
    _saved("acme", "20240501-aaaa0002", hours=1)
    with pytest.raises(SessionError) as raised:
        load_session("ACME")
    message = str(raised.value)
    assert "2 sessions have this name" in message
    assert "20240501-aaaa0001" in message and "20240501-aaaa0002" in message
    assert message.endswith("name the one you mean by its id")
    with pytest.raises(SessionError, match="2 session ids start with this"):
        load_session("20240501-aaaa")
    with pytest.raises(SessionError) as raised:
        load_session("nothing")
    assert str(raised.value).startswith("nothing: no session has this id or name — ")
    assert load_session("20240501-aaaa0002").name == "acme"


def test_an_interrupted_replace_leaves_the_old_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saved("Acme", "s1")
    path = folder / "s1.json"
    before = path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SessionError) as raised:
        save_session(renamed(load_session("s1"), "Changed"))
    assert "could not write the session (No space left on device)" in str(raised.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["s1.json"]


def test_a_write_that_fails_half_way_leaves_the_old_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saved("Acme", "s1")
    path = folder / "s1.json"
    before = path.read_bytes()

    def crash(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(SessionError):
        save_session(renamed(load_session("s1"), "Changed"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["s1.json"]


def test_save_into_a_directory_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(SessionError) as raised:
        save_session(new_session("A", now=T0, session_id="s1"), blocker / "sessions")
    assert "could not write the session" in str(raised.value)
    assert "check that the directory exists and is writable" in str(raised.value)


BROKEN = {
    "bad-json.json": b'{"schema_version": 1, "id": ',
    "wrong-shape.json": b'["a", "list"]',
    "not-utf8.json": b"\xff\xfe{}",
}


def _future(session_id: str) -> bytes:
    data = to_dict(new_session("From the future", now=T0, session_id=session_id))
    data["schema_version"] = 2
    data["hologram"] = True
    return json.dumps(data).encode()


@pytest.fixture
def broken(folder: Path) -> dict[Path, bytes]:
    """A directory with one good session and files this version cannot read."""
    folder.mkdir(parents=True, exist_ok=True)
    _saved("Good", "good")
    files = {folder / name: raw for name, raw in BROKEN.items()}
    files[folder / "future.json"] = _future("future")
    files[folder / "misnamed.json"] = json.dumps(
        to_dict(new_session("Misnamed", now=T0, session_id="other"))
    ).encode()
    for path, raw in files.items():
        path.write_bytes(raw)
    return files


def _untouched(files: dict[Path, bytes]) -> bool:
    return all(path.read_bytes() == raw for path, raw in files.items())


def test_unreadable_files_are_listed_with_their_problem(broken: dict[Path, bytes]) -> None:
    entries = {e.id: e for e in list_sessions()}
    assert set(entries) == {"good", "bad-json", "wrong-shape", "not-utf8", "future", "misnamed"}
    assert entries["good"].ok
    problems = {key: e.problem or "" for key, e in entries.items() if not e.ok}
    assert problems["bad-json"].startswith("bad-json.json: line 1, column 29: this is not valid")
    assert problems["wrong-shape"] == (
        "wrong-shape.json: session: expected an object, found a list — write an object here"
    )
    assert problems["not-utf8"] == "not-utf8.json: not UTF-8 text — repair the file or move it away"
    assert "written by a newer cxguide" in problems["future"]
    assert entries["future"].newer and not entries["bad-json"].newer
    assert problems["misnamed"] == (
        "misnamed.json: the session inside has the id other — rename the file to other.json "
        "if it is that session's only copy"
    )
    assert _untouched(broken)


@pytest.mark.parametrize("key", ["bad-json", "wrong-shape", "not-utf8", "future", "misnamed"])
def test_the_store_never_overwrites_renames_or_deletes_an_unreadable_file(
    broken: dict[Path, bytes], key: str
) -> None:
    with pytest.raises(SessionError):
        load_session(key)
    with pytest.raises(SessionError, match="saving over this file is refused"):
        save_session(new_session("Mine", now=T0, session_id=key))
    with pytest.raises(SessionError):
        rename_session(key, "Renamed")
    with pytest.raises(SessionError):
        duplicate_session(key)
    with pytest.raises(SessionError, match="deleting this file is refused"):
        delete_session(key)
    assert _untouched(broken)
    assert find_entry(key).problem


def test_rename(folder: Path) -> None:
    _saved("Acme", "s1")
    saved = rename_session("acme", "Acme, day 2", now=T0 + timedelta(days=1))
    assert saved.name == "Acme, day 2" and saved.id == "s1"
    assert saved.updated == T0 + timedelta(days=1)
    assert load_session("s1") == saved
    with pytest.raises(SessionError, match="^name: it is empty"):
        rename_session("s1", "")
    assert load_session("s1").name == "Acme, day 2"


def test_duplicate_gets_a_new_id_and_a_copy_name(folder: Path) -> None:
    original = _saved("Acme", "s1")
    first = duplicate_session("s1", now=T0 + timedelta(days=1))
    second = duplicate_session("s1", now=T0 + timedelta(days=1))
    assert first.name == "Copy of Acme" and second.name == "Copy of Acme (2)"
    assert len({original.id, first.id, second.id}) == 3
    assert first.answers == original.answers and first.countries == original.countries
    assert first.created == T0 + timedelta(days=1)
    assert load_session("s1") == original
    named = duplicate_session("s1", name="Acme for Japan")
    assert named.name == "Acme for Japan"
    assert len(list_sessions()) == 4


def test_copy_names_are_numbered_without_regard_to_case() -> None:
    assert copy_name("A", []) == "Copy of A"
    assert copy_name("A", ["copy of a"]) == "Copy of A (2)"
    assert copy_name("A", ["Copy of A", "Copy of A (2)"]) == "Copy of A (3)"


def test_delete(folder: Path) -> None:
    _saved("Acme", "s1")
    _saved("Other", "s2")
    deleted = delete_session("Acme")
    assert deleted.id == "s1"
    assert not (folder / "s1.json").exists()
    with pytest.raises(SessionError):
        load_session("s1")
    assert [e.id for e in list_sessions()] == ["s2"]


def test_read_entry_never_raises_on_a_directory_named_like_a_session(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "odd.json").mkdir()
    assert list_sessions() == []  # only files are sessions
    assert store.read_entry(folder / "odd.json").problem
