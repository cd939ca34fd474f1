"""When what the user sees changes by itself, with no record changing.

A plan item's state depends on ``now``: it opens, becomes due, then overdue; and "today" is a
local date. The app's one timer wakes at the earliest of these moments (and for reminders),
so views never show yesterday.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta, tzinfo

from followup.plan import ItemState, PlanItem

# An item turns overdue once ``now`` is past its deadline, so the app wakes just after it.
JUST_AFTER = timedelta(seconds=1)


def next_midnight(now: datetime, zone: tzinfo) -> datetime:
    """The start of the next local day, in the zone's offset of that moment (DST-proof)."""
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=zone)


def next_change(items: Iterable[PlanItem], now: datetime, zone: tzinfo) -> datetime:
    """The earliest moment after ``now`` at which an item opens or passes its deadline, or
    the day changes: at most the next local midnight."""
    soonest = next_midnight(now, zone)
    for item in items:
        if item.state is ItemState.WAITING and item.opens is not None and now < item.opens:
            soonest = min(soonest, item.opens)
        if not item.state.pending or item.due is None:
            continue
        due_day = datetime.combine(item.due.date(), time(0), tzinfo=item.due.tzinfo)
        for moment in (due_day, item.due + JUST_AFTER):  # due today, then overdue
            if now < moment:
                soonest = min(soonest, moment)
    return soonest
