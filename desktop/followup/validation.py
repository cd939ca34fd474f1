"""The value rules every input surface shares: dates, ids, text, zones, wall-clock times.

The GUI's dialogs, the command line and JSON import all build domain values; the store checks
each value with these rules before writing it, so there is one set of rules. Reading is
lenient: a value stored by an old version that breaks a rule still loads and can be fixed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.errors import InvalidInput

EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)
MAX_ID = 2**63 - 1  # SQLite's INTEGER

# Sensible maxima, in characters: a name is not a megabyte.
NAME = 200
LINE = 1_000
URL = 2_000
NOTES = 20_000
BODY = 200_000
MAX_ITEMS = 100  # topics, strengths, interviewers of one round
# A clock a little fast elsewhere (the phone a letter went from) is not the future.
CLOCK_SLACK = timedelta(minutes=5)

# Bidirectional overrides can make text read differently from what it is ("Trojan source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZONE = re.compile(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*")
_KNOWN_ZONES: set[str] = set()  # names that passed, so a known one is not checked again


def check_day(value: date, what: str, *, field: str | None = None) -> date:
    """A calendar date between 1990 and 2100 (beyond, it is a typo or an attack)."""
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput(
            f"{what}: {value.isoformat()} is outside {EARLIEST.year}–{LATEST.year}", field
        )
    return value


def check_moment(value: datetime, what: str, *, field: str | None = None) -> datetime:
    """An aware date-time whose UTC date lies between 1990 and 2100."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{what} needs a time zone or an offset", field)
    if not EARLIEST <= value.date() <= LATEST:
        raise InvalidInput(
            f"{what}: {value.date().isoformat()} is outside {EARLIEST.year}–{LATEST.year}",
            field,
        )
    if not EARLIEST <= value.astimezone(UTC).date() <= LATEST:
        raise InvalidInput(
            f"{what}: {value.isoformat()} is outside {EARLIEST.year}–{LATEST.year}", field
        )
    return value


def moment_range(zone: tzinfo) -> tuple[datetime, datetime]:
    """The first and last moment ``check_moment`` accepts, read in ``zone``: both the zone's
    date and the UTC date must lie within the bounds, so near an end the narrower one rules.
    Date-time editors take their range from here, so no one can pick a moment refused."""
    first = max(
        datetime.combine(EARLIEST, datetime.min.time(), zone),
        datetime.combine(EARLIEST, datetime.min.time(), UTC),
    )
    last = min(
        datetime.combine(LATEST, datetime.max.time(), zone),
        datetime.combine(LATEST, datetime.max.time(), UTC),
    )
    return first.astimezone(zone), last.astimezone(zone)


_DAY_SHAPE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?!\d)")


