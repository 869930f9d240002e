"""Shared fixtures: isolation from the real user's knowledge and cache, and YAML file writing."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cxguide.knowledge.loader import load_knowledge
from cxguide.knowledge.models import Knowledge
from cxguide.paths import ENV_DATA_DIR

WriteYaml = Callable[..., Path]


@pytest.fixture(autouse=True)
def isolated_knowledge(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point cxguide at an empty knowledge directory and start every test with a cold cache.

    The real user's config directory (and any on-disk cache of checked knowledge) never leaks in.
    Yields the empty directory that CXGUIDE_DATA_DIR names.
    """
    empty = tmp_path_factory.mktemp("empty-data-dir")
    monkeypatch.setenv(ENV_DATA_DIR, str(empty))
    monkeypatch.setenv("CXGUIDE_NO_CACHE", "1")
    monkeypatch.setenv("CXGUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("cache-dir")))
    monkeypatch.setenv("CXGUIDE_SESSIONS_DIR", str(tmp_path_factory.mktemp("sessions-dir")))
    load_knowledge.cache_clear()
    yield empty
    load_knowledge.cache_clear()


@pytest.fixture
def write_yaml(tmp_path: Path) -> WriteYaml:
    """Write YAML text (dedented) to a file under tmp_path and return its path.

    Call as ``write_yaml(text)`` or ``write_yaml(text, name="x.yaml", directory=some_dir)``.
    The text is written exactly as dedented: line numbers in tests count from its first line.
    """

    def write(text: str, name: str = "file.yaml", directory: Path | None = None) -> Path:
        folder = directory if directory is not None else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def write_bytes(tmp_path: Path) -> Callable[[bytes, str], Path]:
    """Write raw bytes to a file under tmp_path and return its path."""

    def write(raw: bytes, name: str = "file.yaml") -> Path:
        path = tmp_path / name
        path.write_bytes(raw)
        return path

    return write


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    """The built-in knowledge only, loaded once per module, without reading or writing a cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CXGUIDE_NO_CACHE", "1")
        patch.setenv("CXGUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.setenv(ENV_DATA_DIR, str(tmp_path_factory.mktemp("empty-user-dir")))
        load_knowledge.cache_clear()
        loaded = load_knowledge(None)
        load_knowledge.cache_clear()
    assert not loaded.problems
    yield loaded
