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
    Contact,
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
V = TypeVar("V", Application, Round, Contact)

# Plans count weeks forward and back from a date; one this close to the calendar's ends
# (year 1 or 9999) cannot be planned, so it cannot be read as a date of this app either.
REACH = timedelta(days=800)
# Where both times of a round are unreadable, the edit dialog opens on this (clearly wrong,
# clearly marked) moment rather than not at all.
PLACEHOLDER_START = datetime(2000, 1, 3, 9, tzinfo=UTC)
NO_WORDS: tuple[str, ...] = ()
SHOWN_TEXT = 200  # a repaired text field keeps this much of a huge or broken value
_PROBLEMS = (ValueError, TypeError, OverflowError, AttributeError, KeyError, InvalidInput)


def shown(raw: object) -> str:
    """A stored value as a message can show it: short, one line, no control characters."""
    if raw is None:
        return "empty (NULL)"
    text = raw if isinstance(raw, str) else repr(raw)
    clean = "".join(c if c.isprintable() else "?" for c in text[:40])
    more = f"… ({len(text):,} characters)" if len(text) > 40 else ""
    return f"“{clean}{more}”"


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise TypeError("not text")
    return raw


def _moment(raw: object) -> datetime:
    value = datetime.fromisoformat(_text(raw))
    if value.tzinfo is None:
        raise ValueError("no offset")
    _within_reach(value.astimezone(UTC).date())
    return value


def _day(raw: object) -> date | None:
    if raw is None or raw == "":
        return None
    value = date.fromisoformat(_text(raw))
    return _within_reach(value)


def _within_reach(day: date) -> date:
    """The day, or OverflowError when plans around it would leave the calendar."""
    if day - REACH < day < day + REACH:
        return day
    raise OverflowError(day)  # pragma: no cover  (the arithmetic above raises first)


def _words(raw: object) -> tuple[str, ...]:
    value = json.loads(_text(raw))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("not a list of words")
    return tuple(value)


def _zone(raw: object) -> str:
    text = _text(raw)
    check_timezone(text)
    return text


def _enum(kind: type[E]) -> Callable[[object], E]:
    return lambda raw: kind(_text(raw))


def _optional_id(raw: object) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int):
        raise TypeError("not an id")
    return raw


class _Fields:
    """One row's fields; each that cannot be read is noted and replaced by a fallback."""

    def __init__(self, row: sqlite3.Row) -> None:
        self.row = row
        self.reasons: list[str] = []

    def get(self, column: str, convert: Callable[[object], T], fallback: T, what: str) -> T:
        raw = self.row[column]
        try:
            return convert(raw)
        except OverflowError:
            self.reasons.append(f"{what} {shown(raw)} is out of range")
        except _PROBLEMS:
            self.reasons.append(f"{what} {shown(raw)} cannot be read")
        return fallback


def _tidied(values: dict[str, Any]) -> dict[str, Any]:
    """Text fields cut short and made printable: what an edit dialog can show of them."""
    out = dict(values)
    for name, value in values.items():
        if type(value) is str:  # not the enums, which are str too
            kept = "".join(c for c in value[:SHOWN_TEXT] if c.isprintable() or c == "\n")
            out[name] = kept.strip()
    return out


def _made(
    kind: str,
    fields: _Fields,
    factory: Callable[..., V],
    values: dict[str, Any],
    labels: tuple[str, ...],
) -> V | Unreadable:
    """The value; or an Unreadable with the reasons and the best repaired value."""
    row_id: int = fields.row["id"]
    required = {k: "(unreadable)" for k in labels if k != "title"}
    try:
        made = factory(**values)
        made.check()  # the rules every value is stored under today
        value: V | None = made
    except _PROBLEMS as error:  # refused today
        fields.reasons.append(str(error))
        tidy = _tidied(values)
        tidy.update({k: v for k, v in required.items() if not str(tidy.get(k, "")).strip()})
        try:
            value = factory(**tidy)
        except _PROBLEMS:
            value = None
    if value is not None and not fields.reasons:
        return value
    shown_values = _tidied({k: values[k] for k in labels})
    label = " — ".join(str(shown_values[k])[:40] for k in labels if shown_values[k])
    return Unreadable(kind, row_id, label, tuple(fields.reasons), value)


