"""Every built-in English text has a Russian one, and every cited term is in terms_ru.yaml.

The first test fails, naming each English text (file:line:column) that lacks its Russian text,
until data/ru/ is complete (issue #8, item 3).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cxguide.knowledge.loader import check_file, load_knowledge, translation_paths, yaml_files
from cxguide.knowledge.translations import builtin_languages, missing_translations
from cxguide.paths import builtin_data_dir

TERMS_RU = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "terms_ru.yaml"


def test_every_builtin_text_has_a_russian_text() -> None:
    data = builtin_data_dir()
    assert "ru" in builtin_languages(data), "data/ru/ is missing"
    files = [check_file(p, user=False) for p in yaml_files(data) + translation_paths(data, "ru")]
    missing = [str(p) for p in missing_translations(files, "ru", lambda path: True)]
    assert missing == [], f"{len(missing)} texts without Russian:\n" + "\n".join(missing)


def test_russian_knowledge_loads_without_problems() -> None:
    knowledge = load_knowledge(None, "ru")
    assert [str(p) for p in knowledge.problems] == []
    assert knowledge.translations


def _lookup(tree: Any, path: str) -> Any:
    """The entry at a dotted key path; keys may hold dots' neighbours such as spaces."""
    group, _, key = path.partition(".")
    return tree.get(group, {}).get(key) if isinstance(tree.get(group), dict) else None


def test_cited_terms_are_in_terms_ru() -> None:
    if not TERMS_RU.is_file():
        pytest.skip(f"reference file {TERMS_RU} not found (clone shared/ next to the repository)")
    with TERMS_RU.open(encoding="utf-8") as handle:
        terms = yaml.safe_load(handle)
    problems = []
    for entry in load_knowledge(None, "ru").translations:
        for path in entry.terms_ru:
            found = _lookup(terms, path)
            if not isinstance(found, dict):
                problems.append(f"{entry.origin.path}:{entry.origin.line}: no entry {path}")
            elif entry.basis == "practitioners" and not found.get("ru"):
                problems.append(
                    f"{entry.origin.path}:{entry.origin.line}: {path} gives no Russian term "
                    "(use basis: own)"
                )
    assert problems == []
