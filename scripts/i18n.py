"""Keep the translation catalogues in step with the code.

    python scripts/i18n.py extract    find every marked message in cxguide/ and merge it into
                                      each catalogue: translations kept, new messages added
                                      empty, messages the code no longer has dropped
    python scripts/i18n.py check      report messages that are missing, empty, fuzzy or
                                      obsolete, and translations whose {placeholders} or
                                      %-formats differ from the English; exit 1 on any
    python scripts/i18n.py stats      count the messages and the translated ones

The catalogues are ``cxguide/locale/<lang>/LC_MESSAGES/cxguide.po``; cxguide reads them as they
are at run time (no compiled ``.mo`` files). There is no ``.pot`` template in the repository:
``extract`` builds it in memory from the code each time.

The usual round when the code has new strings:

    .venv/bin/python scripts/i18n.py extract
    # translate the entries with an empty msgstr "" (search the .po for 'msgstr ""' lines that
    # are followed by a blank line); keep {placeholders}, %(name)s, file names, YAML keys and
    # command-line options exactly as in the English
    .venv/bin/python scripts/i18n.py check

Messages are the string arguments of ``_()``, ``N_()``, ``ngettext()`` (singular and plural)
and ``pgettext()`` (context and message). A comment starting with ``Translators:`` on the line
before a marked string is copied into the catalogue as a note for the translator.

Standard library and Babel only.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cxguide"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "cxguide"
LANGUAGES = ("ru",)
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
COMMENT_TAGS = ("Translators:",)
# {name}, {name!r}, {0:>5} ... and %(name)s, %s, %d ... ; '{{' and '%%' are literal.
_BRACE = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")
_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_template() -> Catalog:
    """Every marked message in cxguide/, with the files it appears in (no line numbers)."""
    template = Catalog(project="cxguide", domain=DOMAIN, charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        location = (f"cxguide/{Path(filename).as_posix()}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def placeholders(text: str) -> list[str]:
    """The format fields of ``text``, sorted: '{name}' fields and '%' conversions.

    A named field counts once however often it is used (a translation may repeat or merge
    it); '%s'-style conversions count every time, as their order and number matter.
    """
    fields = {f"{{{m.group(1)}}}" for m in _BRACE.finditer(text)}
    percent = [m.group(0) for m in _PERCENT.finditer(text) if m.group(0) != "%%"]
    return sorted(fields) + sorted(percent)


def _ids(message: Message) -> tuple[str, ...]:
    ids = message.id
    if isinstance(ids, tuple | list):
        return tuple(str(i) for i in ids)
    return (str(ids),)


def _strings(message: Message) -> tuple[str, ...]:
    string = message.string
    if isinstance(string, tuple | list):
        return tuple(str(s or "") for s in string)
    return (str(string or ""),)


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, project="cxguide", domain=DOMAIN, fuzzy=False)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def save(catalog: Catalog, language: str) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        sort_by_file=True,
        include_lineno=False,
        ignore_obsolete=True,
        omit_header=False,
    )
    text = buffer.getvalue()
    if not path.exists() or path.read_bytes() != text:
        path.write_bytes(text)


HEADER_COMMENT = """\
# {language} translation of cxguide's messages.
# Update with `python scripts/i18n.py extract`, check with `python scripts/i18n.py check`.
# Keep {{placeholders}}, %(name)s, file names, YAML keys and command-line options as they are.
#"""


def _version() -> str:
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"__version__\s*=\s*[\"']([^\"']+)", text)
    return match.group(1) if match else ""


def extract(languages: Iterable[str]) -> int:
    template = extract_template()
    for language in languages:
        catalog = load(language)
        before = {m.id for m in catalog if m.id}
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        after = [m for m in catalog if m.id]
        if before == {m.id for m in after}:
            catalog.creation_date = created  # no change of messages: no change of header
        catalog.header_comment = HEADER_COMMENT.format(language=language)
        catalog.project, catalog.version = "cxguide", _version()
        catalog.msgid_bugs_address = ""
        catalog.last_translator = catalog.language_team = "cxguide developers"
        save(catalog, language)
        new = [m for m in after if m.id not in before]
        empty = [m for m in after if not all(_strings(m))]
        print(
            f"{po_path(language).relative_to(ROOT)}: {len(after)} messages, "
            f"{len(new)} new, {len(empty)} to translate"
        )
    return 0


def problems(language: str, template: Catalog | None = None) -> list[str]:
    """Every problem of one catalogue against the code, as 'what: message' lines."""
    template = template if template is not None else extract_template()
    path = po_path(language)
    if not path.exists():
        return [f"{path.relative_to(ROOT)}: no catalogue"]
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    found: list[str] = []
    wanted = {(m.id, m.context) for m in template if m.id}
    have = {(m.id, m.context): m for m in catalog if m.id}
    for key in sorted(wanted - have.keys(), key=repr):
        found.append(f"missing: {key[0]!r}")
    for key in sorted(have.keys() - wanted, key=repr):
        found.append(f"obsolete: {key[0]!r}")
    for key in sorted(wanted & have.keys(), key=repr):
        message = have[key]
        strings = _strings(message)
        if message.fuzzy:
            found.append(f"fuzzy: {key[0]!r}")
        if not all(strings):
            found.append(f"empty: {key[0]!r}")
            continue
        if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
            found.append(f"plural forms ({len(strings)}, want {catalog.num_plurals}): {key[0]!r}")
        expected = placeholders(_ids(message)[-1])
        for form, string in enumerate(strings):
            # Every Russian form needs the plural's fields: form 0 also serves 21, 31, ...
            got = placeholders(string)
            if got != expected:
                found.append(f"placeholders {got} (want {expected}) in form {form}: {key[0]!r}")
    for old in sorted(catalog.obsolete, key=repr):
        found.append(f"obsolete: {old!r}")
    return found


def check(languages: Iterable[str]) -> int:
    template = extract_template()
    status = 0
    for language in languages:
        listed = problems(language, template)
        for line in listed:
            print(f"{language}: {line}")
        if listed:
            status = 1
        else:
            print(f"{language}: {len([m for m in template if m.id])} messages, all translated")
    return status


def stats(languages: Iterable[str]) -> int:
    for language in languages:
        catalog = load(language)
        messages = [m for m in catalog if m.id]
        done = [m for m in messages if all(_strings(m)) and not m.fuzzy]
        plural = [m for m in messages if isinstance(m.id, tuple)]
        print(
            f"{language}: {len(done)}/{len(messages)} translated, {len(plural)} with plural forms"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("action", choices=("extract", "check", "stats"))
    parser.add_argument(
        "languages", nargs="*", default=list(LANGUAGES), help="default: every catalogue"
    )
    args = parser.parse_args(argv)
    action = {"extract": extract, "check": check, "stats": stats}[args.action]
    return action(args.languages)


if __name__ == "__main__":
    sys.exit(main())
