"""The command line on a database holding values refused today (written with sqlite3, as an
old version or a hand edit might): list, agenda, plan and export still work and name each
record and setting they could not use."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.runner import run


@pytest.fixture
def spoiled(tmp_path: Path) -> Path:
    db = tmp_path / "followup.sqlite3"
    for args in (
        ["contact", "add", "--name", "Dana"],
        ["app", "add", "--company", "Acme", "--role", "Engineer"],
        ["app", "add", "--company", "Beta", "--role", "Dev"],
        *(
            [
                "round",
                "add",
                "--app",
                "1",
                "--start",
                f"2026-11-2{day}T10:00",
                "--end",
                f"2026-11-2{day}T11:00",
                "--tz",
                "America/New_York",
                "--interviewer",
                "1",
                "--title",
                f"round {day}",
            ]
            for day in (3, 4, 5)
        ),
    ):
        assert run(db, *args)[0] == 0
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE applications SET applied_on = '2026-13-45' WHERE id = 2")
        raw.execute(
            "UPDATE rounds SET starts_at = '9999-12-31T10:00:00+00:00', "
            "ends_at = '9999-12-31T11:00:00+00:00' WHERE id = 1"
        )
        raw.execute("UPDATE rounds SET starts_at = 'soon', ends_at = 'then' WHERE id = 2")
        raw.executemany(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [("calendar.subdiv", '"ZZ"'), ("calendar.workdays", '"garbage"')],
        )
    return db


@pytest.mark.parametrize(
    "args",
    [
        ("app", "list"),
        ("round", "list"),
        ("agenda",),
        ("agenda", "--json"),
        ("plan", "3"),
        ("export", "ics", "-"),
        ("export", "json", "{tmp}/out.json"),
    ],
    ids=" ".join,
)
def test_commands_work_and_name_what_they_could_not_use(
    spoiled: Path, args: tuple[str, ...]
) -> None:
    args = tuple(a.format(tmp=spoiled.parent) for a in args)
    with sqlite3.connect(spoiled) as raw:  # not JSON at all: text written bare, and bytes
        raw.executemany(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [("profile.name", "Sam"), ("plan.quiet_days", b"\x00\xff")],
        )
    code, _, err = run(spoiled, *args)
    assert code == 0, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith("followup: warning: ") for line in lines)
    if args[0] in {"app", "agenda", "export"}:
        assert any("application 2 (Beta — Dev)" in line and "2026-13-45" in line for line in lines)
    if args[0] in {"round", "agenda", "export"}:
        assert any("interview round 1" in line and "out of range" in line for line in lines)
        assert any(
            "interview round 2" in line and "“soon” cannot be read" in line for line in lines
        )
    if args[0] in {"agenda", "plan"} or args[:2] == ("export", "ics"):
        assert any("calendar.subdiv ignored" in line for line in lines)
        assert any("calendar.workdays ignored" in line for line in lines)
        assert any("profile.name ignored" in line and "“Sam” cannot" in line for line in lines)
        assert any("plan.quiet_days ignored" in line for line in lines)
    if args[:2] == ("export", "json"):
        exported = json.loads((spoiled.parent / "out.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in exported["rounds"]] == [3]


def test_a_bad_record_is_named_when_asked_for_and_can_be_deleted(spoiled: Path) -> None:
    code, _, err = run(spoiled, "round", "show", "2")
    assert code == 2 and "interview round 2 (round 4) cannot be read" in err
    assert run(spoiled, "round", "delete", "2")[0] == 0
    code, _, err = run(spoiled, "round", "list")
    assert code == 0 and "interview round 2" not in err
    code, _, err = run(spoiled, "round", "show", "2")
    assert code == 2 and "no interview round 2" in err


@pytest.fixture
def history(spoiled: Path) -> Path:
    """Letters, calls and inquiries holding values refused today, beside good ones."""
    assert run(spoiled, "contact", "add", "--name", "Lee")[0] == 0
    with sqlite3.connect(spoiled) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")  # as a hand edit can
        raw.executemany(
            "INSERT INTO letters(id, round_id, contact_id, channel, sent_at) VALUES (?,?,?,?,?)",
            [
                (1, 3, 1, "email", "2026-11-25T20:00:00+00:00"),
                (10, 3, 2, "pigeon", "2026-11-25T21:00:00+00:00"),  # an unknown channel
            ],
        )
        raw.execute("INSERT INTO round_interviewers VALUES (3, 2, 1)")
        raw.executemany(
            "INSERT INTO calls(id, round_id, made_at, outcome) VALUES (?, ?, ?, ?)",
            [
                (20, 3, "9999-12-31T10:00:00+00:00", "fine"),  # year 9999
                (21, 1, "2026-12-03T10:00:00+00:00", "ok\x1b]52;c;ZWNobw==\x07"),  # an escape
            ],
        )
        raw.execute(
            "INSERT INTO inquiries(id, application_id, channel, sent_at) VALUES "
            "(30, 2, 'email', CAST(X'323032362D31312D3330ED' AS TEXT))"  # not UTF-8
        )
    return spoiled


def test_letters_calls_and_inquiries_are_named_fixed_and_deleted(history: Path) -> None:
    code, out, err = run(history, "letter", "list")
    assert code == 0 and "to contact 1" in out
    assert "letter 10 (round 3, to contact 2) cannot be read: the channel “pigeon”" in err
    code, out, err = run(history, "call", "list")
    assert code == 0 and "Traceback" not in err
    assert "call 20 (round 3) cannot be read: the time of the call" in err and "out of range" in err
    assert "call 21 (round 1) cannot be read: the outcome contains a control character" in err
    assert "\x1b" not in err + out
    code, out, err = run(history, "inquiry", "list")
    assert code == 0 and "inquiry 30 (application 2) cannot be read" in err

    # A fix must give what could not be read: the app does not store its stand-in.
    code, _, err = run(history, "letter", "edit", "10")
    assert code == 2 and "letter 10 needs --channel (the channel “pigeon” cannot be read)" in err
    code, out, _ = run(history, "letter", "edit", "10", "--channel", "post")
    assert code == 0 and "Updated letter 10: post" in out
    code, out, err = run(history, "letter", "list", "--json")
    assert code == 0 and "letter 10" not in err
    assert {(x["id"], x["channel"]) for x in json.loads(out)} == {(1, "email"), (10, "post")}

    code, _, err = run(history, "call", "edit", "20", "--made-at", "2101-01-01T10:00")
    assert code == 2 and "outside 1990–2100" in err  # the same rule as everywhere
    code, _, err = run(history, "call", "edit", "20", "--made-at", "2026-12-02T10:00")
    assert code == 2 and "in the future" in err  # the clock says 2026-11-27
    assert run(history, "call", "edit", "20", "--made-at", "2026-11-26T10:00")[0] == 0
    assert run(history, "call", "edit", "21", "--outcome", "friendly, no news")[0] == 0
    code, out, err = run(history, "call", "list", "--json")
    assert code == 0 and "cannot be read" not in err
    assert [(x["id"], x["outcome"]) for x in json.loads(out)] == [
        (20, "fine"),
        (21, "friendly, no news"),
    ]

    assert run(history, "inquiry", "delete", "30")[0] == 0
    code, out, err = run(history, "inquiry", "list")
    assert code == 0 and "No status inquiries yet." in out and "inquiry 30" not in err
    code, _, err = run(history, "inquiry", "delete", "30")
    assert code == 2 and "no inquiry 30" in err

    # Everything else is as it was.
    code, out, _ = run(history, "export", "json", "-")
    exported = json.loads(out)
    assert [a["company"] for a in exported["applications"]] == ["Acme"]  # Beta's date is bad
    assert [r["id"] for r in exported["rounds"]] == [3]


def test_an_unreadable_round_is_fixed_with_round_edit(spoiled: Path) -> None:
    """`round edit` refused a round it could not read; now it starts from the readable rest
    and asks for what it cannot guess."""
    code, _, err = run(spoiled, "round", "edit", "2", "--title", "Second")
    assert code == 2 and "interview round 2 needs --start" in err and "--end" in err
    code, out, err = run(
        spoiled,
        "round",
        "edit",
        "2",
        "--start",
        "2026-11-24T10:00",
        "--end",
        "2026-11-24T11:00",
        "--json",
    )
    assert code == 0, err
    fixed = json.loads(out)
    assert fixed["title"] == "round 4" and fixed["interviewer_ids"] == [1]
    assert fixed["timezone"] == "America/New_York"
    assert fixed["starts_at"] == "2026-11-24T10:00:00-05:00"
    code, _, err = run(spoiled, "round", "list")
    assert code == 0 and "interview round 2" not in err and "interview round 1" in err
    code, out, err = run(spoiled, "app", "edit", "2", "--applied-on", "2026-11-02")
    assert code == 0 and "application 2" not in err


def test_an_import_meets_a_setting_stored_bare_and_says_what_it_holds(tmp_path: Path) -> None:
    """A value that is not JSON (written bare by a hand edit) is still a setting the file
    holds: the import says so in words, as for any other, instead of a JSON parser's error."""
    source, exported = tmp_path / "source.sqlite3", tmp_path / "export.json"
    assert run(source, "settings", "set", "profile.phone", "555 0100")[0] == 0
    assert run(source, "export", "json", str(exported))[0] == 0
    target = tmp_path / "target.sqlite3"
    assert run(target, "settings", "set", "profile.email", "sam@example.com")[0] == 0
    with sqlite3.connect(target) as raw:
        raw.execute(
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('profile.phone', '555 bare')"
        )
    code, _, err = run(target, "import", "json", str(exported))
    assert code == 2 and "Traceback" not in err, err
    assert "already holds settings the export has too (profile.phone)" in err, err
