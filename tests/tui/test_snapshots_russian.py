"""Snapshots of the main screens in Russian, at 80x24 and 160x48: the method finder (its list
and its chart), the culture map with Germany and its nearest countries, and the briefing on
Nigeria. The longer Russian labels must neither be cut off nor overlap.

The app starts in Russian (as with ``--lang ru``); the language goes back to English after each
test, so the other tests stay English. Regenerate with
``pytest tests/tui/test_snapshots_russian.py --snapshot-update`` only after reading the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cxguide.i18n import set_language
from cxguide.tui.app import CxGuideApp

from .test_snapshots import answer, answer_and_show_chart, germany_on_the_map
from .test_snapshots_briefing import nigeria_briefing

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def russian() -> Iterator[None]:
    """Russian while the test runs, English again afterwards."""
    set_language("ru")
    yield
    set_language("en")


def app_for(tmp_path: Path) -> CxGuideApp:
    app = CxGuideApp(data_dir=str(tmp_path))
    app.theme = "textual-dark"
    return app


@pytest.mark.parametrize("size", SIZES)
def test_finder_answered_ru(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=answer)


@pytest.mark.parametrize("size", SIZES)
def test_finder_chart_ru(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=answer_and_show_chart)


@pytest.mark.parametrize("size", SIZES)
def test_culture_map_ru(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=germany_on_the_map)


@pytest.mark.parametrize("size", SIZES)
def test_briefing_ru(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=nigeria_briefing)
