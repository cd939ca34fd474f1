"""What the details pane says about one application or round, as plain values (no Qt).

Built from records the page already has and the plan the session already made, so a new
selection costs a few small reads and no planning. The widget (``details.py``) only lays
these values out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from followup.date_style import DateStyle
from followup.model import Application, Call, Contact, Inquiry, Letter, Override, Round, Status
from followup.plan import ItemKind, ItemState, PlanItem
from followup.rules import elsewhere, shown_time

STATUS_WORDS = {
    Status.ACTIVE: "Active",
    Status.OFFER: "Offer",
    Status.CLOSED: "Closed",
    Status.RETIRED: "Retired",
}
FINISHED = (ItemState.DONE, ItemState.CANCELLED, ItemState.MISSED)


@dataclass(frozen=True, slots=True)
class Person:
    """An interviewer (or the contact found for an online application) and how to reach them."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    address: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One plan item as the pane shows it: what, when, its state in a word, and why."""

    title: str
    when: str
    state: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sent:
    """A letter, call or inquiry on record: what, how and when, and any exception made."""

    what: str
    when: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class RoundDetails:
    title: str
    when: str
    people: tuple[Person, ...]
    topics: tuple[str, ...]
    strengths: tuple[str, ...]
    next_steps: str
    decision_on: str
    notes: str
    plan: tuple[Step, ...]
    history: tuple[Sent, ...]


@dataclass(frozen=True, slots=True)
class Details:
    """Everything the pane shows, plus the plan items its buttons act on (None: nothing to
    do there, and the button is off)."""

    heading: str
    status: str
    facts: tuple[tuple[str, str], ...]
    contact: Person | None
    rounds: tuple[RoundDetails, ...]
    plan: tuple[Step, ...]  # an online application's own steps (no round yet)
    history: tuple[Sent, ...]  # its inquiries
    active: bool
    letter: PlanItem | None = None
    call: PlanItem | None = None
    close: PlanItem | None = None


class When:
    """Days and times as the pane shows them: the user's date style, in the user's zone; a
    time that belongs to a place on another clock (an interview abroad, its letter's
    deadline) is followed by the place's own reading, as everywhere else, so the pane never
    says "Tue, 24 Nov" beside a reason that says the interview was on Wednesday."""

    def __init__(self, dates: DateStyle, zone: tzinfo) -> None:
        self.dates = dates
        self.zone = zone

    def moment(self, at: datetime) -> str:
        return self.dates.day_time(at.astimezone(self.zone))

    def placed(self, at: datetime) -> str:
        """``at`` on the user's clock, then (when its own zone keeps another) on its place's."""
        return shown_time(at, self.zone, self.dates)

    def span(self, start: datetime, end: datetime, place: tzinfo) -> str:
        """An interview: ``Tue, 24 Nov, 16:00 to 17:00 (Wed, 25 Nov, 10:00 to 11:00
        Pacific/Auckland)``; the bracket only when the place keeps another clock."""
        mine = f"{self.moment(start)} to {self.time(end)}"
        there = start.astimezone(place)
        name = elsewhere(there, self.zone)
        if name is None:
            return mine
        there_end = end.astimezone(place)
        return f"{mine} ({self.dates.day_time(there)} to {self.dates.time(there_end)} {name})"

    def time(self, at: datetime) -> str:
        return self.dates.time(at.astimezone(self.zone))

    def day(self, day: date) -> str:
        return self.dates.day(day)


def person(contact: Contact) -> Person:
    return Person(contact.name, contact.title, contact.email, contact.phone, contact.address.lines)


def _exception(override: Override | None, when: When) -> str:
    """An override the user confirmed, in words (never the rule's code)."""
    if override is None:
        return ""
    return f"Done anyway, confirmed {when.moment(override.at)}: {override.reason}"


def _step(item: PlanItem, state: str, shown: When) -> Step:
    if item.done_at is not None:
        when = shown.moment(item.done_at)  # the state already says "Done": said once
    elif item.due is not None:
        when = shown.placed(item.due)
    else:
        when = ""
    return Step(item.title, when, state, item.reason)


def _first(items: Iterable[PlanItem], kind: ItemKind) -> PlanItem | None:
    """The first of this kind still to be done (open, or waiting for its window)."""
    for item in items:
        if item.kind is kind and item.state not in FINISHED:
            return item
    return None


def round_details(
    round_: Round,
    people: Sequence[Person],
    items: Sequence[PlanItem],
    letters: Sequence[Letter],
    calls: Sequence[Call],
    names: dict[int, str],
    state_word: Callable[[PlanItem], str],
    when: When,
) -> RoundDetails:
    title = f"{round_.kind.value.capitalize()} interview" + (
        f": {round_.title}" if round_.title else ""
    )
    history = [
        Sent(
            f"Letter to {names.get(letter.contact_id, 'an interviewer')}",
            f"by {letter.channel.label()}, {when.moment(letter.sent_at)}",
            _exception(letter.override, when),
        )
        for letter in sorted(letters, key=lambda x: x.sent_at)
    ]
    history += [
        Sent(
            "Phone call",
            when.moment(call.made_at),
            "; ".join(
                part for part in (call.outcome.strip(), _exception(call.override, when)) if part
            ),
        )
        for call in sorted(calls, key=lambda x: x.made_at)
    ]
    steps = [i for i in items if i.kind is not ItemKind.INTERVIEW]
    return RoundDetails(
        title,
        when.span(round_.starts_at, round_.ends_at, ZoneInfo(round_.timezone)),
        tuple(people),
        round_.topics,
        round_.strengths,
        round_.next_steps,
        when.day(round_.decision_on) if round_.decision_on else "",
        round_.notes,
        tuple(_step(i, state_word(i), when) for i in steps),
        tuple(history),
    )


def application_details(
    app: Application,
    rounds: Sequence[RoundDetails],
    items: Sequence[PlanItem],
    inquiries: Sequence[Inquiry],
    contact: Person | None,
    state_word: Callable[[PlanItem], str],
    when: When,
) -> Details:
    """``items``: the plan items of what is shown (the application's, or one round's)."""
    status = STATUS_WORDS[app.status]
    if app.status is not Status.ACTIVE and app.status_reason:
        status += f": {app.status_reason}"
    facts = []
    if app.applied_on is not None:
        facts.append(("Applied", when.day(app.applied_on)))
    facts.append(("Source", app.source.value.replace("-", " ").capitalize()))
    if app.posting_url:
        facts.append(("Posting", app.posting_url))
    online = [i for i in items if i.round_id is None]
    history = tuple(
        Sent(
            "Status inquiry",
            f"by {inquiry.channel.label()}, {when.moment(inquiry.sent_at)}",
            _exception(inquiry.override, when),
        )
        for inquiry in sorted(inquiries, key=lambda x: x.sent_at)
    )
    active = app.status is Status.ACTIVE
    ordered = sorted(items, key=lambda i: (i.due is None, i.due))
    return Details(
        f"{app.company} — {app.role}",
        status,
        tuple(facts),
        contact,
        tuple(rounds),
        tuple(_step(i, state_word(i), when) for i in online),
        history,
        active,
        letter=_first(ordered, ItemKind.LETTER) if active else None,
        call=_first(ordered, ItemKind.CALL) if active else None,
        close=_first(ordered, ItemKind.CLOSE) if active else None,
    )
