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


def test_the_sixth_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh6/ was evaluated once, then its groups (N001-N010, letters NL01-NL03)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import HELD_OUT_FOLDERS, letters, sentences

    assert not (DATA / "fresh6" / "sentences.tsv").exists()
    assert (DATA / "fresh6" / "README.md").exists()
    assert "fresh6" not in HELD_OUT_FOLDERS  # training may read it now
    split = _splits(groups)
    moved = {name for name in split if name.startswith("N")}
    assert len(moved) == 10 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 10
    assert len({letter.group for letter in letters("train") if letter.group.startswith("NL")}) == 3


def test_the_seventh_fresh_set_was_moved_into_training(groups: list[dict[str, str]]) -> None:
    """data/checker/fresh7/ was evaluated once, then its groups (P001-P016, letters PL01-PL02)
    became train groups of the main files; only its README stays, as the record."""
    from ..checker_data import HELD_OUT_FOLDERS, letters, sentences

    assert not (DATA / "fresh7" / "sentences.tsv").exists()
    assert (DATA / "fresh7" / "README.md").exists()
    assert "fresh7" not in HELD_OUT_FOLDERS  # training may read it now
    split = _splits(groups)
    moved = {name for name in split if name[0] == "P" and name[1:].isdigit()}
    assert len(moved) == 16 and {split[name] for name in moved} == {"train"}
    assert len({s.group for s in sentences("train")} & moved) == 16
    assert len({letter.group for letter in letters("train") if letter.group.startswith("PL")}) == 2


# The eighth fresh held-out set (data/checker/fresh8/) is written separately and evaluated once
# at the very end: the guard below is tested on a stand-in folder, so these tests never read it.


def _stand_in(tmp_path: Path) -> Path:
    folder = tmp_path / "fresh8"
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

    monkeypatch.setattr(checker_data, "HELD_OUT_FOLDERS", {"fresh8": _stand_in(tmp_path)})
    assert checker_data.held_out_groups() == {"fresh8": frozenset({"X901", "XL91"})}
    checker_data.refuse_held_out(s.group for s in checker_data.sentences("train"))
    # the earlier fresh sets' groups are training data now
    checker_data.refuse_held_out(
        ["H001", "HL01", "K001", "KL01", "M001", "ML01", "N001", "NL01", "P001", "PL01"]
    )
    for group in ("X901", "XL91"):
        with pytest.raises(ValueError, match="fresh8/ must never be trained"):
            checker_data.refuse_held_out(["S001", group])


def test_a_missing_held_out_folder_has_no_groups_and_reads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until the eighth set lands its folder does not exist: it then holds no groups, reads
    as empty, and refuses nothing."""
    from .. import checker_data

    missing = tmp_path / "fresh8"
    monkeypatch.setattr(checker_data, "HELD_OUT_FOLDERS", {"fresh8": missing})
    assert checker_data.held_out_groups() == {"fresh8": frozenset()}
    assert checker_data.sentences("fresh8") == [] and checker_data.letters("fresh8") == []
    checker_data.refuse_held_out(s.group for s in checker_data.sentences("train"))
    assert not missing.exists()


def test_checker_eval_says_so_when_the_held_out_folder_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from .. import checker_data, checker_eval

    missing = tmp_path / "fresh8"
    monkeypatch.setattr(checker_data, "HELD_OUT_FOLDERS", {"fresh8": missing})
    monkeypatch.setattr(checker_eval, "FRESH8", missing)
    assert checker_eval.main(["--fresh8"]) == 1
    assert "data/checker/fresh8/, is not there yet" in capsys.readouterr().out


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


def test_the_trainers_settings_are_read_from_resources() -> None:
    """Targets and the rest are tuned by people: read from training.toml, each content rule
    held at least to the common bar, and never a bar the folds could not show."""
    from .. import checker_data

    settings = checker_data.training()
    assert settings.folds >= 2 and settings.min_count >= 1
    assert list(settings.grid) == sorted(settings.grid) and min(settings.grid) > 0
    assert 0.5 <= settings.target_precision < 1 and 0 < settings.min_threshold < 1
    for rule in checker_data.CONTENT_RULES:
        assert settings.target_precision <= settings.target(rule) < 1, rule
    assert settings.target("no-such-rule") == settings.target_precision


def test_a_target_for_a_rule_the_checker_does_not_know_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A misspelt rule in training.toml would silently train that rule at the default bar."""
    from .. import checker_data

    source = checker_data.followup_resources.read_bytes("checker", "training.toml")
    typo = source.replace(b"\nflattery = ", b"\nflatery = ")
    assert typo != source
    monkeypatch.setattr(checker_data.followup_resources, "read_bytes", lambda *_: typo)
    with pytest.raises(ValueError, match="flatery"):
        checker_data.training()
