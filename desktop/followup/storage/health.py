"""Is the file healthy, damaged, or only unavailable? Asked before anything is written.

Damage (an empty or truncated file, a bad header, a page SQLite's own check rejects) means
a backup may help. Unavailable (another program holds the lock, the file or its folder is
read-only, the disk is full) means it will not: the file is fine and must not be replaced.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Sequence
from pathlib import Path

from followup.errors import CorruptDatabase, DatabaseUnavailable, FollowUpError
from followup.paths import read_only_uri

SQLITE_HEADER = b"SQLite format 3\x00"
# Below this size the full integrity_check (indexes against tables too) is cheap enough for
# every start; above it, quick_check (every page and record, not index contents).
FULL_CHECK_BYTES = 2 * 1024 * 1024
CHECK_WAIT_S = 1.0  # how long the check waits for another program's lock

_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_FORMAT}


def problem(path: Path, *, immutable: bool = False, full: bool | None = None) -> str | None:
    """What is wrong with the file, in words, or None when it is healthy.

    Reads only; never writes the file. ``DatabaseUnavailable`` when it cannot be read now.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe would block the read below for good
            raise not_a_file(path)
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as error:
        raise unavailable(path, error) from error
    if size == 0:
        return "the file is empty (0 bytes): its data is gone"
    if not head.startswith(SQLITE_HEADER):
        return "not an SQLite database (its header is damaged or it is another kind of file)"
    truncated = _truncated(path, head, size)
    if truncated:
        return truncated
    full = size <= FULL_CHECK_BYTES if full is None else full
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    had = [companion.exists() for companion in companions]
    found = _checked(path, immutable=immutable, full=full)
    if found and not had[0] and companions[0].exists() and companions[0].stat().st_size == 0:
        for companion, existed in zip(companions, had, strict=True):
            if not existed:  # leave a damaged file exactly as it was found
                companion.unlink(missing_ok=True)
    return found


def _checked(path: Path, *, immutable: bool, full: bool) -> str | None:
    """SQLite's own check, through a connection that cannot write."""
    try:
        # A second, not SQLite's five: another program's lock must not freeze the start.
        connection = sqlite3.connect(
            read_only_uri(path, immutable=immutable), uri=True, timeout=CHECK_WAIT_S
        )
    except sqlite3.Error as error:
        raise classify(path, error, ()) from error
    try:
        pragma = "integrity_check(20)" if full else "quick_check(20)"
        rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    except sqlite3.Error as error:
        found = classify(path, error, ())
        if isinstance(found, CorruptDatabase):
            return str(error)
        raise found from error
    finally:
        connection.close()
    if rows == ["ok"]:
        return None
    more = f" (and {len(rows) - 1} more problems)" if len(rows) > 1 else ""
    return " ".join(rows[0].split()) + more


def _truncated(path: Path, head: bytes, size: int) -> str | None:
    """A file shorter than the pages its header counts (when the count is current and no
    write-ahead log holds newer pages) lost its end."""
    if len(head) < 100:
        return "the file is truncated (shorter than its header)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    counter, valid_for = head[24:28], head[92:96]
    wal = path.with_name(path.name + "-wal")
    if counter != valid_for or (wal.exists() and wal.stat().st_size > 0):
        return None
    if page_size and pages and size < pages * page_size:
        return f"the file is truncated ({size} bytes of {pages * page_size})"
    return None


def classify(path: Path, error: BaseException, backups: Sequence[Path]) -> FollowUpError:
    """Damage (``CorruptDatabase``: a backup may help) or unavailable (``DatabaseUnavailable``:
    busy, read-only, full; restoring would not help and must not be offered)."""
    if isinstance(error, OSError):
        return unavailable(path, error)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _DAMAGE or (primary is None and "malformed" in str(error)):
        return CorruptDatabase(str(path), str(error), [str(p) for p in backups])
    if primary in _BUSY:
        return DatabaseUnavailable(
            str(path),
            "busy",
            f"The database {path} is busy: another program is writing to it. "
            "Nothing was written; try again in a moment.",
        )
    if primary == sqlite3.SQLITE_READONLY:
        return read_only(path)
    if primary == sqlite3.SQLITE_FULL:
        return DatabaseUnavailable(
            str(path),
            "full",
            f"The disk holding {path} is full. Nothing was written; free some space and try again.",
        )
    if primary == sqlite3.SQLITE_CANTOPEN and not writable(path):
        return read_only(path)
    return DatabaseUnavailable(
        str(path),
        "unreachable",
        f"The database {path} cannot be used right now ({error}). Nothing was written; "
        "it is not known to be damaged.",
    )


def unavailable(path: Path, error: OSError) -> DatabaseUnavailable:
    """An operating-system refusal in words: read-only, full, or out of reach."""
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only(path)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DatabaseUnavailable(
            str(path), "full", f"The disk holding {path} is full. Nothing was written."
        )
    return DatabaseUnavailable(
        str(path),
        "unreachable",
        f"The database {path} cannot be reached ({error.strerror or error}). Nothing was "
        "written; it is not known to be damaged.",
    )


def not_a_file(path: Path) -> DatabaseUnavailable:
    """A folder, a pipe or a device where the database should be: never read, never
    written (a read from a pipe waits for a writer for good)."""
    return DatabaseUnavailable(
        str(path),
        "unreachable",
        f"The database {path} is not a file (a folder, a pipe or a device is there). Nothing "
        "was written; move it away or name another file with --db.",
    )


def writable(path: Path) -> bool:
    """Can this process write the file and create its -wal/-shm beside it?"""
    folder = path.parent
    return _access(folder) and (not path.exists() or _access(path))


def _access(path: Path) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def read_only(path: Path) -> DatabaseUnavailable:
    what = (
        f"its folder {path.parent} is read-only"
        if not _access(path.parent)
        else "the file is read-only"
    )
    return DatabaseUnavailable(
        str(path),
        "read-only",
        f"The database {path} cannot be written: {what}. Nothing was written; the file is "
        "not damaged.",
    )
