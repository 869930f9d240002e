"""CLI for the geo-entry notes: ``cxguide notes COUNTRY`` and ``cxguide note add|edit|delete``.

Registered through ``cli.COMMAND_MODULES``; helpers of cli.py are imported inside functions so
that importing this module never imports cli.py's heavy parts (or Textual).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cxguide.i18n import _

NOTES_FORMATS = ("text", "markdown", "json")


def add_commands(commands: Any) -> None:
    """Add ``notes`` and ``note`` to the sub-commands."""
    from cxguide.logic.topics import TOPIC_IDS

    notes = commands.add_parser(
        "notes",
        help=_("a country briefing: cited notes on entering, onboarding and research there"),
        description=_(
            "A country briefing: where the country stands on the cultural map, what that means,\n"
            "then every cited note that applies there (and why), by topic, and your own notes.\n"
            "Topics: {topics}."
        ).format(topics=", ".join(TOPIC_IDS)),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    notes.add_argument("country", metavar="NAME|ISO", help=_("the country, by name or code"))
    notes.add_argument(
        "--topic",
        action="append",
        metavar="TOPIC",
        help=_("only this topic (repeat for several), such as recruiting or consent"),
    )
    notes.add_argument(
        "--format", choices=NOTES_FORMATS, default="text", help=_("output format (default: text)")
    )

    note = commands.add_parser(
        "note",
        help=_("add, edit or delete your own notes on a country"),
        description=_(
            "Your own notes on a country, kept apart from the cited ones in notes.yaml in your\n"
            "knowledge directory (written atomically: never half-saved)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = note.add_subparsers(dest="note_action", metavar=_("ACTION"), required=True)
    add = actions.add_parser("add", help=_("add a note"), description=_("Add a note."))
    add.add_argument("country", metavar="NAME|ISO", help=_("the country, by name or code"))
    add.add_argument("text", help=_("the note (quote it)"))
    add.add_argument("--topic", help=_("a topic of your choice, such as recruiting"))
    add.add_argument(
        "--author", help=_("who wrote it (default: $CXGUIDE_AUTHOR, else your login name)")
    )
    edit = actions.add_parser(
        "edit", help=_("change a note"), description=_("Change a note's text, topic or author.")
    )
    edit.add_argument("id", help=_("the note's id (cxguide notes COUNTRY shows it)"))
    edit.add_argument("--text", help=_("the new text"))
    edit.add_argument("--topic", help=_("the new topic ('' removes it)"))
    edit.add_argument("--author", help=_("the new author"))
    delete = actions.add_parser("delete", help=_("delete a note"), description=_("Delete a note."))
    delete.add_argument("id", help=_("the note's id (cxguide notes COUNTRY shows it)"))


def cmd_notes(args: argparse.Namespace) -> int:
    from cxguide.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, _find_country, _load
    from cxguide.export.briefing import briefing_document, briefing_json
    from cxguide.logic.geo_notes import TOPIC_IDS, find_topic

    topics: tuple[str, ...] | None = None
    if args.topic:
        found = [(text, find_topic(text)) for text in args.topic]
        wrong = [text for text, topic in found if topic is None]
        if wrong:
            print(
                _("cxguide notes: unknown topic '{topic}' — the topics are: {topics}").format(
                    topic=wrong[0], topics=", ".join(TOPIC_IDS)
                ),
                file=sys.stderr,
            )
            return EXIT_USAGE
        topics = tuple(dict.fromkeys(t for _text, t in found if t is not None))
    knowledge = _load(args)
    country = _find_country(knowledge, args.country)
    if country is None:
        return EXIT_BAD_INPUT
    if args.format == "json":
        json.dump(
            briefing_json(knowledge, country, topics), sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    elif args.format == "markdown":
        from cxguide.export.culture import to_markdown

        sys.stdout.write(to_markdown(briefing_document(knowledge, country, topics)))
    else:
        from cxguide.export.culture import print_document

        print_document(briefing_document(knowledge, country, topics), sys.stdout)
    return EXIT_OK


def cmd_note(args: argparse.Namespace) -> int:
    from cxguide.cli import EXIT_BAD_INPUT, EXIT_OK, _find_country, _load
    from cxguide.knowledge.user_notes import (
        NoteDraft,
        UserNotesError,
        add_note,
        delete_note,
        edit_note,
    )
    from cxguide.paths import user_data_dir

    knowledge = _load(args)
    user_dir = user_data_dir(args.data_dir)
    try:
        if args.note_action == "add":
            country = _find_country(knowledge, args.country)
            if country is None:
                return EXIT_BAD_INPUT
            draft = NoteDraft(country.id, args.text, args.topic, args.author)
            note = add_note(user_dir, knowledge, draft)
            message = _("Added note {id} on {country} to {file}.")
        elif args.note_action == "edit":
            if args.text is None and args.topic is None and args.author is None:
                print(
                    _("cxguide note edit: say what to change: --text, --topic or --author"),
                    file=sys.stderr,
                )
                return 2
            note = edit_note(
                user_dir, knowledge, args.id, text=args.text, topic=args.topic, author=args.author
            )
            message = _("Changed note {id} on {country} in {file}.")
        else:
            note = delete_note(user_dir, knowledge, args.id)
            message = _("Deleted note {id} on {country} from {file}.")
    except UserNotesError as problem:
        print(_("cxguide note: {message}").format(message=problem.message), file=sys.stderr)
        for item in problem.problems:
            print(f"  {item}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(message.format(id=note.id, country=note.country, file=note.origin.path), file=sys.stderr)
    return EXIT_OK


COMMANDS = {"notes": cmd_notes, "note": cmd_note}
