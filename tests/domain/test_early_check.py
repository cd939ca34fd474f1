"""The database file's check, started early on a thread of its own (``EarlyCheck``), says
what ``health.problem`` says, once; a second look (a retry, after a restore) checks again."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.errors import DatabaseUnavailable
from followup.model import Application
from followup.storage import Database, Repository, health
from followup.storage.early_check import EarlyCheck

from ..conftest import NOW


def healthy(path: Path) -> Path:
    database = Database.open(path, NOW)
    Repository(database).add_application(Application(0, "Acme", "Dev"))
    database.close()
    return path


def test_the_early_answer_is_used_once_then_the_file_is_checked_again(tmp_path: Path) -> None:
    path = healthy(tmp_path / "followup.sqlite3")
    early = EarlyCheck(path)
    assert early.problem(path) is None
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # damaged after the early check
    path.write_bytes(bytes(data))
    found = early.problem(path)
    assert found is not None and found == health.problem(path)


def test_another_file_is_checked_on_its_own(tmp_path: Path) -> None:
    first, second = healthy(tmp_path / "a.sqlite3"), tmp_path / "b.sqlite3"
    second.write_bytes(b"not a database at all, but long enough to have a header" * 4)
    early = EarlyCheck(first)
    assert early.problem(second) == health.problem(second) is not None
    assert early.problem(first) is None


def test_a_file_that_cannot_be_read_is_said_as_such_not_as_damage(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()  # what a path naming a folder gives: unavailable, never "damaged"
    early = EarlyCheck(folder)
    with pytest.raises(DatabaseUnavailable):
        early.problem(folder)
