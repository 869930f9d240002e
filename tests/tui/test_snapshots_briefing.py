"""Snapshots of the country briefing (area 3) on Nigeria, at 80x24 and 160x48, and of the
finder's limits step with Nigeria as the target market.

The user directory is an empty tmp dir and nothing shown depends on it, a clock or chance.
Regenerate with ``pytest tests/tui/test_snapshots_briefing.py --snapshot-update`` only after
reading the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.finder import FinderScreen
from cxguide.tui.screens.notes import NotesScreen

from .conftest import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


def app_for(tmp_path: Path) -> CxGuideApp:
    app = CxGuideApp(data_dir=str(tmp_path))
    app.theme = "textual-dark"
    return app


async def nigeria_briefing(pilot: Pilot[None]) -> None:
    await pilot.press("3")
    await settle(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
    screen = pilot.app.screen
    assert isinstance(screen, NotesScreen)
    screen.show_country("NGA")
    screen.briefing.focus()
    await pilot.pause()


async def nigeria_as_target_market(pilot: Pilot[None]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, FinderScreen)
    screen.set_answer("country", "NGA")
    screen.go_step(4)
    await settle(pilot, lambda: screen.ranking.answers == screen.answers)
    screen.show_method("concept-testing", "2014")
    screen.query_one("#answer-country").focus()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_briefing(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=nigeria_briefing)


@pytest.mark.parametrize("size", SIZES)
def test_finder_target_market(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=nigeria_as_target_market)
