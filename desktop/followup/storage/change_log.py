"""Which applications this connection's writes touched since it last asked.

TEMP triggers (they live only on this connection, never in the file) note the application
of every application, round, interviewer, letter, call and inquiry written. The app uses it
to recompute plans and update the rows of that application alone, whichever code path did
the write (dialogs, undo, import). Another program's writes are not seen here: those, and a
change to a contact (whose name shows on many rounds), mean "everything".
"""

from __future__ import annotations

import sqlite3

EVERYTHING = -1
_EVENTS = (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",)))
_SOURCES = {
    # table: the application id of a row (NEW or OLD)
    "applications": "{row}.id",
    "rounds": "{row}.application_id",
    "inquiries": "{row}.application_id",
    "letters": "(SELECT application_id FROM main.rounds WHERE id = {row}.round_id)",
    "calls": "(SELECT application_id FROM main.rounds WHERE id = {row}.round_id)",
    "round_interviewers": "(SELECT application_id FROM main.rounds WHERE id = {row}.round_id)",
    "contacts": str(EVERYTHING),
}


class ChangeLog:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        statements = ["CREATE TEMP TABLE IF NOT EXISTS touched_applications (id INTEGER)"]
        for table, source in _SOURCES.items():
            for event, rows in _EVENTS:
                values = " ".join(
                    f"INSERT INTO touched_applications VALUES ({source.format(row=row)});"
                    for row in rows
                )
                statements.append(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS touched_{table}_{event.lower()} "
                    f"AFTER {event} ON main.{table} BEGIN {values} END"
                )
        for statement in statements:
            connection.execute(statement)

    def take(self) -> frozenset[int] | None:
        """Application ids written since the last call; None when it must be everything."""
        rows = self.connection.execute(
            "SELECT DISTINCT id FROM temp.touched_applications WHERE id IS NOT NULL"
        ).fetchall()
        self.connection.execute("DELETE FROM temp.touched_applications")
        ids = frozenset(int(r[0]) for r in rows)
        return None if EVERYTHING in ids else ids
