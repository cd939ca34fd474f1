"""Spelling for letters: which words look misspelled, what they might be, and the user's
own dictionary.

The word lists come from pyspellchecker, which ships them inside the package (no download,
nothing for the user to install). They are read on first use, not at start-up. Names from
the interview and the profile are never flagged, and neither are acronyms, words with capitals
inside (PostgreSQL), numbers, e-mail addresses and links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from followup.errors import InvalidInput
from followup.paths import write_whole

LANGUAGES = {
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
}
DICTIONARY_FILE = "dictionary.txt"  # the user's own words, in the data folder
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SKIP = re.compile(r"\S+@\S+|\b\w+://\S+|\bwww\.\S+")
_MOST_REMEMBERED = 50_000
_LONGEST_FOR_TWO_EDITS = 9  # two-edit suggestions for long words take seconds


@cache
def _dictionary(language: str) -> Any:
    """The language's word list (a pyspellchecker object), read once per process."""
    from spellchecker import SpellChecker  # noqa: PLC0415  (about 0.1 s: on first use only)

    checker = SpellChecker(language=language)
    extra = resources.files("followup_resources") / "spelling" / f"{language}-extra.txt"
    if extra.is_file():
        words = [
            w
            for line in extra.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
            for w in line.split()
        ]
        checker.word_frequency.load_words(words)
    return checker


def _plain(word: str) -> str:
    return word.replace("’", "'").lower()


def _skipped(word: str) -> bool:
    """Acronyms (SQL), words with inner capitals (PostgreSQL, iOS) and single letters."""
    return len(word) < 2 or word.isupper() or any(c.isupper() for c in word[1:])


class Speller:
    """Spelling for one language plus the user's own words and the names in play."""

    def __init__(self, language: str, personal_file: Path | None = None) -> None:
        if language not in LANGUAGES:
            raise InvalidInput(f"no spelling dictionary for {language!r}")
        self.language = language
        self.personal_file = personal_file
        self.personal: set[str] = set(self._read_personal())
        self.names: set[str] = set()
        self._words: Any = None
        self._verdicts: dict[str, bool] = {}  # word as written -> known; typing repeats words

    def _read_personal(self) -> list[str]:
        if self.personal_file is None or not self.personal_file.is_file():
            return []
        try:
            text = self.personal_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return []  # an unreadable personal list flags more words; it loses nothing
        return [_plain(line.strip()) for line in text.splitlines() if line.strip()]

    def load(self) -> None:
        """Read the word list now (callers may do this off the GUI thread)."""
        if self._words is None:
            self._words = _dictionary(self.language).word_frequency.dictionary

    @property
    def loaded(self) -> bool:
        return self._words is not None

    def set_names(self, texts: Iterable[str]) -> None:
        """Words of these texts (people, company, role, topics, profile) are never flagged."""
        self.names = {_plain(m.group(0)) for t in texts for m in _WORD.finditer(t)}
        self._verdicts.clear()

    def is_known(self, word: str) -> bool:
        verdict = self._verdicts.get(word)
        if verdict is None:
            if len(self._verdicts) > _MOST_REMEMBERED:
                self._verdicts.clear()  # a huge paste: stay bounded
            verdict = self._verdicts[word] = self._is_known(word)
        return verdict

    def _is_known(self, word: str) -> bool:
        plain = _plain(word)
        if plain in self.personal or plain in self.names or _skipped(word):
            return True
        self.load()
        if plain in self._words:
            return True
        stem = plain[:-2] if plain.endswith("'s") else plain
        return stem in self._words or stem in self.names or stem in self.personal

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """Spans of the words in ``text`` that look misspelled."""
        skipped = (
            [(m.start(), m.end()) for m in _SKIP.finditer(text)]
            if "@" in text or ("://" in text or "www." in text)
            else []
        )
        spans = []
        for match in _WORD.finditer(text):
            start, end = match.span()
            if any(a <= start < b for a, b in skipped):
                continue
            if not self.is_known(match.group(0)):
                spans.append((start, end))
        return spans

    def suggestions(self, word: str, most: int = 5) -> list[str]:
        """Likely intended words, most common first, in the word's own case."""
        self.load()
        checker = _dictionary(self.language)
        plain = _plain(word)
        found = checker.known(checker.edit_distance_1(plain))
        if not found and len(plain) <= _LONGEST_FOR_TWO_EDITS:
            found = checker.known(checker.edit_distance_2(plain))
        ranked = sorted(found, key=lambda w: (-checker.word_frequency[w], w))[:most]
        if word[:1].isupper():
            ranked = [w[:1].upper() + w[1:] for w in ranked]
        return ranked

    def add(self, word: str) -> None:
        """Add to the user's dictionary, kept in the data folder across restarts."""
        plain = _plain(word.strip())
        if not plain or plain in self.personal:
            return
        self.personal.add(plain)
        self._verdicts.clear()
        if self.personal_file is None:
            return
        text = "".join(f"{w}\n" for w in sorted(self.personal))
        try:
            self.personal_file.parent.mkdir(parents=True, exist_ok=True)
            write_whole(self.personal_file, text.encode("utf-8"))  # whole, 0600
        except (OSError, InvalidInput) as error:
            self.personal.discard(plain)
            self._verdicts.clear()
            where = self.personal_file
            raise InvalidInput(f"the word was not saved in {where}: {error}") from error
