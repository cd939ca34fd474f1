"""The kinds of setting and how a value of each is read: declared once, so the dialog, the
command line and import refuse the same values (and the dialog picks the right control)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from followup.errors import InvalidInput
from followup.model import PostalAddress, check_email, check_timezone
from followup.validation import LINE, check_day, check_text
from followup.workdays import WorkCalendar, format_workdays, parse_workdays


def _time(text: Any) -> str:
    if not isinstance(text, str) or not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", text.strip()):
        raise InvalidInput(f"{text!r} is not a time of day like 09:00")
    hour, minute = text.strip().split(":")
    return f"{int(hour):02d}:{minute}"


def _int_range(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        try:
            number = int(value)
        except (TypeError, ValueError) as error:
            raise InvalidInput(f"{value!r} is not a whole number") from error
        if not low <= number <= high:
            raise InvalidInput(f"{number} is outside {low}–{high}")
        return number

    return check


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{value!r} is not text")
    return check_text(value.strip(), "the value")


def _lines(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{value!r} is not text")
    text = check_text(value.strip(), "the value", LINE, multiline=True)
    PostalAddress.parse(text).check("the address")
    return text


def _email(value: Any) -> str:
    text = _text(value)
    check_email(text)
    return text


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise InvalidInput(f"{value!r} is not yes or no")


def _workdays(value: Any) -> str:
    return format_workdays(parse_workdays(_text(value)))


def _days_off(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise InvalidInput("days off are a list of dates like 2026-12-24")
    if len(items) > MAX_DAYS_OFF:
        raise InvalidInput(f"at most {MAX_DAYS_OFF} days off")
    days = []
    for item in items:
        if not isinstance(item, str):
            raise InvalidInput(f"{item!r} is not a date like 2026-12-24")
        text = item.strip()
        if not text:
            continue
        try:
            day = date.fromisoformat(text)
        except ValueError as error:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise InvalidInput(f"{shown!r} is not a date like 2026-12-24") from error
        days.append(check_day(day, "a day off").isoformat())
    return sorted(set(days))


def _country(value: Any) -> str:
    text = _text(value).upper()
    if text:
        WorkCalendar(country=text)
    return text


def _subdiv(value: Any) -> str:
    """Checked against the country when the settings are checked together (``check_all``)."""
    text = _text(value)
    if len(text) > 10:
        raise InvalidInput(f"{text[:20]!r} is not a region code such as CA or BY")
    return text


def _zone(value: Any) -> str:
    text = _text(value)
    if text:
        check_timezone(text)
    return text


MAX_DAYS_OFF = 1_000


class Kind(Enum):
    """What a setting holds, so every surface offers the right control for it."""

    TEXT = "text"
    LINES = "lines"
    EMAIL = "e-mail"
    NUMBER = "number"
    TIME = "time"
    DATES = "dates"
    WEEKDAYS = "weekdays"
    CHOICE = "choice"
    COUNTRY = "country"
    SUBDIVISION = "subdivision"
    ZONE = "zone"
    BOOL = "bool"


_PARSERS: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: _text,
    Kind.LINES: _lines,
    Kind.EMAIL: _email,
    Kind.TIME: _time,
    Kind.DATES: _days_off,
    Kind.WEEKDAYS: _workdays,
    Kind.COUNTRY: _country,
    Kind.SUBDIVISION: _subdiv,
    Kind.ZONE: _zone,
    Kind.BOOL: _bool,
}


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its kind, range or choices (with the words shown for them), a short
    label and a one-line description. The dialog and ``followup settings`` read only this."""

    key: str
    default: Any
    label: str
    description: str
    kind: Kind
    group: str
    low: int = 0
    high: int = 0
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, words shown for it)
    example: str = ""  # shown in an empty field ("e.g. Alex Morgan"): what belongs there
    bound: Callable[[Any], Any] | None = None  # the read value's limits (followup.setting_bounds)

    def parse(self, value: Any) -> Any:
        """The value as stored, or InvalidInput with the reason in words."""
        if self.kind is Kind.NUMBER:
            return _int_range(self.low, self.high)(value)
        if self.kind is Kind.CHOICE:
            text = _text(value).lower()
            options = [option for option, _words in self.choices]
            if text not in options:
                raise InvalidInput(f"{value!r} is not one of {', '.join(options)}")
            return text
        parsed = _PARSERS[self.kind](value)
        return self.bound(parsed) if self.bound is not None else parsed

    def words(self, value: Any) -> str:
        """How a choice is shown ("US Letter" for ``letter``); other values as they are."""
        return dict(self.choices).get(value, str(value))
