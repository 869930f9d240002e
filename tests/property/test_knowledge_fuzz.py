"""Property tests: damaged knowledge files never crash the checker, and problems point inside them.

Each built-in data file is mutated at random (lines deleted, duplicated, swapped; characters
replaced; text inserted; the file truncated). Whatever comes out, reading and checking it must
return problems, never raise, and every problem must name a real line and column of the damaged
text (line 0 only for a problem with the file as a whole).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxguide.knowledge.loader import CheckedFile, assemble, check_file, check_files, yaml_files
from cxguide.knowledge.problems import Problem
from cxguide.knowledge.yamlsource import read_document
from cxguide.paths import builtin_data_dir

# What YAML counts as a line break (and so what its line numbers count).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

SETTINGS = settings(
    # CXGUIDE_FUZZ_EXAMPLES=5000 for a long hunt; 150 keeps the suite quick.
    max_examples=int(os.environ.get("CXGUIDE_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that matter to YAML, and some that matter to line counting.
SPECIAL = "\t:'\"[]{}-#&*!|>%@`,?=<\n\r \x00\x07\x0c\x85\u2028\ufeffé"
special_char = st.sampled_from(SPECIAL)
any_char = st.one_of(special_char, st.characters(codec="utf-8"))


@functools.cache
def builtin_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in yaml_files(builtin_data_dir())}


@functools.cache
def builtin_checked() -> dict[str, CheckedFile]:
    return {p.name: check_file(p, user=False) for p in yaml_files(builtin_data_dir())}


# A mutation is a small tuple, so that a failing example prints short: where it acts is a
# fraction of the text (or of its lines) rather than an index.
fraction = st.floats(0, 1, allow_nan=False)
mutations = st.one_of(
    st.tuples(st.just("delete line"), fraction),
    st.tuples(st.just("duplicate line"), fraction),
    st.tuples(st.just("swap lines"), fraction, fraction),
    st.tuples(st.just("replace char"), fraction, any_char),
    st.tuples(st.just("truncate"), fraction),
    st.tuples(st.just("insert text"), fraction, st.text(alphabet=any_char, max_size=30)),
)
damaged_files = st.tuples(
    st.sampled_from(sorted(builtin_texts())), st.lists(mutations, min_size=1, max_size=3)
)


def _at(where: float, size: int) -> int:
    return min(int(where * size), max(size - 1, 0))


def mutate(text: str, operation: tuple) -> str:
    kind, where, *rest = operation
    lines = text.splitlines(keepends=True) or [""]
    i = _at(where, len(lines))
    if kind == "delete line":
        return "".join(lines[:i] + lines[i + 1 :])
    if kind == "duplicate line":
        return "".join(lines[: i + 1] + lines[i:])
    if kind == "swap lines":
        j = _at(rest[0], len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "".join(lines)
    position = _at(where, len(text) + 1)
    if kind == "truncate":
        return text[:position]
    if kind == "replace char":
        return text[:position] + rest[0] + text[position + 1 :]
    return text[:position] + rest[0] + text[position:]


@pytest.fixture(scope="module")
def work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def assert_located(problems: list[Problem], path: Path, text: str) -> None:
    lines = LINE_BREAK.split(text)
    for problem in problems:
        assert problem.file == path, str(problem)
        assert problem.message and problem.hint, str(problem)
        if problem.line == 0:
            assert problem.column == 0, str(problem)
            continue
        if problem.line == len(lines) + 1:
            # libyaml puts the end of a stream that lacks a final line break on a line of its own
            assert problem.column == 1, str(problem)
            continue
        assert 1 <= problem.line <= len(lines), str(problem)
        line = lines[problem.line - 1]
        if problem.line == 1:
            line = line.removeprefix("\ufeff")
        assert 1 <= problem.column <= len(line) + 1, str(problem)


@SETTINGS
@given(damaged=damaged_files)
def test_damaged_builtin_file_never_raises_and_problems_are_located(work_dir, damaged):
    name, operations = damaged
    text = builtin_texts()[name]
    for operation in operations:
        text = mutate(text, operation)
    path = write(work_dir, name, text)

    document, problems = read_document(path)
    assert_located(problems, path, text)
    if document is None:
        assert problems, "an unusable document must say why"

    checked = check_file(path, user=True, any_kind=True)
    assert_located(checked.problems, path, text)
    assert problems == checked.problems[: len(problems)]

    # Cross-checked against the rest of the built-in knowledge, as 'cxguide validate' does, and
    # built into models: a file that passes every check must build without error.
    background = [c for n, c in builtin_checked().items() if n != name]
    result = check_files([checked], background)
    assert_located(result.problems, path, text)
    knowledge = assemble([*background, checked])
    assert set(knowledge.problems) >= set(checked.problems)


@SETTINGS
@given(raw=st.binary(max_size=200), name=st.sampled_from(["a.yaml", "b.yml"]))
def test_arbitrary_bytes_never_raise(work_dir, raw, name):
    path = work_dir / name
    path.write_bytes(raw)
    document, problems = read_document(path)
    assert document is not None or problems
    text = raw.decode("utf-8", errors="replace")
    assert_located(problems, path, text)
    checked = check_file(path, user=True)
    assert_located(checked.problems, path, text)


@SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8")))
def test_arbitrary_text_never_raises(work_dir, text):
    path = write(work_dir, "text.yaml", text)
    document, problems = read_document(path)
    assert document is not None or problems
    assert_located(problems, path, text)
    checked = check_file(path, user=True)
    assert_located(checked.problems, path, text)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(SPECIAL + "abk01 \n"), max_size=80))
def test_yaml_punctuation_soup_never_raises(work_dir, text):
    path = write(work_dir, "soup.yaml", "kind: notes\nschema_version: 1\nnotes:\n" + text)
    document, problems = read_document(path)
    assert_located(problems, path, path.read_text(encoding="utf-8"))
    checked = check_file(path, user=True)
    assert_located(checked.problems, path, path.read_text(encoding="utf-8"))
