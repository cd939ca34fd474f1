"""The etiquette rules R1–R8 (DESIGN section 1) as plain functions of values.

Nothing here reads a clock: ``now`` is an argument. Every date carries its reason in words,
so the GUI can say *why* a deadline is where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from followup.date_style import PLAIN, DateStyle, stop
from followup.errors import InvalidInput, Refusal
from followup.model import Call, Channel, Inquiry, Letter, Round
from followup.workdays import WorkCalendar

LETTER_BUSINESS_DAYS = 2  # R1: within two business days
CALL_AFTER_DAYS = 7  # R6: a week after the letter
DEFAULT_QUIET_DAYS = 14  # R8: then suggest closing as "no response"
DEFAULT_INQUIRY_WAIT = 10  # online application: business days before the one inquiry


def elsewhere(moment: datetime, zone: tzinfo) -> str | None:
    """The name of the place ``moment`` belongs to when it keeps another clock than the
    user's (``zone``) at that moment (``Pacific/Auckland``, or an offset like ``+13:00``);
    None when both clocks read the same."""
    if moment.tzinfo is None or moment.utcoffset() == moment.astimezone(zone).utcoffset():
        return None
    stamp = moment.strftime("%z")
    return getattr(moment.tzinfo, "key", None) or f"{stamp[:3]}:{stamp[3:]}"


def shown_time(
    moment: datetime, zone: tzinfo, dates: DateStyle = PLAIN, *, with_day: bool = True
) -> str:
    """``moment`` as the user's clock (``zone``) reads it; when the place it belongs to keeps
    another clock, that reading follows with its zone: ``Thu 20:00 (Fri 17:00 Pacific/Auckland)``.
    ``with_day=False`` gives the times alone, for a day already named.
    """
    mine = moment.astimezone(zone)
    text = dates.day_time(mine) if with_day else dates.time(mine)
    name = elsewhere(moment, zone)
    if name is not None:
        text += f" ({dates.day_time(moment) if with_day else dates.time(moment)} {name})"
    return text


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _moved(cal: WorkCalendar, start: date, naive: date, actual: date, dates: DateStyle) -> str:
    """'Thanksgiving Day (Nov 26) and the weekend moved this to Monday.' or ''."""
    if actual == naive:
        return ""
    reasons = cal.skipped_reasons(start, actual + timedelta(days=1), dates)
    if not reasons:
        return ""
    text = _join(reasons)
    return f" {text[0].upper()}{text[1:]} moved this to {dates.weekday(actual)}."


@dataclass(frozen=True, slots=True)
class Deadline:
    """R1's deadline for one interview."""

    interview_date: date
    business_days: tuple[date, date]
    due: datetime
    reason: str


def interview_date(starts_at: datetime, zone: tzinfo | None = None) -> date:
    """The interview's calendar date where it took place (its own offset when no zone)."""
    if starts_at.tzinfo is None:
        raise InvalidInput("an interview time needs a time zone or an offset")
    return (starts_at.astimezone(zone) if zone is not None else starts_at).date()


def letter_deadline(
    starts_at: datetime, cal: WorkCalendar, zone: tzinfo | None = None, dates: DateStyle = PLAIN
) -> Deadline:
    """End of the working day of the second business day strictly after the interview's date;
    ``dates`` tells the reason's days the way the user reads them."""
    day = interview_date(starts_at, zone)
    where = zone if zone is not None else starts_at.tzinfo
    first = cal.next_business_day(day)
    second = cal.next_business_day(first)
    due = datetime.combine(second, cal.end_of_day, tzinfo=where)
    reason = (
        f"Two business days after the interview on {dates.day(day)}: "
        f"by {dates.time(cal.end_of_day)} on {stop(dates.day(second))}"
        + _moved(cal, day, day + timedelta(days=LETTER_BUSINESS_DAYS), second, dates)
    )
    return Deadline(day, (first, second), due, reason)


@dataclass(frozen=True, slots=True)
class CallDate:
    """R6's one call."""

    day: date
    reason: str


def call_day(letter_sent_on: date, cal: WorkCalendar) -> date:
    """Seven calendar days after the letter, rolled forward to a business day."""
    return cal.on_or_next_business_day(letter_sent_on + timedelta(days=CALL_AFTER_DAYS))


def call_date(letter_sent_on: date, cal: WorkCalendar, dates: DateStyle = PLAIN) -> CallDate:
    """Seven calendar days after the letter, rolled forward to a business day; with why."""
    naive = letter_sent_on + timedelta(days=CALL_AFTER_DAYS)
    day = call_day(letter_sent_on, cal)
    reason = f"A week after the letter sent on {stop(dates.day(letter_sent_on))}" + _moved(
        cal, naive - timedelta(days=1), naive, day, dates
    )
    return CallDate(day, reason)


def call_contact(round_: Round, letters: list[Letter]) -> int | None:
    """R6's one call goes to the person whose letter went first (the call follows up that
    letter); before any letter, to the first interviewer."""
    mine = [x for x in letters if x.round_id == round_.id]
    if mine:
        return min(mine, key=lambda x: (x.sent_at, x.id)).contact_id
    return round_.interviewer_ids[0] if round_.interviewer_ids else None


