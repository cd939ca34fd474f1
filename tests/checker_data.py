"""The checker's labelled data, read once for the evaluation, the tests and the training.

data/checker/ holds sentences (``group<TAB>label<TAB>text``) and whole letters (JSON lines),
each group assigned to the train or the test split in a sources file, so that no source
group is in two splits. Training and threshold tuning read only the train groups; the
evaluation reports the test groups.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from followup.checker import Context, Kind
from followup.model import Channel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "checker"
# The sentence labels a model can learn (the content rules of DESIGN 1.2); "ok" is clean.
CONTENT_RULES = (
    "flattery",
    "manipulation",
    "neediness",
    "asks-for-decision",
    "status-inquiry",
    "informal",
)


@dataclass(frozen=True)
class Sentence:
    group: str
    split: str
    label: str  # "ok" or one of CONTENT_RULES
    text: str


@dataclass(frozen=True)
class Letter:
    group: str
    split: str
    id: str
    text: str
    faults: frozenset[str]
    context: Context


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _splits(path: Path) -> dict[str, str]:
    """Group → split, from a sources file (``group<TAB>split<TAB>...``; a header is skipped)."""
    if not path.exists():
        return {}
    return {row[0]: row[1].strip() for row in _rows(path) if len(row) > 1 and row[0] != "group"}


def sentences(split: str | None = None) -> list[Sentence]:
    """The labelled sentences of one split (``train``/``test``), or all of them."""
    path = DATA / "sentences.tsv"
    if not path.exists():
        return []
    splits = _splits(DATA / "sentence_sources.tsv")
    found = []
    for row in _rows(path):
        if len(row) < 3 or row[0] == "group":
            continue
        group, label, text = row[0], row[1].strip(), "\t".join(row[2:])
        item = Sentence(group, splits.get(group, "unassigned"), label, text)
        if split is None or item.split == split:
            found.append(item)
    return found


def _context(item: dict[str, object]) -> Context:
    raw = item.get("context")
    c: dict[str, object] = raw if isinstance(raw, dict) else {}

    def strings(key: str) -> tuple[str, ...]:
        value = c.get(key) or ()
        return (value,) if isinstance(value, str) else tuple(str(v) for v in value)  # type: ignore[attr-defined]

    previous = c.get("previous_letters") or 0
    channel = str(item.get("channel") or c.get("channel") or "email")
    return Context(
        channel=Channel(channel) if channel in {m.value for m in Channel} else Channel.EMAIL,
        kind=Kind.LETTER,
        topics=strings("topics"),
        strengths=strings("strengths"),
        recipient=str(c.get("recipient") or ""),
        already_sent=bool(previous),
    )


def letters(split: str | None = None) -> list[Letter]:
    """The labelled whole letters of one split, or all of them."""
    path = DATA / "letters.jsonl"
    if not path.exists():
        return []
    splits = _splits(DATA / "letter_sources.tsv")
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        group = str(item.get("group", ""))
        letter = Letter(
            group,
            splits.get(group, "unassigned"),
            str(item.get("id", "")),
            str(item["text"]),
            frozenset(item.get("faults", ())),
            _context(item),
        )
        if split is None or letter.split == split:
            found.append(letter)
    return found
