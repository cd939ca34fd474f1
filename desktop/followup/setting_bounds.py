"""Bounds on the times that deadlines and reminders hang on, so that no setting can quietly
stop them working.

Any time of day reads as a valid time, but some choices break the product without a word:

- ``calendar.end_of_day`` is the hour of every deadline (the letter's, the call's). At 00:00
  the "end" of the second business day is its first minute: every letter is due a day early
  and every call is overdue the moment its day begins.
- Quiet hours push each reminder to their end and show nothing inside them. Quiet hours from
  00:00 to 23:59 leave one minute a day, so in practice no reminder is ever shown.
- Morning reminders tell what is due that day (the letter's deadline, the call, the status
  inquiry), due at the end of the working day. A morning at or after that end, or one in quiet
  hours that hold it until then, tells of each only once it is late.

The bounds are ones a real user has no reason to pass: a working day ends at noon at the
earliest (an early shift of 06:00-12:00) and at 23:59 at the latest; quiet hours may cover
23 hours, leaving at least one hour a day in which reminders arrive (reminders "only from
9 to 10" stays possible). Equal start and end mean no quiet hours at all. A morning time
in quiet hours is allowed: its reminders arrive when they end, as every reminder held by them
does, as long as that is still before the end of the working day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any

from followup.errors import InvalidInput

EARLIEST_END_OF_DAY = time(12, 0)
LATEST_END_OF_DAY = time(23, 59)
MIN_OPEN_MINUTES = 60  # each day, outside quiet hours
QUIET_HOURS = ("reminders.quiet_start", "reminders.quiet_end")
# The settings the morning reminders' arrival depends on, the one usually changed first.
MORNING = ("reminders.morning", "calendar.end_of_day", *QUIET_HOURS)
_DAY = 24 * 60


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
    quiet = (_minutes(end) - _minutes(start)) % _DAY
    open_minutes = _DAY - quiet
    if open_minutes >= MIN_OPEN_MINUTES:
        return ""
    return (
        f"quiet hours from {start} to {end} leave only {open_minutes} minute"
        f"{'' if open_minutes == 1 else 's'} a day for reminders, so you would never see "
        f"one; leave at least {MIN_OPEN_MINUTES // 60} hour outside them (or set the same "
        "start and end for no quiet hours)"
    )


def _arrival(morning: int, start: int, end: int) -> int:
    """Minutes from the start of the morning's day until its reminder arrives: the morning,
    or the end of the quiet hours it falls in (the next day's, when they run past midnight
    and end before the morning), as ``followup.reminders.after_quiet_hours`` does."""
    if start == end:
        return morning
    quiet = start <= morning < end if start < end else morning >= start or morning < end
    if not quiet:
        return morning
    return end if morning < end else end + _DAY


def morning_problem(morning: str, end_of_day: str, quiet_start: str, quiet_end: str) -> str:
    """Empty, or why morning reminders at ``morning`` would arrive only once what is due
    that day (at ``end_of_day``) is late; each "HH:MM", quiet hours as read."""
    if morning >= end_of_day:
        return (
            f"morning reminders at {morning} would come at or after the end of the working "
            f"day ({end_of_day}), when the letter or call due that day is already late; "
            f"choose a morning time before {end_of_day}, or a later end of the working day"
        )
    arrives = _arrival(_minutes(morning), _minutes(quiet_start), _minutes(quiet_end))
    if arrives < _minutes(end_of_day):
        return ""
    when = quiet_end if arrives < _DAY else f"{quiet_end} the next day"
    return (
        f"morning reminders at {morning} fall in quiet hours ({quiet_start} to {quiet_end}) "
        f"and so would arrive at {when}, not before the end of the working day "
        f"({end_of_day}), when the letter or call due that day is already late; choose a "
        f"morning time outside quiet hours, or quiet hours that end before {end_of_day}"
    )


def set_aside_unfitting(values: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, str]:
    """Pairs of stored values that do not fit together, replaced in ``values`` by their
    defaults; returns each key set aside → why. Quiet hours that leave no room go as a
    pair; a morning that comes too late goes first, then (if the defaults' morning would
    still be held too long) the quiet hours holding it. The defaults always fit."""
    aside: dict[str, str] = {}
    if why := quiet_hours_problem(*(values[key] for key in QUIET_HOURS)):
        for key in QUIET_HOURS:  # a pair that leaves no room: neither is used
            values[key] = defaults[key]
            aside[key] = why
    for keys in (("reminders.morning",), QUIET_HOURS):
        if why := morning_problem(*(values[key] for key in MORNING)):
            for key in keys:
                values[key] = defaults[key]
                aside[key] = why
    return aside
