"""``followup letter pdf`` and ``followup letter envelope``: the printed letter from a
terminal. Registered through the ``followup.commands`` entry point, so the domain's command
line gains printing without ever importing Qt."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from followup.cli.arguments import LETTER_BYTES, read_input, record_id
from followup.errors import InvalidInput

T = TypeVar("T")


def register(groups: dict[str, Any]) -> None:
    letter = groups["letter"]
    pdf = letter.add_parser(
        "pdf",
        help="render the letter for the post to PDF",
        description="Render the letter for the post to PDF.",
    )
    pdf.add_argument("round", type=record_id)
    pdf.add_argument("--to", type=record_id, required=True, help="the interviewer's contact id")
    pdf.add_argument("--out", required=True, help="the PDF file to write")
    pdf.add_argument("--file", help="the letter's text (default: the saved draft; - for stdin)")
    pdf.add_argument(
        "--paper", choices=["auto", "letter", "a4"], help="paper size (default: your setting)"
    )
    pdf.set_defaults(handler=letter_pdf)
    env = letter.add_parser(
        "envelope",
        help="render the envelope to PDF",
        description="Render the envelope (DL or US #10) to PDF.",
    )
    env.add_argument("round", type=record_id)
    env.add_argument("--to", type=record_id, required=True)
    env.add_argument("--out", required=True)
    env.add_argument("--size", choices=["dl", "us10"], default="dl")
    env.set_defaults(handler=envelope_pdf)


def _qt() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a terminal has no screen
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def _parts(ctx: Any) -> tuple[Any, Any, Any]:
    args: argparse.Namespace = ctx.args
    repo = ctx.repo
    round_ = repo.round(args.round)
    if args.to not in round_.interviewer_ids:
        raise InvalidInput(f"contact {args.to} did not interview you in round {args.round}")
    return round_, repo.contact(args.to), repo.application(round_.application_id)


def _text(ctx: Any, round_id: int, contact_id: int) -> str:
    source = ctx.args.file
    if source:
        return read_input(source, LETTER_BYTES)
    draft = ctx.repo.draft(round_id, contact_id)
    if draft is None:
        raise InvalidInput("no draft for this letter: write it in the app, or give --file")
    return str(draft.body)


def _written(ctx: Any, render: Callable[[Path], T]) -> T:
    """Render into a private folder, then write the file whole where asked, with the command
    line's own checks: a missing folder, a folder, a full disk are one line and no file."""
    if ctx.args.out == "-":
        raise InvalidInput("--out needs a file name: a PDF is not written to the terminal")
    with tempfile.TemporaryDirectory(prefix="followup-") as folder:
        path = Path(folder) / "out.pdf"
        result = render(path)
        ctx.write_file(ctx.args.out, path.read_bytes())
    return result


def letter_pdf(ctx: Any) -> int:
    from followup.date_style import letter_dates_for  # noqa: PLC0415
    from followup.letter_layout import business_letter, missing_for_post  # noqa: PLC0415

    round_, contact, app = _parts(ctx)
    profile = ctx.settings.profile()
    missing = missing_for_post(profile, contact)
    if missing:
        raise InvalidInput("the letter needs " + ", ".join(missing))
    text = _text(ctx, round_.id, contact.id)
    _qt()
    from followup_desktop import signature as signatures  # noqa: PLC0415
    from followup_desktop.printing import default_paper, letter_pdf  # noqa: PLC0415

    today = ctx.now.astimezone(ctx.zone).date()
    country = ctx.calendar().country or ""  # the letter's country, not the process locale
    letter = business_letter(text, profile, contact, app.company, today, letter_dates_for(country))
    image = signatures.load(signatures.signature_path(ctx.db_path.parent))
    paper = default_paper(ctx.args.paper or ctx.settings["post.paper"], country)
    pages = _written(ctx, lambda path: letter_pdf(path, letter, image, paper))
    note = "" if image is not None else " (no signature on file: sign it by hand)"
    ctx.out.write(f"Wrote {ctx.args.out}: {pages} page{'s' if pages > 1 else ''}{note}\n")
    return 0


def envelope_pdf(ctx: Any) -> int:
    from followup.letter_layout import envelope, missing_for_post  # noqa: PLC0415

    _round, contact, app = _parts(ctx)
    profile = ctx.settings.profile()
    missing = missing_for_post(profile, contact)
    if missing:
        raise InvalidInput("the envelope needs " + ", ".join(missing))
    _qt()
    from followup_desktop.printing import envelope_pdf as render  # noqa: PLC0415

    shape = envelope(profile, contact, app.company)
    _written(ctx, lambda path: render(path, shape, ctx.args.size))
    ctx.out.write(f"Wrote {ctx.args.out}\n")
    return 0
