"""A workshop session: what a workshop produced, as frozen data that is checked when it is built.

A session keeps the finder's answers and the landscape edition, the countries chosen and
compared, the notes taken, a name, an id and two timestamps. It stores the *answers only*: the
ranking and the plan are recomputed from them (``cxguide.logic.ranking.rank``) whenever they
are shown or exported, so the YAML knowledge stays the one source of truth for facts.

Everything here is pure: the functions that change a session return a new one. ``to_dict`` /
``from_dict`` (and ``dumps`` / ``loads`` for JSON text) carry ``SCHEMA_VERSION``; bad data
raises ``SessionError`` saying which field, what is wrong and how to fix it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, get_args, get_origin, get_type_hints

from cxguide.i18n import _
from cxguide.knowledge.models import Edition
from cxguide.logic.ranking import Answers

SCHEMA_VERSION = 1
EDITIONS: tuple[Edition, ...] = ("2014", "2022")
NAME_MAX = 200  # characters in a session's name
NOTE_MAX = 20_000  # characters in one note
COUNTRIES_MAX = 50  # countries in one session
# Ids are short and safe in a file name and a URL: the date, a dash and random hex digits.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# Country ids as the knowledge spells them: ISO3 codes, and a few like GB-NIR.
COUNTRY_PATTERN = re.compile(r"[A-Z][A-Z0-9-]{1,15}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_KEYS = ("schema_version", "id", "name", "created", "updated", "edition", "answers")
_OPTIONAL_KEYS = ("countries", "notes")


class SessionError(ValueError):
    """A session's data is wrong: which field, what is wrong and how to fix it, in one line."""

    def __init__(self, where: str, problem: str, fix: str) -> None:
        self.where, self.problem, self.fix = where, problem, fix
        super().__init__(
            _("{where}: {problem} — {fix}").format(where=where, problem=problem, fix=fix)
        )


class NewerSessionError(SessionError):
    """The session was written by a newer cxguide (a higher schema version): left untouched."""


def utc_now() -> datetime:
    """The current time in UTC, to the second: what sessions and notes are stamped with."""
    return datetime.now(UTC).replace(microsecond=0)


def new_id(now: datetime | None = None) -> str:
    """A fresh session id: the UTC date, then 8 random hex digits ('20240501-3fa9c2d1')."""
    return f"{(now or utc_now()).astimezone(UTC):%Y%m%d}-{secrets.token_hex(4)}"


def timestamp_text(moment: datetime) -> str:
    """A timestamp as ISO 8601 UTC text ('2024-05-01T09:30:00Z'), microseconds only if any."""
    spec = "microseconds" if moment.microsecond else "seconds"
    return moment.astimezone(UTC).isoformat(timespec=spec).replace("+00:00", "Z")


def _check_text(where: str, value: str, *, single_line: bool, most: int) -> None:
    if _SURROGATE.search(value):
        raise SessionError(
            where,
            _("it holds a character that is not valid Unicode text"),
            _("remove the broken character"),
        )
    if not value.strip():
        raise SessionError(where, _("it is empty"), _("give at least one visible character"))
    if len(value) > most:
        raise SessionError(
            where,
            _("it has {count} characters, more than {most}").format(count=len(value), most=most),
            _("shorten it"),
        )
    if single_line and _CONTROL.search(value):
        raise SessionError(
            where,
            _("it holds a line break or another control character"),
            _("keep it on one line of visible characters"),
        )


def _check_time(where: str, value: datetime) -> None:
    if value.utcoffset() != timedelta(0):
        raise SessionError(
            where,
            _("the time {value} is not in UTC").format(value=value.isoformat()),
            _("give a UTC time such as 2024-05-01T09:30:00Z"),
        )


@dataclass(frozen=True, slots=True)
class SessionNote:
    """A note taken during the workshop: free text and when it was written (UTC)."""

    text: str
    created: datetime

    def __post_init__(self) -> None:
        _check_text("text", self.text, single_line=False, most=NOTE_MAX)
        _check_time("created", self.created)


