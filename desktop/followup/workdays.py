"""Business days: working weekdays minus public holidays minus the user's own days off.

DESIGN 1.1. Holidays come from ``followup.holiday_dates`` (a cache of the ``holidays``
package's dates), looked up only when a date needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from followup import holiday_dates
from followup.date_style import PLAIN, DateStyle
from followup.errors import InvalidInput

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MON_FRI = frozenset(range(5))
# No calendar on Earth lacks a business day for this long; past it the settings are wrong.
_SEARCH_LIMIT = 800
_NONE_FOUND = "no business day found within two years: check working days and days off"
_ONE_DAY = timedelta(days=1)
_UNKNOWN = "\0not yet known"  # the memo's default: no reason is ever this very string
# Each per-day memo of a calendar holds at most this many answers (years of days, far more
# than a start-up's plans ask about); when full it starts again.
MEMO_SIZE = 8192


_DAY_WORDS = {
    **{name: i for i, name in enumerate(WEEKDAY_NAMES)},
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
_RANGE = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*|\s+to\s+")


def _weekday(word: str, text: str) -> int:
    day = _DAY_WORDS.get(word.strip().lower().rstrip("."))
    if day is None:
        shown = word.strip() if len(word.strip()) <= 20 else word.strip()[:20] + "…"
        raise InvalidInput(
            f"{shown!r} in {text[:60]!r} is not a weekday: write e.g. Mon-Fri, "
            "Sun–Thu or mon,tue,wed"
        )
    return day


def parse_workdays(text: str) -> frozenset[int]:
    """The working week as weekday numbers (Monday is 0), from the forms people write:
    ``Mon-Fri``, ``Sun–Thu`` (a range may wrap the weekend), ``Mon Tue Wed``, ``mon,tue``,
    full names, any case. Anything else is refused in words, never shrunk to fewer days."""
    if len(text) > 200:
        raise InvalidInput("the working week is written like Mon-Fri or mon,tue,wed")
    days: set[int] = set()
    joined = _RANGE.sub("-", text.strip().lower())
    for part in re.split(r"[,;/\s]+", joined):
        if not part:
            continue
        ends = part.split("-")
        if len(ends) == 1:
            days.add(_weekday(ends[0], text))
        elif len(ends) == 2 and all(ends):
            first, last = _weekday(ends[0], text), _weekday(ends[1], text)
            day = first
            days.add(day)
            while day != last:
                day = (day + 1) % 7
                days.add(day)
        else:
            raise InvalidInput(f"{part[:30]!r} is not a range of weekdays like Mon-Fri")
    if not days:
        raise InvalidInput("the working week needs at least one day")
    return frozenset(days)


def format_workdays(days: Iterable[int]) -> str:
    return ",".join(WEEKDAY_NAMES[d] for d in sorted(days))


def subdivisions(country: str) -> tuple[str, ...] | None:
    """One country's subdivision codes (from the holiday cache); None if unknown."""
    return holiday_dates.subdivisions(country)


@dataclass(frozen=True)
class WorkCalendar:
    """The user's business calendar. ``country=None`` means no public holidays."""

    country: str | None = None
    subdiv: str | None = None
    workdays: frozenset[int] = MON_FRI
    days_off: frozenset[date] = field(default_factory=frozenset)
    end_of_day: time = time(17, 0)
    # Per-day answers: plans for thousands of rounds ask about the same few hundred days.
    # They are pure functions of the fields above, kept while the calendar lives. The GUI
    # thread and the planner's share a calendar: each answer is stored whole in one step
    # (and ``holiday_dates`` hands out only whole years), so a thread sees it or works it out.
    _why: dict[date, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )
    _next: dict[date, date] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if not self.workdays or not self.workdays <= set(range(7)):
            raise InvalidInput("the working week needs at least one day from Monday to Sunday")
        if self.country is None:
            if self.subdiv:
                raise InvalidInput("a subdivision needs a country")
            return
        country = self.country.upper()
        known = subdivisions(country)
        if known is None:
            raise InvalidInput(
                f"unknown country code {self.country!r} (use ISO 3166 codes such as US, DE, GB)"
            )
        object.__setattr__(self, "country", country)
        if self.subdiv is not None:
            subs = {s.upper(): s for s in known}
            if self.subdiv.upper() not in subs:
                sample = ", ".join(sorted(subs)[:8])
                raise InvalidInput(
                    f"unknown subdivision {self.subdiv!r} of {country} (e.g. {sample})"
                )
            object.__setattr__(self, "subdiv", subs[self.subdiv.upper()])

    def holiday_name(self, day: date) -> str | None:
        """The public holiday on ``day``, if any (several are joined with '; ')."""
        if self.country is None:
            return None
        return holiday_dates.holidays_in(self.country, self.subdiv, day.year).get(day)

    def why_not_business(self, day: date) -> str | None:
        """Why ``day`` is not a business day, in words; None when it is one."""
        why = self._why.get(day, _UNKNOWN)
        if why is not _UNKNOWN:
            return why
        if day.weekday() not in self.workdays:
            why = "the weekend"
        elif day in self.days_off:
            why = "your day off"
        else:
            why = self.holiday_name(day)
        if len(self._why) >= MEMO_SIZE:
            self._why.clear()
        self._why[day] = why
        return why

    def is_business_day(self, day: date) -> bool:
        return self.why_not_business(day) is None

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after ``day``."""
        found = self._next.get(day)
        if found is None:
            found = day
            for _ in range(_SEARCH_LIMIT):
                found += _ONE_DAY
                if self.why_not_business(found) is None:
                    break
            else:
                raise InvalidInput(_NONE_FOUND)
            if len(self._next) >= MEMO_SIZE:
                self._next.clear()
            self._next[day] = found
        return found

    def nth_business_day_after(self, day: date, n: int) -> date:
        """The ``n``-th business day strictly after ``day`` (n ≥ 1), within two years."""
        found = day
        for _ in range(n):
            found = self.next_business_day(found)
        if n < 1 or (found - day).days > _SEARCH_LIMIT:
            raise InvalidInput(_NONE_FOUND)
        return found

    def on_or_next_business_day(self, day: date) -> date:
        return day if self.is_business_day(day) else self.next_business_day(day)

    def skipped_reasons(self, start: date, end: date, dates: DateStyle = PLAIN) -> list[str]:
        """Named reasons for the non-business days in ``(start, end)``, each once, in order.

        Holidays read "Thanksgiving Day (Thu 2026-11-26)", the day in the ``dates`` style the
        sentence around it uses; weekends read "the weekend".
        """
        reasons: list[str] = []
        current = start + timedelta(days=1)
        while current < end:
            why = self.why_not_business(current)
            if why is not None:
                label = why if why == "the weekend" else f"{why} ({dates.day(current)})"
                if label not in reasons:
                    reasons.append(label)
            current += timedelta(days=1)
        return reasons
