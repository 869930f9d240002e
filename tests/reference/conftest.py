"""Fixtures for the drift tests: the shared reference material and the loaded knowledge.

The reference lives beside the repository (``<repo>/../shared/reference``), both here and in CI,
where the repository is cloned with ``shared/`` next to it. If it is missing, every drift test is
skipped with a visible reason rather than failing on an unrelated checkout.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from cxguide.knowledge.loader import load_knowledge
from cxguide.knowledge.models import Knowledge

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference"


def reference_file(name: str) -> Path:
    """A file of the shared reference, or skip the test when the reference is not checked out."""
    path = REFERENCE_DIR / name
    if not path.is_file():
        pytest.skip(f"reference file {path} not found (clone shared/ next to the repository)")
    return path


@pytest.fixture(scope="session")
def rohrer() -> dict[str, Any]:
    """rohrer_methods.yaml, parsed."""
    with reference_file("rohrer_methods.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="session")
def iw_csv_path() -> Path:
    return reference_file("inglehart_welzel.csv")


@pytest.fixture(scope="session")
def iw_rows(iw_csv_path: Path) -> list[dict[str, str]]:
    """The rows of inglehart_welzel.csv, as text."""
    with iw_csv_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    """The built-in knowledge, loaded fresh with an empty user directory."""
    empty = tmp_path_factory.mktemp("empty-user-dir")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CXGUIDE_DATA_DIR", str(empty))
        # Parse the YAML afresh: a disk-cached load could hide what data/ now says.
        patch.setenv("CXGUIDE_NO_CACHE", "1")
        patch.setenv("CXGUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("unused-cache")))
        load_knowledge.cache_clear()
        loaded = load_knowledge(empty)
        load_knowledge.cache_clear()
    assert loaded.problems == (), "\n".join(str(p) for p in loaded.problems)
    yield loaded
