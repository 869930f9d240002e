"""The session model: checked when built, changed by pure functions, to and from plain data."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from cxguide.logic.ranking import Answers
from cxguide.session.model import (
    SCHEMA_VERSION,
    NewerSessionError,
    Session,
    SessionError,
    answers_to_dict,
    dumps,
    from_dict,
    loads,
    new_id,
    new_session,
    renamed,
    timestamp_text,
    to_dict,
    touched,
    with_answers,
    with_countries,
    with_country,
    with_edition,
    with_note,
    without_country,
    without_note,
)

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def _session() -> Session:
    session = new_session("Acme workshop", now=T0, session_id="20240501-acme0001")
    session = with_answers(session, Answers(learn="say", question="why", participants=6))
    session = with_countries(session, ["DEU", "JPN"])
    return with_note(session, "First note.\nSecond line.", now=T0 + timedelta(minutes=5))


def test_a_new_session_is_empty_and_stamped() -> None:
    session = new_session("Acme", now=T0)
    assert session.created == session.updated == T0
    assert session.answers == Answers()
    assert session.edition == "2014"
    assert session.countries == () and session.notes == ()
    assert re.fullmatch(r"20240501-[0-9a-f]{8}", session.id)


def test_ids_are_short_safe_and_fresh() -> None:
    ids = {new_id(T0) for _ in range(50)}
    assert len(ids) == 50
    assert all(re.fullmatch(r"[0-9]{8}-[0-9a-f]{8}", i) for i in ids)


def test_changes_return_new_sessions_and_leave_the_old_one() -> None:
    session = _session()
    assert renamed(session, "New").name == "New" and session.name == "Acme workshop"
    assert with_country(session, "BRA").countries == ("DEU", "JPN", "BRA")
    assert with_country(session, "DEU") is session  # already there: no change
    assert without_country(session, "DEU").countries == ("JPN",)
    assert without_country(session, "XXX").countries == ("DEU", "JPN")
    assert with_edition(session, "2022").edition == "2022"
    answered = with_answers(session, Answers(learn="do"), "2022")
    assert answered.answers == Answers(learn="do") and answered.edition == "2022"
    assert with_answers(session, Answers()).edition == "2014"
    noted = with_note(session, "Third", now=T0)
    assert [n.text for n in noted.notes] == ["First note.\nSecond line.", "Third"]
    assert [n.text for n in without_note(noted, 0).notes] == ["Third"]
    with pytest.raises(IndexError):
        without_note(session, 5)
    assert touched(session, T0 + timedelta(days=1)).updated == T0 + timedelta(days=1)
    assert session.countries == ("DEU", "JPN") and len(session.notes) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: renamed(s, "  "), "name: it is empty — give at least one visible character"),
        (
            lambda s: renamed(s, "two\nlines"),
            "name: it holds a line break or another control character — keep it on one line "
            "of visible characters",
        ),
        (
            lambda s: renamed(s, "x" * 201),
            "name: it has 201 characters, more than 200 — shorten it",
        ),
        (
            lambda s: with_country(s, "deu"),
            "countries: 'deu' is not a country id — use the country's upper-case ISO code, "
            "such as DEU",
        ),
        (
            lambda s: with_countries(s, ["DEU", "DEU"]),
            "countries: a country is listed twice — list each country once",
        ),
        (lambda s: with_note(s, " \n "), "text: it is empty — give at least one visible character"),
        (
            lambda s: dataclasses.replace(s, id="../etc"),
            "id: '../etc' is not a session id — use letters, digits, '-' and '_' only, at most "
            "64 of them",
        ),
        (
            lambda s: dataclasses.replace(s, created=datetime(2024, 1, 1)),
            "created: the time 2024-01-01T00:00:00 is not in UTC — give a UTC time such as "
            "2024-05-01T09:30:00Z",
        ),
        (
            lambda s: with_answers(s, Answers(country="germany")),
            "answers.country: 'germany' is not a country id — use the country's upper-case ISO "
            "code, such as DEU, or null",
        ),
    ],
)
def test_bad_values_are_refused_with_the_field_the_problem_and_the_fix(
    change: Any, message: str
) -> None:
    with pytest.raises(SessionError) as raised:
        change(_session())
    assert str(raised.value) == message


def test_a_time_in_another_zone_is_refused_but_converted_when_read() -> None:
    with pytest.raises(SessionError):
        dataclasses.replace(_session(), updated=T0.astimezone(timezone(timedelta(hours=2))))
    data = to_dict(_session())
    data["updated"] = "2024-05-01T11:30:00+02:00"
    assert from_dict(data).updated == T0


def test_to_dict_is_plain_data_with_every_answer_field() -> None:
    data = to_dict(_session())
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["created"] == "2024-05-01T09:30:00Z"
    assert data["notes"] == [
        {"text": "First note.\nSecond line.", "created": "2024-05-01T09:35:00Z"}
    ]
    # Generic over the dataclass's fields: a field added to Answers is kept without code here.
    assert set(data["answers"]) == {f.name for f in dataclasses.fields(Answers)}
    assert "country" in data["answers"]
    assert json.loads(json.dumps(data)) == data


def test_round_trip_keeps_everything() -> None:
    session = with_answers(_session(), Answers(learn="both", remote_only=True, country="DEU"))
    assert from_dict(to_dict(session)) == session
    assert loads(dumps(session)) == session
    assert answers_to_dict(session.answers)["country"] == "DEU"


def test_timestamps_keep_microseconds_only_when_there_are_some() -> None:
    assert timestamp_text(T0) == "2024-05-01T09:30:00Z"
    assert timestamp_text(T0.replace(microsecond=5)) == "2024-05-01T09:30:00.000005Z"


def _with(**changes: Any) -> dict[str, Any]:
    data = to_dict(_session())
    for key, value in changes.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "session: expected an object, found a list — write an object here"),
        (_with(schema_version=...), "schema_version: it is missing — add schema_version: 1"),
        (
            _with(schema_version="1"),
            "schema_version: expected a whole number, found text — write a whole number here",
        ),
        (_with(name=...), "name: it is missing — add it"),
        (
            _with(colour="red"),
            "colour: this key is unknown — use only schema_version, id, name, created, updated, "
            "edition, answers, countries, notes",
        ),
        (_with(edition="2030"), "edition: '2030' is not an edition — use 2014 or 2022"),
        (
            _with(answers={"learn": "talk"}),
            'answers.learn: "talk" is not allowed — use one of say, do, both, or null for '
            "don't know",
        ),
        (
            _with(answers={"participants": True}),
            "answers.participants: true is not allowed — use a whole number, or null for "
            "don't know",
        ),
        (
            _with(answers={"participants": 2.5}),
            "answers.participants: 2.5 is not allowed — use a whole number, or null for don't know",
        ),
        (
            _with(answers={"remote_only": "yes"}),
            'answers.remote_only: "yes" is not allowed — use true or false, or null for '
            "don't know",
        ),
        (
            _with(answers={"mood": "happy"}),
            "answers.mood: this answer is unknown to this version of cxguide — use only learn, "
            "question, context, phase, remote_only, have, participants, time, country",
        ),
        (
            _with(countries="DEU"),
            "countries: expected a list of country ids, found text — write a list of country "
            "ids here",
        ),
        (
            _with(notes=[{"text": "x"}]),
            "notes[0].created: it is missing — add it",
        ),
        (
            _with(notes=[{"text": "", "created": "2024-05-01T09:30:00Z"}]),
            "notes[0].text: it is empty — give at least one visible character",
        ),
        (
            _with(created="yesterday"),
            "created: 'yesterday' is not a time with its time zone — write a UTC time such as "
            "2024-05-01T09:30:00Z",
        ),
        (
            _with(created="2024-05-01T09:30:00"),
            "created: '2024-05-01T09:30:00' is not a time with its time zone — write a UTC time "
            "such as 2024-05-01T09:30:00Z",
        ),
    ],
)
def test_bad_data_says_which_field_what_is_wrong_and_how_to_fix_it(
    data: object, message: str
) -> None:
    with pytest.raises(SessionError) as raised:
        from_dict(data)
    assert str(raised.value) == message


def test_participants_below_one_is_refused() -> None:
    with pytest.raises(SessionError, match=r"^answers: .*at least 1"):
        from_dict(_with(answers={"participants": 0}))


def test_a_newer_schema_version_is_its_own_error() -> None:
    with pytest.raises(NewerSessionError) as raised:
        from_dict(_with(schema_version=2))
    assert str(raised.value) == (
        "schema_version: version 2 was written by a newer cxguide (this one reads 1) — update "
        "cxguide to open it; the file is left as it is"
    )


def test_bad_json_says_where() -> None:
    with pytest.raises(SessionError) as raised:
        loads('{\n  "id": }')
    assert str(raised.value).startswith("line 2, column 9: this is not valid JSON (")
    with pytest.raises(SessionError):
        loads("[" * 100_000)  # deeper than the parser goes: still a SessionError


def test_a_broken_character_in_the_json_is_refused() -> None:
    data = to_dict(_session())
    text = json.dumps(data).replace('"Acme workshop"', '"Acme \\ud800"')
    with pytest.raises(SessionError, match="^name: it holds a character that is not valid"):
        loads(text)
