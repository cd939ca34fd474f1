"""The ``followup`` command on a real database file: run in-process for most cases (the same
``main`` the installed command calls), and as its own process for the entry point, its exit
codes and the process's locale."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.cli.runner import copy_database, ok, run, run_process, state


def plain(text: str) -> str:
    """PDF text with ligatures unfolded and any run of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per module; each test gets its own copy (``db``)."""
    path = tmp_path_factory.mktemp("cli-seed") / "cli.sqlite3"
    ok(path, "settings", "set", "calendar.country", "US")
    ok(path, "settings", "set", "calendar.timezone", "America/New_York")
    ok(
        path,
        "contact",
        "add",
        "--name",
        "Dana Müller",
        "--email",
        "dana@acme.example",
        "--address",
        "Acme Inc.;1 Main St;Springfield, IL 62701",
    )
    ok(
        path,
        "app",
        "add",
        "--company",
        "Acme",
        "--role",
        "Backend Engineer",
        "--applied-on",
        "2026-11-01",
    )
    ok(
        path,
        "round",
        "add",
        "--app",
        "1",
        "--start",
        "2026-11-25T10:00",
        "--end",
        "2026-11-25T11:00",
        "--interviewer",
        "1",
        "--topic",
        "event sourcing",
    )
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    return copy_database(seeded, tmp_path / "cli.sqlite3")


def test_the_command_runs_as_its_own_process_with_its_exit_codes(db: Path) -> None:
    """``python -m followup``: the database from ``FOLLOWUP_DB``, 0 with the answer on
    stdout, 1 for a refusal, 2 for bad input, each problem in one line on stderr."""
    shown = run_process(db, "app", "show", "1", "--json")
    assert shown.code == 0, shown.err
    assert json.loads(shown.out)["role"] == "Backend Engineer" and shown.err == ""
    first = run_process(db, "letter", "record", "1", "--to", "1", "--channel", "email")
    assert first.code == 0, first.err
    second = run_process(db, "letter", "record", "1", "--to", "1", "--channel", "email")
    assert second.code == 1 and "refused (second-letter)" in second.err
    bad = run_process(db, "contact", "add", "--name", "X", "--email", "nope")
    assert bad.code == 2 and "not an e-mail address" in bad.err
    for result in (second, bad):
        assert len(result.err.strip().splitlines()) == 1, result.err


def test_deadline_contract(tmp_path: Path) -> None:
    out = ok(
        tmp_path / "none.sqlite3",
        "deadline",
        "--interview-at",
        "2026-11-25T10:00-05:00",
        "--country",
        "US",
        "--json",
    )
    assert json.loads(out) == {
        "due": "2026-11-30T17:00:00-05:00",
        "business_days": ["2026-11-27", "2026-11-30"],
    }
    assert not (tmp_path / "none.sqlite3").exists(), "reading the deadline creates no database"
    sun_thu = json.loads(
        ok(
            tmp_path / "x",
            "deadline",
            "--interview-at",
            "2026-11-19T10:00+02:00",
            "--country",
            "IL",
            "--workdays",
            "sun,mon,tue,wed,thu",
            "--json",
        )
    )
    assert sun_thu["business_days"] == ["2026-11-22", "2026-11-23"]


def test_call_date_contract(tmp_path: Path) -> None:
    out = ok(
        tmp_path / "x", "call-date", "--letter-sent", "2026-12-18", "--country", "US", "--json"
    )
    assert json.loads(out) == {"call_on": "2026-12-28"}
    human = ok(tmp_path / "x", "call-date", "--letter-sent", "2026-12-18", "--country", "US")
    assert "Christmas Day (Fri 2026-12-25)" in human


def test_deadline_uses_the_settings_without_country(db: Path) -> None:
    out = json.loads(ok(db, "deadline", "--interview-at", "2026-11-25T10:00", "--json"))
    assert out["due"] == "2026-11-30T17:00:00-05:00"


def test_letter_refusal_then_override(db: Path) -> None:
    ok(
        db,
        "letter",
        "record",
        "1",
        "--to",
        "1",
        "--channel",
        "email",
        "--sent-at",
        "2026-11-26T09:00",
    )
    second = run(db, "letter", "record", "1", "--to", "1", "--channel", "email")
    assert second.code == 1
    assert "refused (second-letter)" in second.err
    third = run(
        db,
        "letter",
        "record",
        "1",
        "--to",
        "1",
        "--channel",
        "post",
        "--override",
        "asked for a signed copy",
    )
    assert third.code == 0, third.err
    letters = json.loads(ok(db, "letter", "list", "--json"))
    assert letters[1]["override"]["rule"] == "other-channel"
    assert letters[1]["override"]["reason"] == "asked for a signed copy"


def test_plan_agenda_and_exports(db: Path, tmp_path: Path) -> None:
    plan = json.loads(ok(db, "plan", "1", "--json"))
    assert [i["kind"] for i in plan] == ["interview", "letter", "call"]
    assert "Thanksgiving Day (Thu 2026-11-26)" in plan[1]["reason"]
    agenda = json.loads(ok(db, "agenda", "--days", "7", "--json"))
    assert agenda[0]["kind"] == "letter"
    # When it is missed if still not sent: the day after its call would have been (Mon 7
    # Dec, a week after the deadline, Mon 30 Nov, where Thanksgiving and the weekend moved it).
    assert agenda[0]["missed_at"] == plan[1]["missed_at"] == "2026-12-08T00:00:00-05:00"
    assert plan[2]["missed_at"] is None  # the call has no date until a letter is sent
    ok(db, "export", "ics", str(tmp_path / "f.ics"))
    # the interview and the letter; the call has no date until a letter is sent
    assert (tmp_path / "f.ics").read_text().count("BEGIN:VEVENT") == 2
    ok(db, "export", "json", str(tmp_path / "all.json"))
    ok(tmp_path / "copy.sqlite3", "import", "json", str(tmp_path / "all.json"))
    assert (
        ok(tmp_path / "copy.sqlite3", "export", "json", "-") == (tmp_path / "all.json").read_text()
    )


def test_edit_and_delete(db: Path) -> None:
    ok(db, "app", "edit", "1", "--role", "Staff Engineer")
    assert json.loads(ok(db, "app", "show", "1", "--json"))["role"] == "Staff Engineer"
    ok(db, "round", "edit", "1", "--strength", "led the migration", "--decision-on", "2026-12-04")
    shown = json.loads(ok(db, "round", "show", "1", "--json"))
    assert shown["strengths"] == ["led the migration"] and shown["topics"] == ["event sourcing"]
    ok(db, "round", "delete", "1")
    ok(db, "contact", "delete", "1")
    ok(db, "app", "delete", "1")
    assert json.loads(ok(db, "app", "list", "--json")) == []


BAD = [
    (["deadline", "--interview-at", "yesterday", "--country", "US"], "not an ISO date-time"),
    (["deadline", "--interview-at", "2026-11-25T10:00", "--country", "XX"], "unknown country"),
    (
        ["deadline", "--interview-at", "2026-11-25T10:00", "--country", "US", "--subdiv", "QQ"],
        "unknown subdivision",
    ),
    (["deadline", "--interview-at", "2026-11-25T10:00", "--workdays", "mon,fun"], "weekday"),
    # One bad item of a list is "one of" them ("each of the topics contains …" read wrong).
    (
        [
            *("round", "add", "--app", "1", "--start", "2026-11-20T10:00"),
            *("--end", "2026-11-20T11:00", "--topic", "fine", "--topic", "tab\there"),
        ],
        "one of the topics contains a control character (U+0009)",
    ),
    # A range that ends before it starts is a mistake to say, not "Nothing to do."
    (["agenda", "--from", "2026-12-10", "--to", "2026-12-01"], "--to 2026-12-01 is before --"),
    (["agenda", "--to", "2026-11-01"], "--to 2026-11-01 is before today; nothing to show"),
    # Written the ISO way but not on the calendar: say so, not "not an ISO date".
    (["call-date", "--letter-sent", "2026-02-29"], "'2026-02-29' is not a date (February 2026 "),
    (
        ["round", "add", "--app", "1", "--start", "2026-04-31T10:00", "--end", "2026-04-31T11:00"],
        "is not a date (April 2026 has 30 days)",
    ),
    (["app", "add", "--company", "", "--role", "Dev"], "company must not be empty"),
    (
        ["app", "add", "--company", "Acme", "--role", "Dev", "--applied-on", "2026-13-01"],
        "'2026-13-01' is not a date (there is no month 13)",
    ),
    (
        ["round", "add", "--app", "1", "--start", "2026-11-25T11:00", "--end", "2026-11-25T10:00"],
        "end after it starts",
    ),
    (
        ["round", "add", "--app", "42", "--start", "2026-11-25T10:00", "--end", "2026-11-25T11:00"],
        "no application 42",
    ),
    (
        [
            "round",
            "add",
            "--app",
            "1",
            "--start",
            "2026-11-25T10:00",
            "--end",
            "2026-11-25T11:00",
            "--tz",
            "Moon/Base",
        ],
        "unknown time zone",
    ),
    (["contact", "add", "--name", "X", "--email", "nope"], "not an e-mail address"),
    (["letter", "record", "9", "--to", "1", "--channel", "email"], "no interview round 9"),
    (["letter", "record", "1", "--to", "1", "--channel", "pigeon"], "invalid choice"),
    (["settings", "set", "plan.quiet_days", "-3"], "outside"),
    (["settings", "set", "no.such", "1"], "unknown setting"),
    (["contact", "delete", "1"], "interviewer"),
    (["import", "json", "-"], "not JSON"),
    (["app", "show", "abc"], "is not a whole number"),
    # What was done is not dated after now (the clock is 2026-11-27 15:00 UTC), override or not.
    (
        [
            *("letter", "record", "1", "--to", "1", "--channel", "email"),
            *("--sent-at", "2026-12-25T10:00", "--override", "it is true"),
        ],
        "the time the letter was sent is in the future",
    ),
    (["call", "record", "1", "--made-at", "2027-01-05T10:00"], "the time of the call is in the"),
    (["inquiry", "record", "1", "--sent-at", "2030-01-01T10:00"], "the inquiry was sent is in"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a[:2]) for a, _ in BAD])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    db: Path, args: list[str], message: str
) -> None:
    before = db.read_bytes()
    wal = db.with_name(db.name + "-wal")
    wal_before = wal.read_bytes() if wal.exists() else b""
    result = run(db, *args, stdin="{broken")
    assert result.code == 2, result.err
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert db.read_bytes() == before
    assert (wal.read_bytes() if wal.exists() else b"") == wal_before


def test_letter_pdf_and_envelope_from_the_command_line(
    db: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """In-process the command prints with the test's own Qt application."""
    from pypdf import PdfReader

    refused = run(db, "letter", "pdf", "1", "--to", "1", "--out", str(tmp_path / "a.pdf"))
    assert refused.code == 2 and "needs your name" in refused.err
    ok(db, "settings", "set", "profile.name", "Sam Lee")
    ok(db, "settings", "set", "profile.address", "12 Elm Street;Springfield, IL 62704")
    nothing = run(db, "letter", "pdf", "1", "--to", "1", "--out", str(tmp_path / "a.pdf"))
    assert nothing.code == 2 and "no draft" in nothing.err
    assert not (tmp_path / "a.pdf").exists()
    body = "Dear Ms. Müller,\n\nThank you for meeting with me.\n\nSincerely,\n"
    result = run(
        db,
        "letter",
        "pdf",
        "1",
        "--to",
        "1",
        "--out",
        str(tmp_path / "a.pdf"),
        "--file",
        "-",
        "--paper",
        "a4",
        stdin=body,
    )
    assert result.code == 0, result.err
    assert "no signature on file" in result.out
    page = PdfReader(tmp_path / "a.pdf").pages[0]
    assert plain(page.extract_text()) == (
        "Sam Lee 12 Elm Street Springfield, IL 62704 November 27, 2026 Dana Müller Acme Inc. "
        "1 Main St Springfield, IL 62701 Dear Ms. Müller, Thank you for meeting with me. "
        "Sincerely, Sam Lee"
    )
    assert round(float(page.mediabox.width)) == 595
    ok(
        db,
        "letter",
        "envelope",
        "1",
        "--to",
        "1",
        "--out",
        str(tmp_path / "e.pdf"),
        "--size",
        "us10",
    )
    assert "Dana Müller Acme Inc." in plain(PdfReader(tmp_path / "e.pdf").pages[0].extract_text())
    wrong = run(db, "letter", "pdf", "1", "--to", "99", "--out", str(tmp_path / "b.pdf"))
    assert wrong.code == 2 and "did not interview you" in wrong.err


