"""The labelled sentence set the checker model learns from (data/checker/): well formed and honest.

The split is by source group, so the test half measures new phrasings, not copies; these checks
keep that true as sentences are added.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "checker"
LABELS = frozenset(
    {
        "ok",
        "flattery",
        "manipulation",
        "neediness",
        "asks-for-decision",
        "status-inquiry",
        "informal",
    }
)
BAD = LABELS - {"ok"}
MIN_ROWS = 1500
MIN_TEST_PER_BAD_LABEL = 40


def _rows(name: str, header: list[str]) -> list[dict[str, str]]:
    path = DATA / name
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines, f"{name} is empty"
    assert lines[0].split("\t") == header, f"{name}: header must be {header}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        assert len(fields) == len(header), f"{name}:{number}: {len(fields)} fields: {line!r}"
        assert all(f.strip() == f and f for f in fields[:-1]), f"{name}:{number}: blank field"
        rows.append(dict(zip(header, fields, strict=True)))
    # The standard csv reader agrees with the plain split (no quoting surprises).
    with path.open(encoding="utf-8", newline="") as handle:
        parsed = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(parsed) == len(rows) + 1
    return rows


@pytest.fixture(scope="module")
def sentences() -> list[dict[str, str]]:
    return _rows("sentences.tsv", ["group", "label", "text"])


@pytest.fixture(scope="module")
def groups() -> list[dict[str, str]]:
    return _rows("sentence_sources.tsv", ["group", "split", "sources", "notes"])


def _splits(groups: list[dict[str, str]]) -> dict[str, str]:
    return {g["group"]: g["split"] for g in groups}


def _addresses(sources: str) -> list[str]:
    found = []
    for source in sources.split("; "):
        assert source.endswith(">") and " <" in source, f"source needs 'Title <address>': {source}"
        found.append(source[source.rindex("<") + 1 : -1])
    return found


def test_labels_are_known_and_texts_are_clean(sentences: list[dict[str, str]]) -> None:
    for row in sentences:
        assert row["label"] in LABELS, row
        text = row["text"]
        assert text.strip() == text and text, row
        assert "\n" not in text and "\r" not in text and "\t" not in text, row


def test_no_sentence_appears_twice(sentences: list[dict[str, str]]) -> None:
    counts = Counter(" ".join(row["text"].casefold().split()) for row in sentences)
    assert [text for text, n in counts.items() if n > 1] == []


def test_every_group_has_one_split_and_its_sources(
    sentences: list[dict[str, str]], groups: list[dict[str, str]]
) -> None:
    names = [g["group"] for g in groups]
    assert len(names) == len(set(names)), "a group is listed twice (two splits?)"
    assert {g["split"] for g in groups} <= {"train", "test"}
    used = {row["group"] for row in sentences}
    assert used <= set(names), f"groups without sources: {sorted(used - set(names))}"
    assert set(names) <= used, f"groups without sentences: {sorted(set(names) - used)}"
    for group in groups:
        assert _addresses(group["sources"]), group


def test_no_source_informs_both_splits(groups: list[dict[str, str]]) -> None:
    seen: dict[str, set[str]] = {}
    for group in groups:
        for address in _addresses(group["sources"]):
            seen.setdefault(address, set()).add(group["split"])
    assert [a for a, splits in seen.items() if len(splits) > 1] == []


def test_ok_outnumbers_all_faults_together(sentences: list[dict[str, str]]) -> None:
    counts = Counter(row["label"] for row in sentences)
    assert counts["ok"] >= sum(counts[label] for label in BAD), counts


def test_enough_sentences_and_every_fault_in_both_splits(
    sentences: list[dict[str, str]], groups: list[dict[str, str]]
) -> None:
    assert len(sentences) >= MIN_ROWS
    split = _splits(groups)
    counts = Counter((split[row["group"]], row["label"]) for row in sentences)
    for label in BAD:
        assert counts[("test", label)] >= MIN_TEST_PER_BAD_LABEL, (label, counts)
        assert counts[("train", label)] >= MIN_TEST_PER_BAD_LABEL, (label, counts)
