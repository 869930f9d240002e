"""read_document: YAML text to plain values with real positions, and every way a file can fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxguide.knowledge.yamlsource import Mark, read_document

DUPLICATE_HINT = "YAML would silently keep only the last one; remove or rename one"
TAB = (
    "a tab is used for indentation — "
    "YAML allows only spaces for indentation; replace the tab with spaces"
)
START_HINT = "start it with 'kind:' and 'schema_version:' (see docs/knowledge-files.md)"
NOT_UTF8_HINT = "save the file with UTF-8 encoding in your editor"


def rendered(path: Path) -> list[str]:
    document, problems = read_document(path)
    return [str(p) for p in problems]


# --- a good file -----------------------------------------------------------------------------


def test_values_and_marks_are_real_positions(write_yaml):
    path = write_yaml(
        """\
        # a comment
        kind: notes
        schema_version: 1
        notes:
          - id: de-agency
            text: "quoted: text"
            date: 2026-11-02
            count: 3
            flag: true
        """
    )
    document, problems = read_document(path)
    assert problems == []
    assert document is not None
    assert document.data == {
        "kind": "notes",
        "schema_version": 1,
        "notes": [
            # dates stay text, exactly as written
            {
                "id": "de-agency",
                "text": "quoted: text",
                "date": "2026-11-02",
                "count": 3,
                "flag": True,
            }
        ],
    }
    assert document.keys[("kind",)] == Mark(2, 1)
    assert document.values[("kind",)] == Mark(2, 7)
    assert document.values[("notes", 0)] == Mark(5, 5)
    assert document.keys[("notes", 0, "text")] == Mark(6, 5)
    assert document.values[("notes", 0, "text")] == Mark(6, 11)
    assert document.values[("notes", 0, "date")] == Mark(7, 11)
    # an absent value falls back to the nearest enclosing one
    assert document.mark(("notes", 0, "missing")) == Mark(5, 5)
    assert document.key_mark(("notes", 0, "missing")) == Mark(5, 5)


def test_bom_prefixed_utf8_file_loads_with_unshifted_positions(write_bytes):
    path = write_bytes("\ufeffkind: notes\nschema_version: 1\nnotes: []\n".encode())
    document, problems = read_document(path)
    assert problems == []
    assert document is not None
    assert document.data == {"kind": "notes", "schema_version": 1, "notes": []}
    assert document.keys[("kind",)] == Mark(1, 1)
    assert document.keys[("notes",)] == Mark(3, 1)


# --- duplicate keys --------------------------------------------------------------------------


def test_duplicate_keys_top_level_and_nested_are_both_reported(write_yaml):
    path = write_yaml(
        """\
        kind: notes
        schema_version: 1
        notes:
          - id: first
            text: x
            id: second
        kind: notes
        """
    )
    document, problems = read_document(path)
    assert [str(p) for p in problems] == [
        f"{path}:6:5: duplicate key 'id' (first at line 4) — {DUPLICATE_HINT}",
        f"{path}:7:1: duplicate key 'kind' (first at line 1) — {DUPLICATE_HINT}",
    ]
    # the document is still returned, so the loader can go on finding problems
    assert document is not None
    assert document.data["notes"] == [{"id": "first", "text": "x"}]


def test_duplicate_key_reported_once_per_repeat(write_yaml):
    path = write_yaml("a: 1\nb: 2\na: 3\na: 4\n")
    assert rendered(path) == [
        f"{path}:3:1: duplicate key 'a' (first at line 1) — {DUPLICATE_HINT}",
        f"{path}:4:1: duplicate key 'a' (first at line 1) — {DUPLICATE_HINT}",
    ]


def test_non_scalar_key_is_reported(write_yaml):
    path = write_yaml("? [a, b]\n: c\nd: e\n")
    assert rendered(path) == [
        f"{path}:1:3: a key must be a plain word, not a list or a mapping — "
        "write the key as a single word followed by ':'"
    ]


# --- tabs ------------------------------------------------------------------------------------


def test_every_tab_indented_line_is_reported(write_yaml):
    path = write_yaml("kind: notes\nnotes:\n\t- id: a\n\t  text: b\n  \tdate: c\nok: 1\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:3:1: {TAB}",
        f"{path}:4:1: {TAB}",
        f"{path}:5:3: {TAB}",
    ]


def test_tab_after_indentation_is_not_indentation(write_yaml):
    path = write_yaml("kind:\tnotes\nnotes: []  \t# trailing\n")
    document, problems = read_document(path)
    assert problems == []
    assert document is not None and document.data == {"kind": "notes", "notes": []}


def test_tab_lines_are_counted_as_yaml_counts_lines(write_yaml):
    # A form feed is no line break for YAML or an editor (str.splitlines() would count one).
    path = write_yaml("a: 1\x0c\n\tb: 2\n")
    assert rendered(path) == [f"{path}:2:1: {TAB}"]
    # A lone carriage return is a line break (old Mac line ends).
    path = write_yaml("a: 1\r\tb: 2\r", name="cr.yaml")
    assert rendered(path) == [f"{path}:2:1: {TAB}"]


# --- encodings -------------------------------------------------------------------------------


def test_non_utf8_byte_is_located(write_bytes):
    path = write_bytes(b"kind: notes\nname: caf\xe9\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:2:10: the file is not UTF-8 text (byte 0xe9 cannot be read) — {NOT_UTF8_HINT}"
    ]


def test_non_utf8_column_counts_characters_not_bytes(write_bytes):
    # 'ä' is two bytes; an editor shows the bad byte in column 10, not 11.
    path = write_bytes("kind: notes\nnäme: caf".encode() + b"\xe9\n")
    assert rendered(path) == [
        f"{path}:2:10: the file is not UTF-8 text (byte 0xe9 cannot be read) — {NOT_UTF8_HINT}"
    ]


def test_non_utf8_after_a_bom_is_located_and_named(write_bytes):
    path = write_bytes(b"\xef\xbb\xbfkind: notes\n\xff\n")
    assert rendered(path) == [
        f"{path}:2:1: the file is not UTF-8 text (byte 0xff cannot be read) — {NOT_UTF8_HINT}"
    ]


def test_control_character_is_located(write_yaml):
    path = write_yaml("kind: notes\nname: a\x07b\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:2:8: YAML syntax error: the control character #x0007 is not allowed — "
        "delete it (it is often invisible: retype the text around this place)"
    ]


def test_control_character_column_counts_characters(write_yaml):
    # libyaml reports a byte offset; the problem must still name the character's column.
    path = write_yaml("kind: notes\nnäme: ä\x00\n")
    assert rendered(path) == [
        f"{path}:2:8: YAML syntax error: the control character #x0000 is not allowed — "
        "delete it (it is often invisible: retype the text around this place)"
    ]


# --- files that hold nothing, or are not files -----------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "   \n \n"])
def test_empty_file(write_yaml, text):
    path = write_yaml(text)
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [f"{path}:1:1: the file is empty — {START_HINT}"]


def test_comments_only_file(write_yaml):
    path = write_yaml("# just a comment\n\n# and another\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:1:1: the file holds only comments — {START_HINT}"
    ]


def test_directory_passed_as_a_file(tmp_path):
    document, problems = read_document(tmp_path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{tmp_path}: this is a directory, not a YAML file — "
        "name a .yaml file, or pass the directory to 'cxguide validate'"
    ]
    assert (problems[0].line, problems[0].column) == (0, 0)


def test_missing_file(tmp_path):
    path = tmp_path / "nope.yaml"
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}: the file does not exist — check the path and its spelling"
    ]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(write_yaml):
    path = write_yaml("kind: notes\n")
    path.chmod(0)
    try:
        document, problems = read_document(path)
    finally:
        path.chmod(0o644)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}: the file cannot be read (permission denied) — "
        "give your user read permission on the file"
    ]


# --- malformed YAML --------------------------------------------------------------------------


SYNTAX_HINT = "check the indentation and quoting on this line and the one above"


def test_unclosed_flow_bracket(write_yaml):
    # The parser notices at the ':' of the next line (line 3, column 6), inside the open list.
    path = write_yaml("kind: notes\nnotes: [a, b\nother: 1\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:3:6: YAML syntax error: did not find expected ',' or ']' — {SYNTAX_HINT}"
    ]


def test_unclosed_flow_bracket_at_end_of_file(write_yaml):
    # Reported just past the last line: the file ends with the list still open.
    path = write_yaml("kind: notes\nnotes: [a, b\n")
    assert rendered(path) == [
        f"{path}:3:1: YAML syntax error: did not find expected ',' or ']' — {SYNTAX_HINT}"
    ]


def test_mapping_value_inside_a_plain_value(write_yaml):
    path = write_yaml("kind: notes\na: b: c\n")
    assert rendered(path) == [
        f"{path}:2:5: YAML syntax error: mapping values are not allowed in this context — "
        "a value contains ': '; put the whole value in quotes, or fix the indentation"
    ]


def test_unclosed_quote(write_yaml):
    path = write_yaml("kind: notes\ntext: 'open\n")
    assert rendered(path) == [
        f"{path}:3:1: YAML syntax error: found unexpected end of stream — "
        "a quote or bracket is not closed"
    ]


def test_two_documents_in_one_file(write_yaml):
    path = write_yaml("kind: notes\n---\nkind: sources\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:2:1: YAML syntax error: but found another document — "
        "keep one document per file: remove the '---' separator"
    ]


def test_undefined_alias(write_yaml):
    path = write_yaml("kind: notes\ntext: *star\n")
    assert rendered(path) == [
        f"{path}:2:7: YAML syntax error: found undefined alias — "
        "an '*' starts a value; put the value in quotes or define the anchor"
    ]


# --- values YAML parses but cannot turn into Python values (these used to raise) -------------

UNREADABLE_HINT = "put the value in quotes, and remove any '!' tag in front of it"


@pytest.mark.parametrize(
    ("line", "column", "value", "tag"),
    [
        ("text: =", 7, "=", "tag:yaml.org,2002:value"),
        ("count: !!int many", 8, "many", "tag:yaml.org,2002:int"),
        ("ratio: !!float half", 8, "half", "tag:yaml.org,2002:float"),
        ("flag: !!bool maybe", 7, "maybe", "tag:yaml.org,2002:bool"),
        ("text: !custom value", 7, "value", "!custom"),
    ],
)
def test_unconstructible_scalar_is_a_located_problem(write_yaml, line, column, value, tag):
    path = write_yaml(f"kind: notes\n{line}\n")
    document, problems = read_document(path)
    assert document is not None
    assert [str(p) for p in problems] == [
        f"{path}:2:{column}: the value '{value}' cannot be read (its YAML type is '{tag}') — "
        f"{UNREADABLE_HINT}"
    ]


def test_merge_key_is_a_located_problem(write_yaml):
    path = write_yaml("base: &base {a: 1}\nother:\n  <<: *base\n")
    assert rendered(path) == [
        f"{path}:3:3: the value '<<' cannot be read (its YAML type is 'tag:yaml.org,2002:merge') "
        f"— {UNREADABLE_HINT}"
    ]


def test_alias_inside_its_own_anchor_is_reported_not_endless(write_yaml):
    path = write_yaml("kind: notes\nnotes: &loop\n  - *loop\n")
    document, problems = read_document(path)
    assert [str(p) for p in problems] == [
        f"{path}:2:8: an alias refers to the value that contains it — "
        "write the value out instead of using '*' and '&'"
    ]


def test_aliases_that_are_not_cycles_still_work(write_yaml):
    path = write_yaml("a: &x [1, 2]\nb: *x\nc: *x\n")
    document, problems = read_document(path)
    assert problems == []
    assert document is not None and document.data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


def test_deep_nesting_is_a_problem_not_a_crash(write_yaml):
    depth = 2000
    path = write_yaml("a: " + "[" * depth + "]" * depth + "\n")
    document, problems = read_document(path)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{path}:1:1: the file is nested too deeply to be read — "
        "knowledge files need only a few levels of indentation; flatten the structure"
    ]


def test_alias_bomb_is_refused_quickly_with_a_problem(write_yaml):
    # "Billion laughs": nine levels of ten-fold aliases would expand to 10**9 values.
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        ref = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [" + ",".join([ref] * 10) + "]")
    path = write_yaml("\n".join(lines) + "\n")
    document, problems = read_document(path)
    assert document is None
    assert rendered(path) == [
        f"{path}:1:1: the file expands to more than 200000 values — aliases ('*name') repeat a "
        "value too often; write the values out instead"
    ]
