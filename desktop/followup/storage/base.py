"""What every part of the store shares: the connection, queries, time and row conversion."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from followup.errors import NotFound
from followup.model import (
    Call,
    Channel,
    Letter,
    Override,
)
from followup.storage.database import Database


def to_db_time(value: datetime) -> str:
    """UTC, second precision, so text order is time order."""
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_db_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def day_from_text(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def override_from_row(row: sqlite3.Row) -> Override | None:
    if row["override_rule"] is None:
        return None
    return Override(
        row["override_rule"], row["override_reason"] or "", from_db_time(row["override_at"])
    )


def letter_from_row(row: sqlite3.Row) -> Letter:
    return Letter(
        row["id"],
        row["round_id"],
        row["contact_id"],
        Channel(row["channel"]),
        from_db_time(row["sent_at"]),
        override_from_row(row),
    )


def call_from_row(row: sqlite3.Row) -> Call:
    return Call(
        row["id"],
        row["round_id"],
        from_db_time(row["made_at"]),
        row["outcome"],
        override_from_row(row),
    )


class Store:
    """One database; each public write of the parts built on this is one transaction."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self.db.connection.row_factory = sqlite3.Row

    def _one(self, sql: str, args: Sequence[Any], what: str) -> sqlite3.Row:
        try:
            row: sqlite3.Row | None = self.db.connection.execute(sql, args).fetchone()
        except OverflowError:  # an id beyond SQLite's integers names nothing
            row = None
        if row is None:
            raise NotFound(f"no {what}")
        return row

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self.db.connection.execute(sql, args).fetchall()

    def _chunked(self, sql: str, ids: Sequence[int]) -> list[sqlite3.Row]:
        """``sql`` with ``{}`` for a list of ids, in chunks below SQLite's parameter limit."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows += self._all(sql.format(",".join("?" * len(chunk))), chunk)
        return rows
