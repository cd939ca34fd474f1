"""When to remind, as values: morning of the first business day, the deadline's morning,
overdue, the call's morning, ready to close. Quiet hours push a reminder to their end.

Delivery is recorded by key, so a reminder is never delivered twice, and reminders missed
while the computer slept or the app was closed are collapsed to one per item on return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from followup.date_style import PLAIN, DateStyle
from followup.plan import ItemKind, ItemState, PlanItem
from followup.rules import shown_time
from followup.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    morning: time = time(9, 0)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str  # stable: "<plan item key>:<moment>"
    item_key: str
    at: datetime
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Delivery:
    """What the database knows of one reminder key."""

    delivered_at: datetime
    snoozed_to: datetime | None = None


def in_quiet_hours(moment: datetime, settings: ReminderSettings, zone: tzinfo) -> bool:
    local = moment.astimezone(zone).time()
    start, end = settings.quiet_start, settings.quiet_end
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def after_quiet_hours(moment: datetime, settings: ReminderSettings, zone: tzinfo) -> datetime:
    """``moment``, or the end of the quiet hours it falls in."""
    if not in_quiet_hours(moment, settings, zone):
        return moment
    local = moment.astimezone(zone)
    day = local.date() if local.time() < settings.quiet_end else local.date() + timedelta(days=1)
    return datetime.combine(day, settings.quiet_end, tzinfo=zone)


def _morning(day: date, settings: ReminderSettings, zone: tzinfo) -> datetime:
    return datetime.combine(day, settings.morning, tzinfo=zone)


def reminders_for(
    items: Iterable[PlanItem],
    cal: WorkCalendar,
    zone: tzinfo,
    settings: ReminderSettings = ReminderSettings(),
    dates: DateStyle = PLAIN,
) -> list[Reminder]:
    """Every reminder of every pending item, in time order; ``dates`` names their days and
    times the way the user reads them."""
    found: list[Reminder] = []
    for item in items:
        if item.due is None or item.state in (
            ItemState.DONE,
            ItemState.CANCELLED,
            ItemState.MISSED,
        ):
            continue
        due_day = item.due.astimezone(zone).date()
        moments: list[tuple[str, datetime, str]] = []
        if item.kind is ItemKind.LETTER:
            opened = (item.opens or item.due).astimezone(zone).date()
            first = cal.nth_business_day_after(opened, 1)
            moments.append(
                (
                    "first-morning",
                    _morning(first, settings, zone),
                    f"Write your thank-you letter: due {shown_time(item.due, zone, dates)}.",
                )
            )
            if due_day != first:
                moments.append(
                    (
                        "deadline-morning",
                        _morning(due_day, settings, zone),
                        "Your thank-you letter is due today at "
                        f"{shown_time(item.due, zone, dates, with_day=False)}.",
                    )
                )
            moments.append(
                (
                    "overdue",
                    item.due,
                    "The letter's deadline has passed: send it "
                    "now, briefly; late is better than never, once.",
                )
            )
        elif item.kind is ItemKind.CALL:
            moments.append(
                (
                    "morning",
                    _morning(due_day, settings, zone),
                    "Today is the day for the one brief call.",
                )
            )
        elif item.kind in (ItemKind.CLOSE, ItemKind.INQUIRY, ItemKind.FIND_CONTACT):
            moments.append(("morning", _morning(due_day, settings, zone), item.reason))
        for name, at, body in moments:
            found.append(
                Reminder(
                    f"{item.key}:{name}",
                    item.key,
                    after_quiet_hours(at, settings, zone),
                    item.title,
                    body,
                )
            )
    found.sort(key=lambda r: (r.at, r.key))
    return found


def still_standing(reminders: Iterable[Reminder], items: Iterable[PlanItem]) -> list[Reminder]:
    """The reminders whose step is still to be done: a letter marked sent, a call made or an
    application closed since the reminder came takes it away."""
    pending = {item.key for item in items if item.state.pending}
    return [r for r in reminders if r.item_key in pending]


def _pending_since(reminder: Reminder, record: Delivery | None) -> datetime | None:
    """When this reminder became deliverable, or None if it has been dealt with."""
    if record is None:
        return reminder.at
    if record.snoozed_to is not None and record.delivered_at < record.snoozed_to:
        return record.snoozed_to
    return None


def due_now(
    reminders: Iterable[Reminder],
    deliveries: Mapping[str, Delivery],
    now: datetime,
    settings: ReminderSettings,
    zone: tzinfo,
) -> tuple[list[Reminder], list[str]]:
    """What to show now (one per item: the latest), and every key that this delivers.

    Nothing is shown during quiet hours; what is due waits for their end.
    """
    if in_quiet_hours(now, settings, zone):
        return [], []
    latest: dict[str, tuple[datetime, Reminder]] = {}
    keys: list[str] = []
    for reminder in reminders:
        since = _pending_since(reminder, deliveries.get(reminder.key))
        if since is None or since > now:
            continue
        keys.append(reminder.key)
        best = latest.get(reminder.item_key)
        if best is None or since >= best[0]:
            latest[reminder.item_key] = (since, reminder)
    shown = sorted((r for _, r in latest.values()), key=lambda r: (r.at, r.key))
    return shown, keys


def next_time(
    reminders: Iterable[Reminder],
    deliveries: Mapping[str, Delivery],
    now: datetime,
    settings: ReminderSettings,
    zone: tzinfo,
) -> datetime | None:
    """When the single timer should fire next (None: nothing left to remind)."""
    upcoming = [
        since for r in reminders if (since := _pending_since(r, deliveries.get(r.key))) is not None
    ]
    if not upcoming:
        return None
    soonest = min(upcoming)
    return after_quiet_hours(max(soonest, now), settings, zone)


def snooze_until(choice: str, now: datetime, settings: ReminderSettings, zone: tzinfo) -> datetime:
    """``hour``: an hour from now; ``morning``: tomorrow at the morning reminder time."""
    if choice == "hour":
        return after_quiet_hours(now + timedelta(hours=1), settings, zone)
    if choice == "morning":
        tomorrow = now.astimezone(zone).date() + timedelta(days=1)
        return _morning(tomorrow, settings, zone)
    raise ValueError(f"unknown snooze {choice!r}")
