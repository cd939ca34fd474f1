"""Every plan item for everything in the store, computed in one pass over a few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from followup.model import Application, Call, Inquiry, Letter, Round, Status
from followup.plan import (
    DEFAULT_PLAN,
    PlanItem,
    PlanSettings,
    RuleDays,
    application_plan,
    round_plan,
)
from followup.storage import Repository
from followup.workdays import WorkCalendar

R = TypeVar("R", Letter, Call)


def by_round(records: Iterable[R]) -> dict[int, list[R]]:
    grouped: dict[int, list[R]] = defaultdict(list)
    for record in records:
        grouped[record.round_id].append(record)
    return grouped


def _plans(
    rounds: Iterable[Round],
    apps: dict[int, Application],
    names: dict[int, str],
    letters: dict[int, list[Letter]],
    calls: dict[int, list[Call]],
    cal: WorkCalendar,
    now: datetime,
    settings: PlanSettings,
) -> dict[int, list[PlanItem]]:
    """Round id → its plan, from records already loaded. A round whose application cannot be
    read (``repo.unreadable()`` names it) is left out rather than planned without it."""
    days = RuleDays(cal, settings.dates)
    return {
        r.id: round_plan(
            apps[r.application_id], r, names, letters[r.id], calls[r.id], cal, now, settings, days
        )
        for r in rounds
        if r.application_id in apps
    }


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
    plans = plans_by_application(repo, cal, zone, now, settings, active_only=active_only)
    return [item for items in plans.values() for item in items]


def plans_by_application(
    repo: Repository,
    cal: WorkCalendar,
    zone: ZoneInfo,
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
    *,
    active_only: bool = False,
    only: Iterable[int] | None = None,
) -> dict[int, list[PlanItem]]:
    """Application id → its items. ``only`` plans just those applications (after a change
    to them): a few small queries instead of reading the whole store."""
    if only is None:
        apps = {a.id: a for a in repo.applications(active_only=active_only)}
        rounds = repo.rounds(active_only=active_only)
        if active_only:  # a tenth of the history, typically: read only its letters and calls
            ids = [r.id for r in rounds]
            letters, calls = by_round(repo.letters_of(ids)), by_round(repo.calls_of(ids))
        else:
            letters, calls = by_round(repo.letters()), by_round(repo.calls())
        inquiry_list = repo.inquiries()
    else:
        apps = {
            a.id: a
            for a in repo.applications_of(set(only))
            if not active_only or a.status is Status.ACTIVE
        }
        rounds = [r for app_id in apps for r in repo.rounds(app_id)]
        ids = [r.id for r in rounds]
        letters = by_round(repo.letters_of(ids))
        calls = by_round(repo.calls_of(ids))
        inquiry_list = [i for app_id in apps for i in repo.inquiries(app_id)]
    # Only the interviewers' names: a plan names no one else (10,000 contacts: a few ms).
    names = repo.contact_names(sorted({i for r in rounds for i in r.interviewer_ids}))
    inquiries: dict[int, list[Inquiry]] = defaultdict(list)
    for inquiry in inquiry_list:
        inquiries[inquiry.application_id].append(inquiry)
    plans: dict[int, list[PlanItem]] = {app_id: [] for app_id in apps}
    days = RuleDays(cal, settings.dates)
    for round_ in rounds:
        if round_.application_id in plans:
            plans[round_.application_id] += round_plan(
                apps[round_.application_id],
                round_,
                names,
                letters[round_.id],
                calls[round_.id],
                cal,
                now,
                settings,
                days,
            )
    with_rounds = {r.application_id for r in rounds}
    for app in apps.values():
        if app.id not in with_rounds:
            plans[app.id] = application_plan(app, inquiries[app.id], cal, zone, now, settings)
    return plans


# Before the first letter is sent, a round's items come within this of its start (the letter's
# deadline, or a call planned a week after an early letter). After that, its items are dated
# from the letter and the call themselves, which are looked up by their own dates.
BEFORE_ACTION = timedelta(days=45)


def items_between(
    repo: Repository,
    cal: WorkCalendar,
    zone: ZoneInfo,
    now: datetime,
    start: datetime,
    end: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
    names: dict[int, str] | None = None,
    memo: dict[int, list[PlanItem]] | None = None,
) -> list[PlanItem]:
    """Every item (done and cancelled too) due in ``[start, end)``: what a calendar shows.

    Only rounds that can reach the range are planned, so a month costs the same with ten
    interviews or ten thousand. ``memo`` (round id → its plan) lets a caller keep plans
    between calls while nothing changed: adjacent months share most of their rounds.
    """
    reach = timedelta(days=settings.quiet_days + 30)  # after a letter: call, then quiet period
    ids = repo.round_ids_between(start - BEFORE_ACTION, end, acted_since=start - reach)
    plans = memo if memo is not None else {}
    missing = [i for i in ids if i not in plans]
    if missing:
        rounds = repo.rounds_of(missing)
        names = names if names is not None else repo.contact_names()
        letters = by_round(repo.letters_of(missing))
        calls = by_round(repo.calls_of(missing))
        apps = {a.id: a for a in repo.applications_of({r.application_id for r in rounds})}
        plans.update(_plans(rounds, apps, names, letters, calls, cal, now, settings))
    # a round that cannot be read has no plan (``repo.unreadable()`` names it)
    return [
        i for rid in ids for i in plans.get(rid, ()) if i.due is not None and start <= i.due < end
    ]
