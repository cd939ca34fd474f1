"""The letter checker's whole-letter rules (DESIGN 1.2): length and paragraphs, thanks,
interest and a recap of strengths, a second letter to the same person, and the signature.
Each looks at the letter as a whole, not at one sentence."""

from __future__ import annotations

from dataclasses import replace

from followup.findings import Context, Finding, Kind, Severity
from followup.letter_blocks import body_paragraphs, unsigned_ending
from followup.model import Channel
from followup.phrases import Tokens
from followup.rulebook import Rulebook, content_words, finding


def whole_letter(
    text: str,
    tokens: Tokens,
    found: dict[str, list[tuple[int, int]]],
    context: Context,
    book: Rulebook,
) -> list[Finding]:
    """The whole-letter findings; ``found`` holds the phrase spans of the signals (thanks,
    interest, recap) whose absence is the finding."""
    limits = book.limits
    findings = []
    if tokens.truncated:
        findings.append(
            Finding(
                "too-long",
                Severity.INFO,
                None,
                None,
                book.messages["truncated"].format(limit=len(tokens)),
            )
        )
    if context.already_sent and context.kind is Kind.LETTER:
        recipient = context.recipient or "this person"
        findings.append(finding(book, "second-letter", None, recipient=recipient))
    findings += _length(text, tokens, context, book)
    if not tokens or context.kind is Kind.CALL_NOTES:
        return findings
    judged = []
    if not found["thanks"]:
        judged.append(finding(book, "no-thanks", None))
    if context.kind is Kind.LETTER:
        if not found["recap"] and not _recaps_strengths(tokens, context, book):
            if context.strengths:
                shown = "; ".join(context.strengths)
                judged.append(finding(book, "no-strengths-recap", None, strengths=shown))
            else:  # none noted: no "(what you bring)" echoing the advice
                judged.append(finding(book, "no-strengths-recap", None, "no-strengths-noted"))
        if not found["interest"]:
            judged.append(finding(book, "no-interest", None))
    if len(tokens) < limits["whole_letter_min_words"]:
        # A short draft is judged as a letter too (it is not "ready to send"), and says so.
        prefix = book.messages["short-draft"]  # "…judged as a whole letter too: the letter…"
        judged = [replace(f, message=prefix + f.message[0].lower() + f.message[1:]) for f in judged]
    findings += judged
    if context.kind in (Kind.LETTER, Kind.INQUIRY) and context.channel is Channel.EMAIL:
        findings += _signature(text, book)  # on paper the layout adds the typed name
    return findings


def _signature(text: str, book: Rulebook) -> list[Finding]:
    """A letter whose last line is a closing ("Kind regards,") with no name under it, or
    that stops after its last paragraph with neither closing nor name."""
    body = text.rstrip()
    start = body.rfind("\n") + 1
    last = body[start:]
    unsigned = unsigned_ending(body)
    if unsigned is not None:
        return [finding(book, "no-signature", unsigned, "no-closing")]
    if len(last) > 60:
        return []
    closing = " ".join(last.strip().rstrip(",.!;:-–—").lower().split())
    if closing not in book.closings:
        return []
    span = (start + len(last) - len(last.lstrip()), len(body))
    return [finding(book, "no-signature", span, closing=last.strip())]


def _length(text: str, tokens: Tokens, context: Context, book: Rulebook) -> list[Finding]:
    found = []
    limits = book.limits
    channel = (
        "call" if context.kind in (Kind.CALL_SCRIPT, Kind.CALL_NOTES) else context.channel.value
    )
    limit = limits[f"{channel}_words"]
    if len(tokens) > limit:
        count = f"more than {len(tokens)}" if tokens.truncated else str(len(tokens))
        found.append(
            finding(book, "too-long", (tokens.starts[limit], len(text)), count=count, limit=limit)
        )
    paragraph_limit = limits.get(f"{channel}_paragraphs")
    paragraphs = body_paragraphs(text)  # address blocks, greeting and sign-off aside
    if paragraph_limit and paragraphs > paragraph_limit:
        found.append(
            finding(
                book,
                "too-long",
                None,
                "too-many-paragraphs",
                count=paragraphs,
                limit=paragraph_limit,
            )
        )
    return found


def _recaps_strengths(tokens: Tokens, context: Context, book: Rulebook) -> bool:
    """Most of one strength's meaningful words appear: one shared word (a role name) is not
    a recap, "led the migration" → "the migration I led" is."""
    present = {word[:5] for word in tokens.words}
    for strength in context.strengths:
        wanted = content_words([strength], book)
        if wanted and len(wanted & present) >= max(1, min(2, len(wanted)), len(wanted) // 2):
            return True
    return False
