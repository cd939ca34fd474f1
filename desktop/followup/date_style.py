"""How the domain's sentences show a day, a day with its time, and a time.

The domain writes reasons and refusals ("Two business days after the interview on …") but
knows nothing of the user's locale. So whoever shows those sentences passes in a
``DateStyle``: the GUI one built from the user's locale (``followup_desktop.locale_dates``),
so a reason reads like the dates beside it; the command line ``PLAIN``, one fixed,
locale-independent style that scripts can rely on (ISO dates, a 24-hour clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

__all__ = [
    "DAY_FIRST",
    "MONTH_FIRST",
    "MONTH_NAMES",
    "PLAIN",
    "WEEKDAY_NAMES",
    "DateStyle",
    "LetterDates",
    "PlainDates",
    "letter_dates_for",
    "stop",
]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class DateStyle(Protocol):
    """The three forms every sentence about time needs, and the weekday's name."""

    def day(self, day: date) -> str:
        """A day in a line of text, with its weekday (``Wed 2026-11-25``)."""
        ...

    def time(self, moment: time | datetime) -> str:
        """A time of day, as a wall clock reads it (``17:00``)."""
        ...

    def day_time(self, moment: datetime) -> str:
        """A day and its time (``Wed 2026-11-25 17:00``); ``moment`` as read where it is."""
        ...

    def weekday(self, day: date) -> str:
        """The weekday's full name (``Monday``), for 'moved this to Monday'."""
        ...


class PlainDates:
    """One locale-independent style: ``Wed 2026-11-25``, ``17:00``, ``Wed 2026-11-25 17:00``.

    The command line's, and the domain's when no one passes another: the same output on every
    machine, sortable and unambiguous, with an English weekday to read it at a glance.
    """

    __slots__ = ()

    def day(self, day: date) -> str:
        return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.isoformat()}"

    def time(self, moment: time | datetime) -> str:
        return f"{moment.hour:02d}:{moment.minute:02d}"

    def day_time(self, moment: datetime) -> str:
        return f"{self.day(moment.date())} {self.time(moment)}"

    def weekday(self, day: date) -> str:
        return WEEKDAY_NAMES[day.weekday()]


PLAIN: DateStyle = PlainDates()


def stop(shown: str) -> str:
    """A day that ends a sentence, with its full stop: ``Tue 24 Nov.``; never ``Nov..`` where
    the locale's abbreviation has its own dot (de_DE: ``Di., 24. Nov.``)."""
    return shown if shown.endswith(".") else f"{shown}."


# -- in letters -----------------------------------------------------------------------------
# Letters and scripts are written in English, so their dates are English words whatever the
# user's locale (``strftime`` would follow the process's locale, which Qt sets from the
# system: "Dezember" in an English letter). The order follows the writer's country: month
# first in the United States ("December 1, 2026"), day first almost everywhere else
# ("1 December 2026", as British, Irish, Australian or Indian letters are dated).

# Countries whose letters put the month first (ISO 3166 codes): the United States and the
# places that follow its style, the Philippines, and English Canada's usual business style.
MONTH_FIRST_COUNTRIES = frozenset(
    {"US", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH", "PW", "PH", "CA"}
)


@dataclass(frozen=True, slots=True)
class LetterDates:
    """How a letter writes a day: ``day_first`` gives "1 December 2026" and "Tuesday
    1 December"; otherwise "December 1, 2026" and "Tuesday, December 1"."""

    day_first: bool = False

    def full_date(self, day: date) -> str:
        """A business letter's date line (and a date in its sentences, with the year)."""
        month = MONTH_NAMES[day.month - 1]
        return (
            f"{day.day} {month} {day.year}" if self.day_first else f"{month} {day.day}, {day.year}"
        )

    def full_date_mid_sentence(self, day: date) -> str:
        """``full_date`` where the sentence goes on after it: the year of a month-day date is
        closed by a comma (``on November 9, 2026, and``); ``on 9 November 2026 and``."""
        return self.full_date(day) if self.day_first else self.full_date(day) + ","

    def day(self, day: date) -> str:
        """A day named in a letter's sentence, with its weekday."""
        weekday, month = WEEKDAY_NAMES[day.weekday()], MONTH_NAMES[day.month - 1]
        return f"{weekday} {day.day} {month}" if self.day_first else f"{weekday}, {month} {day.day}"

    def day_mid_sentence(self, day: date) -> str:
        """``day`` where the sentence goes on after it: a month-day date closes with a comma
        (``on Tuesday, December 1, to discuss``); a day-month one needs none."""
        return self.day(day) if self.day_first else self.day(day) + ","


MONTH_FIRST = LetterDates(day_first=False)
DAY_FIRST = LetterDates(day_first=True)


def letter_dates_for(country: str | None) -> LetterDates:
    """The letter date style of the writer's country (month first when it is unknown, as
    the app's built-in examples are American)."""
    if not country:
        return MONTH_FIRST
    return MONTH_FIRST if country.upper() in MONTH_FIRST_COUNTRIES else DAY_FIRST
