"""The letter checker: every rule, robustness, and the labelled set's precision and recall."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.checker import RULE_IDS, Context, Kind, Rulebook, Severity, check
from followup.errors import InvalidInput
from followup.model import Channel
from followup.phrases import compile_phrase

from ..checker_eval import HELD_OUT, evaluate

GOOD = """Dear Ms. Alvarez,

Thank you for meeting with me on Tuesday to discuss the Data Engineer position. I enjoyed
hearing how your team is moving its reporting to a streaming pipeline.

The work I led migrating forty batch jobs to Kafka maps closely to what you described, and
I would welcome the chance to bring that experience to your team.

Kind regards,
Jordan Lee"""
CONTEXT = Context(topics=("streaming pipeline",), strengths=("migrated forty batch jobs",))


def rules(text: str, context: Context = CONTEXT) -> list[str]:
    return [f.rule for f in check(text, context)]


def test_a_good_letter_has_no_findings() -> None:
    assert check(GOOD, CONTEXT) == []


def test_spans_point_at_the_offending_words() -> None:
    text = GOOD.replace("Kind regards", "Have you made a decision yet? Kind regards")
    finding = next(f for f in check(text, CONTEXT) if f.rule == "asks-for-decision")
    assert text[finding.start : finding.end] == "Have you made a decision"
    assert finding.severity is Severity.ERROR
    assert "don't press for a decision" in finding.message


def test_matching_ignores_case_curly_quotes_and_line_breaks() -> None:
    assert rules("I REALLY\nNEED   this job.") == ["neediness"]
    assert "flattery" in rules("You’re such a brilliant leader.")
    assert "status-inquiry" in rules("any\r\nupdate on my application?")


def test_phrases_do_not_run_across_sentences() -> None:
    assert rules("It was a pleasure. Any idea of the dress code?") == []
    assert "status-inquiry" not in rules("Thank you for everything. Update: I moved to Berlin.")


def test_the_one_inquiry_of_an_online_application_may_ask_for_a_status() -> None:
    text = "Is there any update on my application?"
    assert rules(text) == ["status-inquiry"]
    assert rules(text, Context(kind=Kind.INQUIRY)) == []


def test_second_letter_is_an_error() -> None:
    findings = check(
        GOOD, Context(strengths=CONTEXT.strengths, already_sent=True, recipient="Ms. Alvarez")
    )
    assert [f.rule for f in findings] == ["second-letter"]
    assert "Ms. Alvarez" in findings[0].message and findings[0].start is None


def test_new_topic_is_not_flagged_when_it_was_discussed() -> None:
    text = "I enjoyed hearing about your charity partnership program."
    assert rules(text, Context()) == ["new-topic"]
    assert rules(text, Context(topics=("the charity partnership",))) == []


def test_length_limits_depend_on_the_channel() -> None:
    body = " ".join(["word"] * 250)
    assert "too-long" in rules(body, Context(channel=Channel.EMAIL))
    assert "too-long" not in rules(body, Context(channel=Channel.POST))
    finding = next(f for f in check(body, Context()) if f.rule == "too-long")
    assert finding.start == body.index("word", 220 * 5)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Thanks so much 😊", "emoji"),
        ("Can't wait!!!", "exclamation"),
        ("i am writing to thank you for the interview and for your time today", "lower case"),
        ("I AM WRITING TO THANK YOU FOR THE INTERVIEW AND YOUR TIME", "capitals"),
        ("It was VERY VERY GOOD to meet", "capitals"),
    ],
)
def test_informal_marks(text: str, what: str) -> None:
    found = [f for f in check(text, Context()) if f.rule == "informal"]
    assert any(what in f.message for f in found), found


def test_a_huge_paste_is_checked_only_so_far_and_says_so() -> None:
    text = "Thank you for your time. " * 60_000
    findings = check(text, Context())
    info = [f for f in findings if f.severity is Severity.INFO]
    assert info and "Only the first 5000 words" in info[0].message
    assert any(f.rule == "too-long" and f.severity is Severity.WARNING for f in findings)


def test_a_broken_rulebook_is_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="unbalanced"):
        compile_phrase("{have|has you made")
    with pytest.raises(InvalidInput, match="start with a word"):
        compile_phrase("* decision")
    with pytest.raises(KeyError):
        Rulebook.from_toml("[limits]\nemail_words = 1\n")


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=3000),
    st.sampled_from(list(Kind)),
    st.sampled_from(list(Channel)),
    st.lists(st.text(max_size=30), max_size=3),
)
def test_no_text_makes_the_checker_raise_and_every_span_is_inside(
    text: str, kind: Kind, channel: Channel, topics: list[str]
) -> None:
    for finding in check(text, Context(channel=channel, kind=kind, topics=tuple(topics))):
        assert finding.rule in RULE_IDS
        if finding.start is not None:
            assert finding.end is not None
            assert 0 <= finding.start < finding.end <= len(text)


SALAD = (
    "thank you any update on my application have made a decision really need this job "
    "your office is lovely i'm so excited hey !! 😀 \n"
)
WORDS = st.sampled_from(SALAD.split(" "))


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=400))
def test_word_salad_spans_are_inside_too(words: list[str]) -> None:
    text = " ".join(words)
    for finding in check(text, Context()):
        if finding.start is not None:
            assert 0 <= finding.start < finding.end <= len(text)  # type: ignore[operator]


def test_labelled_set_meets_the_bar() -> None:
    for rule, (precision, recall, positives) in evaluate().items():
        assert precision >= 0.95, (rule, precision)
        assert recall >= 0.9, (rule, recall)
        assert positives > 0, rule


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_sets_keep_precision(name: str) -> None:
    for rule, (precision, _recall, _positives) in evaluate(held_out=name).items():
        assert precision >= 0.95, (rule, precision)
