"""Export everything to JSON and import it back, all or nothing."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from followup import json_problem
from followup.errors import InvalidInput
from followup.export_checks import check_together, fit_stored_settings
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
from followup.setting_checks import check_all
from followup.storage import Repository
from followup.validation import check_day, check_id, check_moment, check_timezone, no_such_day

MAX_IMPORT = 200_000_000  # characters; far beyond any real export
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
    if not isinstance(text, str) or len(text) > 64:
        raise InvalidInput(f"{what}: {_shown(text)} is not an ISO date-time")
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        wrong = no_such_day(text)
        kind = f"a date ({wrong})" if wrong else "an ISO date-time"
        raise InvalidInput(f"{what}: {_shown(text)} is not {kind}") from error
    if value.tzinfo is None:
        raise InvalidInput(f"{what}: {_shown(text)} has no offset")
    return check_moment(value, what)


def _date(text: Any, what: str) -> date | None:
    if text is None or text == "":
        return None
    if not isinstance(text, str) or len(text) > 10:
        raise InvalidInput(f"{what}: {_shown(text)} is not an ISO date")
    try:
        return check_day(date.fromisoformat(text), what)
    except ValueError as error:
        wrong = no_such_day(text)
        kind = f"a date ({wrong})" if wrong else "an ISO date"
        raise InvalidInput(f"{what}: {_shown(text)} is not {kind}") from error


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


class _Fields:
    """One record of the export, read field by field with the type each field must have."""

    def __init__(self, data: Any, what: str) -> None:
        if not isinstance(data, dict):
            raise InvalidInput(f"{what}: each record must be an object, not {_shown(data)}")
        self.data = data
        self.what = what

    def _name(self, key: str) -> str:
        return f"{self.what}.{key}"

    def get(self, key: str) -> Any:
        if key not in self.data:
            raise InvalidInput(f'{self.what}: the field "{key}" is missing')
        return self.data[key]

    def id(self, key: str) -> int:
        return check_id(self.get(key), self._name(key))

    def optional_id(self, key: str) -> int | None:
        value = self.data.get(key)
        return None if value is None else check_id(value, self._name(key))

    def text(self, key: str, default: str | None = "") -> str:
        value = self.data.get(key, default) if default is not None else self.get(key)
        if not isinstance(value, str):
            raise InvalidInput(f"{self._name(key)} must be text, not {_shown(value)}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidInput(f"{self._name(key)} must be a list of texts, not {_shown(value)}")
        return tuple(value)

    def ids(self, key: str) -> tuple[int, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise InvalidInput(f"{self._name(key)} must be a list of ids, not {_shown(value)}")
        return tuple(check_id(v, self._name(key)) for v in value)

    def choice(self, key: str, kind: Any) -> Any:
        value = self.get(key)
        try:
            return kind(value)
        except (ValueError, TypeError) as error:
            options = ", ".join(k.value for k in kind)
            raise InvalidInput(
                f"{self._name(key)}: {_shown(value)} is not one of {options}"
            ) from error

    def override(self) -> Override | None:
        data = self.data.get("override")
        if data is None:
            return None
        fields = _Fields(data, self._name("override"))
        return Override(
            fields.text("rule", None), fields.text("reason"), _when(fields.get("at"), "override.at")
        )


def _records(document: dict[str, Any], key: str) -> list[_Fields]:
    values = document.get(key, [])
    if not isinstance(values, list):
        raise InvalidInput(f'"{key}" must be a list')
    return [_Fields(v, key) for v in values]


def parse(document: dict[str, Any], now: datetime | None = None) -> dict[str, list[Any]]:
    """Every record as a domain value, validated; raises InvalidInput naming the first problem.
    Given ``now``, no letter, call or inquiry may be dated after it.

    Each field must have its own type: ``"topics": "abc"`` is refused, not read as three
    topics; an id is a whole number, never text or a fraction."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput('not an Interview Follow-Up export (missing "format")')
    if document.get("version") != VERSION:
        raise InvalidInput(f"export version {_shown(document.get('version'))} is not supported")
    records: dict[str, list[Any]] = {
        "contacts": [
            Contact(
                c.id("id"),
                c.text("name", None),
                c.text("title"),
                c.text("company"),
                c.text("email"),
                c.text("phone"),
                PostalAddress.parse(c.text("address")),
            )
            for c in _records(document, "contacts")
        ],
        "applications": [
            Application(
                a.id("id"),
                a.text("company", None),
                a.text("role", None),
                a.text("posting_url"),
                _date(a.data.get("applied_on"), "applied_on"),
                a.choice("source", Source),
                a.choice("status", Status),
                a.text("status_reason"),
                a.optional_id("contact_id"),
            )
            for a in _records(document, "applications")
        ],
        "rounds": [
            Round(
                r.id("id"),
                r.id("application_id"),
                _when(r.get("starts_at"), "starts_at"),
                _when(r.get("ends_at"), "ends_at"),
                check_timezone(r.get("timezone")),
                r.choice("kind", RoundKind),
                r.text("title"),
                r.ids("interviewer_ids"),
                r.texts("topics"),
                r.texts("strengths"),
                r.text("next_steps"),
                _date(r.data.get("decision_on"), "decision_on"),
                r.text("notes"),
            )
            for r in _records(document, "rounds")
        ],
        "letters": [
            Letter(
                x.id("id"),
                x.id("round_id"),
                x.id("contact_id"),
                x.choice("channel", Channel),
                _when(x.get("sent_at"), "sent_at"),
                x.override(),
                x.text("subject"),  # an export from before the words were kept has none
                x.text("body"),
            )
            for x in _records(document, "letters")
        ],
        "calls": [
            Call(
                x.id("id"),
                x.id("round_id"),
                _when(x.get("made_at"), "made_at"),
                x.text("outcome"),
                x.override(),
            )
            for x in _records(document, "calls")
        ],
        "inquiries": [
            Inquiry(
                x.id("id"),
                x.id("application_id"),
                x.choice("channel", Channel),
                _when(x.get("sent_at"), "sent_at"),
                x.override(),
            )
            for x in _records(document, "inquiries")
        ],
        "drafts": [
            Draft(
                x.id("round_id"),
                x.id("contact_id"),
                x.choice("channel", Channel),
                x.text("template"),
                x.text("body", None),
                _when(x.get("updated_at"), "updated_at"),
                x.text("subject"),
            )
            for x in _records(document, "drafts")
        ],
    }
    for kind, values in records.items():
        for index, value in enumerate(values, start=1):
            try:
                if isinstance(value, (Letter, Call, Inquiry)):
                    value.check(now)
                else:
                    value.check()
            except InvalidInput as error:
                raise InvalidInput(f"{kind}, record {index}: {error}") from error
    check_together(records)
    return records


