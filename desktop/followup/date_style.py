"""How the domain's sentences show a day, a day with its time, and a time.

The domain writes reasons and refusals ("Two business days after the interview on …") but
knows nothing of the user's locale. So whoever shows those sentences passes in a
``DateStyle``: the GUI one built from the user's locale (``followup_desktop.locale_dates``),
so a reason reads like the dates beside it; the command line ``PLAIN``, one fixed,
locale-independent style that scripts can rely on (ISO dates, a 24-hour clock).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Protocol

__all__ = [
    "MONTH_NAMES",
    "PLAIN",
    "WEEKDAY_NAMES",
    "DateStyle",
    "PlainDates",
    "letter_date",
    "letter_day",
    "letter_day_mid_sentence",
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
# system: "Dezember" in an English letter).


def letter_date(day: date) -> str:
    """A business letter's date line: ``December 1, 2026``."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def letter_day(day: date) -> str:
    """A day named in a letter's sentence: ``Tuesday, December 1``."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {MONTH_NAMES[day.month - 1]} {day.day}"


def letter_day_mid_sentence(day: date) -> str:
    """``letter_day`` where the sentence goes on after it: a month-day date closes with a
    comma (``on Tuesday, December 1, to discuss``); a day-month one would not need it."""
    return letter_day(day) + ","
