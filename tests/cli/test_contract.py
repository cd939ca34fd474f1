"""The command line's contract on bad input: exit 2, one line on stderr, nothing written.

Each case here was a traceback or a silently stored bad value before (issue 9).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from followup.cli import build_parser
from followup.cli.arguments import record_id
from tests.cli.runner import NOW, Outcome, copy_database, ok, run, run_process, seed, state

BIG = str(2**63)
HUGE = "9" * 30


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "contract.sqlite3"
    seed(path)
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    """A copy of one seeded database (closed, so it is one file)."""
    return copy_database(seeded, tmp_path / "contract.sqlite3")


ROUND = ["round", "add", "--app", "1", "--end", "2026-11-25T11:00"]

REFUSED: list[tuple[list[str], str]] = [
    (["app", "show", BIG], "not an id"),
    (["round", "show", HUGE], "not an id"),
    (["contact", "delete", "-1"], "not an id"),
    (["plan", BIG], "not an id"),
    (["letter", "list", "--round", BIG], "not an id"),
    (["round", "add", "--app", BIG, "--start", "x", "--end", "y"], "not an id"),
    (["app", "add", "--company", "A", "--role", "B", "--contact", BIG], "not an id"),
    (["agenda", "--days", "999999999"], "outside 1–366"),
    (["agenda", "--days", "0"], "outside 1–366"),
    (["agenda", "--from", "9999-12-31"], "outside 1990–2100"),
    (["agenda", "--to", "0001-01-01"], "outside 1990–2100"),
    ([*ROUND, "--start", "9999-12-31T23:00"], "outside 1990–2100"),
    (
        ["round", "add", "--app", "1", "--start", "0001-01-01T00:00", "--end", "0001-01-01T01:00"],
        "outside 1990–2100",
    ),
    (
        [
            "round",
            "add",
            "--app",
            "1",
            "--start",
            "2026-11-25T10:00+14:00",
            "--end",
            "2026-11-29T11:00",
        ],
        "at most a day",
    ),
    (
        ["app", "add", "--company", "A", "--role", "B", "--applied-on", "1900-01-01"],
        "outside 1990–2100",
    ),
    (["app", "edit", "1", "--applied-on", "9999-01-01"], "outside 1990–2100"),
    (["round", "edit", "1", "--decision-on", "2200-01-01"], "outside 1990–2100"),
    (
        [
            "letter",
            "record",
            "1",
            "--to",
            "1",
            "--channel",
            "email",
            "--sent-at",
            "9999-12-31T00:00+00:00",
        ],
        "outside 1990–2100",
    ),
    (["call", "record", "1", "--made-at", "1970-01-01T00:00+00:00"], "outside 1990–2100"),
    (["deadline", "--interview-at", "9999-12-31T10:00"], "outside 1990–2100"),
    (["call-date", "--letter-sent", "0001-01-01"], "outside 1990–2100"),
    ([*ROUND, "--start", "2026-11-25T10:00", "--tz", "A" * 100_000], "unknown time zone"),
    ([*ROUND, "--start", "2026-11-25T10:00", "--tz", "../../etc/passwd"], "unknown time zone"),
    ([*ROUND, "--start", "2026-11-25T10:00", "--tz", "Europe/Berlin\x1b[2J"], "unknown time zone"),
    (["settings", "set", "calendar.timezone", "x" * 100_000], "calendar.timezone"),
    (["settings", "set", "calendar.timezone", "Mars/Olympus"], "unknown time zone"),
    (["settings", "set", "calendar.subdiv", "ZZ"], "unknown subdivision"),
    (["settings", "set", "calendar.workdays", "Mon-Fry"], "not a weekday"),
    (["settings", "set", "calendar.workdays", "Mon-Fri-Sat"], "range of weekdays"),
    (["settings", "set", "calendar.days_off", "2026-12-24,9999-01-01"], "outside 1990–2100"),
    (["settings", "set", "profile.name", "Sam\nLee"], "line break"),
    (["settings", "set", "profile.name", "x" * 1_000_000], "too long"),
    (["contact", "add", "--name", "x" * 1_000_000], "too long"),
    (["contact", "add", "--name", "Eve\x1b]52;c;ZWNobyBwd25lZA==\x07"], "control character"),
    (["contact", "add", "--name", "Eve\nMallory"], "line break"),
    (["contact", "add", "--name", "Eve\u202egnp.exe"], "direction override"),
    (["contact", "add", "--name", "Eve", "--title", "\x9b31m"], "control character"),
    (["contact", "edit", "1", "--company", "A\rB"], "line break"),
    (["app", "add", "--company", "Acme\x00", "--role", "B"], "control character"),
    (["round", "edit", "1", "--topic", "x" * 5000], "too long"),
    (["round", "edit", "1", "--title", "a\x1b[31mred"], "control character"),
    (["call", "record", "1", "--outcome", "x\x07"], "control character"),
    (["export", "json", "/no/such/folder/out.json"], "does not exist"),
    (["export", "ics", "/no/such/folder/out.ics"], "does not exist"),
    (["export", "json", "."], "is a folder"),
    (["export", "ics", "/tmp"], "is a folder"),
    (["--now", "9999-12-31T00:00+00:00", "agenda"], "outside 1990–2100"),
    (["letter", "pdf", BIG, "--to", "1", "--out", "x.pdf"], "not an id"),
    (["letter", "pdf", "1", "--to", "0", "--out", "x.pdf"], "not an id"),
    (["letter", "pdf", "-5", "--to", "1", "--out", "x.pdf"], "not an id"),
    (["letter", "envelope", "1x", "--to", "1", "--out", "x.pdf"], "not a whole number"),
    (["letter", "envelope", "1", "--to", HUGE, "--out", "x.pdf"], "not an id"),
    (["check", "/dev/zero"], "larger than 8 MB"),
    (["check", "/no/such/letter.txt"], "cannot read"),
    (["import", "json", "/dev/zero"], "larger than 256 MB"),
]


def _one_line_nothing_written(db: Path, args: list[str], message: str) -> Outcome:
    before = state(db)
    result = run(db, *args)
    assert result.code == 2, (result.code, result.err[:300])
    assert message in result.err, result.err[:300]
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert "\x1b" not in result.err and "\x07" not in result.err
    assert state(db) == before
    return result


@pytest.mark.parametrize(
    ("args", "message"), REFUSED, ids=[" ".join(a[:3])[:40] for a, _ in REFUSED]
)
def test_bad_input_exits_2_with_one_line_and_nothing_written(
    db: Path, args: list[str], message: str
) -> None:
    _one_line_nothing_written(db, args, message)


ID_WORDS = {"id", "round", "app", "contact", "to", "interview", "interviewer"}


def _arguments(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple]:
    """Every (command path, argument) of the parser, plugins (printing) included."""
    found: list[tuple] = []
    for action in parser._actions:  # argparse offers no public walk
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _arguments(child, (*path, name))
        else:
            found.append((path, action))
    return found


def test_every_id_argument_goes_through_the_one_validated_parser() -> None:
    """An id parsed with ``int`` took 2^63 and -1 to the database (OverflowError); every
    command and option naming a record uses the shared parser built on the domain's rule."""
    commands = _arguments(build_parser())
    assert any(path == ("letter", "pdf") for path, _ in commands), "printing is registered"
    ids = [
        (path, action)
        for path, action in commands
        if action.dest in ID_WORDS and not (action.choices or action.nargs == 0)
    ]
    assert len(ids) >= 25
    wrong = [(" ".join(path), action.dest) for path, action in ids if action.type is not record_id]
    assert wrong == []
    typed = [(" ".join(p), a.dest) for p, a in commands if a.type in (int, float)]
    assert typed == []


