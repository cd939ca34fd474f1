"""Stored letters, calls and status inquiries → domain values, tolerating rows refused today.

The history's records are read like every other row (``row_values``): a row that no longer
makes a valid value becomes an ``Unreadable`` with a repaired value a fix can start from.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from typing import TypeVar

from followup import validation as v
from followup.model import Call, Channel, Inquiry, Letter, Override
from followup.storage.row_values import (
    PLACEHOLDER_START,
    PROBLEMS,
    Fields,
    plain,
    shown,
    stored_enum,
    stored_moment,
    stored_text,
    value_or_unreadable,
)
from followup.unreadable import Unreadable

_FIRST = datetime.combine(v.EARLIEST, datetime.min.time(), tzinfo=UTC)
_LAST = datetime.combine(v.LATEST, datetime.max.time(), tzinfo=UTC)


def _recorded_moment(raw: object) -> datetime:
    """A stored time of a letter, call or inquiry: aware, and between 1990 and 2100."""
    value = stored_moment(raw)
    if not _FIRST <= value <= _LAST:
        raise OverflowError(value)
    return value


def _override(row: sqlite3.Row) -> Override | None:
    if row["override_rule"] is None:
        return None
    made = Override(
        stored_text(row["override_rule"]),
        stored_text(row["override_reason"] or ""),
        _recorded_moment(row["override_at"]),
    )
    made.check()
    return made


def _override_plausible(o: Override | None) -> bool:
    return o is None or (plain(o.rule, 64) and plain(o.reason, v.LINE) and _FIRST <= o.at <= _LAST)


def letter(row: sqlite3.Row) -> Letter | Unreadable:
    """A stored letter; one whose values are refused today is named with a repaired value."""
    try:
        value = Letter(
            row["id"],
            row["round_id"],
            row["contact_id"],
            Channel(row["channel"]),
            datetime.fromisoformat(row["sent_at"]),
            _override(row),
            stored_text(row["subject"]),
            stored_text(row["body"]),
        )
        if (
            _FIRST <= value.sent_at <= _LAST
            and _override_plausible(value.override)
            and plain(value.subject, v.NAME)
            and "\n" not in value.subject
            and plain(value.body, v.BODY)
        ):
            return value
    except PROBLEMS:
        pass
    f = Fields(row)
    values = {
        "id": row["id"],
        "round_id": row["round_id"],
        "contact_id": row["contact_id"],
        **_sent_values(f),
        "subject": f.get("subject", stored_text, "", "the subject"),
        "body": f.get("body", stored_text, "", "the letter's text"),
    }
    made = value_or_unreadable("letter", f, Letter, values, ())
    return _labelled(made, f"round {row['round_id']}, to contact {row['contact_id']}")


def call(row: sqlite3.Row) -> Call | Unreadable:
    """A stored call; one whose values are refused today is named with a repaired value."""
    try:
        value = Call(
            row["id"],
            row["round_id"],
            datetime.fromisoformat(row["made_at"]),
            stored_text(row["outcome"]),
            _override(row),
        )
        if (
            _FIRST <= value.made_at <= _LAST
            and plain(value.outcome, v.LINE)
            and _override_plausible(value.override)
        ):
            return value
    except PROBLEMS:
        pass
    f = Fields(row)
    values = {
        "id": row["id"],
        "round_id": row["round_id"],
        "made_at": f.get(
            "made_at", _recorded_moment, PLACEHOLDER_START, "the time of the call", stand_in=True
        ),
        "outcome": f.get("outcome", stored_text, "", "the outcome"),
        "override": _override_by_fields(f),
    }
    return _labelled(value_or_unreadable("call", f, Call, values, ()), f"round {row['round_id']}")


def inquiry(row: sqlite3.Row) -> Inquiry | Unreadable:
    """A stored status inquiry; one refused today is named with a repaired value."""
    try:
        value = Inquiry(
            row["id"],
            row["application_id"],
            Channel(row["channel"]),
            datetime.fromisoformat(row["sent_at"]),
            _override(row),
        )
        if _FIRST <= value.sent_at <= _LAST and _override_plausible(value.override):
            return value
    except PROBLEMS:
        pass
    f = Fields(row)
    values = {
        "id": row["id"],
        "application_id": row["application_id"],
        **_sent_values(f),
    }
    made = value_or_unreadable("inquiry", f, Inquiry, values, ())
    return _labelled(made, f"application {row['application_id']}")


def _sent_values(f: Fields) -> dict[str, object]:
    """How and when a letter or an inquiry left, and its recorded override: both store them
    alike."""
    return {
        "channel": f.get(
            "channel", stored_enum(Channel), Channel.EMAIL, "the channel", stand_in=True
        ),
        "sent_at": f.get(
            "sent_at", _recorded_moment, PLACEHOLDER_START, "the time it was sent", stand_in=True
        ),
        "override": _override_by_fields(f),
    }


def _override_by_fields(f: Fields) -> Override | None:
    """The recorded exception; one that cannot be read is dropped (and said so)."""
    try:
        return _override(f.row)
    except PROBLEMS as error:
        f.note("override", f"the recorded exception cannot be read ({shown(str(error))})")
        return None


R = TypeVar("R", Letter, Call, Inquiry)


def _labelled(made: R | Unreadable, label: str) -> R | Unreadable:
    if isinstance(made, Unreadable):
        return replace(made, label=label)
    return made
