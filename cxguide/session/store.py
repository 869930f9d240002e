"""Sessions on disk: one JSON file each, ``<id>.json``, in the user's sessions directory.

Saves are atomic (``cxguide.atomic.write_atomically``): a crash leaves the old file or the new
one, never half of each. A file the store cannot read (bad JSON, wrong shape, a file name that
does not match the id inside) or one written by a newer cxguide is listed with its problem and
is never overwritten, renamed or deleted here: saving over it is refused with a message.
Every failure is a ``SessionError`` whose message says what is wrong and what to do.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxguide.atomic import write_atomically
from cxguide.i18n import _
from cxguide.session.model import (
    ID_PATTERN,
    NAME_MAX,
    NewerSessionError,
    Session,
    SessionError,
    dumps,
    loads,
    new_id,
    renamed,
    utc_now,
)

ENV_SESSIONS_DIR = "CXGUIDE_SESSIONS_DIR"
SUFFIX = ".json"
MAX_FILE_BYTES = 5_000_000  # a session file larger than this is not read


def user_sessions_dir() -> Path:
    """Where sessions live: ``$CXGUIDE_SESSIONS_DIR``, else the user data directory's
    ``sessions`` folder (it may not exist yet)."""
    from_env = os.environ.get(ENV_SESSIONS_DIR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("cxguide", appauthor=False) / "sessions"


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One file in the sessions directory: its session, or the problem that stops reading it."""

    id: str  # the file name without .json
    path: Path
    session: Session | None
    problem: str | None  # None when the session was read
    newer: bool = False  # written by a newer cxguide
    modified: datetime | None = None  # the file's time, for sorting unreadable files

    @property
    def ok(self) -> bool:
        """Whether the file holds a session this version reads."""
        return self.session is not None

    @property
    def name(self) -> str:
        """The session's name, or the file name when it cannot be read."""
        return self.session.name if self.session is not None else self.path.name

    @property
    def when(self) -> datetime:
        """When it last changed: the session's ``updated``, else the file's time."""
        if self.session is not None:
            return self.session.updated
        return self.modified or datetime.fromtimestamp(0, UTC)


def _directory(directory: Path | None) -> Path:
    return directory if directory is not None else user_sessions_dir()


def _path(directory: Path, session_id: str) -> Path:
    return directory / f"{session_id}{SUFFIX}"


