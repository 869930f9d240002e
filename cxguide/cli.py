"""The ``cxguide`` command: argparse sub-commands over the knowledge; no arguments opens the TUI.

Results go to stdout, problems to stderr. Exit codes: 0 ok, 1 bad data or input, 2 usage.
Textual is imported only in the branch that starts the TUI; YAML and Rich only where needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cxguide import __version__
from cxguide.i18n import _, ngettext

if TYPE_CHECKING:
    from cxguide.knowledge.models import Knowledge
    from cxguide.knowledge.problems import Problem

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "markdown")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose messages go through the translation mechanism."""

    def format_help(self) -> str:
        text = super().format_help()
        if "{default_dir}" in text:  # only the commands that mention it pay for platformdirs
            from cxguide.paths import default_user_dir

            text = text.replace("{default_dir}", str(default_user_dir()))
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE, _("{prog}: error: {message}\n").format(prog=self.prog, message=message)
        )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, every sub-command with its --help."""
    parser = _Parser(
        prog="cxguide",
        description=_(
            "Choose the right UX research method and understand a market's culture. "
            "Run without a command to open the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"cxguide {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "your own knowledge directory (extra notes and methods); "
            "default: $CXGUIDE_DATA_DIR, else your user config directory"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)

    validate = commands.add_parser(
        "validate",
        help=_("check knowledge files and report every problem"),
        description=_(
            "Check the built-in knowledge and yours, or only the files and directories given. "
            "Every problem is reported as file:line:column: what is wrong — how to fix it. "
            "Your knowledge directory is --data-dir, else $CXGUIDE_DATA_DIR, else {default_dir}."
        ),
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help=_("a YAML file or directory"))

    methods = commands.add_parser(
        "methods",
        help=_("list the research methods of Rohrer's landscape"),
        description=_("List the research methods of one edition of Rohrer's landscape."),
    )
    methods.add_argument(
        "--edition",
        choices=("2014", "2022"),
        default="2014",
        help=_("2014 (measured positions, the default) or 2022 (no positions)"),
    )
    _add_format(methods)

    countries = commands.add_parser(
        "countries",
        help=_("list the countries of the cultural map"),
        description=_("List the countries of the Inglehart-Welzel cultural map."),
    )
    countries.add_argument("--zone", metavar="ZONE", help=_("only this cultural zone"))
    _add_format(countries)
    return parser


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=_("output format (default: text)")
    )


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _load(args: argparse.Namespace) -> Knowledge:
    from cxguide.knowledge import load_knowledge
    from cxguide.paths import user_data_dir

    knowledge = load_knowledge(user_data_dir(args.data_dir))
    if knowledge.problems:
        _print_problems(knowledge.problems)
        count = len(knowledge.problems)
        files = len({p.file for p in knowledge.problems})
        print(
            ngettext("{count} problem", "{count} problems", count).format(count=count)
            + " "
            + ngettext(
                "in {files} knowledge file: it was set aside.",
                "in {files} knowledge files: they were set aside.",
                files,
            ).format(files=files)
            + " "
            + _("Run 'cxguide validate' for details."),
            file=sys.stderr,
        )
    return knowledge


def _emit(fmt: str, listing_data: Any, json_data: Any) -> None:
    if fmt == "json":
        json.dump(json_data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "markdown":
        from cxguide.export.listing import to_markdown

        sys.stdout.write(to_markdown(listing_data))
    else:
        from cxguide.export.text import print_listing

        print_listing(listing_data, sys.stdout)


def cmd_validate(args: argparse.Namespace) -> int:
    from cxguide.knowledge import load_knowledge, validate_paths
    from cxguide.paths import user_data_dir

    if args.paths:
        paths = [Path(p) for p in args.paths]
        problems = validate_paths(paths)
        checked = ", ".join(args.paths)
    else:
        user_dir = user_data_dir(args.data_dir)
        knowledge = load_knowledge(user_dir)
        problems = list(knowledge.problems)
        if user_dir.is_dir():
            checked = _("the built-in knowledge and {user_dir}").format(user_dir=user_dir)
        else:
            checked = _("the built-in knowledge ({user_dir} does not exist yet)").format(
                user_dir=user_dir
            )
    _print_problems(problems)
    if problems:
        files = len({p.file for p in problems})
        print(
            ngettext("{count} problem", "{count} problems", len(problems)).format(
                count=len(problems)
            )
            + " "
            + ngettext("in {files} file.", "in {files} files.", files).format(files=files),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    print(_("No problems found in {checked}.").format(checked=checked))
    return EXIT_OK


def cmd_methods(args: argparse.Namespace) -> int:
    from cxguide.export.listing import method_json, methods_listing

    knowledge = _load(args)
    listing = methods_listing(knowledge, args.edition)
    data = {
        "edition": args.edition,
        "methods": [method_json(m) for m in knowledge.methods_of(args.edition)],
    }
    _emit(args.format, listing, data)
    return EXIT_OK


def cmd_countries(args: argparse.Namespace) -> int:
    from cxguide.export.listing import countries_listing, country_json
    from cxguide.logic.catalogue import countries_in_zone, find_zone

    knowledge = _load(args)
    zone = None
    if args.zone:
        lookup = find_zone(knowledge, args.zone)
        if lookup.found is None:
            names = ", ".join(z.name for z in knowledge.zones)
            hint = (
                _("did you mean: {names}?").format(names=", ".join(lookup.suggestions))
                if lookup.suggestions
                else _("the zones are: {names}").format(names=names)
            )
            print(
                _("cxguide: unknown zone '{zone}' — {hint}").format(zone=args.zone, hint=hint),
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        zone = lookup.found
    countries = countries_in_zone(knowledge, zone)
    listing = countries_listing(knowledge, countries, zone.name if zone else None)
    data = {"zone": zone.id if zone else None, "countries": [country_json(c) for c in countries]}
    _emit(args.format, listing, data)
    return EXIT_OK


def run_tui(args: argparse.Namespace) -> int:
    from cxguide.tui.app import CxGuideApp

    CxGuideApp(data_dir=args.data_dir).run()
    return EXIT_OK


COMMANDS = {"validate": cmd_validate, "methods": cmd_methods, "countries": cmd_countries}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        return run_tui(args)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # e.g. `cxguide countries | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
