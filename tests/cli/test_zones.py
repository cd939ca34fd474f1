"""Times are read in the right zone and shown in the user's (issue 9)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from followup.model import Application, Contact, Round
from followup.plan import ItemKind, round_plan
from followup.reminders import reminders_for
from followup.workdays import WorkCalendar
from tests.cli.runner import ok, run


def test_deadline_with_an_offset_follows_the_real_zone_across_a_dst_change(
    tmp_path: Path,
) -> None:
    db = tmp_path / "dst.sqlite3"
    ok(db, "settings", "set", "calendar.timezone", "America/New_York")
    # Thursday 29 October, EDT (-04:00); the clocks go back on Sunday 1 November.
    due = json.loads(
        ok(db, "deadline", "--interview-at", "2026-10-29T10:00-04:00", "--country", "US", "--json")
    )["due"]
    assert due == "2026-11-02T17:00:00-05:00"  # 17:00 EST, not 17:00 at the old offset
    berlin = json.loads(
        ok(
            db,
            "deadline",
            "--interview-at",
            "2026-10-22T10:00+02:00",
            "--tz",
            "Europe/Berlin",
            "--country",
            "DE",
            "--json",
        )
    )["due"]
    assert berlin == "2026-10-26T17:00:00+01:00"  # Europe changed its clocks on 25 October
    wrong = run(db, "deadline", "--interview-at", "2026-10-22T10:00-07:00", "--tz", "Europe/Berlin")
    assert wrong.code == 2 and "is not Europe/Berlin's on that day" in wrong.err


def test_plan_and_agenda_show_the_users_clock_and_the_places_own(tmp_path: Path) -> None:
    db = tmp_path / "zones.sqlite3"
    ok(db, "settings", "set", "calendar.timezone", "America/Los_Angeles")
    ok(db, "settings", "set", "calendar.country", "NZ")
    ok(db, "contact", "add", "--name", "Aroha")
    ok(db, "app", "add", "--company", "Kiwi", "--role", "Dev")
    ok(
        db,
        "round",
        "add",
        "--app",
        "1",
        "--start",
        "2026-11-25T10:00",
        "--end",
        "2026-11-25T11:00",
        "--tz",
        "Pacific/Auckland",
        "--interviewer",
        "1",
    )
    plan = ok(db, "--now", "2026-11-25T00:00:00+00:00", "plan", "1")
    # Due Friday 17:00 in Auckland is Thursday 20:00 in Los Angeles.
    assert "Thu 2026-11-26 20:00 (Fri 2026-11-27 17:00 Pacific/Auckland)" in plan
    agenda = ok(db, "--now", "2026-11-25T00:00:00+00:00", "agenda", "--days", "3")
    assert "Thu 2026-11-26 20:00 (Fri 2026-11-27 17:00 Pacific/Auckland)" in agenda
    # The round itself, listed and shown, says the same two clocks (it said Tuesday only).
    listed = "Tue 2026-11-24 13:00 (Wed 2026-11-25 10:00 Pacific/Auckland)  video"
    assert listed in ok(db, "round", "list")
    assert listed in ok(db, "round", "show", "1")


def test_reminders_name_the_time_on_the_users_clock() -> None:
    auckland = ZoneInfo("Pacific/Auckland")
    start = datetime(2026, 11, 25, 10, tzinfo=auckland)
    round_ = Round(1, 1, start, start.replace(hour=11), "Pacific/Auckland", interviewer_ids=(1,))
    cal = WorkCalendar()
    items = round_plan(
        Application(1, "Kiwi", "Dev"),
        round_,
        {1: Contact(1, "Aroha").name},
        [],
        [],
        cal,
        datetime(2026, 11, 24, tzinfo=UTC),
    )
    letter = [i for i in items if i.kind is ItemKind.LETTER]
    texts = [r.body for r in reminders_for(letter, cal, ZoneInfo("America/Los_Angeles"))]
    assert (
        "Write your thank-you letter: due Thu 2026-11-26 20:00 "
        "(Fri 2026-11-27 17:00 Pacific/Auckland)." in texts
    )
    same = [r.body for r in reminders_for(letter, cal, auckland)]
    assert "Write your thank-you letter: due Fri 2026-11-27 17:00." in same
