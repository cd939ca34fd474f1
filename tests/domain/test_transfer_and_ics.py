import json
import subprocess
import sys
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from followup import transfer
from followup.errors import InvalidInput
from followup.ics import to_ics
from followup.model import Application, Channel, Contact, Draft, PostalAddress, Round
from followup.planner import all_items
from followup.storage import Database, Repository
from followup.workdays import WorkCalendar

from ..conftest import NOW

NY = ZoneInfo("America/New_York")


def fill(repo: Repository) -> Round:
    dana = repo.add_contact(
        Contact(
            0,
            "Dana Müller",
            "CTO",
            "Acme",
            "dana@acme.example",
            address=PostalAddress(("Acme", "1 Main St")),
        )
    )
    app = repo.add_application(Application(0, "Acme", "Dev", applied_on=date(2026, 11, 1)))
    r = repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=NY),
            datetime(2026, 11, 25, 11, tzinfo=NY),
            "America/New_York",
            interviewer_ids=(dana.id,),
            topics=("Kafka",),
        )
    )
    repo.record_letter(r.id, dana.id, Channel.EMAIL, datetime(2026, 11, 26, 9, tzinfo=NY))
    repo.save_settings({"calendar.country": "US"})
    second = repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 12, 2, 10, tzinfo=NY),
            datetime(2026, 12, 2, 11, tzinfo=NY),
            "America/New_York",
            interviewer_ids=(dana.id,),
        )
    )
    repo.save_draft(
        Draft(
            second.id,
            dana.id,
            Channel.POST,
            "thank-you-letter",
            "Sehr geehrte Frau Müller,\n\nvielen Dank …",
            NOW,
        )
    )
    return r


def test_export_then_import_into_a_new_file_is_identical(repo: Repository, tmp_path) -> None:
    fill(repo)
    exported = transfer.export_all(repo)
    other = Repository(Database.open(tmp_path / "copy.sqlite3", NOW))
    counts = transfer.import_all(other, json.dumps(exported))
    assert counts["rounds"] == 2 and counts["letters"] == 1 and counts["drafts"] == 1
    assert transfer.export_all(other) == exported
    assert other.drafts()[0].body.startswith("Sehr geehrte Frau Müller")


def test_import_is_all_or_nothing(repo: Repository, tmp_path) -> None:
    fill(repo)
    exported = transfer.export_all(repo)
    exported["letters"][0]["contact_id"] = 999  # refers to nobody
    other = Repository(Database.open(tmp_path / "copy.sqlite3", NOW))
    with pytest.raises(InvalidInput, match="nothing was imported"):
        transfer.import_all(other, json.dumps(exported))
    assert other.contacts() == [] and other.applications() == []


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"format": "other"}',
        '{"format": "interview-followup", "version": 1, "rounds": [{"id": 1}]}',
    ],
)
def test_import_rejects_malformed_documents(repo: Repository, text: str) -> None:
    with pytest.raises(InvalidInput):
        transfer.import_all(repo, text)


def test_import_into_a_non_empty_database_needs_replace(repo: Repository) -> None:
    fill(repo)
    exported = json.dumps(transfer.export_all(repo))
    with pytest.raises(InvalidInput, match="not empty"):
        transfer.import_all(repo, exported)
    transfer.import_all(repo, exported, replace=True)
    assert len(repo.applications()) == 1


def test_ics_has_stable_uids_alarms_and_all_events(repo: Repository) -> None:
    r = fill(repo)
    items = all_items(repo, WorkCalendar("US"), NY, NOW)
    first = Calendar.from_ical(to_ics(items, NOW, {r.id: r.ends_at}))
    second = Calendar.from_ical(to_ics(items, NOW.replace(hour=16), {r.id: r.ends_at}))
    uids = [e["uid"] for e in first.walk("VEVENT")]
    assert uids == [e["uid"] for e in second.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    summaries = {str(e["summary"]) for e in first.walk("VEVENT")}
    assert "Interview: Acme — Dev (done)" in summaries
    call = next(e for e in first.walk("VEVENT") if "Phone call" in str(e["summary"]))
    assert call.decoded("dtend") == datetime(
        2026, 12, 3, 22, 0, tzinfo=call.decoded("dtend").tzinfo
    )
    assert call.walk("VALARM"), "pending items carry an alarm"
    interview = next(e for e in first.walk("VEVENT") if "Interview" in str(e["summary"]))
    assert interview.decoded("dtend") - interview.decoded("dtstart") == r.ends_at - r.starts_at
    assert time(17) == datetime(2026, 11, 30, 17, tzinfo=NY).timetz().replace(tzinfo=None)


def test_the_domain_never_imports_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, followup\n"
        "for m in pkgutil.walk_packages(followup.__path__, 'followup.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', "
        "'followup_desktop')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
