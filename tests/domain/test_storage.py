"""The SQLite store: migrations with backups, transactions, refusals, corrupt files."""

import sqlite3
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.errors import CorruptDatabase, InvalidInput, NotFound, Refusal
from followup.model import Application, Channel, Contact, Override, PostalAddress, Round
from followup.storage import Database, Repository
from followup.storage.migrations import MIGRATIONS, SCHEMA_VERSION

from ..conftest import NOW

NY = ZoneInfo("America/New_York")


def at(day: int, hour: int = 10) -> datetime:
    return datetime.combine(date(2026, 11, day), time(hour), tzinfo=NY)


def test_new_database_is_wal_with_foreign_keys_and_current_schema(db_path: Path) -> None:
    database = Database.open(db_path, NOW)
    con = database.connection
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    database.close()


def test_migration_makes_a_backup_first(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            con.execute(statement)
    con.execute("INSERT INTO applications(company, role, source) VALUES ('Acme', 'Dev', 'portal')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    database = Database.open(db_path, NOW)
    backups = list((db_path.parent / "backups").glob("*before-schema-2*"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT company FROM applications").fetchall() == [("Acme",)]
    old.close()
    assert Repository(database).applications()[0].company == "Acme"
    database.close()


def test_a_file_that_is_not_a_database_is_never_overwritten(db_path: Path) -> None:
    db_path.write_bytes(b"this is my thesis, not a database" * 100)
    before = db_path.read_bytes()
    with pytest.raises(CorruptDatabase, match="not changed"):
        Database.open(db_path, NOW)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / (db_path.name + "-wal")).exists()


def test_a_damaged_database_names_the_latest_backup(db_path: Path) -> None:
    database = Database.open(db_path, NOW)
    Repository(database).add_application(Application(0, "Acme", "Dev"))
    backup = database.backup(NOW)
    database.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, keeping the header
    db_path.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(CorruptDatabase) as error:
        Database.open(db_path, NOW)
    assert str(backup) in str(error.value)
    assert db_path.read_bytes() == before


def test_newer_schema_is_refused_untouched(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(InvalidInput, match="newer version"):
        Database.open(db_path, NOW)
    assert db_path.read_bytes() == before


def test_rolling_backups_keep_the_newest_seven(repo: Repository) -> None:
    for hour in range(10):
        repo.add_contact(Contact(0, f"Contact {hour}"))  # each backup differs from the last
        repo.db.backup(NOW.replace(hour=hour))
    names = sorted(p.name for p in repo.db.backup_dir.iterdir())
    assert len(names) == 7 and names[0].startswith("followup-20261127-030000")
    assert repo.db.backup_if_stale(NOW.replace(hour=10)) is None  # the newest is fresh


def test_a_failing_action_writes_nothing(repo: Repository) -> None:
    with pytest.raises(RuntimeError), repo.db.transaction() as cur:
        cur.execute("INSERT INTO applications(company, role, source) VALUES ('A', 'B', 'portal')")
        raise RuntimeError("crash mid-action")
    assert repo.applications() == []


def test_records_round_trip_with_non_ascii_and_addresses(repo: Repository) -> None:
    contact = repo.add_contact(
        Contact(
            0,
            "Zoë Ångström",
            "Directrice",
            "Société Générale",
            "zoe@example.fr",
            "+33 1 23",
            PostalAddress(("1 rue X", "75001 Paris")),
        )
    )
    assert repo.contact(contact.id) == contact
    app = repo.add_application(
        Application(
            0, "Société Générale", "Ingénieure", applied_on=date(2026, 11, 1), contact_id=contact.id
        )
    )
    r = repo.add_round(
        Round(
            0,
            app.id,
            at(25),
            at(25, 11),
            "Europe/Paris",
            interviewer_ids=(contact.id,),
            topics=("Kafka", "équipe"),
            strengths=("migré 40 services",),
            decision_on=date(2026, 12, 4),
        )
    )
    assert repo.round(r.id) == r
    assert repo.rounds(app.id) == [r]


def test_bad_values_are_refused_before_anything_is_written(repo: Repository) -> None:
    with pytest.raises(InvalidInput, match="company"):
        Application(0, " ", "Dev")
    with pytest.raises(InvalidInput, match="end after it starts"):
        Round(0, 1, at(25, 11), at(25, 10), "UTC")
    with pytest.raises(InvalidInput, match="time zone"):
        Round(0, 1, at(25), at(25, 11), "Mars/Olympus")
    with pytest.raises(InvalidInput, match="e-mail"):
        Contact(0, "X", email="not an address")
    with pytest.raises(NotFound):
        repo.add_round(Round(0, 99, at(25), at(25, 11), "UTC"))
    assert repo.rounds() == []


def test_letter_refusals_and_recorded_override(repo: Repository) -> None:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    other = repo.add_contact(Contact(0, "Other"))
    r = repo.add_round(
        Round(0, app.id, at(25), at(25, 11), "America/New_York", interviewer_ids=(dana.id,))
    )
    with pytest.raises(Refusal, match="not ended"):
        repo.record_letter(r.id, dana.id, Channel.EMAIL, at(25, 10))
    with pytest.raises(InvalidInput, match="not an interviewer"):
        repo.record_letter(r.id, other.id, Channel.EMAIL, at(26))
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(26))
    with pytest.raises(Refusal) as refused:
        repo.record_letter(r.id, dana.id, Channel.POST, at(27))
    assert refused.value.rule == "other-channel"
    wrong = Override("second-letter", "why not", at(27))
    with pytest.raises(Refusal):  # an override must name the rule it overrides
        repo.record_letter(r.id, dana.id, Channel.POST, at(27), wrong)
    assert len(repo.letters(r.id)) == 1
    right = Override("other-channel", "they asked for a signed copy", at(27, 12))
    letter = repo.record_letter(r.id, dana.id, Channel.POST, at(27), right)
    assert repo.letters(r.id)[1] == letter
    assert letter.override == right


def test_second_call_is_refused(repo: Repository) -> None:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    r = repo.add_round(
        Round(0, app.id, at(2), at(2, 11), "America/New_York", interviewer_ids=(dana.id,))
    )
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(2, 15))
    repo.record_call(r.id, at(9), "spoke briefly")
    with pytest.raises(Refusal, match="already called"):
        repo.record_call(r.id, at(16))
    assert len(repo.calls()) == 1


def test_contacts_with_letters_cannot_be_deleted(repo: Repository) -> None:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    repo.add_round(Round(0, app.id, at(2), at(2, 11), "UTC", interviewer_ids=(dana.id,)))
    with pytest.raises(InvalidInput, match="interviewer"):
        repo.delete_contact(dana.id)
    assert repo.contact(dana.id) == dana


def test_drafts_upsert_and_vanish_when_the_letter_is_sent(repo: Repository) -> None:
    from followup.model import Draft

    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    r = repo.add_round(Round(0, app.id, at(2), at(2, 11), "UTC", interviewer_ids=(dana.id,)))
    repo.save_draft(Draft(r.id, dana.id, Channel.EMAIL, "thank-you-email", "Dear Dana,", at(3)))
    repo.save_draft(Draft(r.id, dana.id, Channel.POST, "thank-you-letter", "Dear Dana, hi", at(3)))
    draft = repo.draft(r.id, dana.id)
    assert draft is not None and draft.body == "Dear Dana, hi" and draft.channel is Channel.POST
    repo.record_letter(r.id, dana.id, Channel.POST, at(3, 12), body="Dear Dana, hi")
    assert repo.draft(r.id, dana.id) is None  # its words are kept with the letter


def test_delete_and_restore_an_application_with_everything_it_had(repo: Repository) -> None:
    from followup import transfer
    from followup.model import Draft

    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    r = repo.add_round(
        Round(0, app.id, at(2), at(2, 11), "UTC", interviewer_ids=(dana.id,), topics=("Kafka",))
    )
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3))
    repo.record_call(r.id, at(10), "brief")
    second = repo.add_round(Round(0, app.id, at(12), at(12, 11), "UTC", interviewer_ids=(dana.id,)))
    repo.save_draft(Draft(second.id, dana.id, Channel.POST, "t", "Dear Dana", at(13)))
    before = transfer.export_all(repo)
    snapshot = repo.delete_application_undoably(app.id)
    assert repo.applications() == [] and repo.letters() == []
    repo.restore(snapshot)
    assert transfer.export_all(repo) == before
    assert repo.draft(second.id, dana.id) is not None
    snapshot = repo.delete_round_undoably(r.id)
    assert [x.id for x in repo.rounds()] == [second.id]
    repo.restore(snapshot)
    assert transfer.export_all(repo) == before


