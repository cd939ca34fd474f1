"""Rolling backups that never rotate the last good copy out, and restoring one.

A backup is taken only from a file that passes SQLite's check, is checked again as a copy,
and is kept only when it differs from the newest one. Rotation keeps the newest
``KEEP_BACKUPS`` and, whatever their number, the fullest backup: a database that lost its
data (emptied, or its records deleted by mistake) can never push the last copy that still
had them out of the folder.

Backups are named after their database (``followup-<UTC time>-<why>.sqlite3`` for
``followup.sqlite3``, ``work-...`` for ``work.sqlite3``): two databases in one folder share
``backups/`` but never each other's copies, so neither is offered the other's data to
restore, rotated out by the other's copies, or thought fresh because of them.
"""

from __future__ import annotations

import filecmp
import glob
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from followup.errors import CorruptDatabase, FollowUpError, InvalidInput
from followup.paths import create_private, private_folder, read_only_uri
from followup.storage import health

KEEP_BACKUPS = 7
# The tables whose rows are the user's work; their total says how full a copy is.
RECORD_TABLES = (
    "contacts",
    "applications",
    "rounds",
    "letters",
    "calls",
    "inquiries",
    "drafts",
)


# What follows the database's own name in its backups' names: the UTC time and the reason.
_STAMPED = re.compile(r"-(\d{8}-\d{6})-[a-z0-9-]+\.sqlite3\Z")


def folder_of(database: Path) -> Path:
    return database.parent / "backups"


def prefix_of(database: Path) -> str:
    """The name a database's backups begin with: its file name without ``.sqlite3``."""
    return database.name.removesuffix(".sqlite3") or database.name


def backups(database: Path) -> list[Path]:
    """This database's backups, newest first (not those of another file in the same folder)."""
    folder = folder_of(database)
    if not folder.is_dir():
        return []
    prefix = prefix_of(database)
    found = []
    for path in folder.glob(f"{glob.escape(prefix)}-*.sqlite3"):
        stamped = _STAMPED.match(path.name, len(prefix))
        if stamped:
            found.append((stamped.group(1), path.name, path))
    return [path for *_, path in sorted(found, reverse=True)]


def taken_at(database: Path, backup: Path) -> datetime:
    """The UTC time in the name of one of ``database``'s backups (no file times: the domain
    has no clock of its own)."""
    stamped = _STAMPED.match(backup.name, len(prefix_of(database)))
    if stamped is None:
        raise InvalidInput(f"{backup.name} is not the name of a backup of {database.name}")
    return datetime.strptime(stamped.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def records_in(backup: Path) -> int:
    """How many of the user's records a backup holds; -1 when it cannot be read."""
    try:
        connection = sqlite3.connect(read_only_uri(backup, immutable=True), uri=True)
    except sqlite3.Error:
        return -1
    try:
        total = 0
        for table in RECORD_TABLES:
            try:
                total += connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            except sqlite3.OperationalError:  # an old schema without this table
                continue
        return total
    except sqlite3.Error:
        return -1
    finally:
        connection.close()


def take(source: sqlite3.Connection, database: Path, now: datetime, label: str) -> Path:
    """Copy the database (consistently, through SQLite) into the backups folder.

    Returns the newest backup: the new copy, or the one it would have duplicated.
    """
    folder = private_folder(folder_of(database))
    name = f"{prefix_of(database)}-{now.astimezone(UTC):%Y%m%d-%H%M%S}-{label}.sqlite3"
    partial = folder / f".{name}.partial"
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
        wrong = health.problem(partial, immutable=True)
        if wrong:
            raise CorruptDatabase(
                str(database),
                f"its copy fails the check: {wrong}",
                [str(p) for p in backups(database)],
            )
        existing = backups(database)
        if existing and filecmp.cmp(partial, existing[0], shallow=False):
            return existing[0]  # nothing changed since: keep the backups distinct
        target = folder / name
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    prune(database)
    return target


def prune(database: Path) -> list[Path]:
    """Keep the newest ``KEEP_BACKUPS`` and the fullest backup of this database; return what
    was removed."""
    found = backups(database)
    if len(found) <= KEEP_BACKUPS:
        return []
    counts = {path: records_in(path) for path in found}
    fullest = max(found, key=lambda p: (counts[p], p.name))
    keep = set(found[:KEEP_BACKUPS]) | {fullest}
    removed = [path for path in found if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def newest_good(database: Path) -> Path | None:
    """The database's newest backup that passes the check, or None."""
    for backup in backups(database):
        try:
            if health.problem(backup, immutable=True) is None:
                return backup
        except FollowUpError:  # unreadable now: not a candidate
            continue
    return None


def restore(database: Path, backup: Path, now: datetime, *, damaged: bool) -> Path | None:
    """Put ``backup`` in the database's place. The file it replaces is kept beside it (never
    deleted), with its -wal and -shm; returns where it now is (None when there was no file).
    The backup is checked first."""
    if not backup.is_file():
        raise InvalidInput(f"there is no backup {backup}")
    wrong = health.problem(backup, immutable=True)
    if wrong:
        raise InvalidInput(f"the backup {backup} is damaged too ({wrong}); it was not used")
    kind = "damaged" if damaged else "replaced"
    aside = database.with_name(f"{database.name}.{kind}-{now.astimezone(UTC):%Y%m%d-%H%M%S}")
    number = 1
    while aside.exists():
        number += 1
        aside = aside.with_name(f"{aside.name.split('~')[0]}~{number}")
    partial = database.with_name(f".{database.name}.restoring")
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        partial.write_bytes(backup.read_bytes())
        replaced = database.exists()
        if replaced:
            os.replace(database, aside)
        for suffix in ("-wal", "-shm"):
            stray = database.with_name(database.name + suffix)
            if stray.exists():
                os.replace(stray, aside.with_name(aside.name + suffix))
        os.replace(partial, database)
    finally:
        partial.unlink(missing_ok=True)
    return aside if replaced else None
