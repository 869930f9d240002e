"""Pilot tests of the country briefing (area 3): choosing a country, the cited notes that apply
there, the topic filter, and the user's own notes added, edited and deleted through the form.

Every expectation about notes comes from ``cxguide.logic.geo_notes``; files are checked on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Button, TextArea

from cxguide.logic.geo_notes import notes_for, topic_label
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.notes import NotesScreen
from cxguide.tui.widgets.briefing import Briefing
from cxguide.tui.widgets.country_picker import CountryPicker, matching_countries
from cxguide.tui.widgets.key_bar import KeyBar
from cxguide.tui.widgets.note_form import ConfirmDelete, NoteForm

from .conftest import BROKEN_NOTES, GOOD_NOTES, settle

MakeApp = Callable[[], CxGuideApp]
UserFile = Callable[..., Path]
NARROW = (80, 24)
WIDE = (160, 48)


def notes_screen(app: CxGuideApp) -> NotesScreen:
    screen = app.get_screen_stack("notes")[0]
    assert isinstance(screen, NotesScreen)
    return screen


def briefing_text(app: CxGuideApp) -> str:
    return notes_screen(app).query_one(Briefing).plain


def notices_of(app: CxGuideApp) -> list[str]:
    notices: list[str] = []
    app.notify = lambda message, **kwargs: notices.append(str(message))  # type: ignore[method-assign]
    return notices


async def choose(pilot: Any, text: str) -> NotesScreen:
    """Go to area 3, press c, type ``text`` and Enter: the first match's briefing."""
    app: CxGuideApp = pilot.app
    await pilot.press("3")
    await settle(pilot, lambda: app.current_mode == "notes")
    await pilot.press("c")
    await settle(pilot, lambda: isinstance(app.screen, CountryPicker))
    await pilot.press(*text)
    await pilot.press("enter")
    screen = notes_screen(app)
    await settle(pilot, lambda: app.screen is screen and screen.country_id is not None)
    await pilot.pause()
    return screen


async def write_note(pilot: Any, text: str) -> None:
    """Press a, type ``text`` into the form and press Ctrl+S."""
    app: CxGuideApp = pilot.app
    await pilot.press("a")
    await settle(pilot, lambda: isinstance(app.screen, NoteForm))
    await pilot.press(*text)
    await pilot.press("ctrl+s")


def test_matching_countries_by_code_and_name(tmp_path: Path) -> None:
    knowledge = CxGuideApp(data_dir=str(tmp_path)).knowledge
    assert matching_countries(knowledge, "DE")[0].id == "DEU"
    assert matching_countries(knowledge, "nga")[0].id == "NGA"
    assert matching_countries(knowledge, "niger")[0].name == "Nigeria"
    assert "KOR" in [c.id for c in matching_countries(knowledge, "korea")]
    assert len(matching_countries(knowledge, "")) == len(knowledge.countries)
    assert matching_countries(knowledge, "zzzz") == []


