"""Bounds on the times that deadlines and reminders hang on, so that no setting can quietly
stop them working.

Any time of day reads as a valid time, but two choices break the product without a word:

- ``calendar.end_of_day`` is the hour of every deadline (the letter's, the call's). At 00:00
  the "end" of the second business day is its first minute: every letter is due a day early
  and every call is overdue the moment its day begins.
- Quiet hours push each reminder to their end and show nothing inside them. Quiet hours from
  00:00 to 23:59 leave one minute a day, so in practice no reminder is ever shown.

The bounds are ones a real user has no reason to pass: a working day ends at noon at the
earliest (an early shift of 06:00-12:00) and at 23:59 at the latest; quiet hours may cover
23 hours, leaving at least one hour a day in which reminders arrive (reminders "only from
9 to 10" stays possible). Equal start and end mean no quiet hours at all.
"""

from __future__ import annotations

from datetime import time

from followup.errors import InvalidInput

EARLIEST_END_OF_DAY = time(12, 0)
LATEST_END_OF_DAY = time(23, 59)
MIN_OPEN_MINUTES = 60  # each day, outside quiet hours
QUIET_HOURS = ("reminders.quiet_start", "reminders.quiet_end")


def _minutes(text: str) -> int:
    hour, minute = text.split(":")
    return int(hour) * 60 + int(minute)


def check_end_of_day(text: str) -> str:
    """``text`` ("HH:MM", already read as a time) when a working day can end then."""
    earliest, latest = (f"{t:%H:%M}" for t in (EARLIEST_END_OF_DAY, LATEST_END_OF_DAY))
    if not earliest <= text <= latest:
        at_midnight = " (at 00:00 every letter would be due a day early)" if text == "00:00" else ""
        raise InvalidInput(
            f"{text} is too early for the end of the working day: it is the hour every letter "
            f"and call is due{at_midnight}; choose a time from {earliest} to {latest}"
        )
    return text


def quiet_hours_problem(start: str, end: str) -> str:
    """Empty, or why quiet hours from ``start`` to ``end`` ("HH:MM") leave no room for
    reminders."""
    if start == end:
        return ""  # no quiet hours
    quiet = (_minutes(end) - _minutes(start)) % (24 * 60)
    open_minutes = 24 * 60 - quiet
    if open_minutes >= MIN_OPEN_MINUTES:
        return ""
    return (
        f"quiet hours from {start} to {end} leave only {open_minutes} minute"
        f"{'' if open_minutes == 1 else 's'} a day for reminders, so you would never see "
        f"one; leave at least {MIN_OPEN_MINUTES // 60} hour outside them (or set the same "
        "start and end for no quiet hours)"
    )
