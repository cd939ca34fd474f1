"""JSON import reads each field with its own type and refuses the whole file on any problem."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from followup import transfer
from followup.errors import InvalidInput
from followup.storage import Database, Repository

from ..conftest import NOW
from .test_transfer_and_ics import fill

Change = Callable[[dict[str, Any]], object]


@pytest.fixture(scope="module")
def _exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    database = Database.open(tmp_path_factory.mktemp("export") / "filled.sqlite3", NOW)
    repo = Repository(database)
    fill(repo)
    document = transfer.export_all(repo)
    database.close()
    return document


@pytest.fixture
def exported(_exported: dict[str, Any]) -> dict[str, Any]:
    """The export of a filled database (made once), the test's own copy."""
    return copy.deepcopy(_exported)


@pytest.fixture
def target(tmp_path: Path, template_database: Path) -> Iterator[Repository]:
    """An empty database to import into (a copy of one created once)."""
    path = tmp_path / "target.sqlite3"
    shutil.copyfile(template_database, path)
    database = Database.open(path, NOW)
    yield Repository(database)
    database.close()


def _set(path: str, value: object) -> Change:
    def change(doc: dict[str, Any]) -> None:
        *where, last = path.split(".")
        node: Any = doc
        for part in where:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return change


def _second_letter(doc: dict[str, Any]) -> None:
    letter = copy.deepcopy(doc["letters"][0])
    letter["id"] = 2
    letter["sent_at"] = "2026-11-27T14:00:00+00:00"
    doc["letters"].append(letter)


CASES: list[tuple[str, Change, str]] = [
    ("topics as text", _set("rounds.0.topics", "abc"), "must be a list of texts"),
    ("topic not text", _set("rounds.0.topics", [1, 2]), "must be a list of texts"),
    ("id as text", _set("contacts.0.id", "1"), "not a whole number"),
    ("id as fraction", _set("applications.0.id", 1.5), "not a whole number"),
    ("id as bool", _set("applications.0.id", True), "not a whole number"),
    ("id beyond SQLite", _set("contacts.0.id", 2**63), "not an id"),
    ("huge id", _set("rounds.0.id", 10**300), "not an id"),
    ("name as number", _set("contacts.0.name", 5), "must be text"),
    ("name as list", _set("contacts.0.name", ["a"]), "must be text"),
    ("missing name", lambda d: d["contacts"][0].pop("name"), '"name" is missing'),
    ("lone surrogate", _set("contacts.0.title", "CTO \udc80"), "surrogate"),
    ("escape in name", _set("contacts.0.name", "Dana\x1b]52;c;eA==\x07"), "control character"),
    ("newline in company", _set("applications.0.company", "A\nB"), "line break"),
    ("1 MB name", _set("contacts.0.name", "x" * 1_000_000), "too long"),
    ("year 9999", _set("rounds.0.starts_at", "9999-12-31T10:00:00+00:00"), "outside"),
    ("year 1", _set("letters.0.sent_at", "0001-01-01T00:00:00+00:00"), "outside"),
    ("date as number", _set("applications.0.applied_on", 20261101), "not an ISO date"),
    ("zone not text", _set("rounds.0.timezone", ["UTC"]), "time zone"),
    ("zone of 100 KB", _set("rounds.0.timezone", "A" * 100_000), "time zone"),
    ("unknown kind", _set("rounds.0.kind", "séance"), "not one of"),
    ("record not object", _set("contacts.0", "Dana"), "must be an object"),
    ("list not list", _set("letters", {"id": 1}), "must be a list"),
    ("two letters, no override", _second_letter, "already sent"),
    ("letter to a non-interviewer", _set("letters.0.contact_id", 999), "not an interviewer"),
    (
        "bad setting",
        _set("settings", {"calendar.country": "US", "calendar.subdiv": "ZZ"}),
        "subdivision",
    ),
    ("settings not object", _set("settings", ["x"]), "must be an object"),
    ("override not object", _set("letters.0.override", "yes"), "must be an object"),
]


