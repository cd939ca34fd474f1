"""Delete with undo: everything a delete removes is kept, so it can be put back exactly.

Ids are never reused (AUTOINCREMENT), so putting records back under their old ids can never
collide with a record made since; an undo that still cannot apply (an interviewer deleted
meanwhile, or it was already undone) raises ``CannotUndo`` and changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from followup.errors import CannotUndo, InvalidInput
from followup.model import (
    Application,
    Call,
    Draft,
    Inquiry,
    Letter,
    Round,
)
from followup.reminders import Delivery
from followup.storage.base import from_db_time, to_db_time
from followup.storage.history import History
from followup.storage.user_state import UserState

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a delete removes, so that undo can put it back exactly (same ids)."""

    application: Application | None
    rounds: tuple[Round, ...]
    letters: tuple[Letter, ...]
    calls: tuple[Call, ...]
    inquiries: tuple[Inquiry, ...]
    drafts: tuple[Draft, ...]
    # Reminder deliveries of the removed records (key -> delivery), so undo does not
    # remind again of what was already shown.
    deliveries: tuple[tuple[str, Delivery], ...] = ()
    # Letters, calls and inquiries that could not be read as stored (an old version's or a
    # hand edit's values): kept byte for byte as (table, row), so undo loses none of them.
    unreadable_rows: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()


class Undo(History, UserState):
    """Deletes that return a ``Snapshot``; ``restore`` puts it all back in one transaction."""

    # -- delete with undo ---------------------------------------------------------------

    def _drafts_of(self, round_ids: Sequence[int]) -> tuple[Draft, ...]:
        found = []
        for round_id in round_ids:
            rows = self._all("SELECT contact_id FROM drafts WHERE round_id=?", (round_id,))
            found += [d for r in rows if (d := self.draft(round_id, r["contact_id"]))]
        return tuple(found)

    def _deliveries_of(self, prefixes: Sequence[str]) -> tuple[tuple[str, Delivery], ...]:
        found: list[tuple[str, Delivery]] = []
        for prefix in prefixes:
            for row in self._all("SELECT * FROM reminders WHERE key GLOB ?", (prefix + "*",)):
                snoozed = from_db_time(row["snoozed_to"]) if row["snoozed_to"] else None
                found.append((row["key"], Delivery(from_db_time(row["delivered_at"]), snoozed)))
        return tuple(found)

    def _raw_rest(
        self, table: str, column: str, keys: Sequence[int], kept: Sequence[Any]
    ) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
        """The rows of ``table`` under ``keys`` that were not read as values, text as bytes
        (exactly as stored, even when not UTF-8)."""
        known = {record.id for record in kept}
        connection = self.db.connection
        factory = connection.text_factory
        connection.text_factory = bytes
        try:
            rows = self._chunked(f"SELECT * FROM {table} WHERE {column} IN ({{}})", keys)
        finally:
            connection.text_factory = factory
        return tuple((table, tuple(dict(row).items())) for row in rows if row["id"] not in known)

    def _read_anyway(self, kind: str, row_id: int, read: Callable[[int], T]) -> T:
        """The record; one that cannot be read as stored comes back repaired on undo."""
        try:
            return read(row_id)
        except InvalidInput:
            repaired = self.as_read(kind, row_id)
            if repaired is None:
                raise
            return cast(T, repaired)

    def _unreadable_rounds(self, app_id: int) -> tuple[Round, ...]:
        return tuple(
            u.repaired
            for u in self.unreadable()
            if isinstance(u.repaired, Round) and u.repaired.application_id == app_id
        )

    def delete_application_undoably(self, app_id: int) -> Snapshot:
        """Delete an application with everything it has; one transaction, read and write."""
        with self.db.transaction() as cur:
            app = self._read_anyway("application", app_id, self.application)
            rounds = tuple(self.rounds(app_id)) + self._unreadable_rounds(app_id)
            ids = [r.id for r in rounds]
            letters, calls = tuple(self.letters_of(ids)), tuple(self.calls_of(ids))
            inquiries = tuple(self.inquiries(app_id))
            snapshot = Snapshot(
                app,
                rounds,
                letters,
                calls,
                inquiries,
                self._drafts_of(ids),
                self._deliveries_of([f"app-{app_id}-", *(f"round-{i}-" for i in ids)]),
                self._raw_rest("letters", "round_id", ids, letters)
                + self._raw_rest("calls", "round_id", ids, calls)
                + self._raw_rest("inquiries", "application_id", [app_id], inquiries),
            )
            cur.execute("DELETE FROM applications WHERE id=?", (app_id,))
        return snapshot

    def delete_round_undoably(self, round_id: int) -> Snapshot:
        """Delete a round with its letters, call and drafts; one transaction."""
        with self.db.transaction() as cur:
            r = self._read_anyway("interview round", round_id, self.round)
            letters, calls = tuple(self.letters(round_id)), tuple(self.calls(round_id))
            snapshot = Snapshot(
                None,
                (r,),
                letters,
                calls,
                (),
                self._drafts_of([round_id]),
                self._deliveries_of([f"round-{round_id}-"]),
                self._raw_rest("letters", "round_id", [round_id], letters)
                + self._raw_rest("calls", "round_id", [round_id], calls),
            )
            cur.execute("DELETE FROM rounds WHERE id=?", (round_id,))
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put a deleted application or round back, all of it or nothing (``CannotUndo``)."""
        with self.db.transaction() as cur:
            self._refuse_if_present(cur, snapshot)
            try:
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
                    self.insert_draft(cur, draft)
                if snapshot.unreadable_rows:  # back as they were, values refused today too
                    cur.execute("PRAGMA ignore_check_constraints = ON")
                for table, row in snapshot.unreadable_rows:
                    names = ", ".join(name for name, _value in row)
                    places = ", ".join(
                        "CAST(? AS TEXT)" if isinstance(value, bytes) else "?" for _n, value in row
                    )
                    cur.execute(
                        f"INSERT INTO {table} ({names}) VALUES ({places})",
                        [value for _name, value in row],
                    )
                cur.execute("PRAGMA ignore_check_constraints = OFF")
                cur.executemany(
                    "INSERT OR REPLACE INTO reminders(key, delivered_at, snoozed_to) "
                    "VALUES (?, ?, ?)",
                    [
                        (
                            key,
                            to_db_time(d.delivered_at),
                            to_db_time(d.snoozed_to) if d.snoozed_to else None,
                        )
                        for key, d in snapshot.deliveries
                    ],
                )
            except sqlite3.IntegrityError as error:
                cur.execute("PRAGMA ignore_check_constraints = OFF")
                raise CannotUndo(
                    f"The delete cannot be undone: {_what(snapshot)} refers to something "
                    f"removed since (an interviewer or its application). Nothing was changed."
                ) from error

    def _refuse_if_present(self, cur: sqlite3.Cursor, snapshot: Snapshot) -> None:
        """Undo twice (or after another program put it back) would duplicate: refuse."""
        present = False
        if snapshot.application is not None:
            present = bool(
                cur.execute(
                    "SELECT 1 FROM applications WHERE id=?", (snapshot.application.id,)
                ).fetchone()
            )
        for r in snapshot.rounds:
            present = present or bool(
                cur.execute("SELECT 1 FROM rounds WHERE id=?", (r.id,)).fetchone()
            )
        if present:
            raise CannotUndo(
                f"The delete cannot be undone: {_what(snapshot)} is already back. "
                "Nothing was changed."
            )


def _what(snapshot: Snapshot) -> str:
    if snapshot.application is not None:
        return f"the application {snapshot.application.company} — {snapshot.application.role}"
    return "the interview round"
