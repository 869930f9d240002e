"""Helpers for the app tests: an app pointed at tmp_path, user files, and waiting on state."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cxguide.tui.app import CxGuideApp

BROKEN_NOTES = """\
kind: notes
schema_version: 1
notes:
  - id: de-agency
    country: DEU
    text: Our Berlin agency needs notice.
    author: Anna
    date: 2026-13-45
"""

GOOD_NOTES = """\
kind: notes
schema_version: 1
notes:
  - id: de-agency
    country: DEU
    topic: recruiting
    text: Our Berlin agency needs three weeks' notice.
    author: Anna
    date: 2026-11-02
  - id: jp-gifts
    country: Japan
    text: Bring a small gift to home visits.
    author: Ben
    date: 2026-10-01
"""

SIZE = (100, 30)


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[[], CxGuideApp]:
    """A fresh app whose user knowledge directory is tmp_path (never the real user's)."""

    def make() -> CxGuideApp:
        return CxGuideApp(data_dir=str(tmp_path))

    return make


@pytest.fixture
def user_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a file into the app's user knowledge directory."""

    def write(text: str, name: str = "notes.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


async def settle(pilot: Pilot[None], ready: Callable[[], bool], rounds: int = 200) -> None:
    """Let the app process messages until ``ready()`` holds (no sleeping on a clock)."""
    for _round in range(rounds):
        if ready():
            return
        await pilot.pause()
    raise AssertionError("the app never reached the expected state")