@dataclass(frozen=True, slots=True)
class Session:
    """What one workshop produced; the ranking is not stored but recomputed from ``answers``."""

    id: str
    name: str
    created: datetime
    updated: datetime
    answers: Answers = field(default_factory=Answers)
    edition: Edition = "2014"
    countries: tuple[str, ...] = ()  # country ids (ISO3), chosen and compared, in order
    notes: tuple[SessionNote, ...] = ()

    def __post_init__(self) -> None:
        if not ID_PATTERN.fullmatch(self.id):
            raise SessionError(
                "id",
                _("'{value}' is not a session id").format(value=self.id),
                _("use letters, digits, '-' and '_' only, at most 64 of them"),
            )
        _check_text("name", self.name, single_line=True, most=NAME_MAX)
        _check_time("created", self.created)
        _check_time("updated", self.updated)
        if self.edition not in EDITIONS:
            raise SessionError(
                "edition",
                _("'{value}' is not an edition").format(value=self.edition),
                _("use 2014 or 2022"),
            )
        for answer in dataclasses.fields(self.answers):
            value = getattr(self.answers, answer.name)
            if isinstance(value, str) and (_SURROGATE.search(value) or _CONTROL.search(value)):
                raise SessionError(
                    f"answers.{answer.name}",
                    _("it holds a broken or control character"),
                    _("use one of the answer's values"),
                )
        market = self.answers.country
        if market is not None and not COUNTRY_PATTERN.fullmatch(market):
            raise SessionError(
                "answers.country",
                _("'{value}' is not a country id").format(value=market),
                _("use the country's upper-case ISO code, such as DEU, or null"),
            )
        for country in self.countries:
            if not COUNTRY_PATTERN.fullmatch(country):
                raise SessionError(
                    "countries",
                    _("'{value}' is not a country id").format(value=country),
                    _("use the country's upper-case ISO code, such as DEU"),
                )
        if len(set(self.countries)) != len(self.countries):
            raise SessionError(
                "countries", _("a country is listed twice"), _("list each country once")
            )
        if len(self.countries) > COUNTRIES_MAX:
            raise SessionError(
                "countries",
                _("{count} countries are more than {most}").format(
                    count=len(self.countries), most=COUNTRIES_MAX
                ),
                _("remove some"),
            )


def new_session(name: str, now: datetime | None = None, session_id: str | None = None) -> Session:
    """A new, empty session named ``name``, created and updated ``now``."""
    moment = now or utc_now()
    return Session(id=session_id or new_id(moment), name=name, created=moment, updated=moment)


# --- changes: each returns a new session (``updated`` is set when the store saves it) -------


def renamed(session: Session, name: str) -> Session:
    """The session under a new name."""
    return dataclasses.replace(session, name=name)


def with_answers(session: Session, answers: Answers, edition: Edition | None = None) -> Session:
    """The session with the finder's new answers (and edition, when given)."""
    return dataclasses.replace(session, answers=answers, edition=edition or session.edition)


def with_edition(session: Session, edition: Edition) -> Session:
    """The session on another edition of the landscape."""
    return dataclasses.replace(session, edition=edition)


def with_country(session: Session, country_id: str) -> Session:
    """The session with one more country, added at the end (no change if already there)."""
    if country_id in session.countries:
        return session
    return dataclasses.replace(session, countries=(*session.countries, country_id))


def without_country(session: Session, country_id: str) -> Session:
    """The session without that country (no change if it was not there)."""
    return dataclasses.replace(
        session, countries=tuple(c for c in session.countries if c != country_id)
    )


def with_countries(session: Session, country_ids: Iterable[str]) -> Session:
    """The session with exactly these countries, in this order."""
    return dataclasses.replace(session, countries=tuple(country_ids))


def with_note(session: Session, text: str, now: datetime | None = None) -> Session:
    """The session with a new note at the end, stamped ``now``."""
    note = SessionNote(text=text, created=now or utc_now())
    return dataclasses.replace(session, notes=(*session.notes, note))


def without_note(session: Session, index: int) -> Session:
    """The session without its note number ``index`` (from 0); ``IndexError`` if none."""
    if not 0 <= index < len(session.notes):
        raise IndexError(index)
    return dataclasses.replace(session, notes=session.notes[:index] + session.notes[index + 1 :])


