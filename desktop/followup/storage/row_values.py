"""Stored rows → domain values, tolerating rows that no longer make a valid value.

A database written by an old version or edited by hand may hold values that are refused
today: a date in year 9999, a time that does not parse, NULL where a value belongs, a huge
string. Such a row must never stop the app from starting or listing. It becomes an
``Unreadable``: a plain reason, and where possible a *repaired* value (each bad field
replaced by a harmless one) that an edit dialog can open, so the user can fix or delete it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from followup import validation as v
from followup.errors import InvalidInput
from followup.model import (
    Application,
    Call,
    Contact,
    Inquiry,
    Letter,
    PostalAddress,
    Round,
    RoundKind,
    Source,
    Status,
    check_timezone,
)
from followup.unreadable import Unreadable

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)
V = TypeVar("V", Application, Round, Contact, Letter, Call, Inquiry)

# Plans count weeks forward and back from a date; one this close to the calendar's ends
# (year 1 or 9999) cannot be planned, so it cannot be read as a date of this app either.
REACH = timedelta(days=800)
# Where both times of a round are unreadable, the edit dialog opens on this (clearly wrong,
# clearly marked) moment rather than not at all.
PLACEHOLDER_START = datetime(2000, 1, 3, 9, tzinfo=UTC)
NO_WORDS: tuple[str, ...] = ()
# The stored values of the common rows' enums, looked up directly (a KeyError is an unknown
# value, as the enum's own ValueError: the row goes the field-by-field way).
_SOURCES = {member.value: member for member in Source}
_STATUSES = {member.value: member for member in Status}
_ROUND_KINDS = {member.value: member for member in RoundKind}
SHOWN_TEXT = 200  # a repaired text field keeps this much of a huge or broken value
PROBLEMS = (ValueError, TypeError, OverflowError, AttributeError, KeyError, InvalidInput)


def shown(raw: object) -> str:
    """A stored value as a message can show it: short, one line, no control characters."""
    if raw is None:
        return "empty (NULL)"
    text = raw if isinstance(raw, str) else repr(raw)
    clean = "".join(c if c.isprintable() else "?" for c in text[:40])
    more = f"… ({len(text):,} characters)" if len(text) > 40 else ""
    return f"“{clean}{more}”"


def stored_text(raw: object) -> str:
    if not isinstance(raw, str):
        raise TypeError("not text")
    return raw


def stored_moment(raw: object) -> datetime:
    value = datetime.fromisoformat(stored_text(raw))
    if value.tzinfo is None:
        raise ValueError("no offset")
    _within_reach(value.astimezone(UTC).date())
    return value


def _day(raw: object) -> date | None:
    if raw is None or raw == "":
        return None
    value = date.fromisoformat(stored_text(raw))
    return _within_reach(value)


def _within_reach(day: date) -> date:
    """The day, or OverflowError when plans around it would leave the calendar."""
    if day - REACH < day < day + REACH:
        return day
    raise OverflowError(day)  # pragma: no cover  (the arithmetic above raises first)


def _words(raw: object) -> tuple[str, ...]:
    value = json.loads(stored_text(raw))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("not a list of words")
    return tuple(value)


def _zone(raw: object) -> str:
    text = stored_text(raw)
    check_timezone(text)
    return text


def stored_enum(kind: type[E]) -> Callable[[object], E]:
    return lambda raw: kind(stored_text(raw))


def _optional_id(raw: object) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int):
        raise TypeError("not an id")
    return raw


class Fields:
    """One row's fields; each that cannot be read is noted and replaced by a fallback."""

    def __init__(self, row: sqlite3.Row) -> None:
        self.row = row
        self.reasons: list[str] = []
        self.by_field: list[tuple[str, str]] = []
        self.stand_ins: list[str] = []

    def get(
        self,
        column: str,
        convert: Callable[[object], T],
        fallback: T,
        what: str,
        *,
        stand_in: bool = False,
    ) -> T:
        """The column's value; else ``fallback`` (a made-up ``stand_in`` a fix must replace)."""
        raw = self.row[column]
        try:
            return convert(raw)
        except OverflowError:
            self.note(column, f"{what} {shown(raw)} is out of range")
        except PROBLEMS:
            self.note(column, f"{what} {shown(raw)} cannot be read")
        if stand_in:
            self.stand_ins.append(column)
        return fallback

    def note(self, field: str | None, reason: str) -> None:
        self.reasons.append(reason)
        if field is not None:
            self.by_field.append((field, reason))

    def unreadable(self, kind: str, label: str, value: Any) -> Unreadable:
        return Unreadable(
            kind,
            self.row["id"],
            label,
            tuple(self.reasons),
            value,
            tuple(self.by_field),
            tuple(self.stand_ins),
        )


def _tidied(values: dict[str, Any]) -> dict[str, Any]:
    """Text fields cut short and made printable: what an edit dialog can show of them."""
    out = dict(values)
    for name, value in values.items():
        if type(value) is str:  # not the enums, which are str too
            kept = "".join(c for c in value[:SHOWN_TEXT] if c.isprintable() or c == "\n")
            out[name] = kept.strip()
    return out