async def test_before_a_country_the_area_shows_every_note_and_how_to_start(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = notes_screen(app)
        assert screen.country_id is None
        text = screen.query_one("#notes").plain  # type: ignore[attr-defined]
        assert "Press c to choose a country" in text
        assert "You have no notes yet." in text and "kind: notes" in text


async def test_choosing_a_country_shows_its_briefing_with_cited_notes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await choose(pilot, "nigeria")
        assert screen.country_id == "NGA"
        assert str(screen.query_one("#country-button", Button).label) == "Nigeria (NGA)"
        text = briefing_text(app)
        assert "Country briefing: Nigeria (NGA)" in text
        assert "Zone: African-Islamic" in text
        assert "survey year 2018" in text
        assert "Nearest 5 countries on the map: Ethiopia" in text
        assert "What the position means" in text
        applied = notes_for(app.knowledge, app.knowledge.country("NGA"))  # type: ignore[arg-type]
        assert f"Cited notes for Nigeria ({len(applied)})" in text
        for item in applied:
            assert item.note.guidance in text
            assert item.because in text
        assert "applies because survival–self-expression is −1.10, below 0 (2018 survey)" in text
        # Entering and onboarding come before the research topics.
        assert text.index("Entering the market") < text.index("Onboarding staff")
        assert text.index("Onboarding staff") < text.index("Recruiting participants")
        # Full citations, confidence, evidence.
        source = app.knowledge.sources[applied[0].note.sources[0]]
        assert source.citation("unknown") in text
        assert "Confidence: " in text and "Evidence: " in text
        # The user's own notes: a section of their own, after the cited ones.
        assert text.index("Your own notes on Nigeria (0)") > text.index("Reading the results")
        assert "You have no notes on Nigeria yet. Press a to write one" in text


async def test_an_iso_code_chooses_the_country(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await choose(pilot, "DE")
        assert screen.country_id == "DEU"


async def test_the_topic_filter_shows_one_topic(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await choose(pilot, "nigeria")
        screen.show_topic("recruiting")
        await pilot.pause()
        text = briefing_text(app)
        assert f"{topic_label('recruiting')} only" in text
        assert "Entering the market (" not in text
        assert "Recruiting participants (" in text
        screen.show_topic(None)
        await pilot.pause()
        assert "Entering the market (" in briefing_text(app)


async def test_every_key_is_in_the_key_bar(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await choose(pilot, "nigeria")
        shown = {item.description for item in notes_screen(app).query_one(KeyBar).items}
        for words in ("Country", "Topic", "Add note", "Edit note", "Delete note", "Your notes"):
            assert words in shown, words


async def test_add_edit_and_delete_a_note(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=NARROW) as pilot:
        screen = await choose(pilot, "nigeria")
        await write_note(pilot, "Lagos agency: book early")
        await settle(pilot, lambda: "Lagos agency: book early" in briefing_text(app))
        saved = tmp_path / "notes.yaml"
        assert "Lagos agency: book early" in saved.read_text(encoding="utf-8")
        assert "Your own notes on Nigeria (1)" in briefing_text(app)
        assert f"your file {saved}:" in briefing_text(app)
        assert any("saved" in n for n in notices)
        note = screen.briefing.highlighted_note
        assert note is not None and note.text == "Lagos agency: book early"

        # Edit: the form opens with the text; add to it and save.
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, NoteForm))
        form = app.screen
        assert isinstance(form, NoteForm)
        assert form.query_one(TextArea).text == "Lagos agency: book early"
        await pilot.press(*" and confirm", "ctrl+s")
        await settle(pilot, lambda: "book early and confirm" in briefing_text(app))
        assert "book early and confirm" in saved.read_text(encoding="utf-8")

        # Delete asks first; n keeps the note.
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("n")
        await settle(pilot, lambda: app.screen is screen)
        assert "book early and confirm" in saved.read_text(encoding="utf-8")
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("y")
        await settle(pilot, lambda: "Your own notes on Nigeria (0)" in briefing_text(app))
        assert "book early" not in saved.read_text(encoding="utf-8")


async def test_an_empty_note_is_refused_and_the_form_stays(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await choose(pilot, "nigeria")
        await write_note(pilot, "   ")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoteForm)
        assert "Not saved: the note is empty" in form.error
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, NotesScreen))


async def test_a_broken_notes_file_is_never_changed(make_app: MakeApp, user_file: UserFile) -> None:
    path = user_file(BROKEN_NOTES)
    before = path.read_bytes()
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await choose(pilot, "germany")
        await write_note(pilot, "A new note")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoteForm)
        error = form.error
        assert "has problems, so cxguide will not change it; fix them first" in error
        assert f"{path}:8:11" in error  # the file's own problem, with its line
        assert "Traceback" not in error
        assert path.read_bytes() == before


async def test_a_hand_written_note_says_where_to_edit_it(
    make_app: MakeApp, user_file: UserFile
) -> None:
    path = user_file(GOOD_NOTES, "mine.yaml")
    before = path.read_bytes()
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=WIDE) as pilot:
        screen = await choose(pilot, "germany")
        text = briefing_text(app)
        assert "Our Berlin agency needs three weeks' notice." in text
        assert f"Anna, 2026-11-02 — your file {path}:4 (written by hand: edit it there)" in text
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen
        assert any(f"This note is in {path}, line 4" in n for n in notices)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen
        assert path.read_bytes() == before
