"""Pilot tests of the exports: each format goes through ``App.deliver_text``, with a sensible
file name, and a terminal run tells the user where the file went."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cxguide.tui.app import CxGuideApp
from cxguide.tui.screens.export_dialog import ExportDialog
from cxguide.tui.screens.finder import FinderScreen
from cxguide.tui.workshop import export_file_name, free_file_name

from .conftest import SIZE, settle

MakeApp = Callable[[], CxGuideApp]
Delivered = list[tuple[str, dict[str, Any]]]


def capture(app: CxGuideApp, monkeypatch: pytest.MonkeyPatch) -> Delivered:
    """Record what the app delivers instead of writing it."""
    delivered: Delivered = []

    def deliver_text(path_or_file: Any, **options: Any) -> str:
        delivered.append((path_or_file.read(), options))
        return "key"

    monkeypatch.setattr(app, "deliver_text", deliver_text)
    return delivered


async def answer_and_name(app: CxGuideApp, pilot: Any) -> None:
    finder = app.screen
    assert isinstance(finder, FinderScreen)
    finder.set_answer("learn", "do")
    finder.set_answer("question", "why")
    await settle(pilot, lambda: app.workshop.answers.question == "why")
    assert app.rename_session(app.workshop.current(), "Bank / day 1")


@pytest.mark.parametrize(
    ("key", "suffix", "starts"),
    [
        ("m", ".md", "# Bank / day 1"),
        ("j", ".json", "{"),
        ("s", ".svg", "<?xml"),
    ],
)
async def test_each_format_is_delivered(
    make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    key: str,
    suffix: str,
    starts: str,
) -> None:
    monkeypatch.setattr("platformdirs.user_downloads_path", lambda: tmp_path / "Downloads")
    app = make_app()
    delivered = capture(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await answer_and_name(app, pilot)
        await pilot.press("w", "e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        await pilot.press(key)
        await settle(pilot, lambda: bool(delivered))
    ((text, options),) = delivered
    assert text.startswith(starts)
    name = options["save_filename"]
    assert name.startswith("cxguide-bank-day-1-") and name.endswith(suffix)
    assert options["save_directory"] == tmp_path / "Downloads"
    assert (tmp_path / "Downloads").is_dir()
    if suffix == ".json":
        assert json.loads(text)["session"]["name"] == "Bank / day 1"


async def test_export_dialog_with_enter_and_escape(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("platformdirs.user_downloads_path", lambda: tmp_path)
    app = make_app()
    delivered = capture(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, FinderScreen))
        assert delivered == []
        await pilot.press("w", "e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        await pilot.press("down", "enter")  # the second format: JSON
        await settle(pilot, lambda: bool(delivered))
    assert delivered[0][1]["save_filename"].endswith(".json")
    # Exporting an empty session keeps nothing in the sessions directory.
    assert app.workshop.session is None


async def test_a_terminal_export_lands_in_downloads_and_says_where(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    downloads = tmp_path / "Downloads"
    monkeypatch.setattr("platformdirs.user_downloads_path", lambda: downloads)
    app = make_app()
    said: list[str] = []
    notify = app.notify

    def record(message: str, **options: Any) -> None:
        said.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", record)
    async with app.run_test(size=SIZE) as pilot:
        await answer_and_name(app, pilot)
        first = app.export_session("md")
        second = app.export_session("md")
        assert first and second and first != second  # an earlier export is never replaced
        await settle(pilot, lambda: len(list(downloads.glob("*.md"))) == 2)
        await settle(pilot, lambda: sum(str(downloads) in m for m in said) == 2)
    text = (downloads / first).read_text(encoding="utf-8")
    assert text.startswith("# Bank / day 1")


def test_file_names(tmp_path: Path) -> None:
    from cxguide.session.model import new_session

    session = new_session("Ünïcode: workshop?")
    name = export_file_name(session, "svg")
    assert name.startswith("cxguide-ünïcode-workshop-") and name.endswith(".svg")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "a-2.md").write_text("x")
    assert free_file_name(tmp_path, "a.md") == "a-3.md"
    assert free_file_name(tmp_path, "b.md") == "b.md"
