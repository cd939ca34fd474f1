"""The letter checker (DESIGN 1.2): a pure function from text and context to findings.

Rules, phrase lists and thresholds live in ``resources/checker/rules.toml``. Work is linear in
the text and bounded: fast enough for every keystroke, and no input can make it hang.
"""

from __future__ import annotations

import enum
import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import accumulate, islice
from typing import Any

from followup.checker_model import SentenceModel, default_model, sentence_spans
from followup.letter_blocks import body_paragraphs, unsigned_ending
from followup.model import Channel
from followup.phrases import PhraseIndex, Tokens, tokenize

RULE_IDS = (
    "too-long",
    "no-thanks",
    "no-strengths-recap",
    "no-interest",
    "flattery",
    "manipulation",
    "neediness",
    "asks-for-decision",
    "status-inquiry",
    "informal",
    "new-topic",
    "second-letter",
    "no-signature",
    "grammar",
)
PHRASE_RULES = (
    "flattery",
    "manipulation",
    "neediness",
    "asks-for-decision",
    "status-inquiry",
    "informal",
)
_SIGNALS = ("thanks", "interest", "recap")  # phrases whose absence is the finding
# Emoji and pictographs, by Unicode block (no backtracking: a character class).
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\ufe0f\u200d]")
_EXCLAIM_RUN = re.compile(r"!{2,}|[!?]{3,}")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]{2,}\b")


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Kind(enum.StrEnum):
    """What is being checked; some rules only apply to some kinds."""

    LETTER = "letter"  # the one thank-you letter
    INQUIRY = "inquiry"  # the one status inquiry of an online application
    CALL_SCRIPT = "call-script"  # what the user plans to say on the one call
    CALL_NOTES = "call-notes"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    start: int | None
    end: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the checker knows besides the text."""

    channel: Channel = Channel.EMAIL
    kind: Kind = Kind.LETTER
    topics: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    notes: str = ""
    recipient: str = ""
    already_sent: bool = False  # a letter to this recipient for this round exists
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Category:
    """A subject that was almost certainly not raised at an interview (``new-topic``)."""

    group: str
    what: str
    words: frozenset[str]


@dataclass(frozen=True)
class Rulebook:
    limits: dict[str, int]
    severity: dict[str, Severity]
    messages: dict[str, str]
    index: PhraseIndex
    categories: tuple[Category, ...]
    stopwords: frozenset[str]
    closings: frozenset[str]
    subjects: frozenset[str]
    followers: frozenset[str]
    model: dict[str, float]

    @classmethod
    def from_toml(cls, text: str) -> Rulebook:
        data = tomllib.loads(text)
        groups = [(rule, data[rule]["phrases"]) for rule in (*PHRASE_RULES, *_SIGNALS)]
        categories = []
        for number, category in enumerate(data["new-topic"]["category"]):
            group = f"topic-{number}"
            groups.append((group, category["phrases"]))
            categories.append(Category(group, category["what"], frozenset(category["words"])))
        return cls(
            limits={k: int(v) for k, v in data["limits"].items()},
            severity={k: Severity(v) for k, v in data["severity"].items()},
            messages=dict(data["messages"]),
            index=PhraseIndex(groups),
            categories=tuple(categories),
            stopwords=frozenset(data["stopwords"]["words"].split()),
            closings=frozenset(" ".join(c.lower().split()) for c in data["signature"]["closings"]),
            subjects=frozenset(data["grammar"]["subjects"]),
            followers=frozenset(data["grammar"]["followers"]),
            model={k: float(v) for k, v in data["model"].items()},
        )


@cache
def default_rulebook() -> Rulebook:
    source = resources.files("followup_resources") / "checker" / "rules.toml"
    return Rulebook.from_toml(source.read_text(encoding="utf-8"))


def _finding(
    book: Rulebook, rule: str, span: tuple[int, int] | None, message_key: str = "", **values: object
) -> Finding:
    message = book.messages[message_key or rule].format(**values)
    start, end = span if span is not None else (None, None)
    return Finding(rule, book.severity[rule], start, end, message)


def _content_words(texts: Sequence[str], book: Rulebook) -> set[str]:
    """Meaningful words, cut to five letters: a crude stem ("scaled", "scaling" → "scali")."""
    return {
        word[:5]
        for text in texts
        for word in tokenize(text).words
        if word not in book.stopwords and len(word) > 2
    }


def check(
    text: str,
    context: Context = Context(),
    book: Rulebook | None = None,
    model: SentenceModel | bool = True,
) -> list[Finding]:
    """Every finding for ``text``, in the order they appear (whole-letter findings last).

    At most ``max_findings_per_rule`` findings per rule are listed (then one note says how
    many more there were), so a hostile paste costs no more than a letter to report.
    ``model``: the sentence model that backs the phrase rules (True: the shipped one, read
    on first use; False: phrase rules only, as when the model is trained).
    """
    book = book or default_rulebook()
    tokens = tokenize(text, book.limits["max_checked_words"])
    checked = text[: tokens.ends[-1] + 1] if tokens.truncated else text
    found = book.index.find(tokens)
    findings: list[Finding] = []
    for rule in PHRASE_RULES:
        if rule == "status-inquiry" and context.kind is Kind.INQUIRY:
            continue  # the one inquiry of an online application is allowed to ask
        findings += [_finding(book, rule, span, what="slang or text-speak") for span in found[rule]]
    findings += _informal_marks(checked, tokens, book)
    findings += _new_topics(found, context, book)
    findings += _grammar(tokens, text, book)
    if model is not False:
        judge = default_model() if model is True else model
        findings += _judged(checked, tokens, findings, context, book, judge)
    findings.sort(key=lambda f: f.start if f.start is not None else -1)
    findings = _capped(findings, book)
    findings += _whole_letter(text, tokens, found, context, book)
    return findings


def _judged(
    text: str,
    tokens: Tokens,
    found: list[Finding],
    context: Context,
    book: Rulebook,
    model: SentenceModel,
) -> list[Finding]:
    """The model's findings: one per sentence at most, only where no phrase rule already
    speaks (the phrase finding explains itself better), each saying it is a judgement."""
    skip = frozenset({"status-inquiry"}) if context.kind is Kind.INQUIRY else frozenset()
    taken = sorted(
        (f.start, f.end)
        for f in found
        if f.rule in PHRASE_RULES and f.start is not None and f.end is not None
    )
    starts = [start for start, _end in taken]
    reach = list(accumulate((end for _start, end in taken), max))  # furthest end so far
    high = book.model["high_confidence"]
    judged = []
    for start, end in sentence_spans(text, tokens.starts, tokens.ends):
        before = bisect_left(starts, end)  # phrase findings starting inside or before it
        if before and reach[before - 1] > start:
            continue
        judgement = model.judge(text[start:end], skip)
        if judgement is None:
            continue
        rule, confidence = judgement.rule, judgement.confidence
        message = book.messages["model"].format(rule=rule, confidence=confidence)
        severity = book.severity[rule] if confidence >= high else Severity.WARNING
        judged.append(Finding(rule, severity, start, end, message + book.messages[rule]))
    return judged


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


def _first(matches: Iterable[re.Match[str]], book: Rulebook) -> list[re.Match[str]]:
    """No more matches than can be listed (one more, so the cap notices): bounded work."""
    return list(islice(matches, book.limits["max_findings_per_rule"] + 1))


def _grammar(tokens: Tokens, text: str, book: Rulebook) -> list[Finding]:
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
        found.append(_finding(book, "grammar", span, words=f"{shown} …"))
        if len(found) > book.limits["max_findings_per_rule"]:
            break
    return found


def _informal_marks(text: str, tokens: Tokens, book: Rulebook) -> list[Finding]:
    found = []
    for match in _first(_EMOJI.finditer(text), book):
        found.append(_finding(book, "informal", match.span(), what="an emoji"))
    for match in _first(_EXCLAIM_RUN.finditer(text), book):
        found.append(_finding(book, "informal", match.span(), what="a run of exclamation marks"))
    limits = book.limits
    if len(text) >= limits["lowercase_min_letters"] and len(tokens) >= 8:
        if text == text.lower():
            found.append(_finding(book, "informal", (0, len(text)), what="all lower case"))
            return found
        if text == text.upper():
            found.append(_finding(book, "informal", (0, len(text)), what="all capitals"))
            return found
    run: list[re.Match[str]] = []
    for match in _first(_CAPS_WORD.finditer(text), book):
        if run and text[run[-1].end() : match.start()].strip(" ,") == "":
            run.append(match)
        else:
            run = [match]
        if len(run) == limits["caps_run"]:
            found.append(
                _finding(
                    book, "informal", (run[0].start(), run[-1].end()), what="words in capitals"
                )
            )
    exclamations = text.count("!")
    # A full letter may carry a couple; a short draft one (the limit scales with length).
    allowed = limits["max_exclamations"] if len(tokens) >= limits["full_letter_words"] else 1
    if exclamations > allowed and len(tokens) >= 3:
        last = text.rfind("!")
        found.append(
            _finding(book, "informal", (last, last + 1), what=f"{exclamations} exclamation marks")
        )
    return found


def _new_topics(
    found: dict[str, list[tuple[int, int]]], context: Context, book: Rulebook
) -> list[Finding]:
    raised = _content_words([*context.topics, *context.strengths, context.notes], book)
    return [
        _finding(book, "new-topic", span, what=category.what)
        for category in book.categories
        if not any(word[:5] in raised for word in category.words)
        for span in found[category.group]
    ]


def _whole_letter(
    text: str,
    tokens: Tokens,
    found: dict[str, list[tuple[int, int]]],
    context: Context,
    book: Rulebook,
) -> list[Finding]:
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
        findings.append(_finding(book, "second-letter", None, recipient=recipient))
    findings += _length(text, tokens, context, book)
    if not tokens or context.kind is Kind.CALL_NOTES:
        return findings
    judged = []
    if not found["thanks"]:
        judged.append(_finding(book, "no-thanks", None))
    if context.kind is Kind.LETTER:
        if not found["recap"] and not _recaps_strengths(tokens, context, book):
            shown = "; ".join(context.strengths) or "what you bring"
            judged.append(_finding(book, "no-strengths-recap", None, strengths=shown))
        if not found["interest"]:
            judged.append(_finding(book, "no-interest", None))
    if len(tokens) < limits["whole_letter_min_words"]:
        # A short draft is judged as a letter too (it is not "ready to send"), and says so.
        judged = [replace(f, message=book.messages["short-draft"] + f.message) for f in judged]
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
        return [_finding(book, "no-signature", unsigned, "no-closing")]
    if len(last) > 60:
        return []
    closing = " ".join(last.strip().rstrip(",.!;:-–—").lower().split())
    if closing not in book.closings:
        return []
    span = (start + len(last) - len(last.lstrip()), len(body))
    return [_finding(book, "no-signature", span, closing=last.strip())]


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
            _finding(book, "too-long", (tokens.starts[limit], len(text)), count=count, limit=limit)
        )
    paragraph_limit = limits.get(f"{channel}_paragraphs")
    paragraphs = body_paragraphs(text)  # address blocks, greeting and sign-off aside
    if paragraph_limit and paragraphs > paragraph_limit:
        found.append(
            _finding(
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
        wanted = _content_words([strength], book)
        if wanted and len(wanted & present) >= max(1, min(2, len(wanted)), len(wanted) // 2):
            return True
    return False
