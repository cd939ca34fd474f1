"""A look at the database before start-up opens it (``first_look``): "nothing in it yet" only
when that is certain, since the window then paints the first-run page before anything else.
Real files: new, filled, written by another connection, damaged, of another schema."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from followup.model import Application
from followup.storage import Database, Repository
from followup.storage.first_look import MOST_BYTES, holds_nothing
from followup.storage.migrations import SCHEMA_VERSION

from ..conftest import NOW
from ..damage import (
    as_other_user,
    corrupt_page,
    damage_header,
    digest,
    hand_to_other_user,
    shared_folder,
    truncate,
)


def test_no_file_yet_holds_nothing_and_the_look_makes_none(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert holds_nothing(path)
    assert list(tmp_path.iterdir()) == []


def test_a_new_database_holds_nothing_and_its_file_is_left_as_it_was(
    db_path: Path, template_database: Path
) -> None:
    shutil.copyfile(template_database, db_path)
    before = digest(db_path)
    assert holds_nothing(db_path)
    assert digest(db_path) == before


def test_a_folder_named_with_a_uris_own_marks_is_read_as_named(
    tmp_path: Path, template_database: Path
) -> None:
    """The file is opened read-only by a URI: a name with ``?``, ``#``, ``%`` or a space in
    it is the file it names, not a query, a fragment or an escape."""
    folder = tmp_path / "a b?mode=rw#x%41"
    folder.mkdir()
    path = folder / "followup.sqlite3"
    shutil.copyfile(template_database, path)
    before = digest(path)
    assert holds_nothing(path)
    assert digest(path) == before
    assert (tmp_path / "a b").exists() is False


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
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    journal_only = tmp_path / "gone.sqlite3"
    Path(f"{journal_only}-wal").write_bytes(b"\0" * 32)
    pipe = tmp_path / "pipe.sqlite3"
    os.mkfifo(pipe)  # opening it to read would wait for a writer for ever
    nowhere = tmp_path / "link.sqlite3"
    nowhere.symlink_to(tmp_path / "missing" / "target.sqlite3")
    under_a_file = text / "inside" / "followup.sqlite3"  # its folder cannot be made
    long_name = tmp_path / ("x" * 300 + ".sqlite3")
    for path in (text, folder, journal_only, pipe, nowhere, under_a_file, long_name):
        assert not holds_nothing(path), path
    assert holds_nothing(tmp_path / "new" / "folders" / "followup.sqlite3")  # made with it


def test_no_file_where_it_cannot_be_made_is_not_a_first_start() -> None:
    """A folder the user may not write: start-up will say so at once, with no first page
    flashing before it."""
    with shared_folder() as data:
        data.mkdir()
        hand_to_other_user(data)
        assert as_other_user(lambda: holds_nothing(data / "followup.sqlite3")) == (
            "returned",
            True,
        )
        os.chmod(data, 0o555)
        assert as_other_user(lambda: holds_nothing(data / "followup.sqlite3")) == (
            "returned",
            False,
        )
        assert as_other_user(lambda: holds_nothing(data / "more" / "followup.sqlite3")) == (
            "returned",
            False,
        )


def test_a_file_past_the_size_worth_a_look_is_not_read(repo: Repository, db_path: Path) -> None:
    """A real, sound database with no application, only larger than a new one ever is."""
    assert holds_nothing(db_path)
    repo.save_settings({"profile.name": "x" * MOST_BYTES})
    repo.db.close()
    assert not holds_nothing(db_path)
    connection = sqlite3.connect(db_path, isolation_level=None)  # the large value gone
    connection.execute("DELETE FROM settings WHERE key = 'profile.name'")
    connection.execute("VACUUM")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert holds_nothing(db_path)


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