def test_names_of_some_contacts_or_of_all(repo: Repository) -> None:
    """Plans read only their interviewers' names (10,000 contacts: not all of them)."""
    ids = [repo.add_contact(Contact(0, f"Person {n}")).id for n in range(1203)]
    everyone = repo.contact_names()
    assert [everyone[i] for i in ids] == [f"Person {n}" for n in range(1203)]
    some = ids[::2]  # more than one chunk of ids
    assert repo.contact_names(some) == {i: everyone[i] for i in some}
    assert repo.contact_names([]) == {}


def test_companies_of_some_applications(repo: Repository) -> None:
    """What a calendar names on its cells: the stored company, as the application reads."""
    acme = repo.add_application(Application(0, "Acme Ünited", "Dev"))
    globex = repo.add_application(Application(0, "Globex", "Ops"))
    assert repo.company_names([globex.id, acme.id]) == {globex.id: "Globex", acme.id: "Acme Ünited"}
    assert repo.company_names([acme.id, 999]) == {acme.id: repo.application(acme.id).company}
    assert repo.company_names([]) == {}


def test_a_contact_with_a_letter_drafted_to_them_is_not_deleted_unless_asked(
    repo: Repository,
) -> None:
    """A typed, unsent letter never disappears as a side effect of deleting its recipient
    (drafts belong to their recipient); asked for explicitly, both go."""
    from followup.model import Draft

    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana"))
    r = repo.add_round(Round(0, app.id, at(2), at(2, 11), "UTC", interviewer_ids=(dana.id,)))
    repo.save_draft(Draft(r.id, dana.id, Channel.EMAIL, "t", "Dear Dana, thank you", at(3)))
    repo.update_round(replace(r, interviewer_ids=()))  # no longer an interviewer
    with pytest.raises(InvalidInput, match="unsent letter drafted to them"):
        repo.delete_contact(dana.id)
    assert repo.contact(dana.id) == dana and len(repo.drafts()) == 1
    repo.save_draft(Draft(r.id, dana.id, Channel.EMAIL, "t", "  \n", at(4)))  # cleared
    lee = repo.add_contact(Contact(0, "Lee"))
    repo.save_draft(Draft(r.id, lee.id, Channel.EMAIL, "t", "Dear Lee", at(4)))
    repo.delete_contact(dana.id)  # an empty draft loses nothing
    repo.delete_contact(lee.id, with_drafts=True)
    assert repo.contacts() == [] and repo.drafts() == []


