"""Rolling backups that never rotate the last good copy out, and restoring one.

A backup is taken only from a file that passes SQLite's check, is checked again as a copy,
and is kept only when it differs from the newest one. Rotation keeps the newest
``KEEP_BACKUPS`` and, whatever their number, the fullest backup: a database that lost its
data (emptied, or its records deleted by mistake) can never push the last copy that still
had them out of the folder.
"""

from __future__ import annotations

import filecmp
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from followup.errors import CorruptDatabase, FollowUpError, InvalidInput
from followup.paths import create_private, private_folder
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


def folder_of(database: Path) -> Path:
    return database.parent / "backups"


def backups(folder: Path) -> list[Path]:
    """Backups, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("followup-*.sqlite3"), key=lambda p: p.name, reverse=True)


def taken_at(backup: Path) -> datetime:
    """The UTC time in a backup's name (no file times: the domain has no clock of its own)."""
    stamp = "-".join(backup.name.split("-")[1:3])
    return datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def records_in(backup: Path) -> int:
    """How many of the user's records a backup holds; -1 when it cannot be read."""
    try:
        connection = sqlite3.connect(health.read_only_uri(backup, immutable=True), uri=True)
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
    name = f"followup-{now.astimezone(UTC):%Y%m%d-%H%M%S}-{label}.sqlite3"
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
                [str(p) for p in backups(folder)],
            )
        existing = backups(folder)
        if existing and filecmp.cmp(partial, existing[0], shallow=False):
            return existing[0]  # nothing changed since: keep the backups distinct
        target = folder / name
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    prune(folder)
    return target


def prune(folder: Path) -> list[Path]:
    """Keep the newest ``KEEP_BACKUPS`` and the fullest backup; return what was removed."""
    found = backups(folder)
    if len(found) <= KEEP_BACKUPS:
        return []
    counts = {path: records_in(path) for path in found}
    fullest = max(found, key=lambda p: (counts[p], p.name))
    keep = set(found[:KEEP_BACKUPS]) | {fullest}
    removed = [path for path in found if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def newest_good(folder: Path) -> Path | None:
    """The newest backup that passes the check, or None."""
    for backup in backups(folder):
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
