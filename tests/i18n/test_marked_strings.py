"""Every user-facing string literal in cxguide/ goes through the translation mechanism.

The rule looks where text reaches a user, not at every string (most strings are ids, keys, CSS
and file names): a string literal, or the literal parts of an f-string, that has a word in it
and is

- an argument that is shown: ``print(...)``, ``sys.stderr.write(...)``, ``widget.update(...)``,
  ``notify(message, title=...)``, ``Static/Label/Button/Markdown(...)``, a ``Binding``'s
  description or tooltip, ``Input(placeholder=...)``, ``TabPane/Tab/Checkbox(...)``,
  ``add_column(s)(...)``, argparse's ``help=``, ``description=``, ``epilog=`` and
  ``parser.error(...)``/``parser.exit(status, message)``, a command palette ``Hit``/
  ``DiscoveryHit``/``SystemCommand`` text, a notification's title;
- assigned to a widget's ``border_title``, ``border_subtitle`` or ``tooltip``;

and is not inside ``_()``, ``N_()``, ``ngettext()`` or ``pgettext()``. A literal that goes
through ``.format()`` counts as the literal. The two branches of ``a if c else b`` and the parts
of ``a + b`` are checked one by one.

Argparse's ``metavar`` (NAME, FILE) is not checked: an upper-case placeholder, conventionally
left as it is (marking it is allowed).

"A word" is a run of two or more letters (any script) left after Rich markup (``[b]``,
``[/]``), format fields (``{name}``) and the names in ``NOT_WORDS`` (product and format names
that are the same in every language) are taken out. So "", "\\n", "{a} → {b}", "[b]{x}[/b]"
and f"cxguide {__version__}" pass, and "Quit" or f"Saved {n} files" fail.

``ALLOWED`` lists the few exceptions, each with its reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cxguide"
MARKERS = {"_", "N_", "ngettext", "pgettext", "npgettext"}

# callee name -> (positions of shown arguments, or None for every positional; shown keywords)
SHOWN: dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]] = {
    "print": (None, ()),
    "write": ((0,), ()),
    "update": ((0,), ()),
    "notify": ((0,), ("message", "title")),
    "Static": ((0,), ("content", "renderable")),
    "Label": ((0,), ("content", "renderable")),
    "Button": ((0,), ("label", "tooltip")),
    "Markdown": ((0,), ("markdown",)),
    "Binding": ((2,), ("description", "tooltip")),
    "Input": ((), ("placeholder", "tooltip")),
    "TabPane": ((0,), ("title",)),
    "Tab": ((0,), ("label",)),
    "Checkbox": ((0,), ("label",)),
    "RadioButton": ((0,), ("label",)),
    "Collapsible": ((), ("title",)),
    "add_column": ((0,), ("label",)),
    "add_columns": (None, ()),
    "add_argument": ((), ("help",)),
    "add_parser": ((), ("help", "description", "epilog")),
    "add_subparsers": ((), ("title", "description", "help")),
    "add_argument_group": ((0, 1), ("title", "description")),
    "add_mutually_exclusive_group": ((), ()),
    "ArgumentParser": ((), ("description", "epilog", "usage")),
    "_Parser": ((), ("description", "epilog", "usage")),
    "error": ((0,), ("message",)),
    "exit": ((1,), ("message",)),
    "Hit": ((2,), ("text", "help")),
    "DiscoveryHit": ((0,), ("display", "text", "help")),
    "SystemCommand": ((0, 1), ("title", "help")),
}
SHOWN_ATTRIBUTES = {"border_title", "border_subtitle", "tooltip"}

# Names that are the same in every language (a string of only these needs no translation).
NOT_WORDS = {"cxguide", "json", "svg", "yaml", "utc", "iso", "wvs", "evs", "cldr", "md", "id"}

# (file relative to cxguide/, the literal) -> why it needs no translation.
ALLOWED: dict[tuple[str, str], str] = {}

_MARKUP = re.compile(r"\[/?[a-z#@$][^\[\]]*\]|\[/\]", re.IGNORECASE)
_FIELD = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Unmarked:
    file: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"cxguide/{self.file}:{self.line}: {self.text!r} is not marked with _()"


def has_words(text: str) -> bool:
    """Whether ``text`` has a word a user reads once markup, fields and NOT_WORDS are gone."""
    stripped = _FIELD.sub(" ", _MARKUP.sub(" ", text))
    return any(word.casefold() not in NOT_WORDS for word in _WORD.findall(stripped))


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literals(node: ast.expr) -> Iterator[tuple[int, str]]:
    """The unmarked literal text that ``node`` shows (nothing for a marked call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.lineno, node.value
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        yield node.lineno, "{}".join(str(p) for p in parts)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        yield from _literals(node.left)
        if isinstance(node.op, ast.Add):
            yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.Call):
        name = _name(node.func)
        if name in MARKERS:
            return
        if name in ("format", "join") and isinstance(node.func, ast.Attribute):
            # "text {x}".format(x=...) shows the literal; ", ".join(...) shows its parts
            yield from _literals(node.func.value)


