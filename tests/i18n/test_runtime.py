"""Switching language at run time, the listeners, contexts, and CLDR country names."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cxguide import i18n
from cxguide.logic.catalogue import ISO2


def test_english_is_the_identity() -> None:
    assert i18n.current_language() == "en"
    assert i18n._("Country") == "Country"
    assert i18n.ngettext("{count} problem", "{count} problems", 2) == "{count} problems"


def test_switching_translates_and_back() -> None:
    assert i18n.set_language("ru_RU.UTF-8") == "ru"
    assert i18n.current_language() == "ru"
    assert i18n._("Country") == "Страна"
    assert i18n._("a message nobody marked") == "a message nobody marked"
    assert i18n.set_language(None) == "en"
    assert i18n._("Country") == "Country"


def test_unsupported_language_is_english() -> None:
    assert i18n.set_language("de") == "en"
    assert i18n._("Country") == "Country"


def test_listeners_hear_every_change_once() -> None:
    heard: list[str] = []
    stop = i18n.add_language_listener(heard.append)
    i18n.set_language("ru")
    i18n.set_language("ru")  # no change, no call
    i18n.set_language("en")
    stop()
    i18n.set_language("ru")
    assert heard == ["ru", "en"]
    i18n.remove_language_listener(heard.append)  # removing twice is harmless


def test_pgettext_falls_back_to_the_message() -> None:
    i18n.set_language("ru")
    assert i18n.pgettext("map legend", "a message nobody marked") == "a message nobody marked"


def test_argparse_speaks_the_language() -> None:
    import argparse

    i18n.translate_argparse()
    parser = argparse.ArgumentParser(prog="x", add_help=True)
    i18n.set_language("ru")
    assert "использование:" in parser.format_usage()
    i18n.set_language("en")
    assert "usage:" in parser.format_usage()


@pytest.mark.parametrize(
    ("iso2", "english", "russian"),
    [("SE", "Sweden", "Швеция"), ("DE", "Germany", "Германия"), ("se", "Sweden", "Швеция")],
)
def test_country_names_come_from_cldr(iso2: str, english: str, russian: str) -> None:
    assert i18n.country_name(iso2, english) == english
    i18n.set_language("ru")
    assert i18n.country_name(iso2, english) == russian
    assert i18n.country_name(iso2, english, language="en") == english


def test_sweden_by_its_iso3_id() -> None:
    iso2 = {iso3: code for code, iso3 in ISO2.items()}["SWE"]
    assert i18n.country_name(iso2, "Sweden", language="ru") == "Швеция"


def test_countries_without_an_iso2_code() -> None:
    assert i18n.country_name(None, "Northern Ireland", language="ru") == "Северная Ирландия"
    assert i18n.country_name(None, "Atlantis", language="ru") == "Atlantis"
    assert i18n.country_name("ZZZ", "Atlantis", language="ru") == "Atlantis"


def test_every_iso2_code_of_the_data_has_a_russian_name() -> None:
    names = i18n.territory_names("ru")
    missing = sorted(code for code in ISO2 if code not in names)
    assert missing == []


def _modules_after(code: str, tmp_path: Path, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    environ.pop("CXGUIDE_LANG", None)
    environ.update(env)
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


BABEL_PROBE = """
import contextlib, io, sys
from cxguide.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["--help"])
    except SystemExit:
        pass
print(sorted(m for m in sys.modules if m == "babel" or m.startswith("babel.")))
"""


def test_english_start_up_does_not_import_babel(tmp_path: Path) -> None:
    assert _modules_after(BABEL_PROBE, tmp_path, LANG="en_US.UTF-8") == "[]"


def test_russian_start_up_needs_no_babel_either(tmp_path: Path) -> None:
    """The .po is read by the standard library; Babel waits for a country name."""
    assert _modules_after(BABEL_PROBE, tmp_path, LANG="ru_RU.UTF-8") == "[]"