def no_such_day(text: str) -> str | None:
    """Why an ISO-shaped date is not on the calendar ("February 2026 has 28 days"), or None.

    ``2026-02-29`` is written the ISO way; saying it is "not an ISO date" sends the user
    looking for a typo in the format instead of at the calendar."""
    shape = _DAY_SHAPE.match(text)
    if shape is None:
        return None
    year, month, day = (int(part) for part in shape.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1:
        return None
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days"
    return None


def check_past(value: datetime, now: datetime, what: str, *, field: str | None = None) -> datetime:
    """What already happened (a letter sent, a call made) is not dated after ``now``: a record
    from a day to come would plan the call, and the close, from a day that has not come."""
    if value - now > CLOCK_SLACK:
        raise InvalidInput(f"{what} is in the future; record it once it has happened", field)
    return value


def check_id(value: object, what: str, *, new: bool = False, field: str | None = None) -> int:
    """A record id SQLite can hold: 1 … 2^63−1 (0 too, meaning "new", when ``new``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what}: {value!r} is not a whole number", field)
    low = 0 if new else 1
    if not low <= value <= MAX_ID:
        raise InvalidInput(f"{what}: {value} is not an id (ids run from 1 to {MAX_ID})", field)
    return value


def parse_id(text: str, what: str = "id") -> int:
    """An id typed by a person; refused in words when it is not one."""
    try:
        number = int(text.strip())
    except (ValueError, AttributeError) as error:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise InvalidInput(f"{what}: {shown!r} is not a whole number") from error
    return check_id(number, what)


def _bad_character(text: str, *, multiline: bool) -> str | None:
    for char in text:
        if multiline and char in "\n\t":
            continue
        category = unicodedata.category(char)
        if char in "\n\r\u2028\u2029" or category in ("Zl", "Zp"):
            return "a line break (this field is one line)"
        if category == "Cc":
            return f"a control character (U+{ord(char):04X})"
        if category == "Cs":
            return f"an unpaired surrogate (U+{ord(char):04X})"
        if char in _BIDI:
            return f"a text-direction override (U+{ord(char):04X})"
    return None


# What check_text refuses in a multi-line text, as one class (Cc but tab and newline, lone
# surrogates, direction overrides): a paste of a megabyte is cleaned in C, not char by char.
_REFUSED_IN_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)
_OTHER_BREAKS = re.compile("\r\n?|[\u2028\u2029]")


def without_refused(text: str, *, multiline: bool = True) -> tuple[str, int]:
    """``text`` as ``check_text`` would take it, and how many characters were left out: line
    breaks of other systems become newlines (in one line, spaces), the rest it refuses goes.
    For a paste (a terminal's colour codes, a web page's hidden direction marks), so what
    the user sees is what is kept; values typed and stored are still refused, never cleaned."""
    text = _OTHER_BREAKS.sub("\n", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    kept, dropped = _REFUSED_IN_LINES.subn("", text)
    return kept, dropped


def check_text(
    value: object,
    what: str,
    limit: int = NAME,
    *,
    multiline: bool = False,
    field: str | None = None,
) -> str:
    """Printable text of at most ``limit`` characters; one line unless ``multiline``.

    Control characters (a terminal escape in a name could write to the clipboard when the
    name is listed), lone surrogates (which no file can hold) and direction overrides are
    refused, not silently removed, so what is stored is what the user typed.
    """
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text, not {type(value).__name__}", field)
    if len(value) > limit:
        raise InvalidInput(
            f"{what} is too long ({len(value):,} characters; at most {limit:,})", field
        )
    bad = _bad_character(value, multiline=multiline)
    if bad is not None:
        raise InvalidInput(f"{what} contains {bad}", field)
    return value


def check_items(
    values: object, what: str, limit: int = NAME, *, field: str | None = None
) -> tuple[str, ...]:
    """A list of one-line texts (topics, strengths), each checked, at most MAX_ITEMS."""
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise InvalidInput(f"{what} must be a list of texts", field)
    if len(values) > MAX_ITEMS:
        raise InvalidInput(f"{what}: at most {MAX_ITEMS}, not {len(values):,}", field)
    return tuple(check_text(v, f"one of {what}", limit, field=field) for v in values)


def check_timezone(name: object, *, field: str | None = None) -> str:
    """An IANA zone such as Europe/Berlin; anything else is refused in words."""
    if not isinstance(name, str):
        raise InvalidInput("a time zone must be text like Europe/Berlin", field)
    if name in _KNOWN_ZONES:  # every stored round is checked as it is read: most are known
        return name
    shown = name if len(name) <= 40 else name[:40] + "…"
    problem = InvalidInput(f"unknown time zone {shown!r} (use names like Europe/Berlin)", field)
    if len(name) > 64 or not _ZONE.fullmatch(name):
        raise problem
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise problem from error
    if len(_KNOWN_ZONES) < 1000:
        _KNOWN_ZONES.add(name)
    return name


def wall_time(naive: datetime, zone: tzinfo, what: str, *, field: str | None = None) -> datetime:
    """A clock reading in ``zone`` as an aware moment.

    A reading that does not exist there (the hour skipped when clocks spring forward) or
    happens twice (the hour repeated when they fall back) is refused with the choices, rather
    than stored as some other moment.
    """
    if naive.tzinfo is not None:
        return naive
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    name = getattr(zone, "key", str(zone))
    stamp = naive.strftime("%Y-%m-%d %H:%M")
    if first.utcoffset() == second.utcoffset():
        return first
    real = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if real != naive:
        before = (naive - timedelta(hours=1)).strftime("%H:%M")
        after = (first.astimezone(UTC).astimezone(zone)).strftime("%H:%M")
        raise InvalidInput(
            f"{what}: {stamp} does not exist in {name} (the clocks skip that hour); "
            f"did you mean {before} or {after}?",
            field,
        )
    offsets = " or ".join(_offset(x) for x in (first, second))
    raise InvalidInput(
        f"{what}: {stamp} happens twice in {name} (the clocks go back); add the offset, {offsets}",
        field,
    )


def _offset(moment: datetime) -> str:
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:]}"
