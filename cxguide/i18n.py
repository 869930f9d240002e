"""The one translation mechanism for every user-facing string.

Strings are marked with ``_()`` (translated when called), ``N_()`` (marked at import time,
translated later with ``_()``), ``ngettext()`` (a message that depends on a count) and
``pgettext()`` (a message whose English is ambiguous, with a context for the translator).
They are standard-library gettext translations; until a language other than English is chosen,
``_`` returns its argument unchanged and nothing is read from disk.

Catalogues are the ``.po`` files under ``cxguide/locale/<lang>/LC_MESSAGES/``, read as they are
(no compiled ``.mo``): a small reader below parses one the first time its language is chosen
(about 5 ms for Russian), so there is no build step and nothing generated to go stale.
``scripts/i18n.py`` keeps them in step with the code.

The language is chosen once at start-up by :func:`choose_language` (the ``--lang`` option, then
``CXGUIDE_LANG``, then the system locale) and can be switched later with :func:`set_language`;
code that shows text (the TUI) registers with :func:`add_language_listener` to redraw.

Country names come from CLDR through Babel, which is imported only when a language other than
English asks for one (:func:`country_name`).
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path

DOMAIN = "cxguide"
LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED: tuple[str, ...] = ("en", "ru")
DEFAULT = "en"
ENV_LANG = "CXGUIDE_LANG"

LanguageListener = Callable[[str], None]

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT
_listeners: list[LanguageListener] = []


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (module-level constants)."""
    return message


# ----------------------------------------------------------------------------------------------
# Choosing the language
# ----------------------------------------------------------------------------------------------


def normalize_language(value: str | None) -> str | None:
    """The supported language ``value`` names ("ru", "RU", "ru_RU.UTF-8", "ru-RU"), or None.

    "C" and "POSIX" (the plain system locale) are English.
    """
    if not value:
        return None
    text = value.strip()
    if text in ("C", "POSIX") or text.startswith(("C.", "POSIX.")):
        return DEFAULT
    code = re.split(r"[_.@\-]", text, maxsplit=1)[0].lower()
    return code if code in SUPPORTED else None


def choose_language(cli_value: str | None, environ: Mapping[str, str]) -> str:
    """The language to use: ``--lang``, else $CXGUIDE_LANG, else the system locale, else English.

    The system locale is read as the C library does: LC_ALL, else LC_MESSAGES, else LANGUAGE
    (a GNU list of preferences such as "ru:en"; its first supported entry), else LANG; the first
    one that is set decides. LANGUAGE is ignored when LANG is "C" or "POSIX", as in GNU
    gettext. A value that names no supported language (say "de_DE.UTF-8") gives English: it is
    the locale the user chose, so it does not fall through to the next variable. Never raises.
    """
    for explicit in (cli_value, environ.get(ENV_LANG)):
        if explicit and explicit.strip():
            return normalize_language(explicit) or DEFAULT
    for name in ("LC_ALL", "LC_MESSAGES"):
        value = environ.get(name, "")
        if value.strip():
            return normalize_language(value) or DEFAULT
    lang = environ.get("LANG", "")
    preferences = environ.get("LANGUAGE", "")
    if preferences.strip() and lang.strip().partition(".")[0] not in ("C", "POSIX"):
        for item in preferences.split(":"):
            found = normalize_language(item)
            if found:
                return found
    return normalize_language(lang) or DEFAULT


def language_from_argv(argv: Sequence[str]) -> str | None:
    """The value of ``--lang X`` or ``--lang=X`` anywhere in ``argv``, before argparse runs.

    Argparse's help is built in the chosen language, so the language must be known first.
    Stops at ``--`` (what follows is not an option). The last ``--lang`` wins, as in argparse.
    """
    found: str | None = None
    items = list(argv)
    for index, item in enumerate(items):
        if item == "--":
            break
        if item == "--lang" and index + 1 < len(items):
            found = items[index + 1]
        elif item.startswith("--lang="):
            found = item.removeprefix("--lang=")
    return found