def contact(row: sqlite3.Row) -> Contact | Unreadable:
    """The contact as stored; the common, valid row is read directly."""
    try:
        person = Contact(
            id=row["id"],
            name=_text(row["name"]),
            title=_text(row["title"]),
            company=_text(row["company"]),
            email=_text(row["email"]),
            phone=_text(row["phone"]),
            address=PostalAddress.parse(_text(row["address"])),
        )
    except _PROBLEMS:
        return _contact_by_fields(row)
    return person if _contact_plausible(person) else _contact_by_fields(row)


def _contact_by_fields(row: sqlite3.Row) -> Contact | Unreadable:
    f = _Fields(row)
    values = {
        "id": row["id"],
        "name": f.get("name", _text, "(unreadable)", "the name"),
        "title": f.get("title", _text, "", "the title"),
        "company": f.get("company", _text, "", "the company"),
        "email": f.get("email", _text, "", "the e-mail address"),
        "phone": f.get("phone", _text, "", "the phone number"),
        "address": f.get(
            "address", lambda r: PostalAddress.parse(_text(r)), PostalAddress(), "the address"
        ),
    }
    return _made("contact", f, Contact, values, ("name",))


def application(row: sqlite3.Row) -> Application | Unreadable:
    """The application as stored; the common, valid row is read directly."""
    try:
        applied = row["applied_on"]
        app = Application(
            id=row["id"],
            company=_text(row["company"]),
            role=_text(row["role"]),
            posting_url=_text(row["posting_url"]),
            applied_on=_day(applied) if applied else None,
            source=Source(row["source"]),
            status=Status(row["status"]),
            status_reason=_text(row["status_reason"]),
            contact_id=_optional_id(row["contact_id"]),
        )
    except _PROBLEMS:
        return _application_by_fields(row)
    return app if _app_plausible(app) else _application_by_fields(row)


def _application_by_fields(row: sqlite3.Row) -> Application | Unreadable:
    f = _Fields(row)
    values = {
        "id": row["id"],
        "company": f.get("company", _text, "(unreadable)", "the company"),
        "role": f.get("role", _text, "(unreadable)", "the role"),
        "posting_url": f.get("posting_url", _text, "", "the posting's address"),
        "applied_on": f.get("applied_on", _day, None, "the date applied"),
        "source": f.get("source", _enum(Source), Source.PORTAL, "the source"),
        "status": f.get("status", _enum(Status), Status.ACTIVE, "the status"),
        "status_reason": f.get("status_reason", _text, "", "the status's reason"),
        "contact_id": f.get("contact_id", _optional_id, None, "the contact"),
    }
    return _made("application", f, Application, values, ("company", "role"))


# Dates well inside these bounds are plannable; the fast paths below check only this.
_EARLIEST = datetime(100, 1, 1, tzinfo=UTC)
_LATEST = datetime(9000, 1, 1, tzinfo=UTC)


# The fast paths below check what is cheap (lengths, date ranges) with the rules' own limits;
# a row that fails goes the field-by-field way, where ``check()`` names what is wrong. (Each
# character of every text is checked when a value is stored, not each time it is listed.)
def _day_ok(day: date | None) -> bool:
    return day is None or v.EARLIEST <= day <= v.LATEST


def _round_plausible(r: Round) -> bool:
    return (
        _day_ok(r.starts_at.astimezone(UTC).date())
        and _day_ok(r.ends_at.astimezone(UTC).date())
        and _day_ok(r.decision_on)
        and len(r.title) <= v.NAME
        and len(r.next_steps) <= v.LINE
        and len(r.notes) <= v.NOTES
        and len(r.topics) <= v.MAX_ITEMS
        and len(r.strengths) <= v.MAX_ITEMS
        and all(len(t) <= v.NAME for t in (*r.topics, *r.strengths))
    )