def touched(session: Session, now: datetime | None = None) -> Session:
    """The session marked as changed ``now``."""
    return dataclasses.replace(session, updated=now or utc_now())


# --- to and from plain data -------------------------------------------------------------------


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    """Every field of the answers, by name (generic, so new fields are kept)."""
    return {f.name: getattr(answers, f.name) for f in dataclasses.fields(answers)}


def to_dict(session: Session) -> dict[str, Any]:
    """The session as JSON-ready data, with the schema version."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": session.id,
        "name": session.name,
        "created": timestamp_text(session.created),
        "updated": timestamp_text(session.updated),
        "edition": session.edition,
        "answers": answers_to_dict(session.answers),
        "countries": list(session.countries),
        "notes": [{"text": n.text, "created": timestamp_text(n.created)} for n in session.notes],
    }


def _kind(value: object) -> str:
    """What a JSON value is, in plain words."""
    if value is None:
        return _("null")
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


def _expect(where: str, value: object, kind: type, wanted: str) -> None:
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if not ok:
        raise SessionError(
            where,
            _("expected {wanted}, found {found}").format(wanted=wanted, found=_kind(value)),
            _("write {wanted} here").format(wanted=wanted),
        )


def _parse_time(where: str, value: object) -> datetime:
    _expect(where, value, str, _("a UTC time such as 2024-05-01T09:30:00Z"))
    assert isinstance(value, str)
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(value)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        shown = value if len(value) <= 40 else value[:39] + "…"
        raise SessionError(
            where,
            _("'{value}' is not a time with its time zone").format(value=shown),
            _("write a UTC time such as 2024-05-01T09:30:00Z"),
        ) from None


def _allowed(hint: object) -> tuple[tuple[type, ...], tuple[object, ...] | None]:
    """The JSON types a field's type hint allows, and its literal values if it has any."""
    options = get_args(hint) if get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    kinds: list[type] = []
    literals: list[object] = []
    for option in options:
        if option is type(None):
            kinds.append(type(None))
        elif get_origin(option) is Literal:
            literals.extend(get_args(option))
            kinds.extend({type(v) for v in get_args(option)})
        elif isinstance(option, type):
            kinds.append(option)
    return tuple(kinds), tuple(literals) or None


def _answer_value(name: str, value: object, hint: object) -> object:
    kinds, literals = _allowed(hint)
    if value is None:
        fits = type(None) in kinds
    elif literals is not None:
        fits = not isinstance(value, bool) and value in literals
    elif isinstance(value, bool):
        fits = bool in kinds
    else:
        fits = any(k not in (bool, type(None)) and isinstance(value, k) for k in kinds)
    if fits:
        return value
    if literals is not None:
        fix = _("use one of {values}, or null for don't know").format(
            values=", ".join(str(v) for v in literals)
        )
    else:
        wanted = ", ".join(_kind_name(k) for k in kinds if k is not type(None))
        fix = _("use {wanted}, or null for don't know").format(wanted=wanted)
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 40:
        shown = shown[:39] + "…"
    raise SessionError(f"answers.{name}", _("{value} is not allowed").format(value=shown), fix)


def _kind_name(kind: type) -> str:
    return {bool: _("true or false"), int: _("a whole number"), str: _("text")}.get(
        kind, kind.__name__
    )


def answers_from_dict(data: object, where: str = "answers") -> Answers:
    """Answers from their plain data; every field is optional, an unknown one is an error."""
    _expect(where, data, dict, _("an object of answers"))
    assert isinstance(data, dict)
    hints = get_type_hints(Answers)
    names = [f.name for f in dataclasses.fields(Answers)]
    unknown = [key for key in data if key not in names]
    if unknown:
        raise SessionError(
            f"{where}.{unknown[0]}",
            _("this answer is unknown to this version of cxguide"),
            _("use only {names}").format(names=", ".join(names)),
        )
    values = {name: _answer_value(name, data[name], hints[name]) for name in names if name in data}
    try:
        return Answers(**values)  # type: ignore[arg-type]  # each value checked above
    except ValueError as problem:
        raise SessionError(
            where, str(problem), _("use a whole number of at least 1, or null")
        ) from None


