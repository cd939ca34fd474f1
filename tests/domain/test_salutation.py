"""Whom a letter is addressed to and how a call greets them: a courtesy title the user wrote
in the name is used as business letters use it; none is ever guessed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.letter_layout import business_letter
from followup.model import Application, Contact, Profile
from followup.salutation import salutation_name, spoken_name
from followup.templates import all_templates, render, variables


@pytest.mark.parametrize(
    ("name", "letter", "call"),
    [
        ("Ms. Dana Müller", "Ms. Müller", "Ms. Müller"),
        ("Dr Helen Osei", "Dr Osei", "Dr Osei"),
        ("dr. jan van der Berg", "dr. van der Berg", "dr. van der Berg"),
        ("Mx Sam Rivera-Lee", "Mx Rivera-Lee", "Mx Rivera-Lee"),
        ("Mr. Okafor", "Mr. Okafor", "Mr. Okafor"),
        ("Dana Müller", "Dana Müller", "Dana"),
        ("  Dana   Müller ", "Dana Müller", "Dana"),
        ("Drew Barrymore", "Drew Barrymore", "Drew"),  # "Drew" is no title
        ("Ms.", "Ms.", "Ms."),  # a title alone is not taken for one
        ("", "", ""),
    ],
)
def test_names_in_letters_and_calls(name: str, letter: str, call: str) -> None:
    assert salutation_name(name) == letter
    assert spoken_name(name) == call


def test_the_templates_greeting_and_the_printed_letter_use_title_and_surname() -> None:
    ms = Contact(1, "Ms. Dana Müller", "CTO")
    values = variables(
        Profile("Sam Lee"), Application(1, "Acme", "Engineer"), None, ms, date(2026, 11, 26), None
    )
    email = next(t for t in all_templates() if t.name == "thank-you-email")
    assert render(email, values).body.startswith("Dear Ms. Müller,\n")
    # A posted letter whose text lost its salutation still opens with one.
    layout = business_letter(
        "Thank you.\n\nKind regards,\nSam", Profile("Sam"), ms, "Acme", date(2026, 11, 26)
    )
    assert layout.salutation == "Dear Ms. Müller,"


@given(
    st.lists(
        st.sampled_from(["Ms.", "Dr", "MR", "Ana", "de", "la", "Cruz", "", " "]), max_size=6
    ).map(" ".join)
)
def test_a_salutation_keeps_the_name_s_words_in_order_and_drops_only_first_names(name: str) -> None:
    words = name.split()
    shown = salutation_name(name).split()
    assert (shown == []) == (words == [])
    it = iter(words)
    assert all(word in it for word in shown)  # a subsequence of the name
    assert len(words) - len(shown) <= 1  # at most the first name is left out
