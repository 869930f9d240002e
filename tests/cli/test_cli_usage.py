"""Version, help and usage errors: what argparse prints and the exit codes (0 ok, 2 usage)."""

from __future__ import annotations

import importlib.metadata
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import cxguide
from cxguide.paths import default_user_dir

from .conftest import Result, Run

SUBCOMMANDS = ("validate", "methods", "countries")
pytestmark = pytest.mark.usefixtures("user_dir")


def _choices_listed(err: str, choices: Sequence[str]) -> None:
    """The error names the valid choices after "choose from" (quoting differs by Python)."""
    assert "invalid choice" in err
    listed = err.split("choose from", 1)[1]
    for choice in choices:
        assert re.search(rf"\b{re.escape(choice)}\b", listed), (choice, err)


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"cxguide {cxguide.__version__}\n"
    assert result.err == ""


def test_version_matches_installed_metadata() -> None:
    assert importlib.metadata.version("cxguide") == cxguide.__version__


def test_main_help_lists_every_command(cli: Run) -> None:
    result = cli("--help")
    assert result.code == 0
    assert result.out.startswith("usage: cxguide ")
    for command in SUBCOMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", result.out, re.MULTILINE), command
    assert "--data-dir DIR" in result.out
    assert "--version" in result.out
    assert result.err == ""


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_subcommand_help(cli: Run, command: str) -> None:
    result = cli(command, "--help")
    assert result.code == 0
    assert result.out.startswith(f"usage: cxguide {command} ")
    assert result.err == ""


def test_methods_help_lists_editions_and_formats(cli: Run) -> None:
    out = cli("methods", "--help").out
    assert "{2014,2022}" in out
    assert "{text,json,markdown}" in out


def test_countries_help_lists_zone_and_formats(cli: Run) -> None:
    out = cli("countries", "--help").out
    assert "--zone ZONE" in out
    assert "{text,json,markdown}" in out


def test_validate_help_names_the_default_user_directory(cli: Run) -> None:
    # docs/knowledge-files.md: "by default the platform's user config directory
    # (`cxguide validate --help` prints it)".
    out = cli("validate", "--help").out
    # argparse wraps long lines, so compare with all whitespace removed.
    assert "".join(str(default_user_dir()).split()) in "".join(out.split())


def test_unknown_command(cli: Run) -> None:
    result = cli("frobnicate")
    assert result.code == 2
    assert result.out == ""
    assert "frobnicate" in result.err
    assert result.err.startswith("usage: cxguide ")
    _choices_listed(result.err, SUBCOMMANDS)


def test_bad_edition(cli: Run) -> None:
    result = cli("methods", "--edition", "2020")
    assert result.code == 2
    assert result.out == ""
    assert "--edition" in result.err
    assert "'2020'" in result.err
    _choices_listed(result.err, ("2014", "2022"))


@pytest.mark.parametrize("command", ["methods", "countries"])
def test_bad_format(cli: Run, command: str) -> None:
    result = cli(command, "--format", "csv")
    assert result.code == 2
    assert result.out == ""
    assert "--format" in result.err
    _choices_listed(result.err, ("text", "json", "markdown"))


def test_unknown_option(cli: Run) -> None:
    result = cli("methods", "--colour")
    assert result.code == 2
    assert "--colour" in result.err
    assert result.out == ""


# The real entry point, in a fresh interpreter.


def test_module_version(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["--version"])
    assert result.code == 0
    assert result.out.strip() == f"cxguide {cxguide.__version__}"


def test_module_usage_error_exit_code(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["methods", "--edition", "1999"])
    assert result.code == 2
    assert result.out == ""
    _choices_listed(result.err, ("2014", "2022"))


def test_module_bad_input_exit_code(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["countries", "--zone", "catholik"])
    assert result.code == 1
    assert result.out == ""
    assert "Catholic Europe" in result.err


def test_module_ok_exit_code(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["validate"])
    assert result.code == 0, result.err
    assert "No problems found" in result.out


def test_console_script(tmp_path: Path, user_dir: Path) -> None:
    import os
    import subprocess

    script = Path(sys.executable).with_name("cxguide")
    if not script.exists():
        pytest.skip(f"no console script next to {sys.executable}")
    completed = subprocess.run(
        [str(script), "--version"],
        cwd=tmp_path,
        env={**os.environ, "CXGUIDE_DATA_DIR": str(user_dir)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.strip() == f"cxguide {cxguide.__version__}"
