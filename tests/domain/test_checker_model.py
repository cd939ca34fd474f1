"""The checker's sentence model: same scores as its features say, findings that explain
themselves, loaded only when first needed, and no numpy at run time."""

from __future__ import annotations

import gzip
import json
import math
import subprocess
import sys
import zlib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import checker_model, kept_form
from followup.checker import Context, Kind, Severity, check
from followup.checker_model import (
    FORMAT,
    SentenceModel,
    default_model,
    features,
    load,
    model_from,
    scale,
    sentence_spans,
)
from followup.phrases import tokenize

RULES = ["flattery", "status-inquiry"]


def tiny(weights: dict[str, list[float]], bias: float = -4.0) -> SentenceModel:
    """A two-rule model whose weights the test chooses (one unit per stored integer)."""
    return SentenceModel(
        {
            "format": FORMAT,
            "rules": RULES,
            "scale": 1.0,
            "bias": [bias, bias],
            "thresholds": {"flattery": 0.6, "status-inquiry": 0.6},
            "weights": weights,
        }
    )


def spans(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[a:b] for a, b in sentence_spans(text, tokens.starts, tokens.ends)]


def test_sentences_end_at_full_stops_and_blank_lines_and_keep_their_marks() -> None:
    text = "Dear Dana,\n\nThank you for today! Any news yet?  I'm keen.\nKind regards,\nSam"
    assert spans(text) == [
        "Dear Dana",
        "Thank you for today!",
        "Any news yet?",
        "I'm keen.",
        "Kind regards,\nSam",
    ]


def test_a_model_finding_names_the_model_its_confidence_span_and_advice() -> None:
    model = tiny({"w shoes": [40, 0]})
    text = "Thank you for your time. I really like your shoes."
    finding = next(f for f in check(text, Context(), model=model) if f.rule == "flattery")
    assert text[finding.start : finding.end] == "I really like your shoes."
    assert "model reads this sentence as flattery" in finding.message
    assert "% confident" in finding.message
    assert "Advice: stay professional" in finding.message
    assert finding.severity is Severity.WARNING  # flattery is a warning anyway


def test_a_model_informal_finding_says_what_it_is_about_with_no_placeholder_left() -> None:
    model = SentenceModel(
        {
            "format": FORMAT,
            "rules": ["informal"],
            "scale": 1.0,
            "bias": [-4.0],
            "thresholds": {"informal": 0.6},
            "weights": {"w zorpily": [40]},
        }
    )
    text = "Thank you for your time. I zorpily enjoyed it."
    finding = next(f for f in check(text, Context(), model=model) if f.rule == "informal")
    assert text[finding.start : finding.end] == "I zorpily enjoyed it."
    assert "{" not in finding.message and "}" not in finding.message
    assert "This is informal (the wording as a whole)." in finding.message


def test_a_model_finding_is_a_warning_unless_the_model_is_sure() -> None:
    # One feature of weight w among n features: probability sigmoid(bias + w / sqrt(n)).
    text = "Is there news."
    found = features(text)
    n = sum(found.values())

    def severity(target: float) -> Severity:
        weight = (math.log(target / (1 - target)) + 4.0) * math.sqrt(n)
        model = tiny({"w news": [0, weight]})
        return next(f for f in check(text, Context(), model=model) if f.start == 0).severity

    assert severity(0.7) is Severity.WARNING
    assert severity(0.97) is Severity.ERROR  # status-inquiry's own severity


def test_a_phrase_finding_speaks_for_its_sentence_and_inquiries_may_ask() -> None:
    model = tiny({"w update": [0, 60], "w news": [0, 60]})
    text = "Is there any update on my application? Hoping for news."
    findings = [f for f in check(text, Context(), model=model) if f.rule == "status-inquiry"]
    assert [f.message.startswith("This is a status inquiry") for f in findings] == [True, False]
    inquiry = Context(kind=Kind.INQUIRY)
    assert [f for f in check(text, inquiry, model=model) if f.rule == "status-inquiry"] == []