def _app_plausible(a: Application) -> bool:
    return (
        _day_ok(a.applied_on)
        and max(len(a.company), len(a.role)) <= v.NAME
        and len(a.posting_url) <= v.URL
        and len(a.status_reason) <= v.LINE
    )


def _contact_plausible(c: Contact) -> bool:
    return (
        max(len(c.name), len(c.title), len(c.company)) <= v.NAME
        and len(c.email) <= 254
        and len(c.phone) <= 50
        and len(c.address.lines) <= 10
        and all(len(line) <= v.NAME for line in c.address.lines)
    )


def _plain_words(raw: str) -> tuple[str, ...]:
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
                kind=RoundKind(row["kind"]),
                title=_text(row["title"]),
                interviewer_ids=interviewer_ids,
                topics=_plain_words(row["topics"]),
                strengths=_plain_words(row["strengths"]),
                next_steps=_text(row["next_steps"]),
                decision_on=_day(decision) if decision else None,
                notes=_text(row["notes"]),
            )
            if _round_plausible(value):
                return value
    except _PROBLEMS:
        pass
    return _round_by_fields(row, interviewer_ids)


def _round_by_fields(row: sqlite3.Row, interviewer_ids: tuple[int, ...]) -> Round | Unreadable:
    f = _Fields(row)
    starts: datetime | None = f.get("starts_at", _moment, None, "the start")
    ends: datetime | None = f.get("ends_at", _moment, None, "the end")
    if starts is None:
        starts = ends - timedelta(hours=1) if ends is not None else PLACEHOLDER_START
    if ends is None or ends <= starts:
        ends = starts + timedelta(hours=1)
    values = {
        "id": row["id"],
        "application_id": row["application_id"],
        "starts_at": starts,
        "ends_at": ends,
        "timezone": f.get("timezone", _zone, "UTC", "the time zone"),
        "kind": f.get("kind", _enum(RoundKind), RoundKind.VIDEO, "the kind of interview"),
        "title": f.get("title", _text, "", "the title"),
        "interviewer_ids": interviewer_ids,
        "topics": f.get("topics", _words, NO_WORDS, "the topics"),
        "strengths": f.get("strengths", _words, NO_WORDS, "the strengths"),
        "next_steps": f.get("next_steps", _text, "", "the next steps"),
        "decision_on": f.get("decision_on", _day, None, "the decision date"),
        "notes": f.get("notes", _text, "", "the notes"),
    }
    return _made("interview round", f, Round, values, ("title",))


_FIRST = datetime.combine(v.EARLIEST, datetime.min.time(), tzinfo=UTC)
_LAST = datetime.combine(v.LATEST, datetime.max.time(), tzinfo=UTC)


def dated(
    row: sqlite3.Row, column: str, convert: Callable[[sqlite3.Row], T], kind: str, what: str
) -> T | Unreadable:
    """A letter, call or inquiry: kept whole, or (its time unreadable) named and left out.

    Left out is safe for the one-letter rule: the store's unique index still refuses a second
    letter to the same person, whatever the first one's time reads as."""
    raw = row[column]
    try:
        value = convert(row)
        moment = getattr(value, "made_at" if column == "made_at" else "sent_at")
        if _FIRST <= moment <= _LAST:
            return value
        reason = f"{what} {shown(raw)} is out of range"
    except _PROBLEMS as error:
        reason = f"{what} {shown(raw)} cannot be read"
        if isinstance(raw, str) and _readable_moment(raw):
            reason = f"a stored value cannot be read ({shown(str(error))})"
    return Unreadable(kind, row["id"], "", (reason,), None)


def _readable_moment(raw: str) -> bool:
    try:
        _moment(raw)
    except _PROBLEMS:
        return False
    return True