def value_or_unreadable(
    kind: str,
    fields: Fields,
    factory: Callable[..., V],
    values: dict[str, Any],
    labels: tuple[str, ...],
) -> V | Unreadable:
    """The value; or an Unreadable with the reasons and the best repaired value."""
    required = {k: "(unreadable)" for k in labels if k != "title"}
    try:
        made = factory(**values)
        made.check()  # the rules every value is stored under today
        value: V | None = made
    except PROBLEMS as error:  # refused today
        fields.note(getattr(error, "field", None), str(error))
        tidy = _tidied(values)
        tidy.update({k: v for k, v in required.items() if not str(tidy.get(k, "")).strip()})
        try:
            value = factory(**tidy)
        except PROBLEMS:
            value = None
    if value is not None and not fields.reasons:
        return value
    shown_values = _tidied({k: values[k] for k in labels})
    label = " — ".join(str(shown_values[k])[:40] for k in labels if shown_values[k])
    return fields.unreadable(kind, label, value)


def contact(row: sqlite3.Row) -> Contact | Unreadable:
    """The contact as stored; the common, valid row is read directly."""
    try:
        person = Contact(
            id=row["id"],
            name=stored_text(row["name"]),
            title=stored_text(row["title"]),
            company=stored_text(row["company"]),
            email=stored_text(row["email"]),
            phone=stored_text(row["phone"]),
            address=PostalAddress.parse(stored_text(row["address"])),
        )
    except PROBLEMS:
        return _contact_by_fields(row)
    return person if _contact_plausible(person) else _contact_by_fields(row)


def _contact_by_fields(row: sqlite3.Row) -> Contact | Unreadable:
    f = Fields(row)
    values = {
        "id": row["id"],
        "name": f.get("name", stored_text, "(unreadable)", "the name"),
        "title": f.get("title", stored_text, "", "the title"),
        "company": f.get("company", stored_text, "", "the company"),
        "email": f.get("email", stored_text, "", "the e-mail address"),
        "phone": f.get("phone", stored_text, "", "the phone number"),
        "address": f.get(
            "address", lambda r: PostalAddress.parse(stored_text(r)), PostalAddress(), "the address"
        ),
    }
    return value_or_unreadable("contact", f, Contact, values, ("name",))


def application(row: sqlite3.Row) -> Application | Unreadable:
    """The application as stored; the common, valid row is read directly."""
    try:
        applied = row["applied_on"]
        app = Application(
            id=row["id"],
            company=stored_text(row["company"]),
            role=stored_text(row["role"]),
            posting_url=stored_text(row["posting_url"]),
            applied_on=_day(applied) if applied else None,
            source=_SOURCES[row["source"]],
            status=_STATUSES[row["status"]],
            status_reason=stored_text(row["status_reason"]),
            contact_id=_optional_id(row["contact_id"]),
        )
    except PROBLEMS:
        return _application_by_fields(row)
    return app if _app_plausible(app) else _application_by_fields(row)


def _application_by_fields(row: sqlite3.Row) -> Application | Unreadable:
    f = Fields(row)
    values = {
        "id": row["id"],
        "company": f.get("company", stored_text, "(unreadable)", "the company"),
        "role": f.get("role", stored_text, "(unreadable)", "the role"),
        "posting_url": f.get("posting_url", stored_text, "", "the posting's address"),
        "applied_on": f.get("applied_on", _day, None, "the date applied"),
        "source": f.get("source", stored_enum(Source), Source.PORTAL, "the source"),
        "status": f.get("status", stored_enum(Status), Status.ACTIVE, "the status"),
        "status_reason": f.get("status_reason", stored_text, "", "the status's reason"),
        "contact_id": f.get("contact_id", _optional_id, None, "the contact"),
    }
    return value_or_unreadable("application", f, Application, values, ("company", "role"))


# Dates well inside these bounds are plannable; the fast paths below check only this.
_EARLIEST = datetime(100, 1, 1, tzinfo=UTC)
_LATEST = datetime(9000, 1, 1, tzinfo=UTC)


# The fast paths below check what is cheap (lengths, date ranges, ``str.isprintable``) with
# the rules' own limits; a row that fails goes the field-by-field way, where ``check()`` names
# what is wrong (and passes text that is only unusual, such as an emoji joined with U+200D).
# An escape sequence a hand edit put in a name is never listed as it is.
def _day_ok(day: date | None) -> bool:
    return day is None or v.EARLIEST <= day <= v.LATEST


# A moment whose day in UTC passes ``_day_ok``: compared as it is, without converting it.
_FIRST_MOMENT = datetime.combine(v.EARLIEST, datetime.min.time(), tzinfo=UTC)
_AFTER_LAST = datetime.combine(v.LATEST + timedelta(days=1), datetime.min.time(), tzinfo=UTC)


