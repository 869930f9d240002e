"""Add, edit and delete the user's own notes on countries, saved atomically.

The app keeps the notes it writes in one file, ``notes.yaml`` in the user's knowledge directory
(created on the first note). Notes the user wrote by hand in other files are shown like any
other, but the app never rewrites those files: editing or deleting such a note says where it
lives instead. The app's file is rewritten whole, so comments typed into it by hand are not kept
(its header says so). A broken ``notes.yaml`` is never overwritten: the change is refused with the
file's problems, and nothing the user wrote is lost.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cxguide.i18n import _
from cxguide.knowledge.models import Knowledge, Note, Origin
from cxguide.knowledge.problems import Problem

APP_NOTES_FILE = "notes.yaml"
ENV_AUTHOR = "CXGUIDE_AUTHOR"
MAX_TEXT = 5000  # characters: a note, not a document
HEADER = (
    "# Your notes on countries, written by cxguide (`cxguide note add|edit|delete`, or the app).\n"
    "# You may edit it by hand; cxguide rewrites it whole when it changes a note, so comments\n"
    "# here are not kept. Put notes you want to keep formatted your way in another .yaml file.\n"
)


class UserNotesError(Exception):
    """A change to the user's notes that cannot be made; the message says why and what to do."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What a person types for a note: checked by ``check_draft`` before anything is saved."""

    country: str
    text: str
    topic: str | None = None
    author: str | None = None


def default_author() -> str:
    """Who a new note is by: ``$CXGUIDE_AUTHOR``, else the login name, else "me"."""
    from_env = os.environ.get(ENV_AUTHOR, "").strip()
    if from_env:
        return from_env
    try:
        return getpass.getuser() or _("me")
    except (OSError, KeyError):  # no login name in some containers
        return _("me")


def check_draft(draft: NoteDraft, knowledge: Knowledge) -> list[str]:
    """Every problem with a draft, in plain words (empty when it can be saved)."""
    problems: list[str] = []
    if knowledge.country(draft.country) is None:
        problems.append(_("there is no country '{id}' on the map").format(id=draft.country))
    text = draft.text.strip()
    if not text:
        problems.append(_("the note is empty: write what you want to remember"))
    elif len(text) > MAX_TEXT:
        problems.append(
            _("the note has {count} characters; keep it under {limit}").format(
                count=len(text), limit=MAX_TEXT
            )
        )
    if "\x00" in draft.text:
        problems.append(_("the note contains a NUL character; remove it"))
    if draft.author is not None and not draft.author.strip():
        problems.append(_("the author is empty: write a name, or leave it out"))
    return problems


def notes_file(user_dir: Path) -> Path:
    """The file the app writes notes to."""
    return user_dir / APP_NOTES_FILE


def _read_app_file(path: Path) -> list[dict[str, Any]]:
    """The notes in the app's file as plain data; refuses (never fixes) a broken file."""
    if not path.exists():
        return []
    from cxguide.knowledge.loader import check_file

    checked = check_file(path, user=True)
    if checked.problems or checked.document is None:
        raise UserNotesError(
            _("{file} has problems, so cxguide will not change it; fix them first").format(
                file=path
            ),
            tuple(checked.problems),
        )
    if checked.kind != "notes":
        raise UserNotesError(
            _("{file} is not a notes file (kind: {kind}); move it or rename it").format(
                file=path, kind=checked.kind
            )
        )
    return [dict(item) for item in checked.document.data["notes"]]


def _write_app_file(path: Path, notes: list[dict[str, Any]]) -> None:
    import yaml

    from cxguide.atomic import write_atomically

    body = yaml.safe_dump(
        {"kind": "notes", "schema_version": 1, "notes": notes},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, HEADER + body)
    except OSError as problem:
        raise UserNotesError(
            _("cannot save {file}: {reason}").format(file=path, reason=problem.strerror or problem)
        ) from problem


def _new_id(country: str, today: str, taken: set[str]) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", f"{country.lower()}-{today}").strip("-")
    number = 1
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def _item(note_id: str, draft: NoteDraft, author: str, date: str) -> dict[str, Any]:
    item: dict[str, Any] = {"id": note_id, "country": draft.country}
    if draft.topic and draft.topic.strip():
        item["topic"] = draft.topic.strip()
    item.update({"text": draft.text.strip(), "author": author, "date": date})
    return item


def _note(item: dict[str, Any], path: Path) -> Note:
    from cxguide.knowledge.build import note_from

    return note_from(item, Origin(path, 0, True))


def add_note(
    user_dir: Path, knowledge: Knowledge, draft: NoteDraft, today: _dt.date | None = None
) -> Note:
    """Save a new note in the app's file and return it (with its new id and date)."""
    problems = check_draft(draft, knowledge)
    if problems:
        raise UserNotesError("; ".join(problems))
    path = notes_file(user_dir)
    items = _read_app_file(path)
    date = (today or _dt.date.today()).isoformat()
    taken = {n.id for n in knowledge.notes} | {str(i.get("id")) for i in items}
    item = _item(_new_id(draft.country, date, taken), draft, draft.author or default_author(), date)
    _write_app_file(path, [*items, item])
    return _note(item, path)


def _owned(
    user_dir: Path, knowledge: Knowledge, note_id: str
) -> tuple[Path, list[dict[str, Any]], int]:
    """The app's file, its notes, and the index of ``note_id`` in it; explains when it is not."""
    note = next((n for n in knowledge.notes if n.id == note_id), None)
    path = notes_file(user_dir)
    if note is not None and note.origin.path.resolve() != path.resolve():
        raise UserNotesError(
            _(
                "the note '{id}' is in {file} (line {line}), a file you wrote yourself; "
                "edit it there"
            ).format(id=note_id, file=note.origin.path, line=note.origin.line)
        )
    items = _read_app_file(path)
    index = next((i for i, item in enumerate(items) if item.get("id") == note_id), None)
    if index is None:
        ids = [n.id for n in knowledge.notes]
        from cxguide.knowledge.schema import did_you_mean

        raise UserNotesError(
            _("there is no note '{id}'; {hint}").format(
                id=note_id,
                hint=did_you_mean(note_id, ids, _("`cxguide notes COUNTRY` lists the ids")),
            )
        )
    return path, items, index


def edit_note(
    user_dir: Path,
    knowledge: Knowledge,
    note_id: str,
    *,
    text: str | None = None,
    topic: str | None = None,
    author: str | None = None,
) -> Note:
    """Change a note's text, topic (``""`` removes it) or author; the date stays the note's own."""
    path, items, index = _owned(user_dir, knowledge, note_id)
    item = items[index]
    draft = NoteDraft(
        country=str(item["country"]),
        text=text if text is not None else str(item["text"]),
        topic=(topic if topic is not None else item.get("topic")) or None,
        author=author if author is not None else str(item["author"]),
    )
    problems = check_draft(draft, knowledge)
    if problems:
        raise UserNotesError("; ".join(problems))
    items[index] = _item(note_id, replace(draft), str(draft.author), str(item["date"]))
    _write_app_file(path, items)
    return _note(items[index], path)


def delete_note(user_dir: Path, knowledge: Knowledge, note_id: str) -> Note:
    """Remove a note from the app's file and return what was removed."""
    path, items, index = _owned(user_dir, knowledge, note_id)
    removed = items.pop(index)
    _write_app_file(path, items)
    return _note(removed, path)
