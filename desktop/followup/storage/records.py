"""Contacts, applications and interview rounds: add, read, edit, delete."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from followup.errors import InvalidInput, NotFound
from followup.model import Application, Call, Contact, Inquiry, Letter, Round, Status
from followup.storage import row_values
from followup.storage.base import Store, to_db_time
from followup.storage.database import Database
from followup.unreadable import Unreadable

V = TypeVar("V", Application, Round, Contact, Letter, Call, Inquiry)


class Records(Store):
    """Contacts, applications and rounds; references are checked before writing.

    A stored row that no longer makes a valid value (an old version's, a hand edit) is left
    out of lists and kept in ``unreadable()`` with its reason, so the app still starts and
    lists, and the user can fix or delete it.
    """

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self._unreadable: dict[tuple[str, int], Unreadable] = {}

    def unreadable(self) -> list[Unreadable]:
        """The records met so far (in any list or look-up) that cannot be read as they are."""
        return sorted(self._unreadable.values(), key=lambda u: (u.kind, u.id))

    def _readable(self, made: V | Unreadable, kind: str, row_id: int) -> V | None:
        if isinstance(made, Unreadable):
            self._unreadable[(kind, row_id)] = made
            return None
        self._unreadable.pop((kind, row_id), None)
        return made

    def _only(self, made: V | Unreadable, kind: str, row_id: int) -> V:
        """One record asked for by id: a bad one is named with its reason."""
        value = self._readable(made, kind, row_id)
        if value is None:
            raise InvalidInput(self._unreadable[(kind, row_id)].message())
        return value

    def _forget_unreadable(self, kind: str) -> None:
        """Before a full list of a kind: what it does not meet again was fixed or deleted."""
        self._unreadable = {k: u for k, u in self._unreadable.items() if k[0] != kind}

    def unreadable_record(self, kind: str, row_id: int) -> Unreadable | None:
        """What is wrong with one record met so far, or None when it could be read."""
        return self._unreadable.get((kind, row_id))

    def as_read(self, kind: str, row_id: int) -> Application | Round | None:
        """An unreadable record's repaired value (bad fields replaced), else None."""
        found = self._unreadable.get((kind, row_id))
        repaired = found.repaired if found is not None else None
        return repaired if isinstance(repaired, Application | Round) else None

    def _exists(self, table: str, row_id: int, kind: str) -> None:
        self._one(f"SELECT 1 FROM {table} WHERE id=?", row_id, kind)

    # -- contacts -------------------------------------------------------------------------

    def _contact(self, row: sqlite3.Row) -> Contact | None:
        return self._readable(row_values.contact(row), "contact", row["id"])

    @staticmethod
    def insert_contact(cur: sqlite3.Cursor, contact: Contact) -> Contact:
        """Insert inside the caller's transaction; id 0 means a new id."""
        contact.check()
        cur.execute(
            "INSERT INTO contacts(id, name, title, company, email, phone, address) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                contact.id or None,
                contact.name,
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
        self._exists("contacts", contact.id, "contact")
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE contacts SET name=?, title=?, company=?, email=?, phone=?, address=? "
                "WHERE id=?",
                (
                    contact.name,
                    contact.title,
                    contact.company,
                    contact.email,
                    contact.phone,
                    str(contact.address),
                    contact.id,
                ),
            )
        self._unreadable.pop(("contact", contact.id), None)  # fixed, if it was unreadable
        return contact

    def delete_contact(self, contact_id: int, *, with_drafts: bool = False) -> None:
        """Delete a contact. A letter drafted to them and not sent would go with them (drafts
        belong to their recipient): that is refused unless ``with_drafts`` says the user
        chose it, so no typed letter disappears as a side effect."""
        self._exists("contacts", contact_id, "contact")
        try:
            with self.db.transaction() as cur:
                if not with_drafts:
                    drafted = cur.execute(
                        "SELECT round_id FROM drafts WHERE contact_id=? "
                        "AND trim(body, ' ' || char(9, 10, 13)) != '' ORDER BY round_id",
                        (contact_id,),
                    ).fetchall()
                    if drafted:
                        rounds = ", ".join(str(row[0]) for row in drafted)
                        raise InvalidInput(
                            f"contact {contact_id} has an unsent letter drafted to them "
                            f"(round {rounds}); send it, or clear it in the composer, first"
                        )
                cur.execute("DELETE FROM contacts WHERE id=?", (contact_id,))
        except sqlite3.IntegrityError as error:
            raise InvalidInput(
                f"contact {contact_id} is an interviewer or has a letter on record; "
                "remove them from those rounds first"
            ) from error

    def contact(self, contact_id: int) -> Contact:
        row = self._one("SELECT * FROM contacts WHERE id=?", contact_id, "contact")
        return self._only(row_values.contact(row), "contact", contact_id)

    def contact_names(self, ids: Sequence[int] | None = None) -> dict[int, str]:
        """Just the names (of ``ids`` only, when given): what plans need, without building
        every contact."""
        if ids is None:
            rows: Iterable[sqlite3.Row] = self.db.connection.execute(
                "SELECT id, name FROM contacts"
            )
        else:
            rows = self._chunked("SELECT id, name FROM contacts WHERE id IN ({})", ids)
        return {row[0]: row[1] for row in rows}

    def contacts(self) -> list[Contact]:
        rows = self._all("SELECT * FROM contacts ORDER BY name, id")
        self._forget_unreadable("contact")
        return [c for r in rows if (c := self._contact(r)) is not None]

    # -- applications ---------------------------------------------------------------------

    def _application(self, row: sqlite3.Row) -> Application | None:
        return self._readable(row_values.application(row), "application", row["id"])

    @staticmethod
    def _app_values(app: Application) -> tuple[Any, ...]:
        return (
            app.company,
            app.role,
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
        self._exists("applications", app.id, "application")
        if app.contact_id is not None:
            self.contact(app.contact_id)
        values = self._app_values(app)
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE applications SET company=?, role=?, posting_url=?, applied_on=?, source=?, "
                "status=?, status_reason=?, contact_id=? WHERE id=?",
                (*values, app.id),
            )
        self._unreadable.pop(("application", app.id), None)
        return app

    def delete_application(self, app_id: int) -> None:
        self._exists("applications", app_id, "application")
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM applications WHERE id=?", (app_id,))

    def application(self, app_id: int) -> Application:
        row = self._one("SELECT * FROM applications WHERE id=?", app_id, "application")
        return self._only(row_values.application(row), "application", app_id)

    def has_applications(self) -> bool:
        return (
            self.db.connection.execute("SELECT 1 FROM applications LIMIT 1").fetchone() is not None
        )

    def applications(self, *, active_only: bool = False) -> list[Application]:
        where = " WHERE status = 'active'" if active_only else ""
        rows = self._all(f"SELECT * FROM applications{where} ORDER BY id")
        if not active_only:
            self._forget_unreadable("application")
        return [a for r in rows if (a := self._application(r)) is not None]

    # -- rounds ---------------------------------------------------------------------------

    def _round(self, row: sqlite3.Row, interviewers: dict[int, list[int]]) -> Round | None:
        made = row_values.round_(row, tuple(interviewers.get(row["id"], ())))
        return self._readable(made, "interview round", row["id"])

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
        self._exists("applications", r.application_id, "application")
        for contact_id in r.interviewer_ids:
            try:
                self.contact(contact_id)
            except InvalidInput as error:  # said beside the interviewers
                if isinstance(error, NotFound):
                    raise NotFound(str(error), "interviewer_ids", error.kind) from error
                raise InvalidInput(str(error), "interviewer_ids") from error

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
        self._exists("rounds", r.id, "interview round")
        old_interviewers = tuple(self._interviewers([r.id]).get(r.id, ()))
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
            if old_interviewers != r.interviewer_ids:
                self._set_interviewers(cur, r)
        self._unreadable.pop(("interview round", r.id), None)
        return r

    def delete_round(self, round_id: int) -> None:
        self._exists("rounds", round_id, "interview round")
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM rounds WHERE id=?", (round_id,))

    def round(self, round_id: int) -> Round:
        row = self._one("SELECT * FROM rounds WHERE id=?", round_id, "interview round")
        made = row_values.round_(row, tuple(self._interviewers([round_id]).get(round_id, ())))
        return self._only(made, "interview round", round_id)

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
            if not active_only:
                self._forget_unreadable("interview round")
        else:
            rows = self._all(
                "SELECT * FROM rounds WHERE application_id=? ORDER BY starts_at, id",
                (application_id,),
            )
            interviewers = self._interviewers(r["id"] for r in rows)
        return [r for row in rows if (r := self._round(row, interviewers)) is not None]

    def rounds_in_play(self, ended_since: datetime, sent_since: datetime) -> list[Round]:
        """Rounds of active applications that ended at or after ``ended_since``, have a call on
        record, or a letter sent at or after ``sent_since``: what a start-up plans first (see
        ``today_plans.plans_for_today``). In the order of ``rounds()``."""
        active = "application_id IN (SELECT id FROM applications WHERE status = 'active')"
        in_play = (
            f"{active} AND (ends_at >= ? OR id IN (SELECT round_id FROM calls)"
            " OR id IN (SELECT round_id FROM letters WHERE sent_at >= ?))"
        )
        args = [to_db_time(ended_since), to_db_time(sent_since)]
        rows = self._all(f"SELECT * FROM rounds WHERE {in_play} ORDER BY starts_at, id", args)
        interviewers: dict[int, list[int]] = {}
        for row in self._chunked(  # by the ids found: a third of the time of asking again
            "SELECT round_id, contact_id FROM round_interviewers WHERE round_id IN ({}) "
            "ORDER BY round_id, position",
            [row["id"] for row in rows],
        ):
            interviewers.setdefault(row["round_id"], []).append(row["contact_id"])
        return [r for row in rows if (r := self._round(row, interviewers)) is not None]

    def round_ids_of(self, app_ids: Sequence[int]) -> list[int]:
        """The ids of these applications' rounds."""
        rows = self._chunked("SELECT id FROM rounds WHERE application_id IN ({})", app_ids)
        return [row[0] for row in rows]

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
        return [r for row in rows if (r := self._round(row, interviewers)) is not None]

    def company_names(self, app_ids: Iterable[int]) -> dict[int, str]:
        """Just the companies of these applications, by id (a calendar names them on its
        cells), without building each application. Only what plans can name is asked for:
        an application that cannot be read has none."""
        rows = self._chunked(
            "SELECT id, company FROM applications WHERE id IN ({})", sorted(app_ids)
        )
        return {row[0]: row[1] for row in rows if isinstance(row[1], str)}

    def applications_of(self, app_ids: Iterable[int]) -> list[Application]:
        rows = self._chunked("SELECT * FROM applications WHERE id IN ({})", sorted(app_ids))
        return [a for r in rows if (a := self._application(r)) is not None]

    def set_status(self, app_id: int, status: Status, reason: str = "") -> Application:
        app = replace(self.application(app_id), status=status, status_reason=reason)
        return self.update_application(app)
