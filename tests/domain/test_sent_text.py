"""A recorded letter keeps the words that were sent: stored, migrated, exported, and given
back as the draft when the record is deleted (a letter recorded by mistake)."""

import json
import sqlite3
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup import transfer, validation
from followup.errors import CannotUndo, InvalidInput
from followup.model import Application, Channel, Contact, Draft, Round
from followup.storage import Database, Repository
from followup.storage.database import _statements
from followup.storage.migrations import MIGRATIONS, SCHEMA_VERSION

from ..cli.runner import ok
from ..conftest import NOW

NY = ZoneInfo("America/New_York")
SUBJECT = "Thank you for the Dev interview"
BODY = "Dear Ms Müller,\n\nThank you for the talk about Kafka.\n\n\tKind regards,\nSam  \n"


def at(day: int, hour: int = 10) -> datetime:
    return datetime.combine(date(2026, 11, day), time(hour), tzinfo=NY)


def interview(repo: Repository) -> tuple[Contact, Round]:
    app = repo.add_application(Application(0, "Acme", "Dev"))
    dana = repo.add_contact(Contact(0, "Dana Müller"))
    r = repo.add_round(Round(0, app.id, at(2), at(2, 11), "UTC", interviewer_ids=(dana.id,)))
    return dana, r


def test_a_recorded_letter_keeps_its_subject_and_body_exactly(
    repo: Repository, db_path: Path
) -> None:
    dana, r = interview(repo)
    repo.save_draft(Draft(r.id, dana.id, Channel.EMAIL, "t", BODY, at(3), SUBJECT))
    letter = repo.record_letter(
        r.id, dana.id, Channel.EMAIL, at(3), now=NOW, subject=SUBJECT, body=BODY
    )
    assert (letter.subject, letter.body) == (SUBJECT, BODY)
    assert repo.draft(r.id, dana.id) is None  # the draft has gone: the letter holds its words
    repo.db.close()
    again = Repository(Database.open(db_path, NOW))
    assert (again.letter(letter.id).subject, again.letter(letter.id).body) == (SUBJECT, BODY)
    assert [(x.subject, x.body) for x in again.letters(r.id)] == [(SUBJECT, BODY)]
    again.db.close()


def test_a_letter_recorded_without_its_text_still_records(repo: Repository) -> None:
    """The command line's ``letters record`` names no text: recorded, with none kept."""
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.POST, at(3))
    assert (repo.letter(letter.id).subject, repo.letter(letter.id).body) == ("", "")


@pytest.mark.parametrize(
    ("subject", "body", "message"),
    [
        ("", "x" * (validation.BODY + 1), "the letter is too long"),
        ("x" * (validation.NAME + 1), BODY, "the subject is too long"),
        ("Thanks\nagain", BODY, "the subject contains a line break"),
        ("", "Dear Dana\x1b[2J", "the letter contains a control character"),
    ],
)
def test_bad_text_is_refused_in_words_and_nothing_is_written(
    repo: Repository, subject: str, body: str, message: str
) -> None:
    dana, r = interview(repo)
    draft = Draft(r.id, dana.id, Channel.EMAIL, "t", "my words", at(3), "")
    repo.save_draft(draft)
    with pytest.raises(InvalidInput, match=message):
        repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=subject, body=body)
    assert repo.letters() == []
    assert repo.draft(r.id, dana.id) == draft  # the draft stays: nothing was recorded


def _version_6(path: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:6]:
        for statement in _statements(script):
            con.execute(statement)
    con.executescript(
        """
        INSERT INTO contacts(id, name) VALUES (1, 'Dana');
        INSERT INTO applications(id, company, role, source) VALUES (1, 'Acme', 'Dev', 'portal');
        INSERT INTO rounds(id, application_id, starts_at, ends_at, timezone, kind)
            VALUES (7, 1, '2026-11-02T15:00:00+00:00', '2026-11-02T16:00:00+00:00', 'UTC',
                    'video');
        INSERT INTO round_interviewers VALUES (7, 1, 0);
        INSERT INTO letters(round_id, contact_id, channel, sent_at)
            VALUES (7, 1, 'email', '2026-11-03T10:00:00+00:00');
        PRAGMA user_version = 6;
        """
    )
    con.close()


def test_an_old_database_with_a_letter_migrates_and_the_letter_says_no_text_was_kept(
    db_path: Path,
) -> None:
    _version_6(db_path)
    database = Database.open(db_path, NOW)
    repo = Repository(database)
    assert database.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list((db_path.parent / "backups").glob("*before-schema-7*"))
    [letter] = repo.letters(7)
    assert (letter.channel, letter.subject, letter.body) == (Channel.EMAIL, "", "")
    assert repo.unreadable() == []
    # The migrated file takes a letter with its words.
    lee = repo.add_contact(Contact(0, "Lee"))
    repo.update_round(Round(**{**_fields(repo.round(7)), "interviewer_ids": (1, lee.id)}))
    made = repo.record_letter(7, lee.id, Channel.EMAIL, at(4), body=BODY, subject=SUBJECT)
    assert repo.letter(made.id).body == BODY
    database.close()


def _fields(r: Round) -> dict[str, object]:
    return {name: getattr(r, name) for name in Round.__slots__}


