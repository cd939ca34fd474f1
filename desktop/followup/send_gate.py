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

FINDINGS_RULE = "open-findings"
_QUOTE_MAX = 60


def open_errors(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that block sending until fixed or confirmed."""
    return [f for f in findings if f.severity is Severity.ERROR]


def describe(finding: Finding, text: str) -> str:
    """A short name for a finding: the words it is about, else what is missing."""
    if finding.start is not None and finding.end is not None and text:
        words = " ".join(text[finding.start : finding.end].split())
        if len(words) > _QUOTE_MAX:
            words = words[: _QUOTE_MAX - 1] + "…"
        if words:
            return f"“{words}”"
    return finding.rule.replace("-", " ")


def findings_override(
    errors: Sequence[tuple[Finding, str]], reason: str, now: datetime
) -> Override:
    """The record of sending despite ``errors`` (each with the text it was found in)."""
    what = "; ".join(describe(f, text) for f, text in errors)
    said = reason.strip() or "confirmed without a reason"
    return Override(FINDINGS_RULE, f"{said} (sent with open findings: {what})", now)


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
    ``errors``, or both. Overriding a rule needs a reason (the findings alone do not)."""
    if rule is None:
        return findings_override(errors, reason, now) if errors else None
    said = reason.strip()
    if not said:
        raise InvalidInput("say why this exception is right; it is kept with the letter", "reason")
    if errors:
        what = "; ".join(describe(f, text) for f, text in errors)
        said = f"{said} (sent with open findings: {what})"
    return Override(rule, said, now)
