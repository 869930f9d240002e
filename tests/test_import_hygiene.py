"""Textual, Rich and YAML are imported only where they are needed.

Each check runs in a fresh interpreter, so modules imported by other tests cannot hide a leak.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HEAVY = ("textual", "rich", "yaml", "cxguide.knowledge.models", "babel")


def _modules_after(code: str, tmp_path: Path) -> dict[str, list[str]]:
    """Run ``code`` in a fresh interpreter; return the loaded modules of each heavy package."""
    probe = (
        "\nimport json, sys\n"
        f"heavy = {{n: sorted(m for m in sys.modules if m.startswith(n)) for n in {HEAVY!r}}}\n"
        'sys.__stdout__.write("\\nMODULES " + json.dumps(heavy) + "\\n")\n'
    )
    user_dir = tmp_path / "user"
    user_dir.mkdir(exist_ok=True)
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code) + probe],
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if k != "CXGUIDE_NO_CACHE"},
            "CXGUIDE_DATA_DIR": str(user_dir),
            "CXGUIDE_CACHE_DIR": str(tmp_path / "cache"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    line = next(ln for ln in completed.stdout.splitlines() if ln.startswith("MODULES "))
    result: dict[str, list[str]] = json.loads(line.removeprefix("MODULES "))
    return result


LIBRARY_USE = """
import cxguide.cli
import cxguide.knowledge
import cxguide.logic
import cxguide.logic.catalogue
import cxguide.export
import cxguide.export.listing
import cxguide.export.text
from cxguide.knowledge.loader import load_knowledge
knowledge = load_knowledge()
assert len(knowledge.methods) == 40, len(knowledge.methods)
assert not knowledge.problems, knowledge.problems
"""


def test_library_imports_and_loading_need_no_textual(tmp_path: Path) -> None:
    cold = _modules_after(LIBRARY_USE, tmp_path)
    # "textual" also covers textual_serve and any other textual* package.
    assert cold["textual"] == []
    # The second run loads the knowledge from the disk cache the first one wrote.
    assert list((tmp_path / "cache").glob("*.pickle"))
    warm = _modules_after(LIBRARY_USE, tmp_path)
    assert warm["textual"] == []


def test_importing_the_cli_is_light(tmp_path: Path) -> None:
    modules = _modules_after("import cxguide.cli\nimport cxguide.export.text\n", tmp_path)
    modules.pop("cxguide.knowledge.models")  # the text renderer draws knowledge: it may load them
    assert modules == {name: [] for name in HEAVY if name != "cxguide.knowledge.models"}


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["methods", "--help"], ["notes", "--help"]]
)
def test_version_and_help_import_neither_yaml_nor_rich(tmp_path: Path, argv: list[str]) -> None:
    modules = _modules_after(
        f"""
        import runpy, sys
        sys.argv = ["cxguide", *{argv!r}]
        try:
            runpy.run_module("cxguide", run_name="__main__", alter_sys=True)
        except SystemExit as stop:
            assert stop.code in (0, None), stop.code
        """,
        tmp_path,
    )
    assert modules == {name: [] for name in HEAVY}


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_machine_formats_do_not_import_rich_or_textual(tmp_path: Path, fmt: str) -> None:
    modules = _modules_after(
        f"""
        import io, sys
        from cxguide.cli import main
        real, sys.stdout = sys.stdout, io.StringIO()
        try:
            assert main(["methods", "--format", {fmt!r}]) == 0
            assert main(["countries", "--format", {fmt!r}]) == 0
        finally:
            sys.stdout = real
        """,
        tmp_path,
    )
    assert modules["rich"] == []
    assert modules["textual"] == []
    assert modules["yaml"]  # the knowledge was really loaded
