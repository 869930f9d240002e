"""The ``cxguide`` command: argparse sub-commands over the knowledge; no arguments opens the TUI.

Results go to stdout, problems to stderr. Exit codes: 0 ok, 1 bad data or input, 2 usage.
Textual is imported only in the branch that starts the TUI; YAML and Rich only where needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cxguide import __version__
from cxguide.i18n import _, ngettext
from cxguide.logic.limits import COMPARE_MAX, COMPARE_MIN

if TYPE_CHECKING:
    from cxguide.export.culture import Document
    from cxguide.knowledge.models import Country, Knowledge, Zone
    from cxguide.knowledge.problems import Problem

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "markdown")
# The answers `recommend` accepts, as typed (the same values as cxguide.logic.ranking's, which
# is not imported here so that start-up stays fast; a test keeps the two in step).
LEARN_CHOICES = ("say", "do", "both")
QUESTION_CHOICES = ("why", "how-many", "both")
CONTEXT_CHOICES = ("natural", "scripted", "none", "mixed")
PHASE_CHOICES = ("strategize", "execute", "assess")
HAVE_CHOICES = ("nothing", "concept", "prototype", "working", "live")
TIME_CHOICES = ("hours", "days", "weeks", "months")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose messages go through the translation mechanism."""

    def format_help(self) -> str:
        text = super().format_help()
        if "{default_dir}" in text:  # only the commands that mention it pay for platformdirs
            from cxguide.paths import default_user_dir

            text = text.replace("{default_dir}", str(default_user_dir()))
        if "{scoring_model}" in text:  # only `recommend --help` pays for the ranking module
            text = text.replace("{scoring_model}", _scoring_model_help())
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE, _("{prog}: error: {message}\n").format(prog=self.prog, message=message)
        )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, every sub-command with its --help."""
    from cxguide.i18n import translate_argparse

    translate_argparse()  # argparse's own words ("usage:", its errors) in the chosen language
    parser = _Parser(
        prog="cxguide",
        description=_(
            "Choose the right UX research method and understand a market's culture. "
            "Run without a command to open the app."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cxguide {__version__}",
        help=_("show program's version number and exit"),
    )
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
    _add_recommend(commands)
    _add_culture(commands)
    _add_map(commands)
    for module in _command_modules():
        module.add_commands(commands)
    # --lang on the main command and on every sub-command (before or after the command). The
    # language is read from argv before parsing (see main); the option is here for --help and
    # to check the value. SUPPRESS: a sub-command's default never hides the main one's.
    from cxguide.i18n import SUPPORTED

    for each in {id(p): p for p in (parser, *commands.choices.values())}.values():
        each.add_argument(
            "--lang",
            choices=SUPPORTED,
            default=argparse.SUPPRESS,
            help=_(
                "language of the messages: en (English) or ru (Russian); "
                "default: $CXGUIDE_LANG, else the system locale (LANG), else English"
            ),
        )
    return parser


# Commands that live in their own modules; each has ``add_commands(commands)`` (the argparse
# sub-parsers action) and ``COMMANDS`` (name -> handler taking the parsed arguments).
COMMAND_MODULES: tuple[str, ...] = (
    "cxguide.cli_notes",
    "cxguide.cli_serve",
    "cxguide.cli_workshop",
)


def _command_modules() -> list[Any]:
    import importlib

    return [importlib.import_module(name) for name in COMMAND_MODULES]


class _CountRange(argparse.Action):
    """Accept from COMPARE_MIN to COMPARE_MAX values; other counts are a usage error."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        names = list(values) if isinstance(values, Sequence) and not isinstance(values, str) else []
        if not COMPARE_MIN <= len(names) <= COMPARE_MAX:
            parser.error(
                _("give from {low} to {high} countries, not {count}").format(
                    low=COMPARE_MIN, high=COMPARE_MAX, count=len(names)
                )
            )
        setattr(namespace, self.dest, names)


