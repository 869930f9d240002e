"""A translated literal inside an f-string is invisible to the catalogue extractor: forbid it."""

from __future__ import annotations

import ast
from pathlib import Path

import cxguide

PACKAGE = Path(cxguide.__file__).parent
MARKERS = {"_", "N_", "ngettext", "pgettext"}


def _hidden_marks(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Name)
                and inner.func.id in MARKERS
                and any(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in inner.args
                )
            ):
                lines.append(inner.lineno)
    return lines


def test_no_marked_literal_hides_inside_an_f_string() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _hidden_marks(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == [], "move these _('...') calls out of the f-string: " + ", ".join(found)


def test_the_check_sees_a_hidden_mark() -> None:
    assert _hidden_marks(ast.parse("x = f\"## {md(_('Hidden'))}\"")) == [1]
