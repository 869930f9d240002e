"""The current workshop session of the app: what the room decided so far, saved as it changes.

``Workshop`` holds one ``Session`` (or none, until something happens: opening the app writes
nothing). The areas report their changes (the finder's answers and edition, the countries
opened and compared, notes); each change that really changes the session marks it unsaved, and
the app calls ``save()`` a moment later (a burst of changes is one save). Saving goes through
``cxguide.session.store``, which writes atomically and refuses to write over a file it cannot
read. Nothing here imports Textual; the app owns the timer.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from pathlib import Path

from cxguide.i18n import _
from cxguide.knowledge.models import Edition
from cxguide.logic.ranking import Answers
from cxguide.session.model import (
    COUNTRIES_MAX,
    NAME_MAX,
    Session,
    SessionError,
    new_session,
    utc_now,
    with_note,
)
from cxguide.session.store import SessionEntry, list_sessions, save_session

EXPORT_SUFFIXES = {"md": ".md", "json": ".json", "svg": ".svg"}


def default_name() -> str:
    """The name of a session the user has not named yet."""
    return _("Unnamed session")


def shown_name(name: str) -> str:
    """A session's name as shown: a default name saved in any language reads in the current one."""
    from cxguide.i18n import SUPPORTED, translate

    defaults = {translate("Unnamed session", language) for language in SUPPORTED}
    return default_name() if name in defaults else name


def session_countries(compared: Sequence[str], chosen: Sequence[str]) -> tuple[str, ...]:
    """The session's countries: the compared ones first (in their order), then the others
    opened, each once, at most ``COUNTRIES_MAX`` (the latest opened are kept)."""
    ordered = list(dict.fromkeys((*compared, *chosen)))
    if len(ordered) > COUNTRIES_MAX:
        keep = len(dict.fromkeys(compared))
        ordered = ordered[:keep] + ordered[keep:][-(COUNTRIES_MAX - keep) :]
    return tuple(ordered[:COUNTRIES_MAX])


def summary(session: Session) -> str:
    """What a session holds, in a few words: '4 answers, 3 countries, 2 notes'."""
    from cxguide.i18n import ngettext

    answered = sum(
        1 for f in dataclasses.fields(session.answers) if getattr(session.answers, f.name)
    )
    parts = [
        ngettext("{count} answer", "{count} answers", answered).format(count=answered),
        ngettext("{count} country", "{count} countries", len(session.countries)).format(
            count=len(session.countries)
        ),
        ngettext("{count} note", "{count} notes", len(session.notes)).format(
            count=len(session.notes)
        ),
    ]
    return ", ".join(parts)


def local_time(moment: datetime) -> str:
    """A UTC moment as the user's local date and time, to the minute: '2024-05-01 11:30'."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def export_file_name(session: Session, kind: str, now: datetime | None = None) -> str:
    """A file name for an export: the session's name made safe, the date and the suffix."""
    slug = re.sub(r"[^\w]+", "-", session.name.casefold()).strip("-_")[:60].strip("-_")
    stamp = (now or utc_now()).astimezone().strftime("%Y%m%d-%H%M")
    return f"cxguide-{slug or 'session'}-{stamp}{EXPORT_SUFFIXES[kind]}"


def free_file_name(directory: Path, name: str, taken: Collection[str] = ()) -> str:
    """``name``, or ``name`` numbered '-2', '-3'… when a file of that name is in ``directory``
    or in ``taken`` (a delivered export never replaces an earlier one)."""
    path = Path(name)
    candidate, number = name, 2
    while candidate in taken or (directory / candidate).exists():
        candidate = f"{path.stem}-{number}{path.suffix}"
        number += 1
    return candidate


class Workshop:
    """The app's current session: created when something happens, saved when told to."""

    def __init__(
        self, directory: Path | None = None, now: Callable[[], datetime] = utc_now
    ) -> None:
        self.directory = directory
        """The sessions directory (None: the user's, ``user_sessions_dir()``)."""
        self.session: Session | None = None
        """The current session; None until something worth keeping happens."""
        self.unsaved = False
        """Whether the session has changes not written yet."""
        self.problem: str | None = None
        """Why the last save failed (None: it worked, or nothing was saved yet)."""
        self._now = now

    # ------------------------------------------------------------------ what it shows

    @property
    def name(self) -> str:
        """The current session's name (an unnamed one until it is named)."""
        return shown_name(self.session.name) if self.session is not None else default_name()

    @property
    def answers(self) -> Answers:
        return self.session.answers if self.session is not None else Answers()

    @property
    def edition(self) -> Edition:
        return self.session.edition if self.session is not None else "2014"

    @property
    def countries(self) -> tuple[str, ...]:
        return self.session.countries if self.session is not None else ()

    def current(self) -> Session:
        """The current session, or a new empty one that is not kept (for an export)."""
        if self.session is not None:
            return self.session
        return new_session(default_name(), now=self._now())

    def entries(self) -> list[SessionEntry]:
        """Every session file, newest first, unreadable ones with their problem."""
        return list_sessions(self.directory)

    # ------------------------------------------------------------------ changes

    def _change(self, session: Session) -> bool:
        if session == self.session:
            return False
        self.session = session
        self.unsaved = True
        return True

    def _started(self) -> Session:
        return self.session or new_session(default_name(), now=self._now())

    def set_answers(self, answers: Answers, edition: Edition) -> bool:
        """The finder's answers and edition; True when the session changed.

        Before anything was kept, a finder with no answers starts no session."""
        if self.session is None and answers == Answers():
            return False
        session = self._started()
        return self._change(dataclasses.replace(session, answers=answers, edition=edition))

    def set_countries(self, compared: Sequence[str], chosen: Sequence[str]) -> bool:
        """The countries compared and opened in the culture area; True when it changed."""
        countries = session_countries(compared, chosen)
        if self.session is None and not countries:
            return False
        session = self._started()
        return self._change(dataclasses.replace(session, countries=countries))

    def add_note(self, text: str) -> bool:
        """A note taken now; raises ``SessionError`` (with what to fix) for a bad note."""
        return self._change(with_note(self._started(), text.strip(), now=self._now()))

    def rename(self, name: str) -> bool:
        """A new name; raises ``SessionError`` (with what to fix) for a bad name."""
        cleaned = " ".join(name.split())[:NAME_MAX]
        return self._change(dataclasses.replace(self._started(), name=cleaned))

    def start_new(self) -> None:
        """Leave the current session (save it first); the next change starts a new one."""
        self.session = None
        self.unsaved = False
        self.problem = None

    def resume(self, session: Session) -> None:
        """Make a saved session the current one (save the current one first)."""
        self.session = session
        self.unsaved = False
        self.problem = None

    def forget(self, session_id: str) -> bool:
        """After ``session_id`` was deleted: if it was the current one, start afresh."""
        if self.session is not None and self.session.id == session_id:
            self.start_new()
            return True
        return False

    # ------------------------------------------------------------------ saving

    def save(self) -> str | None:
        """Write the session if it has unsaved changes; returns the problem, if any.

        A failed save leaves the changes unsaved (the next change tries again)."""
        if self.session is None or not self.unsaved:
            return None
        try:
            saved = save_session(self.session, self.directory, now=self._now())
        except SessionError as problem:
            self.problem = str(problem)
            return self.problem
        self.session = saved
        self.unsaved = False
        self.problem = None
        return None
