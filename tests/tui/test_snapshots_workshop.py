"""Snapshots of the workshop: presenter view and the light theme of the method finder, and the
list of saved sessions (with a file that cannot be read), at fixed sizes.

Sessions carry fixed ids and times, shown in UTC; nothing depends on the clock. Regenerate with
``pytest tests/tui/test_snapshots_workshop.py --snapshot-update`` only after reading the report.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cxguide.logic.ranking import Answers
from cxguide.session.model import new_session, with_note
from cxguide.session.store import save_session, user_sessions_dir
from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.sessions import SessionsScreen

from .conftest import settle
from .test_snapshots import answer

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]
MAY_FIRST = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so the times shown are the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def app_for(tmp_path: Path, theme: str = "textual-dark") -> CxGuideApp:
    app = CxGuideApp(data_dir=str(tmp_path))
    app.theme = theme
    return app


async def presenter(pilot: Pilot[None]) -> None:
    await answer(pilot)
    await pilot.press("f5")
    await pilot.pause()


async def presenter_chart(pilot: Pilot[None]) -> None:
    await presenter(pilot)
    await pilot.press("c")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_presenter_finder(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=presenter)


@pytest.mark.parametrize("size", SIZES)
def test_presenter_chart(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=presenter_chart)


@pytest.mark.parametrize("size", SIZES)
def test_light_theme_finder(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(app_for(tmp_path, "textual-light"), terminal_size=size, run_before=answer)


def saved_sessions() -> None:
    """Two sessions and a broken file, each at a fixed time."""
    bank = dataclasses.replace(
        new_session("Bank, day 1", now=MAY_FIRST, session_id="20240501-0000bank"),
        answers=Answers(learn="do", question="why", participants=5),
        countries=("DEU", "JPN"),
    )
    save_session(with_note(bank, "Start with interviews.", now=MAY_FIRST), now=MAY_FIRST)
    telco = new_session("Telco kick-off", now=MAY_FIRST, session_id="20240430-000telco")
    save_session(telco, now=datetime(2024, 4, 30, 16, 0, tzinfo=UTC))
    broken = user_sessions_dir() / "20240429-0broken.json"
    broken.write_text('{"schema_version": 1, "name": "half', encoding="utf-8")
    moment = datetime(2024, 4, 29, 12, 0, tzinfo=UTC).timestamp()
    os.utime(broken, (moment, moment))


@pytest.mark.parametrize("size", SIZES)
def test_sessions_list(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    saved_sessions()

    async def open_list(pilot: Pilot[None]) -> None:
        await pilot.press("w", "s")
        await settle(pilot, lambda: isinstance(pilot.app.screen, SessionsScreen))
        await pilot.press("down", "down")  # the file that cannot be read, with its problem
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=open_list)
