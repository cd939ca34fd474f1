"""A small linear model that judges each sentence for the content rules (issue 10).

Phrase lists catch the phrasings they were written for; people reword. This model, trained by
``make train-checker`` from the labelled sentences in data/checker/, scores a sentence for each
content rule (flattery, manipulation, neediness, asks-for-decision, status-inquiry, informal)
with one multinomial logistic regression over "fine" and the six rules (the classes compete,
so a sentence that reads as fine pulls every rule down), over word 1–3-grams and character
3–5-grams. Its probabilities are calibrated on held-out groups, so "80% confident" means
about that.

Inference is plain Python over a dictionary of weights (no numpy at run time), shipped as
``resources/checker/model.json.gz`` and read on the first check, not at start-up. A sentence's
score is linear, so it is the sum of what each of its words brings (cached per word) plus its
word pairs: a 300-word letter costs a few hundred dictionary look-ups.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import math
import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from followup import kept_form
from followup.errors import FollowUpError
from followup.paths import cache_dir, private_folder, read_small, write_whole

# Curly quotes and similar marks that people use for apostrophes; digits all read as "0".
_NORMAL = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", **{str(d): "0" for d in range(10)}}
)
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[^\w\s]")
_SENTENCE_GAP = re.compile(r"[.!?]|\n[ \t]*\n")  # what ends a sentence between two words
MAX_TOKEN = 40  # characters of a token that make its character n-grams (one huge word is cheap)
MAX_TOKENS = 80  # tokens of a sentence that are scored
MAX_SENTENCE_CHARS = 2000
_CACHE_LIMIT = 20_000
FORMAT = 2  # bumped when features change; a model file of another format is refused


def tokens_of(sentence: str) -> list[str]:
    """Lower-case words and punctuation marks of a sentence, digits as 0, bounded."""
    text = sentence[:MAX_SENTENCE_CHARS].translate(_NORMAL).lower()
    return _TOKEN.findall(text)[:MAX_TOKENS]


@cache
def _grams(token: str) -> tuple[str, ...]:
    """The token as a word feature and its character 3–5-grams, with spaces as its edges."""
    padded = f" {token[:MAX_TOKEN]} "
    size = len(padded)
    return (
        "w " + token,
        *(padded[i : i + n] for n in (3, 4, 5) for i in range(size - n + 1)),
    )


def features(sentence: str) -> Counter[str]:
    """Every feature of a sentence with its count (what training sees; inference sums the
    same weights word by word). Word pairs and triples include the sentence's edges."""
    found: Counter[str] = Counter()
    before, previous = "<s>", "<s>"
    for token in [*tokens_of(sentence), "</s>"]:
        found["b " + previous + " " + token] += 1
        found["t " + before + " " + previous + " " + token] += 1
        if token == "</s>":
            break
        found.update(_grams(token))
        before, previous = previous, token
    return found


def scale(found: Counter[str]) -> float:
    """Counts are divided by the square root of their total: long sentences don't win."""
    return 1 / math.sqrt(sum(found.values()) or 1)


@dataclass(frozen=True)
class Judgement:
    rule: str
    confidence: float


class SentenceModel:
    """A linear model over shared features with one score per content rule. ``link`` says
    how scores become probabilities: ``softmax`` (scores are each rule's log-odds against
    "fine", which is the implicit class with score 0) or ``sigmoid`` (one independent
    logistic regression per rule)."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"checker model format {data.get('format')!r}, expected {FORMAT}")
        self.rules: tuple[str, ...] = tuple(data["rules"])
        self.softmax = data.get("link", "sigmoid") == "softmax"
        # The weights are kept as shipped, whole numbers to be multiplied by ``scale``: a
        # score is their sum, scaled once (scaling each of the 313,000 numbers as the model
        # was read took 60 ms of the first check, on the GUI thread).
        self.scale = float(data["scale"])
        self.bias = tuple(float(b) for b in data["bias"])
        self.thresholds: dict[str, float] = {
            rule: float(data["thresholds"][rule]) for rule in self.rules
        }
        self.weights: dict[str, list[float]] = data["weights"]
        width = len(self.rules)
        if len(self.bias) != width or not isinstance(self.weights, dict):
            raise ValueError("checker model: a bias per rule and a table of weights expected")
        if any(not isinstance(row, list) or len(row) != width for row in self.weights.values()):
            raise ValueError("checker model: every feature needs one weight per rule")
        self._zero = (0.0,) * width
        self._by_token: dict[str, tuple[tuple[float, ...], int]] = {}
        self._by_sentence: dict[str, tuple[float, ...]] = {}

    def _token(self, token: str) -> tuple[tuple[float, ...], int]:
        """The summed weights of a token's own features, and how many there are."""
        known = self._by_token.get(token)
        if known is None:
            sums = list(self._zero)
            grams = _grams(token)
            for gram in grams:
                weights = self.weights.get(gram)
                if weights is not None:
                    sums = [a + b for a, b in zip(sums, weights, strict=True)]
            if len(self._by_token) > _CACHE_LIMIT:
                self._by_token.clear()
            known = self._by_token[token] = (tuple(sums), len(grams))
        return known

    def scores(self, sentence: str) -> tuple[float, ...]:
        """The probability of each rule (in ``self.rules`` order) for one sentence."""
        cached = self._by_sentence.get(sentence)
        if cached is not None:
            return cached
        sums = list(self._zero)
        count = 0
        before, previous = "<s>", "<s>"
        get = self.weights.get
        for token in [*tokens_of(sentence), "</s>"]:
            for gram in (
                "b " + previous + " " + token,
                "t " + before + " " + previous + " " + token,
            ):
                count += 1
                weights = get(gram)
                if weights is not None:
                    sums = [a + b for a, b in zip(sums, weights, strict=True)]
            if token == "</s>":
                break
            own, size = self._token(token)
            sums = [a + b for a, b in zip(sums, own, strict=True)]
            count += size
            before, previous = previous, token
        norm = self.scale / math.sqrt(count)
        logits = [
            max(-30.0, min(30.0, bias + total * norm))
            for bias, total in zip(self.bias, sums, strict=True)
        ]
        result = probabilities(logits, softmax=self.softmax)
        if len(self._by_sentence) > _CACHE_LIMIT:
            self._by_sentence.clear()
        self._by_sentence[sentence] = result
        return result

    def cleared(self, sentence: str, skip: frozenset[str] = frozenset()) -> set[str]:
        """The rules whose probability for the sentence clears their threshold."""
        return {
            rule
            for rule, confidence in zip(self.rules, self.scores(sentence), strict=True)
            if rule not in skip and confidence >= self.thresholds[rule]
        }

    def judge(self, sentence: str, skip: frozenset[str] = frozenset()) -> Judgement | None:
        """The most likely rule the sentence breaks, when it clears that rule's threshold."""
        best: Judgement | None = None
        for rule, confidence in zip(self.rules, self.scores(sentence), strict=True):
            if rule in skip or confidence < self.thresholds[rule]:
                continue
            margin = confidence - self.thresholds[rule]
            if best is None or margin > best.confidence - self.thresholds[best.rule]:
                best = Judgement(rule, confidence)
        return best


