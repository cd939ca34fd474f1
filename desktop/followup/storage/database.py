"""Opening the database file safely.

Only a missing file is new: it is built under a temporary name (0600 from its first byte)
and moved into place whole, so a crash while creating it never leaves an empty file behind.
An existing file is checked before anything is written to it (``health``): a damaged one
raises ``CorruptDatabase`` naming the newest backup, one that cannot be written now raises
``DatabaseUnavailable``. Before any migration the file is copied.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from followup.errors import CorruptDatabase, FollowUpError, InvalidInput
from followup.paths import create_private, make_private, private_folder, read_only_uri
from followup.storage import backups, health
from followup.storage.migrations import MIGRATIONS, SCHEMA_VERSION

# How long a write waits for another program's lock before saying "busy" (SQLite's default,
# five seconds, looked like a hang). Front ends may shorten it further.
BUSY_TIMEOUT_MS = 1000


class Database:
    """One connection to the one file. Use ``transaction()`` for every user action."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    @property
    def backup_dir(self) -> Path:
        return backups.folder_of(self.path)

    @classmethod
    def read_only(cls, path: Path) -> Database:
        """The file read on a connection of its own (work off the GUI thread: plans, the
        copy of Today); it never writes, migrates or checks."""
        return cls(path, sqlite3.connect(read_only_uri(path), uri=True))

    @classmethod
    def open(
        cls,
        path: Path,
        now: datetime,
        *,
        problem: Callable[[Path], str | None] = health.problem,
    ) -> Database:
        """Open (or create) the database for writing, migrating it after a backup copy.
        ``problem`` checks an existing file (``health.problem``; the app may have started
        that check earlier, on a thread of its own)."""
        path = Path(path)
        try:
            exists = path.exists()
        except OSError as error:
            raise health.unavailable(path, error) from error
        if not exists:
            _create(path)
        else:
            wrong = problem(path)
            if wrong:
                raise CorruptDatabase(str(path), wrong, _backup_names(path))
            others = _other_programs_tables(path)
            if others:
                shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
                raise InvalidInput(
                    f"{path} is not an Interview Follow-Up database: it holds another "
                    f"program's tables ({shown}). It was not changed; name another file."
                )
            # A read-only file still opens, to be read; its first write says "read-only".
        make_private(*(path.with_name(path.name + s) for s in ("", "-wal", "-shm")))
        try:
            connection = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except sqlite3.Error as error:
            raise health.classify(path, error, backups.backups(path)) from error
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
            if version < SCHEMA_VERSION:
                if version > 0:
                    database.backup(now, label=f"before-schema-{version + 1}")
                database._migrate(version)
        except sqlite3.Error as error:
            connection.close()
            raise database.failure(error) from error
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
        return health.classify(self.path, error, backups.backups(self.path))

    def backup(self, now: datetime, label: str = "daily") -> Path:
        """Copy the database into ``backups/`` (kept only when it differs from the newest);
        rotation never removes the fullest backup."""
        try:
            return backups.take(self.connection, self.path, now, label)
        except sqlite3.Error as error:
            raise self.failure(error) from error
        except OSError as error:
            raise health.unavailable(self.backup_dir, error) from error

    def backup_if_stale(self, now: datetime, max_age_hours: float = 24) -> Path | None:
        """The rolling daily backup, taken only from a file that passes SQLite's quick check."""
        newest = backups.backups(self.path)
        if newest and (now - backups.taken_at(self.path, newest[0])).total_seconds() < (
            max_age_hours * 3600
        ):
            return None
        ok = self.connection.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise CorruptDatabase(str(self.path), ok, [str(p) for p in newest])
        return self.backup(now)

    def close(self) -> None:
        self.connection.close()


def _backup_names(path: Path) -> list[str]:
    return [str(p) for p in backups.backups(path)]


def _other_programs_tables(path: Path) -> list[str]:
    """The tables of a sound SQLite file that no version of this app has written (its
    schema version is 0: the first migration sets 1 in the transaction that makes the app's
    tables), looked at read-only before anything is changed: not even its journal mode or
    its permissions. Empty when it is this app's, empty, or cannot be read (then the usual
    opening says why)."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return []
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] != 0:
            return []
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        return [str(row[0]) for row in rows]
    except sqlite3.Error:
        return []
    finally:
        connection.close()


def _create(path: Path) -> None:
    """Build a new database beside ``path`` and move it into place whole (never over a file
    another program created meanwhile)."""
    try:
        private_folder(path.parent)
    except OSError as error:
        raise health.unavailable(path, error) from error
    if not health.writable(path):
        raise health.read_only(path)
    partial = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        for stale in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
            stale.unlink(missing_ok=True)
        create_private(partial)
        connection = sqlite3.connect(partial, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            Database(partial, connection)._migrate(0)
        finally:
            connection.close()
        with suppress(FileExistsError):  # another program created it first: use theirs
            os.link(partial, path)
    except OSError as error:
        raise health.unavailable(path, error) from error
    except sqlite3.Error as error:
        raise health.classify(path, error, ()) from error
    finally:
        with suppress(OSError):
            partial.unlink()


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