def _shown_arguments(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    if name not in SHOWN:
        return
    positions, keywords = SHOWN[name]
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            continue
        if positions is None or index in positions:
            yield arg
    for keyword in call.keywords:
        if keyword.arg in keywords:
            yield keyword.value


def unmarked_in(source: str, file: str) -> list[Unmarked]:
    """Every unmarked user-facing literal of one module's source."""
    found: list[Unmarked] = []
    for node in ast.walk(ast.parse(source)):
        shown: list[ast.expr] = []
        if isinstance(node, ast.Call):
            shown.extend(_shown_arguments(node))
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any(
                isinstance(t, ast.Attribute) and t.attr in SHOWN_ATTRIBUTES for t in targets
            ):
                shown.append(node.value)
        for expression in shown:
            for line, text in _literals(expression):
                if has_words(text) and (file, text) not in ALLOWED:
                    found.append(Unmarked(file, line, text))
    return found


def test_every_user_facing_literal_is_marked() -> None:
    problems: list[Unmarked] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        file = path.relative_to(PACKAGE).as_posix()
        problems.extend(unmarked_in(path.read_text(encoding="utf-8"), file))
    assert not problems, "\n".join(str(p) for p in problems)


def test_the_allowlist_has_no_stale_entries() -> None:
    for file, text in ALLOWED:
        source = (PACKAGE / file).read_text(encoding="utf-8")
        assert text in source, f"ALLOWED names {text!r} in {file}, which no longer has it"


# -- the rule itself ---------------------------------------------------------------------------


def _check(code: str) -> list[str]:
    return [u.text for u in unmarked_in(code, "example.py")]


def test_the_rule_finds_shown_literals() -> None:
    assert _check('print("Saved the file")') == ["Saved the file"]
    assert _check('print(f"Saved {count} files")') == ["Saved {} files"]
    assert _check('Binding("q", "quit", "Quit")') == ["Quit"]
    assert _check('self.notify("Done", title="Saved")') == ["Done", "Saved"]
    assert _check('parser.add_argument("--x", help="the x")') == ["the x"]
    assert _check('widget.border_title = "Map"') == ["Map"]
    assert _check('sys.stderr.write("cxguide: no such file\\n")') == ["cxguide: no such file\n"]
    assert _check('label.update("Nothing here" if empty else _("Here"))') == ["Nothing here"]
    assert _check('print("Problem: {x}".format(x=1))') == ["Problem: {x}"]
    assert _check('Static("Швеция")') == ["Швеция"]


def test_the_rule_passes_marked_and_wordless_literals() -> None:
    assert _check('print(_("Saved the file"))') == []
    assert _check('print(ngettext("{n} file", "{n} files", n).format(n=n))') == []
    assert _check('Binding("q", "quit", _("Quit"), id="app.quit")') == []
    assert _check('print("")') == []
    assert _check('print(f"{a} → {b}")') == []
    assert _check('label.update("[b]{name}[/b]")') == []
    assert _check('print(f"cxguide {__version__}")') == []
    assert _check('config.update({"a": "some text"})') == []
    assert _check('text = "Not shown here"') == []
    assert _check('logger.debug("internal message")') == []
