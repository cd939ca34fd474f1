"""A damaged file is never written and is told apart from one that is only unavailable
(busy, read-only, full); backups never rotate the last good copy out; files are private."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from followup.errors import CorruptDatabase, DatabaseUnavailable, InvalidInput
from followup.model import Contact
from followup.storage import Database, Repository, backups

from .. import damage
from ..conftest import NOW

DAMAGE: dict[str, Callable[[Path], None]] = {
    "zero bytes": lambda path: path.write_bytes(b""),
    "truncated": damage.truncate,
    "a corrupted page in the middle": lambda path: damage.corrupt_page(
        path, path.stat().st_size // damage.page_size(path) // 2
    ),
    "a damaged header": damage.damage_header,
}


@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_file_is_refused_untouched_and_a_backup_named(db_path: Path, how: str) -> None:
    damage.filled(db_path)
    database = Database.open(db_path, NOW)
    good = database.backup(NOW)
    database.close()
    DAMAGE[how](db_path)
    before = damage.digest(db_path)
    with pytest.raises(CorruptDatabase, match="not changed") as refused:
        Database.open(db_path, NOW)
    assert refused.value.backups == [str(good)]
    assert damage.digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_only_a_missing_file_is_new(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with pytest.raises(CorruptDatabase, match="empty"):
        Database.open(db_path, NOW)
    assert db_path.read_bytes() == b""


def test_every_damaged_page_is_caught_before_a_write(db_path: Path) -> None:
    damage.filled(db_path)
    pristine = db_path.read_bytes()
    pages = len(pristine) // damage.page_size(db_path)
    assert pages >= 10
    accepted = []
    for page in range(2, pages + 1):
        db_path.write_bytes(pristine)
        damage.corrupt_page(db_path, page, seed=page)
        try:
            Database.open(db_path, NOW).close()
        except CorruptDatabase:
            continue
        accepted.append(page)
    assert accepted == []


def test_a_locked_database_is_busy_not_damaged(db_path: Path) -> None:
    damage.filled(db_path, contacts=5)
    repo = Repository(Database.open(db_path, NOW))
    with damage.write_locked(db_path):
        before = damage.digest(db_path)
        with pytest.raises(DatabaseUnavailable, match="busy: another program") as refused:
            repo.add_contact(Contact(0, "Lee"))
        assert refused.value.reason == "busy"
        assert damage.digest(db_path) == before
    assert repo.add_contact(Contact(0, "Lee")).name == "Lee"  # fine once the other is done
    repo.db.close()


def test_a_database_held_exclusively_cannot_be_opened_and_says_busy(db_path: Path) -> None:
    damage.filled(db_path, contacts=5)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO settings(key, value) VALUES ('other', '1')")
    other.execute("COMMIT")  # exclusive mode keeps the lock after the commit
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            Database.open(db_path, NOW)
        assert refused.value.reason == "busy"
    finally:
        other.close()


def test_a_full_disk_is_reported_as_full(repo: Repository) -> None:
    pages = repo.db.connection.execute("PRAGMA page_count").fetchone()[0]
    repo.db.connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DatabaseUnavailable, match="is full") as refused:
        for number in range(1000):
            repo.add_contact(Contact(0, f"Contact {number} " + "y" * 150))
    assert refused.value.reason == "full"


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_is_reported_as_such_and_nothing_changes(what: str) -> None:
    with damage.shared_folder() as folder:
        path = damage.filled(folder / "followup.sqlite3", contacts=5)
        damage.hand_to_other_user(folder)
        os.chmod(folder if what == "folder" else path, 0o555 if what == "folder" else 0o444)
        before = damage.digest(path)

        def add() -> None:
            database = Database.open(path, NOW)
            try:
                Repository(database).add_contact(Contact(0, "Lee"))
            finally:
                database.close()

        outcome = damage.as_other_user(add)
        assert outcome[:2] == ("raised", "DatabaseUnavailable"), outcome
        assert outcome[3] == "read-only"
        said = f"its folder {folder} is read-only" if what == "folder" else "the file is read-only"
        assert said in outcome[2]
        assert damage.digest(path) == before


# -- backups ------------------------------------------------------------------------------


def test_backups_are_distinct_and_never_rotate_the_fullest_out(repo: Repository) -> None:
    for number in range(40):
        repo.add_contact(Contact(0, f"Contact {number}"))
    full = repo.db.backup(NOW)
    assert repo.db.backup(NOW + timedelta(hours=1)) == full  # nothing changed: no new copy
    repo.db.connection.execute("DELETE FROM contacts")  # the data is lost by mistake
    for day in range(1, 10):  # daily starts after the loss, each a little different
        repo.save_settings({"profile.name": f"Day {day}"})
        repo.db.backup(NOW + timedelta(days=day))
    kept = backups.backups(repo.db.path)
    assert full in kept and len(kept) == backups.KEEP_BACKUPS + 1
    assert backups.records_in(full) == 40


def test_a_restore_keeps_the_damaged_file_beside_it(db_path: Path) -> None:
    damage.filled(db_path, contacts=20)
    database = Database.open(db_path, NOW)
    good = database.backup(NOW)
    database.close()
    damage.truncate(db_path)
    damaged = db_path.read_bytes()
    aside = backups.restore(db_path, good, NOW, damaged=True)
    assert aside.read_bytes() == damaged and ".damaged-" in aside.name
    repo = Repository(Database.open(db_path, NOW))
    assert len(repo.contacts()) == 20
    repo.db.close()


def test_a_damaged_backup_is_never_restored(db_path: Path) -> None:
    damage.filled(db_path, contacts=20)
    database = Database.open(db_path, NOW)
    good = database.backup(NOW)
    database.close()
    damage.corrupt_page(good, 3)
    before = damage.digest(db_path)
    with pytest.raises(Exception, match="damaged too"):
        backups.restore(db_path, good, NOW, damaged=False)
    assert damage.digest(db_path) == before


# -- private files ----------------------------------------------------------------------


def test_every_file_is_private_from_its_first_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the most permissive umask, and no chmod allowed at all (so no file is ever
    readable by others, even for a moment), the folder is 0700 and every file 0600."""
    old = os.umask(0)
    monkeypatch.setattr(os, "chmod", lambda *a, **k: pytest.fail(f"chmod{a}"))
    try:
        path = tmp_path / "new" / "followup.sqlite3"
        database = Database.open(path, NOW)
        Repository(database).add_contact(Contact(0, "Dana"))
        database.backup(NOW)
        made = [
            path.parent,
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
            database.backup_dir,
            *database.backup_dir.iterdir(),
        ]
        modes = {p.name: p.stat().st_mode & 0o777 for p in made}
        expected = {p.name: (0o700 if p.is_dir() else 0o600) for p in made}
        database.close()
    finally:
        os.umask(old)
    assert modes == expected
    assert len(modes) == 6


