"""Interview notes as pieces of a sentence, so templates read well for any note.

People write strengths both ways: "led the migration to Kubernetes" (a verb phrase) and
"five years of SQL and Python in production" (a noun phrase). A template that says
"I {{ strengths }}" breaks on the second ("I five years of SQL"); one that says "my strengths
include {{ strengths }}" breaks on the first, and "I bring fluent in German" on a note that
describes you. ``strengths_clause`` gives each note the words it needs ("I led …", "I bring
five years of …", "I am fluent in …") and joins them into one clause. The word lists that
decide which is which live in ``resources/notes.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

_PRONOUN_STARTS = ("i ", "i'm ", "i’m ", "i've ", "i’ve ")
_CONTRACTIONS = {"i'm": "am", "i’m": "am", "i've": "have", "i’ve": "have"}


@dataclass(frozen=True, slots=True)
class Phrasing:
    verbs: frozenset[str]
    not_verbs: frozenset[str]
    not_gerunds: frozenset[str]
    lowercase_first: frozenset[str]
    adjectives: frozenset[str]
    after_adjectives: frozenset[str]
    people: frozenset[str]
    head_ends: frozenset[str]
    a_before_vowel: tuple[str, ...]
    an_before_consonant: tuple[str, ...]
    states: dict[str, str]
    qualifications: frozenset[str]
    countable: frozenset[str]
    not_people_first: frozenset[str]
    verb_prefixes: tuple[str, ...]
    determiners: frozenset[str]
    most_strengths: int
    most_topics: int


@cache
def phrasing() -> Phrasing:
    source = resources.files("followup_resources") / "notes.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    strengths = data["strengths"]
    return Phrasing(
        frozenset(strengths["verbs"].split()),
        frozenset(strengths["not_verbs"].split()),
        frozenset(strengths["not_gerunds"].split()),
        frozenset(strengths["lowercase_first"].split()),
        frozenset(strengths["adjectives"].split()),
        frozenset(strengths["after_adjectives"].split()),
        frozenset(strengths["people"].split()),
        frozenset(strengths["head_ends"].split()),
        tuple(strengths["a_before_vowel"].split()),
        tuple(strengths["an_before_consonant"].split()),
        {str(k): str(v) for k, v in strengths["states"].items()},
        frozenset(strengths["qualifications"].split()),
        frozenset(strengths["countable"].split()),
        frozenset(strengths["not_people_first"].split()),
        tuple(f"{p}-" for p in strengths["verb_prefixes"].split()),
        frozenset(strengths["determiners"].split()),
        int(strengths["most"]),
        int(data["topics"]["most"]),
    )


def clean(note: str, rules: Phrasing | None = None) -> str:
    """One note as a piece of a sentence: no trailing full stop, no line breaks, a common
    first word in lower case (names and acronyms kept as written)."""
    rules = rules or phrasing()
    text = " ".join(note.split()).strip(" .;,-•*?!")  # "Remote work?" is a topic, not a question
    if not text:
        return ""
    first, _, rest = text.partition(" ")
    lowered = first.lower()
    if first[1:] != first[1:].lower():
        return text  # "PhD", "MBA", "AWS-certified": written so on purpose
    if (
        lowered in rules.lowercase_first
        or lowered in rules.verbs
        or _is_adjective(lowered, rules)
        or lowered in rules.people
        or lowered in rules.countable
        or lowered in rules.states
        or _is_past(lowered, rules)
    ):
        text = lowered + (" " + rest if rest else "")
    return text


def _is_past(word: str, rules: Phrasing) -> bool:
    if "-" in word and not word.startswith(rules.verb_prefixes):
        return False  # "customer-focused", "AWS-certified" describe you
    return (
        len(word) > 4
        and word.endswith("ed")
        and word.replace("-", "").isalpha()  # "000ED" is no verb
        and word not in rules.not_verbs
    )


def _is_adjective(word: str, rules: Phrasing) -> bool:
    """Listed, or joined by a hyphen to an "-ed" word or a qualification
    ("customer-focused", "AWS-certified", "data-driven")."""
    if word in rules.adjectives:
        return True
    head, _, last = word.rpartition("-")
    return (
        bool(head)
        and not word.startswith(rules.verb_prefixes)
        and (last.endswith("ed") or last in rules.qualifications)
    )


def _is_gerund(word: str, rules: Phrasing) -> bool:
    return len(word) > 5 and word.endswith("ing") and word not in rules.not_gerunds


def _first_person(note: str, rules: Phrasing) -> str:
    """ "Speaks Mandarin" -> "speak Mandarin", "Manages a team" -> "manage a team": notes
    written about oneself in the third person."""
    first, _, rest = note.partition(" ")
    lowered = first.lower()
    if lowered in ("has", "is"):  # "Has 5 years of SQL", "Is fluent in German"
        return ("have" if lowered == "has" else "am") + (" " + rest if rest else "")
    for cut in (1, 2):  # "speaks", "teaches"
        base = lowered[:-cut]
        if lowered.endswith("s") and len(base) > 2 and base in rules.verbs:
            return base + (" " + rest if rest else "")
    return note


def _without_pronoun(note: str) -> str:
    lowered = note.lower()
    for start in _PRONOUN_STARTS:
        if lowered.startswith(start):
            contraction = _CONTRACTIONS.get(start.strip())
            rest = note[len(start) :]
            return f"{contraction} {rest}" if contraction else rest
    return note


def is_verb_phrase(note: str, rules: Phrasing | None = None) -> bool:
    """True when "I " + the note is a sentence ("led the team", "have five years …")."""
    rules = rules or phrasing()
    written = note.split(" ", 1)[0].strip(",")
    if written[1:] != written[1:].lower():
        return False  # capitals inside ("AAAED", "LEDs"): a name or an acronym, as clean keeps it
    first = written.lower()
    return first in rules.verbs or _is_past(first, rules)


def is_description(note: str, rules: Phrasing | None = None) -> bool:
    """True when "I am " + the note is a sentence ("fluent in German", "calm under pressure",
    "bilingual"); "strong communication skills" is something you bring instead."""
    rules = rules or phrasing()
    words = note.split(" ", 2)
    if not _is_adjective(words[0].lower().strip(","), rules):
        last = note.rsplit(" ", 1)[-1].lower().strip(",.;")
        # "Security cleared", "Prince2 qualified": a short note ending in a qualification.
        return last in rules.qualifications and len(note.split()) <= 4
    return len(words) == 1 or words[1].lower().strip(",") in rules.after_adjectives


def is_person(note: str, rules: Phrasing | None = None) -> bool:
    """True when the note names a kind of person ("fast learner", "Python developer with
    five years in fintech"): "I am a " + the note is the sentence."""
    rules = rules or phrasing()
    first = note.split(" ", 1)[0].lower()
    if first[:1].isdigit() or first in rules.not_people_first:
        return False  # "5 years as a nurse" is an amount of something
    return _head(note, rules) in rules.people


def _head(note: str, rules: Phrasing) -> str:
    """The main word: the last before "of", "with", "in" … ("record" in "a proven track
    record in sales")."""
    head = ""
    for word in note.split():
        bare = word.lower().strip(",;:()")
        if head and bare in rules.head_ends:
            break
        head = bare
    return head


def with_article(note: str, rules: Phrasing | None = None) -> str:
    """ "a fast learner", "an AWS architect"; a note that has its own article keeps it."""
    rules = rules or phrasing()
    first = note.split(" ", 1)[0].strip("(\"'“‘")
    if first.lower() in rules.determiners:
        return note
    if first[:1].isdigit():  # "an 18-month …" is read as a number: left as written
        return note
    if len(first) > 1 and first.isupper():  # read letter by letter: "an SQL", "a UX"
        vowel = first[0] in "AEFHILMNORSX"
    else:
        lowered = first.lower()
        vowel = lowered[:1] in ("a", "e", "i", "o", "u")
        if lowered.startswith(rules.a_before_vowel):
            vowel = False
        elif lowered.startswith(rules.an_before_consonant):
            vowel = True
    return ("an " if vowel else "a ") + note


def _as_state(note: str, rules: Phrasing) -> str:
    """ "knowing the domain" -> "know the domain"; "understanding of X" stays a noun."""
    first, _, rest = note.partition(" ")
    verb = rules.states.get(first.lower())
    if verb is None or rest.lower().startswith("of ") or not rest:
        return note
    return f"{verb} {rest}"


def join(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    values = [i for i in items if i]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def strengths_clause(notes: Iterable[str], rules: Phrasing | None = None) -> str:
    """The strengths as one clause after "I": "led the migration to Kubernetes and bring five
    years of SQL and Python in production". Empty when there are none."""
    rules = rules or phrasing()
    cleaned = [clean(_without_pronoun(clean(n, rules)), rules) for n in notes]
    cleaned = [_first_person(n, rules) for n in cleaned]
    cleaned = [n for n in cleaned if n][: rules.most_strengths]
    cleaned = [_as_state(n, rules) for n in cleaned]
    cleaned = [_as_being(n, rules) for n in cleaned]
    verbs = [n for n in cleaned if is_verb_phrase(n, rules)]
    nouns = [n for n in cleaned if not is_verb_phrase(n, rules)]
    gerunds = [n for n in nouns if _is_gerund(n.split(" ", 1)[0], rules) and not _noun_of(n)]
    nouns = [n for n in nouns if n not in gerunds]
    parts = list(verbs)
    nouns = [with_article(n, rules) if _head(n, rules) in rules.countable else n for n in nouns]
    if gerunds:
        nouns.append("experience in " + join(gerunds))
    if nouns:
        parts.append("bring " + join(nouns))
    return join(parts)


def _as_being(note: str, rules: Phrasing) -> str:
    """What you are takes "am": "am fluent in German", "am a fast learner"."""
    if is_description(note, rules):
        return "am " + note
    words = note.split()
    # "Published author", "Certified accountant": a participle before a kind of person.
    participle = len(words) in (2, 3) and words[0].lower().endswith("ed")
    if (participle or not is_verb_phrase(note, rules)) and is_person(note, rules):
        return "am " + with_article(note, rules)
    return note


def _noun_of(note: str) -> bool:
    """ "understanding of the market" is a thing you bring, not an activity."""
    words = note.split(" ", 2)
    return len(words) > 1 and words[1].lower() == "of"


def topics_phrase(notes: Iterable[str], rules: Phrasing | None = None) -> str:
    """The topics as one noun phrase after "about": at most a few, the rest summed up."""
    rules = rules or phrasing()
    cleaned = [clean(n, rules) for n in notes]
    cleaned = [n for n in cleaned if n]
    if len(cleaned) > rules.most_topics:
        shown = cleaned[: rules.most_topics - 1]
        return ", ".join(shown) + " and the other topics we covered"
    return join(cleaned)
