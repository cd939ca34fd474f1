"""The phrase index matches each sentence on its own and keeps a sentence's matches between
checks (a keystroke changes one sentence of a long letter): the spans must be exactly those
of a search of the whole text, whatever the text and whatever was searched before."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.phrases import PhraseIndex, Tokens, match_at, tokenize
from followup.rulebook import default_rulebook


def _whole_text_search(index: PhraseIndex, tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
    """The search as it was before sentences were kept: one pass over every word."""
    found: dict[str, list[tuple[int, int]]] = {group: [] for group in index.groups}
    free_from = dict.fromkeys(index.groups, 0)
    words = tokens.words
    for at, word in enumerate(words):
        candidates = list(index.exact.get(word, []))
        candidates += [(g, p) for prefix, g, p in index.prefixes if word.startswith(prefix)]
        following = words[at + 1] if at + 1 < len(words) else None
        best: dict[str, int] = {}
        for group, phrase in candidates:
            if at < free_from[group]:
                continue
            if phrase.second is not None and following not in phrase.second:
                continue
            end = match_at(phrase, tokens, at)
            if end is not None and end > best.get(group, at):
                best[group] = end
        for group, end in best.items():
            found[group].append(tokens.span(at, end))
            free_from[group] = end
    return found


BOOK = default_rulebook()
# The words of the shipped phrase lists, so that texts made of them match often (wildcards,
# optional words and sentence ends included).
_RULES = tomllib.loads(
    (resources.files("followup_resources") / "checker" / "rules.toml").read_text()
)
VOCABULARY = sorted(
    {
        word
        for table in _RULES.values()
        if isinstance(table, dict)
        for phrase in table.get("phrases", [])
        for word in re.findall(r"[a-z']+", phrase.lower())
    }
)
PIECES = st.sampled_from([*VOCABULARY, ".", "!", "?", ",", "\n\n", ";"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=40).map(" ".join), min_size=1, max_size=4))
def test_kept_sentences_give_the_same_spans_as_a_whole_text_search(texts: list[str]) -> None:
    index = BOOK.index
    for text in texts:  # one after the other, as keystrokes change a letter
        tokens = tokenize(text)
        assert index.find(tokens) == _whole_text_search(index, tokens)
        assert index.find(tokens) == _whole_text_search(index, tokens)  # now from the kept


def test_a_letter_typed_into_finds_the_new_fault_and_keeps_the_others() -> None:
    index = BOOK.index
    letter = "Thank you for the interview. I really need this job. Kind regards."
    before = index.find(tokenize(letter))
    typed = letter.replace("Thank you", "Please tell me your decision by Friday. Thank you")
    after = index.find(tokenize(typed))
    assert after == _whole_text_search(index, tokenize(typed))
    assert sum(map(len, after.values())) > sum(map(len, before.values()))


def test_what_is_kept_stays_bounded_whatever_is_pasted() -> None:
    from followup.phrases import KEPT_WORDS

    index = PhraseIndex([("x", ["really need"])])
    for n in range(30):  # thirty different long sentences, then one giant one
        index.find(tokenize(" ".join(["word"] * 2000 + [str(n)]) + "."))
    index.find(tokenize(" ".join(["really", "need"] * 20_000)))
    assert index._kept_words <= KEPT_WORDS
    assert sum(map(len, index._kept)) == index._kept_words
    index.forget()
    assert index._kept == {} and index._kept_words == 0
