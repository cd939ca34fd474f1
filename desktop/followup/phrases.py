"""Phrase lists matched word by word, in linear time, with spans in the original text.

Why not one big regular expression: alternations of hundreds of phrases make Python's regex
engine try every alternative at every position, and hand-written patterns risk catastrophic
backtracking. Here the text is tokenised once (a linear regex) and every phrase of every list
is looked up by its first word in one index, so the work is one dictionary look-up per word
plus a short, bounded walk where a phrase may start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from followup.errors import InvalidInput

# Curly quotes and similar marks that people (and word processors) use for apostrophes.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_SENTENCE_END = re.compile(
    r"[.!?;:]\s|\n[ \t]*\n"
)  # a blank line ends a sentence; a wrapped line does not
MAX_WILDCARD = 3
KEPT_WORDS = 50_000  # the words of the sentences whose phrase matches are kept between checks


@dataclass(slots=True)
class Tokens:
    """The words of a text (lower case, straight apostrophes) with their spans and sentences."""

    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.words)

    def span(self, first: int, stop: int) -> tuple[int, int]:
        return self.starts[first], self.ends[stop - 1]


def tokenize(text: str, limit: int | None = None) -> Tokens:
    """At most ``limit`` words; sentence numbers keep phrases from spanning sentences."""
    # translate() maps one character to one, so spans in ``normal`` are spans in ``text``.
    normal = text.translate(_APOSTROPHES)
    tokens = Tokens()
    matches: Iterable[re.Match[str]] = _WORD.finditer(normal)
    if limit is not None:
        matches = islice(matches, limit + 1)
    sentence = 0
    previous_end = 0
    for match in matches:
        start = match.start()
        if start > previous_end and _SENTENCE_END.search(normal, previous_end, start):
            sentence += 1
        tokens.words.append(match.group().lower())
        tokens.starts.append(start)
        tokens.ends.append(match.end())
        tokens.sentences.append(sentence)
        previous_end = match.end()
    if limit is not None and len(tokens.words) > limit:
        tokens.truncated = True
        for column in (tokens.words, tokens.starts, tokens.ends, tokens.sentences):
            del column[limit:]
    return tokens


@dataclass(frozen=True, slots=True)
class Slot:
    """One position of a phrase: any of ``singles`` (exact words), a word starting with one
    of ``prefixes`` ("qualif*"), or one of the rare multi-word ``sequences``."""

    optional: bool
    singles: frozenset[str]
    prefixes: tuple[str, ...]
    sequences: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, optional: bool, choices: tuple[tuple[str, ...], ...]) -> Slot:
        singles = frozenset(c[0] for c in choices if len(c) == 1 and not c[0].endswith("*"))
        prefixes = tuple(c[0][:-1] for c in choices if len(c) == 1 and c[0].endswith("*"))
        return cls(optional, singles, prefixes, tuple(c for c in choices if len(c) > 1))

    def starts(self) -> set[str]:
        """Words a phrase beginning with this slot can start with (prefixes end in "*")."""
        return {
            *self.singles,
            *(p + "*" for p in self.prefixes),
            *(seq[0] for seq in self.sequences),
        }


WILDCARD = None  # a slot of ``None``: up to MAX_WILDCARD words of any kind


@dataclass(frozen=True, slots=True)
class Phrase:
    source: str
    slots: tuple[Slot | None, ...]
    # Words one of which must follow the first word (a cheap filter), or None when unknown.
    second: frozenset[str] | None


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.translate(_APOSTROPHES).lower().split())


def compile_phrase(source: str) -> Phrase:
    slots: list[Slot | None] = []
    for raw in re.findall(r"\{[^}]*\}\??|\S+", source):
        if raw == "*":
            slots.append(WILDCARD)
            continue
        optional = raw.startswith("{") and raw.endswith("?")
        body = raw.rstrip("?") if optional else raw
        if body.startswith("{"):
            if not body.endswith("}"):
                raise InvalidInput(f"unbalanced braces in phrase {source!r}")
            choices = tuple(_words(choice) for choice in body[1:-1].split("|"))
            if any(not choice for choice in choices):
                raise InvalidInput(f"empty choice in phrase {source!r}")
            slots.append(Slot.of(optional, choices))
        else:
            slots.append(Slot.of(False, (_words(body),)))
    first = slots[0] if slots else None
    if first is None or first.optional:
        raise InvalidInput(f"a phrase must start with a word: {source!r}")
    return Phrase(source, tuple(slots), _second_words(slots))


def _second_words(slots: list[Slot | None]) -> frozenset[str] | None:
    """The words that can follow a one-word start, when that is certain."""
    first = slots[0]
    if first is None or first.sequences or len(slots) < 2:
        return None
    nxt = slots[1]
    if nxt is None or nxt.optional or nxt.prefixes or nxt.sequences:
        return None
    return nxt.singles


def _same(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else pattern == word


def match_at(phrase: Phrase, tokens: Tokens, at: int) -> int | None:
    """One past the last token of the longest way ``phrase`` matches at ``at``, or None."""
    words, sentences = tokens.words, tokens.sentences
    size = len(words)
    sentence = sentences[at]
    slots = phrase.slots
    count = len(slots)

    def walk(slot: int, position: int) -> int | None:
        if slot == count:
            return position
        current = slots[slot]
        if current is None:
            best = None
            for skip in range(MAX_WILDCARD + 1):
                if position + skip > size or (skip and sentences[position + skip - 1] != sentence):
                    break
                end = walk(slot + 1, position + skip)
                if end is not None and (best is None or end > best):
                    best = end
            return best
        best = walk(slot + 1, position) if current.optional else None
        if position < size and sentences[position] == sentence:
            word = words[position]
            if word in current.singles or any(word.startswith(p) for p in current.prefixes):
                end = walk(slot + 1, position + 1)
                if end is not None and (best is None or end > best):
                    best = end
        for sequence in current.sequences:
            stop = position + len(sequence)
            if stop > size or sentences[stop - 1] != sentence:
                continue
            if all(_same(w, words[position + i]) for i, w in enumerate(sequence)):
                end = walk(slot + 1, stop)
                if end is not None and (best is None or end > best):
                    best = end
        return best

    return walk(0, at)


class PhraseIndex:
    """Named groups of phrases (a rule's list, a topic category), searched in one pass."""

    def __init__(self, groups: Iterable[tuple[str, Sequence[str]]]) -> None:
        self.exact: dict[str, list[tuple[str, Phrase]]] = {}
        self.prefixes: list[tuple[str, str, Phrase]] = []
        self.groups: list[str] = []
        # Matches by a sentence's words (see ``find``), at most KEPT_WORDS words of them:
        # a hostile paste's giant sentences are searched again instead of piling up.
        self._kept: dict[tuple[str, ...], tuple[tuple[str, int, int], ...]] = {}
        self._kept_words = 0
        for group, sources in groups:
            self.groups.append(group)
            for source in sources:
                phrase = compile_phrase(source)
                first = phrase.slots[0]
                assert first is not None
                for start in first.starts():
                    if start.endswith("*"):
                        self.prefixes.append((start[:-1], group, phrase))
                    else:
                        self.exact.setdefault(start, []).append((group, phrase))

    def forget(self) -> None:
        """Drop the kept matches (a benchmark of a first check, cold)."""
        self._kept.clear()
        self._kept_words = 0

    def find(self, tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
        """Per group, non-overlapping character spans, leftmost-longest.

        No phrase spans two sentences, so each sentence is matched on its own, and the
        matches of a sentence's words are kept: a keystroke changes one sentence, and the
        others of a long letter are not searched again (the live check runs on each)."""
        found: dict[str, list[tuple[int, int]]] = {group: [] for group in self.groups}
        sentences = tokens.sentences
        size = len(sentences)
        first = 0
        while first < size:
            stop = first + 1
            while stop < size and sentences[stop] == sentences[first]:
                stop += 1
            key = tuple(tokens.words[first:stop])
            matches = self._kept.get(key)
            if matches is None:
                matches = self._find_in(tokens, first, stop)
                if len(key) <= KEPT_WORDS // 10:
                    if self._kept_words + len(key) > KEPT_WORDS:
                        self._kept.clear()
                        self._kept_words = 0
                    self._kept[key] = matches
                    self._kept_words += len(key)
            for group, start, end in matches:
                found[group].append(tokens.span(first + start, first + end))
            first = stop
        return found

    def _find_in(self, tokens: Tokens, first: int, stop: int) -> tuple[tuple[str, int, int], ...]:
        """The matches in the sentence of tokens ``first`` to ``stop``: (group, first token,
        one past the last), both counted from ``first``."""
        matches: list[tuple[str, int, int]] = []
        free_from = dict.fromkeys(self.groups, first)  # first token a new match may start at
        words = tokens.words
        exact, prefixes = self.exact, self.prefixes
        for index in range(first, stop):
            word = words[index]
            candidates = exact.get(word)
            if prefixes:
                extra = [(g, p) for prefix, g, p in prefixes if word.startswith(prefix)]
                candidates = (candidates or []) + extra if extra else candidates
            if not candidates:
                continue
            following = words[index + 1] if index + 1 < stop else None
            best: dict[str, int] = {}
            for group, phrase in candidates:
                if index < free_from[group]:
                    continue
                if phrase.second is not None and following not in phrase.second:
                    continue
                end = match_at(phrase, tokens, index)
                if end is not None and end > best.get(group, index):
                    best[group] = end
            for group, end in best.items():
                matches.append((group, index - first, end - first))
                free_from[group] = end
        return tuple(matches)
