"""The letter checker (DESIGN 1.2): a pure function from text and context to findings.

Rules, phrase lists and thresholds live in ``resources/checker/rules.toml`` (read by
``rulebook``); the sentence rules (content faults, grammar, new topics) are in
``sentence_rules``, the whole-letter rules in ``letter_rules``, the sentence model in
``checker_model``. Work is linear in the text and bounded: fast enough for every keystroke,
and no input can make it hang.
"""

from __future__ import annotations

from followup.checker_model import SentenceModel, default_model
from followup.day_mentions import wrong_days
from followup.findings import Context, Finding, Kind, Severity
from followup.letter_rules import whole_letter
from followup.phrases import tokenize
from followup.rulebook import PHRASE_RULES, RULE_IDS, Rulebook, default_rulebook
from followup.sentence_rules import content_findings, grammar, main_faults, new_topics

__all__ = [
    "PHRASE_RULES",
    "RULE_IDS",
    "Context",
    "Finding",
    "Kind",
    "Rulebook",
    "Severity",
    "check",
    "default_rulebook",
]
_NO_CONTEXT = Context()  # a plain e-mail letter with no notes


def check(
    text: str,
    context: Context = _NO_CONTEXT,
    book: Rulebook | None = None,
    model: SentenceModel | bool = True,
) -> list[Finding]:
    """Every finding for ``text``, in the order they appear (whole-letter findings last).

    At most ``max_findings_per_rule`` findings per rule are listed (then one note says how
    many more there were), so a hostile paste costs no more than a letter to report.
    ``model``: the sentence model that backs the phrase rules and picks each sentence's main
    fault (True: the shipped one, read on first use; False: phrase rules only, every phrase
    finding kept, as when the model is trained).
    """
    book = book or default_rulebook()
    tokens = tokenize(text, book.limits["max_checked_words"])
    checked = text[: tokens.ends[-1] + 1] if tokens.truncated else text
    found = book.index.find(tokens)
    findings, whole_text = content_findings(checked, tokens, found, context, book)
    if model is not False:
        judge = default_model() if model is True else model
        findings = main_faults(checked, tokens, findings, whole_text, context, book, judge)
    else:
        findings += whole_text
    findings += new_topics(found, context, book)
    findings += grammar(tokens, text, book)
    if context.interview_day is not None:
        findings += wrong_days(checked, context.interview_day, book, context.today)
    findings.sort(key=lambda f: f.start if f.start is not None else -1)
    findings = _capped(findings, book)
    findings += whole_letter(text, tokens, found, context, book)
    return findings


def _capped(findings: list[Finding], book: Rulebook) -> list[Finding]:
    """The first ``max_findings_per_rule`` of each rule, and a note per rule with more."""
    limit = book.limits["max_findings_per_rule"]
    counts: dict[str, int] = {}
    kept = []
    for finding in findings:
        seen = counts[finding.rule] = counts.get(finding.rule, 0) + 1
        if seen <= limit:
            kept.append(finding)
    for rule, count in counts.items():
        if count > limit:
            message = book.messages["capped"].format(count=count - limit, limit=limit)
            kept.append(Finding(rule, Severity.INFO, None, None, message))
    return kept