# ----------------------------------------------------------------------------------------------
# Switching the language
# ----------------------------------------------------------------------------------------------


def current_language() -> str:
    """The language ``_()`` translates into now: one of SUPPORTED."""
    return _language


def set_language(language: str | None) -> str:
    """Switch every later ``_()`` call to ``language`` and tell the listeners; returns it.

    None, "en" or an unsupported value mean English. Values such as "ru_RU.UTF-8" are accepted.
    Listeners are called only when the language really changes.
    """
    global _translations, _language
    chosen = normalize_language(language) or DEFAULT
    if chosen == DEFAULT:
        _translations = _gettext.NullTranslations()
    else:
        _translations = _catalogue(chosen)
    changed = chosen != _language
    _language = chosen
    if changed:
        for listener in tuple(_listeners):
            listener(chosen)
    return chosen


def add_language_listener(listener: LanguageListener) -> Callable[[], None]:
    """Call ``listener(language)`` after every change of language; returns the way to stop.

    The listener is kept (a strong reference) until the returned function or
    :func:`remove_language_listener` removes it.
    """
    _listeners.append(listener)
    return lambda: remove_language_listener(listener)


def remove_language_listener(listener: LanguageListener) -> None:
    """Stop calling ``listener``; nothing happens if it is not registered."""
    if listener in _listeners:
        _listeners.remove(listener)


# ----------------------------------------------------------------------------------------------
# Translating
# ----------------------------------------------------------------------------------------------


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count (Russian has three forms)."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Translate ``message``, an English text with several meanings, in ``context``."""
    return _translations.pgettext(context, message)


# Argparse's own messages (usage, errors) are looked up through ``argparse._``; marked here so
# the extractor puts them in the catalogues. Only those a user of cxguide can meet.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return ngettext(singular, plural, count)


def _argparse_plural_marks() -> None:
    # Marked for the extractor only: argparse's one plural message.
    ngettext("expected %s argument", "expected %s arguments", 1)


def translate_argparse() -> None:
    """Send argparse's own messages ("usage:", "invalid choice: ...") through this module.

    Argparse looks ``_`` and ``ngettext`` up in its module when it formats a message, so
    this works for parsers built before or after, and follows later language changes.
    """
    import argparse

    setattr(argparse, "_", _)  # noqa: B010 - argparse's module-level gettext alias
    setattr(argparse, "ngettext", _argparse_ngettext)  # noqa: B010


# ----------------------------------------------------------------------------------------------
# Country names (CLDR, through Babel)
# ----------------------------------------------------------------------------------------------

# Countries of the data that have no ISO 3166-1 alpha-2 code: their names are ordinary
# messages of the catalogue.
COUNTRIES_WITHOUT_ISO2 = (N_("Northern Ireland"),)


@lru_cache(maxsize=4)
def territory_names(language: str) -> Mapping[str, str]:
    """CLDR's names of territories in ``language``, keyed by ISO 3166-1 alpha-2 code.

    Imports Babel (about 30 ms, then about 25 ms for the data); English returns {}.
    """
    if normalize_language(language) in (None, DEFAULT):
        return {}
    from babel import Locale

    names: Mapping[str, str] = Locale.parse(language).territories
    return {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}


def translate(message: str, language: str) -> str:
    """``message`` in ``language`` without switching the current language (English: as is)."""
    chosen = normalize_language(language)
    if chosen in (None, DEFAULT):
        return message
    return _catalogue(chosen).gettext(message)


def country_name(iso2: str | None, english_name: str, language: str | None = None) -> str:
    """A country's name in ``language`` (default: the current one), from CLDR.

    English gives ``english_name`` unchanged, and so does a code CLDR does not know. A
    country with no alpha-2 code (Northern Ireland) is translated by the catalogue, if at all.
    """
    chosen = normalize_language(language) if language else _language
    if chosen in (None, DEFAULT):
        return english_name
    if not iso2:
        return _catalogue(chosen).gettext(english_name) if chosen else english_name
    return territory_names(chosen).get(iso2.upper(), english_name)


