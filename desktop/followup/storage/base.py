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

    def _one(self, sql: str, row_id: int, kind: str) -> sqlite3.Row:
        """The row of ``sql`` (``WHERE id=?``) for ``row_id``; none is ``NotFound`` naming
        the ``kind`` of record ("interview round") and the id."""
        try:
            found = self._rows(sql, (row_id,), one=True)
        except OverflowError:  # an id beyond SQLite's integers names nothing
            found = []
        if not found:
            raise NotFound(f"no {kind} {row_id}", kind=kind)
        return found[0]

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._rows(sql, args)

    def _rows(self, sql: str, args: Sequence[Any], *, one: bool = False) -> list[sqlite3.Row]:
        """The rows; text that is not UTF-8 (a hand edit's bytes) is read with each bad byte
        as a lone surrogate, which the value rules then name, instead of failing the query."""
        connection = self.db.connection
        try:
            return _fetched(connection.execute(sql, args), one)
        except sqlite3.OperationalError as error:
            if "decode" not in str(error):
                raise
        connection.text_factory = _lenient_text
        try:
            return _fetched(connection.execute(sql, args), one)
        finally:
            connection.text_factory = str

    def _chunked(self, sql: str, ids: Sequence[int]) -> list[sqlite3.Row]:
        """``sql`` with ``{}`` for a list of ids, in chunks below SQLite's parameter limit."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows += self._all(sql.format(",".join("?" * len(chunk))), chunk)
        return rows


def _fetched(cursor: sqlite3.Cursor, one: bool) -> list[sqlite3.Row]:
    if one:
        row = cursor.fetchone()
        return [] if row is None else [row]
    return cursor.fetchall()


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")
