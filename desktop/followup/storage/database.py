"""Opening the database file safely.

A file that is not a readable SQLite database is never written to: opening raises
``CorruptDatabase`` naming the newest backup. Before any migration the file is copied.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from followup.errors import CorruptDatabase, InvalidInput
from followup.storage.migrations import MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = 7


class Database:
    """One connection to the one file. Use ``transaction()`` for every user action."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "backups"

    @classmethod
    def open(cls, path: Path, now: datetime) -> Database:
        """Open (or create) the database, migrating it after a backup copy."""
        path = Path(path)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _refuse_if_not_sqlite(path, _backups(path.parent / "backups"))
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise InvalidInput(
                    f"cannot create the folder for {path}: {error.strerror}"
                ) from error
        try:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise InvalidInput(f"cannot open {path}: {error}") from error
        database = cls(path, connection)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InvalidInput(
                    f"{path} was written by a newer version of Interview Follow-Up "
                    f"(schema {version}, this one knows {SCHEMA_VERSION}); it was not changed."
                )
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA busy_timeout = 5000")
            if version < SCHEMA_VERSION:
                if existed and version > 0:
                    database.backup(now, label=f"before-schema-{version + 1}")
                database._migrate(version)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise CorruptDatabase(
                str(path), str(error), [str(p) for p in _backups(database.backup_dir)]
            ) from error
        except BaseException:
            connection.close()
            raise
        return database

    def _migrate(self, version: int) -> None:
        for number in range(version + 1, SCHEMA_VERSION + 1):
            script = MIGRATIONS[number - 1]
            # executescript would commit on its own; run each statement inside one transaction.
            with self.transaction() as cursor:
                for statement in _statements(script):
                    cursor.execute(statement)
                cursor.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """One user action: all of it is written, or none of it."""
        cursor = self.connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        else:
            cursor.execute("COMMIT")
        finally:
            cursor.close()

    def backup(self, now: datetime, label: str = "daily") -> Path:
        """Copy the database (consistently, through SQLite) into ``backups/``; keep the newest."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        target = self.backup_dir / f"followup-{now.astimezone(UTC):%Y%m%d-%H%M%S}-{label}.sqlite3"
        destination = sqlite3.connect(target)
        try:
            self.connection.backup(destination)
        finally:
            destination.close()
        os.chmod(target, 0o600)
        for old in _backups(self.backup_dir)[KEEP_BACKUPS:]:
            old.unlink(missing_ok=True)
        return target

    def backup_if_stale(self, now: datetime, max_age_hours: float = 24) -> Path | None:
        """The rolling daily backup, taken only from a file that passes SQLite's quick check."""
        newest = _backups(self.backup_dir)
        if newest and (now - _taken_at(newest[0])).total_seconds() < max_age_hours * 3600:
            return None
        ok = self.connection.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise CorruptDatabase(str(self.path), ok, [str(p) for p in newest])
        return self.backup(now)

    def close(self) -> None:
        self.connection.close()


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _backups(folder: Path) -> list[Path]:
    """Backups, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("followup-*.sqlite3"), key=lambda p: p.name, reverse=True)


def _taken_at(backup: Path) -> datetime:
    """The UTC time in a backup's name (no file times: the domain has no clock of its own)."""
    stamp = "-".join(backup.name.split("-")[1:3])
    return datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def _refuse_if_not_sqlite(path: Path, backups: list[Path]) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from error
    if header != SQLITE_HEADER:
        raise CorruptDatabase(str(path), "not an SQLite database", [str(p) for p in backups])
