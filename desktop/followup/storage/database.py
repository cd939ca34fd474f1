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

from followup.errors import CorruptDatabase, DatabaseUnavailable, FollowUpError, InvalidInput
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
        # Tables are rebuilt by some migrations: foreign keys are off meanwhile (so dropping an
        # old table cascades nothing) and checked before each migration commits.
        self.connection.execute("PRAGMA foreign_keys = OFF")
        try:
            for number in range(version + 1, SCHEMA_VERSION + 1):
                script = MIGRATIONS[number - 1]
                # executescript would commit on its own; run each statement in one transaction.
                with self.transaction() as cursor:
                    for statement in _statements(script):
                        cursor.execute(statement)
                    broken = cursor.execute("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise sqlite3.IntegrityError(
                            f"{len(broken)} records point at records that do not exist"
                        )
                    cursor.execute(f"PRAGMA user_version = {number}")
        finally:
            self.connection.execute("PRAGMA foreign_keys = ON")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """One user action: all of it is written, or none of it.

        ``BEGIN IMMEDIATE`` takes the write lock first, so what the action reads to decide
        (the one-letter rule) cannot change before it writes. SQLite's failures come out as
        ``DatabaseUnavailable`` (busy, read-only, full) or ``CorruptDatabase`` (damage).
        """
        cursor = self.connection.cursor()
        try:
            try:
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as error:
                raise self.failure(error) from error
            try:
                yield cursor
                cursor.execute("COMMIT")
            except BaseException as error:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                if isinstance(error, sqlite3.DatabaseError) and not isinstance(
                    error, sqlite3.IntegrityError
                ):
                    raise self.failure(error) from error
                raise
        finally:
            cursor.close()

    def failure(self, error: sqlite3.Error) -> FollowUpError:
        """The domain error for what SQLite reported: damage, or a file that is unavailable."""
        return classify(self.path, error)

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


_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_FORMAT}


def classify(path: Path, error: sqlite3.Error) -> FollowUpError:
    """Damage (``CorruptDatabase``, restore may help) or unavailable (``DatabaseUnavailable``:
    busy, read-only, full; restoring would not help and must not be offered)."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _DAMAGE or (primary is None and "malformed" in str(error)):
        return CorruptDatabase(
            str(path), str(error), [str(p) for p in _backups(path.parent / "backups")]
        )
    if primary in _BUSY:
        return DatabaseUnavailable(
            str(path),
            "busy",
            f"The database {path} is busy: another program is writing to it. "
            "Nothing was written; try again in a moment.",
        )
    if primary == sqlite3.SQLITE_READONLY:
        return DatabaseUnavailable(
            str(path),
            "read-only",
            f"The database {path} is read-only (the file or its folder cannot be written). "
            "Nothing was written; it is not damaged.",
        )
    if primary == sqlite3.SQLITE_FULL:
        return DatabaseUnavailable(
            str(path),
            "full",
            f"The disk holding {path} is full. Nothing was written; free some space and try again.",
        )
    return DatabaseUnavailable(
        str(path),
        "unreachable",
        f"The database {path} cannot be used right now ({error}). Nothing was written; "
        "it is not known to be damaged.",
    )


def _statements(script: str) -> list[str]:
    """The script's statements; a trigger's body (with its own semicolons) stays whole."""
    statements: list[str] = []
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


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