def test_files_made_public_by_an_older_release_become_private(db_path: Path) -> None:
    damage.filled(db_path, contacts=2)
    os.chmod(db_path, 0o644)
    database = Database.open(db_path, NOW)
    assert db_path.stat().st_mode & 0o777 == 0o600
    assert db_path.with_name(db_path.name + "-shm").stat().st_mode & 0o777 == 0o600
    database.close()


def test_rotation_and_freshness_are_per_database(tmp_path: Path) -> None:
    """Another database's copies in the shared ``backups/`` never rotate this one's out, and
    never make a stale backup of this one look fresh."""
    mine = Database.open(tmp_path / "followup.sqlite3", NOW)
    Repository(mine).add_contact(Contact(0, "Dana"))
    kept = mine.backup(NOW)
    other = Database.open(tmp_path / "other-copy.sqlite3", NOW)
    for hour in range(1, backups.KEEP_BACKUPS + 3):
        Repository(other).add_contact(Contact(0, f"Contact {hour}"))
        other.backup(NOW + timedelta(hours=hour))
    assert kept.exists() and backups.backups(mine.path) == [kept]
    assert len(backups.backups(other.path)) == backups.KEEP_BACKUPS
    assert mine.backup_if_stale(NOW + timedelta(hours=30)) is not None
    mine.close()
    other.close()


@pytest.mark.parametrize("what", ["a pipe", "a folder", "a device"])
def test_a_pipe_folder_or_device_where_the_file_should_be_is_said_at_once(
    tmp_path: Path, what: str
) -> None:
    """Nothing is read from them: a read from a pipe would wait for a writer for good (the
    start's early check hung there, and the window with it). A process of its own, with a
    time limit, so a hang fails the test instead of the suite."""
    import subprocess
    import sys

    if what == "a pipe":
        path = tmp_path / "followup.sqlite3"
        os.mkfifo(path)
    elif what == "a folder":
        path = tmp_path / "followup.sqlite3"
        path.mkdir()
    else:
        path = Path("/dev/zero")
    probe = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from pathlib import Path\n"
        "from followup.errors import DatabaseUnavailable\n"
        "from followup.storage import Database\n"
        "from followup.storage.early_check import EarlyCheck\n"
        "path = Path(sys.argv[1])\n"
        "try:\n"
        "    Database.open(path, datetime.now(UTC), problem=EarlyCheck(path).problem)\n"
        "except DatabaseUnavailable as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stdout.strip() == (
        f"The database {path} is not a file (a folder, a pipe or a device is there). "
        "Nothing was written; move it away or name another file with --db."
    ), done.stderr


@pytest.mark.parametrize(
    "table",
    ["notes(id INTEGER PRIMARY KEY, body TEXT)", "settings(key, value)"],
    ids=["notes", "a table named as one of ours"],
)
def test_another_programs_database_is_refused_unchanged(tmp_path: Path, table: str) -> None:
    """A sound SQLite file that this app never wrote (schema version 0, tables of its own) is
    not adopted: neither the app's tables added, nor its journal mode or permissions changed
    (the dialog used to say 'nothing was written' after the file was switched to WAL)."""
    path = tmp_path / "notes.db"
    raw = sqlite3.connect(path)
    with raw:
        raw.execute(f"CREATE TABLE {table}")
        raw.execute(f"INSERT INTO {table.split('(', maxsplit=1)[0]} VALUES (1, 'x')")
    raw.close()
    os.chmod(path, 0o644)
    before = (damage.digest(path), path.stat().st_mode)
    with pytest.raises(InvalidInput, match="not an Interview Follow-Up database") as refused:
        Database.open(path, NOW)
    assert "another program's tables (" in str(refused.value)
    assert (damage.digest(path), path.stat().st_mode) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]