def _add_culture(commands: Any) -> None:
    name_help = _(
        "a country: English name, ISO code (SE or SWE) or a common other name ('Czech Republic')"
    )
    country = commands.add_parser(
        "country",
        help=_("one country on the cultural map: its point, path, neighbours and meaning"),
        description=_(
            "Show one country on the Inglehart-Welzel cultural map: the point the 2023 map "
            "draws (or another survey year), its path over the survey years, its nearest "
            "countries, what its position means, caveats and sources."
        ),
    )
    country.add_argument("name", metavar="NAME", help=name_help)
    country.add_argument(
        "--year",
        type=_positive_int,
        metavar="YEAR",
        help=_("use this survey year instead of the point the 2023 map draws"),
    )
    _add_format(country)

    compare = commands.add_parser(
        "compare",
        help=_("compare 2 to 6 countries on the cultural map, in plain words"),
        description=_(
            "Compare 2 to 6 countries on the cultural map: each country's point, then how "
            "every pair differs on each axis, in plain words, and the distance between them."
        ),
    )
    compare.add_argument("names", nargs="+", action=_CountRange, metavar="NAME", help=name_help)
    _add_format(compare)

    neighbours = commands.add_parser(
        "neighbours",
        help=_("the countries nearest to one country on the cultural map"),
        description=_(
            "List the countries nearest to one country on the cultural map, with the "
            "distances: on the map's two dimensions only, not overall cultural difference."
        ),
    )
    neighbours.add_argument("name", metavar="NAME", help=name_help)
    neighbours.add_argument(
        "-n",
        type=_positive_int,
        default=5,
        metavar="N",
        help=_("how many countries to list (default: 5)"),
    )
    neighbours.add_argument(
        "--year",
        type=_positive_int,
        metavar="YEAR",
        help=_("measure from this survey year instead of the point the 2023 map draws"),
    )
    _add_format(neighbours)


MAP_FORMATS = ("text", "svg", "json")
# The map's size in characters when the output is not a terminal (an SVG's grid is its own).
MAP_WIDTH, MAP_HEIGHT = 100, 32
MAP_MIN_WIDTH, MAP_MIN_HEIGHT = 20, 8


def _add_map(commands: Any) -> None:
    drawn = commands.add_parser(
        "map",
        help=_("draw the cultural map: every country at its point, zones by glyph"),
        description=_(
            "Draw the Inglehart-Welzel cultural map: every country at the point the 2023 map "
            "draws (else its latest survey), each zone with its own glyph and a legend; labels "
            "are names where there is room, else ISO codes. As text (the size of your "
            "terminal, else 100x32 characters), as an SVG picture, or as JSON data."
        ),
    )
    drawn.add_argument("--zone", metavar="ZONE", help=_("zoom into this cultural zone"))
    drawn.add_argument(
        "--country",
        metavar="NAME",
        help=_("select this country: it and its nearest countries are always labelled"),
    )
    drawn.add_argument(
        "--path",
        action="store_true",
        help=_("also draw the --country's path over its survey years"),
    )
    drawn.add_argument(
        "--width",
        type=_positive_int,
        metavar="N",
        help=_("the map's width in characters (at least {low})").format(low=MAP_MIN_WIDTH),
    )
    drawn.add_argument(
        "--height",
        type=_positive_int,
        metavar="N",
        help=_("the map's height in lines, legend not counted (at least {low})").format(
            low=MAP_MIN_HEIGHT
        ),
    )
    drawn.add_argument(
        "--format",
        choices=MAP_FORMATS,
        default="text",
        help=_("output format (default: text)"),
    )
    drawn.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("write to FILE (replaced whole, never half-written) instead of standard output"),
    )


