"""The command line in Russian: --lang on any command, CXGUIDE_LANG, the system locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxguide.cli import main

LOCALE_VARIABLES = ("CXGUIDE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine running the tests."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_help_is_english_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["--help"], capsys)
    assert code == 0
    assert out.startswith("usage: cxguide")
    assert "Choose the right UX research method" in out
    assert "--lang {en,ru}" in out


@pytest.mark.parametrize(
    "argv", [["--lang", "ru", "--help"], ["--lang=ru", "--help"], ["--help", "--lang", "ru"]]
)
def test_lang_option_gives_russian_help(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(argv, capsys)
    assert code == 0
    assert out.startswith("использование: cxguide")
    assert "Подберите подходящий метод UX-исследования" in out
    assert "показать эту справку и выйти" in out


@pytest.mark.parametrize(
    "argv",
    [["methods", "--lang", "ru", "--help"], ["--lang", "ru", "methods", "--help"]],
)
def test_lang_option_works_before_and_after_the_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(argv, capsys)
    assert code == 0
    assert "Список методов исследования из одной редакции ландшафта Рорера." in out
    assert "--lang {en,ru}" in out


@pytest.mark.parametrize(
    ("name", "value"),
    [("CXGUIDE_LANG", "ru"), ("LANG", "ru_RU.UTF-8"), ("LC_ALL", "ru_RU.UTF-8")],
)
def test_environment_gives_russian_help(
    name: str, value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(name, value)
    _code, out, _err = run(["--help"], capsys)
    assert out.startswith("использование: cxguide")


def test_lang_option_beats_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CXGUIDE_LANG", "ru")
    _code, out, _err = run(["--lang", "en", "--help"], capsys)
    assert out.startswith("usage: cxguide")


def test_usage_errors_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["--lang", "ru", "methods", "--edition", "1999"], capsys)
    assert code == 2
    assert "использование: cxguide methods" in err
    assert "ошибка: аргумент --edition: недопустимый вариант: '1999'" in err


def test_our_own_errors_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["compare", "SE", "--lang", "ru"], capsys)
    assert code == 2
    assert "укажите от 2 до 6 стран, а не 1" in err


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["methods", "--lang", "de"], capsys)
    assert code == 2
    assert "invalid choice: 'de'" in err


def test_a_real_process_with_a_russian_locale(tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    environ["LANG"] = "ru_RU.UTF-8"
    completed = subprocess.run(
        [sys.executable, "-m", "cxguide", "countries", "--zone"],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2
    assert "ошибка: аргумент --zone: нужно указать одно значение" in completed.stderr
