"""Stored values refused today never stop listing or planning: each bad row is named."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.model import Application, Channel, Contact, Override, Round
from followup.planner import all_items
from followup.settings import SETTINGS, Settings
from followup.storage import Database, Repository

NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)
NY = ZoneInfo("America/New_York")
_ANY = Override("inquiry-too-early", "set up by the test", NOW)
ROUND_COLUMNS = ("starts_at", "ends_at", "timezone", "kind", "topics", "decision_on", "title")
stored = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True),
    st.sampled_from(["9999-12-31T10:00:00+00:00", "0001-01-01T00:00:00+00:00", "null", "[1]"]),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small database (a contact, an application, a round), built once and closed."""
    path = tmp_path_factory.mktemp("row-values") / "template.sqlite3"
    database = Database.open(path, NOW)
    repo = Repository(database)
    repo.add_contact(Contact(0, "Dana"))
    app = repo.add_application(Application(0, "Acme", "Engineer"))
    repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=NY),
            datetime(2026, 11, 25, 11, tzinfo=NY),
            "America/New_York",
            interviewer_ids=(1,),
        )
    )
    database.close()
    return path


def fresh(template: Path) -> tuple[Repository, Path]:
    """Each example's own copy of the template, opened (beside it: pytest removes both)."""
    path = Path(tempfile.mkdtemp(dir=template.parent)) / "db.sqlite3"
    shutil.copyfile(template, path)
    return Repository(Database.open(path, NOW)), path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(column=st.sampled_from(ROUND_COLUMNS), value=stored)
def test_any_stored_round_value_is_listed_or_named(template: Path, column: str, value: Any) -> None:
    repo, path = fresh(template)
    with sqlite3.connect(path) as raw:  # as a hand edit would: no NOT NULL, no CHECK
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE name = 'rounds'"
        )
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute(f"UPDATE rounds SET {column} = ? WHERE id = 1", (value,))
    rounds = repo.rounds()
    named = [b for b in repo.unreadable() if b.kind == "interview round"]
    assert len(rounds) + len(named) == 1
    if named:
        assert named[0].reason and "cannot be read" in named[0].message()
    settings_ = Settings.from_stored({"calendar.country": "US"})
    all_items(repo, settings_.calendar(), NY, NOW)  # plans what it can, never raises
    repo.db.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=st.sampled_from([("letters", "sent_at"), ("calls", "made_at"), ("inquiries", "sent_at")]),
    value=stored,
)
def test_any_stored_time_of_a_letter_call_or_inquiry_is_used_or_named(
    template: Path, table: tuple[str, str], value: Any
) -> None:
    repo, path = fresh(template)
    repo.record_letter(1, 1, Channel.EMAIL, datetime(2026, 11, 25, 18, tzinfo=UTC))
    repo.record_call(1, datetime(2026, 12, 2, 15, tzinfo=UTC))
    online = repo.add_application(Application(0, "Beta", "Dev"))
    repo.record_inquiry(online.id, Channel.EMAIL, datetime(2026, 11, 26, 15, tzinfo=UTC), _ANY)
    name, column = table
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE name = ?", (name,)
        )
    with sqlite3.connect(path) as raw:
        raw.execute(f"UPDATE {name} SET {column} = ?", (value,))
    listed = {"letters": repo.letters, "calls": repo.calls, "inquiries": repo.inquiries}[name]()
    named = [b for b in repo.unreadable() if b.kind in {"letter", "call", "inquiry"}]
    assert len(listed) + len(named) == 1
    if named:
        assert "cannot be read" in named[0].message()
    cal = Settings.from_stored({"calendar.country": "US"}).calendar()
    all_items(repo, cal, NY, NOW)  # plans what it can, never raises
    repo.db.close()


COLUMNS = {
    "letters": ("channel", "sent_at", "override_rule", "override_reason", "override_at"),
    "calls": ("made_at", "outcome", "override_rule", "override_reason", "override_at"),
    "inquiries": ("channel", "sent_at", "override_reason", "override_at"),
}
hostile = st.one_of(
    stored,
    st.sampled_from(
        ["pigeon", "ok\x1b]52;c;ZWNobw==\x07", "x" * 1_001, "a\u202eb", "2026-11-30T10:00", ""]
    ),
    st.binary(max_size=8),  # written as text below: bytes that need not be UTF-8
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.sampled_from(sorted(COLUMNS)), data=st.data())
def test_any_stored_value_of_a_letter_call_or_inquiry_is_used_or_named_and_fixable(
    template: Path, table: str, data: st.DataObject
) -> None:
    """Each record either reads with every rule kept, or is named with the field at fault and
    a repaired value; giving the stand-ins real values fixes it in one write."""
    column = data.draw(st.sampled_from(COLUMNS[table]))
    value = data.draw(hostile)
    repo, path = fresh(template)
    repo.record_letter(1, 1, Channel.EMAIL, datetime(2026, 11, 25, 18, tzinfo=UTC), _ANY)
    repo.record_call(1, datetime(2026, 12, 2, 15, tzinfo=UTC), "fine", _ANY)
    online = repo.add_application(Application(0, "Beta", "Dev"))
    repo.record_inquiry(online.id, Channel.EMAIL, datetime(2026, 11, 26, 15, tzinfo=UTC), _ANY)
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE name = ?", (table,)
        )
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        cast = "CAST(? AS TEXT)" if isinstance(value, bytes) else "?"
        raw.execute(f"UPDATE {table} SET {column} = {cast}", (value,))
    kind = {"letters": "letter", "calls": "call", "inquiries": "inquiry"}[table]
    listed = {"letters": repo.letters, "calls": repo.calls, "inquiries": repo.inquiries}[table]()
    named = [b for b in repo.unreadable() if b.kind == kind]
    assert len(listed) + len(named) == 1
    for value_ in listed:
        value_.check()
    if not named:
        return
    bad = named[0]
    assert bad.by_field and bad.repaired is not None
    assert all(field in {column, "override"} for field, _ in bad.by_field), bad.by_field
    when = datetime(2026, 12, 3, 15, tzinfo=UTC)
    fixes = {"channel": Channel.POST, "sent_at": when, "made_at": when}
    fixed = replace(bad.repaired, **{f: fixes[f] for f in bad.stand_ins})
    bad.check_fix(fixed)
    {"letter": repo.fix_letter, "call": repo.fix_call, "inquiry": repo.fix_inquiry}[kind](fixed)
    again = {"letters": repo.letters, "calls": repo.calls, "inquiries": repo.inquiries}[table]()
    assert again == [fixed] and not [b for b in repo.unreadable() if b.kind == kind]
    repo.db.close()


@settings(max_examples=60, deadline=None)
@given(values=st.dictionaries(st.sampled_from([s.key for s in SETTINGS]), stored, max_size=6))
def test_any_stored_settings_fall_back_to_defaults_and_say_which(values: dict[str, Any]) -> None:
    chosen = Settings.from_stored(values)
    calendar = chosen.calendar("US")
    assert calendar.workdays
    chosen.plan(), chosen.reminders(), chosen.profile()  # all usable
    for key in chosen.ignored:
        assert any(key in line for line in chosen.problems())


def test_an_unknown_region_is_dropped_and_named() -> None:
    chosen = Settings.from_stored({"calendar.country": "DE", "calendar.subdiv": "ZZ"})
    calendar = chosen.calendar()
    assert calendar.country == "DE" and calendar.subdiv is None
    assert "calendar.subdiv" in chosen.problems()[0] and "ZZ" in chosen.problems()[0]
