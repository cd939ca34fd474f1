"""Damaged, locked and read-only database files, made for real, for the storage and CLI tests.

Root ignores file modes, so "read-only" is tried as another user: a forked child that drops
its effective ids to ``nobody`` (when the tests do not run as root, they simply chmod).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

NOBODY = 65534


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled(path: Path, contacts: int = 300) -> Path:
    """A real database with enough records for many pages, fully checkpointed and closed."""
    from followup.model import Application, Contact
    from followup.storage import Database, Repository

    from .conftest import NOW

    database = Database.open(path, NOW)
    repo = Repository(database)
    for number in range(contacts):
        repo.add_contact(Contact(0, f"Contact number {number} " + "x" * 80))
    repo.add_application(Application(0, "Acme", "Dev"))
    database.close()
    return path


def page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def corrupt_page(path: Path, page: int, seed: int = 8) -> None:
    """Overwrite one whole page (numbered from 1) with random bytes."""
    size = page_size(path)
    noise = random.Random(seed).randbytes(size)
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(noise)


def truncate(path: Path) -> None:
    size = page_size(path)
    pages = path.stat().st_size // size
    with path.open("r+b") as handle:
        handle.truncate(size * (pages // 2))


def damage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[0:16] = b"SQLite format 2\x00"
    path.write_bytes(bytes(data))


@contextmanager
def write_locked(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write: it holds the write lock until the end."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings(key, value) VALUES ('other', '1')")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder another user may enter (pytest's own is root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="followup-ro-"))
    os.chmod(folder, 0o755)
    try:
        yield folder / "data"
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                os.chmod(path, 0o755)
        shutil.rmtree(folder)


def hand_to_other_user(folder: Path) -> None:
    if os.geteuid() == 0:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)


def as_other_user(action: Callable[[], Any]) -> Any:
    """Run ``action`` where file modes apply (as ``nobody`` when we are root); its result or
    the ``(type name, message, reason)`` of what it raised comes back."""

    def outcome() -> Any:
        try:
            return ("returned", action())
        except BaseException as error:
            return ("raised", type(error).__name__, str(error), getattr(error, "reason", None))

    if os.geteuid() != 0:
        return outcome()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.close(reader)
        try:
            os.setresgid(NOBODY, NOBODY, NOBODY)
            os.setresuid(NOBODY, NOBODY, NOBODY)
            payload = pickle.dumps(outcome())
        except BaseException as error:
            payload = pickle.dumps(("raised", type(error).__name__, str(error), None))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    os.waitpid(child, 0)
    return pickle.loads(data)