def test_the_app_still_works_after_every_refusal(db: Path) -> None:
    for args, _ in REFUSED:
        run(db, *args)
    for args in (["agenda"], ["plan", "1"], ["export", "ics", "-"], ["export", "json", "-"]):
        ok(db, *args)
    assert json.loads(ok(db, "contact", "list", "--json"))[0]["name"] == "Dana Müller"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Mon-Fri", "mon,tue,wed,thu,fri"),
        ("Sun–Thu", "mon,tue,wed,thu,sun"),
        ("Mon Tue Wed", "mon,tue,wed"),
        ("mon,tue", "mon,tue"),
        ("MONDAY, Tuesday,wednesday", "mon,tue,wed"),
        ("fri - mon", "mon,fri,sat,sun"),
        ("Mon to Thu", "mon,tue,wed,thu"),
    ],
)
def test_the_work_week_accepts_the_forms_people_write(db: Path, typed: str, stored: str) -> None:
    assert ok(db, "settings", "set", "calendar.workdays", typed).strip().endswith(f'"{stored}"')


def test_a_region_needs_a_known_country(db: Path) -> None:
    ok(db, "settings", "set", "calendar.subdiv", "ny")
    assert json.loads(ok(db, "settings", "get", "calendar.subdiv", "--json")) == {
        "calendar.subdiv": "ny"
    }
    ok(db, "agenda")
    # Changing the country to one without that region is refused, not stored to break plans.
    _one_line_nothing_written(db, ["settings", "set", "calendar.country", "DE"], "subdivision")


