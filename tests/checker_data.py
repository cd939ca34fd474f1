"""The checker's labelled data, read once for the evaluation, the tests and the training.

data/checker/ holds sentences (``group<TAB>label<TAB>text``) and whole letters (JSON lines),
each group assigned to the train or the test split in a sources file, so that no source
group is in two splits. Training and threshold tuning read only the train groups.

The first to seventh fresh held-out sets (groups ``F…``/``FL…``, ``G…``/``GL…``, ``H…``/``HL…``,
``K…``/``KL…``, ``M…``/``ML…``, ``N…``/``NL…`` and ``P…``/``PL…``) were evaluated and then moved
into these files as train groups. The old test groups (evaluated many times during development, so
no longer an honest measure) are still there as ``"test"``.

data/checker/fresh8/ is the eighth, independent held-out set, written later still from sources
no other file used, to be evaluated once at the very end: ``sentences("fresh8")`` and
``letters("fresh8")`` read it, and no training or tuning may read it (``refuse_held_out``: any
group named in its sources files is refused). While the folder does not exist it has no groups.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import followup_resources

from followup.checker import PHRASE_RULES, Context, Kind
from followup.model import Channel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "checker"
FRESH8 = DATA / "fresh8"
FRESH8_SPLIT = "fresh8"  # the eighth fresh held-out set, never trained or tuned on
HELD_OUT_FOLDERS = {FRESH8_SPLIT: FRESH8}  # split name -> its own folder
# The sentence labels a model can learn (the content rules of DESIGN 1.2); "ok" is clean.
CONTENT_RULES = PHRASE_RULES


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


def held_out_groups() -> dict[str, frozenset[str]]:
    """Held-out folder name → its groups (sentences and letters); only the group names of
    its sources files are read, never its sentences."""
    return {
        folder.name: frozenset(
            _splits(folder / "sources.tsv").keys() | _splits(folder / "letter_sources.tsv").keys()
        )
        for folder in HELD_OUT_FOLDERS.values()
    }


def refuse_held_out(groups: Iterable[str]) -> None:
    """Stop training or tuning that is about to read a group of a held-out set
    (data/checker/fresh8/)."""
    wanted = set(groups)
    for name, held in held_out_groups().items():
        leaked = sorted(wanted & held)
        if leaked:
            raise ValueError(
                f"groups of data/checker/{name}/ must never be trained or tuned on: {leaked}"
            )


def sentences(split: str | None = None) -> list[Sentence]:
    """The labelled sentences of one split (``train``/``test``), or all of them; ``"fresh8"``
    reads the fresh held-out set instead (and only then is it read)."""
    fresh = split in HELD_OUT_FOLDERS
    folder = HELD_OUT_FOLDERS.get(split or "", DATA)
    path = folder / "sentences.tsv"
    if not path.exists():
        return []
    splits = _splits(folder / ("sources.tsv" if fresh else "sentence_sources.tsv"))
    found = []
    for row in _rows(path):
        if len(row) < 3 or row[0] == "group":
            continue
        group, label, text = row[0], row[1].strip(), "\t".join(row[2:])
        item = Sentence(
            group, str(split) if fresh else splits.get(group, "unassigned"), label, text
        )
        if fresh or split is None or item.split == split:
            found.append(item)
    if not fresh:
        refuse_held_out(item.group for item in found)
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
    """The labelled whole letters of one split, or all of them; ``"fresh8"`` reads the fresh
    held-out set instead."""
    fresh = split in HELD_OUT_FOLDERS
    folder = HELD_OUT_FOLDERS.get(split or "", DATA)
    path = folder / "letters.jsonl"
    if not path.exists():
        return []
    splits = _splits(folder / "letter_sources.tsv")
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        group = str(item.get("group", ""))
        letter = Letter(
            group,
            str(split) if fresh else splits.get(group, "unassigned"),
            str(item.get("id", "")),
            str(item["text"]),
            frozenset(item.get("faults", ())),
            _context(item),
        )
        if fresh or split is None or letter.split == split:
            found.append(letter)
    if not fresh:
        refuse_held_out(letter.group for letter in found)
    return found


@dataclass(frozen=True)
class Training:
    """How the trainer fits the model and picks thresholds (resources/checker/training.toml):
    tuned by people, so read from resources, not written into the trainer."""

    target_precision: float
    rule_targets: dict[str, float]
    min_threshold: float
    folds: int
    grid: tuple[float, ...]
    min_count: int

    def target(self, rule: str) -> float:
        return self.rule_targets.get(rule, self.target_precision)


def training() -> Training:
    """The trainer's settings; a rule the checker does not know is refused (a typo would
    silently train that rule at the default bar)."""
    source = followup_resources.read_bytes("checker", "training.toml").decode("utf-8")
    data = tomllib.loads(source)
    targets = {str(rule): float(value) for rule, value in data["rule_targets"].items()}
    unknown = set(targets) - set(CONTENT_RULES)
    if unknown:
        raise ValueError(f"training.toml names rules the checker does not know: {sorted(unknown)}")
    return Training(
        target_precision=float(data["target_precision"]),
        rule_targets=targets,
        min_threshold=float(data["min_threshold"]),
        folds=int(data["folds"]),
        grid=tuple(float(c) for c in data["grid"]),
        min_count=int(data["min_count"]),
    )
