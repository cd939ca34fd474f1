"""The labelled sentence set the checker model learns from (data/checker/): well formed and honest.

The split is by source group, so the test half measures new phrasings, not copies; these checks
keep that true as sentences are added.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from followup.rulebook import PHRASE_RULES

DATA = Path(__file__).resolve().parents[2] / "data" / "checker"
LABELS = frozenset({"ok", *PHRASE_RULES})  # the content rules, and "ok" for a clean one
BAD = LABELS - {"ok"}
MIN_ROWS = 1500
MIN_TRAIN_PER_BAD_LABEL = 150


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


def test_enough_sentences_and_every_fault_to_train_on(
    sentences: list[dict[str, str]], groups: list[dict[str, str]]
) -> None:
    """The old test groups, evaluated many times during development, were moved into
    training; the test balance is the fresh held-out set's (checked below)."""
    assert len(sentences) >= MIN_ROWS
    split = _splits(groups)
    counts = Counter((split[row["group"]], row["label"]) for row in sentences)
    for label in BAD:
        assert counts[("train", label)] >= MIN_TRAIN_PER_BAD_LABEL, (label, counts)


def _all_addresses(*names: str) -> set[str]:
    found: set[str] = set()
    for name in names:
        for row in _rows(name, ["group", "split", "sources", "notes"]):
            found.update(_addresses(row["sources"]))
    return found


def test_the_first_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh/ was evaluated once, then its groups (F001-F024, letters FL01-FL16)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import letters, sentences

    assert not (DATA / "fresh" / "sentences.tsv").exists()
    assert (DATA / "fresh" / "README.md").exists()
    split = _splits(groups)
    moved = {name for name in split if name.startswith("F")}
    assert len(moved) == 24 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 24
    assert len({letter.group for letter in letters("train") if letter.group.startswith("FL")}) == 16


def test_the_second_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh2/ was evaluated, then its groups (G001-G015, letters GL01-GL05)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import letters, sentences

    assert not (DATA / "fresh2" / "sentences.tsv").exists()
    assert (DATA / "fresh2" / "README.md").exists()
    split = _splits(groups)
    moved = {name for name in split if name.startswith("G")}
    assert len(moved) == 15 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 15
    assert len({letter.group for letter in letters("train") if letter.group.startswith("GL")}) == 5


def test_the_third_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh3/ was evaluated once, then its groups (H001-H018, letters HL01-HL05)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import HELD_OUT_FOLDERS, letters, sentences

    assert not (DATA / "fresh3" / "sentences.tsv").exists()
    assert (DATA / "fresh3" / "README.md").exists()
    assert "fresh3" not in HELD_OUT_FOLDERS  # training may read it now
    split = _splits(groups)
    moved = {name for name in split if name.startswith("H")}
    assert len(moved) == 18 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 18
    assert len({letter.group for letter in letters("train") if letter.group.startswith("HL")}) == 5


def test_the_fourth_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh4/ was evaluated once, then its groups (K001-K010, letters KL01-KL03)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import HELD_OUT_FOLDERS, letters, sentences

    assert not (DATA / "fresh4" / "sentences.tsv").exists()
    assert (DATA / "fresh4" / "README.md").exists()
    assert "fresh4" not in HELD_OUT_FOLDERS  # training may read it now
    split = _splits(groups)
    moved = {name for name in split if name.startswith("K")}
    assert len(moved) == 10 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 10
    assert len({letter.group for letter in letters("train") if letter.group.startswith("KL")}) == 3


def test_the_fifth_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh5/ was evaluated once, then its groups (M001-M010, letters ML01-ML03)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import HELD_OUT_FOLDERS, letters, sentences

    assert not (DATA / "fresh5" / "sentences.tsv").exists()
    assert (DATA / "fresh5" / "README.md").exists()
    assert "fresh5" not in HELD_OUT_FOLDERS  # training may read it now
    split = _splits(groups)
    moved = {name for name in split if name.startswith("M")}
    assert len(moved) == 10 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 10
    assert len({letter.group for letter in letters("train") if letter.group.startswith("ML")}) == 3


# The sixth fresh held-out set (data/checker/fresh6/) is written separately and evaluated once
# at the very end: the guard below is tested on a stand-in folder, so these tests never read it.


def _stand_in(tmp_path: Path) -> Path:
    folder = tmp_path / "fresh6"
    folder.mkdir()
    header = "group\tsplit\tsources\tnotes\n"
    (folder / "sources.tsv").write_text(
        header + "X901\ttest\tA page <https://example.invalid/a>\tstand-in\n", encoding="utf-8"
    )
    (folder / "letter_sources.tsv").write_text(
        header + "XL91\ttest\tA page <https://example.invalid/b>\tstand-in\n", encoding="utf-8"
    )
    return folder


def test_training_refuses_any_group_of_a_held_out_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .. import checker_data

    monkeypatch.setattr(checker_data, "HELD_OUT_FOLDERS", {"fresh6": _stand_in(tmp_path)})
    assert checker_data.held_out_groups() == {"fresh6": frozenset({"X901", "XL91"})}
    checker_data.refuse_held_out(s.group for s in checker_data.sentences("train"))
    # the earlier fresh sets' groups are training data now
    checker_data.refuse_held_out(["H001", "HL01", "K001", "KL01", "M001", "ML01"])
    for group in ("X901", "XL91"):
        with pytest.raises(ValueError, match="fresh6/ must never be trained"):
            checker_data.refuse_held_out(["S001", group])


