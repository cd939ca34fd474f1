"""Reading and writing the domain's values. Each public write is one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from followup import rules
from followup.errors import InvalidInput, NotFound, Refusal
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
from followup.reminders import Delivery
from followup.storage.database import Database


def to_db_time(value: datetime) -> str:
    """UTC, second precision, so text order is time order."""
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_db_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _override(row: sqlite3.Row) -> Override | None:
    if row["override_rule"] is None:
        return None
    return Override(
        row["override_rule"], row["override_reason"] or "", from_db_time(row["override_at"])
    )


def _letter(row: sqlite3.Row) -> Letter:
    return Letter(
        row["id"],
        row["round_id"],
        row["contact_id"],
        Channel(row["channel"]),
        from_db_time(row["sent_at"]),
        _override(row),
    )


def _call(row: sqlite3.Row) -> Call:
    return Call(
        row["id"], row["round_id"], from_db_time(row["made_at"]), row["outcome"], _override(row)
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a delete removes, so that undo can put it back exactly (same ids)."""

    application: Application | None
    rounds: tuple[Round, ...]
    letters: tuple[Letter, ...]
    calls: tuple[Call, ...]
    inquiries: tuple[Inquiry, ...]
    drafts: tuple[Draft, ...]


class Repository:
    """The domain's records in one SQLite database."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self.db.connection.row_factory = sqlite3.Row

    def _one(self, sql: str, args: Sequence[Any], what: str) -> sqlite3.Row:
        row: sqlite3.Row | None = self.db.connection.execute(sql, args).fetchone()
        if row is None:
            raise NotFound(f"no {what}")
        return row

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self.db.connection.execute(sql, args).fetchall()

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        return {row["key"]: json.loads(row["value"]) for row in self._all("SELECT * FROM settings")}

    def save_settings(self, values: dict[str, Any]) -> None:
        with self.db.transaction() as cur:
            cur.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(key, json.dumps(value)) for key, value in values.items()],
            )

    # -- contacts -------------------------------------------------------------------------

    @staticmethod
    def _contact(row: sqlite3.Row) -> Contact:
        return Contact(
            id=row["id"],
            name=row["name"],
            title=row["title"],
            company=row["company"],
            email=row["email"],
            phone=row["phone"],
            address=PostalAddress.parse(row["address"]),
        )

    @staticmethod
    def insert_contact(cur: sqlite3.Cursor, contact: Contact) -> Contact:
        """Insert inside the caller's transaction; id 0 means a new id."""
        cur.execute(
            "INSERT INTO contacts(id, name, title, company, email, phone, address) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                contact.id or None,
                contact.name.strip(),
                contact.title,
                contact.company,
                contact.email,
                contact.phone,
                str(contact.address),
            ),
        )
        return replace(contact, id=int(cur.lastrowid or 0))

    def add_contact(self, contact: Contact) -> Contact:
        with self.db.transaction() as cur:
            return self.insert_contact(cur, contact)

    def update_contact(self, contact: Contact) -> Contact:
        self.contact(contact.id)
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE contacts SET name=?, title=?, company=?, email=?, phone=?, address=? "
                "WHERE id=?",
                (
                    contact.name.strip(),
                    contact.title,
                    contact.company,
                    contact.email,
                    contact.phone,
                    str(contact.address),
                    contact.id,
                ),
            )
        return contact

    def delete_contact(self, contact_id: int) -> None:
        self.contact(contact_id)
        try:
            with self.db.transaction() as cur:
                cur.execute("DELETE FROM contacts WHERE id=?", (contact_id,))
        except sqlite3.IntegrityError as error:
            raise InvalidInput(
                f"contact {contact_id} is an interviewer or has a letter on record; "
                "remove them from those rounds first"
            ) from error

    def contact(self, contact_id: int) -> Contact:
        return self._contact(
            self._one("SELECT * FROM contacts WHERE id=?", (contact_id,), f"contact {contact_id}")
        )

    def contact_names(self) -> dict[int, str]:
        """Just the names: what plans need, without building every contact."""
        return {
            row[0]: row[1] for row in self.db.connection.execute("SELECT id, name FROM contacts")
        }

    def contacts(self) -> list[Contact]:
        return [self._contact(r) for r in self._all("SELECT * FROM contacts ORDER BY name, id")]

    # -- applications ---------------------------------------------------------------------

    @staticmethod
    def _application(row: sqlite3.Row) -> Application:
        return Application(
            id=row["id"],
            company=row["company"],
            role=row["role"],
            posting_url=row["posting_url"],
            applied_on=_day(row["applied_on"]),
            source=Source(row["source"]),
            status=Status(row["status"]),
            status_reason=row["status_reason"],
            contact_id=row["contact_id"],
        )

    @staticmethod
    def _app_values(app: Application) -> tuple[Any, ...]:
        return (
            app.company.strip(),
            app.role.strip(),
            app.posting_url,
            app.applied_on.isoformat() if app.applied_on else None,
            app.source.value,
            app.status.value,
            app.status_reason,
            app.contact_id,
        )

    @classmethod
    def insert_application(cls, cur: sqlite3.Cursor, app: Application) -> Application:
        cur.execute(
            "INSERT INTO applications(id, company, role, posting_url, applied_on, source, status, "
            "status_reason, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (app.id or None, *cls._app_values(app)),
        )
        return replace(app, id=int(cur.lastrowid or 0))

    def add_application(self, app: Application) -> Application:
        if app.contact_id is not None:
            self.contact(app.contact_id)
        with self.db.transaction() as cur:
            return self.insert_application(cur, app)

    def update_application(self, app: Application) -> Application:
        self.application(app.id)
        if app.contact_id is not None:
            self.contact(app.contact_id)
        values = self._app_values(app)
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE applications SET company=?, role=?, posting_url=?, applied_on=?, source=?, "
                "status=?, status_reason=?, contact_id=? WHERE id=?",
                (*values, app.id),
            )
        return app

    def delete_application(self, app_id: int) -> None:
        self.application(app_id)
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM applications WHERE id=?", (app_id,))

    def application(self, app_id: int) -> Application:
        return self._application(
            self._one("SELECT * FROM applications WHERE id=?", (app_id,), f"application {app_id}")
        )

    def applications(self, *, active_only: bool = False) -> list[Application]:
        where = " WHERE status = 'active'" if active_only else ""
        return [
            self._application(r)
            for r in self._all(f"SELECT * FROM applications{where} ORDER BY id")
        ]

    # -- rounds ---------------------------------------------------------------------------

    def _round(self, row: sqlite3.Row, interviewers: dict[int, list[int]]) -> Round:
        return Round(
            id=row["id"],
            application_id=row["application_id"],
            starts_at=from_db_time(row["starts_at"]),
            ends_at=from_db_time(row["ends_at"]),
            timezone=row["timezone"],
            kind=RoundKind(row["kind"]),
            title=row["title"],
            interviewer_ids=tuple(interviewers.get(row["id"], ())),
            topics=tuple(json.loads(row["topics"])),
            strengths=tuple(json.loads(row["strengths"])),
            next_steps=row["next_steps"],
            decision_on=_day(row["decision_on"]),
            notes=row["notes"],
        )

    def _interviewers(
        self, round_ids: Iterable[int] | None = None, *, active_only: bool = False
    ) -> dict[int, list[int]]:
        sql = "SELECT round_id, contact_id FROM round_interviewers"
        args: list[int] = []
        if active_only:
            sql += (
                " WHERE round_id IN (SELECT r.id FROM rounds r JOIN applications a "
                "ON a.id = r.application_id WHERE a.status = 'active')"
            )
        elif round_ids is not None:  # a handful: one round, or one application's
            args = list(round_ids)
            sql += f" WHERE round_id IN ({','.join('?' * len(args))})"
        result: dict[int, list[int]] = {}
        for row in self._all(sql + " ORDER BY round_id, position", args):
            result.setdefault(row["round_id"], []).append(row["contact_id"])
        return result

    def _check_round_refs(self, r: Round) -> None:
        self.application(r.application_id)
        for contact_id in r.interviewer_ids:
            self.contact(contact_id)

    @staticmethod
    def _round_values(r: Round) -> tuple[Any, ...]:
        return (
            r.application_id,
            to_db_time(r.starts_at),
            to_db_time(r.ends_at),
            r.timezone,
            r.kind.value,
            r.title,
            json.dumps(list(r.topics)),
            json.dumps(list(r.strengths)),
            r.next_steps,
            r.decision_on.isoformat() if r.decision_on else None,
            r.notes,
        )

    @staticmethod
    def _set_interviewers(cur: sqlite3.Cursor, r: Round) -> None:
        cur.execute("DELETE FROM round_interviewers WHERE round_id=?", (r.id,))
        cur.executemany(
            "INSERT INTO round_interviewers(round_id, contact_id, position) VALUES (?, ?, ?)",
            [(r.id, contact_id, i) for i, contact_id in enumerate(r.interviewer_ids)],
        )

    @classmethod
    def insert_round(cls, cur: sqlite3.Cursor, r: Round) -> Round:
        cur.execute(
            "INSERT INTO rounds(id, application_id, starts_at, ends_at, timezone, kind, title, "
            "topics, strengths, next_steps, decision_on, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r.id or None, *cls._round_values(r)),
        )
        r = replace(r, id=int(cur.lastrowid or 0))
        cls._set_interviewers(cur, r)
        return r

    def add_round(self, r: Round) -> Round:
        self._check_round_refs(r)
        with self.db.transaction() as cur:
            return self.insert_round(cur, r)

    def update_round(self, r: Round) -> Round:
        old = self.round(r.id)
        self._check_round_refs(r)
        values = self._round_values(r)
        with self.db.transaction() as cur:
            lettered = {
                row[0]
                for row in cur.execute("SELECT contact_id FROM letters WHERE round_id=?", (r.id,))
            }
            dropped = lettered - set(r.interviewer_ids)
            if dropped:
                raise InvalidInput("an interviewer who already has your letter cannot be removed")
            cur.execute(
                "UPDATE rounds SET application_id=?, starts_at=?, ends_at=?, timezone=?, kind=?, "
                "title=?, topics=?, strengths=?, next_steps=?, decision_on=?, notes=? WHERE id=?",
                (*values, r.id),
            )
            if old.interviewer_ids != r.interviewer_ids:
                self._set_interviewers(cur, r)
        return r

    def delete_round(self, round_id: int) -> None:
        self.round(round_id)
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM rounds WHERE id=?", (round_id,))

    def round(self, round_id: int) -> Round:
        row = self._one(
            "SELECT * FROM rounds WHERE id=?", (round_id,), f"interview round {round_id}"
        )
        return self._round(row, self._interviewers([round_id]))

    def rounds(
        self, application_id: int | None = None, *, active_only: bool = False
    ) -> list[Round]:
        """All rounds (or one application's); ``active_only``: of applications still active."""
        if application_id is None:
            where = (
                (" WHERE application_id IN (SELECT id FROM applications WHERE status = 'active')")
                if active_only
                else ""
            )
            rows = self._all(f"SELECT * FROM rounds{where} ORDER BY starts_at, id")
            interviewers = self._interviewers(active_only=active_only)
        else:
            rows = self._all(
                "SELECT * FROM rounds WHERE application_id=? ORDER BY starts_at, id",
                (application_id,),
            )
            interviewers = self._interviewers(r["id"] for r in rows)
        return [self._round(row, interviewers) for row in rows]

    def round_ids_between(
        self, start: datetime, end: datetime, *, acted_since: datetime | None = None
    ) -> list[int]:
        """Ids of rounds that started in ``[start, end)``, and (``acted_since``) of rounds with
        a letter sent or a call made in ``[acted_since, end)``. Indexes keep it cheap."""
        args: list[str] = [to_db_time(start), to_db_time(end)]
        sql = "SELECT id FROM rounds WHERE (starts_at >= ? AND starts_at < ?)"
        if acted_since is not None:
            window = [to_db_time(acted_since), to_db_time(end)]
            sql += (
                " OR id IN (SELECT round_id FROM letters WHERE sent_at >= ? AND sent_at < ?)"
                " OR id IN (SELECT round_id FROM calls WHERE made_at >= ? AND made_at < ?)"
            )
            args += window + window
        return [row[0] for row in self.db.connection.execute(sql + " ORDER BY starts_at, id", args)]

    def rounds_of(self, round_ids: Sequence[int]) -> list[Round]:
        rows = self._chunked("SELECT * FROM rounds WHERE id IN ({})", round_ids)
        interviewers: dict[int, list[int]] = defaultdict(list)
        for row in self._chunked(
            "SELECT round_id, contact_id FROM round_interviewers WHERE "
            "round_id IN ({}) ORDER BY round_id, position",
            round_ids,
        ):
            interviewers[row["round_id"]].append(row["contact_id"])
        return [self._round(row, interviewers) for row in rows]

    # -- letters, calls, inquiries -------------------------------------------------------

    def letters(self, round_id: int | None = None) -> list[Letter]:
        sql = "SELECT * FROM letters" + (" WHERE round_id=?" if round_id is not None else "")
        rows = self._all(sql + " ORDER BY sent_at, id", (round_id,) if round_id is not None else ())
        return [_letter(r) for r in rows]

    def calls(self, round_id: int | None = None) -> list[Call]:
        sql = "SELECT * FROM calls" + (" WHERE round_id=?" if round_id is not None else "")
        rows = self._all(sql + " ORDER BY made_at, id", (round_id,) if round_id is not None else ())
        return [_call(r) for r in rows]

    def inquiries(self, application_id: int | None = None) -> list[Inquiry]:
        where = " WHERE application_id=?" if application_id is not None else ""
        rows = self._all(
            "SELECT * FROM inquiries" + where + " ORDER BY sent_at, id",
            (application_id,) if application_id is not None else (),
        )
        return [
            Inquiry(
                r["id"],
                r["application_id"],
                Channel(r["channel"]),
                from_db_time(r["sent_at"]),
                _override(r),
            )
            for r in rows
        ]

    def _chunked(self, sql: str, ids: Sequence[int]) -> list[sqlite3.Row]:
        """``sql`` with ``{}`` for a list of ids, in chunks below SQLite's parameter limit."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows += self._all(sql.format(",".join("?" * len(chunk))), chunk)
        return rows

    def letters_of(self, round_ids: Sequence[int]) -> list[Letter]:
        rows = self._chunked(
            "SELECT * FROM letters WHERE round_id IN ({}) ORDER BY sent_at, id", round_ids
        )
        return [_letter(r) for r in rows]

    def calls_of(self, round_ids: Sequence[int]) -> list[Call]:
        rows = self._chunked(
            "SELECT * FROM calls WHERE round_id IN ({}) ORDER BY made_at, id", round_ids
        )
        return [_call(r) for r in rows]

    def applications_of(self, app_ids: Iterable[int]) -> list[Application]:
        rows = self._chunked("SELECT * FROM applications WHERE id IN ({})", sorted(app_ids))
        return [self._application(r) for r in rows]

    @staticmethod
    def _override_values(override: Override | None) -> tuple[str | None, str | None, str | None]:
        if override is None:
            return (None, None, None)
        return (override.rule, override.reason, to_db_time(override.at))

    @classmethod
    def insert_letter(cls, cur: sqlite3.Cursor, letter: Letter) -> Letter:
        cur.execute(
            "INSERT INTO letters(id, round_id, contact_id, channel, sent_at, override_rule, "
            "override_reason, override_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                letter.id or None,
                letter.round_id,
                letter.contact_id,
                letter.channel.value,
                to_db_time(letter.sent_at),
                *cls._override_values(letter.override),
            ),
        )
        return replace(letter, id=int(cur.lastrowid or 0))

    @classmethod
    def insert_call(cls, cur: sqlite3.Cursor, call: Call) -> Call:
        cur.execute(
            "INSERT INTO calls(id, round_id, made_at, outcome, override_rule, override_reason, "
            "override_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                call.id or None,
                call.round_id,
                to_db_time(call.made_at),
                call.outcome,
                *cls._override_values(call.override),
            ),
        )
        return replace(call, id=int(cur.lastrowid or 0))

    @classmethod
    def insert_inquiry(cls, cur: sqlite3.Cursor, inquiry: Inquiry) -> Inquiry:
        cur.execute(
            "INSERT INTO inquiries(id, application_id, channel, sent_at, override_rule, "
            "override_reason, override_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                inquiry.id or None,
                inquiry.application_id,
                inquiry.channel.value,
                to_db_time(inquiry.sent_at),
                *cls._override_values(inquiry.override),
            ),
        )
        return replace(inquiry, id=int(cur.lastrowid or 0))

    def record_letter(
        self,
        round_id: int,
        contact_id: int,
        channel: Channel,
        sent_at: datetime,
        override: Override | None = None,
    ) -> Letter:
        """R1/R3: refused (``Refusal``) unless allowed or explicitly overridden."""
        r = self.round(round_id)
        contact = self.contact(contact_id)
        if contact_id not in r.interviewer_ids:
            raise InvalidInput(f"{contact.name} is not an interviewer of round {round_id}")
        try:
            rules.check_letter(
                r, contact_id, channel, sent_at, self.letters(round_id), {contact_id: contact.name}
            )
        except Refusal as refusal:
            if override is None or override.rule != refusal.rule:
                raise
        with self.db.transaction() as cur:
            letter = self.insert_letter(
                cur, Letter(0, round_id, contact_id, channel, sent_at, override)
            )
            cur.execute(
                "DELETE FROM drafts WHERE round_id=? AND contact_id=?", (round_id, contact_id)
            )
            return letter

    def record_call(
        self, round_id: int, made_at: datetime, outcome: str = "", override: Override | None = None
    ) -> Call:
        """R6: one call per round."""
        r = self.round(round_id)
        try:
            rules.check_call(r, made_at, self.calls(round_id))
        except Refusal as refusal:
            if override is None or override.rule != refusal.rule:
                raise
        with self.db.transaction() as cur:
            return self.insert_call(cur, Call(0, round_id, made_at, outcome, override))

    def record_inquiry(
        self,
        application_id: int,
        channel: Channel,
        sent_at: datetime,
        override: Override | None = None,
    ) -> Inquiry:
        self.application(application_id)
        try:
            rules.check_inquiry(application_id, self.inquiries(application_id))
        except Refusal as refusal:
            if override is None or override.rule != refusal.rule:
                raise
        with self.db.transaction() as cur:
            return self.insert_inquiry(cur, Inquiry(0, application_id, channel, sent_at, override))

    # -- drafts ---------------------------------------------------------------------------

    def save_draft(self, draft: Draft) -> None:
        """Upsert; one statement, so a kill mid-save leaves the previous draft intact."""
        with self.db.transaction() as cur:
            cur.execute(
                "INSERT INTO drafts(round_id, contact_id, channel, template, body, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(round_id, contact_id) DO UPDATE SET "
                "channel=excluded.channel, template=excluded.template, body=excluded.body, "
                "updated_at=excluded.updated_at",
                (
                    draft.round_id,
                    draft.contact_id,
                    draft.channel.value,
                    draft.template,
                    draft.body,
                    to_db_time(draft.updated_at),
                ),
            )

    def draft(self, round_id: int, contact_id: int) -> Draft | None:
        row = self.db.connection.execute(
            "SELECT * FROM drafts WHERE round_id=? AND contact_id=?", (round_id, contact_id)
        ).fetchone()
        if row is None:
            return None
        return Draft(
            row["round_id"],
            row["contact_id"],
            Channel(row["channel"]),
            row["template"],
            row["body"],
            from_db_time(row["updated_at"]),
        )

    def delete_draft(self, round_id: int, contact_id: int) -> None:
        with self.db.transaction() as cur:
            cur.execute(
                "DELETE FROM drafts WHERE round_id=? AND contact_id=?", (round_id, contact_id)
            )

    # -- reminders ------------------------------------------------------------------------

    def deliveries(self) -> dict[str, Delivery]:
        return {
            row["key"]: Delivery(
                from_db_time(row["delivered_at"]),
                from_db_time(row["snoozed_to"]) if row["snoozed_to"] else None,
            )
            for row in self._all("SELECT * FROM reminders")
        }

    def mark_delivered(self, keys: Sequence[str], now: datetime) -> None:
        """All at once: a crash never leaves some of a batch delivered and some not."""
        with self.db.transaction() as cur:
            cur.executemany(
                "INSERT INTO reminders(key, delivered_at) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET delivered_at = excluded.delivered_at",
                [(key, to_db_time(now)) for key in keys],
            )

    def snooze(self, keys: Sequence[str], until: datetime, now: datetime) -> None:
        with self.db.transaction() as cur:
            cur.executemany(
                "INSERT INTO reminders(key, delivered_at, snoozed_to) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET snoozed_to = excluded.snoozed_to",
                [(key, to_db_time(now), to_db_time(until)) for key in keys],
            )

    # -- delete with undo ---------------------------------------------------------------

    def _drafts_of(self, round_ids: Sequence[int]) -> tuple[Draft, ...]:
        found = []
        for round_id in round_ids:
            rows = self._all("SELECT contact_id FROM drafts WHERE round_id=?", (round_id,))
            found += [d for r in rows if (d := self.draft(round_id, r["contact_id"]))]
        return tuple(found)

    def delete_application_undoably(self, app_id: int) -> Snapshot:
        app = self.application(app_id)
        rounds = tuple(self.rounds(app_id))
        ids = [r.id for r in rounds]
        snapshot = Snapshot(
            app,
            rounds,
            tuple(x for x in self.letters() if x.round_id in ids),
            tuple(x for x in self.calls() if x.round_id in ids),
            tuple(self.inquiries(app_id)),
            self._drafts_of(ids),
        )
        self.delete_application(app_id)
        return snapshot

    def delete_round_undoably(self, round_id: int) -> Snapshot:
        r = self.round(round_id)
        snapshot = Snapshot(
            None,
            (r,),
            tuple(self.letters(round_id)),
            tuple(self.calls(round_id)),
            (),
            self._drafts_of([round_id]),
        )
        self.delete_round(round_id)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put a deleted application or round back, all of it or nothing."""
        with self.db.transaction() as cur:
            if snapshot.application is not None:
                self.insert_application(cur, snapshot.application)
            for r in snapshot.rounds:
                self.insert_round(cur, r)
            for letter in snapshot.letters:
                self.insert_letter(cur, letter)
            for call in snapshot.calls:
                self.insert_call(cur, call)
            for inquiry in snapshot.inquiries:
                self.insert_inquiry(cur, inquiry)
        for draft in snapshot.drafts:
            self.save_draft(draft)

    def set_status(self, app_id: int, status: Status, reason: str = "") -> Application:
        app = replace(self.application(app_id), status=status, status_reason=reason)
        return self.update_application(app)
