"""A look at the database before start-up opens it (``first_look``): "nothing in it yet" only
when that is certain, since the window then paints the first-run page before anything else.
Real files: new, filled, written by another connection, damaged, of another schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from followup.model import Application
from followup.storage import Database, Repository
from followup.storage.first_look import MOST_BYTES, holds_nothing
from followup.storage.migrations import SCHEMA_VERSION

from ..conftest import NOW
from ..damage import corrupt_page, damage_header, digest, truncate


def test_no_file_yet_holds_nothing_and_the_look_makes_none(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert holds_nothing(path)
    assert list(tmp_path.iterdir()) == []


def test_a_new_database_holds_nothing_and_is_left_as_it_was(
    db_path: Path, template_database: Path
) -> None:
    shutil.copyfile(template_database, db_path)
    before = digest(db_path)
    assert holds_nothing(db_path)
    assert digest(db_path) == before


def test_one_application_is_something(repo: Repository, db_path: Path) -> None:
    repo.add_application(Application(0, "Acme", "Dev"))
    assert not holds_nothing(db_path)  # in the journal (WAL) still, as the app has it open
    repo.db.close()
    assert not holds_nothing(db_path)


def test_an_application_added_by_another_program_meanwhile_is_seen(
    repo: Repository, db_path: Path
) -> None:
    other = Database.open(db_path, NOW)
    assert holds_nothing(db_path)
    Repository(other).add_application(Application(0, "Acme", "Dev"))
    assert not holds_nothing(db_path)
    other.close()


@pytest.mark.parametrize(("zone", "nothing"), [('""', True), ('"Europe/Berlin"', False)])
def test_a_zone_of_the_users_own_is_not_the_system_zone(
    repo: Repository, db_path: Path, zone: str, nothing: bool
) -> None:
    """The first page names the day in the system's zone: only while none is chosen."""
    repo.db.connection.execute(
        "INSERT INTO settings(key, value) VALUES ('calendar.timezone', ?)", (zone,)
    )
    repo.save_settings({"profile.name": "Ada"})  # other settings change nothing
    assert holds_nothing(db_path) is nothing


@pytest.mark.parametrize("version", [SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
def test_another_schema_is_not_known_to_be_empty(
    db_path: Path, template_database: Path, version: int
) -> None:
    shutil.copyfile(template_database, db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {version}")
    connection.close()
    assert not holds_nothing(db_path)


@pytest.mark.parametrize("damage", [damage_header, truncate, lambda p: corrupt_page(p, 2)])
def test_a_damaged_file_is_not_known_to_be_empty(
    db_path: Path, template_database: Path, damage: object
) -> None:
    shutil.copyfile(template_database, db_path)
    damage(db_path)  # type: ignore[operator]
    before = digest(db_path)
    assert not holds_nothing(db_path)
    assert digest(db_path) == before


def test_other_files_and_odd_places_are_not_known_to_be_empty(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database")
    big = tmp_path / "big.sqlite3"
    big.write_bytes(b"\0" * (MOST_BYTES + 1))
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    journal_only = tmp_path / "gone.sqlite3"
    Path(f"{journal_only}-wal").write_bytes(b"\0" * 32)
    for path in (text, big, folder, journal_only, tmp_path / ("x" * 300 + ".sqlite3")):
        assert not holds_nothing(path), path


def test_a_database_another_program_holds_locked_is_still_read(
    db_path: Path, template_database: Path
) -> None:
    """A writer mid-transaction (WAL) does not keep a reader out: the last committed state."""
    shutil.copyfile(template_database, db_path)
    other = Database.open(db_path, NOW)
    other.connection.execute("BEGIN IMMEDIATE")
    other.connection.execute(
        "INSERT INTO applications(company, role, source, status) "
        "VALUES ('A', 'D', 'portal', 'active')"
    )
    assert holds_nothing(db_path)  # nothing committed yet
    other.connection.execute("COMMIT")
    assert not holds_nothing(db_path)
    other.close()
