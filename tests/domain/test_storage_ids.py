"""Ids that leave the app are never reused; undo puts back exactly what it removed, in one
transaction; the one-letter and one-call rules hold when programs race on one file."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup import ics
from followup.errors import CannotUndo, DatabaseUnavailable, Refusal
from followup.model import Application, Channel, Contact, Draft, Round
from followup.plan import PlanItem, round_plan
from followup.reminders import Delivery
from followup.storage import Database, Repository
from followup.storage.database import _statements
from followup.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from followup.workdays import WorkCalendar

from ..conftest import NOW

NY = ZoneInfo("America/New_York")


def at(day: int, hour: int = 10) -> datetime:
    return datetime.combine(date(2026, 11, day), time(hour), tzinfo=NY)


def interview(repo: Repository, day: int = 2) -> tuple[Application, Contact, Round]:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    r = repo.add_round(Round(0, app.id, at(day), at(day, 11), "UTC", interviewer_ids=(dana.id,)))
    return app, dana, r


def test_a_deleted_records_id_is_never_given_to_a_new_one(repo: Repository) -> None:
    app, dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3))
    call = repo.record_call(r.id, at(10))
    inquiry = repo.record_inquiry(app.id, Channel.EMAIL, at(20))
    repo.delete_application(app.id)
    repo.delete_contact(dana.id)
    app2, dana2, r2 = interview(repo)
    assert app2.id > app.id and dana2.id > dana.id and r2.id > r.id
    assert repo.record_letter(r2.id, dana2.id, Channel.EMAIL, at(3)).id > letter.id
    assert repo.record_call(r2.id, at(10)).id > call.id
    assert repo.record_inquiry(app2.id, Channel.EMAIL, at(20)).id > inquiry.id


def test_a_new_round_never_inherits_reminders_or_calendar_uids(repo: Repository) -> None:
    _, _, old = interview(repo)

    def plan(r: Round) -> list[PlanItem]:
        app = repo.application(r.application_id)
        return round_plan(app, r, {}, [], [], WorkCalendar(), NOW)

    def plan_keys(r: Round) -> set[str]:
        return {item.key for item in plan(r)}

    old_keys = plan_keys(old)
    repo.mark_delivered([f"{key}:morning" for key in old_keys], NOW)
    repo.delete_round(old.id)
    assert repo.deliveries() == {}  # the delivery state left with its round
    new = repo.add_round(replace(old, id=0))
    new_keys = plan_keys(new)
    assert not new_keys & old_keys
    calendar = ics.to_ics(plan(new), NOW, {new.id: new.ends_at}).decode()
    assert not any(f"UID:{key}@" in calendar for key in old_keys)


def test_deleting_an_application_forgets_its_reminders_only(repo: Repository) -> None:
    app, _, r = interview(repo)
    other_app, _, other = interview(repo)
    keys = [f"app-{app.id}-inquiry:due", f"round-{r.id}-letter-1:due"]
    kept = [f"app-{other_app.id}-inquiry:due", f"round-{other.id}-letter-1:due"]
    repo.mark_delivered(keys + kept, NOW)
    repo.delete_application(app.id)
    assert sorted(repo.deliveries()) == sorted(kept)


def test_undo_after_new_work_puts_back_exactly_what_it_removed(repo: Repository) -> None:
    app, dana, r = interview(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3))
    repo.mark_delivered([f"round-{r.id}-letter-{dana.id}:due"], NOW)
    snapshot = repo.delete_round_undoably(r.id)
    assert repo.deliveries() == {}
    newer = repo.add_round(Round(0, app.id, at(5), at(5, 11), "UTC", interviewer_ids=(dana.id,)))
    repo.restore(snapshot)
    assert {x.id for x in repo.rounds()} == {r.id, newer.id}
    assert [x.round_id for x in repo.letters()] == [r.id]
    assert repo.deliveries() == {f"round-{r.id}-letter-{dana.id}:due": Delivery(NOW)}
    # Redo deletes the restored round, never the newer one.
    repo.delete_round_undoably(r.id)
    assert [x.id for x in repo.rounds()] == [newer.id]


def test_an_undo_that_cannot_apply_says_so_and_changes_nothing(repo: Repository) -> None:
    app, dana, r = interview(repo)
    snapshot = repo.delete_round_undoably(r.id)
    repo.restore(snapshot)
    with pytest.raises(CannotUndo, match="already back"):
        repo.restore(snapshot)
    assert len(repo.rounds()) == 1
    snapshot = repo.delete_application_undoably(app.id)
    repo.delete_contact(dana.id)  # the round's interviewer is gone now
    with pytest.raises(CannotUndo, match="removed since"):
        repo.restore(snapshot)
    assert repo.applications() == [] and repo.rounds() == []


def test_an_undo_is_one_transaction_drafts_included(repo: Repository) -> None:
    _, dana, r = interview(repo)
    repo.save_draft(Draft(r.id, dana.id, Channel.EMAIL, "t", "Dear Dana", at(3)))
    snapshot = repo.delete_round_undoably(r.id)
    assert len(snapshot.drafts) == 1
    # The last part cannot be put back (its recipient no longer exists): nothing may be.
    broken = replace(snapshot, drafts=(replace(snapshot.drafts[0], contact_id=999),))
    with pytest.raises(CannotUndo):
        repo.restore(broken)
    assert repo.rounds() == [] and repo.drafts() == []
    repo.restore(snapshot)
    assert repo.draft(r.id, dana.id) is not None


def _race(db_path: Path, record: str, threads: int = 4, rounds: int = 25) -> list[int]:
    """``threads`` writers, each with its own connection, record at once; successes per round."""
    setup = Database.open(db_path, NOW)
    repo = Repository(setup)
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    round_ids = [
        repo.add_round(Round(0, app.id, at(2), at(2, 11), "UTC", interviewer_ids=(dana.id,))).id
        for _ in range(rounds)
    ]
    if record == "call":  # the one call comes after the letter
        for round_id in round_ids:
            repo.record_letter(round_id, dana.id, Channel.EMAIL, at(3))
    setup.close()
    barrier = threading.Barrier(threads)
    wins = [0] * rounds
    lock = threading.Lock()
    failures: list[BaseException] = []

    def writer() -> None:
        database = Database.open(db_path, NOW)
        mine = Repository(database)
        try:
            for index, round_id in enumerate(round_ids):
                barrier.wait()
                try:
                    if record == "letter":
                        mine.record_letter(round_id, dana.id, Channel.EMAIL, at(3))
                    else:
                        mine.record_call(round_id, at(10))
                except (Refusal, DatabaseUnavailable):
                    continue
                with lock:
                    wins[index] += 1
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)
            barrier.abort()
        finally:
            database.close()

    workers = [threading.Thread(target=writer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not failures
    return wins


@pytest.mark.parametrize("record", ["letter", "call"])
def test_writers_racing_on_one_file_record_only_one(db_path: Path, record: str) -> None:
    wins = _race(db_path, record)
    assert wins == [1] * len(wins)
    con = sqlite3.connect(db_path)
    table = "letters" if record == "letter" else "calls"
    assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(wins)
    con.close()


def test_the_database_itself_refuses_a_second_letter(repo: Repository) -> None:
    _, dana, r = interview(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        repo.db.connection.execute(
            "INSERT INTO letters(round_id, contact_id, channel, sent_at) VALUES (?, ?, ?, ?)",
            (r.id, dana.id, "post", "2026-11-04T10:00:00+00:00"),
        )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        for _ in range(2):
            repo.db.connection.execute(
                "INSERT INTO calls(round_id, made_at) VALUES (?, ?)",
                (r.id, "2026-11-10T10:00:00+00:00"),
            )


def _version_4(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:4]:
        for statement in _statements(script):
            con.execute(statement)
    con.execute("PRAGMA user_version = 4")
    return con


def test_migration_5_keeps_every_record_and_marks_old_duplicates(db_path: Path) -> None:
    con = _version_4(db_path)
    con.executescript(
        """
        INSERT INTO contacts(id, name) VALUES (1, 'Dana'), (2, 'Lee');
        INSERT INTO applications(id, company, role, source, contact_id)
            VALUES (1, 'Acme', 'Dev', 'portal', 2), (2, 'Initech', 'QA', 'portal', NULL);
        INSERT INTO rounds(id, application_id, starts_at, ends_at, timezone, kind)
            VALUES (7, 1, '2026-11-02T15:00:00+00:00', '2026-11-02T16:00:00+00:00', 'UTC',
                    'video');
        INSERT INTO round_interviewers VALUES (7, 1, 0);
        INSERT INTO letters(round_id, contact_id, channel, sent_at)
            VALUES (7, 1, 'email', '2026-11-03T10:00:00+00:00'),
                   (7, 1, 'email', '2026-11-03T10:00:01+00:00');
        INSERT INTO calls(round_id, made_at) VALUES (7, '2026-11-10T10:00:00+00:00');
        INSERT INTO drafts VALUES (7, 1, 'post', 't', 'Dear Dana', '2026-11-03T09:00:00+00:00');
        INSERT INTO reminders VALUES ('round-7-call:due', '2026-11-10T09:00:00+00:00', NULL);
        """
    )
    con.close()
    database = Database.open(db_path, NOW)
    repo = Repository(database)
    assert database.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [c.name for c in repo.contacts()] == ["Dana", "Lee"]
    assert repo.application(1).contact_id == 2
    assert repo.round(7).interviewer_ids == (1,)
    letters = repo.letters(7)
    assert [x.override is None for x in letters] == [True, False]
    assert letters[1].override is not None and letters[1].override.rule == "second-letter"
    assert len(repo.calls(7)) == 1 and repo.draft(7, 1) is not None
    assert list(repo.deliveries()) == ["round-7-call:due"]
    assert list((db_path.parent / "backups").glob("*before-schema-5*"))
    assert database.connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # The rebuilt tables count on: the highest id, once deleted, is not handed out again.
    repo.delete_application(2)
    assert repo.add_application(Application(0, "Globex", "Ops")).id == 3
    database.close()


def _raw(path: Path, table: str) -> list[tuple[object, ...]]:
    """A table's rows byte for byte (text as bytes, as stored, even when not UTF-8)."""
    with sqlite3.connect(path) as raw:
        raw.text_factory = bytes
        return raw.execute(f"SELECT *, typeof(id) FROM {table} ORDER BY id").fetchall()


