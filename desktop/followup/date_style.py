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

__all__ = ["PLAIN", "WEEKDAY_NAMES", "DateStyle", "PlainDates"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
