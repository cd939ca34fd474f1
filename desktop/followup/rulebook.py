"""The letter checker's rulebook: ``resources/checker/rules.toml`` read once into phrase
indexes, limits, severities and messages (DESIGN 1.2), and the helpers every rule shares to
word a finding from it."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from followup.findings import Finding, Severity
from followup.phrases import PhraseIndex, tokenize

# The content rules: a fault of one sentence, found by phrases, marks or the sentence model.
PHRASE_RULES = (
    "flattery",
    "manipulation",
    "neediness",
    "asks-for-decision",
    "status-inquiry",
    "informal",
)
RULE_IDS = (
    "too-long",
    "no-thanks",
    "no-strengths-recap",
    "no-interest",
    *PHRASE_RULES,
    "new-topic",
    "second-letter",
    "no-signature",
    "grammar",
    "wrong-day",
)
SIGNALS = ("thanks", "interest", "recap")  # phrases whose absence is the finding


@dataclass(frozen=True)
class Category:
    """A subject that was almost certainly not raised at an interview (``new-topic``)."""

    group: str
    what: str
    words: frozenset[str]


@dataclass(frozen=True)
class DayWords:
    """What tells a day said about the meeting from a day ahead (``wrong-day``)."""

    meeting: frozenset[str]
    ahead: frozenset[str]
    not_a_date_after: frozenset[str]
    glue: frozenset[str]  # words between the meeting's word and its day
    may_follow: frozenset[str]  # words after a day that leave it the meeting's day
    counted_back: dict[str, int]  # "yesterday": 1 day before the day the letter is read
    before: int  # words looked at before the day
    after: int  # and after it


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
    days: DayWords

    @classmethod
    def from_toml(cls, text: str) -> Rulebook:
        data = tomllib.loads(text)
        groups = [(rule, data[rule]["phrases"]) for rule in (*PHRASE_RULES, *SIGNALS)]
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
            days=DayWords(
                frozenset(data["wrong-day"]["meeting"].split()),
                frozenset(data["wrong-day"]["ahead"].split()),
                frozenset(data["wrong-day"]["not_a_date_after"].split()),
                frozenset(data["wrong-day"]["glue"].split()),
                frozenset(data["wrong-day"]["may_follow"].split()),
                {str(k): int(v) for k, v in data["wrong-day"]["counted_back"].items()},
                int(data["wrong-day"]["words_before"]),
                int(data["wrong-day"]["words_after"]),
            ),
        )


@cache
def default_rulebook() -> Rulebook:
    source = resources.files("followup_resources") / "checker" / "rules.toml"
    return Rulebook.from_toml(source.read_text(encoding="utf-8"))


def finding(
    book: Rulebook, rule: str, span: tuple[int, int] | None, message_key: str = "", **values: object
) -> Finding:
    """A finding of ``rule`` worded by the rulebook's message (``message_key`` when the rule
    has several), with its severity."""
    message = book.messages[message_key or rule].format(**values)
    start, end = span if span is not None else (None, None)
    return Finding(rule, book.severity[rule], start, end, message)


def content_words(texts: Sequence[str], book: Rulebook) -> set[str]:
    """Meaningful words, cut to five letters: a crude stem ("scaled", "scaling" → "scali")."""
    return {
        word[:5]
        for text in texts
        for word in tokenize(text).words
        if word not in book.stopwords and len(word) > 2
    }