def test_auto_paper_follows_the_letters_country_not_the_process_locale(
    db: Path, tmp_path: Path
) -> None:
    """A US user whose session runs under C.UTF-8 (run_process sets it) gets Letter, a German
    A4: the letter is printed by its own process, whose locale names no country."""
    from pypdf import PdfReader

    ok(db, "settings", "set", "profile.name", "Sam Lee")
    ok(db, "settings", "set", "profile.address", "12 Elm Street;Springfield, IL 62704")
    body = "Dear Ms. Müller,\n\nThank you for meeting with me.\n\nSincerely,\n"
    widths = {}
    for country in ("US", "DE"):
        ok(db, "settings", "set", "calendar.country", country)
        out = tmp_path / f"{country}.pdf"
        args = ("letter", "pdf", "1", "--to", "1", "--out", str(out), "--file", "-")
        printed = run_process(db, *args, "--paper", "auto", stdin=body)
        assert printed.code == 0, printed.err
        widths[country] = round(float(PdfReader(out).pages[0].mediabox.width))
    assert widths == {"US": 612, "DE": 595}


def test_printing_to_a_missing_folder_a_folder_or_a_full_disk_is_one_line(
    db: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """The PDF was written where asked by Qt, which said 'Wrote /dev/full' (exit 0) on a full
    disk and two lines (Qt's warning, then ours) for a missing folder: now the command line's
    own writer decides, and nothing is left behind."""
    ok(db, "settings", "set", "profile.name", "Sam Lee")
    ok(db, "settings", "set", "profile.address", "12 Elm Street;Springfield, IL 62704")
    for out, message in (
        (tmp_path / "no" / "such" / "a.pdf", "does not exist"),
        (tmp_path, "is a folder"),
        (Path("/dev/full"), "No space left"),
    ):
        args = ("letter", "pdf", "1", "--to", "1", "--out", str(out), "--file", "-")
        result = run(db, *args, stdin="Dear Dana,\n\nThank you.\n")
        assert result.code == 2, result.out
        assert message in result.err
        assert len(result.err.strip().splitlines()) == 1, result.err
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".pdf" or "partial" in p.name]


