"""``followup settings set`` (either of the two) and ``followup import json`` refuse morning
reminders at or after the end of the working day in one line naming both, writing nothing;
such a pair already stored is set aside with a warning and every command still works."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.runner import copy_database, ok, run, seed, state


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("morning-seed") / "morning.sqlite3"
    seed(path)
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    return copy_database(seeded, tmp_path / "morning.sqlite3")


@pytest.mark.parametrize(
    ("stored", "args", "words"),
    [
        ({}, ("reminders.morning", "18:00"), "morning reminders at 18:00"),
        ({}, ("reminders.morning", "17:00"), "at or after the end of the working day (17:00)"),
        ({"reminders.morning": "13:00"}, ("calendar.end_of_day", "12:30"), "(12:30)"),
        ({"reminders.quiet_start": "06:00"}, ("reminders.quiet_end", "18:00"), "arrive at 18:00"),
    ],
)
def test_settings_set_refuses_either_of_the_two_in_one_line(
    db: Path, stored: dict[str, str], args: tuple[str, str], words: str
) -> None:
    """Failed before: exit 0, and the deadline-day reminder came after the deadline."""
    for key, value in stored.items():
        ok(db, "settings", "set", key, value)
    before = state(db)
    result = run(db, "settings", "set", *args)
    assert result.code == 2, result
    assert f"followup: {args[0]}: morning reminders at " in result.err
    assert words in result.err and "end of the working day" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert state(db) == before


def test_import_refuses_the_pair_and_writes_nothing(db: Path, tmp_path: Path) -> None:
    document = json.loads(ok(db, "export", "json", "-"))
    document["settings"].update({"reminders.morning": "18:30", "calendar.end_of_day": "18:00"})
    (tmp_path / "late.json").write_text(json.dumps(document), encoding="utf-8")
    before = state(db)
    result = run(db, "import", "json", str(tmp_path / "late.json"), "--replace")
    assert result.code == 2, result
    assert "morning reminders at 18:30" in result.err and "(18:00)" in result.err
    assert "nothing was imported" in result.err
    assert state(db) == before


def test_a_pair_already_stored_is_set_aside_and_every_command_works(db: Path) -> None:
    """Written by an old version: the default morning is used, the warning names it."""
    with sqlite3.connect(db) as raw:
        raw.execute(
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('reminders.morning', '\"18:00\"')"
        )
    code, _, err = run(db, "settings", "get", "reminders.morning")
    assert code == 0, err
    assert "setting reminders.morning ignored: morning reminders at 18:00" in err
    assert "(using the default)" in err
    code, _, err = run(db, "agenda")
    assert code == 0, err
    assert all(line.startswith("followup: warning: ") for line in err.splitlines())
    ok(db, "settings", "set", "calendar.end_of_day", "19:00")  # fixed: 18:00 now fits
    result = run(db, "agenda")
    assert result.code == 0 and "reminders.morning" not in result.err
