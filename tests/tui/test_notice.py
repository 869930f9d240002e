"""The start-up notice about set-aside files counts problems and files separately."""

from __future__ import annotations

from pathlib import Path

from cxguide.tui.app import CxGuideApp

TWO_PROBLEMS = """\
kind: notes
schema_version: 1
notes:
  - id: de-recruiting-agency
    country: DEU
    text: Our Berlin agency needs three weeks' notice.
    author: Anna
    date: 2026-13-45
    colour: red
"""


def test_notice_counts_problems_and_files(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text(TWO_PROBLEMS, encoding="utf-8")
    app = CxGuideApp(data_dir=str(tmp_path))
    assert app.problems_notice() == (
        "2 problems in 1 knowledge file: it was set aside. "
        "Press 4 (Data) to see where and how to fix them."
    )


def test_no_notice_without_problems(tmp_path: Path) -> None:
    assert CxGuideApp(data_dir=str(tmp_path)).problems_notice() is None