def _add_recommend(commands: Any) -> None:
    recommend = commands.add_parser(
        "recommend",
        help=_("rank every research method against your answers, with the reasons"),
        description=_(
            "Rank every research method of one edition of Rohrer's landscape against your\n"
            "answers and say why. Every answer is optional: leave it out for 'don't know'.\n"
            "Methods an answer rules out are listed last, with the reason."
        ),
        epilog="{scoring_model}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    answers = recommend.add_argument_group(_("your answers (each optional)"))
    answers.add_argument(
        "--learn", choices=LEARN_CHOICES, help=_("what you need to learn: what people say or do")
    )
    answers.add_argument(
        "--question",
        choices=QUESTION_CHOICES,
        help=_("your question: why & how to fix, or how many & how much"),
    )
    answers.add_argument(
        "--context",
        choices=CONTEXT_CHOICES,
        help=_("the context of product use you can offer (none: no product use; mixed: hybrid)"),
    )
    answers.add_argument("--phase", choices=PHASE_CHOICES, help=_("the product's phase"))
    answers.add_argument(
        "--country",
        metavar="NAME|ISO",
        help=_(
            "the market the research is for: its cited culture notes add caveats to the "
            "methods they name, or lower them where the note says so"
        ),
    )
    constraints = recommend.add_argument_group(_("practical constraints (each optional)"))
    constraints.add_argument(
        "--remote-only",
        action="store_true",
        default=None,
        help=_("researcher and participants cannot meet in person"),
    )
    constraints.add_argument(
        "--time",
        choices=TIME_CHOICES,
        help=_(
            "the time you have for the study: hours (under a working day), days (under a "
            "week), weeks (under a month) or months"
        ),
    )
    constraints.add_argument(
        "--have", choices=HAVE_CHOICES, help=_("what you have to show: a concept, a prototype...")
    )
    constraints.add_argument(
        "--participants",
        type=_positive_int,
        metavar="N",
        help=_("how many participants you can reach (a whole number, at least 1)"),
    )
    recommend.add_argument(
        "--edition",
        choices=("2014", "2022"),
        default="2014",
        help=_("2014 (measured positions, the default) or 2022 (no positions)"),
    )
    recommend.add_argument(
        "--top",
        type=_positive_int,
        metavar="N",
        help=_("show only the N best methods that are not ruled out (the rest are counted)"),
    )
    _add_format(recommend)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number (use 1, 2, 3...)").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("{value} is too small: use a whole number of at least 1").format(value=value)
        )
    return value


def _scoring_model_help() -> str:
    import textwrap

    from cxguide.logic.ranking import describe_model

    lines = [_("How the score is made:")]
    for line in describe_model().splitlines():
        lines.extend(textwrap.wrap(line, width=78, subsequent_indent="  ") or [""])
    return "\n".join(lines)


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
    from cxguide.knowledge.loader import builtin_problems
    from cxguide.paths import user_data_dir

    if args.paths:
        paths = [Path(p) for p in args.paths]
        problems = validate_paths(paths)
        checked = ", ".join(args.paths)
    else:
        user_dir = user_data_dir(args.data_dir)
        knowledge = load_knowledge(user_dir)
        problems = list(knowledge.problems)
        # The built-in translations (of every language, not only the one in use) and whether
        # every built-in text has one.
        problems.extend(p for p in builtin_problems() if p not in problems)
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


def _find_zone(knowledge: Knowledge, text: str) -> Zone | None:
    """The zone named by ``text``; otherwise say so on stderr with suggestions, and None."""
    from cxguide.logic.catalogue import find_zone

    lookup = find_zone(knowledge, text)
    if lookup.found is not None:
        return lookup.found
    hint = (
        _("did you mean: {names}?").format(names=", ".join(lookup.suggestions))
        if lookup.suggestions
        else _("the zones are: {names}").format(names=", ".join(z.name for z in knowledge.zones))
    )
    print(
        _("cxguide: unknown zone '{zone}' — {hint}").format(zone=text, hint=hint), file=sys.stderr
    )
    return None


def cmd_countries(args: argparse.Namespace) -> int:
    from cxguide.export.listing import countries_listing, country_json
    from cxguide.logic.catalogue import countries_in_zone

    knowledge = _load(args)
    zone = None
    if args.zone:
        zone = _find_zone(knowledge, args.zone)
        if zone is None:
            return EXIT_BAD_INPUT
    countries = countries_in_zone(knowledge, zone)
    listing = countries_listing(knowledge, countries, zone.name if zone else None)
    data = {"zone": zone.id if zone else None, "countries": [country_json(c) for c in countries]}
    _emit(args.format, listing, data)
    return EXIT_OK