def test_training_data_never_includes_a_held_out_group() -> None:
    """Whatever the held-out folder holds, no split of the main files shares a group with it
    (only its group names are read here)."""
    from ..checker_data import held_out_groups, letters, refuse_held_out, sentences

    held = frozenset().union(*held_out_groups().values())
    for split in ("train", "test", None):
        assert not {s.group for s in sentences(split)} & held
        assert not {letter.group for letter in letters(split)} & held
    refuse_held_out(s.group for s in sentences(None))


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


# The sixth fresh held-out set (data/checker/fresh6/): written apart from the model's
# development, from sources no other file uses, for the final model; measured once, at the end.
# These checks assert only its format, counts and sources, and print no sentence of it.
FRESH6 = "fresh6"
MIN_FRESH6_PER_BAD_LABEL = 35
MIN_FRESH6_MANIPULATION = 50  # pressure in many forms: offers, gifts, names, threats, bargains


def _outside_fresh6(pattern: str) -> list[str]:
    """Names (relative to data/checker/) of the files matching ``pattern`` outside fresh6/."""
    return sorted(
        str(path.relative_to(DATA))
        for path in DATA.glob(f"**/{pattern}")
        if path.parent.name != FRESH6
    )


def test_fresh6_sentences_are_well_formed_balanced_and_sourced() -> None:
    from ..checker_data import FRESH6_SPLIT, sentences

    rows = _rows("fresh6/sentences.tsv", ["group", "label", "text"])
    groups = _rows("fresh6/sources.tsv", ["group", "split", "sources", "notes"])
    assert len(rows) >= 400
    assert all(row["label"] in LABELS for row in rows)
    counts = Counter(row["label"] for row in rows)
    for label in BAD:
        assert counts[label] >= MIN_FRESH6_PER_BAD_LABEL, (label, counts)
    assert counts["manipulation"] >= MIN_FRESH6_MANIPULATION, counts
    assert counts["ok"] >= sum(counts[label] for label in BAD), counts
    texts = Counter(_normalised(row["text"]) for row in rows)
    assert sum(n > 1 for n in texts.values()) == 0, "a fresh6 sentence appears twice"
    assert {row["group"] for row in rows} == {g["group"] for g in groups}
    assert all(g["group"].startswith("N") for g in groups)
    assert all(g["split"] == "test" and _addresses(g["sources"]) for g in groups)
    loaded = sentences(FRESH6_SPLIT)
    assert len(loaded) == len(rows) and {s.split for s in loaded} == {FRESH6_SPLIT}


def test_fresh6_repeats_no_sentence_of_the_other_files() -> None:
    """Only the count is reported: the held-out text must stay unseen by whoever tunes."""
    mine = {
        _normalised(row["text"])
        for row in _rows("fresh6/sentences.tsv", ["group", "label", "text"])
    }
    others = {
        _normalised(row["text"])
        for name in _outside_fresh6("sentences.tsv")
        for row in _rows(name, ["group", "label", "text"])
    }
    assert others, "no other sentence file found"
    shared = len(mine & others)
    assert shared == 0, f"{shared} fresh6 sentences repeat another file's; reword them"


def test_fresh6_letters_are_enough_mostly_good_and_labelled_by_rule_ids() -> None:
    from followup.checker import RULE_IDS

    from ..checker_data import FRESH6_SPLIT, letters

    found = letters(FRESH6_SPLIT)
    assert len(found) >= 10
    assert sum(not letter.faults for letter in found) > len(found) / 2
    assert {letter.context.channel.value for letter in found} == {"email", "post"}
    assert len({letter.id for letter in found}) == len(found)
    for letter in found:
        assert letter.faults <= set(RULE_IDS), letter.id
        assert ("second-letter" in letter.faults) == letter.context.already_sent, letter.id
    groups = _rows("fresh6/letter_sources.tsv", ["group", "split", "sources", "notes"])
    assert {letter.group for letter in found} == {g["group"] for g in groups}
    assert all(g["split"] == "test" and _addresses(g["sources"]) for g in groups)


def test_the_guard_knows_and_refuses_every_fresh6_group() -> None:
    from ..checker_data import held_out_groups, refuse_held_out

    named = {
        g["group"] for g in _rows("fresh6/sources.tsv", ["group", "split", "sources", "notes"])
    }
    named |= {
        g["group"]
        for g in _rows("fresh6/letter_sources.tsv", ["group", "split", "sources", "notes"])
    }
    assert len(named) >= 10
    assert held_out_groups()[FRESH6] == named
    for group in sorted(named):
        with pytest.raises(ValueError, match="fresh6/ must never be trained"):
            refuse_held_out(["S001", group])


def test_no_source_or_site_informs_both_fresh6_and_any_other_file() -> None:
    from urllib.parse import urlsplit

    def site(address: str) -> str:
        host = urlsplit(address).netloc.lower()
        return host.removeprefix("www.")

    fresh6 = _all_addresses("fresh6/sources.tsv", "fresh6/letter_sources.tsv")
    others = _all_addresses(*_outside_fresh6("*sources.tsv"))
    assert len(fresh6) >= 15 and others
    assert sorted(fresh6 & others) == []
    assert sorted({site(a) for a in fresh6} & {site(a) for a in others}) == []
