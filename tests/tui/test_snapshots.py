"""Snapshots of the methods and culture areas at the smallest and a large terminal size.

The user directory is an empty tmp dir; nothing on screen depends on a clock or chance.
Regenerate with ``pytest tests/tui --snapshot-update`` only after reading the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cxguide.tui.app import CxGuideApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SnapCompare = Callable[..., bool]


def app_for(tmp_path: Path) -> CxGuideApp:
    app = CxGuideApp(data_dir=str(tmp_path))
    app.theme = "textual-dark"
    return app


@pytest.mark.parametrize("size", SIZES)
def test_methods_area(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_methods_area_2022(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, press=["e"])


@pytest.mark.parametrize("size", SIZES)
def test_culture_area(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size, press=["2"])


def test_help_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), press=["question_mark"])
