"""``cxguide session ...`` and ``cxguide export ...``: workshop sessions from the command line.

Registered through ``cxguide.cli.COMMAND_MODULES``: ``add_commands`` adds the sub-commands,
``COMMANDS`` maps their names to handlers that return exit codes. Sessions are read and written
by ``cxguide.session.store``; reports are made by ``cxguide.export.session_*``. Every import
beyond argparse happens inside the handlers, so ``--help`` stays fast; Textual never loads.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxguide.i18n import _, ngettext

if TYPE_CHECKING:
    from datetime import datetime

    from cxguide.knowledge.models import Knowledge
    from cxguide.session.model import Session

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2  # as in cxguide.cli
SHOW_FORMATS = ("text", "json", "markdown")
LIST_FORMATS = ("text", "json")
EXPORT_FORMATS = ("md", "json", "svg")


def add_commands(commands: Any) -> None:
    """Add ``session`` (list, show, rename, delete, duplicate) and ``export`` to the parser."""
    from cxguide.cli import _Parser

    key_help = _("a session: its id, the start of its id, or its name (any case)")
    session = commands.add_parser(
        "session",
        help=_("list, show, rename, duplicate or delete workshop sessions"),
        description=_(
            "Workshop sessions keep the finder's answers, the countries and the notes of a "
            "workshop, one JSON file each in $CXGUIDE_SESSIONS_DIR, else your user data "
            "directory. The ranking is never stored: it is worked out from the answers."
        ),
    )
    actions = session.add_subparsers(
        dest="session_command", metavar=_("ACTION"), parser_class=_Parser, required=True
    )
    listed = actions.add_parser(
        "list", help=_("every session, newest first, and every file that cannot be read")
    )
    listed.add_argument(
        "--format", choices=LIST_FORMATS, default="text", help=_("output format (default: text)")
    )
    show = actions.add_parser("show", help=_("one session: answers, countries and notes"))
    show.add_argument("key", metavar="SESSION", help=key_help)
    show.add_argument(
        "--format",
        choices=SHOW_FORMATS,
        default="text",
        help=_("text, json (the stored session) or markdown (the client report)"),
    )
    rename = actions.add_parser("rename", help=_("give a session a new name"))
    rename.add_argument("key", metavar="SESSION", help=key_help)
    rename.add_argument("name", metavar="NAME", help=_("the new name"))
    duplicate = actions.add_parser(
        "duplicate", help=_("copy a session under a new id ('Copy of …')")
    )
    duplicate.add_argument("key", metavar="SESSION", help=key_help)
    duplicate.add_argument("--name", metavar="NAME", help=_("the copy's name"))
    delete = actions.add_parser("delete", help=_("delete a session's file (cannot be undone)"))
    delete.add_argument("key", metavar="SESSION", help=key_help)
    delete.add_argument(
        "--yes", action="store_true", help=_("really delete: deleting cannot be undone")
    )

    export = commands.add_parser(
        "export",
        help=_("a session as a client report: Markdown, JSON data or an SVG picture"),
        description=_(
            "Export a workshop session: md (a report: the question, the methods ranked with "
            "their reasons, the plan, the countries, the notes, the sources), json (the "
            "session with its ranking and countries) or svg (the landscape and the cultural "
            "map). The ranking is worked out from the session's answers with the current "
            "knowledge."
        ),
    )
    export.add_argument("key", metavar="SESSION", help=key_help)
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, default="md", help=_("output format (default: md)")
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("write to FILE (replaced whole, never half-written) instead of standard output"),
    )


def _fail(message: str) -> int:
    print(_("cxguide: {message}").format(message=message), file=sys.stderr)
    return EXIT_BAD_INPUT


def _load_session(key: str) -> Session | None:
    """The session ``key`` names, or None after saying why on stderr."""
    from cxguide.session.model import SessionError
    from cxguide.session.store import load_session

    try:
        return load_session(key)
    except SessionError as problem:
        _fail(str(problem))
        return None


def _knowledge(args: argparse.Namespace) -> Knowledge:
    from cxguide.cli import _load

    return _load(args)


def _when(moment: datetime) -> str:
    from cxguide.session.model import timestamp_text

    return timestamp_text(moment)


def cmd_session(args: argparse.Namespace) -> int:
    """Run one ``cxguide session`` action."""
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "list": _list,
        "show": _show,
        "rename": _rename,
        "duplicate": _duplicate,
        "delete": _delete,
    }
    return handlers[args.session_command](args)


def _list(args: argparse.Namespace) -> int:
    from cxguide.session.store import list_sessions, user_sessions_dir

    entries = list_sessions()
    if args.format == "json":
        data = [
            {
                "id": e.id,
                "file": str(e.path),
                "ok": e.ok,
                "name": e.session.name if e.session else None,
                "updated": _when(e.session.updated) if e.session else None,
                "countries": list(e.session.countries) if e.session else None,
                "notes": len(e.session.notes) if e.session else None,
                "problem": e.problem,
            }
            for e in entries
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not entries:
        print(_("No sessions yet in {directory}.").format(directory=user_sessions_dir()))
        return EXIT_OK
    for entry in entries:
        if entry.session is None:
            print(_("{id}  cannot be read: {problem}").format(id=entry.id, problem=entry.problem))
            continue
        s = entry.session
        detail = ngettext("{count} country", "{count} countries", len(s.countries)).format(
            count=len(s.countries)
        )
        detail += ", " + ngettext("{count} note", "{count} notes", len(s.notes)).format(
            count=len(s.notes)
        )
        print(
            _("{id}  {updated}  {name} ({detail})").format(
                id=s.id, updated=_when(s.updated), name=s.name, detail=detail
            )
        )
    broken = sum(1 for e in entries if not e.ok)
    if broken:
        print(
            ngettext(
                "{count} file cannot be read; it is left as it is.",
                "{count} files cannot be read; they are left as they are.",
                broken,
            ).format(count=broken),
            file=sys.stderr,
        )
    return EXIT_OK


def _session_text(session: Session, knowledge: Knowledge) -> str:
    from cxguide.logic.ranking import ANSWER_FIELDS, answer_label, choice_label

    lines = [
        session.name,
        _("Id: {id}").format(id=session.id),
        _("Created: {when}").format(when=_when(session.created)),
        _("Last changed: {when}").format(when=_when(session.updated)),
        _("Landscape edition: {edition}").format(edition=session.edition),
        "",
        _("Answers:"),
    ]
    for name in ANSWER_FIELDS:
        value = getattr(session.answers, name)
        lines.append(f"  {answer_label(name)}: {choice_label(name, value)}")
    if session.answers.country is not None and "country" not in ANSWER_FIELDS:
        lines.append("  " + _("Target market: {id}").format(id=session.answers.country))
    lines += ["", _("Countries:")]
    for country_id in session.countries:
        country = knowledge.country(country_id)
        name = country.name if country else _("not in the knowledge files")
        lines.append(f"  {country_id}  {name}")
    if not session.countries:
        lines.append("  " + _("none yet"))
    lines += ["", _("Notes:")]
    for note in session.notes:
        text = "\n    ".join(note.text.splitlines())
        lines.append(f"  {_when(note.created)}  {text}")
    if not session.notes:
        lines.append("  " + _("none yet"))
    return "\n".join(lines) + "\n"


def _show(args: argparse.Namespace) -> int:
    session = _load_session(args.key)
    if session is None:
        return EXIT_BAD_INPUT
    if args.format == "json":
        from cxguide.session.model import dumps

        sys.stdout.write(dumps(session))
        return EXIT_OK
    knowledge = _knowledge(args)
    if args.format == "markdown":
        from cxguide.export.session_markdown import session_markdown

        sys.stdout.write(session_markdown(session, knowledge))
    else:
        sys.stdout.write(_session_text(session, knowledge))
    return EXIT_OK


def _rename(args: argparse.Namespace) -> int:
    from cxguide.session.model import SessionError
    from cxguide.session.store import rename_session

    try:
        saved = rename_session(args.key, args.name)
    except SessionError as problem:
        return _fail(str(problem))
    print(_("Renamed session {id} to '{name}'.").format(id=saved.id, name=saved.name))
    return EXIT_OK


def _duplicate(args: argparse.Namespace) -> int:
    from cxguide.session.model import SessionError
    from cxguide.session.store import duplicate_session

    try:
        copy = duplicate_session(args.key, name=args.name)
    except SessionError as problem:
        return _fail(str(problem))
    print(_("Saved a copy as session {id}, '{name}'.").format(id=copy.id, name=copy.name))
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    from cxguide.session.model import SessionError
    from cxguide.session.store import delete_session, find_entry

    if not args.yes:
        try:
            entry = find_entry(args.key)
        except SessionError as problem:
            return _fail(str(problem))
        print(
            _(
                "cxguide session delete: error: deleting '{name}' ({id}) cannot be undone; "
                "add --yes to delete it"
            ).format(name=entry.name, id=entry.id),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        deleted = delete_session(args.key)
    except SessionError as problem:
        return _fail(str(problem))
    print(_("Deleted session {id}, '{name}'.").format(id=deleted.id, name=deleted.name))
    return EXIT_OK


def export_text(session: Session, knowledge: Knowledge, fmt: str) -> str:
    """The session exported as ``fmt`` (md, json or svg) text."""
    if fmt == "json":
        from cxguide.export.session_json import session_json_text

        return session_json_text(session, knowledge)
    if fmt == "svg":
        from cxguide.export.session_svg import session_svg

        return session_svg(session, knowledge)
    from cxguide.export.session_markdown import session_markdown

    return session_markdown(session, knowledge)


def _write(target: Path, text: str) -> int:
    """Write ``text`` to ``target`` atomically, or say clearly why it cannot be written."""
    from cxguide.atomic import write_atomically

    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return _fail(
            _(
                "could not write {file}: the directory {directory} does not exist — create it or "
                "choose another file with -o"
            ).format(file=target, directory=folder)
        )
    if target.is_dir():
        return _fail(
            _("could not write {file}: it is a directory — name a file with -o").format(file=target)
        )
    try:
        write_atomically(target, text)
    except OSError as problem:
        return _fail(
            _(
                "could not write {file}: {reason} — choose a file in a directory you can write to"
            ).format(file=target, reason=problem.strerror or problem)
        )
    print(_("Wrote {file}.").format(file=target), file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """``cxguide export SESSION --format md|json|svg [-o FILE]``."""
    session = _load_session(args.key)
    if session is None:
        return EXIT_BAD_INPUT
    text = export_text(session, _knowledge(args), args.format)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    return _write(Path(args.output), text)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "session": cmd_session,
    "export": cmd_export,
}
