"""What the composer's live check computes, without Qt: the letter's and the subject's
findings and the words counted as the length rule counts them. Typing costs one paragraph's
count, and a text checked a moment ago (undo, redo, the check before sending) is not checked
again."""

from __future__ import annotations

from dataclasses import dataclass

from followup.checker import Context, Finding, check, default_rulebook
from followup.model import Channel
from followup.phrases import tokenize
from followup.subject import check_subject

REMEMBERED = 8  # recent texts whose findings are kept (an undo or two, the send gate)


@dataclass(frozen=True)
class Checked:
    """One check of the letter as it stood."""

    findings: list[Finding]
    subject_findings: list[Finding]
    words: int
    limit: int

    @property
    def over(self) -> bool:
        return self.words > self.limit


class WordCount:
    """Words of a text as the length rule counts them (``tokenize``), paragraph by paragraph:
    no word spans a line break, so a keystroke counts its own paragraph again and takes the
    others from the last count."""

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        known, now = self._known, {}
        total = 0
        for paragraph in text.split("\n"):
            count = known.get(paragraph)
            if count is None:
                count = len(tokenize(paragraph).words)
            now[paragraph] = count
            total += count
        self._known = now  # only the current text's paragraphs: bounded by what is written
        return total


class LetterCheck:
    """Checks a letter and its subject line, remembering the last few texts' findings."""

    def __init__(self) -> None:
        self.count = WordCount()
        self._recent: list[tuple[str, Context, list[Finding]]] = []

    def run(self, text: str, subject: str, context: Context, email: bool) -> Checked:
        """``email``: the subject line is checked too (a letter by e-mail has one)."""
        findings = self._findings(text, context)
        subject_findings = check_subject(subject, context) if email else []
        limits = default_rulebook().limits
        limit = limits["post_words" if context.channel is Channel.POST else "email_words"]
        return Checked(findings, subject_findings, self.count(text), limit)

    def _findings(self, text: str, context: Context) -> list[Finding]:
        if not text.strip():
            return []
        for index, (seen, seen_context, findings) in enumerate(self._recent):
            if seen == text and seen_context == context:
                self._recent.insert(0, self._recent.pop(index))
                return findings
        findings = check(text, context)
        self._recent = [(text, context, findings), *self._recent[: REMEMBERED - 1]]
        return findings
