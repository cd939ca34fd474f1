"""Follow-up plans: what to do for each round (and each online application), when, and why.

A plan is computed from stored facts and ``now``; nothing here is stored, so a change of
settings (holidays, working days) moves every date at once and correctly.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup import rules, source_advice
from followup.date_style import PLAIN, DateStyle, stop
from followup.model import Application, Call, Inquiry, Letter, Round, RoundKind, Status
from followup.workdays import WorkCalendar

MORNING = time(9, 0)


class ItemKind(enum.StrEnum):
    INTERVIEW = "interview"
    LETTER = "letter"
    CALL = "call"
    CLOSE = "close"
    FIND_CONTACT = "find-contact"
    INQUIRY = "inquiry"


# Suggested from a date on (closing, the one inquiry, finding a contact): "ready" from then,
# never due on a day nor overdue (``_suggestion_state``).
SUGGESTIONS = frozenset({ItemKind.CLOSE, ItemKind.INQUIRY, ItemKind.FIND_CONTACT})


class ItemState(enum.StrEnum):
    WAITING = "waiting"  # its window has not opened (interview not over, letter not sent)
    UPCOMING = "upcoming"  # open, due later
    DUE = "due"  # due today
    OVERDUE = "overdue"
    DONE = "done"
    CANCELLED = "cancelled"  # the application was closed, retired or won
    MISSED = "missed"  # its window is long gone: kept in history, no longer a to-do

    @property
    def pending(self) -> bool:
        return self in (ItemState.UPCOMING, ItemState.DUE, ItemState.OVERDUE)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One step of a plan. ``key`` is stable across runs (calendar UIDs, reminder records)."""

    key: str
    kind: ItemKind
    application_id: int
    round_id: int | None
    contact_id: int | None
    title: str
    reason: str
    state: ItemState
    due: datetime | None  # when it must be done by (aware)
    opens: datetime | None = None  # when it can first be done
    done_at: datetime | None = None
    # When it turns missed if still not done: a letter past the day its call would have
    # been, a call past its quiet days. A state that changes by itself (``timeline``).
    missed_at: datetime | None = None

    @property
    def day(self) -> date | None:
        return self.due.date() if self.due is not None else None


@dataclass(frozen=True, slots=True)
class PlanSettings:
    quiet_days: int = rules.DEFAULT_QUIET_DAYS
    inquiry_wait: int = rules.DEFAULT_INQUIRY_WAIT
    # How reasons name days: the GUI passes the user's locale, the command line PLAIN.
    dates: DateStyle = field(default=PLAIN, compare=False)


DEFAULT_PLAN = PlanSettings()


def _state(
    now: datetime,
    due: datetime,
    opens: datetime | None,
    done: datetime | None,
    finished: bool = False,
) -> ItemState:
    """``finished``: the application was closed, retired or won; what is not done is off."""
    if done is not None:
        return ItemState.DONE
    if finished:
        return ItemState.CANCELLED
    if opens is not None and now < opens:
        return ItemState.WAITING
    if now > due:
        return ItemState.OVERDUE
    if now.astimezone(due.tzinfo).date() == due.date():
        return ItemState.DUE
    return ItemState.UPCOMING


def _suggestion_state(
    now: datetime, opens: datetime, done: datetime | None, finished: bool = False
) -> ItemState:
    """Suggestions (close, the one inquiry) open at a date and never turn overdue."""
    if done is not None:
        return ItemState.DONE
    if finished:
        return ItemState.CANCELLED
    return ItemState.WAITING if now < opens else ItemState.DUE


def _finished(app: Application) -> bool:
    return app.status is not Status.ACTIVE


class RuleDays:
    """One planning pass's rule dates: each interview day's letter deadline (and the day its
    letter counts as missed), each letter day's call date, worked out once however many
    rounds share the day. Pure functions of the calendar and the style of naming days; made
    fresh for each pass."""

    __slots__ = ("_calls", "_letters", "cal", "dates")

    def __init__(self, cal: WorkCalendar, dates: DateStyle) -> None:
        self.cal = cal
        self.dates = dates
        self._letters: dict[tuple[date, ZoneInfo], tuple[rules.Deadline, datetime]] = {}
        self._calls: dict[date, rules.CallDate] = {}

    def letter(self, starts_at: datetime, zone: ZoneInfo) -> tuple[rules.Deadline, datetime]:
        """The deadline, and when the letter is missed: a letter not sent by the day its call
        would have been (had it gone on time) is missed; thanking them then would be odd, and
        an overdue list of months-old letters helps no one."""
        key = (starts_at.astimezone(zone).date(), zone)
        found = self._letters.get(key)
        if found is None:
            deadline = rules.letter_deadline(starts_at, self.cal, zone, self.dates)
            call_on = rules.call_day(deadline.business_days[1], self.cal)
            missed = datetime.combine(call_on + timedelta(days=1), time(0), zone)
            found = self._letters[key] = (deadline, missed)
        return found

    def call(self, letter_sent_on: date) -> rules.CallDate:
        found = self._calls.get(letter_sent_on)
        if found is None:
            found = self._calls[letter_sent_on] = rules.call_date(
                letter_sent_on, self.cal, self.dates
            )
        return found


