"""The session exports: golden files for Markdown, JSON and SVG, and hostile text escaped.

The golden files in tests/golden/ are the exact exports of one fixed session over the built-in
knowledge. When an export changes on purpose (or the knowledge does), rewrite them with
``CXGUIDE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_session_exports.py`` and
read the diff before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cxguide.export.escape import md_inline, md_lines, md_span, xml_attr, xml_text
from cxguide.export.session_json import session_json, session_json_text
from cxguide.export.session_markdown import session_markdown
from cxguide.export.session_svg import session_svg
from cxguide.knowledge.models import Knowledge
from cxguide.logic.ranking import Answers, rank
from cxguide.session.model import (
    Session,
    from_dict,
    new_session,
    with_answers,
    with_countries,
    with_note,
)

GOLDEN = Path(__file__).parent.parent / "golden"
UPDATE = os.environ.get("CXGUIDE_UPDATE_GOLDEN") == "1"
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAME = "<script>alert(1)</script> ]]> *_#[]| & `x`"
HOSTILE_NOTE = "- first\n1. second <b>bold</b> ]]>\n# heading *_#[]|\nnul \x00 bell \x07 end"


def fixed_session() -> Session:
    """A session with fixed ids and times: both ends of both axes asked, two countries, notes."""
    session = new_session("Acme onboarding workshop", now=T0, session_id="20240501-acme0001")
    session = with_answers(
        session,
        Answers(
            learn="both",
            question="both",
            phase="execute",
            have="prototype",
            participants=6,
        ),
        "2014",
    )
    session = with_countries(session, ["DEU", "JPN"])
    session = with_note(
        session,
        "The client starts in Germany.\nRecruit through the panel.",
        now=T0 + timedelta(minutes=10),
    )
    session = with_note(session, "Ask about Japan next time.", now=T0 + timedelta(minutes=40))
    return dataclasses.replace(session, updated=T0 + timedelta(hours=1))


def hostile_session() -> Session:
    session = dataclasses.replace(fixed_session(), name=HOSTILE_NAME)
    return with_note(session, HOSTILE_NOTE, now=T0)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path} is missing: run with CXGUIDE_UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is meant, rerun with "
        "CXGUIDE_UPDATE_GOLDEN=1 and read the diff"
    )


def test_markdown_golden(knowledge: Knowledge) -> None:
    _golden("session_report.md", session_markdown(fixed_session(), knowledge))


def test_json_golden(knowledge: Knowledge) -> None:
    _golden("session_report.json", session_json_text(fixed_session(), knowledge))


def test_svg_golden(knowledge: Knowledge) -> None:
    _golden("session_report.svg", session_svg(fixed_session(), knowledge))


def test_markdown_report_has_every_part(knowledge: Knowledge) -> None:
    text = session_markdown(fixed_session(), knowledge)
    ranking = rank(knowledge, fixed_session().answers, "2014")
    for heading in (
        "# Acme onboarding workshop",
        "## The question",
        "## Methods ranked for this question",
        "## Plan",
        "## Countries on the cultural map",
        "### Nearest countries",
        "### Differences",
        "## Notes from the workshop",
        "## Sources",
    ):
        assert f"\n{heading}\n" in f"\n{text}"
    assert "created 2024-05-01 09:30 UTC, last changed 2024-05-01 10:30 UTC" in text
    assert f"| 1 | {ranking.candidates[0].method.name} |" in text
    for pick in ranking.plan:
        assert pick.method.name in text
    assert "| Germany | DEU |" in text and "| Japan | JPN |" in text
    assert "The client starts in Germany.\\\n  Recruit through the panel." in text
    citation = knowledge.sources["chart2014"].citation()
    assert md_span(citation) in text


def test_the_target_market_is_part_of_the_question(knowledge: Knowledge) -> None:
    session = fixed_session()
    session = with_answers(session, dataclasses.replace(session.answers, country="DEU"))
    text = session_markdown(session, knowledge)
    assert "\n- Target market: Germany (DEU)\n" in text
    assert json.loads(session_json_text(session, knowledge))["session"]["answers"]["country"] == (
        "DEU"
    )


def test_json_session_loads_back_identical(knowledge: Knowledge) -> None:
    session = hostile_session()
    data = json.loads(session_json_text(session, knowledge))
    assert data["schema_version"] == 1
    assert set(data) == {"schema_version", "session", "ranking", "countries"}
    assert from_dict(data["session"]) == session
    assert [c["id"] for c in data["countries"]] == ["DEU", "JPN"]
    assert data["countries"][0]["point"]["name"] == "Germany"
    assert data["countries"][0]["neighbours"]
    assert data["ranking"]["methods"][0]["rank"] == 1
    assert session_json(session, knowledge) == data


def test_countries_missing_from_the_knowledge_are_said_so(knowledge: Knowledge) -> None:
    session = with_countries(fixed_session(), ["ZZZ", "DEU"])
    data = session_json(session, knowledge)
    assert data["countries"][0] == {"id": "ZZZ", "found": False}
    assert "ZZZ: not in the knowledge files" in session_markdown(session, knowledge)
    assert "Not in the knowledge files, so not drawn: ZZZ." in session_svg(session, knowledge)


def test_a_session_without_answers_or_countries_still_exports(knowledge: Knowledge) -> None:
    empty = new_session("Empty", now=T0, session_id="empty")
    assert session_markdown(empty, knowledge).startswith("# Empty\n")
    assert from_dict(session_json(empty, knowledge)["session"]) == empty
    ET.fromstring(session_svg(empty, knowledge).encode("utf-8"))
    edition_2022 = dataclasses.replace(empty, edition="2022")
    assert "whose chart positions were never measured" in session_svg(edition_2022, knowledge)


def test_svg_is_valid_xml_with_two_figures(knowledge: Knowledge) -> None:
    root = ET.fromstring(session_svg(fixed_session(), knowledge).encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert any(t.startswith("Figure 1.") for t in texts)
    assert any(t.startswith("Figure 2.") for t in texts)
    assert any("Germany" in t for t in texts) and any("Japan" in t for t in texts)
    assert sum(1 for t in texts if t == "Sources:") == 2
    assert len(list(root.iter(f"{SVG}svg"))) == 2  # the culture map is nested inside


def test_hostile_text_is_escaped_in_markdown(knowledge: Knowledge) -> None:
    text = session_markdown(hostile_session(), knowledge)
    assert "<script>" not in text and "<b>" not in text and "]]>" not in text
    assert "\x00" not in text and "\x07" not in text
    assert text.startswith(
        "# \\<script\\>alert(1)\\</script\\> \\]\\]\\> \\*\\_\\#\\[\\]\\| & \\`x\\`\n"
    )
    assert "\\- first\\\n  1\\. second \\<b\\>bold\\</b\\> \\]\\]\\>\\\n  \\# heading" in text
    assert "nul \ufffd bell \ufffd end" in text


def test_hostile_text_is_escaped_in_json(knowledge: Knowledge) -> None:
    text = session_json_text(hostile_session(), knowledge)
    assert "\x00" not in text and "\\u0000" in text
    assert from_dict(json.loads(text)["session"]).name == HOSTILE_NAME


def test_hostile_text_is_escaped_in_svg(knowledge: Knowledge) -> None:
    svg = session_svg(hostile_session(), knowledge)
    assert "<script>" not in svg and "]]>" not in svg
    root = ET.fromstring(svg.encode("utf-8"))
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == f"{HOSTILE_NAME} — cxguide workshop session"
    assert root.get("aria-label") == f"{HOSTILE_NAME} — cxguide workshop session"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert HOSTILE_NAME in texts


@pytest.mark.parametrize(
    "text", [HOSTILE_NAME, HOSTILE_NOTE, "\x00\x01\x0b\x0c\x1f\ufffe\uffff", "]]>]]>", "a\"b'c"]
)
def test_xml_escapes_give_well_formed_xml(text: str) -> None:
    element = ET.fromstring(f"<t a={xml_attr(text)}>{xml_text(text)}</t>")
    for value in (element.text or "", element.get("a") or ""):
        assert "\x00" not in value and "\ufffe" not in value
    assert "]]>" not in xml_text(text)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("=== rule", "\\=== rule"),
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("a | b", "a \\| b"),
        ("*bold* _it_ snake_case", "\\*bold\\* \\_it\\_ snake_case"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("`code` ~~del~~", "\\`code\\` \\~\\~del\\~\\~"),
        ("&amp; & &#60;", "\\&amp; & \\&\\#60;"),
        ("two\nlines", "two lines"),
        ("nul\x00", "nul\ufffd"),
    ],
)
def test_markdown_escapes(text: str, escaped: str) -> None:
    assert md_inline(text) == escaped


def test_markdown_lines_keep_breaks_and_escape_each_line_start() -> None:
    assert md_lines("- a\n\n2. b\n  c") == ["\\- a", "2\\. b", "c"]


def test_markdown_golden_in_russian(tmp_path: Path) -> None:
    """The same report in Russian: interface words from the catalogue, knowledge from data/ru."""
    from cxguide.i18n import set_language
    from cxguide.knowledge.loader import load_knowledge

    set_language("ru")
    try:
        russian = load_knowledge(tmp_path, language="ru")
        text = session_markdown(fixed_session(), russian)
    finally:
        set_language("en")
    assert "Германия" in text and "Япония" in text
    _golden("session_report.ru.md", text)
