"""Every plan item for everything in the store, computed in one pass over a few queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from followup.model import Call, Inquiry, Letter
from followup.plan import DEFAULT_PLAN, PlanItem, PlanSettings, application_plan, round_plan
from followup.storage import Repository
from followup.workdays import WorkCalendar


def all_items(
    repo: Repository,
    cal: WorkCalendar,
    zone: ZoneInfo,
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
    *,
    active_only: bool = False,
) -> list[PlanItem]:
    """All plans: each round's, and for applications with no round yet, the online plan.

    ``active_only`` skips closed, retired and won applications, whose items can only be done
    or cancelled: what Today and the reminders need, at a fraction of the work.
    """
    apps = {a.id: a for a in repo.applications(active_only=active_only)}
    names = repo.contact_names()
    letters: dict[int, list[Letter]] = defaultdict(list)
    for letter in repo.letters():
        letters[letter.round_id].append(letter)
    calls: dict[int, list[Call]] = defaultdict(list)
    for call in repo.calls():
        calls[call.round_id].append(call)
    inquiries: dict[int, list[Inquiry]] = defaultdict(list)
    for inquiry in repo.inquiries():
        inquiries[inquiry.application_id].append(inquiry)
    items: list[PlanItem] = []
    with_rounds: set[int] = set()
    for round_ in repo.rounds(active_only=active_only):
        with_rounds.add(round_.application_id)
        items += round_plan(
            apps[round_.application_id],
            round_,
            names,
            letters[round_.id],
            calls[round_.id],
            cal,
            now,
            settings,
        )
    for app in apps.values():
        if app.id not in with_rounds:
            items += application_plan(app, inquiries[app.id], cal, zone, now, settings)
    return items