# ----------------------------------------------------------------------------------------------
# Reading a .po catalogue
# ----------------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPE = re.compile(r"\\(.)")


def _unquote(text: str) -> str:
    """The text of one quoted .po string: '"a\\"b"' -> 'a"b'."""
    body = text.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(f"not a quoted string: {text!r}")
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), body[1:-1])


class PoTranslations(_gettext.NullTranslations):
    """A gettext catalogue read straight from the text of a ``.po`` file.

    Fuzzy and empty translations are left out, so their messages stay in English; the header's
    Plural-Forms gives the plural rule, as in a compiled ``.mo``.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.catalog: dict[str, str] = {}
        self.plurals: dict[str, tuple[str, ...]] = {}
        self.plural: Callable[[int], int] = lambda n: int(n != 1)
        for context, msgid, plural_id, strings, fuzzy in _po_entries(text.splitlines()):
            if msgid == "" and context is None:
                self._read_header(strings.get(0, ""))
                continue
            if fuzzy or not strings or not all(strings.values()):
                continue
            key = msgid if context is None else f"{context}\x04{msgid}"
            if plural_id is None:
                self.catalog[key] = strings[0]
            else:
                self.plurals[key] = tuple(strings[i] for i in sorted(strings))

    def _read_header(self, header: str) -> None:
        for line in header.splitlines():
            name, sep, value = line.partition(":")
            if sep and name.strip().lower() == "plural-forms":
                match = re.search(r"plural\s*=\s*([^;]+)", value)
                if match:
                    self.plural = _gettext.c2py(match.group(1).strip())

    def gettext(self, message: str) -> str:
        return self.catalog.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._plural(msgid1, msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.catalog.get(f"{context}\x04{message}", message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._plural(f"{context}\x04{msgid1}", msgid1, msgid2, n)

    def _plural(self, key: str, msgid1: str, msgid2: str, n: int) -> str:
        forms = self.plurals.get(key)
        if forms is None:
            return msgid1 if n == 1 else msgid2
        index = self.plural(n)
        return forms[index] if 0 <= index < len(forms) else forms[-1]


_Entry = tuple[str | None, str, str | None, dict[int, str], bool]


def _po_entries(lines: Iterable[str]) -> list[_Entry]:
    """The entries of a .po file: (context, msgid, msgid_plural, {form: msgstr}, fuzzy).

    Obsolete entries (``#~``) are skipped. Raises ValueError on a line it cannot read.
    """
    entries: list[_Entry] = []
    fields: dict[str, str] = {}
    strings: dict[int, str] = {}
    fuzzy = False
    current: str | None = None

    def finish() -> None:
        nonlocal fields, strings, fuzzy, current
        if "msgid" in fields:
            entries.append(
                (fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"), strings, fuzzy)
            )
        fields, strings, fuzzy, current = {}, {}, False, None

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and current != "msgctxt":
                finish()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"line {number}: a string outside an entry")
            if current.startswith("msgstr"):
                index = int(current[7:-1]) if current != "msgstr" else 0
                strings[index] += _unquote(line)
            else:
                fields[current] += _unquote(line)
            continue
        keyword, _sep, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and current is not None and current.startswith("msgstr"):
            finish()
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            fields[keyword] = _unquote(rest)
        elif keyword == "msgstr" or re.fullmatch(r"msgstr\[\d+\]", keyword):
            strings[0 if keyword == "msgstr" else int(keyword[7:-1])] = _unquote(rest)
        else:
            raise ValueError(f"line {number}: cannot read {raw!r}")
        current = keyword
    finish()
    return entries


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language``, read once; an empty one if there is no file."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        return PoTranslations(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _gettext.NullTranslations()
