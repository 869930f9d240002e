"""The user's own notes: add, edit, delete; atomic saves; hand-written files left alone."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from cxguide.knowledge.loader import load_knowledge
from cxguide.knowledge.models import Knowledge
from cxguide.knowledge.user_notes import (
    NoteDraft,
    UserNotesError,
    add_note,
    delete_note,
    edit_note,
    notes_file,
)
from cxguide.logic.geo_notes import user_notes_on

DAY = dt.date(2026, 11, 2)


def _reload(user_dir: Path) -> Knowledge:
    load_knowledge.cache_clear()
    return load_knowledge(user_dir)


def test_round_trip_add_edit_delete(tmp_path: Path) -> None:
    knowledge = _reload(tmp_path)
    hostile = "Agency: <b>*3 weeks*</b>\n- not a list\n# not a heading: ]]>"
    note = add_note(tmp_path, knowledge, NoteDraft("DEU", hostile, "recruiting", "Anna"), DAY)
    assert note.id == "deu-2026-11-02-1"
    knowledge = _reload(tmp_path)
    assert knowledge.problems == ()
    germany = knowledge.country("DEU")
    assert germany is not None
    (saved,) = user_notes_on(knowledge, germany)
    assert (saved.text, saved.topic, saved.author, saved.date) == (
        hostile,
        "recruiting",
        "Anna",
        "2026-11-02",
    )
    assert saved.origin.path == notes_file(tmp_path) and saved.origin.user

    second = add_note(tmp_path, knowledge, NoteDraft("DEU", "Second"), DAY)
    assert second.id == "deu-2026-11-02-2"
    knowledge = _reload(tmp_path)
    edit_note(tmp_path, knowledge, note.id, text="Four weeks now", topic="")
    knowledge = _reload(tmp_path)
    changed = next(n for n in knowledge.notes if n.id == note.id)
    assert (changed.text, changed.topic, changed.author, changed.date) == (
        "Four weeks now",
        None,
        "Anna",
        "2026-11-02",
    )
    delete_note(tmp_path, knowledge, note.id)
    knowledge = _reload(tmp_path)
    assert [n.id for n in knowledge.notes] == [second.id]


def test_a_draft_with_problems_is_refused_with_all_of_them(tmp_path: Path) -> None:
    knowledge = _reload(tmp_path)
    with pytest.raises(UserNotesError) as caught:
        add_note(tmp_path, knowledge, NoteDraft("XXX", "   ", None, " "), DAY)
    assert caught.value.message == (
        "there is no country 'XXX' on the map; the note is empty: write what you want to "
        "remember; the author is empty: write a name, or leave it out"
    )
    assert not notes_file(tmp_path).exists()


def test_an_interrupted_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = _reload(tmp_path)
    add_note(tmp_path, knowledge, NoteDraft("DEU", "Kept"), DAY)
    before = notes_file(tmp_path).read_bytes()
    knowledge = _reload(tmp_path)

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(UserNotesError) as caught:
        add_note(tmp_path, knowledge, NoteDraft("DEU", "Lost?"), DAY)
    assert "No space left on device" in caught.value.message
    assert notes_file(tmp_path).read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["notes.yaml"]  # no temporary file left


def test_a_broken_notes_file_is_never_overwritten(tmp_path: Path) -> None:
    path = notes_file(tmp_path)
    path.write_text("kind: notes\nschema_version: 1\nnotes:\n  - id: [broken\n", encoding="utf-8")
    before = path.read_bytes()
    knowledge = _reload(tmp_path)
    with pytest.raises(UserNotesError) as caught:
        add_note(tmp_path, knowledge, NoteDraft("DEU", "New"), DAY)
    assert "has problems, so cxguide will not change it" in caught.value.message
    assert caught.value.problems and caught.value.problems[0].line == 5  # where YAML notices
    assert path.read_bytes() == before


def test_a_note_in_a_hand_written_file_is_edited_there(tmp_path: Path) -> None:
    own = tmp_path / "berlin.yaml"
    own.write_text(
        "kind: notes\nschema_version: 1\nnotes:\n"
        "  - id: berlin\n    country: Germany\n    text: Hand-written.\n"
        "    author: Ben\n    date: 2026-01-05\n",
        encoding="utf-8",
    )
    knowledge = _reload(tmp_path)
    germany = knowledge.country("DEU")
    assert germany is not None
    assert [n.id for n in user_notes_on(knowledge, germany)] == ["berlin"]  # named by name
    with pytest.raises(UserNotesError) as caught:
        delete_note(tmp_path, knowledge, "berlin")
    assert caught.value.message == (
        f"the note 'berlin' is in {own} (line 4), a file you wrote yourself; edit it there"
    )
    assert "Hand-written." in own.read_text(encoding="utf-8")


def test_an_unknown_id_gets_a_suggestion(tmp_path: Path) -> None:
    knowledge = _reload(tmp_path)
    add_note(tmp_path, knowledge, NoteDraft("DEU", "One"), DAY)
    knowledge = _reload(tmp_path)
    with pytest.raises(UserNotesError) as caught:
        edit_note(tmp_path, knowledge, "deu-2026-11-02-9", text="x")
    assert caught.value.message == (
        "there is no note 'deu-2026-11-02-9'; did you mean 'deu-2026-11-02-1'?"
    )
