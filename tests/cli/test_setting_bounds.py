"""``followup settings set`` and ``followup import json`` refuse an end of the working day at
00:00 and quiet hours that cover the whole day, in one line with nothing written; such values
already stored are set aside with a warning and every command still works."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.runner import copy_database, ok, run, seed, state


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bounds-seed") / "bounds.sqlite3"
    seed(path)
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    return copy_database(seeded, tmp_path / "bounds.sqlite3")


@pytest.mark.parametrize(
    ("stored", "args", "message"),
    [
        ({}, ("calendar.end_of_day", "00:00"), "every letter would be due a day early"),
        ({}, ("calendar.end_of_day", "9:30"), "choose a time from 12:00 to 23:59"),
        (
            {"reminders.quiet_end": "23:59"},
            ("reminders.quiet_start", "00:00"),
            "quiet hours from 00:00 to 23:59 leave only 1 minute a day for reminders",
        ),
    ],
)
def test_settings_set_refuses_in_one_line_and_writes_nothing(
    db: Path, stored: dict[str, str], args: tuple[str, str], message: str
) -> None:
    """Found by the hostile sweep: both were stored. Failed before: exit 0."""
    for key, value in stored.items():
        ok(db, "settings", "set", key, value)
    before = state(db)
    result = run(db, "settings", "set", *args)
    assert result.code == 2, result
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert state(db) == before


@pytest.mark.parametrize(
    "settings",
    [
        {"calendar.end_of_day": "00:00"},
        {"reminders.quiet_start": "00:00", "reminders.quiet_end": "23:59"},
    ],
)
def test_import_refuses_them_and_writes_nothing(
    db: Path, tmp_path: Path, settings: dict[str, str]
) -> None:
    document = json.loads(ok(db, "export", "json", "-"))
    document["settings"].update(settings)
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    before = state(db)
    result = run(db, "import", "json", str(tmp_path / "bad.json"), "--replace")
    assert result.code == 2, result
    assert "nothing was imported" in result.err
    assert next(iter(settings)) in result.err or "reminders.quiet_end" in result.err
    assert state(db) == before


def test_values_already_stored_are_set_aside_and_every_command_works(db: Path) -> None:
    """Written by an old version or another program: the defaults are used, each is named."""
    with sqlite3.connect(db) as raw:
        raw.executemany(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [
                ("calendar.end_of_day", '"00:00"'),
                ("reminders.quiet_start", '"00:00"'),
                ("reminders.quiet_end", '"23:59"'),
            ],
        )
    code, out, err = run(db, "deadline", "--interview-at", "2026-11-25T10:00-05:00", "--json")
    assert code == 0, err
    assert json.loads(out)["due"] == "2026-11-30T17:00:00-05:00"  # the default 17:00
    assert "setting calendar.end_of_day ignored: 00:00 is too early" in err
    code, _, err = run(db, "agenda")
    assert code == 0, err
    assert "setting reminders.quiet_start ignored: quiet hours from 00:00 to 23:59" in err
    assert all(line.startswith("followup: warning: ") for line in err.splitlines())
    ok(db, "settings", "set", "calendar.end_of_day", "18:00")  # fixed from the command line
    assert "end_of_day" not in run(db, "agenda").err
