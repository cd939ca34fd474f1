"""When what the user sees changes by itself, with no record changing.

A plan item's state depends on ``now``: it opens, becomes due, then overdue, and a letter or
a call left undone is missed in the end; and "today" is a local date. The app's one timer
wakes at the earliest of these moments (and for reminders), so views never show yesterday.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo

from followup.plan import SUGGESTIONS, PlanItem

# An item turns overdue once ``now`` is past its deadline, so the app wakes just after it.
JUST_AFTER = timedelta(seconds=1)


def next_midnight(now: datetime, zone: tzinfo) -> datetime:
    """The start of the next local day, in the zone's offset of that moment (DST-proof)."""
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=zone)


def change_moments(items: Iterable[PlanItem]) -> list[datetime]:
    """Every moment at which one of these items opens, starts its due day, passes its
    deadline or is missed, in time order, in UTC (sorted in their own zones, an hour that a
    change of clocks repeats would sort by the clock, not by time). A plan's moments are
    kept while the plan stands, so re-arming after a change looks at one plan's moments
    again, not every plan's items."""
    moments: list[datetime] = []
    for item in items:
        # Every item's opening, not only a waiting one's: a letter recorded before the
        # interview ended still marks the end, when the interview is done.
        if item.opens is not None:
            moments.append(item.opens.astimezone(UTC))
        # Due today, then overdue (a suggestion is neither: it is ready from its opening).
        if item.state.pending and item.due is not None and item.kind not in SUGGESTIONS:
            due_day = datetime.combine(item.due.date(), time(0), tzinfo=item.due.tzinfo)
            moments += (due_day.astimezone(UTC), (item.due + JUST_AFTER).astimezone(UTC))
        if item.state.pending and item.missed_at is not None:
            moments.append(item.missed_at.astimezone(UTC))
    moments.sort()
    return moments


def soonest_change(
    kept: Iterable[tuple[Sequence[datetime], datetime]], since: datetime, zone: tzinfo
) -> datetime:
    """The soonest of each list's first moment after the moment paired with it (a plan's
    ``change_moments``, after the moment it was planned for) and the local midnight after
    ``since``."""
    soonest = next_midnight(since, zone)
    for moments, after in kept:
        at = bisect_right(moments, after)
        if at < len(moments) and moments[at] < soonest:
            soonest = moments[at]
    return soonest


def next_change(items: Iterable[PlanItem], now: datetime, zone: tzinfo) -> datetime:
    """The earliest moment after ``now`` at which an item's state changes by itself, or the
    day changes: at most the next local midnight."""
    return soonest_change([(change_moments(items), now)], now, zone)
