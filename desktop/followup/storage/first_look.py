"""A look at the database file before start-up opens it: is there nothing in it yet?

Then Today can only be the first-run page, and start-up shows that page with the window's
first paint instead of after the domain loads, the file opens and the views are built: a
new user's first start, and a start after an upgrade before anything was added. Read-only,
``sqlite3`` only (cheap to import), never an error: any doubt is "not known to be empty",
and start-up goes on as it always did.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from followup.storage.migrations import SCHEMA_VERSION

# A file holding no application is small (its settings, templates, a draft or two); past
# this the look is not worth its cost, and start-up goes the usual way.
MOST_BYTES = 1024 * 1024


def holds_nothing(path: Path) -> bool:
    """True when no file is there yet (start-up makes it) or the file is a sound database of
    this schema with no application, and no time zone of the user's own (the first page
    names the day in the system's zone). False otherwise, and whenever it cannot be told
    now (busy, unreadable, damaged, another schema)."""
    try:
        if not path.exists():
            return not Path(f"{path}-wal").exists()  # a journal without its file: not new
        size = path.stat().st_size + _size(Path(f"{path}-wal"))
        if size > MOST_BYTES:
            return False
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.2)
    except (OSError, ValueError, sqlite3.Error):
        return False
    try:
        return _empty(connection)
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _empty(connection: sqlite3.Connection) -> bool:
    if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False  # an older file is migrated first, a newer one refused: said later
    if connection.execute("SELECT 1 FROM applications LIMIT 1").fetchone() is not None:
        return False
    zone = connection.execute(
        "SELECT value FROM settings WHERE key = 'calendar.timezone'"
    ).fetchone()
    if zone is not None and zone[0] != '""':  # a zone chosen (the value is JSON text)
        return False
    # Last, as it reads the whole (small) file: a damaged one is said by start-up's check.
    return [row[0] for row in connection.execute("PRAGMA quick_check")] == ["ok"]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