def test_a_letter_or_call_cannot_be_moved_into_the_future(db: Path) -> None:
    """Recorded on the day, then "corrected" to a day to come: refused, nothing written. A
    clock a minute or two fast elsewhere is not the future."""
    sent = ("letter", "record", "1", "--to", "1", "--channel", "email", "--sent-at")
    ok(db, *sent, "2026-11-27T10:02")  # 15:02 UTC: two minutes after now
    ok(db, "call", "record", "1", "--made-at", "2026-11-27T10:01", "--override", "they asked")
    before = state(db)
    for args in (
        ("letter", "edit", "1", "--sent-at", "2026-11-30T10:00"),
        ("call", "edit", "1", "--made-at", "2026-12-04T10:00"),
    ):
        result = run(db, *args)
        assert result.code == 2 and "is in the future" in result.err, result
        assert state(db) == before


def test_import_refuses_a_letter_dated_after_now(db: Path, tmp_path: Path) -> None:
    """Import refuses what the app and the command line refuse: a letter sent in 2030."""
    ok(db, "letter", "record", "1", "--to", "1", "--channel", "email")
    document = json.loads(ok(db, "export", "json", "-"))
    document["letters"][0]["sent_at"] = "2030-01-01T10:00:00+00:00"
    (tmp_path / "ahead.json").write_text(json.dumps(document))
    before = state(db)
    result = run(db, "import", "json", str(tmp_path / "ahead.json"), "--replace")
    assert result.code == 2, result
    assert "letters, record 1: the time the letter was sent is in the future" in result.err
    assert "nothing was imported" in result.err
    assert state(db) == before


