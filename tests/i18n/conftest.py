"""Shared helpers for the translation tests: the catalogue tool and a clean language state."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from cxguide import i18n

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """Every test starts and ends in English, with no language listener left behind."""
    i18n.set_language("en")
    listeners = list(i18n._listeners)
    yield
    i18n.set_language("en")
    i18n._listeners[:] = listeners


@pytest.fixture(scope="session")
def i18n_tool() -> ModuleType:
    """scripts/i18n.py, loaded as a module (scripts/ is not a package)."""
    name = "cxguide_scripts_i18n"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