def read_entry(path: Path) -> SessionEntry:
    """The session in ``path``, or its problem; never raises for a bad file."""
    entry_id = path.name.removesuffix(SUFFIX)
    try:
        stat = path.stat()
        modified = datetime.fromtimestamp(stat.st_mtime, UTC)
        if stat.st_size > MAX_FILE_BYTES:
            raise SessionError(
                path.name,
                _("the file is larger than {size} MB").format(size=MAX_FILE_BYTES // 1_000_000),
                _("this is not a session file; move it out of the sessions directory"),
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return SessionEntry(
            entry_id,
            path,
            None,
            _("{file}: not UTF-8 text — repair the file or move it away").format(file=path.name),
        )
    except OSError as problem:
        return SessionEntry(
            entry_id,
            path,
            None,
            _("{file}: cannot be read ({reason})").format(
                file=path.name, reason=problem.strerror or problem
            ),
        )
    except SessionError as problem:
        return SessionEntry(entry_id, path, None, str(problem), modified=modified)
    try:
        session = loads(text)
    except SessionError as problem:
        return SessionEntry(
            entry_id,
            path,
            None,
            _("{file}: {problem}").format(file=path.name, problem=problem),
            newer=isinstance(problem, NewerSessionError),
            modified=modified,
        )
    if session.id != entry_id:
        return SessionEntry(
            entry_id,
            path,
            None,
            _(
                "{file}: the session inside has the id {id} — rename the file to {id}.json "
                "if it is that session's only copy"
            ).format(file=path.name, id=session.id),
            modified=modified,
        )
    return SessionEntry(entry_id, path, session, None, modified=modified)


def list_sessions(directory: Path | None = None) -> list[SessionEntry]:
    """Every session file, newest first (unreadable files by their file time), with problems."""
    folder = _directory(directory)
    try:
        paths = sorted(p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("."))
    except OSError:
        return []
    entries = [read_entry(p) for p in paths if p.is_file()]
    entries.sort(key=lambda e: e.id)
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def _describe(entries: Sequence[SessionEntry]) -> str:
    return "; ".join(f"{e.id} ({e.name})" for e in entries)


def find_entry(key: str, directory: Path | None = None) -> SessionEntry:
    """The entry ``key`` names: an id, a name (any case) or the unique start of an id."""
    entries = list_sessions(directory)
    wanted = key.strip()
    exact = [e for e in entries if e.id == wanted]
    if exact:
        return exact[0]
    folded = wanted.casefold()
    named = [e for e in entries if e.session is not None and e.session.name.casefold() == folded]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise SessionError(
            key,
            _("{count} sessions have this name: {sessions}").format(
                count=len(named), sessions=_describe(named)
            ),
            _("name the one you mean by its id"),
        )
    prefixed = [e for e in entries if wanted and e.id.startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        raise SessionError(
            key,
            _("{count} session ids start with this: {sessions}").format(
                count=len(prefixed), sessions=_describe(prefixed)
            ),
            _("give more of the id"),
        )
    raise SessionError(
        key,
        _("no session has this id or name"),
        _("'cxguide session list' lists the sessions in {directory}").format(
            directory=_directory(directory)
        ),
    )


def load_session(key: str, directory: Path | None = None) -> Session:
    """The session ``key`` names (id, name or unique id prefix); ``SessionError`` otherwise."""
    entry = find_entry(key, directory)
    if entry.session is None:
        raise SessionError(
            entry.id, entry.problem or _("it cannot be read"), _("the file is left as it is")
        )
    return entry.session


def _refuse_unreadable(path: Path) -> None:
    """Refuse to write over a file that exists but holds no session this version reads."""
    if not path.exists():
        return
    entry = read_entry(path)
    if entry.session is None:
        raise SessionError(
            path.name,
            _("saving over this file is refused: {problem}").format(problem=entry.problem),
            _("keep the file; save the session under a new id (duplicate it) instead"),
        )


def save_session(
    session: Session, directory: Path | None = None, *, now: datetime | None = None
) -> Session:
    """Write the session (its ``updated`` set to ``now``) atomically; returns what was saved."""
    folder = _directory(directory)
    if not ID_PATTERN.fullmatch(session.id):  # a Session checks this; kept for the path's sake
        raise SessionError("id", _("not a session id"), _("use new_id()"))
    path = _path(folder, session.id)
    _refuse_unreadable(path)
    saved = dataclasses.replace(session, updated=now or utc_now())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, dumps(saved))
    except OSError as problem:
        raise SessionError(
            str(path),
            _("could not write the session ({reason})").format(reason=problem.strerror or problem),
            _("check that the directory exists and is writable, or set {env}").format(
                env=ENV_SESSIONS_DIR
            ),
        ) from None
    return saved


def rename_session(
    key: str, name: str, directory: Path | None = None, *, now: datetime | None = None
) -> Session:
    """Give the session ``key`` names a new name, and save it."""
    return save_session(renamed(load_session(key, directory), name), directory, now=now)


def copy_name(name: str, taken: Sequence[str]) -> str:
    """'Copy of NAME', numbered '(2)', '(3)'... when a session already has that name."""
    first = _("Copy of {name}").format(name=name)
    folded = {t.casefold() for t in taken}
    candidate, number = first, 2
    while candidate.casefold() in folded:
        candidate = _("{name} ({number})").format(name=first, number=number)
        number += 1
    return candidate


def duplicate_session(
    key: str,
    directory: Path | None = None,
    *,
    name: str | None = None,
    now: datetime | None = None,
) -> Session:
    """Save a copy of the session ``key`` names under a new id, named 'Copy of …' unless
    ``name`` is given, created now."""
    original = load_session(key, directory)
    moment = now or utc_now()
    taken = [e.session.name for e in list_sessions(directory) if e.session is not None]
    folder = _directory(directory)
    session_id = new_id(moment)
    while _path(folder, session_id).exists():
        session_id = new_id(moment)
    copy_of = name if name is not None else copy_name(original.name, taken)
    copy = dataclasses.replace(
        original, id=session_id, name=copy_of[:NAME_MAX].rstrip() or copy_of, created=moment
    )
    return save_session(copy, directory, now=moment)


def delete_session(key: str, directory: Path | None = None) -> Session:
    """Delete the file of the session ``key`` names; returns the deleted session.

    A file that holds no readable session is never deleted here."""
    entry = find_entry(key, directory)
    if entry.session is None:
        raise SessionError(
            entry.id,
            _("deleting this file is refused: {problem}").format(problem=entry.problem),
            _("look at the file yourself and remove it if it is not needed"),
        )
    try:
        entry.path.unlink()
    except OSError as problem:
        raise SessionError(
            str(entry.path),
            _("could not delete the file ({reason})").format(reason=problem.strerror or problem),
            _("check the directory's permissions"),
        ) from None
    return entry.session