def test_export_and_import_carry_the_words_sent(repo: Repository, tmp_path: Path) -> None:
    dana, r = interview(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    exported = transfer.export_all(repo)
    assert (exported["letters"][0]["subject"], exported["letters"][0]["body"]) == (SUBJECT, BODY)
    other = Repository(Database.open(tmp_path / "copy.sqlite3", NOW))
    transfer.import_all(other, json.dumps(exported))
    assert [(x.subject, x.body) for x in other.letters()] == [(SUBJECT, BODY)]
    assert transfer.export_all(other) == exported
    other.db.close()


def test_an_export_from_before_the_words_were_kept_still_imports(
    repo: Repository, tmp_path: Path
) -> None:
    dana, r = interview(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    exported = transfer.export_all(repo)
    del exported["letters"][0]["subject"], exported["letters"][0]["body"]
    other = Repository(Database.open(tmp_path / "copy.sqlite3", NOW))
    transfer.import_all(other, json.dumps(exported))
    assert [(x.subject, x.body) for x in other.letters()] == [("", "")]
    other.db.close()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body", "x" * (validation.BODY + 1), "letters, record 1: the letter is too long"),
        ("body", 42, "letters.body must be text"),
        ("subject", "a\nb", "letters, record 1: the subject contains a line break"),
    ],
)
def test_an_import_with_a_bad_letter_text_is_refused_whole(
    repo: Repository, tmp_path: Path, field: str, value: object, message: str
) -> None:
    dana, r = interview(repo)
    repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    exported = transfer.export_all(repo)
    exported["letters"][0][field] = value
    other = Repository(Database.open(tmp_path / "copy.sqlite3", NOW))
    with pytest.raises(InvalidInput, match=message):
        transfer.import_all(other, json.dumps(exported))
    assert other.letters() == [] and other.applications() == []
    other.db.close()


def test_deleting_a_recorded_letter_gives_its_words_back_as_the_draft(repo: Repository) -> None:
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    back = repo.delete_letter(letter.id, now=NOW)
    assert repo.letters() == []
    draft = repo.draft(r.id, dana.id)
    assert draft is not None and back == draft
    assert (draft.channel, draft.subject, draft.body, draft.updated_at) == (
        Channel.EMAIL,
        SUBJECT,
        BODY,
        NOW,
    )


def test_deleting_a_letter_keeps_a_draft_written_since_and_invents_none(repo: Repository) -> None:
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    newer = Draft(r.id, dana.id, Channel.POST, "t", "Written since", at(4), "")
    repo.save_draft(newer)
    assert repo.delete_letter(letter.id, now=NOW) is None
    assert repo.draft(r.id, dana.id) == newer
    old = repo.record_letter(r.id, dana.id, Channel.POST, at(5))  # no text kept: draft stays
    assert repo.draft(r.id, dana.id) == newer
    assert repo.delete_letter(old.id, now=NOW) is None
    assert repo.draft(r.id, dana.id) == newer


def test_a_letter_recorded_without_its_words_leaves_the_draft_to_come_back(
    repo: Repository,
) -> None:
    """Found by the review: 'letter record' (no text) deleted the draft, so deleting a letter
    recorded by mistake had no words to give back."""
    dana, r = interview(repo)
    words = Draft(r.id, dana.id, Channel.EMAIL, "t", "My careful words", at(3), "Thanks")
    repo.save_draft(words)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(4))
    assert repo.draft(r.id, dana.id) == words
    repo.delete_letter(letter.id, now=NOW)
    assert repo.draft(r.id, dana.id) == words


@pytest.mark.parametrize("what", ["round", "application"])
def test_undo_of_a_delete_puts_the_letter_back_with_its_words(repo: Repository, what: str) -> None:
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    if what == "round":
        snapshot = repo.delete_round_undoably(r.id)
    else:
        snapshot = repo.delete_application_undoably(r.application_id)
    repo.restore(snapshot)
    assert repo.letter(letter.id) == letter


def test_the_command_line_deletes_a_letter_and_says_its_words_are_the_draft_again(
    repo: Repository, db_path: Path
) -> None:
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    out = ok(db_path, "letter", "delete", str(letter.id))
    assert out == f"Deleted letter {letter.id}; its text is the draft again\n"
    draft = repo.draft(r.id, dana.id)
    assert draft is not None and (draft.subject, draft.body) == (SUBJECT, BODY)


def test_a_record_undone_and_redone_is_the_same_letter_and_its_words_move_back_and_forth(
    repo: Repository,
) -> None:
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    repo.delete_letter(letter.id, now=NOW)  # undo: the words are the draft
    assert repo.put_back_letter(letter) == letter  # redo: the same record, same id
    assert repo.letter(letter.id) == letter and repo.draft(r.id, dana.id) is None
    with pytest.raises(CannotUndo, match="Nothing was changed"):
        repo.put_back_letter(letter)  # twice
    repo.delete_letter(letter.id, now=NOW)
    edited = Draft(r.id, dana.id, Channel.EMAIL, "", BODY + "P.S.", NOW, SUBJECT)
    repo.save_draft(edited)
    repo.put_back_letter(letter)
    assert repo.draft(r.id, dana.id) == edited  # changed since: kept, not lost


def test_a_letter_followed_up_by_its_call_is_not_taken_back(repo: Repository) -> None:
    """Found by the review: Edit → Undo of Mark as sent a week later deleted the letter and
    left the call it led to, a call with no letter (R6). Taken back it is refused in words,
    nothing changed; deleted on purpose (repairs, 'letter delete'), it goes."""
    dana, r = interview(repo)
    letter = repo.record_letter(r.id, dana.id, Channel.EMAIL, at(3), subject=SUBJECT, body=BODY)
    repo.record_call(r.id, at(10), "left a message")
    with pytest.raises(CannotUndo, match="call about this interview is recorded since"):
        repo.take_back_letter(letter.id, now=NOW)
    assert repo.letters(r.id) == [letter] and repo.draft(r.id, dana.id) is None
    repo.delete_letter(letter.id, now=NOW)  # on purpose: still possible
    assert repo.letters(r.id) == []