def _no_constant(name: str) -> Any:
    raise InvalidInput(f"not an export: {name} is not a number JSON allows")


@dataclass(frozen=True)
class Export:
    """An export read and checked whole, not yet written anywhere."""

    records: dict[str, list[Any]]
    settings: dict[str, Any]


def import_all(
    repo: Repository, text: str, *, replace: bool = False, now: datetime | None = None
) -> dict[str, int]:
    """Load an export. Everything is written in one transaction, or nothing is; given ``now``,
    what it says was sent or made must have happened by then."""
    return write_export(repo, read_export(text, now), replace=replace)


def read_export(text: str, now: datetime | None = None) -> Export:
    """Read and check an export without touching any database: a file that is not one is
    refused before a database is opened (or created), backed up or written."""
    if len(text) > MAX_IMPORT:
        raise InvalidInput(f"the file is too large to be an export ({len(text):,} characters)")
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InvalidInput(json_problem.describe(error)) from error
    except RecursionError as error:
        raise InvalidInput("not an export: the JSON is nested too deeply") from error
    except ValueError as error:  # a number of thousands of digits
        raise InvalidInput(f"not an export: {error}") from error
    try:
        records = parse(document, now)
        settings = document.get("settings", {})
        if not isinstance(settings, dict):
            raise InvalidInput('"settings" must be an object')
        checked = check_all({}, settings)
    except InvalidInput as error:
        raise InvalidInput(f"{error}; nothing was imported") from error
    return Export(records, checked)


def write_export(repo: Repository, export: Export, *, replace: bool = False) -> dict[str, int]:
    """Write a checked export in one transaction (all of it, or nothing)."""
    records, checked = export.records, export.settings
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
        else:
            fit_stored_settings(cur, checked)
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
        except sqlite3.IntegrityError as error:  # check_together should have said why first
            raise InvalidInput(
                "the export's records do not fit together (one names a record that is missing "
                "or repeated); nothing was imported"
            ) from error
    return {name: len(values) for name, values in records.items()}