def test_only_the_most_likely_rule_of_a_sentence_is_reported() -> None:
    model = tiny({"w brilliant": [60, 30]})
    text = "A brilliant update."
    assert [f.rule for f in check(text, Context(), model=model) if f.start == 0] == ["flattery"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_the_fast_score_is_the_linear_model_over_the_features(sentence: str) -> None:
    """Scores are summed word by word (and cached); they must equal the plain dot product
    of the counted features that training used."""
    model = default_model()
    found = features(sentence)
    factor = scale(found)
    logits = []
    for column in range(len(model.rules)):
        total = model.bias[column] + factor * sum(
            count * model.weights[f][column] * model.scale
            for f, count in found.items()
            if f in model.weights
        )
        logits.append(max(-30.0, min(30.0, total)))
    fine = 1.0 if model.softmax else 0.0  # softmax: "fine" scores 0, so exp(0) = 1
    denominator = fine + sum(math.exp(z) for z in logits)
    for probability, logit in zip(model.scores(sentence), logits, strict=True):
        sigmoid = 1 / (1 + math.exp(-logit))
        expected = math.exp(logit) / denominator if model.softmax else sigmoid
        assert probability == pytest.approx(expected, abs=1e-9)


def test_the_shipped_model_is_a_softmax_whose_probabilities_sum_to_at_most_one() -> None:
    model = default_model()
    assert model.softmax
    for text in ("Any news on my application?", "Thank you for your time.", "lol thx"):
        assert 0 < sum(model.scores(text)) < 1


def test_the_shipped_model_catches_a_rewording_no_phrase_lists() -> None:
    text = "Your team is the most talented group of people I have ever come across."
    phrases_only = {f.rule for f in check(text, Context(), model=False)}
    assert "flattery" not in phrases_only
    finding = next(f for f in check(text, Context()) if f.rule == "flattery")
    assert "model reads this sentence" in finding.message


def test_the_shipped_model_leaves_fine_sentences_alone() -> None:
    for text in (
        "I look forward to hearing from you.",
        "Thank you again for your time on Tuesday.",
        "I enjoyed learning how your team plans the quarterly inventory count.",
        "I would welcome the chance to bring that experience to your team.",
    ):
        assert check(text, Context(), model=True) == check(text, Context(), model=False), text


def test_a_model_file_of_another_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        SentenceModel({"format": FORMAT + 1})


def test_the_model_loads_on_the_first_check_and_needs_no_numpy() -> None:
    script = (
        "import sys\n"
        "import followup.checker, followup_desktop.app\n"
        "from followup.checker_model import _shipped_model\n"
        "assert _shipped_model.cache_info().currsize == 0, 'loaded at import'\n"
        "followup.checker.check('Thank you for your time.')\n"
        "assert _shipped_model.cache_info().currsize == 1\n"
        "heavy = {'numpy', 'scipy', 'sklearn'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


TWO_FAULTS = "You are the most brilliant manager, so is there any update on my application?"


@pytest.mark.parametrize(
    ("weights", "kept"),
    [({"w update": [0, 60]}, "status-inquiry"), ({"w brilliant": [60, 0]}, "flattery")],
)
def test_a_sentence_two_phrase_lists_flag_keeps_only_its_main_fault(
    weights: dict[str, list[float]], kept: str
) -> None:
    """The sentence is underlined once, with the fault the model rates higher; without the
    model every phrase finding stays."""
    content = {"flattery", "status-inquiry"}
    found = [f for f in check(TWO_FAULTS, Context(), model=tiny(weights)) if f.rule in content]
    assert {f.rule for f in found} == {kept}
    assert all(not f.message.startswith("The checker's model") for f in found)
    alone = {f.rule for f in check(TWO_FAULTS, Context(), model=False)}
    assert content <= alone


def test_a_confident_model_rule_replaces_the_phrase_finding_it_outranks() -> None:
    """A phrase for one rule, but the model is sure of another that clears its threshold:
    the sentence gets the model's finding, which says it is the model's reading."""
    text = "Any update on my application, dear brilliant one?"
    found = check(text, Context(), model=tiny({"w brilliant": [90, 0]}))
    content = [f for f in found if f.rule in {"flattery", "status-inquiry"}]
    assert [f.rule for f in content] == ["flattery"]
    assert content[0].message.startswith("The checker's model reads this sentence as flattery")
    assert (content[0].start, content[0].end) == (0, len(text))


def test_a_one_sentence_text_in_lower_case_is_underlined_once() -> None:
    """All lower case is the fault of the whole text; when the text is one sentence it is
    that sentence's, and the main fault wins. In a longer text it stays."""
    model = tiny({"w update": [0, 60]})
    one = (
        "hi again, i was just wondering whether there is any update on my application for the "
        "analyst job that i interviewed for on tuesday with you and the team"
    )
    content = {"informal", "status-inquiry"}
    assert {f.rule for f in check(one, Context(), model=model)} & content == {"status-inquiry"}
    two = (
        "thanks for the interview today, it was good to meet you and the team. "
        "i was just wondering whether there is any update on my application for the analyst job"
    )
    rules = [f.rule for f in check(two, Context(), model=model)]
    assert "informal" in rules and "status-inquiry" in rules


SHIPPED = (resources.files("followup_resources") / "checker" / "model.json.gz").read_bytes()
SENTENCES = ("Any news on my application?", "Thank you for your time.", "lol thx", "Please decide.")


def same_model(a: SentenceModel, b: SentenceModel) -> bool:
    return all(a.scores(s) == b.scores(s) for s in SENTENCES) and a.rules == b.rules


def broken_decompress(_data: bytes) -> bytes:
    raise AssertionError("the shipped JSON was read")


def test_the_model_is_kept_in_a_faster_form_and_read_from_it_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "cache" / "checker-model.kept"
    first = model_from(SHIPPED, kept)  # from the JSON; its kept form written
    assert kept.is_file() and kept.stat().st_mode & 0o777 == 0o600
    assert oct(kept.parent.stat().st_mode & 0o777) == "0o700"
    with monkeypatch.context() as patch:  # the JSON is not read at all
        patch.setattr(checker_model.gzip, "decompress", broken_decompress)
        second = model_from(SHIPPED, kept)
    assert same_model(first, second) and same_model(first, load(SHIPPED))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),  # one bit flipped: the checksum fails
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"",
        lambda raw: b"\x00" * 100,
        lambda raw: kept_form.to_bytes("checker-model 2 00000000", {"format": 2}),  # another's
    ],
)
def test_a_kept_form_that_is_damaged_or_not_these_bytes_is_read_from_the_json_again(
    tmp_path: Path, spoil: Callable[[bytes], bytes]
) -> None:
    kept = tmp_path / "checker-model.kept"
    model_from(SHIPPED, kept)
    kept.write_bytes(spoil(kept.read_bytes()))
    again = model_from(SHIPPED, kept)
    assert same_model(again, load(SHIPPED))
    assert kept_form.from_bytes(f"checker-model 2 {zlib.crc32(SHIPPED):08x}", kept.read_bytes())


