"""Property tests of the session format: every session round-trips through JSON, and any JSON
text (or any JSON value, or a valid session with one part replaced) given to the loader gives a
Session or a SessionError, never another exception."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import UTC
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cxguide.logic.ranking import (
    CONTEXT_VALUES,
    HAVE_VALUES,
    LEARN_VALUES,
    PHASE_VALUES,
    QUESTION_VALUES,
    TIME_VALUES,
    Answers,
)
from cxguide.session.model import (
    EDITIONS,
    NAME_MAX,
    Session,
    SessionError,
    SessionNote,
    dumps,
    from_dict,
    loads,
    to_dict,
)

SETTINGS = settings(
    max_examples=int(os.environ.get("CXGUIDE_SESSION_EXAMPLES", "200")), deadline=None
)

VISIBLE = st.characters(blacklist_categories=("Cs", "Cc"))
ANY_TEXT_CHAR = st.characters(blacklist_categories=("Cs",))
NAMES = st.text(VISIBLE, min_size=1, max_size=NAME_MAX).filter(lambda s: bool(s.strip()))
NOTE_TEXT = st.text(ANY_TEXT_CHAR, min_size=1, max_size=300).filter(lambda s: bool(s.strip()))
TIMES = st.datetimes(timezones=st.just(UTC))
COUNTRY_IDS = st.from_regex(r"[A-Z][A-Z0-9-]{1,15}", fullmatch=True)
IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", fullmatch=True)


def _maybe(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.sampled_from(values))


ANSWERS = st.builds(
    Answers,
    learn=_maybe(LEARN_VALUES),
    question=_maybe(QUESTION_VALUES),
    context=_maybe(CONTEXT_VALUES),
    phase=_maybe(PHASE_VALUES),
    remote_only=st.one_of(st.none(), st.booleans()),
    have=_maybe(HAVE_VALUES),
    participants=st.one_of(st.none(), st.integers(min_value=1, max_value=10**12)),
    time=_maybe(TIME_VALUES),
    country=st.one_of(st.none(), COUNTRY_IDS),
)
NOTES = st.builds(SessionNote, text=NOTE_TEXT, created=TIMES)
SESSIONS = st.builds(
    Session,
    id=IDS,
    name=NAMES,
    created=TIMES,
    updated=TIMES,
    answers=ANSWERS,
    edition=st.sampled_from(EDITIONS),
    countries=st.lists(COUNTRY_IDS, max_size=8, unique=True).map(tuple),
    notes=st.lists(NOTES, max_size=4).map(tuple),
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(ANY_TEXT_CHAR, max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def test_the_answers_strategy_covers_every_field() -> None:
    built = {"learn", "question", "context", "phase", "remote_only", "have", "participants"}
    built |= {"time", "country"}
    assert built == {f.name for f in dataclasses.fields(Answers)}


@SETTINGS
@given(SESSIONS)
def test_every_session_round_trips_through_json(session: Session) -> None:
    assert loads(dumps(session)) == session
    assert from_dict(json.loads(json.dumps(to_dict(session), ensure_ascii=True))) == session


def _loads_or_refuses(text: str) -> None:
    try:
        result = loads(text)
    except SessionError as problem:
        assert str(problem)
    else:
        assert isinstance(result, Session)


@SETTINGS
@given(st.text())
def test_any_text_gives_a_session_or_a_session_error(text: str) -> None:
    _loads_or_refuses(text)


@SETTINGS
@given(JSON_VALUES)
def test_any_json_value_gives_a_session_or_a_session_error(value: object) -> None:
    _loads_or_refuses(json.dumps(value))


@SETTINGS
@given(SESSIONS, st.data())
def test_a_session_with_one_part_replaced_gives_a_session_or_a_session_error(
    session: Session, data: st.DataObject
) -> None:
    plain = to_dict(session)
    section = data.draw(st.sampled_from(["top", "answers", "notes"]))
    target: dict[str, Any] = plain
    if section == "answers":
        target = plain["answers"]
    elif section == "notes" and plain["notes"]:
        target = plain["notes"][0]
    key = data.draw(st.sampled_from(sorted(target)))
    if data.draw(st.booleans()):
        target[key] = data.draw(JSON_VALUES)
    else:
        del target[key]
    _loads_or_refuses(json.dumps(plain, ensure_ascii=False))
