"""The one translation mechanism for every user-facing string.

Strings are marked with ``_()`` (translated when called) or ``N_()`` (marked at import time,
translated later with ``_()``). Catalogues are standard-library gettext catalogues; until a
language other than English is chosen, ``_`` returns its argument unchanged.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

DOMAIN = "cxguide"
LOCALE_DIR = Path(__file__).parent / "locale"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()


def set_language(language: str | None) -> None:
    """Switch every later ``_()`` call to ``language`` (None or "en" means English)."""
    global _translations
    if not language or language == "en":
        _translations = _gettext.NullTranslations()
        return
    _translations = _gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (module-level constants)."""
    return message
