"""What Today and the agenda show of the plans: what is to do in a window of time (the
overdue and the open suggestions always), and each application's next step after it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from followup.plan import ItemKind, ItemState, PlanItem


def agenda(items: Iterable[PlanItem], start: datetime, end: datetime) -> list[PlanItem]:
    """What is to do: pending items due in ``[start, end)``, plus everything overdue and every
    suggestion already open (closing, the one inquiry), however long ago it opened.

    Overdue first, then by due time. Interviews in the window are listed too.
    """

    def wanted(item: PlanItem) -> bool:
        if item.due is None or item.state in (ItemState.CANCELLED, ItemState.MISSED):
            return False
        if item.state is ItemState.OVERDUE:
            return True
        if item.state is ItemState.DUE and item.due < end:
            return True
        if item.state is ItemState.DONE:
            return item.kind is ItemKind.INTERVIEW and start <= item.due < end
        return start <= item.due < end

    chosen = [item for item in items if wanted(item)]
    chosen.sort(key=lambda i: (i.state is not ItemState.OVERDUE, i.due))
    return chosen


def coming_up(items: Iterable[PlanItem], after: datetime) -> list[PlanItem]:
    """The next step of each application due at or after ``after``: what Today shows beyond
    its window so the user never loses the thread (a call planned for next week, the close
    date). Waiting steps count: their date is known even if their window has not opened."""
    nearest: dict[int, tuple[datetime, PlanItem]] = {}
    for item in items:
        if item.due is None or item.due < after:
            continue
        if item.state in (ItemState.DONE, ItemState.CANCELLED):
            continue
        current = nearest.get(item.application_id)
        if current is None or item.due < current[0]:
            nearest[item.application_id] = (item.due, item)
    return [item for _, item in sorted(nearest.values(), key=lambda pair: pair[0])]
