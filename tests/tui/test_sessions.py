"""Pilot tests of the workshop sessions: saved as the room goes, listed, resumed, renamed,
duplicated and deleted; files that cannot be read are listed and never touched."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, TextArea

from cxguide.logic.ranking import Answers, Learn
from cxguide.session.model import new_session, with_note
from cxguide.session.store import list_sessions, save_session, user_sessions_dir
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.culture import CultureScreen
from cxguide.tui.screens.finder import FinderScreen
from cxguide.tui.screens.sessions import (
    ConfirmDelete,
    RenameDialog,
    SessionNotesScreen,
    SessionsScreen,
)
from cxguide.tui.workshop import Workshop, session_countries

from .conftest import SIZE, settle

MakeApp = Callable[[], CxGuideApp]


def saved() -> list[dict[str, object]]:
    """Every session file in the (test's own) sessions directory, as JSON data."""
    directory = user_sessions_dir()
    if not directory.exists():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def finder(app: CxGuideApp) -> FinderScreen:
    screen = app.get_screen_stack("methods")[0]
    assert isinstance(screen, FinderScreen)
    return screen


def sessions_screen(app: CxGuideApp) -> SessionsScreen:
    screen = app.screen
    assert isinstance(screen, SessionsScreen)
    return screen


def a_saved_session(name: str, learn: Learn = "say") -> str:
    """Save a session with an answer, two countries and a note; returns its id."""
    session = dataclasses.replace(
        new_session(name), answers=Answers(learn=learn), countries=("DEU", "JPN")
    )
    save_session(with_note(session, "Start with interviews."))
    return session.id


# ---------------------------------------------------------------------- the controller


def test_nothing_is_saved_until_something_happens(tmp_path: Path) -> None:
    workshop = Workshop(tmp_path)
    assert not workshop.set_answers(Answers(), "2014")
    assert not workshop.set_countries((), ())
    assert workshop.save() is None
    assert list(tmp_path.iterdir()) == []
    assert workshop.set_answers(Answers(learn="do"), "2014")
    assert workshop.unsaved
    assert workshop.save() is None
    assert not workshop.unsaved
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]


def test_countries_compared_first_then_opened_at_most_fifty() -> None:
    assert session_countries(("JPN", "DEU"), ("SWE", "DEU")) == ("JPN", "DEU", "SWE")
    many = tuple(f"C{i:02d}" for i in range(60))
    kept = session_countries(("DEU",), many)
    assert len(kept) == 50 and kept[0] == "DEU" and kept[-1] == "C59"


# ---------------------------------------------------------------------- saving as you go


async def test_an_answer_is_saved_in_a_new_session(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert saved() == []  # opening the app writes nothing
        await pilot.press("down", "down")  # step 1: "What people do"
        await settle(pilot, lambda: app.workshop.session is not None)
        assert app.workshop.unsaved  # a moment later...
        app.save_delay = 0
        await settle(pilot, lambda: bool(saved()))
        (data,) = saved()
        assert data["answers"]["learn"] == "do"  # type: ignore[index]
        assert data["name"] == "Unnamed session"
        assert "Unnamed session" in app.title


async def test_countries_and_notes_go_into_the_session(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await app.open_country("JPN")
        await pilot.press("a")
        await app.open_country("DEU")
        await pilot.pause()
        culture = app.screen
        assert isinstance(culture, CultureScreen)
        assert culture.chosen_ids == ("JPN", "DEU")
        await pilot.press("w", "n")
        await settle(pilot, lambda: isinstance(app.screen, SessionNotesScreen))
        app.screen.query_one(TextArea).insert("The room picked Japan first.")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert app.save_session_now()
    (data,) = saved()
    assert data["countries"] == ["JPN", "DEU"]
    assert [n["text"] for n in data["notes"]] == ["The room picked Japan first."]  # type: ignore[attr-defined]


async def test_quitting_saves_the_last_change(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.save_delay = 60
        await pilot.press("down", "down")
        await settle(pilot, lambda: app.workshop.unsaved)
        assert saved() == []
        await pilot.press("q")
    (data,) = saved()
    assert data["answers"]["learn"] == "do"  # type: ignore[index]


# ---------------------------------------------------------------------- resuming


async def test_resume_in_a_fresh_app_shows_the_answers_and_countries(make_app: MakeApp) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        finder(first).set_answer("question", "why")
        finder(first).set_answer("learn", "do")
        await settle(pilot, lambda: first.workshop.answers.learn == "do")
        await pilot.press("2")
        await first.open_country("SWE")
        await pilot.press("a")
        await pilot.pause()
        first.save_session_now()
    (data,) = saved()

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        assert [e.id for e in sessions_screen(app).entries] == [data["id"]]
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, SessionsScreen))
        screen = finder(app)
        await settle(pilot, lambda: screen.ranking.answers == screen.answers)
        assert screen.answers.learn == "do" and screen.answers.question == "why"
        assert app.workshop.session is not None and app.workshop.session.id == data["id"]
        await pilot.press("2")
        await pilot.pause()
        culture = app.screen
        assert isinstance(culture, CultureScreen)
        assert culture.compare_ids == ("SWE",)
    assert len(saved()) == 1  # resuming wrote no second file


async def test_new_session_clears_the_finder(make_app: MakeApp) -> None:
    a_saved_session("Bank workshop", learn="do")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: finder(app).answers.learn == "do")
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        await pilot.press("n")
        await settle(pilot, lambda: finder(app).answers == Answers())
        assert app.workshop.session is None
        assert "Unnamed session" in app.title
    assert len(saved()) == 1


