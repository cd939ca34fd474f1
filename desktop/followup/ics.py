"""Calendar export: interviews, letter deadlines, calls and close suggestions as an .ics file.

UIDs come from plan item keys, so importing a newer export updates events instead of
duplicating them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from followup.plan import ItemKind, ItemState, PlanItem

UID_DOMAIN = "interview-followup.local"
_LENGTH = {ItemKind.LETTER: 30, ItemKind.CALL: 15, ItemKind.INQUIRY: 15}
# Minutes before the event that the calendar app should remind.
_ALARM = {ItemKind.INTERVIEW: 60, ItemKind.LETTER: 8 * 60, ItemKind.CALL: 60}


def to_ics(items: Iterable[PlanItem], now: datetime, rounds_end: dict[int, datetime]) -> bytes:
    """An iCalendar document. ``rounds_end`` gives interviews their real end time."""
    from icalendar import Alarm, Calendar, Event  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", "-//Interview Follow-Up//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interview follow-up")
    stamp = now.astimezone(UTC)
    for item in items:
        if item.due is None or item.state is ItemState.CANCELLED:
            continue
        event = Event()
        event.add("uid", f"{item.key}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        summary = item.title + (" (done)" if item.state is ItemState.DONE else "")
        event.add("summary", summary)
        event.add("description", item.reason)
        if item.kind is ItemKind.INTERVIEW and item.round_id in rounds_end:
            event.add("dtstart", item.due.astimezone(UTC))
            event.add("dtend", rounds_end[item.round_id].astimezone(UTC))
        elif item.kind in (ItemKind.CLOSE, ItemKind.FIND_CONTACT):
            event.add("dtstart", item.due.date())
            event.add("dtend", item.due.date() + timedelta(days=1))
        else:
            length = timedelta(minutes=_LENGTH.get(item.kind, 30))
            event.add("dtstart", (item.due - length).astimezone(UTC))
            event.add("dtend", item.due.astimezone(UTC))
        event.add("status", "CONFIRMED")
        if item.state is not ItemState.DONE:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.title)
            alarm.add("trigger", timedelta(minutes=-_ALARM.get(item.kind, 0)))
            event.add_component(alarm)
        calendar.add_component(event)
    result: bytes = calendar.to_ical()
    return result