_INTERVIEW_REASON = {kind: f"{kind.value.capitalize()} interview" for kind in RoundKind}


def round_plan(
    app: Application,
    round_: Round,
    names: dict[int, str],
    letters: Sequence[Letter],
    calls: Sequence[Call],
    cal: WorkCalendar,
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
    days: RuleDays | None = None,
) -> list[PlanItem]:
    """Interview → one letter per interviewer → one call → ready to close. ``days``: the
    pass's rule dates (for ``cal`` and ``settings.dates``), when planning many rounds."""
    if days is None:
        days = RuleDays(cal, settings.dates)
    zone = ZoneInfo(round_.timezone)
    finished = _finished(app)
    who = f"{app.company} — {app.role}"
    round_id = round_.id
    held = now >= round_.ends_at
    items = [
        PlanItem(
            key=f"round-{round_id}-interview",
            kind=ItemKind.INTERVIEW,
            application_id=app.id,
            round_id=round_id,
            contact_id=None,
            title=f"Interview: {who}",
            reason=_INTERVIEW_REASON[round_.kind] + (f": {round_.title}" if round_.title else ""),
            state=ItemState.DONE
            if held
            else (ItemState.CANCELLED if finished else ItemState.UPCOMING),
            due=round_.starts_at.astimezone(zone),
            done_at=round_.ends_at if held else None,
        )
    ]
    dates = days.dates
    deadline, letter_missed = days.letter(round_.starts_at, zone)
    sent: dict[int, Letter] = {}
    for each in sorted(letters, key=lambda x: x.sent_at):
        if each.round_id == round_id:
            sent.setdefault(each.contact_id, each)  # the first counts; overrides come later
    recipients: list[int | None] = list(round_.interviewer_ids) or [None]
    decision = round_.decision_on
    early = (
        f" They decide on {dates.day(decision)}: send it early."
        if decision is not None and decision <= deadline.business_days[1]
        else ""
    )
    for contact_id in recipients:
        letter = sent.get(contact_id) if contact_id is not None else None
        name = names.get(contact_id) if contact_id is not None else None
        state = _state(
            now, deadline.due, round_.ends_at, letter.sent_at if letter else None, finished
        )
        if state is ItemState.OVERDUE and now >= letter_missed:
            state = ItemState.MISSED
        reason = deadline.reason
        if contact_id is None:
            reason += " Add who interviewed you, so the letter has a named recipient."
        reason += early
        items.append(
            PlanItem(
                key=f"round-{round_id}-letter-{contact_id or 0}",
                kind=ItemKind.LETTER,
                application_id=app.id,
                round_id=round_id,
                contact_id=contact_id,
                # The company too: the tray and the banner show only this line.
                title=f"Thank-you letter to {name} at {app.company}"
                if name
                else f"Thank-you letter for {app.company}",
                reason=reason,
                state=state,
                due=deadline.due,
                opens=round_.ends_at,
                done_at=letter.sent_at if letter else None,
                missed_at=letter_missed,
            )
        )
    first_sent = min((letter.sent_at for letter in sent.values()), default=None)
    call = next((c for c in calls if c.round_id == round_id), None)
    callee = rules.call_contact(round_, list(sent.values()))
    caller = names.get(callee) if callee is not None else None
    call_missed = None
    if first_sent is None:
        call_due = None
        call_reason = "A week after your letter is sent: one brief call, never a second."
        call_state = ItemState.CANCELLED if finished else ItemState.WAITING
    else:
        planned = days.call(first_sent.astimezone(zone).date())
        call_due = datetime.combine(planned.day, cal.end_of_day, tzinfo=zone)
        call_reason = planned.reason + " One brief call; don't ask for a decision."
        opens = datetime.combine(planned.day, time(0), tzinfo=zone)
        call_state = _state(now, call_due, opens, call.made_at if call else None, finished)
        # by the time it would be closed as "no response"
        call_missed = datetime.combine(
            planned.day + timedelta(days=settings.quiet_days), time(0), zone
        )
        if call_state is ItemState.OVERDUE and now >= call_missed:
            call_state = ItemState.MISSED
    items.append(
        PlanItem(
            key=f"round-{round_id}-call",
            kind=ItemKind.CALL,
            application_id=app.id,
            round_id=round_id,
            contact_id=callee,
            title=f"Phone call to {caller} at {app.company}" if caller else f"Phone call: {who}",
            reason=call_reason,
            state=call_state,
            due=call_due,
            opens=call_due.replace(hour=0, minute=0) if call_due else None,
            done_at=call.made_at if call else None,
            missed_at=call_missed,
        )
    )
    if call is not None:
        items.append(close_item(app, round_, call, now, settings))
    return items


