"""``followup import json`` on an export whose records repeat an id or name one that is not
there: one line in plain words (which kind, which id), exit 2, nothing written."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.cli.runner import copy_database, ok, run, seed, state


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("together-seed") / "together.sqlite3"
    seed(path)
    ok(path, "contact", "add", "--name", "Lee Park")
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    return copy_database(seeded, tmp_path / "together.sqlite3")


def test_a_repeated_id_is_named_and_nothing_is_written(db: Path, tmp_path: Path) -> None:
    """Found by the hostile sweep: it said 'UNIQUE constraint failed: contacts.id'.
    Failed before: SQLite's words."""
    document = json.loads(ok(db, "export", "json", "-"))
    lee = copy.deepcopy(document["contacts"][1])
    lee["id"] = document["contacts"][0]["id"]
    document["contacts"][1] = lee
    (tmp_path / "twice.json").write_text(json.dumps(document), encoding="utf-8")
    before = state(db)
    result = run(db, "import", "json", str(tmp_path / "twice.json"), "--replace")
    assert result.code == 2, result
    assert result.err.strip() == (
        "followup: contacts: records 1 and 2 both have id 1; each record needs an id of its "
        "own; nothing was imported"
    )
    assert state(db) == before
    fresh = tmp_path / "new" / "fresh.sqlite3"
    fresh.parent.mkdir()
    assert run(fresh, "import", "json", str(tmp_path / "twice.json")).code == 2
    assert list(fresh.parent.iterdir()) == []  # refused before a database was made


def test_a_round_naming_a_missing_application_is_named(db: Path, tmp_path: Path) -> None:
    document = json.loads(ok(db, "export", "json", "-"))
    document["rounds"][0]["application_id"] = 42
    (tmp_path / "orphan.json").write_text(json.dumps(document), encoding="utf-8")
    before = state(db)
    result = run(db, "import", "json", str(tmp_path / "orphan.json"), "--replace")
    assert result.code == 2, result
    assert "interview round 1 names application 42, not in the export" in result.err
    assert "constraint" not in result.err
    assert state(db) == before


def test_settings_already_stored_are_not_overwritten_without_replace(
    db: Path, tmp_path: Path
) -> None:
    """A first-run set-up stored settings but no records yet: the import says so in words
    (before: 'UNIQUE constraint failed: settings.key') and writes nothing; with --replace it
    goes ahead. Failed before: SQLite's words."""
    (tmp_path / "all.json").write_text(ok(db, "export", "json", "-"), encoding="utf-8")
    fresh = tmp_path / "set-up.sqlite3"
    ok(fresh, "settings", "set", "calendar.country", "DE")
    ok(fresh, "settings", "set", "reminders.quiet_end", "23:59")
    before = state(fresh)
    result = run(fresh, "import", "json", str(tmp_path / "all.json"))
    assert result.code == 2, result
    assert result.err.strip() == (
        "followup: the database already holds settings the export has too (calendar.country): "
        "import with --replace, or into a new file with --db; nothing was imported"
    )
    assert state(fresh) == before
    ok(fresh, "import", "json", str(tmp_path / "all.json"), "--replace")
    assert ok(fresh, "settings", "get", "calendar.country").strip() == '"US"'


def test_settings_that_do_not_fit_the_stored_ones_are_refused(db: Path, tmp_path: Path) -> None:
    """Quiet hours from the export's start to the stored end would cover the whole day."""
    document = json.loads(ok(db, "export", "json", "-"))
    document["settings"] = {"reminders.quiet_start": "00:00"}
    (tmp_path / "quiet.json").write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "set-up.sqlite3"
    ok(fresh, "settings", "set", "reminders.quiet_end", "23:59")
    before = state(fresh)
    result = run(fresh, "import", "json", str(tmp_path / "quiet.json"))
    assert result.code == 2, result
    assert "quiet hours from 00:00 to 23:59 leave only 1 minute" in result.err
    assert "nothing was imported" in result.err
    assert state(fresh) == before