def cmd_recommend(args: argparse.Namespace) -> int:
    from cxguide.logic.ranking import Answers, rank

    knowledge = _load(args)
    country = None
    if args.country is not None:
        country = _find_country(knowledge, args.country)
        if country is None:
            return EXIT_BAD_INPUT
    answers = Answers(
        country=country.id if country else None,
        learn=args.learn,
        question=args.question.replace("-", "_") if args.question else None,
        context=args.context,
        phase=args.phase,
        remote_only=args.remote_only,
        have=args.have,
        participants=args.participants,
        time=args.time,
    )
    ranking = rank(knowledge, answers, args.edition)
    if not ranking.methods:
        print(
            _("cxguide: no methods of the {edition} edition could be loaded.").format(
                edition=args.edition
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.format == "json":
        from cxguide.export.ranking import ranking_json

        json.dump(
            ranking_json(ranking, knowledge, args.top), sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    elif args.format == "markdown":
        from cxguide.export.ranking import ranking_markdown

        sys.stdout.write(ranking_markdown(ranking, knowledge, args.top))
    else:
        from cxguide.export.ranking import ranking_listing
        from cxguide.export.text import print_listing

        print_listing(ranking_listing(ranking, args.top), sys.stdout)
    return EXIT_OK


def _find_country(knowledge: Knowledge, text: str) -> Country | None:
    """The country ``text`` names, or None after saying on stderr what is wrong."""
    from cxguide.logic.catalogue import find_country

    lookup = find_country(knowledge, text)
    if lookup.found is not None:
        return lookup.found
    names = ", ".join(lookup.suggestions)
    if lookup.ambiguous:
        hint = _("it could be {names}; use the name or code of one").format(names=names)
    elif lookup.suggestions:
        hint = _("did you mean: {names}?").format(names=names)
    else:
        hint = _("'cxguide countries' lists every country")
    print(
        _("cxguide: unknown country '{name}' — {hint}").format(name=text, hint=hint),
        file=sys.stderr,
    )
    return None


def _usage_error(command: str, message: str) -> int:
    print(
        _("cxguide {command}: error: {message}").format(command=command, message=message),
        file=sys.stderr,
    )
    return EXIT_USAGE


def _emit_culture(
    fmt: str, document: Callable[[], Document], data: Callable[[], dict[str, Any]]
) -> None:
    """Write a culture result as JSON data, Markdown or a text page (Rich)."""
    if fmt == "json":
        json.dump(data(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "markdown":
        from cxguide.export.culture import to_markdown

        sys.stdout.write(to_markdown(document()))
    else:
        from cxguide.export.culture import print_document

        print_document(document(), sys.stdout)


def cmd_country(args: argparse.Namespace) -> int:
    from cxguide.export.culture import profile_document, profile_json
    from cxguide.logic.culture import profile

    knowledge = _load(args)
    country = _find_country(knowledge, args.name)
    if country is None:
        return EXIT_BAD_INPUT
    try:
        result = profile(knowledge, country, args.year)
    except LookupError as missing:
        print(_("cxguide: {problem}").format(problem=missing.args[0]), file=sys.stderr)
        return EXIT_BAD_INPUT
    _emit_culture(
        args.format,
        lambda: profile_document(result, knowledge),
        lambda: profile_json(result, knowledge),
    )
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from cxguide.export.culture import comparison_document, comparison_json
    from cxguide.logic.culture import comparison, point

    knowledge = _load(args)
    found = [_find_country(knowledge, name) for name in args.names]
    countries = [c for c in found if c is not None]
    if len(countries) < len(found):
        return EXIT_BAD_INPUT
    seen: set[str] = set()
    for country in countries:
        if country.id in seen:
            print(
                _("cxguide: {country} is named more than once; compare different countries").format(
                    country=country.name
                ),
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        seen.add(country.id)
    result = comparison(point(c) for c in countries)
    _emit_culture(
        args.format,
        lambda: comparison_document(result, knowledge),
        lambda: comparison_json(result, knowledge),
    )
    return EXIT_OK


def cmd_neighbours(args: argparse.Namespace) -> int:
    from cxguide.export.culture import nearby_document, nearby_json
    from cxguide.logic.culture import nearest

    knowledge = _load(args)
    most = len(knowledge.countries) - 1
    if args.n > most:
        return _usage_error(
            "neighbours",
            _("argument -n: {n} is too large: there are {most} other countries").format(
                n=args.n, most=most
            ),
        )
    country = _find_country(knowledge, args.name)
    if country is None:
        return EXIT_BAD_INPUT
    try:
        result = nearest(knowledge, country, args.n, args.year)
    except LookupError as missing:
        print(_("cxguide: {problem}").format(problem=missing.args[0]), file=sys.stderr)
        return EXIT_BAD_INPUT
    _emit_culture(
        args.format,
        lambda: nearby_document(result, knowledge),
        lambda: nearby_json(result, knowledge),
    )
    return EXIT_OK


def _map_size(args: argparse.Namespace) -> tuple[int, int]:
    """The map's size: as asked, else an SVG's own grid, else the terminal's, else 100x32."""
    if args.format == "svg":
        from cxguide.export.map_svg import GRID_HEIGHT, GRID_WIDTH

        width, height = GRID_WIDTH, GRID_HEIGHT
    elif args.output is None and sys.stdout.isatty():
        import shutil

        columns, lines = shutil.get_terminal_size((MAP_WIDTH, MAP_HEIGHT + 5))
        width, height = columns, max(lines - 5, MAP_MIN_HEIGHT)  # the legend fits under it
    else:
        width, height = MAP_WIDTH, MAP_HEIGHT
    return args.width or width, args.height or height


def cmd_map(args: argparse.Namespace) -> int:
    from cxguide.logic.culture_map import map_view

    width, height = _map_size(args)
    if width < MAP_MIN_WIDTH or height < MAP_MIN_HEIGHT:
        return _usage_error(
            "map",
            _("the map needs at least {w} x {h} characters, not {width} x {height}").format(
                w=MAP_MIN_WIDTH, h=MAP_MIN_HEIGHT, width=width, height=height
            ),
        )
    if args.path and not args.country:
        return _usage_error("map", _("--path draws the path of a country: add --country NAME"))
    knowledge = _load(args)
    zone = None
    if args.zone:
        zone = _find_zone(knowledge, args.zone)
        if zone is None:
            return EXIT_BAD_INPUT
    country = None
    if args.country:
        country = _find_country(knowledge, args.country)
        if country is None:
            return EXIT_BAD_INPUT
    view = map_view(knowledge, width, height, zone=zone, country=country, path=args.path)
    if country is not None and country.id not in view.chart.markers:
        print(
            _("cxguide: note: {country} is outside the part of the map shown").format(
                country=country.name
            ),
            file=sys.stderr,
        )
    if args.format == "svg":
        from cxguide.export.map_svg import map_svg

        text = map_svg(view, knowledge)
    elif args.format == "json":
        from cxguide.export.map_data import map_json

        text = json.dumps(map_json(view, knowledge), ensure_ascii=False, indent=2) + "\n"
    elif args.output is None:
        from cxguide.export.map_data import print_map

        print_map(view, knowledge, sys.stdout)
        return EXIT_OK
    else:
        from cxguide.export.map_data import map_text

        text = map_text(view, knowledge)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output)
    try:
        from cxguide.atomic import write_atomically

        write_atomically(target, text)
    except OSError as problem:
        print(
            _("cxguide: could not write {file}: {reason}").format(
                file=target, reason=problem.strerror or problem
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    print(_("Wrote {file}.").format(file=target), file=sys.stderr)
    return EXIT_OK


def run_tui(args: argparse.Namespace) -> int:
    from cxguide.tui.app import CxGuideApp

    CxGuideApp(data_dir=args.data_dir).run()
    return EXIT_OK


COMMANDS = {
    "validate": cmd_validate,
    "methods": cmd_methods,
    "countries": cmd_countries,
    "recommend": cmd_recommend,
    "country": cmd_country,
    "compare": cmd_compare,
    "neighbours": cmd_neighbours,
    "map": cmd_map,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    import os

    from cxguide.i18n import choose_language, language_from_argv, set_language

    arguments = sys.argv[1:] if argv is None else list(argv)
    # Before the parser is built: its help and messages are written in the chosen language.
    set_language(choose_language(language_from_argv(arguments), os.environ))
    args = build_parser().parse_args(arguments)
    if args.command is None:
        return run_tui(args)
    handlers = dict(COMMANDS)
    for module in _command_modules():
        handlers.update(module.COMMANDS)
    try:
        return handlers[args.command](args)
    except BrokenPipeError:  # e.g. `cxguide countries | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
