"""Read a YAML file into plain Python values plus the line and column of every value.

PyYAML's composer (with the libyaml C parser when present) gives nodes with positions; this
module turns them into dicts, lists and scalars and keeps a table of where each one stood, so a
semantic problem found later (an unknown id, a value out of range) is reported at its real line.
It also catches what ``yaml.safe_load`` hides or reports badly: duplicate keys, tabs, files that
are empty, not UTF-8, unreadable or directories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxguide.i18n import N_, _
from cxguide.knowledge.problems import Problem

if TYPE_CHECKING:
    import yaml

PathKey = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# What YAML (and so every mark PyYAML gives) counts as a line break; str.splitlines() counts more.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(slots=True)
class Document:
    """A parsed YAML file: its data as plain values, and where each value and key stood."""

    path: Path
    data: Any
    values: dict[PathKey, Mark] = field(default_factory=dict)
    keys: dict[PathKey, Mark] = field(default_factory=dict)

    def mark(self, where: PathKey) -> Mark:
        """Where the value at ``where`` starts; the nearest enclosing value if it is absent."""
        while where:
            found = self.values.get(where)
            if found is not None:
                return found
            where = where[:-1]
        return self.values.get((), Mark(1, 1))

    def key_mark(self, where: PathKey) -> Mark:
        """Where the key naming the value at ``where`` starts (falls back to the value)."""
        return self.keys.get(where) or self.mark(where)

    def problem(self, where: PathKey, message: str, hint: str, *, at_key: bool = False) -> Problem:
        """A problem located at the value (or its key) found at ``where``."""
        mark = self.key_mark(where) if at_key else self.mark(where)
        return Problem(self.path, mark.line, mark.column, message, hint)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _end_of(prefix: str) -> Mark:
    """The line and column just after ``prefix``, counted as YAML counts them."""
    lines = _LINE_BREAK.split(prefix)
    return Mark(len(lines), len(lines[-1]) + 1)


# The largest built-in file holds about 6,000 values; aliases that expand past this are an attack
# ("billion laughs") or a mistake, and would otherwise hang the app.
MAX_VALUES = 200_000


class _TooManyValues(Exception):
    """Raised when a document expands to more than MAX_VALUES values."""


class _Builder:
    """Turns a composed node tree into plain values, recording marks and duplicate keys."""

    def __init__(self, document: Document) -> None:
        import yaml

        self.document = document
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._mapping_node = yaml.MappingNode
        self._sequence_node = yaml.SequenceNode
        self._scalar_node = yaml.ScalarNode
        self._yaml_error = yaml.YAMLError
        self._open: set[int] = set()
        self._built = 0

    def _add(self, node: yaml.Node, message: str, hint: str) -> None:
        mark = _mark(node)
        self.problems.append(Problem(self.document.path, mark.line, mark.column, message, hint))

    def build(self, node: yaml.Node, where: PathKey) -> Any:
        self._built += 1
        if self._built > MAX_VALUES:
            raise _TooManyValues
        self.document.values[where] = _mark(node)
        if isinstance(node, self._scalar_node):
            return self._scalar(node)
        if id(node) in self._open:
            # An alias (*name) inside the very value its anchor (&name) marks: endless otherwise.
            self._add(
                node,
                _("an alias refers to the value that contains it"),
                _("write the value out instead of using '*' and '&'"),
            )
            return None
        self._open.add(id(node))
        try:
            if isinstance(node, self._mapping_node):
                return self._mapping(node, where)
            return [self.build(item, (*where, i)) for i, item in enumerate(node.value)]
        finally:
            self._open.discard(id(node))

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag in (_STR_TAG, _TIMESTAMP_TAG):
            # Dates stay text: the schema checks their form and the app shows them as written.
            return node.value
        try:
            return self._constructor.construct_object(node)
        except (self._yaml_error, ValueError, LookupError, TypeError):
            # e.g. a bare '=' or '<<', '!!int many', or a tag such as '!custom' YAML cannot read.
            self._add(
                node,
                _("the value '{value}' cannot be read (its YAML type is '{tag}')").format(
                    value=node.value, tag=node.tag
                ),
                _("put the value in quotes, and remove any '!' tag in front of it"),
            )
            return node.value

    def _mapping(self, node: yaml.MappingNode, where: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, self._scalar_node):
                mark = _mark(key_node)
                self.problems.append(
                    Problem(
                        self.document.path,
                        mark.line,
                        mark.column,
                        _("a key must be a plain word, not a list or a mapping"),
                        _("write the key as a single word followed by ':'"),
                    )
                )
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str):
                key = str(key_node.value)
            key_mark = _mark(key_node)
            if key in first_seen:
                first = first_seen[key]
                self.problems.append(
                    Problem(
                        self.document.path,
                        key_mark.line,
                        key_mark.column,
                        _("duplicate key '{key}' (first at line {line})").format(
                            key=key, line=first.line
                        ),
                        _("YAML would silently keep only the last one; remove or rename one"),
                    )
                )
                continue
            first_seen[key] = key_mark
            child = (*where, key)
            self.document.keys[child] = key_mark
            result[key] = self.build(value_node, child)
        return result


def _decode(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        # error.object is what was decoded (after any BOM); all before error.start is UTF-8.
        where = _end_of(error.object[: error.start].decode("utf-8", errors="replace"))
        return None, [
            Problem(
                path,
                where.line,
                where.column,
                _("the file is not UTF-8 text (byte 0x{byte:02x} cannot be read)").format(
                    byte=error.object[error.start]
                ),
                _("save the file with UTF-8 encoding in your editor"),
            )
        ]


def _tab_problems(path: Path, text: str) -> list[Problem]:
    problems: list[Problem] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    path,
                    number,
                    indent.index("\t") + 1,
                    _("a tab is used for indentation"),
                    _("YAML allows only spaces for indentation; replace the tab with spaces"),
                )
            )
    return problems


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        N_("a value contains ': '; put the whole value in quotes, or fix the indentation"),
    ),
    (
        "could not find expected ':'",
        N_("a key is missing its ':' or a line is indented differently from its neighbours"),
    ),
    ("found character '\\t'", N_("replace the tab with spaces")),
    ("did not find expected key", N_("check that this line lines up with the keys above it")),
    (
        "found undefined alias",
        N_("an '*' starts a value; put the value in quotes or define the anchor"),
    ),
    ("expected a single document", N_("keep one document per file: remove the '---' separator")),
    ("found unexpected end of stream", N_("a quote or bracket is not closed")),
    ("while scanning a quoted scalar", N_("a quote is not closed")),
)


def _unreadable_character(path: Path, text: str, pattern: re.Pattern[str]) -> Problem:
    found = pattern.search(text)
    index = found.start() if found else 0
    where = _end_of(text[:index])
    return Problem(
        path,
        where.line,
        where.column,
        _("YAML syntax error: the control character #x{code:04x} is not allowed").format(
            code=ord(text[index]) if found else 0
        ),
        _("delete it (it is often invisible: retype the text around this place)"),
    )


def _syntax_problem(path: Path, error: yaml.YAMLError) -> Problem:
    import yaml

    line = column = 1
    problem = str(error)
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        problem = error.problem or error.context or problem
    text = f"{getattr(error, 'context', '') or ''} {problem}"
    hint = _("check the indentation and quoting on this line and the one above")
    for needle, fix in _SYNTAX_HINTS:
        if needle in text:
            hint = _(fix)
            break
    return Problem(
        path, line, column, _("YAML syntax error: {problem}").format(problem=problem), hint
    )


def read_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Parse ``path``; return the document (None when unusable) and every problem found."""
    if path.is_dir():
        return None, [
            Problem(
                path,
                0,
                0,
                _("this is a directory, not a YAML file"),
                _("name a .yaml file, or pass the directory to 'cxguide validate'"),
            )
        ]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [
            Problem(path, 0, 0, _("the file does not exist"), _("check the path and its spelling"))
        ]
    except PermissionError:
        return None, [
            Problem(
                path,
                0,
                0,
                _("the file cannot be read (permission denied)"),
                _("give your user read permission on the file"),
            )
        ]
    except OSError as error:
        return None, [
            Problem(
                path,
                0,
                0,
                _("the file cannot be read ({reason})").format(reason=error.strerror or error),
                _("check that the file exists and is a regular file"),
            )
        ]
    text, problems = _decode(path, raw)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [
            Problem(
                path,
                1,
                1,
                _("the file is empty"),
                _("start it with 'kind:' and 'schema_version:' (see docs/knowledge-files.md)"),
            )
        ]
    problems = _tab_problems(path, text)
    if problems:
        return None, problems
    import yaml  # imported here so that a cached load never pays for it

    loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.reader.ReaderError:
        # Its position is a byte offset with libyaml, a character offset without: find the
        # character itself instead.
        return None, [_unreadable_character(path, text, yaml.reader.Reader.NON_PRINTABLE)]
    except yaml.YAMLError as error:
        return None, [_syntax_problem(path, error)]
    if node is None:
        return None, [
            Problem(
                path,
                1,
                1,
                _("the file holds only comments"),
                _("start it with 'kind:' and 'schema_version:' (see docs/knowledge-files.md)"),
            )
        ]
    document = Document(path=path, data=None)
    builder = _Builder(document)
    try:
        document.data = builder.build(node, ())
    except _TooManyValues:
        return None, [
            Problem(
                path,
                1,
                1,
                _("the file expands to more than {limit} values").format(limit=MAX_VALUES),
                _("aliases ('*name') repeat a value too often; write the values out instead"),
            )
        ]
    except RecursionError:
        return None, [
            Problem(
                path,
                1,
                1,
                _("the file is nested too deeply to be read"),
                _("knowledge files need only a few levels of indentation; flatten the structure"),
            )
        ]
    return document, builder.problems