def probabilities(logits: list[float], softmax: bool) -> tuple[float, ...]:
    """Each rule's probability from its score: against "fine" and every other rule
    (softmax, "fine" scoring 0), or on its own (sigmoid)."""
    if not softmax:
        return tuple(1 / (1 + math.exp(-z)) for z in logits)
    top = max(0.0, *logits)
    exps = [math.exp(z - top) for z in logits]
    total = math.exp(-top) + sum(exps)
    return tuple(e / total for e in exps)


def load(raw: bytes) -> SentenceModel:
    """A model from the shipped file's bytes (gzip-compressed JSON)."""
    return SentenceModel(_decoded(raw))


def _decoded(raw: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(raw))
    return data


KEPT_NAME = "checker-model.kept"  # in the user's cache folder
MOST_KEPT_BYTES = 16 * 1024 * 1024  # the kept form of the shipped model is 2.4 MB
_PROBE = "Thank you for your time; any news?"  # scored once to try a model read from a file
_ONE_AT_A_TIME = threading.Lock()


def default_model() -> SentenceModel:
    """The shipped model, read once on first use (not on the start-up path), by one thread
    while any other waits for it."""
    with _ONE_AT_A_TIME:
        return _shipped_model()


@cache
def _shipped_model() -> SentenceModel:
    source = resources.files("followup_resources") / "checker" / "model.json.gz"
    folder = cache_dir()
    return model_from(source.read_bytes(), None if folder is None else folder / KEPT_NAME)


def model_from(raw: bytes, kept: Path | None) -> SentenceModel:
    """The model of ``raw`` (the shipped file's bytes), from its kept form at ``kept`` when
    that was made from these very bytes (27 ms, where reading the JSON takes 105 ms: the
    Letters page's first opening and every ``followup check`` wait for it), else from the
    JSON, keeping that form for the next time (a cache: any trouble with it, a file damaged
    or not the user's own, only costs the longer read, and the file is made again)."""
    kind = f"checker-model {FORMAT} {zlib.crc32(raw):08x}"
    if kept is not None:
        stored = read_small(kept, MOST_KEPT_BYTES)  # (the user's own file alone)
        data = None if stored is None else kept_form.from_bytes(kind, stored)
        if isinstance(data, dict):
            try:
                model = SentenceModel(data)
                model.scores(_PROBE)
                return model
            except Exception:  # whatever its shape: read from the JSON
                pass
    data = _decoded(raw)
    model = SentenceModel(data)
    if kept is not None:
        with contextlib.suppress(OSError, FollowUpError):
            private_folder(kept.parent)
            write_whole(kept, kept_form.to_bytes(kind, data))
    return model


def sentence_spans(text: str, starts: list[int], ends: list[int]) -> Iterator[tuple[int, int]]:
    """Sentences as character spans, from the words' spans: a sentence ends where the gap
    between two words holds ``.``, ``!``, ``?`` or a blank line. Closing marks are kept
    ("… a decision?"), since they carry meaning."""
    if not starts:
        return
    first = 0
    for index in range(len(starts)):
        last = index + 1 == len(starts)
        gap_end = len(text) if last else starts[index + 1]
        gap = text[ends[index] : min(gap_end, ends[index] + 200)]
        if last or _SENTENCE_GAP.search(gap):
            tail = len(gap) - len(gap.lstrip(".!?…\"')”’ \t"))
            end = ends[index] + len(gap[:tail].rstrip())
            yield starts[first], end
            first = index + 1