@pytest.mark.parametrize("what", ["round", "application"])
def test_undo_puts_back_letters_calls_and_inquiries_it_could_not_read(
    repo: Repository, db_path: Path, what: str
) -> None:
    """A delete's undo must not lose what an old version or a hand edit stored, however bad."""
    app, dana, r = interview(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3))
    lee = repo.add_contact(Contact(0, "Lee"))
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute(
            "INSERT INTO letters(round_id, contact_id, channel, sent_at) "
            "VALUES (?, ?, 'pigeon', '9999-12-31T10:00:00+00:00')",
            (r.id, lee.id),
        )
        raw.execute(
            "INSERT INTO calls(round_id, made_at, outcome) VALUES "
            "(?, '2026-12-04T15:00:00+00:00', CAST(X'ED' || 'no news' AS TEXT))",
            (r.id,),
        )
        raw.execute(
            "INSERT INTO inquiries(application_id, channel, sent_at) "
            "VALUES (?, 'email', '0001-01-01T00:00:00+00:00')",
            (app.id,),
        )
    before = {t: _raw(db_path, t) for t in ("letters", "calls", "inquiries")}
    assert len(repo.letters()) == 1  # the bad ones are named, not read
    if what == "round":
        snapshot = repo.delete_round_undoably(r.id)
    else:
        snapshot = repo.delete_application_undoably(app.id)
    assert _raw(db_path, "letters") == [] and _raw(db_path, "calls") == []
    repo.restore(snapshot)
    assert {t: _raw(db_path, t) for t in ("letters", "calls", "inquiries")} == before
    with sqlite3.connect(db_path) as raw:  # still text, not a blob of the same bytes
        assert raw.execute("SELECT typeof(outcome) FROM calls").fetchall() == [("text",)]
    # The file's rules hold again for everything after the undo.
    assert repo.db.connection.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0