def close_date(call_made_on: date, quiet_days: int = DEFAULT_QUIET_DAYS) -> date:
    """R8: after the call, wait quietly; then suggest closing as 'no response'."""
    return call_made_on + timedelta(days=quiet_days)


def inquiry_date(applied_on: date, cal: WorkCalendar, wait: int = DEFAULT_INQUIRY_WAIT) -> date:
    """The one status inquiry for an online application with no interview."""
    return cal.nth_business_day_after(applied_on, wait)


def zone_of(round_: Round) -> ZoneInfo:
    return ZoneInfo(round_.timezone)


def _name(names: dict[int, str], contact_id: int) -> str:
    return names.get(contact_id, f"contact {contact_id}")


def check_letter(
    round_: Round,
    contact_id: int,
    channel: Channel,
    sent_at: datetime,
    letters: list[Letter],
    names: dict[int, str] | None = None,
    dates: DateStyle = PLAIN,
) -> None:
    """Raise a Refusal when this letter breaks R1 (too early) or R3 (only one letter)."""
    names = names or {}
    if sent_at < round_.ends_at:
        raise Refusal(
            "too-early",
            "The interview has not ended yet: a follow-up letter thanks for an interview "
            "that took place, so nothing can be sent before it ends.",
        )
    for letter in letters:
        if letter.round_id != round_.id or letter.contact_id != contact_id:
            continue
        who = _name(names, contact_id)
        when = dates.day(letter.sent_at.astimezone(zone_of(round_)).date())
        if letter.channel == channel:
            raise Refusal(
                "second-letter",
                f"A letter to {who} for this interview was already sent on {stop(when)} Never more "
                "than one follow-up letter: status inquiries after the first make a candidate "
                "look desperate and can undo the good impression of the first.",
            )
        raise Refusal(
            "other-channel",
            f"{who} already had your letter by {letter.channel.label()} on {when}; sending it "
            f"by {channel.label()} as well would be a second letter (one letter, one channel).",
        )


def check_call(
    round_: Round,
    made_at: datetime,
    calls: list[Call],
    letters: list[Letter] | None = None,
    cal: WorkCalendar | None = None,
    dates: DateStyle = PLAIN,
) -> None:
    """Raise a Refusal for a call before the interview ended, a second call (R6), and, given
    the round's ``letters``, a call before any letter was sent or before its day (a week after
    the first letter, rolled to a business day of ``cal``)."""
    if made_at < round_.ends_at:
        raise Refusal(
            "too-early", "The interview has not ended yet: there is nothing to follow up."
        )
    for call in calls:
        if call.round_id == round_.id:
            when = dates.day(call.made_at.astimezone(zone_of(round_)).date())
            raise Refusal(
                "second-call",
                f"You already called about this interview on {stop(when)} One brief call a week "
                "after the letter is the limit; more calls read as pressure.",
            )
    if letters is None:
        return
    sent = [x.sent_at for x in letters if x.round_id == round_.id]
    if not sent:
        raise Refusal(
            "call-before-letter",
            "No thank-you letter has been sent for this interview yet. The one call comes a "
            "week after the letter, as a reminder of it; send the letter first.",
        )
    zone = zone_of(round_)
    planned = call_date(min(sent).astimezone(zone).date(), cal or WorkCalendar(), dates)
    if made_at.astimezone(zone).date() < planned.day:
        raise Refusal(
            "call-too-soon",
            f"The call is planned for {stop(dates.day(planned.day))} {planned.reason} Calling "
            "sooner gives them no time to answer your letter and reads as pressure.",
        )


def check_inquiry(
    application_id: int,
    inquiries: list[Inquiry],
    *,
    applied_on: date | None = None,
    sent_at: datetime | None = None,
    cal: WorkCalendar | None = None,
    wait: int = DEFAULT_INQUIRY_WAIT,
    zone: tzinfo | None = None,
    dates: DateStyle = PLAIN,
) -> None:
    """Raise a Refusal for a second status inquiry on an online application, and (given the
    day of the application and of the inquiry) for one sent before the business-day wait."""
    if applied_on is not None and sent_at is not None:
        opens = inquiry_date(applied_on, cal or WorkCalendar(), wait)
        if (sent_at.astimezone(zone) if zone else sent_at).date() < opens:
            raise Refusal(
                "inquiry-too-soon",
                f"You applied on {dates.day(applied_on)}; the one status inquiry waits "
                f"{wait} business days, until {stop(dates.day(opens))} Asking sooner reads as "
                "impatience; they are still reading applications.",
            )
    for inquiry in inquiries:
        if inquiry.application_id == application_id:
            raise Refusal(
                "status-inquiry",
                "You already sent a status inquiry on "
                f"{stop(dates.day(inquiry.sent_at.date()))} One "
                "polite inquiry is the most; candidates not chosen are often never told.",
            )
