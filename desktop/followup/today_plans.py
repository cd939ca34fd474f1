"""What start-up plans first, before Today paints: for each active application only the
items that can still be on Today, reading only the rounds still in play (``plans_for_today``).
``settled_before`` says which rounds are history by now; the rest comes from ``planner``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup import rules
from followup.errors import InvalidInput
from followup.model import Inquiry
from followup.plan import (
    DEFAULT_PLAN,
    PlanItem,
    PlanSettings,
    RuleDays,
    application_plan,
    close_item,
    round_plan,
)
from followup.planner import by_round, plans_by_application
from followup.storage import Repository
from followup.workdays import WorkCalendar

__all__ = ["Settled", "plans_for_today", "settled_before"]


@dataclass(frozen=True, slots=True)
class Settled:
    """When a round's own steps are settled, by the plan's rules, whatever its zone: a round
    that ended before ``ended_before`` has each letter sent or missed (and its interview
    held); a round whose first letter went before ``sent_before`` has its call made or
    missed. Both come a day and more early, never late: text order in the store is time
    order only in UTC, and a place's date differs from UTC's by up to a day."""

    ended_before: datetime
    sent_before: datetime


# Past this many days of looking back, the calendar is too odd to bother: plan everything.
_SETTLED_SEARCH = 400


def settled_before(cal: WorkCalendar, now: datetime, settings: PlanSettings) -> Settled | None:
    """The moments of ``Settled`` for ``now`` (None when the calendar gives none soon enough).

    A letter is missed from the day after its call would have been (``RuleDays.letter``); a
    call from ``quiet_days`` after its day (and once its day is over). Both days only grow
    with the interview's or the letter's day, so the latest day whose miss is before any
    place's today is found by stepping back from the earliest it could be."""
    utc_today = now.astimezone(UTC).date()
    # Any place's today is at least UTC's yesterday; a day's midnight anywhere is before the
    # next UTC midnight: a day before ``limit`` has begun everywhere by now, with a day spare.
    limit = utc_today - timedelta(days=3)
    after = max(settings.quiet_days, 1)  # a call due today is not missed, whatever the wait

    def latest(first: date, missed_on: Callable[[date], date]) -> date | None:
        day = first
        for _ in range(_SETTLED_SEARCH):
            if missed_on(day) <= limit:
                return day
            day -= timedelta(days=1)
        return None

    try:
        letter_day = latest(
            limit - timedelta(days=rules.CALL_AFTER_DAYS + 2),
            lambda d: (
                rules.call_day(cal.next_business_day(cal.next_business_day(d)), cal)
                + timedelta(days=1)
            ),
        )
        sent_day = latest(
            limit - timedelta(days=rules.CALL_AFTER_DAYS + after),
            lambda d: rules.call_day(d, cal) + timedelta(days=after),
        )
    except InvalidInput:  # no business day for years: the plans say so themselves
        return None
    if letter_day is None or sent_day is None:
        return None
    # A stored moment before the start of the UTC day before these is on that day or
    # earlier in any place.
    return Settled(
        datetime.combine(letter_day - timedelta(days=1), time(0), UTC),
        datetime.combine(sent_day - timedelta(days=1), time(0), UTC),
    )


def plans_for_today(
    repo: Repository,
    cal: WorkCalendar,
    zone: ZoneInfo,
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
) -> dict[int, list[PlanItem]]:
    """What start-up needs first: for each active application, the items of its plan that
    can still be to do, wait, or change by themselves — every item Today, the tray and the
    reminders would pick from ``plans_by_application(active_only=True)``, in the same order —
    reading only the rounds still in play. The others are the history: a round long over
    with its letters sent or missed and its call made or missed (``settled_before``). Of a
    round settled but for its call, which was made, only the close suggestion is live.

    Not the whole plan (the Interviews page and exports want that): the app plans the rest
    after Today has painted."""
    settled = settled_before(cal, now, settings)
    if settled is None:
        return plans_by_application(repo, cal, zone, now, settings, active_only=True)
    apps = {a.id: a for a in repo.applications(active_only=True)}
    rounds = repo.rounds_in_play(settled.ended_before, settled.sent_before)
    calls = by_round(repo.calls_of([r.id for r in rounds]))
    # Only the close suggestion of a settled round whose call was made is live; the rest of
    # its plan (interview held, letters sent or missed, call made) is history.
    closing = {r.id for r in rounds if calls[r.id] and r.ends_at < settled.ended_before}
    full = [r for r in rounds if r.id not in closing]
    letters = by_round(repo.letters_of([r.id for r in full]))
    names = repo.contact_names(sorted({i for r in full for i in r.interviewer_ids}))
    plans: dict[int, list[PlanItem]] = {app_id: [] for app_id in apps}
    days = RuleDays(cal, settings.dates)
    for round_ in rounds:
        app = apps.get(round_.application_id)
        if app is None:
            continue
        if round_.id in closing:
            plans[app.id].append(close_item(app, round_, calls[round_.id][0], now, settings))
        else:
            plans[app.id] += round_plan(
                app, round_, names, letters[round_.id], calls[round_.id], cal, now, settings, days
            )
    # An application whose rounds are all history still has rounds: no online plan. (One
    # whose every round is unreadable is planned as one with none, as the full plans do.)
    with_rounds = {r.application_id for r in rounds}
    maybe = [app_id for app_id in apps if app_id not in with_rounds]
    with_rounds |= {r.application_id for r in repo.rounds_of(repo.round_ids_of(maybe))}
    inquiries: dict[int, list[Inquiry]] = defaultdict(list)
    for inquiry in repo.inquiries():
        inquiries[inquiry.application_id].append(inquiry)
    for app in apps.values():
        if app.id not in with_rounds:
            plans[app.id] = application_plan(app, inquiries[app.id], cal, zone, now, settings)
    return plans
