"""Export everything to JSON and import it back, all or nothing."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from followup.errors import InvalidInput
from followup.model import (
    Application,
    Call,
    Channel,
    Contact,
    Draft,
    Inquiry,
    Letter,
    Override,
    PostalAddress,
    Round,
    RoundKind,
    Source,
    Status,
)
from followup.settings import validate
from followup.storage import Repository

FORMAT = "interview-followup"
VERSION = 1
TABLES = (
    "applications",
    "rounds",
    "round_interviewers",
    "letters",
    "calls",
    "inquiries",
    "drafts",
    "contacts",
    "settings",
    "reminders",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def record(value: Any) -> dict[str, Any]:
    """A domain value as plain JSON data (dates as ISO text, addresses as lines)."""
    data = asdict(value)
    if "address" in data:
        data["address"] = str(value.address)
    plain: dict[str, Any] = _plain(data)
    return plain


def export_all(repo: Repository) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "settings": repo.settings(),
        "contacts": [record(c) for c in repo.contacts()],
        "applications": [record(a) for a in repo.applications()],
        "rounds": [record(r) for r in repo.rounds()],
        "letters": [record(x) for x in repo.letters()],
        "calls": [record(x) for x in repo.calls()],
        "inquiries": [record(x) for x in repo.inquiries()],
        "drafts": [record(x) for x in repo.drafts()],
    }


def _when(text: Any, what: str) -> datetime:
    try:
        value = datetime.fromisoformat(str(text))
    except ValueError as error:
        raise InvalidInput(f"{what}: {text!r} is not an ISO date-time") from error
    if value.tzinfo is None:
        raise InvalidInput(f"{what}: {text!r} has no offset")
    return value


def _date(text: Any, what: str) -> date | None:
    if text in (None, ""):
        return None
    try:
        return date.fromisoformat(str(text))
    except ValueError as error:
        raise InvalidInput(f"{what}: {text!r} is not an ISO date") from error


def _override(data: Any) -> Override | None:
    if not data:
        return None
    return Override(str(data["rule"]), str(data.get("reason", "")), _when(data["at"], "override"))


def parse(document: dict[str, Any]) -> dict[str, list[Any]]:
    """Every record as a domain value, validated; raises InvalidInput naming the first problem."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput('not an Interview Follow-Up export (missing "format")')
    if document.get("version") != VERSION:
        raise InvalidInput(f"export version {document.get('version')!r} is not supported")
    try:
        return {
            "contacts": [
                Contact(
                    int(c["id"]),
                    c["name"],
                    c.get("title", ""),
                    c.get("company", ""),
                    c.get("email", ""),
                    c.get("phone", ""),
                    PostalAddress.parse(c.get("address", "")),
                )
                for c in document.get("contacts", [])
            ],
            "applications": [
                Application(
                    int(a["id"]),
                    a["company"],
                    a["role"],
                    a.get("posting_url", ""),
                    _date(a.get("applied_on"), "applied_on"),
                    Source(a["source"]),
                    Status(a["status"]),
                    a.get("status_reason", ""),
                    a.get("contact_id"),
                )
                for a in document.get("applications", [])
            ],
            "rounds": [
                Round(
                    int(r["id"]),
                    int(r["application_id"]),
                    _when(r["starts_at"], "starts_at"),
                    _when(r["ends_at"], "ends_at"),
                    r["timezone"],
                    RoundKind(r["kind"]),
                    r.get("title", ""),
                    tuple(int(i) for i in r.get("interviewer_ids", [])),
                    tuple(r.get("topics", [])),
                    tuple(r.get("strengths", [])),
                    r.get("next_steps", ""),
                    _date(r.get("decision_on"), "decision_on"),
                    r.get("notes", ""),
                )
                for r in document.get("rounds", [])
            ],
            "letters": [
                Letter(
                    int(x["id"]),
                    int(x["round_id"]),
                    int(x["contact_id"]),
                    Channel(x["channel"]),
                    _when(x["sent_at"], "sent_at"),
                    _override(x.get("override")),
                )
                for x in document.get("letters", [])
            ],
            "calls": [
                Call(
                    int(x["id"]),
                    int(x["round_id"]),
                    _when(x["made_at"], "made_at"),
                    x.get("outcome", ""),
                    _override(x.get("override")),
                )
                for x in document.get("calls", [])
            ],
            "inquiries": [
                Inquiry(
                    int(x["id"]),
                    int(x["application_id"]),
                    Channel(x["channel"]),
                    _when(x["sent_at"], "sent_at"),
                    _override(x.get("override")),
                )
                for x in document.get("inquiries", [])
            ],
            "drafts": [
                Draft(
                    int(x["round_id"]),
                    int(x["contact_id"]),
                    Channel(x["channel"]),
                    str(x.get("template", "")),
                    str(x["body"]),
                    _when(x["updated_at"], "updated_at"),
                )
                for x in document.get("drafts", [])
            ],
        }
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput(f"the export is malformed: {type(error).__name__} {error}") from error


def import_all(repo: Repository, text: str, *, replace: bool = False) -> dict[str, int]:
    """Load an export. Everything is written in one transaction, or nothing is."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"not JSON: {error.msg} at line {error.lineno}") from error
    records = parse(document)
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        raise InvalidInput('"settings" must be an object')
    checked = {key: validate(key, value) for key, value in settings.items()}
    with repo.db.transaction() as cur:
        occupied = cur.execute(
            "SELECT (SELECT count(*) FROM applications) + (SELECT count(*) FROM contacts)"
        ).fetchone()[0]
        if occupied and not replace:
            raise InvalidInput(
                "the database is not empty: import with --replace, or into a new file with --db"
            )
        if replace:
            for table in TABLES:
                cur.execute(f"DELETE FROM {table}")
        try:
            for contact in records["contacts"]:
                repo.insert_contact(cur, contact)
            for app in records["applications"]:
                repo.insert_application(cur, app)
            for round_ in records["rounds"]:
                repo.insert_round(cur, round_)
            for letter in records["letters"]:
                repo.insert_letter(cur, letter)
            for call in records["calls"]:
                repo.insert_call(cur, call)
            for inquiry in records["inquiries"]:
                repo.insert_inquiry(cur, inquiry)
            for draft in records["drafts"]:
                repo.insert_draft(cur, draft)
            cur.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?)",
                [(k, json.dumps(v)) for k, v in checked.items()],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput(
                f"the export is inconsistent ({error}); nothing was imported"
            ) from error
    return {name: len(values) for name, values in records.items()}
