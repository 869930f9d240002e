"""`cxguide notes`, `cxguide note add|edit|delete` and `cxguide recommend --country`."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Run


def test_notes_json_has_the_cited_notes_with_why(cli: Run) -> None:
    result = cli("notes", "Nigeria", "--topic", "remote", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["country"]["id"] == "NGA"
    assert data["topics"] == ["remote-vs-in-person"]
    by_id = {n["id"]: n for n in data["notes"]}
    assert set(by_id) == {
        "rm-offline-population",
        "rm-web-sample-skew",
        "rm-remote-international-usability",
    }
    assert by_id["rm-offline-population"]["because"] == (
        "applies because traditional–secular-rational is −1.37, below 0; "
        "survival–self-expression is −1.10, below 0 (2018 survey)"
    )
    assert by_id["rm-offline-population"]["ranking_effect"] == "lower"
    for note in data["notes"]:
        assert set(note["sources"]) <= set(data["sources"])


def test_notes_text_and_markdown_have_sections_by_topic(cli: Run) -> None:
    text = cli("notes", "JPN")
    assert text.code == 0, text.err
    for heading in (
        "Briefing: Japan (JPN)",
        "Where it stands",
        "Entering the market",
        "Onboarding staff",
        "Moderating sessions",
        "Your own notes (not cited)",
        "Sources",
    ):
        assert heading in text.out, heading
    markdown = cli("notes", "japan", "--format", "markdown", "--topic", "moderation")
    assert markdown.code == 0
    assert markdown.out.startswith("# Briefing: Japan (JPN)\n")
    assert "## Moderating sessions" in markdown.out
    assert "## Where it stands" not in markdown.out  # a topic asks for the notes only


def test_unknown_topic_and_country_are_clear(cli: Run) -> None:
    topic = cli("notes", "Japan", "--topic", "weather")
    assert topic.code == 2
    assert "unknown topic 'weather'" in topic.err and "moderation" in topic.err
    country = cli("notes", "Atlantis")
    assert country.code == 1
    assert "Atlantis" in country.err


def test_note_add_edit_delete_round_trip(cli: Run, user_dir: Path) -> None:
    added = cli(
        "note",
        "add",
        "Germany",
        "Agency needs <3 weeks> *notice*",
        "--topic",
        "recruiting",
        "--author",
        "Anna",
    )
    assert added.code == 0, added.err
    assert "Added note deu-" in added.err
    note_id = added.err.split()[2]
    listed = json.loads(cli("notes", "DEU", "--format", "json").out)
    assert listed["own_notes"][0]["text"] == "Agency needs <3 weeks> *notice*"
    assert listed["own_notes"][0]["author"] == "Anna"
    assert listed["own_notes"][0]["file"] == str(user_dir / "notes.yaml")
    assert cli("note", "edit", note_id, "--text", "Two weeks").code == 0
    listed = json.loads(cli("notes", "DEU", "--format", "json").out)
    assert listed["own_notes"][0]["text"] == "Two weeks"
    nothing = cli("note", "edit", note_id)
    assert nothing.code == 2 and "--text, --topic or --author" in nothing.err
    assert cli("note", "delete", note_id).code == 0
    assert json.loads(cli("notes", "DEU", "--format", "json").out)["own_notes"] == []
    missing = cli("note", "delete", note_id)
    assert missing.code == 1 and "there is no note" in missing.err


def test_recommend_with_a_country_adds_cited_culture_reasons(cli: Run) -> None:
    result = cli("recommend", "--learn", "say", "--country", "NGA", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["country"] == {"id": "NGA", "name": "Nigeria"}
    assert data["answers"]["country"] == "NGA"
    email = next(m for m in data["methods"] if m["id"] == "email-surveys")
    culture = [r for r in email["reasons"] if r["answer"] == "country"]
    lowered = [r for r in culture if r["points"] < 0]
    assert len(lowered) == 1 and "itu2019" in lowered[0]["sources"]
    assert data["model"]["weights"]["culture_penalty"] == -1.0
    assert {n["id"] for n in data["country_notes"]} >= {"cp-local-and-home-rules"}
    assert "itu2019" in data["sources"]


def test_recommend_markdown_lists_the_country_notes(cli: Run) -> None:
    result = cli("recommend", "--country", "Japan", "--format", "markdown")
    assert result.code == 0
    assert "## Notes for research in Japan (every method)" in result.out
    assert "Target market: Japan (JPN)" in result.out


def test_recommend_with_an_unknown_country_exits_1(cli: Run) -> None:
    result = cli("recommend", "--country", "Narnia")
    assert result.code == 1
    assert "Narnia" in result.err
