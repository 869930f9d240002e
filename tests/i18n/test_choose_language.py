"""Which language cxguide speaks: --lang, then CXGUIDE_LANG, the system locale, English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxguide.i18n import (
    SUPPORTED,
    choose_language,
    language_from_argv,
    normalize_language,
)


@pytest.mark.parametrize(
    ("cli", "environ", "expected"),
    [
        (None, {}, "en"),
        ("ru", {}, "ru"),
        ("en", {"CXGUIDE_LANG": "ru", "LANG": "ru_RU.UTF-8"}, "en"),
        (None, {"CXGUIDE_LANG": "ru"}, "ru"),
        (None, {"CXGUIDE_LANG": "en", "LC_ALL": "ru_RU.UTF-8"}, "en"),
        (None, {"CXGUIDE_LANG": "de"}, "en"),  # unknown: English, not the next source
        (None, {"CXGUIDE_LANG": "  "}, "en"),  # blank counts as unset
        (None, {"CXGUIDE_LANG": "  ", "LANG": "ru_RU.UTF-8"}, "ru"),
        (None, {"LANG": "ru_RU.UTF-8"}, "ru"),
        (None, {"LANG": "ru_UA.KOI8-U"}, "ru"),
        (None, {"LANG": "ru"}, "ru"),
        (None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "POSIX"}, "en"),
        (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LANG": "ru_RU.UTF-8"}, "ru"),  # empty counts as unset
        (None, {"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        (None, {"LC_ALL": "C", "LC_MESSAGES": "ru_RU.UTF-8"}, "en"),
        (None, {"LANGUAGE": "ru:en", "LANG": "en_US.UTF-8"}, "ru"),
        (None, {"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, "ru"),  # first supported
        (None, {"LANGUAGE": "de", "LANG": "ru_RU.UTF-8"}, "ru"),  # nothing usable: LANG
        (None, {"LANGUAGE": "ru", "LANG": "C"}, "en"),  # GNU: LANGUAGE is ignored under C
        (None, {"LANGUAGE": "ru"}, "ru"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANGUAGE": "ru"}, "en"),
    ],
)
def test_precedence(cli: str | None, environ: dict[str, str], expected: str) -> None:
    assert choose_language(cli, environ) == expected


@given(
    cli=st.none() | st.text(max_size=20),
    environ=st.dictionaries(
        st.sampled_from(["CXGUIDE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "HOME"])
        | st.text(max_size=10),
        st.text(max_size=30),
        max_size=8,
    ),
)
def test_any_environment_gives_a_supported_language(
    cli: str | None, environ: dict[str, str]
) -> None:
    assert choose_language(cli, environ) in SUPPORTED


@given(st.text(max_size=40))
def test_normalize_never_raises(value: str) -> None:
    assert normalize_language(value) in (*SUPPORTED, None)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], None),
        (["methods"], None),
        (["--lang", "ru"], "ru"),
        (["--lang=ru", "methods"], "ru"),
        (["methods", "--lang", "ru"], "ru"),
        (["methods", "--format", "json", "--lang=en"], "en"),
        (["--lang", "ru", "methods", "--lang", "en"], "en"),  # the last wins, as in argparse
        (["--lang"], None),  # argparse reports the missing value
        (["country", "--", "--lang", "ru"], None),  # after --, not an option
    ],
)
def test_language_from_argv(argv: list[str], expected: str | None) -> None:
    assert language_from_argv(argv) == expected
