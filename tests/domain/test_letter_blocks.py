"""A letter's body paragraphs and its ending: address blocks are not paragraphs, and a letter
that stops after its last paragraph is unsigned (issue 10)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.checker import Context, Severity, check
from followup.letter_blocks import body_paragraphs, is_prose, unsigned_ending
from followup.model import Channel

BODY = [
    "Thank you for meeting me on Thursday and for the tour of the new surgery wing.",
    "As a registered nurse with five years in small-animal surgery, I am comfortable with "
    "the out-of-hours rota you described.",
    "I would be very glad to join Westfield Veterinary Practice, and I look forward to "
    "hearing from you.",
]
HEADING = [
    "14 Larch Close\nHarrogate\nHG1 2QT\nhannah.price@example.com",
    "26 November 2026",
    "Dr. Amelia Shaw\nClinical Director\nWestfield Veterinary Practice\n3 Mill Lane\nLeeds LS6 1AB",
    "Dear Dr. Shaw,",
]
SIGN_OFF = ["With thanks and best wishes,", "Hannah Price, RVN\n07700 900123"]
POSTED = "\n\n".join([*HEADING, *BODY, *SIGN_OFF])
CONTEXT = Context(
    channel=Channel.POST,
    topics=("surgery wing",),
    strengths=("five years in small-animal surgery",),
)


@pytest.mark.parametrize(
    "line",
    [
        "14 Larch Close",
        "26 November 2026",
        "Dear Dr. Shaw,",
        "Kind regards,",
        "Laura Brennan, P.E.",
        "Jordan Lee, M.Sc.",
        "jordan@example.com",
        "Leeds LS6 1AB",
    ],
)
def test_address_date_greeting_closing_and_name_lines_are_not_prose(line: str) -> None:
    assert not is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "I look forward to hearing from you.",
        "Any news?",
        "Thanks again for everything!",
        "It was a pleasure to meet the whole team on Tuesday",
    ],
)
def test_sentences_are_prose(line: str) -> None:
    assert is_prose(line)


def test_a_posted_letters_address_blocks_and_sign_off_are_not_paragraphs() -> None:
    assert body_paragraphs(POSTED) == 3
    assert body_paragraphs("\n\n".join(BODY)) == 3
    assert body_paragraphs("Dear Sam,\n\nKind regards,\nJo") == 0


def test_a_posted_letter_in_full_layout_is_not_too_long() -> None:
    assert "too-long" not in {f.rule for f in check(POSTED, CONTEXT)}


def test_a_padded_letter_still_has_too_many_paragraphs() -> None:
    padded = "\n\n".join(["Dear Sam,", *(BODY * 3), "Kind regards,\nJo"])
    finding = next(f for f in check(padded, Context()) if f.rule == "too-long")
    assert "9 paragraphs" in finding.message


def _email(last: str) -> str:
    return "\n\n".join(["Dear Ms. Shaw,", *BODY[:2], last])


def test_an_email_that_stops_after_its_last_paragraph_is_unsigned() -> None:
    text = _email("I look forward to hearing from you.")
    finding = next(f for f in check(text, Context()) if f.rule == "no-signature")
    assert finding.severity is Severity.ERROR
    assert text[finding.start : finding.end] == "I look forward to hearing from you."
    assert "no closing and no name" in finding.message


@pytest.mark.parametrize(
    "ending",
    [
        "Kind regards,\nJordan Lee",
        "Best,\nJordan",
        "Thanks,\nLaura Brennan, P.E.",
        "Jordan Lee\njordan@example.com",
        "Sincerely,\n\nJordan Lee\n+44 7700 900123",
    ],
)
def test_a_signed_email_is_not_unsigned(ending: str) -> None:
    assert "no-signature" not in {f.rule for f in check(_email(ending), Context())}


def test_a_lone_sentence_being_checked_is_not_a_letter_without_a_signature() -> None:
    assert unsigned_ending("I look forward to hearing from you.") is None
    assert "no-signature" not in {f.rule for f in check("Any update on my application?")}


def test_a_posted_letter_is_signed_by_its_layout() -> None:
    text = "\n\n".join(["Dear Dr. Shaw,", *BODY])
    assert "no-signature" not in {f.rule for f in check(text, CONTEXT)}


@given(st.lists(st.text(max_size=60), max_size=8))
def test_paragraph_counting_is_total_and_bounded(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    assert 0 <= body_paragraphs(text) <= len(lines)
    span = unsigned_ending(text)
    if span is not None:
        assert 0 <= span[0] < span[1] <= len(text)
