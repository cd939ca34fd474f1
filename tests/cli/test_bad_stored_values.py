"""The command line on a database holding values refused today (written with sqlite3, as an
old version or a hand edit might): list, agenda, plan and export still work and name each
record and setting they could not use."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from followup.cli import main

NOW = "2026-11-27T15:00:00+00:00"


def cli(db: Path, capfd: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--now", NOW, *args])
    out, err = capfd.readouterr()
    return code, out, err


@pytest.fixture
def spoiled(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> Path:
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
        assert cli(db, capfd, *args)[0] == 0
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
    spoiled: Path, capfd: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    args = tuple(a.format(tmp=spoiled.parent) for a in args)
    code, _, err = cli(spoiled, capfd, *args)
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
    if args[:2] == ("export", "json"):
        exported = json.loads((spoiled.parent / "out.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in exported["rounds"]] == [3]


def test_a_bad_record_is_named_when_asked_for_and_can_be_deleted(
    spoiled: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(spoiled, capfd, "round", "show", "2")
    assert code == 2 and "interview round 2 (round 4) cannot be read" in err
    assert cli(spoiled, capfd, "round", "delete", "2")[0] == 0
    code, _, err = cli(spoiled, capfd, "round", "list")
    assert code == 0 and "interview round 2" not in err
    code, _, err = cli(spoiled, capfd, "round", "show", "2")
    assert code == 2 and "no interview round 2" in err