def test_names_with_accents_and_emoji_are_kept(db: Path) -> None:
    ok(db, "contact", "add", "--name", "Zoë Ñúñez 李雷 👩🏽‍💻", "--title", "CTO")
    assert "Zoë Ñúñez 李雷 👩🏽‍💻" in ok(db, "contact", "list")


def test_round_edit_reads_times_in_the_rounds_zone(db: Path) -> None:
    ok(
        db,
        "round",
        "add",
        "--app",
        "1",
        "--start",
        "2026-12-01T09:00",
        "--end",
        "2026-12-01T10:00",
        "--tz",
        "Asia/Tokyo",
    )
    tokyo = run(db, "--now", NOW, "round", "edit", "2", "--start", "2026-12-01T08:00")
    assert tokyo.code == 0, tokyo.err
    data = json.loads(ok(db, "round", "show", "2", "--json"))
    assert data["starts_at"] == "2026-11-30T23:00:00+00:00"  # 08:00 in Tokyo
    # With --tz the new zone reads the times, as ``round add`` does.
    ok(
        db,
        "round",
        "edit",
        "2",
        "--tz",
        "Europe/Berlin",
        "--start",
        "2026-12-01T08:00",
        "--end",
        "2026-12-01T09:00",
    )
    data = json.loads(ok(db, "round", "show", "2", "--json"))
    assert data["starts_at"] == "2026-12-01T07:00:00+00:00"
    assert data["timezone"] == "Europe/Berlin"


def test_a_time_that_does_not_exist_or_happens_twice_is_refused(db: Path) -> None:
    gap = _one_line_nothing_written(
        db,
        [
            "round",
            "add",
            "--app",
            "1",
            "--start",
            "2026-03-29T02:30",
            "--end",
            "2026-03-29T04:00",
            "--tz",
            "Europe/Berlin",
        ],
        "does not exist in Europe/Berlin",
    )
    assert "01:30 or 03:30" in gap.err
    twice = _one_line_nothing_written(
        db,
        ["round", "add", "--app", "1", "--start", "2026-11-01T01:30", "--end", "2026-11-01T03:00"],
        "happens twice in America/New_York",
    )
    assert "-04:00 or -05:00" in twice.err
    _one_line_nothing_written(
        db, ["deadline", "--interview-at", "2026-03-08T02:15"], "does not exist"
    )
    # With the offset it is one moment, and accepted.
    ok(
        db,
        "round",
        "add",
        "--app",
        "1",
        "--start",
        "2026-11-01T01:30-05:00",
        "--end",
        "2026-11-01T03:00",
    )


def test_export_to_a_full_disk_is_one_line(db: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    _one_line_nothing_written(db, ["export", "json", "/dev/full"], "No space left")
    _one_line_nothing_written(db, ["export", "ics", "/dev/full"], "No space left")


def test_export_replaces_a_file_whole(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    ok(db, "export", "json", str(target))
    assert json.loads(target.read_text())["format"] == "interview-followup"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    many = tmp_path / "many.sqlite3"
    document = {
        "format": "interview-followup",
        "version": 1,
        "contacts": [{"id": i, "name": f"Person {i}", "title": "t" * 150} for i in range(1, 2000)],
    }
    run(many, "import", "json", "-", stdin=json.dumps(document))
    db = many  # more than a pipe holds, so the writer is still writing when head leaves
    env = dict(os.environ, LC_ALL="C.UTF-8")
    pipeline = subprocess.run(
        f"{sys.executable} -m followup --db {db} contact list --json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert pipeline.stdout == "[\n  {\n    "
    assert pipeline.stderr == ""


def test_a_locked_database_is_one_line(db: Path) -> None:
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = state(db)
        result = run(db, "contact", "add", "--name", "Locked Out")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.code == 2, result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "locked" in result.err
    assert state(db) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only file")
def test_a_read_only_database_is_one_line(db: Path) -> None:  # pragma: no cover (root CI)
    db.chmod(0o444)
    result = run_process(db, "contact", "add", "--name", "Nobody")
    assert result.code == 2, result.err
    assert len(result.err.strip().splitlines()) == 1


def test_settings_list_shows_labels_choices_and_ranges(tmp_path: Path) -> None:
    """The same declaration as the dialog: its label, the choices in words, the range."""
    text = ok(tmp_path / "list.sqlite3", "settings", "list")
    assert 'post.paper = "auto"\n    Paper size: ' in text
    paper = "one of: auto (Automatic (from the letter's country)), letter (US Letter), a4 (A4)"
    assert paper in text
    assert 'smtp.security = "starttls"' in text and "starttls (STARTTLS (recommended))" in text
    assert "plan.quiet_days = 14\n    Quiet days after the call: " in text
    assert "a whole number from 1 to 90" in text
