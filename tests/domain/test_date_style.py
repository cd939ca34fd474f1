"""The domain's one locale-independent date style (the command line's)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from followup.date_style import PLAIN, letter_day, stop
from followup.letter_layout import business_letter
from followup.model import Contact, Profile


def test_plain_dates_are_iso_with_an_english_weekday() -> None:
    moment = datetime(2026, 12, 1, 7, 5, tzinfo=ZoneInfo("Pacific/Auckland"))
    assert PLAIN.day(moment.date()) == "Tue 2026-12-01"
    assert PLAIN.time(moment) == "07:05"
    assert PLAIN.time(time(17, 0)) == "17:00"
    assert PLAIN.day_time(moment) == "Tue 2026-12-01 07:05"  # its own wall clock
    assert PLAIN.weekday(moment.date()) == "Tuesday"


@given(st.dates())
def test_plain_days_read_back_to_the_same_day(day: date) -> None:
    weekday, iso = PLAIN.day(day).split(" ")
    assert date.fromisoformat(iso) == day
    assert PLAIN.weekday(day).startswith(weekday)


def test_letters_name_dates_in_english_words() -> None:
    """Letters are written in English: their dates are English whatever the process locale
    (Qt sets it from the system, and strftime would follow it)."""
    letter = business_letter(
        "Dear Dana,\n\nThanks.", Profile("Sam"), Contact(1, "Dana"), "Acme", date(2026, 12, 1)
    )
    assert letter.date_line == "December 1, 2026"
    assert letter_day(date(2026, 12, 3)) == "Thursday, December 3"


def test_a_day_that_ends_a_sentence_has_one_full_stop() -> None:
    assert stop("Tue 2026-12-01") == "Tue 2026-12-01."
    assert stop("Di., 1. Dez.") == "Di., 1. Dez."