def test_deleting_a_contact_never_takes_a_typed_letter_with_it(db: Path) -> None:
    """A letter drafted to someone (in the app) and not sent is not deleted as a side effect
    of deleting them: refused with the reason, nothing written; ``--with-drafts`` asks."""
    from datetime import UTC, datetime

    from followup.model import Channel, Draft
    from followup.storage import Database, Repository

    lee = json.loads(ok(db, "contact", "add", "--name", "Lee Park", "--json"))["id"]
    ok(db, "round", "edit", "1", "--interviewer", str(lee))  # Dana is no longer one
    database = Database.open(db, datetime(2026, 11, 27, 15, tzinfo=UTC))
    Repository(database).save_draft(
        Draft(1, 1, Channel.EMAIL, "t", "Dear Dana, thank you", datetime(2026, 11, 27, tzinfo=UTC))
    )
    database.close()
    before = state(db)
    result = run(db, "contact", "delete", "1")
    assert result.code == 2 and "unsent letter drafted to them (round 1)" in result.err, result
    assert state(db) == before
    ok(db, "contact", "delete", "1", "--with-drafts")
    assert [c["id"] for c in json.loads(ok(db, "contact", "list", "--json"))] == [lee]


def test_a_broken_json_file_is_named_in_plain_words_and_nothing_is_written(
    db: Path, tmp_path: Path
) -> None:
    """``followup import json FILE`` of a file cut off inside a name: where and what, once
    (it said "Unterminated string starting at at line 1"), and the database unchanged."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "interview-followup", "contacts": [{"name": "Dana\n')
    before = state(db)
    result = run(db, "import", "json", str(broken), "--replace")
    assert result.code == 2
    assert result.err.strip() == (
        "followup: not JSON: line 1, column 61: a text in quotes holds a control character "
        "such as a tab or a line break (write it as \\t or \\n)"
    )
    broken.write_text('{"format": "interview-followup", "contacts": [{"name": "Dana')
    result = run(db, "import", "json", str(broken), "--replace")
    assert result.code == 2
    assert result.err.strip() == (
        "followup: not JSON: line 1, column 56: a text in quotes is never closed"
    )
    assert state(db) == before


def test_values_typed_with_spaces_are_stored_and_shown_trimmed(db: Path) -> None:
    """``app add --company "  Acme Corp  "`` said "Added application 2:   Acme Corp   —" and
    a contact's title kept its spaces; the domain trims them, the same as the app does."""
    added = ok(db, "app", "add", "--company", "  Globex  ", "--role", "  Data Engineer ")
    assert added == "Added application 2: Globex — Data Engineer\n"
    shown = json.loads(ok(db, "app", "show", "2", "--json"))
    assert (shown["company"], shown["role"]) == ("Globex", "Data Engineer")
    ok(db, "contact", "add", "--name", " Lee ", "--title", "  CTO ", "--email", " lee@x.example ")
    contact = json.loads(ok(db, "contact", "show", "2", "--json"))
    assert (contact["name"], contact["title"], contact["email"]) == ("Lee", "CTO", "lee@x.example")
    edited = ok(db, "app", "edit", "2", "--role", "  Staff Engineer  ")
    assert edited == "Updated application 2: Globex — Staff Engineer  [active]\n"  # id once
    assert json.loads(ok(db, "app", "show", "2", "--json"))["role"] == "Staff Engineer"
    added = ok(
        db, "round", "add", "--app", "2", "--start", "2026-11-20T10:00", "--end", "2026-11-20T11:00"
    )
    assert added.startswith("Added round 2: app 2  Fri 2026-11-20 10:00")


def test_a_file_that_is_no_export_creates_no_database_and_no_backup(
    db: Path, tmp_path: Path
) -> None:
    """Refused before any database is opened: no new database file for a path that had none,
    and no "before-import" backup beside an existing one."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "interview-followup", "contacts": [')
    fresh = tmp_path / "new" / "fresh.sqlite3"
    fresh.parent.mkdir()
    result = run(fresh, "import", "json", str(broken))
    assert result.code == 2 and "the file ends before the JSON does" in result.err
    assert list(fresh.parent.iterdir()) == []
    backups = db.parent / "backups"
    before = sorted(backups.iterdir()) if backups.exists() else []
    result = run(db, "import", "json", str(broken), "--replace")
    assert result.code == 2
    assert (sorted(backups.iterdir()) if backups.exists() else []) == before
