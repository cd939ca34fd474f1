"""The rolling daily backup on a connection of its own, so that it (and its quick check)
can run off the GUI thread while the app keeps writing.

In WAL mode a reader sees one consistent snapshot and never blocks the writer: the backup is
the database as of one moment, and every write made meanwhile stays in the file.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from followup.storage.database import Database


def backup_if_stale(path: Path, now: datetime, max_age_hours: float = 24) -> Path | None:
    """Take the daily backup of the file at ``path`` if the newest is older than a day."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        return Database(path, connection).backup_if_stale(now, max_age_hours)
    except sqlite3.Error as error:
        raise Database(path, connection).failure(error) from error
    finally:
        connection.close()