@pytest.mark.parametrize(("change", "why"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_field_refuses_the_whole_file(
    exported: dict[str, Any], target: Repository, change: Change, why: str
) -> None:
    doc = copy.deepcopy(exported)
    change(doc)
    with pytest.raises(InvalidInput, match=why) as refused:
        transfer.import_all(target, json.dumps(doc))
    assert "nothing was imported" in str(refused.value)
    assert transfer.export_all(target)["contacts"] == []
    assert target.settings() == {}


def test_a_second_letter_with_its_recorded_override_is_imported(
    exported: dict[str, Any], target: Repository
) -> None:
    doc = copy.deepcopy(exported)
    _second_letter(doc)
    doc["letters"][1]["channel"] = doc["letters"][0]["channel"]
    doc["letters"][1]["override"] = {
        "rule": "second-letter",
        "reason": "they asked me to resend",
        "at": "2026-11-27T14:00:00+00:00",
    }
    assert transfer.import_all(target, json.dumps(doc))["letters"] == 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (
            '{"format": "interview-followup", "version": 1, "contacts": [{"id": '
            + "9" * 5000
            + "}]}",
            "not an export",
        ),
        ('{"format": "interview-followup", "version": NaN}', "not a number JSON allows"),
        ('{"format": "interview-followup", "version": 1e999}', "not supported"),
        ("{" * 3, "not JSON"),
        ('"just text"', "not an Interview Follow-Up export"),
    ],
)
def test_hostile_json_is_refused_in_words(target: Repository, text: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=why):
        transfer.import_all(target, text)


def _repeat(kind: str, **changes: object) -> Change:
    """The first record of ``kind`` once more at the end, its id kept, ``changes`` made."""

    def change(doc: dict[str, Any]) -> None:
        again = copy.deepcopy(doc[kind][0])
        again.update(changes)
        doc[kind].append(again)

    return change


def _call(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": 7,
        "round_id": doc["rounds"][0]["id"],
        "made_at": "2026-12-03T15:00:00+00:00",
        "outcome": "",
    }


def _two_calls(doc: dict[str, Any]) -> None:
    doc["calls"] = [_call(doc), {**_call(doc), "made_at": "2026-12-04T15:00:00+00:00"}]


def _two_inquiries(doc: dict[str, Any]) -> None:
    inquiry = {
        "id": 4,
        "application_id": doc["applications"][0]["id"],
        "channel": "email",
        "sent_at": "2026-11-20T15:00:00+00:00",
    }
    doc["inquiries"] = [inquiry, {**inquiry, "channel": "post"}]


TOGETHER: list[tuple[str, Change, str]] = [
    (
        "repeated contact",
        _repeat("contacts", name="Lee"),
        r"contacts: records 1 and 2 both have id 1;",
    ),
    ("repeated application", _repeat("applications"), "applications: records 1 and 2 both have id"),
    ("repeated round", _repeat("rounds", title="again"), "rounds: records 1 and 3 both have id 1;"),
    ("repeated letter", _repeat("letters"), "letters: records 1 and 2 both have id 1;"),
    ("repeated call", _two_calls, "calls: records 1 and 2 both have id 7;"),
    ("repeated inquiry", _two_inquiries, "inquiries: records 1 and 2 both have id 4;"),
    ("two drafts", _repeat("drafts"), "drafts: records 1 and 2 are both for round 2 and contact 1"),
    (
        "round of no application",
        _set("rounds.0.application_id", 999),
        "interview round 1 names application 999, not in the export",
    ),
    (
        "interviewer nobody",
        _set("rounds.1.interviewer_ids", [999]),
        "interview round 2 names contact 999, not in the export",
    ),
    (
        "application contact nobody",
        _set("applications.0.contact_id", 999),
        "application 1 names contact 999, not in the export",
    ),
    ("draft of no round", _set("drafts.0.round_id", 999), "a draft names interview round 999"),
]


@pytest.mark.parametrize(("change", "why"), [c[1:] for c in TOGETHER], ids=[c[0] for c in TOGETHER])
def test_records_that_do_not_fit_together_are_named_in_plain_words(
    exported: dict[str, Any], target: Repository, change: Change, why: str
) -> None:
    """A repeated id said which kind and which id, not SQLite's 'UNIQUE constraint failed:
    contacts.id' (found by the hostile sweep; failed before: SQLite's words), and nothing
    is written."""
    before = _bytes(target)
    doc = copy.deepcopy(exported)
    change(doc)
    with pytest.raises(InvalidInput, match=why) as refused:
        transfer.import_all(target, json.dumps(doc))
    said = str(refused.value)
    assert "nothing was imported" in said
    assert not any(word in said for word in ("constraint", "UNIQUE", "FOREIGN KEY", "sqlite"))
    assert transfer.export_all(target)["contacts"] == [] and target.settings() == {}
    assert _bytes(target) == before


def _bytes(repo: Repository) -> bytes:
    """The database file and its write-ahead log: equal means nothing was written."""
    path = Path(repo.db.path)
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
