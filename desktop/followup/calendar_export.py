"""The calendar export of the whole file: every application's plans and interviews."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from followup import ics
from followup.plan import PlanSettings
from followup.planner import all_items
from followup.storage import Repository
from followup.workdays import WorkCalendar


def calendar_of(
    repo: Repository, cal: WorkCalendar, zone: ZoneInfo, now: datetime, settings: PlanSettings
) -> bytes:
    """Closed applications' too (their history): the one file ``followup export ics`` and
    the window's File ▸ Export calendar both write."""
    items = all_items(repo, cal, zone, now, settings)
    return ics.to_ics(items, now, {r.id: r.ends_at for r in repo.rounds()})
