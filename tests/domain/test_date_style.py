"""The domain's one locale-independent date style (the command line's)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from followup.date_style import DAY_FIRST, MONTH_FIRST, PLAIN, letter_dates_for, stop
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
    assert MONTH_FIRST.day(date(2026, 12, 3)) == "Thursday, December 3"


def test_letters_date_things_in_the_order_of_the_writer_s_country() -> None:
    """Month first in the US ("December 1, 2026"), day first in Britain, Ireland, Australia,
    India or Germany ("1 December 2026"); an unknown country keeps the month first."""
    day = date(2026, 12, 3)
    assert MONTH_FIRST.full_date(day) == "December 3, 2026"
    assert DAY_FIRST.full_date(day) == "3 December 2026"
    assert DAY_FIRST.day(day) == "Thursday 3 December"
    # Mid-sentence ("on …, to discuss"): only the month-day form closes with a comma.
    assert MONTH_FIRST.day_mid_sentence(day) == "Thursday, December 3,"
    assert DAY_FIRST.day_mid_sentence(day) == "Thursday 3 December"
    for country in ("US", "us", "CA", "PH", "PR", None, ""):
        assert letter_dates_for(country) is MONTH_FIRST, country
    for country in ("GB", "gb", "IE", "AU", "NZ", "IN", "DE", "ZA", "FR"):
        assert letter_dates_for(country) is DAY_FIRST, country
    posted = business_letter(
        "Dear Dana,\n\nThanks.", Profile("Sam"), Contact(1, "Dana"), "Acme", day, DAY_FIRST
    )
    assert posted.date_line == "3 December 2026"


@given(st.dates(), st.booleans())
def test_a_letter_s_date_names_the_day_and_its_weekday(day: date, day_first: bool) -> None:
    style = DAY_FIRST if day_first else MONTH_FIRST
    words = style.full_date(day).replace(",", "").split()
    assert str(day.year) == words[-1] and str(day.day) in words
    assert style.day(day).startswith(PLAIN.weekday(day))
    assert style.day_mid_sentence(day).startswith(style.day(day))


def test_a_day_that_ends_a_sentence_has_one_full_stop() -> None:
    assert stop("Tue 2026-12-01") == "Tue 2026-12-01."
    assert stop("Di., 1. Dez.") == "Di., 1. Dez."
