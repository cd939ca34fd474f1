"""The file's revision token (schema 8): every change to what plans are made of replaces it,
in the same transaction, whichever program writes; drafts and reminders leave it alone.
A copy computed from the data (Today's, for start-up) trusts nothing else."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.model import Application, Channel, Contact, Draft, Round
from followup.revision import revision
from followup.storage import Database, Repository
from followup.storage.migrations import MIGRATIONS, SCHEMA_VERSION

from ..conftest import NOW

NY = ZoneInfo("America/New_York")
# What plans, Today and the copy are made of; drafts and reminders are not.
TRACKED = {
    "settings",
    "contacts",
    "applications",
    "rounds",
    "round_interviewers",
    "letters",
    "calls",
    "inquiries",
}
UNTRACKED = {"drafts", "reminders", "revision"}


def token(repo: Repository) -> str | None:
    return revision(repo.db.connection)


def test_every_table_is_either_tracked_or_said_not_to_matter(repo: Repository) -> None:
    """A table added later without triggers would let a copy outlive a change: named here."""
    tables = {
        row[0]
        for row in repo.db.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    assert tables == TRACKED | UNTRACKED
    triggers = {
        row[0]
        for row in repo.db.connection.execute(
            "SELECT tbl_name || ' ' || name FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'revision_%'"
        )
    }
    for table in TRACKED:
        for event in ("insert", "update", "delete"):
            assert f"{table} revision_{table}_{event}" in triggers


def test_each_kind_of_change_replaces_the_token_and_a_draft_does_not(repo: Repository) -> None:
    seen = [token(repo)]
    assert seen[0] is not None and len(seen[0]) == 16

    def changed() -> None:
        now = token(repo)
        assert now not in seen, "the token is new after a change"
        seen.append(now)

    app = repo.add_application(Application(0, "Acme", "Engineer"))
    changed()
    dana = repo.add_contact(Contact(0, "Dana Müller"))
    changed()
    start = datetime(2026, 11, 25, 10, tzinfo=NY)
    r = repo.add_round(
        Round(
            0, app.id, start, start.replace(hour=11), "America/New_York", interviewer_ids=(dana.id,)
        )
    )
    changed()
    repo.save_draft(Draft(r.id, dana.id, Channel.EMAIL, "", "Dear Dana,", NOW))
    assert token(repo) == seen[-1], "a draft changes no plan"
    repo.record_letter(r.id, dana.id, Channel.EMAIL, NOW)
    changed()
    repo.save_settings({"profile.name": "Sam Lee"})
    changed()
    repo.delete_application(app.id)
    changed()


def test_a_refused_change_leaves_the_token(repo: Repository) -> None:
    """The token moves with the transaction: one rolled back leaves it as it was."""
    before = token(repo)
    with pytest.raises(Exception):  # noqa: B017,PT011  (whatever the store raises)
        repo.add_round(Round(0, 999, NOW, NOW.replace(hour=16), "UTC"))  # no application 999
    assert token(repo) == before


def test_another_programs_write_replaces_the_token(repo: Repository, db_path: Path) -> None:
    before = token(repo)
    other = sqlite3.connect(db_path)
    with other:
        other.execute("INSERT INTO contacts(name) VALUES ('Lee Park')")
    other.close()
    assert token(repo) != before


def test_an_older_database_gets_a_token_when_it_migrates(db_path: Path) -> None:
    con = sqlite3.connect(db_path, isolation_level=None)
    for script in MIGRATIONS[:7]:
        con.executescript(script)
    con.execute("PRAGMA user_version = 7")
    con.close()
    database = Database.open(db_path, NOW)
    try:
        assert database.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert revision(database.connection) is not None
    finally:
        database.close()


def test_without_the_table_there_is_no_token(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "old.sqlite3")
    assert revision(con) is None
    con.close()
