"""The ``followup`` command: the same domain and database as the GUI, from a terminal.

Exit codes (DESIGN section 4): 0 done; 1 a finding or refusal the user must see;
2 bad usage or bad input, with a one-line reason on stderr and nothing written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import NoReturn

from followup import __version__
from followup.cli import dates, records, repairs
from followup.cli.arguments import record_id as _id
from followup.cli.context import Context, parse_moment
from followup.errors import CorruptDatabase, FollowUpError, InvalidInput, Refusal
from followup.model import Channel, RoundKind, Source, Status
from followup.paths import PRIVATE_UMASK
from followup.validation import check_moment

Handler = Callable[[Context], int]
MAX_AGENDA_DAYS = 366


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        # The message quotes what was typed: a line break in it (U+0085, U+2028, ...) or a
        # control character is shown escaped, so the refusal stays one line.
        shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(2, f"{self.prog}: {shown} (see --help)\n")


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from error
    if not 1 <= days <= MAX_AGENDA_DAYS:
        raise argparse.ArgumentTypeError(f"{days} is outside 1–{MAX_AGENDA_DAYS}")
    return days


def _calendar_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--country", help="ISO country code for public holidays (default: settings)"
    )
    parser.add_argument("--subdiv", help="state, province or region (e.g. CA, BY)")
    parser.add_argument("--workdays", help="working weekdays, e.g. sun,mon,tue,wed,thu")


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _command(
    sub: argparse._SubParsersAction[_Parser],
    name: str,
    handler: Handler,
    help_: str,
    *,
    reads: bool = True,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
    parser.set_defaults(handler=handler)
    _json_flag(parser) if reads else None
    return parser


def _group(
    sub: argparse._SubParsersAction[_Parser], name: str, help_: str
) -> argparse._SubParsersAction[_Parser]:
    parser = sub.add_parser(name, help=help_, description=help_)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")


def _contact_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--name", required=required)
    parser.add_argument("--title", help="job title, e.g. Engineering Manager")
    parser.add_argument("--company")
    parser.add_argument("--email")
    parser.add_argument("--phone")
    parser.add_argument("--address", help="postal address; separate lines with ';' or newlines")


def _app_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--company", required=required)
    parser.add_argument("--role", required=required)
    parser.add_argument("--url", help="the job posting")
    parser.add_argument("--applied-on", help="ISO date you applied")
    parser.add_argument(
        "--source",
        choices=[s.value for s in Source],
        default=Source.PORTAL.value if required else None,
    )
    parser.add_argument("--contact", type=_id, help="a named contact's id")


def _round_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--start", required=required, help="ISO date-time the interview began")
    parser.add_argument("--end", required=required, help="ISO date-time it ended")
    parser.add_argument("--tz", help="IANA zone where it took place (default: yours)")
    parser.add_argument(
        "--kind",
        choices=[k.value for k in RoundKind],
        default=RoundKind.VIDEO.value if required else None,
    )
    parser.add_argument("--title", help="e.g. 'Second round with the team'")
    parser.add_argument("--interviewer", type=_id, action="append", help="contact id (repeat)")
    parser.add_argument("--topic", action="append", help="a topic discussed (repeat)")
    parser.add_argument("--strength", action="append", help="a strength you showed (repeat)")
    parser.add_argument("--next-steps", help="what they said about next steps")
    parser.add_argument("--decision-on", help="ISO date they said they would decide")
    parser.add_argument("--notes")


@cache
def build_parser() -> argparse.ArgumentParser:
    """Every command and option, built once per process (a parser only reads its arguments;
    building it is most of an in-process command's time: ~10 ms of argparse)."""
    parser = _Parser(prog="followup", description="Interview follow-up: one letter, one call.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", help="database file (default: $FOLLOWUP_DB or the user data folder)"
    )
    parser.add_argument("--now", help=argparse.SUPPRESS)  # pretend it is this moment (tests)
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    p = _command(sub, "deadline", dates.deadline, "the letter deadline for an interview")
    p.add_argument("--interview-at", required=True, help="ISO date-time of the interview")
    p.add_argument("--tz", help="IANA zone where it takes place (default: yours)")
    _calendar_flags(p)
    p = _command(sub, "call-date", dates.call_date, "the date of the one phone call")
    p.add_argument("--letter-sent", required=True, help="ISO date the letter was sent")
    _calendar_flags(p)

    p = _command(sub, "check", _check, "check a letter's text against the etiquette")
    p.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input")
    p.add_argument("--interview", type=_id, help="round id: compare with its topics and history")
    p.add_argument("--to", type=_id, help="recipient contact id")
    p.add_argument("--channel", choices=[c.value for c in Channel], default=Channel.EMAIL.value)

    p = _command(sub, "plan", dates.plan, "a round's (or an online application's) plan")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("round", nargs="?", type=_id, help="round id")
    target.add_argument("--app", type=_id, help="application id (online application plan)")
    _calendar_flags(p)
    p = _command(sub, "agenda", dates.agenda_cmd, "what is due: overdue first, then by time")
    p.add_argument("--from", dest="start", help="ISO date (default: today)")
    p.add_argument("--to", dest="end", help="ISO date, inclusive")
    p.add_argument(
        "--days", type=_days, default=7, help="days from --from when --to is absent (1–366)"
    )

    contact = _group(sub, "contact", "people: interviewers, recruiters")
    p = _command(contact, "add", records.contact_add, "add a contact")
    _contact_fields(p, required=True)
    p = _command(contact, "edit", records.contact_edit, "change a contact")
    p.add_argument("id", type=_id)
    _contact_fields(p, required=False)
    _command(contact, "list", records.contact_list, "list contacts")
    _command(contact, "show", records.contact_show, "show a contact").add_argument("id", type=_id)
    p = _command(contact, "delete", records.contact_delete, "delete a contact", reads=False)
    p.add_argument("id", type=_id)
    p.add_argument(
        "--with-drafts",
        action="store_true",
        help="also delete letters drafted to them and not sent (refused otherwise)",
    )

    app = _group(sub, "app", "applications")
    p = _command(app, "add", records.app_add, "add an application")
    _app_fields(p, required=True)
    p = _command(app, "edit", records.app_edit, "change an application")
    p.add_argument("id", type=_id)
    _app_fields(p, required=False)
    _command(app, "list", records.app_list, "list applications")
    _command(app, "show", records.app_show, "show an application").add_argument("id", type=_id)
    _command(
        app, "delete", records.app_delete, "delete an application and its rounds", reads=False
    ).add_argument("id", type=_id)
    p = _command(app, "status", records.app_status, "close, retire, reopen or mark an offer")
    p.add_argument("id", type=_id)
    p.add_argument("status", choices=[s.value for s in Status])
    p.add_argument("--reason", help='e.g. "no response"')

    rnd = _group(sub, "round", "interview rounds")
    p = _command(rnd, "add", records.round_add, "add an interview round")
    p.add_argument("--app", type=_id, required=True)
    _round_fields(p, required=True)
    p = _command(rnd, "edit", records.round_edit, "change a round")
    p.add_argument("id", type=_id)
    _round_fields(p, required=False)
    _command(rnd, "list", records.round_list, "list rounds").add_argument("--app", type=_id)
    _command(rnd, "show", records.round_show, "show a round").add_argument("id", type=_id)
    _command(rnd, "delete", records.round_delete, "delete a round", reads=False).add_argument(
        "id", type=_id
    )

    letter = _group(sub, "letter", "the one follow-up letter")
    p = _command(letter, "record", records.letter_record, "record a letter as sent")
    p.add_argument("round", type=_id)
    p.add_argument("--to", type=_id, required=True, help="the interviewer's contact id")
    p.add_argument("--channel", choices=[c.value for c in Channel], required=True)
    p.add_argument("--sent-at", help="ISO date-time (default: now)")
    p.add_argument("--override", metavar="REASON", help="send despite a refusal; recorded")
    _command(letter, "list", records.letter_list, "list letters sent").add_argument(
        "--round", type=_id
    )
    p = _command(letter, "edit", repairs.letter_edit, "correct a recorded letter")
    p.add_argument("id", type=_id)
    p.add_argument("--channel", choices=[c.value for c in Channel])
    p.add_argument("--sent-at", help="ISO date-time it was sent")
    _command(
        letter, "delete", repairs.letter_delete, "delete a recorded letter", reads=False
    ).add_argument("id", type=_id)

    call = _group(sub, "call", "the one phone call")
    p = _command(call, "record", records.call_record, "record the call as made")
    p.add_argument("round", type=_id)
    p.add_argument("--made-at", help="ISO date-time (default: now)")
    p.add_argument("--outcome")
    p.add_argument("--override", metavar="REASON", help="call despite a refusal; recorded")
    _command(call, "list", repairs.call_list, "list calls made").add_argument("--round", type=_id)
    p = _command(call, "edit", repairs.call_edit, "correct a recorded call")
    p.add_argument("id", type=_id)
    p.add_argument("--made-at", help="ISO date-time it was made")
    p.add_argument("--outcome")
    _command(
        call, "delete", repairs.call_delete, "delete a recorded call", reads=False
    ).add_argument("id", type=_id)

    inquiry = _group(sub, "inquiry", "the one status inquiry of an online application")
    p = _command(inquiry, "record", records.inquiry_record, "record the inquiry as sent")
    p.add_argument("app", type=_id)
    p.add_argument("--channel", choices=[c.value for c in Channel], default="email")
    p.add_argument("--sent-at")
    p.add_argument("--override", metavar="REASON")
    _command(inquiry, "list", repairs.inquiry_list, "list status inquiries").add_argument(
        "--app", type=_id
    )
    p = _command(inquiry, "edit", repairs.inquiry_edit, "correct a recorded inquiry")
    p.add_argument("id", type=_id)
    p.add_argument("--channel", choices=[c.value for c in Channel])
    p.add_argument("--sent-at", help="ISO date-time it was sent")
    _command(
        inquiry, "delete", repairs.inquiry_delete, "delete a recorded inquiry", reads=False
    ).add_argument("id", type=_id)

    settings = _group(sub, "settings", "your settings")
    _command(settings, "list", records.settings_list, "all settings with descriptions")
    _command(settings, "get", records.settings_get, "one setting").add_argument("key")
    p = _command(settings, "set", records.settings_set, "change a setting", reads=False)
    p.add_argument("key")
    p.add_argument("value")

    export = _group(sub, "export", "export to files")
    _command(
        export, "ics", dates.export_ics, "calendar file (.ics) with alarms", reads=False
    ).add_argument("file", help="output file, or -")
    _command(export, "json", records.export_json, "everything as JSON", reads=False).add_argument(
        "file", help="output file, or -"
    )
    imp = _group(sub, "import", "import from files")
    p = _command(
        imp, "json", records.import_json, "load a JSON export (all or nothing)", reads=False
    )
    p.add_argument("file", help="input file, or -")
    p.add_argument("--replace", action="store_true", help="replace everything (a backup is made)")
    db = _group(sub, "db", "the database file itself: check it, put a backup back")
    _command(db, "check", _db_check, "SQLite's full integrity check, and the backups")
    p = _command(db, "restore", _db_restore, "replace a damaged database with a backup")
    p.add_argument("--backup", metavar="FILE", help="this backup (default: the newest good one)")
    p.add_argument(
        "--force", action="store_true", help="replace the database even though it is not damaged"
    )
    p = _command(sub, "desktop-entry", _desktop_entry, "the applications-menu entry")
    p.add_argument("entry_action", choices=["install", "uninstall", "status"])
    _plugins({"letter": letter, "export": export})
    return parser


PLUGIN_GROUP = "followup.commands"


def _plugins(groups: dict[str, argparse._SubParsersAction[_Parser]]) -> None:
    """Commands other packages add (the desktop package adds printing): each entry point is
    a function that receives these sub-command groups."""
    from importlib.metadata import entry_points  # noqa: PLC0415

    for entry in entry_points(group=PLUGIN_GROUP):
        try:
            register = entry.load()
        except ImportError:  # the package is not installed here: its commands are absent
            continue
        register(groups)


def _desktop_entry(ctx: Context) -> int:
    from followup.cli.system import desktop_entry_cmd  # noqa: PLC0415  (rarely used)

    return desktop_entry_cmd(ctx)


def _check(ctx: Context) -> int:
    from followup.cli.letters import check_cmd  # noqa: PLC0415  (the rulebook loads on use)

    return check_cmd(ctx)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever happens, the outcome is an exit code and at most one line
    on stderr: never a traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx: Context | None = None
    umask = os.umask(PRIVATE_UMASK)  # what this command writes is the user's only
    try:
        now = datetime.now(UTC)
        if args.now:
            now = parse_moment(args.now, "--now")
            if now.tzinfo is None:
                raise InvalidInput("--now needs an offset")
            check_moment(now, "--now")
        ctx = Context(args, now)
        code: int = args.handler(ctx)
        sys.stdout.flush()
        ctx.warn_about_stored_values()
        return code
    except Refusal as refusal:
        print(
            f"followup: refused ({refusal.rule}): {refusal.message} "
            "Use --override REASON to record an explicit exception.",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:
        # The reader stopped early (``| head``): not an error. Point stdout at nothing so the
        # interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except CorruptDatabase as error:
        return _fail(
            f"{error} See `followup db check`; `followup db restore` puts the latest good "
            "backup in its place and keeps the damaged file beside it."
        )
    except (FollowUpError, ValueError) as error:
        return _fail(str(error))
    except sqlite3.Error as error:
        return _fail(f"the database {_db_name(args)} cannot be used: {error}")
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return _fail(f"{error.strerror or error}{where}")
    except (RecursionError, MemoryError):
        return _fail("the input is too large or too deeply nested")
    except KeyboardInterrupt:
        return 130
    finally:
        os.umask(umask)
        if ctx is not None:
            ctx.close()


def _db_check(ctx: Context) -> int:
    from followup.cli.maintenance import db_check  # noqa: PLC0415  (loaded on use)

    return db_check(ctx)


def _db_restore(ctx: Context) -> int:
    from followup.cli.maintenance import db_restore  # noqa: PLC0415

    return db_restore(ctx)


def _fail(message: str) -> int:
    """Exit 2 with the reason as one line (a multi-line message is folded)."""
    line = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in " ".join(message.split()))
    with contextlib.suppress(OSError):  # stderr closed: the exit code still says it
        print(f"followup: {line}", file=sys.stderr)
    return 2


def _db_name(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("FOLLOWUP_DB") or "file")
