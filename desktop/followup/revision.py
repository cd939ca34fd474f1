"""The file's revision: a token every change to what plans are made of replaces, in the same
transaction, whichever program writes (schema 8's triggers). A copy of something computed
from the data (Today's cards kept for start-up) is good only while the token is the same.

Cheap to import (``sqlite3`` only): start-up reads it before the rest of the domain.
"""

from __future__ import annotations

import sqlite3


def revision(connection: sqlite3.Connection) -> str | None:
    """The current token, as hex; None when the file has none (an older schema) or cannot
    be read now."""
    try:
        row = connection.execute("SELECT hex(token) FROM revision").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None
