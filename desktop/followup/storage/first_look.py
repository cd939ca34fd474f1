"""A look at the database file before start-up opens it: is there nothing in it yet?

Then Today can only be the first-run page, and start-up shows that page with the window's
first paint instead of after the domain loads, the file opens and the views are built: a
new user's first start, and a start after an upgrade before anything was added. Read-only
(SQLite makes its ``-wal`` and ``-shm`` files beside an existing database for any reader,
as the open right after does), ``sqlite3`` only (cheap to import), never an error: any doubt
is "not known to be empty", and start-up goes on as it always did.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from followup.paths import read_only_uri
from followup.storage.migrations import SCHEMA_VERSION

# A file holding no application is small (its settings, templates, a draft or two); past
# this the look is not worth its cost, and start-up goes the usual way.
MOST_BYTES = 1024 * 1024


def holds_nothing(path: Path) -> bool:
    """True when no file is there yet and start-up can make it, or the file is a sound
    database of this schema with no application, and no time zone of the user's own (the
    first page names the day in the system's zone). False otherwise, and whenever it cannot
    be told now (busy, unreadable, damaged, another schema, not a plain file)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return _can_make(path)
    except (OSError, ValueError):
        return False
    try:
        if not stat.S_ISREG(info.st_mode):  # a pipe would block the reader
            return False
        if info.st_size + _size(Path(f"{path}-wal")) > MOST_BYTES:
            return False
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.2)
    except (OSError, ValueError, sqlite3.Error):
        return False
    try:
        return _empty(connection)
    except (sqlite3.Error, ValueError):
        return False
    finally:
        connection.close()


def _can_make(path: Path) -> bool:
    """No file: start-up makes it, unless its folder cannot be written (then it says so at
    once, and the first page would only flash before that), or a journal is left without
    its file (something is wrong: the usual start finds out)."""
    if Path(f"{path}-wal").exists() or path.is_symlink():  # a link to nowhere
        return False
    folder = path.parent
    while not folder.exists():  # made with the file: the nearest folder that is must allow it
        if folder.parent == folder:
            return False
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _empty(connection: sqlite3.Connection) -> bool:
    if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False  # an older file is migrated first, a newer one refused: said later
    if connection.execute("SELECT 1 FROM applications LIMIT 1").fetchone() is not None:
        return False
    zone = connection.execute(
        "SELECT value FROM settings WHERE key = 'calendar.timezone'"
    ).fetchone()
    if zone is not None:  # stored as JSON text; "" is the system's zone
        import json  # noqa: PLC0415  (only here: 2 ms before the first paint)

        if json.loads(zone[0]) != "":
            return False
    # Last, as it reads the whole (small) file: a damaged one is said by start-up's check.
    return [row[0] for row in connection.execute("PRAGMA quick_check")] == ["ok"]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
