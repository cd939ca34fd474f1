"""Nothing leaves with an open error unless the user said so, and that is recorded.

Before a letter is sent, opened in a mail app, printed, saved as PDF or marked as sent, the
errors the checker found are shown; the user fixes them or confirms. A confirmation is kept
with the letter the way an etiquette override is: a rule id, the user's words and the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from followup.checker import Finding, Severity
from followup.errors import InvalidInput
from followup.model import Override
from followup.validation import LINE

FINDINGS_RULE = "open-findings"
_QUOTE_MAX = 60
# The open findings named in a record take at most this much of its reason (LINE, 1,000
# characters, in all): the rest is named by count, and the user's own words keep the room left.
QUOTED_MAX = 500


def open_errors(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that block sending until fixed or confirmed."""
    return [f for f in findings if f.severity is Severity.ERROR]


def describe(finding: Finding, text: str) -> str:
    """A short name for a finding: the words it is about, else what is missing."""
    if finding.start is not None and finding.end is not None and text:
        # Control characters and direction overrides are not quoted: the record refuses them.
        quoted = "".join(
            c for c in text[finding.start : finding.end] if c.isprintable() or c.isspace()
        )
        words = " ".join(quoted.split())
        if len(words) > _QUOTE_MAX:
            words = words[: _QUOTE_MAX - 1] + "…"
        if words:
            return f"“{words}”"
    return finding.rule.replace("-", " ")


def named(errors: Sequence[tuple[Finding, str]]) -> str:
    """The open findings, named one by one as long as they fit in ``QUOTED_MAX`` characters,
    then counted ('… and 12 more'): a letter with many errors can still be recorded."""
    names = [describe(f, text) for f, text in errors]
    for shown in range(len(names), -1, -1):
        rest = len(names) - shown
        what = "; ".join([*names[:shown], *([f"… and {rest} more"] if rest else [])])
        if len(what) <= QUOTED_MAX:
            return what
    return f"{len(names)} of them"  # not reached: the count alone always fits


def _findings_part(errors: Sequence[tuple[Finding, str]]) -> str:
    return f" (sent with open findings: {named(errors)})" if errors else ""


def findings_override(
    errors: Sequence[tuple[Finding, str]], reason: str, now: datetime
) -> Override:
    """The record of sending despite ``errors`` (each with the text it was found in). The
    findings' part always fits; the user's words are the caller's to bound (``exception``
    does, or ``Override.check``)."""
    said = reason.strip() or "confirmed without a reason"
    return Override(FINDINGS_RULE, said + _findings_part(errors), now)


def combine(refusal: Override | None, findings: Override | None) -> Override | None:
    """One record for both kinds of exception: the etiquette override keeps its rule (the
    domain checks it), and the findings confirmation is added to its reason."""
    if refusal is None:
        return findings
    if findings is None:
        return refusal
    return Override(refusal.rule, f"{refusal.reason}; also {findings.reason}", refusal.at)


def exception(
    rule: str | None, errors: Sequence[tuple[Finding, str]], reason: str, now: datetime
) -> Override | None:
    """One record of going ahead in one step, for the one reason the user gave: over the
    etiquette rule ``rule`` (its id kept, so the domain accepts the letter), over the open
    ``errors``, or both. Overriding a rule needs a reason (the findings alone do not); too
    long a reason is refused too, both naming the field ``reason``."""
    if rule is None and not errors:
        return None  # nothing to go over (the reason field is not even shown)
    said = reason.strip()
    if rule is not None and not said:
        raise InvalidInput("say why this exception is right; it is kept with the letter", "reason")
    added = _findings_part(errors)
    room = LINE - len(added)
    if len(said) > room:
        raise InvalidInput(
            f"the reason is too long ({len(said):,} characters; at most {room:,} here, as the "
            "open findings are named after it)",
            "reason",
        )
    if rule is None:
        return findings_override(errors, said, now)
    return Override(rule, said + added, now)