# ---------------------------------------------------------------------- rename, copy, delete


async def test_rename_duplicate_and_delete(make_app: MakeApp) -> None:
    session_id = a_saved_session("Bank workshop")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        await pilot.press("r")
        await settle(pilot, lambda: bool(app.screen.query(Input)))
        app.screen.query_one(Input).value = "   "
        await pilot.press("enter")
        assert isinstance(app.screen, RenameDialog)  # an empty name is explained, not taken
        assert "empty" in str(app.screen.query_one("#rename-problem").render())
        app.screen.query_one(Input).value = "Bank, day 1"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        assert [d["name"] for d in saved()] == ["Bank, day 1"]

        await pilot.press("d")
        await settle(pilot, lambda: len(sessions_screen(app).entries) == 2)
        names = sorted(str(d["name"]) for d in saved())
        assert names == ["Bank, day 1", "Copy of Bank, day 1"]
        copy = sessions_screen(app).highlighted
        assert copy is not None and copy.id != session_id

        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("n")  # no: kept
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        assert len(saved()) == 2
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("y")
        await settle(pilot, lambda: len(sessions_screen(app).entries) == 1)
        assert [d["id"] for d in saved()] == [session_id]


async def test_renaming_the_session_in_use_renames_the_header(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.rename_current_session()
        await settle(pilot, lambda: bool(app.screen.query(Input)))
        app.screen.query_one(Input).value = "Telco kick-off"
        await pilot.press("enter")
        await settle(pilot, lambda: "Telco kick-off" in app.title)
        assert [d["name"] for d in saved()] == ["Telco kick-off"]


async def test_deleting_the_session_in_use_goes_on_unsaved(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        finder(app).set_answer("learn", "do")
        await settle(pilot, lambda: app.workshop.session is not None)
        app.save_session_now()
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("y")
        await settle(pilot, lambda: not sessions_screen(app).entries)
        assert app.workshop.session is None
    assert saved() == []  # quitting does not bring it back


# ---------------------------------------------------------------------- files that cannot be read


async def test_broken_and_newer_files_are_listed_and_left_untouched(make_app: MakeApp) -> None:
    directory = user_sessions_dir()
    directory.mkdir(parents=True, exist_ok=True)
    broken = directory / "20240101-broken.json"
    broken.write_bytes(b'{"schema_version": 1, "name": "half')
    newer = directory / "20240101-future.json"
    newer.write_bytes(
        json.dumps({"schema_version": 99, "id": "20240101-future", "name": "From 2030"}).encode()
    )
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (broken, newer)}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(app.screen, SessionsScreen))
        screen = sessions_screen(app)
        table = screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[1]): str(table.get_row_at(i)[3]) for i in range(2)}
        assert rows == {
            "20240101-broken.json": "Cannot be read: left as it is",
            "20240101-future.json": "Written by a newer cxguide: left as it is",
        }
        for _row in range(2):
            entry = screen.highlighted
            assert entry is not None and not entry.ok
            detail = str(screen.query_one("#session-detail").render())
            assert "will not change, rename or delete this file" in detail
            if entry.newer:
                assert "newer cxguide" in detail
            # Every action on it is refused; nothing crashes.
            for key in ("enter", "r", "d", "x", "delete"):
                await pilot.press(key)
                await pilot.pause()
                assert app.screen is screen
            await pilot.press("down")
        # A new session saved beside them leaves them as they were.
        await pilot.press("escape")
        finder(app).set_answer("learn", "say")
        await settle(pilot, lambda: app.workshop.unsaved)
        assert app.save_session_now()
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (broken, newer)} == before
    assert len(list_sessions()) == 3


async def test_palette_resumes_a_session_by_name(make_app: MakeApp) -> None:
    a_saved_session("Insurance workshop", learn="do")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Resume session: Insurance")
        await settle(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("enter")
        await settle(pilot, lambda: finder(app).answers.learn == "do")
        assert "Insurance workshop" in app.title
