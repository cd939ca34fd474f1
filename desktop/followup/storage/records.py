"""Contacts, applications and interview rounds: add, read, edit, delete."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from followup.errors import InvalidInput
from followup.model import (
    Application,
    Contact,
    PostalAddress,
    Round,
    RoundKind,
    Source,
    Status,
)
from followup.storage.base import Store, day_from_text, from_db_time, to_db_time


class Records(Store):
    """Contacts, applications and rounds; references are checked before writing."""

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
        contact.check()
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
        contact.check()
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
            applied_on=day_from_text(row["applied_on"]),
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
        app.check()
        cur.execute(
            "INSERT INTO applications(id, company, role, posting_url, applied_on, source, status, "
            "status_reason, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (app.id or None, *cls._app_values(app)),
        )
        return replace(app, id=int(cur.lastrowid or 0))

    def add_application(self, app: Application) -> Application:
        app.check()
        if app.contact_id is not None:
            self.contact(app.contact_id)
        with self.db.transaction() as cur:
            return self.insert_application(cur, app)

    def update_application(self, app: Application) -> Application:
        app.check()
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

    def has_applications(self) -> bool:
        return (
            self.db.connection.execute("SELECT 1 FROM applications LIMIT 1").fetchone() is not None
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
            decision_on=day_from_text(row["decision_on"]),
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
        r.check()
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
        r.check()
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
        r.check()
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

    def applications_of(self, app_ids: Iterable[int]) -> list[Application]:
        rows = self._chunked("SELECT * FROM applications WHERE id IN ({})", sorted(app_ids))
        return [self._application(r) for r in rows]

    def set_status(self, app_id: int, status: Status, reason: str = "") -> Application:
        app = replace(self.application(app_id), status=status, status_reason=reason)
        return self.update_application(app)
