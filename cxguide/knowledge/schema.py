"""A small declarative schema language for knowledge files, and the checker that applies it.

Why not a library: the checker must report every problem at once with the real line and column
of the offending key or value, and must collect cross-references (source ids, zone ids, ...) for
a second pass over all files. JSON-schema validators report paths, not lines, and pydantic is not
one of the project's dependencies; the whole checker is about two hundred lines.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cxguide.i18n import _
from cxguide.knowledge.problems import Problem
from cxguide.knowledge.yamlsource import Document, PathKey


@dataclass(frozen=True, slots=True)
class RefUse:
    """A reference from one file to an id defined elsewhere (a source, a zone, ...)."""

    kind: str
    value: str
    where: PathKey


@dataclass(slots=True)
class Checker:
    """Walks a document against a spec, collecting problems and references."""

    document: Document
    problems: list[Problem] = field(default_factory=list)
    refs: list[RefUse] = field(default_factory=list)

    def report(self, where: PathKey, message: str, hint: str, *, at_key: bool = False) -> None:
        self.problems.append(self.document.problem(where, message, hint, at_key=at_key))


def suggestion(value: str, candidates: Sequence[str]) -> str | None:
    """The closest candidate to ``value``, if any is close enough to be a likely typo."""
    folded = {c.casefold(): c for c in candidates}
    matches = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None


def did_you_mean(value: str, candidates: Sequence[str], otherwise: str) -> str:
    """A hint naming the closest candidate, or ``otherwise`` when none is close."""
    match = suggestion(value, candidates)
    if match is not None:
        return _("did you mean '{match}'?").format(match=match)
    return otherwise


def describe(value: Any) -> str:
    """How a YAML value reads to a person, for 'expected X, not Y' messages."""
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return _("yes/no ({value})").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return _("the text '{value}'").format(value=shown)
    if isinstance(value, list):
        return _("a list")
    return _("a mapping")


def _name(where: PathKey) -> str:
    for part in reversed(where):
        if isinstance(part, str):
            return part
    return _("the file")


class Spec:
    """Base of every spec: ``check`` returns True when the value is usable."""

    expected: str = ""

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        raise NotImplementedError

    def wrong_type(self, value: Any, where: PathKey, checker: Checker) -> bool:
        checker.report(
            where,
            _("'{name}' should be {expected}, not {actual}").format(
                name=_name(where), expected=_(self.expected), actual=describe(value)
            ),
            self.example_hint(),
        )
        return False

    def example_hint(self) -> str:
        return _("see docs/knowledge-files.md for the form of this field")


@dataclass(frozen=True)
class Text(Spec):
    """A non-empty string, optionally matching a pattern or one of a few choices."""

    pattern: str | None = None
    pattern_hint: str = ""
    choices: tuple[str, ...] = ()
    expected: str = "text"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.choices:
            value = str(value)  # e.g. edition: 2014 written without quotes
        if not isinstance(value, str):
            return self.wrong_type(value, where, checker)
        if not value.strip():
            checker.report(
                where,
                _("'{name}' is empty").format(name=_name(where)),
                _("write a value, or leave the field out if it is optional"),
            )
            return False
        if self.choices and value not in self.choices:
            options = ", ".join(self.choices)
            checker.report(
                where,
                _("'{value}' is not a valid {name}").format(value=value, name=_name(where)),
                did_you_mean(
                    value, self.choices, _("use one of: {options}").format(options=options)
                ),
            )
            return False
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            checker.report(
                where,
                _("'{value}' is not a valid {name}").format(value=value, name=_name(where)),
                _(self.pattern_hint),
            )
            return False
        return True


@dataclass(frozen=True)
class Ref(Text):
    """An id defined in another file (or elsewhere in this one); resolved in a second pass."""

    kind: str = ""

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not super().check(value, where, checker):
            return False
        checker.refs.append(RefUse(self.kind, value, where))
        return True


@dataclass(frozen=True)
class Number(Spec):
    """A number within an inclusive range; ``integer`` forbids fractions."""

    minimum: float = -math.inf
    maximum: float = math.inf
    integer: bool = False
    range_hint: str = ""
    expected: str = "a number"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return self.wrong_type(value, where, checker)
        if self.integer and not isinstance(value, int):
            return self.wrong_type(value, where, checker)
        if math.isnan(value) or not self.minimum <= value <= self.maximum:
            checker.report(
                where,
                _("'{name}' is {value}, outside the range {low} to {high}").format(
                    name=_name(where), value=value, low=self.minimum, high=self.maximum
                ),
                _(self.range_hint) if self.range_hint else _("correct the value"),
            )
            return False
        return True

    def example_hint(self) -> str:
        if self.integer:
            return _("write a whole number without quotes, such as 2018")
        return _("write a number without quotes, such as 0.25")


@dataclass(frozen=True)
class Boolean(Spec):
    """true or false."""

    expected: str = "true or false"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        return isinstance(value, bool) or self.wrong_type(value, where, checker)

    def example_hint(self) -> str:
        return _("write true or false, without quotes")


@dataclass(frozen=True)
class Nullable(Spec):
    """The inner spec, or null (a value the references do not give)."""

    inner: Spec = field(default_factory=Text)

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        return value is None or self.inner.check(value, where, checker)


@dataclass(frozen=True)
class ListOf(Spec):
    """A list whose items all match ``item``."""

    item: Spec = field(default_factory=Text)
    min_items: int = 0
    max_items: int | None = None
    expected: str = "a list"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if not isinstance(value, list):
            return self.wrong_type(value, where, checker)
        ok = True
        if len(value) < self.min_items or (
            self.max_items is not None and len(value) > self.max_items
        ):
            if self.min_items == self.max_items:
                wanted = _("exactly {n}").format(n=self.min_items)
            elif self.max_items is None:
                wanted = _("at least {n}").format(n=self.min_items)
            else:
                wanted = _("{low} to {high}").format(low=self.min_items, high=self.max_items)
            checker.report(
                where,
                _("'{name}' has {count} items; it needs {wanted}").format(
                    name=_name(where), count=len(value), wanted=wanted
                ),
                _("add or remove items"),
            )
            ok = False
        for index, item in enumerate(value):
            ok = self.item.check(item, (*where, index), checker) and ok
        return ok

    def example_hint(self) -> str:
        return _("write a list, such as [a, b] or one '- item' per line")


@dataclass(frozen=True)
class Field:
    """A field of a record: its spec and whether it must be present."""

    spec: Spec
    required: bool = True
    help: str = ""


Rule = Callable[[dict[str, Any], PathKey, Checker], None]


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with a fixed set of fields; ``rules`` check fields against each other."""

    fields: dict[str, Field] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    expected: str = "a mapping of 'key: value' lines"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if not isinstance(value, dict):
            return self.wrong_type(value, where, checker)
        ok = True
        for key in value:
            if key not in self.fields:
                allowed = ", ".join(self.fields)
                checker.report(
                    (*where, key),
                    _("unknown field '{key}'").format(key=key),
                    did_you_mean(
                        key,
                        list(self.fields),
                        _("allowed fields: {allowed}").format(allowed=allowed),
                    ),
                    at_key=True,
                )
                ok = False
        for name, spec in self.fields.items():
            if name not in value:
                if spec.required:
                    checker.report(
                        where,
                        _("the required field '{name}' is missing").format(name=name),
                        _("add '{name}:' ({help})").format(name=name, help=_(spec.help))
                        if spec.help
                        else _("add '{name}:'").format(name=name),
                    )
                    ok = False
                continue
            ok = spec.spec.check(value[name], (*where, name), checker) and ok
        if ok:
            before = len(checker.problems)
            for rule in self.rules:
                rule(value, where, checker)
            ok = len(checker.problems) == before
        return ok

    def example_hint(self) -> str:
        return _("write 'key: value' lines indented under this field")


def unique_ids(items: list[Any], list_where: PathKey, checker: Checker, key: str = "id") -> None:
    """Report every repeated id in a list of records (the first occurrence is kept)."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(key), str):
            continue
        ident = item[key]
        if ident in seen:
            first = checker.document.mark((*list_where, seen[ident], key))
            checker.report(
                (*list_where, index, key),
                _("duplicate id '{id}' (first at line {line})").format(id=ident, line=first.line),
                _("every id must be unique; rename or remove one of them"),
            )
        else:
            seen[ident] = index
