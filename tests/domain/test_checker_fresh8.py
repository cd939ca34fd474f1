"""The eighth fresh held-out set (data/checker/fresh8/): well formed, balanced, sourced, guarded.

It was written apart from the checker's development, from sources no other file uses, and is
measured once at the end (issue 10). These checks assert only its format, counts and sources:
no message here prints a sentence or letter of it, so whoever tunes the checker never sees them
(a repeat of another file is reported by count and by this folder's own line numbers only).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .. import checker_data

DATA = Path(__file__).resolve().parents[2] / "data" / "checker"
FOLDER = DATA / "fresh8"
SPLIT = "fresh8"
# The rule ids of DESIGN 1.2; the sentence labels are the content rules among them, and "ok".
RULE_IDS = frozenset(
    {
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
    }
)
BAD = frozenset(
    {"flattery", "manipulation", "neediness", "asks-for-decision", "status-inquiry", "informal"}
)
LABELS = BAD | {"ok"}
MIN_SENTENCES = 700
MIN_PER_BAD_LABEL = 45
MIN_MANIPULATION = 70  # pressure in many forms: offers, deadlines, gifts, names, threats, guilt
MIN_LETTERS = 12
MIN_SOURCES = 45
SOURCES_HEADER = ["group", "split", "sources", "notes"]


def _rows(path: Path, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of a tab-separated file; failures name the file and line, never text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].split("\t") == header, f"{path.name}: header must be {header}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        assert len(fields) == len(header), f"{path.name}:{number}: {len(fields)} fields"
        assert all(f and f.strip() == f for f in fields), f"{path.name}:{number}: blank field"
        rows.append((number, dict(zip(header, fields, strict=True))))
    return rows


def _addresses(sources: str) -> list[str]:
    found = []
    for source in sources.split("; "):
        assert source.endswith(">") and " <" in source, "a source needs 'Title <address>'"
        found.append(source[source.rindex("<") + 1 : -1])
    return found


def _site(address: str) -> str:
    return urlsplit(address).netloc.lower().removeprefix("www.")


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def _mine() -> list[tuple[int, dict[str, str]]]:
    return _rows(FOLDER / "sentences.tsv", ["group", "label", "text"])


def _groups(name: str) -> list[dict[str, str]]:
    return [row for _, row in _rows(FOLDER / name, SOURCES_HEADER)]


def _letter_items() -> list[dict[str, object]]:
    lines = (FOLDER / "letters.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_fresh8_sentences_are_well_formed_balanced_and_sourced() -> None:
    rows = [row for _, row in _mine()]
    groups = _groups("sources.tsv")
    assert len(rows) >= MIN_SENTENCES
    assert all(row["label"] in LABELS for row in rows), "an unknown label"
    counts = Counter(row["label"] for row in rows)
    for label in BAD:
        assert counts[label] >= MIN_PER_BAD_LABEL, (label, counts)
    assert counts["manipulation"] >= MIN_MANIPULATION, counts
    assert counts["ok"] >= sum(counts[label] for label in BAD), counts
    texts = Counter(_normalised(row["text"]) for row in rows)
    assert sum(n > 1 for n in texts.values()) == 0, "a fresh8 sentence appears twice"
    names = [g["group"] for g in groups]
    assert len(names) == len(set(names)), "a group is listed twice"
    assert {row["group"] for row in rows} == set(names)
    assert all(name[0] == "Q" and name[1:].isdigit() for name in names), names
    assert all(g["split"] == "test" and _addresses(g["sources"]) for g in groups)


def test_fresh8_repeats_no_sentence_of_the_other_files() -> None:
    """Only a count and this folder's own line numbers are reported, never another file's text:
    the held-out text must stay unseen by whoever tunes, and the other files by this set's
    writer."""
    others: set[str] = set()
    for path in DATA.glob("**/sentences.tsv"):
        if path.parent != FOLDER:
            others |= {
                _normalised(row["text"]) for _, row in _rows(path, ["group", "label", "text"])
            }
    assert others, "no other sentence file found"
    shared = [number for number, row in _mine() if _normalised(row["text"]) in others]
    assert shared == [], f"{len(shared)} fresh8 sentences repeat another file's; reword them"


def test_fresh8_letters_are_enough_mostly_good_and_labelled_by_rule_ids() -> None:
    items = _letter_items()
    assert len(items) >= MIN_LETTERS
    assert sum(not item["faults"] for item in items) > len(items) / 2
    assert {item["channel"] for item in items} == {"email", "post"}
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        faults = set(item["faults"])  # type: ignore[call-overload]
        context = item["context"]
        assert isinstance(context, dict)
        assert faults <= RULE_IDS, item["id"]
        assert ("second-letter" in faults) == bool(context["previous_letters"]), item["id"]
        assert str(item["id"]).startswith(f"{item['group']}-"), item["id"]
    assert sum("second-letter" in item["faults"] for item in items) >= 1  # type: ignore[operator]
    groups = _groups("letter_sources.tsv")
    assert {item["group"] for item in items} == {g["group"] for g in groups}
    assert all(g["group"].startswith("QL") and g["group"][2:].isdigit() for g in groups)
    assert all(g["split"] == "test" and _addresses(g["sources"]) for g in groups)


def test_fresh8_letters_carry_the_whole_context() -> None:
    """Every line has the keys the evaluation reads, and an interview date."""
    keys = {"group", "id", "channel", "context", "text", "faults", "notes"}
    context_keys = {"recipient", "company", "role", "topics", "strengths", "interviewed_on"}
    for number, item in enumerate(_letter_items(), 1):
        assert keys <= item.keys(), f"letters.jsonl:{number}"
        context = item["context"]
        assert isinstance(context, dict)
        assert context_keys | {"previous_letters"} <= context.keys(), f"line {number}"
        assert item["channel"] in {"email", "post"}, f"letters.jsonl:{number}"
        date = context["interviewed_on"]
        assert len(date) == 10 and date[4] == date[7] == "-", f"letters.jsonl:{number}"


def test_the_loader_reads_fresh8_only_when_asked_by_name() -> None:
    assert SPLIT in checker_data.HELD_OUT_FOLDERS, "the guard must name data/checker/fresh8/"
    loaded = checker_data.sentences(SPLIT)
    assert len(loaded) == len(_mine()) and {s.split for s in loaded} == {SPLIT}
    found = checker_data.letters(SPLIT)
    assert len(found) == len(_letter_items()) and {x.split for x in found} == {SPLIT}
    assert all(("second-letter" in x.faults) == x.context.already_sent for x in found)


def test_the_guard_knows_and_refuses_every_fresh8_group() -> None:
    named = {g["group"] for g in _groups("sources.tsv")}
    named |= {g["group"] for g in _groups("letter_sources.tsv")}
    assert len(named) >= 10
    assert checker_data.held_out_groups()[SPLIT] == named
    for group in sorted(named):
        with pytest.raises(ValueError, match="fresh8/ must never be trained"):
            checker_data.refuse_held_out(["S001", group])


def test_no_source_or_site_informs_both_fresh8_and_any_other_file() -> None:
    mine = {
        address
        for name in ("sources.tsv", "letter_sources.tsv")
        for g in _groups(name)
        for address in _addresses(g["sources"])
    }
    others: set[str] = set()
    for path in DATA.glob("**/*sources.tsv"):
        if path.parent != FOLDER:
            for _, g in _rows(path, SOURCES_HEADER):
                others.update(_addresses(g["sources"]))
    assert len(mine) >= MIN_SOURCES and len({_site(a) for a in mine}) >= MIN_SOURCES
    assert others, "no other sources file found"
    assert sorted(mine & others) == []
    assert sorted({_site(a) for a in mine} & {_site(a) for a in others}) == []