def test_schema_9_answers_a_calendar_page_from_its_indexes_after_migrating(
    db_path: Path,
) -> None:
    """A schema-8 file migrates (a backup first) and keeps its records; which rounds had a
    letter sent or a call made in a range is then answered from the indexes alone."""
    con = sqlite3.connect(db_path, isolation_level=None)
    for script in MIGRATIONS[:8]:
        con.executescript(script)
    con.executescript(
        """
        INSERT INTO contacts(id, name) VALUES (1, 'Dana Müller');
        INSERT INTO applications(id, company, role, source) VALUES (1, 'Acme', 'Dev', 'portal');
        INSERT INTO rounds(id, application_id, starts_at, ends_at, timezone, kind)
            VALUES (1, 1, '2026-01-05T15:00:00+00:00', '2026-01-05T16:00:00+00:00',
                    'America/New_York', 'video'),
                   (2, 1, '2026-02-02T15:00:00+00:00', '2026-02-02T16:00:00+00:00',
                    'America/New_York', 'video');
        INSERT INTO letters(round_id, contact_id, channel, sent_at)
            VALUES (1, 1, 'email', '2026-01-06T14:00:00+00:00');
        INSERT INTO calls(round_id, made_at) VALUES (1, '2026-01-13T17:00:00+00:00');
        PRAGMA user_version = 8;
        """
    )
    con.close()
    database = Database.open(db_path, NOW)
    assert list((db_path.parent / "backups").glob("*before-schema-9*"))
    repo = Repository(database)
    january = datetime(2026, 1, 1, tzinfo=NY), datetime(2026, 2, 1, tzinfo=NY)
    # Round 1 started before the range but its letter and call fall in it; round 2 is later.
    assert repo.round_ids_between(january[0].replace(day=7), january[1]) == []
    assert repo.round_ids_between(*january) == [1]
    assert repo.round_ids_between(
        january[0].replace(day=10), january[1], acted_since=january[0].replace(day=10)
    ) == [1]  # the call on the 13th
    asked: list[str] = []  # the question as the repository asks it, with its values
    database.connection.set_trace_callback(asked.append)
    repo.round_ids_between(*january, acted_since=january[0])
    database.connection.set_trace_callback(None)
    plan = " ".join(
        row[-1] for row in database.connection.execute("EXPLAIN QUERY PLAN " + asked[-1])
    )
    assert "COVERING INDEX letters_by_time" in plan and "COVERING INDEX calls_by_time" in plan
    database.close()
