"""Stored values refused today never stop listing or planning: each bad row is named."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import validation as v
from followup.model import Application, Channel, Contact, Override, Round
from followup.planner import all_items
from followup.settings import SETTINGS, Settings
from followup.storage import Database, Repository, row_values

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


# -- the quick checks of a stored row: the same answers as checking each field -------------


def one_by_one(text: str, limit: int) -> bool:
    """A text field as the quick row checks were first written: each on its own."""
    return len(text) <= limit and text.replace("\n", "").replace("\t", "").isprintable()


def round_looked_at_field_by_field(r: Round) -> bool:
    day_ok = row_values._day_ok
    return (
        day_ok(r.starts_at.astimezone(UTC).date())
        and day_ok(r.ends_at.astimezone(UTC).date())
        and day_ok(r.decision_on)
        and one_by_one(r.title, v.NAME)
        and one_by_one(r.next_steps, v.LINE)
        and one_by_one(r.notes, v.NOTES)
        and len(r.topics) <= v.MAX_ITEMS
        and len(r.strengths) <= v.MAX_ITEMS
        and all(one_by_one(t, v.NAME) for t in (*r.topics, *r.strengths))
    )


def application_looked_at_field_by_field(a: Application) -> bool:
    return (
        row_values._day_ok(a.applied_on)
        and one_by_one(a.company, v.NAME)
        and one_by_one(a.role, v.NAME)
        and one_by_one(a.posting_url, v.URL)
        and one_by_one(a.status_reason, v.LINE)
    )


# Text near each limit, and characters the checks must see: line breaks and tabs (allowed by
# the quick check), controls, direction marks, a joined emoji, separators, surrogates.
LIMITS = tuple(n + d for n in (v.NAME, v.LINE, v.URL, v.NOTES) for d in (-1, 0, 1))
odd = st.sampled_from(["\n", "\t", "\x1b", "\u202e", "\u200d", "\u2028", "\ud800", " ", "é", "—"])
texts = st.one_of(
    st.text(max_size=12),
    st.lists(st.one_of(odd, st.text(max_size=3)), max_size=6).map("".join),
    st.tuples(st.sampled_from(LIMITS), odd | st.just("a")).map(lambda n: "a" * (n[0] - 1) + n[1]),
)
moments = st.datetimes(
    datetime(1989, 12, 31),
    datetime(2101, 1, 2),
    timezones=st.sampled_from((UTC, NY, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Etc/GMT+12"))),
)
days = st.none() | st.dates(date(1989, 12, 30), date(2101, 1, 2))


@settings(max_examples=300, deadline=None)
@given(
    starts=moments,
    hours=st.integers(1, 30),
    title=texts,
    next_steps=texts,
    notes=texts,
    topics=st.lists(texts, max_size=4).map(tuple) | st.just(("x",) * 101),
    strengths=st.lists(texts, max_size=3).map(tuple),
    decision_on=days,
)
def test_a_rounds_quick_check_is_the_field_by_field_one(
    starts: datetime,
    hours: int,
    title: str,
    next_steps: str,
    notes: str,
    topics: tuple[str, ...],
    strengths: tuple[str, ...],
    decision_on: date | None,
) -> None:
    r = Round(
        1,
        1,
        starts,
        starts + timedelta(hours=hours),
        "UTC",
        title=title,
        topics=topics,
        strengths=strengths,
        next_steps=next_steps,
        decision_on=decision_on,
        notes=notes,
    )
    assert row_values._round_plausible(r) == round_looked_at_field_by_field(r)


@settings(max_examples=200, deadline=None)
@given(company=texts, role=texts, url=texts, reason=texts, applied_on=days)
def test_an_applications_quick_check_is_the_field_by_field_one(
    company: str, role: str, url: str, reason: str, applied_on: date | None
) -> None:
    company, role = (text if text.strip() else f"x{text}" for text in (company, role))
    a = Application(1, company, role, url, applied_on, status_reason=reason)
    assert row_values._app_plausible(a) == application_looked_at_field_by_field(a)


def words_as_json_reads_them(raw: str) -> tuple[str, ...] | str:
    """The reference: what ``json.loads`` makes of stored words (or that it refuses them)."""
    try:
        value = json.loads(raw)
    except ValueError:
        return "refused"
    if type(value) is not list or not all(type(w) is str for w in value):
        return "refused"
    return tuple(value)


def words_read(raw: str) -> tuple[str, ...] | str:
    try:
        return row_values._plain_words(raw)
    except (ValueError, TypeError):
        return "refused"


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.text(max_size=12), max_size=5),
    ascii_only=st.booleans(),
    separators=st.sampled_from([(", ", ": "), (",", ":"), (" , ", ":")]),
)
def test_stored_words_read_as_json_reads_them_however_written(
    words: list[str], ascii_only: bool, separators: tuple[str, str]
) -> None:
    """Words as this app writes them (``json.dumps``), or another program: read exactly
    as JSON reads them, quotes, backslashes, commas and all."""
    raw = json.dumps(words, ensure_ascii=ascii_only, separators=separators)
    assert words_read(raw) == tuple(words)


@settings(max_examples=400, deadline=None)
@given(middle=st.text(alphabet='ab", \\\t\n1[]é', max_size=16))
def test_anything_that_looks_like_stored_words_reads_as_json_would(middle: str) -> None:
    """A hand edit between the brackets and quotes: never more nor less than JSON takes."""
    raw = f'["{middle}"]'
    assert words_read(raw) == words_as_json_reads_them(raw)


def test_an_empty_list_of_words_is_read_as_one() -> None:
    assert row_values._plain_words("[]") == () == row_values._plain_words(" [ ] ")


@pytest.mark.parametrize("extra", [0, 1])
@pytest.mark.parametrize(
    ("field", "limit"),
    [("company", v.NAME), ("role", v.NAME), ("posting_url", v.URL), ("status_reason", v.LINE)],
)
def test_an_applications_quick_check_at_each_limit(field: str, limit: int, extra: int) -> None:
    a = replace(Application(1, "Acme", "Dev"), **{field: "a" * (limit + extra)})
    assert row_values._app_plausible(a) == application_looked_at_field_by_field(a) == (not extra)


@pytest.mark.parametrize("extra", [0, 1])
@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", v.NAME), ("next_steps", v.LINE), ("notes", v.NOTES), ("topics", v.NAME)],
)
def test_a_rounds_quick_check_at_each_limit(field: str, limit: int, extra: int) -> None:
    text = "a" * (limit + extra)
    at = datetime(2026, 11, 25, 10, tzinfo=NY)
    r = Round(1, 1, at, at + timedelta(hours=1), "UTC")
    r = replace(r, **{field: (text,) if field == "topics" else text})
    assert row_values._round_plausible(r) == round_looked_at_field_by_field(r) == (not extra)
