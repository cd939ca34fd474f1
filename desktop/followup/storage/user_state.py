"""The user's own state: settings, drafts being written, reminders delivered or snoozed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from followup.model import (
    Channel,
    Draft,
)
from followup.reminders import Delivery
from followup.storage.base import Store, from_db_time, to_db_time
from followup.storage.database import Database
from followup.storage.row_values import shown


class UserState(Store):
    """Settings, drafts and reminder deliveries."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self._unreadable_settings: dict[str, str] = {}

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The stored settings that can be read. A value that is not JSON (a hand edit, another
        program's write) is left out, so its default is used, and named by
        ``unreadable_settings``: it must never stop the app or a command from starting.
        Saving the setting again replaces it."""
        values: dict[str, Any] = {}
        unreadable: dict[str, str] = {}
        for row in self._all("SELECT key, value FROM settings"):
            key, raw = row["key"], row["value"]
            if not isinstance(key, str):
                continue  # no setting has such a name
            try:
                if not isinstance(raw, str):
                    raise TypeError("not text")
                values[key] = json.loads(raw)
            except (ValueError, TypeError, RecursionError):
                unreadable[key] = f"the stored value {shown(raw)} cannot be read"
        self._unreadable_settings = unreadable
        return values

    def unreadable_settings(self) -> dict[str, str]:
        """Key → why, for the values the last ``settings()`` left out."""
        return dict(self._unreadable_settings)

    def save_settings(self, values: dict[str, Any]) -> None:
        with self.db.transaction() as cur:
            cur.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(key, json.dumps(value)) for key, value in values.items()],
            )

    # -- drafts ---------------------------------------------------------------------------

    def save_draft(self, draft: Draft) -> None:
        """Upsert; one statement, so a kill mid-save leaves the previous draft intact."""
        with self.db.transaction() as cur:
            self.insert_draft(cur, draft)

    @staticmethod
    def insert_draft(cur: sqlite3.Cursor, draft: Draft) -> None:
        """Insert or replace inside the caller's transaction."""
        insert_draft(cur, draft)

    def drafts(self) -> list[Draft]:
        rows = self.db.connection.execute("SELECT round_id, contact_id FROM drafts").fetchall()
        return [d for r in rows if (d := self.draft(r[0], r[1])) is not None]

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
            row["subject"],
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


def insert_draft(cur: sqlite3.Cursor, draft: Draft, *, keep_existing: bool = False) -> bool:
    """Insert inside the caller's transaction, replacing the draft to that person (or,
    ``keep_existing``, leaving one that is there); True when this one was written."""
    draft.check()
    on_conflict = (
        "DO NOTHING"
        if keep_existing
        else "DO UPDATE SET channel=excluded.channel, template=excluded.template, "
        "body=excluded.body, updated_at=excluded.updated_at, subject=excluded.subject"
    )
    cur.execute(
        "INSERT INTO drafts(round_id, contact_id, channel, template, body, updated_at, "
        f"subject) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(round_id, contact_id) {on_conflict}",
        (
            draft.round_id,
            draft.contact_id,
            draft.channel.value,
            draft.template,
            draft.body,
            to_db_time(draft.updated_at),
            draft.subject,
        ),
    )
    return cur.rowcount == 1
