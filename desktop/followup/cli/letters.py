"""Commands about the letter's text: the etiquette check."""

from __future__ import annotations

from followup.checker import Context as CheckContext
from followup.checker import Finding, Severity, check
from followup.cli.arguments import LETTER_BYTES, input_name, read_input
from followup.cli.context import Context
from followup.errors import InvalidInput
from followup.model import Channel
from followup.rules import interview_date, zone_of


def _read(source: str) -> str:
    return read_input(source, LETTER_BYTES)


def _context(ctx: Context) -> CheckContext:
    a = ctx.args
    channel = Channel(a.channel)
    if a.interview is None:
        if a.to is not None:
            raise InvalidInput("--to needs --interview (the round the letter is for)")
        return CheckContext(channel=channel)
    repo = ctx.repo
    round_ = repo.round(a.interview)
    recipient = a.to
    if recipient is None and len(round_.interviewer_ids) == 1:
        recipient = round_.interviewer_ids[0]
    name = repo.contact(recipient).name if recipient is not None else ""
    sent = any(x.contact_id == recipient for x in repo.letters(round_.id))
    return CheckContext(
        channel=channel,
        topics=round_.topics,
        strengths=round_.strengths,
        notes=f"{round_.notes}\n{round_.next_steps}",
        recipient=name,
        already_sent=sent,
        interview_day=interview_date(round_.starts_at, zone_of(round_)),
        today=ctx.now.astimezone(ctx.zone).date(),
    )


def _places(text: str, findings: list[Finding]) -> dict[int, str]:
    """Line:column of every finding's start, counted in one pass over the text (not once
    from the top per finding, which took a minute on a 1 MB paste)."""
    places: dict[int, str] = {}
    line, line_start, at = 1, 0, 0
    for start in sorted({f.start for f in findings if f.start is not None}):
        newlines = text.count("\n", at, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", at, start) + 1
        at = start
        places[start] = f"{line}:{start - line_start + 1}"
    return places


# Letters that show as blank space (Hangul fillers, the Braille blank): no word is made of them.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _a_word_in(text: str) -> bool:
    """A letter or a digit somewhere: blank space, marks, dots or dashes alone are no letter."""
    return any(ch.isalnum() and ch not in _BLANK_LETTERS for ch in text)


def check_cmd(ctx: Context) -> int:
    text = _read(ctx.args.file)
    if not _a_word_in(text):  # "No findings" would pass it as a good letter
        raise InvalidInput(f"{input_name(ctx.args.file)} holds no letter (no word in it)")
    findings = check(text, _context(ctx))
    rows = []
    places = _places(text, findings)
    for f in findings:
        excerpt = ""
        if f.start is not None and f.end is not None:
            snippet = " ".join(text[f.start : f.end].split())
            excerpt = f"\n      “{snippet[:70]}{'…' if len(snippet) > 70 else ''}”"
        where = "letter" if f.start is None else places[f.start]
        rows.append(f"{where}  {f.severity.value}  {f.rule}: {f.message}{excerpt}")
    ctx.emit(
        [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "start": f.start,
                "end": f.end,
                "message": f.message,
            }
            for f in findings
        ],
        "\n".join(rows) or "No findings: brief, thankful, and on topic.",
    )
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0
