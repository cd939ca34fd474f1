"""What an export's records must hold together before any is written: each id once, every
record it names present, and the history the app itself would have allowed; and how its
settings fit with those already stored.

SQLite would refuse a repeated id or a missing record too, but in its own words ("UNIQUE
constraint failed: contacts.id") and only halfway through the write. Here the fault is said
as the user would look for it in the file: which kind of record, which id, which records.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from followup import rules
from followup.errors import InvalidInput, Refusal
from followup.model import Call, Inquiry, Letter, Override
from followup.setting_checks import check_all

# The kinds of record with an id of their own.
_WITH_IDS = ("contacts", "applications", "rounds", "letters", "calls", "inquiries")


def check_together(records: dict[str, list[Any]]) -> None:
    """Raise InvalidInput naming the first record that does not fit with the others."""
    for kind in _WITH_IDS:
        _once(
            kind,
            records[kind],
            lambda value: value.id,
            "both have id {}; each record needs an id of its own",
        )
    _once(
        "drafts",
        records["drafts"],
        lambda draft: (draft.round_id, draft.contact_id),
        "are both for round {0[0]} and contact {0[1]}; keep one draft per interviewer and round",
    )
    _named(records)
    _check_history(records)


def _once(kind: str, values: Iterable[Any], key: Callable[[Any], Any], words: str) -> None:
    """Each key once: else the kind, the two records' places in its list, and the key."""
    seen: dict[Any, int] = {}
    for index, value in enumerate(values, start=1):
        found = key(value)
        if found in seen:
            raise InvalidInput(f"{kind}: records {seen[found]} and {index} {words.format(found)}")
        seen[found] = index


def _named(records: dict[str, list[Any]]) -> None:
    """Every record named by another is in the export (letters and calls: ``_check_history``)."""
    contacts = {c.id for c in records["contacts"]}
    applications = {a.id for a in records["applications"]}
    rounds = {r.id for r in records["rounds"]}

    def present(ids: set[int], wanted: int | None, kind: str, who: str) -> None:
        if wanted is not None and wanted not in ids:
            raise InvalidInput(f"{who} names {kind} {wanted}, not in the export")

    for app in records["applications"]:
        present(contacts, app.contact_id, "contact", f"application {app.id}")
    for round_ in records["rounds"]:
        present(applications, round_.application_id, "application", f"interview round {round_.id}")
        for contact_id in round_.interviewer_ids:
            present(contacts, contact_id, "contact", f"interview round {round_.id}")
    for inquiry in records["inquiries"]:
        present(applications, inquiry.application_id, "application", f"inquiry {inquiry.id}")
    for draft in records["drafts"]:
        present(rounds, draft.round_id, "interview round", "a draft")
        present(contacts, draft.contact_id, "contact", f"the draft for round {draft.round_id}")


def _allowed(refusal: Refusal, override: Override | None) -> None:
    if override is None or override.rule != refusal.rule:
        raise InvalidInput(
            f"the export breaks an etiquette rule with no recorded exception: {refusal.message}"
        )


def _check_history(records: dict[str, list[Any]]) -> None:
    """What the app would have refused is refused here too, unless the export records the
    user's override: a second letter to one person, a second call, a second inquiry."""
    rounds = {r.id: r for r in records["rounds"]}
    letters: list[Letter] = []
    for letter in sorted(records["letters"], key=lambda x: (x.sent_at, x.id)):
        round_ = rounds.get(letter.round_id)
        if round_ is None:
            raise InvalidInput(
                f"letter {letter.id} names round {letter.round_id}, not in the export"
            )
        if letter.contact_id not in round_.interviewer_ids:
            raise InvalidInput(
                f"letter {letter.id}: contact {letter.contact_id} is not an interviewer of "
                f"round {round_.id}"
            )
        try:
            rules.check_letter(round_, letter.contact_id, letter.channel, letter.sent_at, letters)
        except Refusal as refusal:
            _allowed(refusal, letter.override)
        letters.append(letter)
    calls: list[Call] = []
    for call in sorted(records["calls"], key=lambda x: (x.made_at, x.id)):
        round_ = rounds.get(call.round_id)
        if round_ is None:
            raise InvalidInput(f"call {call.id} names round {call.round_id}, not in the export")
        try:
            rules.check_call(round_, call.made_at, calls)
        except Refusal as refusal:
            _allowed(refusal, call.override)
        calls.append(call)
    inquiries: list[Inquiry] = []
    for inquiry in sorted(records["inquiries"], key=lambda x: (x.sent_at, x.id)):
        try:
            rules.check_inquiry(inquiry.application_id, inquiries)
        except Refusal as refusal:
            _allowed(refusal, inquiry.override)
        inquiries.append(inquiry)


def fit_stored_settings(cur: sqlite3.Cursor, checked: dict[str, Any]) -> None:
    """Settings already stored (a first-run set-up, say) are not overwritten without --replace,
    and the export's others must fit with them (quiet hours with their other end)."""
    held: set[str] = set()
    stored: dict[str, Any] = {}
    for key, value in cur.execute("SELECT key, value FROM settings"):
        held.add(key)
        # An unreadable value (``UserState.settings``) is held, yet has nothing to fit with.
        with contextlib.suppress(ValueError, TypeError, RecursionError):
            stored[key] = json.loads(value)
    both = sorted(held & checked.keys())
    if both:
        raise InvalidInput(
            f"the database already holds settings the export has too ({', '.join(both[:3])}"
            f"{', …' if len(both) > 3 else ''}): import with --replace, or into a new file "
            "with --db; nothing was imported"
        )
    try:
        check_all(stored, checked)
    except InvalidInput as error:
        raise InvalidInput(f"{error}; nothing was imported") from error