def _note_from_dict(index: int, data: object) -> SessionNote:
    where = f"notes[{index}]"
    _expect(where, data, dict, _("an object with text and created"))
    assert isinstance(data, dict)
    for key in data:
        if key not in ("text", "created"):
            raise SessionError(
                f"{where}.{key}", _("this key is unknown"), _("use only text and created")
            )
    for key in ("text", "created"):
        if key not in data:
            raise SessionError(f"{where}.{key}", _("it is missing"), _("add it"))
    _expect(f"{where}.text", data["text"], str, _("text"))
    created = _parse_time(f"{where}.created", data["created"])
    try:
        return SessionNote(text=data["text"], created=created)
    except SessionError as problem:
        raise SessionError(f"{where}.{problem.where}", problem.problem, problem.fix) from None


def check_version(data: Mapping[str, object]) -> None:
    """Refuse data without a schema version, or from a newer cxguide (``NewerSessionError``)."""
    if "schema_version" not in data:
        raise SessionError(
            "schema_version",
            _("it is missing"),
            _("add schema_version: {version}").format(version=SCHEMA_VERSION),
        )
    version = data["schema_version"]
    _expect("schema_version", version, int, _("a whole number"))
    assert isinstance(version, int)
    if version > SCHEMA_VERSION:
        raise NewerSessionError(
            "schema_version",
            _("version {version} was written by a newer cxguide (this one reads {ours})").format(
                version=version, ours=SCHEMA_VERSION
            ),
            _("update cxguide to open it; the file is left as it is"),
        )
    if version < 1:
        raise SessionError(
            "schema_version",
            _("{version} is not a schema version").format(version=version),
            _("use {version}").format(version=SCHEMA_VERSION),
        )


def from_dict(data: object) -> Session:
    """A session from its plain data (as ``to_dict`` makes it); ``SessionError`` if it is wrong."""
    _expect(_("session"), data, dict, _("an object"))
    assert isinstance(data, dict)
    check_version(data)
    for key in data:
        if key not in _KEYS + _OPTIONAL_KEYS:
            raise SessionError(
                str(key),
                _("this key is unknown"),
                _("use only {names}").format(names=", ".join(_KEYS + _OPTIONAL_KEYS)),
            )
    for key in _KEYS:
        if key not in data:
            raise SessionError(key, _("it is missing"), _("add it"))
    _expect("id", data["id"], str, _("text"))
    _expect("name", data["name"], str, _("text"))
    _expect("edition", data["edition"], str, _("text: 2014 or 2022"))
    countries = data.get("countries", [])
    _expect("countries", countries, list, _("a list of country ids"))
    for index, country in enumerate(countries):
        _expect(f"countries[{index}]", country, str, _("a country id such as DEU"))
    notes = data.get("notes", [])
    _expect("notes", notes, list, _("a list of notes"))
    return Session(
        id=data["id"],
        name=data["name"],
        created=_parse_time("created", data["created"]),
        updated=_parse_time("updated", data["updated"]),
        answers=answers_from_dict(data["answers"]),
        edition=data["edition"],
        countries=tuple(countries),
        notes=tuple(_note_from_dict(i, n) for i, n in enumerate(notes)),
    )


def dumps(session: Session) -> str:
    """The session as JSON text (UTF-8 characters kept, two-space indent, a final newline)."""
    return json.dumps(to_dict(session), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> Session:
    """A session from JSON text; ``SessionError`` for bad JSON or bad data, nothing else."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as problem:
        raise SessionError(
            _("line {line}, column {column}").format(line=problem.lineno, column=problem.colno),
            _("this is not valid JSON ({reason})").format(reason=problem.msg),
            _("repair the file or restore it from a copy"),
        ) from None
    except (ValueError, RecursionError) as problem:
        raise SessionError(
            _("file"),
            _("this is not valid JSON ({reason})").format(reason=problem),
            _("repair the file or restore it from a copy"),
        ) from None
    return from_dict(data)
