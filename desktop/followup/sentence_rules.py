"""The letter checker's sentence rules (DESIGN 1.2): the content rules (flattery,
manipulation, neediness, asks-for-decision, status-inquiry, informal) found by phrase lists,
marks (emoji, runs of "!", capitals) and the sentence model; a pronoun before a noun phrase
(``grammar``); subjects not raised at the interview (``new-topic``).

A sentence is underlined once, with its main fault: the user rewrites the sentence anyway, and
a sentence that trips two phrase lists ("I have another offer, so I need your answer by
Friday") is mostly one fault. With the model at hand, the main fault is the rule it rates
highest among those the phrases found and those it finds itself (grouped cross-validation
on the training sentences: higher precision for every rule, no recall lost).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate, islice

from followup.checker_model import SentenceModel, sentence_spans
from followup.findings import Context, Finding, Kind, Severity
from followup.phrases import Tokens
from followup.rulebook import PHRASE_RULES, Rulebook, content_words, finding

# Emoji and pictographs, by Unicode block (no backtracking: a character class).
_EMOJI_CHAR = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\ufe0f\u200d]"
# A run of emoji, spaces between them allowed, is one mark: twelve in a row listed twelve
# findings. (No nested repetition: linear on any paste.)
_EMOJI = re.compile(f"{_EMOJI_CHAR}(?:[ \t]*{_EMOJI_CHAR})*")
_EXCLAIM_RUN = re.compile(r"!{2,}|[!?]{3,}")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]{2,}\b")
# What a model finding is about, for advice worded for a phrase or mark ("informal ({what})").
_MODEL_WHAT = "the wording as a whole"


def content_findings(
    text: str,
    tokens: Tokens,
    found: dict[str, list[tuple[int, int]]],
    context: Context,
    book: Rulebook,
) -> tuple[list[Finding], list[Finding]]:
    """The content rules' phrase and mark findings: those inside a sentence, and those about
    the whole text (all lower case, all capitals, too many "!"), which no sentence owns."""
    findings: list[Finding] = []
    for rule in PHRASE_RULES:
        if rule == "status-inquiry" and context.kind is Kind.INQUIRY:
            continue  # the one inquiry of an online application is allowed to ask
        findings += [finding(book, rule, span, what="slang or text-speak") for span in found[rule]]
    marks, whole = _informal_marks(text, tokens, book)
    return findings + marks, whole


def main_faults(
    text: str,
    tokens: Tokens,
    findings: list[Finding],
    whole: list[Finding],
    context: Context,
    book: Rulebook,
    model: SentenceModel,
) -> list[Finding]:
    """At most one content fault per sentence. A sentence no phrase or mark flags gets the
    model's finding, if any; one that is flagged keeps the findings of its main fault, the
    rule the model rates highest among the flagged rules and the rules it clears itself (a
    model-only rule replaces the flags with the model's finding). Findings that span several
    sentences are kept and keep the model off those sentences. The whole text's marks
    (``whole``: all lower case ...) are kept as they are, unless the text is one sentence:
    then they are that sentence's."""
    skip = frozenset({"status-inquiry"}) if context.kind is Kind.INQUIRY else frozenset()
    spans = list(sentence_spans(text, tokens.starts, tokens.ends))
    sentence_starts = [start for start, _end in spans]
    owned: dict[int, list[Finding]] = {0: list(whole)} if len(spans) == 1 else {}
    loose: list[Finding] = []
    for item in findings:
        if item.start is None or item.end is None:
            loose.append(item)
            continue
        index = bisect_right(sentence_starts, item.start) - 1
        if index >= 0 and item.end <= spans[index][1]:
            owned.setdefault(index, []).append(item)
        else:
            loose.append(item)
    taken = sorted((f.start, f.end) for f in loose if f.start is not None and f.end is not None)
    starts = [start for start, _end in taken]
    reach = list(accumulate((end for _start, end in taken), max))  # furthest end so far
    kept = list(loose) + (list(whole) if len(spans) != 1 else [])
    for index, (start, end) in enumerate(spans):
        flagged = owned.get(index, [])
        before = bisect_left(starts, end)  # loose findings starting inside or before it
        if before and reach[before - 1] > start:
            kept += flagged
            continue
        sentence = text[start:end]
        if not flagged:
            judgement = model.judge(sentence, skip)
            if judgement is not None:
                kept.append(_judged(book, judgement.rule, judgement.confidence, (start, end)))
            continue
        rules = {f.rule for f in flagged}
        scores = dict(zip(model.rules, model.scores(sentence), strict=True))
        candidates = rules | model.cleared(sentence, skip)
        main = max(candidates, key=lambda r: (scores.get(r, 0.0), r in rules, -_order(r)))
        if main in rules:
            kept += [f for f in flagged if f.rule == main]
        else:
            kept.append(_judged(book, main, scores[main], (start, end)))
    return kept


def _order(rule: str) -> int:
    return PHRASE_RULES.index(rule) if rule in PHRASE_RULES else len(PHRASE_RULES)


def _judged(book: Rulebook, rule: str, confidence: float, span: tuple[int, int]) -> Finding:
    """The model's finding: it says it is a judgement, and at what confidence; a warning
    unless the confidence is high."""
    message = book.messages["model"].format(rule=rule, confidence=confidence)
    advice = book.messages[rule].format(what=_MODEL_WHAT)  # informal's names what it saw
    high = book.model["high_confidence"]
    severity = book.severity[rule] if confidence >= high else Severity.WARNING
    return Finding(rule, severity, span[0], span[1], message + advice)


def _first(matches: Iterable[re.Match[str]], book: Rulebook) -> list[re.Match[str]]:
    """No more matches than can be listed (one more, so the cap notices): bounded work."""
    return list(islice(matches, book.limits["max_findings_per_rule"] + 1))


def grammar(tokens: Tokens, text: str, book: Rulebook) -> list[Finding]:
    """A subject pronoun straight before a noun phrase: "I five years of SQL"."""
    found = []
    words, starts, ends, sentences = tokens.words, tokens.starts, tokens.ends, tokens.sentences
    subjects, followers = book.subjects, book.followers
    for index in range(len(words) - 1):
        if words[index] not in subjects:
            continue
        after = words[index + 1]
        if not (after in followers or after.isdigit()) or sentences[index] != sentences[index + 1]:
            continue
        if text[ends[index] : starts[index + 1]].strip():
            continue  # "I, the undersigned": punctuation between
        stop = index + 4 if index + 4 <= len(words) else len(words)
        while stop > index + 2 and sentences[stop - 1] != sentences[index]:
            stop -= 1
        span = (starts[index], ends[stop - 1])
        shown = " ".join(text[span[0] : span[1]].split())
        found.append(finding(book, "grammar", span, words=f"{shown} …"))
        if len(found) > book.limits["max_findings_per_rule"]:
            break
    return found


def _informal_marks(
    text: str, tokens: Tokens, book: Rulebook
) -> tuple[list[Finding], list[Finding]]:
    """Informal marks inside sentences (emoji, runs of "!", words in capitals), and those of
    the whole text (all lower case, all capitals, more "!" than a letter carries)."""
    found = []
    whole = []
    for match in _first(_EMOJI.finditer(text), book):
        single = len(match.group().replace("\ufe0f", "").replace("\u200d", "")) == 1
        found.append(
            finding(book, "informal", match.span(), what="an emoji" if single else "emoji")
        )
    for match in _first(_EXCLAIM_RUN.finditer(text), book):
        found.append(finding(book, "informal", match.span(), what="a run of exclamation marks"))
    limits = book.limits
    if (
        len(text) >= limits["lowercase_min_letters"]
        and len(tokens) >= limits["lowercase_min_words"]
    ):
        if text == text.lower():
            whole.append(finding(book, "informal", (0, len(text)), what="all lower case"))
            return found, whole
        if text == text.upper():
            whole.append(finding(book, "informal", (0, len(text)), what="all capitals"))
            return found, whole
    run: list[re.Match[str]] = []
    for match in _first(_CAPS_WORD.finditer(text), book):
        if run and text[run[-1].end() : match.start()].strip(" ,") == "":
            run.append(match)
        else:
            run = [match]
        if len(run) == limits["caps_run"]:
            span = (run[0].start(), run[-1].end())
            found.append(finding(book, "informal", span, what="words in capitals"))
    exclamations = text.count("!")
    # A full letter may carry a couple; a short draft one (the limit scales with length).
    allowed = limits["max_exclamations"] if len(tokens) >= limits["full_letter_words"] else 1
    if exclamations > allowed and len(tokens) >= 3:
        last = text.rfind("!")
        whole.append(
            finding(book, "informal", (last, last + 1), what=f"{exclamations} exclamation marks")
        )
    return found, whole


def new_topics(
    found: dict[str, list[tuple[int, int]]], context: Context, book: Rulebook
) -> list[Finding]:
    """Subjects of the rulebook's categories that the round's notes never raised."""
    raised = content_words([*context.topics, *context.strengths, context.notes], book)
    return [
        finding(book, "new-topic", span, what=category.what)
        for category in book.categories
        if not any(word[:5] in raised for word in category.words)
        for span in found[category.group]
    ]
