"""Snapshots of the method finder, a method's page and the culture area (a country's profile,
the map, the comparison), at 80x24 and 160x48.

The user directory is an empty tmp dir; nothing on screen depends on a clock or chance.
Regenerate with ``pytest tests/tui --snapshot-update`` only after reading the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.culture import CultureScreen
from cxguide.tui.screens.finder import FinderScreen

from .conftest import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


def app_for(tmp_path: Path) -> CxGuideApp:
    app = CxGuideApp(data_dir=str(tmp_path))
    app.theme = "textual-dark"
    return app


# A fixed workshop: behaviour, why, a lab task, designing, remote only, a prototype, 5 people.
ANSWERS: dict[str, str | bool | int] = {
    "learn": "do",
    "question": "why",
    "context": "scripted",
    "phase": "execute",
    "remote_only": True,
    "have": "prototype",
    "participants": 5,
}


def finder_of(pilot: Pilot[None]) -> FinderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, FinderScreen)
    return screen


async def answer(pilot: Pilot[None]) -> None:
    """Give the fixed answers and show step 2, as a user who went back to check would."""
    screen = finder_of(pilot)
    for field, value in ANSWERS.items():
        screen.set_answer(field, value)
    screen.go_step(1)
    await settle(pilot, lambda: screen.ranking.answers == screen.answers)
    await pilot.pause()


async def answer_and_show_chart(pilot: Pilot[None]) -> None:
    await answer(pilot)
    await pilot.press("c")
    await pilot.pause()


async def answer_and_open_lab_studies(pilot: Pilot[None]) -> None:
    await answer(pilot)
    finder_of(pilot).open_method("usability-lab-studies")
    await settle(pilot, lambda: bool(pilot.app.screen.query("#method-view")))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_finder_at_the_start(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_finder_answered(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=answer)


@pytest.mark.parametrize("size", SIZES)
def test_finder_chart(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=answer_and_show_chart)


def test_finder_2022(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), press=["down", "down", "e"])


def test_finder_plan(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def plan(pilot: Pilot[None]) -> None:
        screen = finder_of(pilot)
        screen.set_answer("learn", "both")
        screen.set_answer("question", "both")
        screen.go_step(5)
        await settle(pilot, lambda: screen.ranking.answers == screen.answers)
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), run_before=plan)


def test_method_view(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        app_for(tmp_path), terminal_size=(80, 24), run_before=answer_and_open_lab_studies
    )


def culture_of(pilot: Pilot[None]) -> CultureScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CultureScreen)
    return screen


async def germany_compared_with_japan(pilot: Pilot[None]) -> None:
    """The culture area on Germany, with Japan and Germany in the comparison."""
    app = pilot.app
    assert isinstance(app, CxGuideApp)
    await pilot.press("2")
    await app.open_country("JPN")
    await pilot.press("a")
    await app.open_country("DEU")
    await pilot.press("a")
    await pilot.pause()


async def germany_on_the_map(pilot: Pilot[None]) -> None:
    await germany_compared_with_japan(pilot)
    await pilot.press("m")
    await pilot.pause()


async def three_compared(pilot: Pilot[None]) -> None:
    """Germany, Japan and the United States side by side, Japan's row highlighted."""
    await germany_compared_with_japan(pilot)
    culture_of(pilot).compare_add("USA")
    await pilot.press("v", "down")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_culture_area(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, press=["2"])


@pytest.mark.parametrize("size", SIZES)
def test_culture_profile(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(
        app_for(tmp_path), terminal_size=size, run_before=germany_compared_with_japan
    )


@pytest.mark.parametrize("size", SIZES)
def test_culture_map(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=germany_on_the_map)


@pytest.mark.parametrize("size", SIZES)
def test_culture_compare(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=three_compared)


def test_help_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), press=["question_mark"])
