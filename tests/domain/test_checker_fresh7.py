"""The seventh fresh held-out set (data/checker/fresh7/): well formed, balanced, sourced, guarded.

It was written apart from the checker's development, from sources no other file uses, and is
measured once at the end (issue 10). These checks assert only its format, counts and sources:
no message here prints a sentence or letter of it, so whoever tunes the checker never sees them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from followup.checker import RULE_IDS

from ..checker_data import CONTENT_RULES, FRESH7_SPLIT, held_out_groups, letters, refuse_held_out
from ..checker_data import sentences as load_sentences

DATA = Path(__file__).resolve().parents[2] / "data" / "checker"
FOLDER = DATA / "fresh7"
LABELS = frozenset({"ok", *CONTENT_RULES})
BAD = LABELS - {"ok"}
MIN_SENTENCES = 600
MIN_PER_BAD_LABEL = 40
MIN_MANIPULATION = 60  # pressure in many forms: offers, deadlines, gifts, names, threats, bargains
MIN_LETTERS = 12
MIN_SOURCES = 24
SOURCES_HEADER = ["group", "split", "sources", "notes"]


def _rows(path: Path, header: list[str]) -> list[dict[str, str]]:
    """The rows of a tab-separated file; failures name the file and line, never the text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].split("\t") == header, f"{path.name}: header must be {header}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        assert len(fields) == len(header), f"{path.name}:{number}: {len(fields)} fields"
        assert all(f and f.strip() == f for f in fields), f"{path.name}:{number}: blank field"
        rows.append(dict(zip(header, fields, strict=True)))
    return rows


def _addresses(sources: str) -> list[str]:
    found = []
    for source in sources.split("; "):
        assert source.endswith(">") and " <" in source, f"source needs 'Title <address>': {source}"
        found.append(source[source.rindex("<") + 1 : -1])
    return found


def _site(address: str) -> str:
    return urlsplit(address).netloc.lower().removeprefix("www.")


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def _mine() -> list[dict[str, str]]:
    return _rows(FOLDER / "sentences.tsv", ["group", "label", "text"])


def _groups(name: str) -> list[dict[str, str]]:
    return _rows(FOLDER / name, SOURCES_HEADER)


def test_fresh7_sentences_are_well_formed_balanced_and_sourced() -> None:
    rows = _mine()
    groups = _groups("sources.tsv")
    assert len(rows) >= MIN_SENTENCES
    assert all(row["label"] in LABELS for row in rows), "an unknown label"
    counts = Counter(row["label"] for row in rows)
    for label in BAD:
        assert counts[label] >= MIN_PER_BAD_LABEL, (label, counts)
    assert counts["manipulation"] >= MIN_MANIPULATION, counts
    assert counts["ok"] >= sum(counts[label] for label in BAD), counts
    texts = Counter(_normalised(row["text"]) for row in rows)
    assert sum(n > 1 for n in texts.values()) == 0, "a fresh7 sentence appears twice"
    names = [g["group"] for g in groups]
    assert len(names) == len(set(names)), "a group is listed twice"
    assert {row["group"] for row in rows} == set(names)
    assert all(name[0] == "P" and name[1:].isdigit() for name in names), names
    assert all(g["split"] == "test" and _addresses(g["sources"]) for g in groups)
    loaded = load_sentences(FRESH7_SPLIT)
    assert len(loaded) == len(rows) and {s.split for s in loaded} == {FRESH7_SPLIT}


def test_fresh7_repeats_no_sentence_of_the_other_files() -> None:
    """Only the count is reported: the held-out text must stay unseen by whoever tunes."""
    mine = {_normalised(row["text"]) for row in _mine()}
    others: set[str] = set()
    for path in DATA.glob("**/sentences.tsv"):
        if path.parent != FOLDER:
            others |= {_normalised(row["text"]) for row in _rows(path, ["group", "label", "text"])}
    assert others, "no other sentence file found"
    shared = len(mine & others)
    assert shared == 0, f"{shared} fresh7 sentences repeat another file's; reword them"


def test_fresh7_letters_are_enough_mostly_good_and_labelled_by_rule_ids() -> None:
    found = letters(FRESH7_SPLIT)
    assert len(found) >= MIN_LETTERS
    assert sum(not letter.faults for letter in found) > len(found) / 2
    assert {letter.context.channel.value for letter in found} == {"email", "post"}
    assert len({letter.id for letter in found}) == len(found)
    for letter in found:
        assert letter.faults <= set(RULE_IDS), letter.id
        assert ("second-letter" in letter.faults) == letter.context.already_sent, letter.id
        assert letter.id.startswith(f"{letter.group}-"), letter.id
    groups = _groups("letter_sources.tsv")
    assert {letter.group for letter in found} == {g["group"] for g in groups}
    assert all(g["group"].startswith("PL") and g["group"][2:].isdigit() for g in groups)
    assert all(g["split"] == "test" and _addresses(g["sources"]) for g in groups)


def test_fresh7_letters_carry_the_whole_context() -> None:
    """Every line has the keys the evaluation reads, and an interview date."""
    keys = {"group", "id", "channel", "context", "text", "faults", "notes"}
    context_keys = {"recipient", "company", "role", "topics", "strengths", "interviewed_on"}
    for number, line in enumerate((FOLDER / "letters.jsonl").read_text("utf-8").splitlines(), 1):
        item = json.loads(line)
        assert keys <= item.keys(), f"letters.jsonl:{number}"
        assert context_keys | {"previous_letters"} <= item["context"].keys(), f"line {number}"
        assert item["channel"] in {"email", "post"}, f"letters.jsonl:{number}"
        date = item["context"]["interviewed_on"]
        assert len(date) == 10 and date[4] == date[7] == "-", f"letters.jsonl:{number}"


def test_the_guard_knows_and_refuses_every_fresh7_group() -> None:
    named = {g["group"] for g in _groups("sources.tsv")}
    named |= {g["group"] for g in _groups("letter_sources.tsv")}
    assert len(named) >= 10
    assert held_out_groups()[FRESH7_SPLIT] == named
    for group in sorted(named):
        with pytest.raises(ValueError, match="fresh7/ must never be trained"):
            refuse_held_out(["S001", group])


def test_no_source_or_site_informs_both_fresh7_and_any_other_file() -> None:
    mine = {
        address
        for name in ("sources.tsv", "letter_sources.tsv")
        for g in _groups(name)
        for address in _addresses(g["sources"])
    }
    others: set[str] = set()
    for path in DATA.glob("**/*sources.tsv"):
        if path.parent != FOLDER:
            for g in _rows(path, SOURCES_HEADER):
                others.update(_addresses(g["sources"]))
    assert len(mine) >= MIN_SOURCES and len({_site(a) for a in mine}) >= MIN_SOURCES
    assert others, "no other sources file found"
    assert sorted(mine & others) == []
    assert sorted({_site(a) for a in mine} & {_site(a) for a in others}) == []
