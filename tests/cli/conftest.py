"""Helpers for the CLI tests: an isolated user directory and in-process / subprocess runners."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from cxguide.cli import main
from cxguide.knowledge.loader import load_knowledge


@dataclass(frozen=True)
class Result:
    """What one run of the command did."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    """A private knowledge cache directory, so the real user's cache is never read or written."""
    return tmp_path / "cache"


@pytest.fixture
def user_dir(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty user knowledge directory, named by CXGUIDE_DATA_DIR for every test here."""
    directory = tmp_path / "user-knowledge"
    directory.mkdir()
    monkeypatch.setenv("CXGUIDE_DATA_DIR", str(directory))
    monkeypatch.setenv("CXGUIDE_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("CXGUIDE_NO_CACHE", raising=False)
    load_knowledge.cache_clear()
    yield directory
    load_knowledge.cache_clear()


@pytest.fixture(autouse=True)
def _isolated(user_dir: Path) -> None:
    """Every CLI test runs with the empty user directory, never the real user's config."""


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``cxguide.cli.main(argv)`` in-process; argparse's SystemExit becomes an exit code."""

    def run(*argv: str) -> Result:
        capsys.readouterr()
        load_knowledge.cache_clear()
        try:
            code = main(list(argv))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli_process(
    user_dir: Path, cache_dir: Path, tmp_path: Path
) -> Callable[[Sequence[str]], Result]:
    """Run ``python -m cxguide ...`` in a fresh interpreter with the isolated user directory."""

    def run(argv: Sequence[str]) -> Result:
        env = {
            **os.environ,
            "CXGUIDE_DATA_DIR": str(user_dir),
            "CXGUIDE_CACHE_DIR": str(cache_dir),
            "PYTHONIOENCODING": "utf-8",
        }
        completed = subprocess.run(
            [sys.executable, "-m", "cxguide", *argv],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        return Result(completed.returncode, completed.stdout, completed.stderr)

    return run