def close_item(
    app: Application, round_: Round, call: Call, now: datetime, settings: PlanSettings
) -> PlanItem:
    """R8's suggestion after the round's call: close as "no response" once the quiet days
    have passed. It is never done while the application is active, so it stays on Today."""
    zone = ZoneInfo(round_.timezone)
    close_on = rules.close_date(call.made_at.astimezone(zone).date(), settings.quiet_days)
    due = datetime.combine(close_on, MORNING, tzinfo=zone)
    return PlanItem(
        key=f"round-{round_.id}-close",
        kind=ItemKind.CLOSE,
        application_id=app.id,
        round_id=round_.id,
        contact_id=None,
        title=f"Close as “no response”: {app.company} — {app.role}",
        reason=f"{settings.quiet_days} quiet days since your call. Candidates who were "
        "not chosen are often never told; close it rather than contact them again.",
        state=_suggestion_state(now, due, None, _finished(app)),
        due=due,
        opens=due,
    )


def application_plan(
    app: Application,
    inquiries: Sequence[Inquiry],
    cal: WorkCalendar,
    zone: ZoneInfo,
    now: datetime,
    settings: PlanSettings = DEFAULT_PLAN,
) -> list[PlanItem]:
    """An online application with no interview yet: find a contact, at most one inquiry."""
    if app.applied_on is None:
        return []
    finished = _finished(app)
    who = f"{app.company} — {app.role}"
    first = cal.nth_business_day_after(app.applied_on, 1)
    contact_due = datetime.combine(first, cal.end_of_day, tzinfo=zone)
    items = [
        PlanItem(
            key=f"app-{app.id}-find-contact",
            kind=ItemKind.FIND_CONTACT,
            application_id=app.id,
            round_id=None,
            contact_id=app.contact_id,
            title=f"Find a named contact: {who}",
            reason=source_advice.find_contact(app.source),  # fits how they applied
            state=_suggestion_state(
                now, contact_due, contact_due if app.contact_id else None, finished
            ),
            due=contact_due,
            opens=contact_due,  # suggested from then on, as the other suggestions
        )
    ]
    inquiry = next((i for i in inquiries if i.application_id == app.id), None)
    ask_on = rules.inquiry_date(app.applied_on, cal, settings.inquiry_wait)
    due = datetime.combine(ask_on, cal.end_of_day, tzinfo=zone)
    opens = datetime.combine(ask_on, time(0), tzinfo=zone)
    items.append(
        PlanItem(
            key=f"app-{app.id}-inquiry",
            kind=ItemKind.INQUIRY,
            application_id=app.id,
            round_id=None,
            contact_id=app.contact_id,
            title=f"One status inquiry: {who}",
            reason=f"{settings.inquiry_wait} business days after you applied on "
            f"{stop(settings.dates.day(app.applied_on))} One polite inquiry, "
            f"{source_advice.inquiry_through(app.source)}, and no more.",
            state=_suggestion_state(now, opens, inquiry.sent_at if inquiry else None, finished),
            due=due,
            opens=opens,
            done_at=inquiry.sent_at if inquiry else None,
        )
    )
    if inquiry is not None:
        close_on = rules.close_date(inquiry.sent_at.astimezone(zone).date(), settings.quiet_days)
        close_due = datetime.combine(close_on, MORNING, tzinfo=zone)
        items.append(
            PlanItem(
                key=f"app-{app.id}-close",
                kind=ItemKind.CLOSE,
                application_id=app.id,
                round_id=None,
                contact_id=None,
                title=f"Retire the application: {who}",
                reason=f"{settings.quiet_days} quiet days since your inquiry. Many employers never "
                "answer applicants they pass over; retire it and put the energy elsewhere.",
                state=_suggestion_state(now, close_due, None, finished),
                due=close_due,
                opens=close_due,
            )
        )
    return items
