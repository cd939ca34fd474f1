"""The plan of an application with no interview yet advises what fits how the user applied:
only a portal's applicant is told that a person beats a portal; one who applied to a person
directly is told to name that person. Found by the new-user trial: an application marked
"Direct" got "A follow-up to a person beats one to a portal"."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followup.model import Application, Source
from followup.plan import ItemKind, application_plan
from followup.workdays import WorkCalendar

NY = ZoneInfo("America/New_York")
NOW = datetime.combine(date(2026, 11, 27), time(10), tzinfo=NY)


def reasons(source: Source) -> dict[ItemKind, str]:
    app = Application(1, "Northwind", "Analyst", applied_on=date(2026, 11, 27), source=source)
    plan = application_plan(app, [], WorkCalendar(country="US"), NY, NOW)
    return {item.kind: item.reason for item in plan}


def test_a_direct_application_is_not_told_about_portals() -> None:
    said = reasons(Source.DIRECT)
    assert "portal" not in said[ItemKind.FIND_CONTACT]
    assert "portal" not in said[ItemKind.INQUIRY]
    assert said[ItemKind.FIND_CONTACT] == (
        "You applied to a person directly: name them as the contact, so the one status "
        "inquiry goes to them."
    )
    assert said[ItemKind.INQUIRY].endswith(
        "One polite inquiry, to the person you applied to, and no more."
    )


def test_a_portal_application_is_told_to_find_a_person() -> None:
    said = reasons(Source.PORTAL)
    assert said[ItemKind.FIND_CONTACT].startswith("A follow-up to a person beats one to a portal")
    assert said[ItemKind.INQUIRY].endswith(
        "One polite inquiry, through the contact or the company's portal, and no more."
    )


@pytest.mark.parametrize("source", [Source.REFERRAL, Source.RECRUITER])
def test_every_other_way_of_applying_has_its_own_advice(source: Source) -> None:
    said = reasons(source)
    assert "portal" not in said[ItemKind.FIND_CONTACT] + said[ItemKind.INQUIRY]
    assert said[ItemKind.FIND_CONTACT] != reasons(Source.DIRECT)[ItemKind.FIND_CONTACT]