def test_a_kept_form_made_from_another_model_is_not_used(tmp_path: Path) -> None:
    """A new release ships another model: its kept form is made again."""
    kept = tmp_path / "checker-model.kept"
    data = json.loads(gzip.decompress(SHIPPED))
    data["bias"] = [b + 5 for b in data["bias"]]  # a model that judges otherwise
    other = gzip.compress(json.dumps(data).encode())
    model_from(other, kept)
    assert same_model(model_from(SHIPPED, kept), load(SHIPPED))
    assert not same_model(model_from(other, kept), load(SHIPPED))


def test_a_cache_folder_that_cannot_be_written_only_costs_the_longer_read(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    model = model_from(SHIPPED, blocked / "checker-model.kept")
    assert same_model(model, load(SHIPPED))


def forged(change: Callable[[dict[str, Any]], object]) -> Callable[[bytes], bytes]:
    """The kept form with a sound header and checksum around data of another shape (a bug,
    or a hand that wrote it): the checksum cannot tell."""

    def spoil(_raw: bytes) -> bytes:
        data = json.loads(gzip.decompress(SHIPPED))
        change(data)
        return kept_form.to_bytes(f"checker-model {FORMAT} {zlib.crc32(SHIPPED):08x}", data)

    return spoil


@pytest.mark.parametrize(
    "spoil",
    [
        forged(lambda d: d.update(thresholds=[1, 2])),
        forged(lambda d: d.update(weights=[1, 2])),
        forged(lambda d: d.update(bias=d["bias"][:1])),
        forged(lambda d: d["thresholds"].pop(d["rules"][0])),
        forged(lambda d: d["weights"].update({k: v[:2] for k, v in d["weights"].items()})),
        forged(lambda d: d["weights"].update(dict.fromkeys(d["weights"], "abcdef"))),
        forged(lambda d: d.update(scale="big")),
    ],
    ids=["thresholds", "weights", "bias", "a-rule", "short-rows", "text", "scale"],
)
def test_a_kept_form_of_another_shape_is_read_from_the_json_and_made_again(
    tmp_path: Path, spoil: Callable[[bytes], bytes]
) -> None:
    kept = tmp_path / "checker-model.kept"
    model_from(SHIPPED, kept)
    kept.write_bytes(spoil(kept.read_bytes()))
    assert same_model(model_from(SHIPPED, kept), load(SHIPPED))
    made_again = kept_form.from_bytes(
        f"checker-model {FORMAT} {zlib.crc32(SHIPPED):08x}", kept.read_bytes()
    )
    assert made_again == json.loads(gzip.decompress(SHIPPED))


def test_a_kept_form_others_may_write_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """marshal is not made for hostile bytes: a file another user could have written is
    passed over (and made again, the user's own)."""
    kept = tmp_path / "checker-model.kept"
    model_from(SHIPPED, kept)
    kept.chmod(0o666)
    read: list[bytes] = []
    decompress = gzip.decompress

    def reading(data: bytes) -> bytes:
        read.append(data)
        return decompress(data)

    monkeypatch.setattr(checker_model.gzip, "decompress", reading)
    assert same_model(model_from(SHIPPED, kept), load(SHIPPED))
    assert read, "read from the JSON"
    assert kept.stat().st_mode & 0o777 == 0o600


def test_two_threads_asking_at_once_read_the_model_once() -> None:
    import threading

    checker_model._shipped_model.cache_clear()
    got: list[SentenceModel] = []
    threads = [threading.Thread(target=lambda: got.append(default_model())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(got) == 4 and all(model is got[0] for model in got)
