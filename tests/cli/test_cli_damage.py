"""The command line on damaged, locked and read-only files: refused in one line (exit 2), the
file's bytes unchanged, a restore offered only for real damage; ``db check`` and
``db restore``."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from followup.storage import Database, backups

from .. import damage
from ..conftest import NOW
from .runner import run, run_process

ADD = ("contact", "add", "--name", "Lee")


def with_backup(db: Path, contacts: int = 20) -> Path:
    damage.filled(db, contacts=contacts)
    database = Database.open(db, NOW)
    good = database.backup(NOW)
    database.close()
    return good


DAMAGE: dict[str, Callable[[Path], None]] = {
    "zero bytes": lambda path: path.write_bytes(b""),
    "truncated": damage.truncate,
    "a corrupted page in the middle": lambda path: damage.corrupt_page(
        path, path.stat().st_size // damage.page_size(path) // 2
    ),
    "a damaged header": damage.damage_header,
}


@pytest.mark.parametrize("how", list(DAMAGE))
def test_damage_is_refused_in_one_line_and_restore_offered(tmp_path: Path, how: str) -> None:
    db = tmp_path / "followup.sqlite3"
    good = with_backup(db)
    DAMAGE[how](db)
    before = damage.digest(db)
    for args in (ADD, ("app", "list")):
        result = run(db, *args, now=None)
        assert result.code == 2
        assert result.out == ""
        [line] = result.err.splitlines()
        assert "cannot be read" in line and "not changed" in line
        assert str(good) in line and "followup db restore" in line
    assert damage.digest(db) == before


def test_a_locked_database_is_busy_in_one_line_without_restore(tmp_path: Path) -> None:
    db = tmp_path / "followup.sqlite3"
    with_backup(db)
    with damage.write_locked(db):
        before = damage.digest(db)
        result = run_process(db, *ADD, now=None)  # another program holds the lock
        assert damage.digest(db) == before
    assert result.code == 2
    [line] = result.err.splitlines()
    assert "busy: another program is writing" in line
    assert "restore" not in line and "backup" not in line


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_is_said_in_one_line_without_restore(what: str) -> None:
    with damage.shared_folder() as folder:
        db = damage.filled(folder / "followup.sqlite3", contacts=5)
        damage.hand_to_other_user(folder)
        os.chmod(folder if what == "folder" else db, 0o555 if what == "folder" else 0o444)
        before = damage.digest(db)
        outcome = damage.as_other_user(lambda: run(db, *ADD, now=None))
        assert outcome[0] == "returned", outcome
        code, out, err = outcome[1]
        assert code == 2 and out == ""
        [line] = err.splitlines()
        assert "read-only" in line and "not damaged" in line
        assert "restore" not in line and "backup" not in line
        assert damage.digest(db) == before


def test_db_check_says_ok_or_what_is_wrong(tmp_path: Path) -> None:
    db = tmp_path / "followup.sqlite3"
    good = with_backup(db)
    code, out, _ = run(db, "db", "check", now=None)
    assert code == 0 and out.startswith(f"ok: {db} passes") and str(good) in out
    damage.corrupt_page(db, 4)
    before = damage.digest(db)
    code, out, _ = run(db, "db", "check", "--json", now=None)
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False and report["problem"]
    assert report["restore_from"] == str(good)
    assert damage.digest(db) == before


def test_db_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "followup.sqlite3"
    with_backup(db, contacts=20)
    damage.truncate(db)
    damaged = db.read_bytes()
    code, out, err = run(db, "db", "restore", now=None)
    assert code == 0, err
    kept = next(p for p in tmp_path.glob("followup.sqlite3.damaged-*") if p.name[-4] != "-")
    assert kept.read_bytes() == damaged and str(kept) in out
    code, out, _ = run(db, "contact", "list", "--json", now=None)
    assert code == 0 and len(json.loads(out)) == 20
    assert db.stat().st_mode & 0o777 == 0o600


def test_db_restore_will_not_replace_a_healthy_file_unasked(tmp_path: Path) -> None:
    db = tmp_path / "followup.sqlite3"
    good = with_backup(db, contacts=3)
    run(db, *ADD, now=None)
    before = damage.digest(db)
    code, _, err = run(db, "db", "restore", "--backup", str(good), now=None)
    assert code == 2 and "not damaged" in err and "--force" in err
    assert damage.digest(db) == before
    code, _, err = run(db, "db", "restore", "--backup", str(good), "--force", now=None)
    assert code == 0, err
    [kept] = [p for p in tmp_path.glob("followup.sqlite3.replaced-*") if p.name[-4] != "-"]
    assert damage.digest(kept) == before
    assert backups.records_in(db) == 3 + 1  # the backup's contacts and its application


def test_the_command_line_writes_private_files(tmp_path: Path) -> None:
    db = tmp_path / "new" / "followup.sqlite3"
    old = os.umask(0o022)
    try:
        code, _, err = run(db, *ADD, now=None)
        code2, _, _ = run(db, "export", "json", str(tmp_path / "export.json"), now=None)
    finally:
        os.umask(old)
    assert code == 0 and code2 == 0, err
    assert db.parent.stat().st_mode & 0o777 == 0o700
    assert db.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "export.json").stat().st_mode & 0o777 == 0o600


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path: Path) -> None:
    """``--db`` may put two files in one folder: they share ``backups/`` but a damaged one is
    offered (and given) only its own copy, never the other file's newer one."""
    mine, other = tmp_path / "followup.sqlite3", tmp_path / "work.sqlite3"
    good = with_backup(mine, contacts=20)
    damage.filled(other, contacts=2)
    later = Database.open(other, NOW)
    theirs = later.backup(NOW + timedelta(hours=1))  # newer, and of another file
    assert later.backup_if_stale(NOW + timedelta(hours=2)) is None
    later.close()
    assert theirs.name.startswith("work-") and good.name.startswith("followup-")
    database = Database.open(mine, NOW)
    assert database.backup_if_stale(NOW + timedelta(hours=2)) is None  # its own is fresh
    database.close()
    damage.truncate(mine)
    code, out, _ = run(mine, "db", "check", "--json", now=None)
    assert code == 1 and json.loads(out)["backups"] == [str(good)]
    code, out, err = run(mine, "db", "restore", now=None)
    assert code == 0 and str(good) in out, err
    code, out, _ = run(mine, "contact", "list", "--json", now=None)
    assert code == 0 and len(json.loads(out)) == 20
    code, out, _ = run(other, "db", "check", "--json", now=None)
    assert code == 0 and json.loads(out)["backups"] == [str(theirs)]