def _round_plausible(r: Round) -> bool:
    return (
        _FIRST_MOMENT <= r.starts_at < _AFTER_LAST
        and _FIRST_MOMENT <= r.ends_at < _AFTER_LAST
        and _day_ok(r.decision_on)
        and len(r.title) <= v.NAME
        and len(r.next_steps) <= v.LINE
        and len(r.notes) <= v.NOTES
        and len(r.topics) <= v.MAX_ITEMS
        and len(r.strengths) <= v.MAX_ITEMS
        and all(len(t) <= v.NAME for t in r.topics)
        and all(len(t) <= v.NAME for t in r.strengths)
        and printable(r.title, r.next_steps, r.notes, *r.topics, *r.strengths)
    )


def _app_plausible(a: Application) -> bool:
    return (
        _day_ok(a.applied_on)
        and len(a.company) <= v.NAME
        and len(a.role) <= v.NAME
        and len(a.posting_url) <= v.URL
        and len(a.status_reason) <= v.LINE
        and printable(a.company, a.role, a.posting_url, a.status_reason)
    )


def _contact_plausible(c: Contact) -> bool:
    return (
        all(plain(text, v.NAME) for text in (c.name, c.title, c.company))
        and plain(c.email, 254)
        and plain(c.phone, 50)
        and len(c.address.lines) <= 10
        and all(plain(line, v.NAME) for line in c.address.lines)
    )


def _plain_words(raw: str) -> tuple[str, ...]:
    if raw == "[]":
        return NO_WORDS
    if raw.startswith('["') and raw.endswith('"]') and "\\" not in raw and raw.isprintable():
        # ``json.dumps``' own form of words with nothing escaped: with no backslash, no quote
        # can be inside a word, so the separators split it exactly (a part that still holds
        # a quote was written another way: parsed as JSON below). A third of the time.
        words = tuple(raw[2:-2].split('", "'))
        if not any('"' in word for word in words):
            return words
    value = json.loads(raw)
    if type(value) is not list or not all(type(v) is str for v in value):
        raise TypeError("not a list of words")
    return tuple(value)


def round_(row: sqlite3.Row, interviewer_ids: tuple[int, ...]) -> Round | Unreadable:
    """The round as stored; the common, valid row is read without the field-by-field path."""
    try:
        starts = datetime.fromisoformat(row["starts_at"])
        ends = datetime.fromisoformat(row["ends_at"])
        decision = row["decision_on"]
        if _EARLIEST < starts < _LATEST and _EARLIEST < ends < _LATEST:
            value = Round(
                id=row["id"],
                application_id=row["application_id"],
                starts_at=starts,
                ends_at=ends,
                timezone=row["timezone"],
                kind=_ROUND_KINDS[row["kind"]],
                title=stored_text(row["title"]),
                interviewer_ids=interviewer_ids,
                topics=_plain_words(row["topics"]),
                strengths=_plain_words(row["strengths"]),
                next_steps=stored_text(row["next_steps"]),
                decision_on=_day(decision) if decision else None,
                notes=stored_text(row["notes"]),
            )
            if _round_plausible(value):
                return value
    except PROBLEMS:
        pass
    return _round_by_fields(row, interviewer_ids)


def _round_by_fields(row: sqlite3.Row, interviewer_ids: tuple[int, ...]) -> Round | Unreadable:
    f = Fields(row)
    starts: datetime | None = f.get("starts_at", stored_moment, None, "the start", stand_in=True)
    ends: datetime | None = f.get("ends_at", stored_moment, None, "the end", stand_in=True)
    if starts is None:
        starts = ends - timedelta(hours=1) if ends is not None else PLACEHOLDER_START
    if ends is not None and ends <= starts:
        f.note("ends_at", f"the end {shown(row['ends_at'])} is not after the start")
        f.stand_ins.append("ends_at")
        ends = None
    if ends is None:
        ends = starts + timedelta(hours=1)
    values = {
        "id": row["id"],
        "application_id": row["application_id"],
        "starts_at": starts,
        "ends_at": ends,
        "timezone": f.get("timezone", _zone, "UTC", "the time zone"),
        "kind": f.get("kind", stored_enum(RoundKind), RoundKind.VIDEO, "the kind of interview"),
        "title": f.get("title", stored_text, "", "the title"),
        "interviewer_ids": interviewer_ids,
        "topics": f.get("topics", _words, NO_WORDS, "the topics"),
        "strengths": f.get("strengths", _words, NO_WORDS, "the strengths"),
        "next_steps": f.get("next_steps", stored_text, "", "the next steps"),
        "decision_on": f.get("decision_on", _day, None, "the decision date"),
        "notes": f.get("notes", stored_text, "", "the notes"),
    }
    return value_or_unreadable("interview round", f, Round, values, ("title",))


def plain(text: str, limit: int) -> bool:
    """Cheap: no character a value may not hold (tabs and newlines aside), within ``limit``.
    Text that fails goes the field-by-field way, where the rule names what is wrong."""
    return len(text) <= limit and text.replace("\n", "").replace("\t", "").isprintable()


def printable(*texts: str) -> bool:
    """``plain`` for several texts at once, without their limits (one scan of them all: a
    character's printability does not depend on its neighbours)."""
    return "".join(texts).replace("\n", "").replace("\t", "").isprintable()
