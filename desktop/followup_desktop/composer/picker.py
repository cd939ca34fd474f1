"""What the composer is writing, without Qt: the rounds and recipients on offer, the letter
chosen, and everything about it the checker and the templates need.

One ``LetterSetup`` is read from the database when a letter is chosen (and again when the
schedule or settings change); typing only reads it, so no keystroke touches the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol

from followup import rules
from followup.checker import Context, Kind
from followup.date_style import MONTH_FIRST, DateStyle, LetterDates
from followup.model import Application, Channel, Contact, Draft, Letter, Profile, Round
from followup.plan import ItemKind, ItemState, PlanItem
from followup.template_choice import choose, offered, user_folder
from followup.templates import Template, all_templates, variables
from followup.workdays import WorkCalendar

LETTER_KIND = "letter"


class Records(Protocol):
    """What the picker reads: the session's repository (the one door to the database)."""

    def applications_of(self, app_ids: Iterable[int]) -> list[Application]: ...
    def application(self, application_id: int) -> Application: ...
    def rounds(
        self, application_id: int | None = None, *, active_only: bool = False
    ) -> list[Round]: ...
    def round(self, round_id: int) -> Round: ...
    def contact(self, contact_id: int) -> Contact: ...
    def letters(self, round_id: int | None = None) -> list[Letter]: ...
    def draft(self, round_id: int, contact_id: int) -> Draft | None: ...


@dataclass(frozen=True, slots=True)
class RoundOption:
    round_id: int
    label: str


@dataclass(frozen=True, slots=True)
class RecipientOption:
    contact: Contact
    letter: Letter | None  # the one letter already sent to this person, if any
    label: str


@dataclass(frozen=True, slots=True)
class LetterSetup:
    """The one letter to one interviewer for one round, and what is known about it."""

    round: Round
    application: Application
    contact: Contact
    sent: Letter | None
    draft: Draft | None


def starting_channel(setup: LetterSetup, current: Channel) -> Channel:
    """The channel a letter opens on: the sent letter's, else its draft's; for a new one, the
    one its recipient can be reached by (only an e-mail address, or only a postal address),
    else the user's current choice (``current``)."""
    if setup.sent is not None:
        return setup.sent.channel
    if setup.draft is not None:
        return setup.draft.channel
    email, address = bool(setup.contact.email), bool(setup.contact.address)
    if email != address:
        return Channel.EMAIL if email else Channel.POST
    return current


def day_text(moment: datetime, zone: tzinfo, dates: DateStyle) -> str:
    """The day of ``moment`` on the user's clock, in the style the views use."""
    return dates.day(moment.astimezone(zone).date())


def sent_note(letter: Letter, zone: tzinfo, dates: DateStyle) -> str:
    """Said calmly where the letter would be written: it has gone, and how."""
    return f"Sent by {letter.channel.label()} on {day_text(letter.sent_at, zone, dates)}."


def opening_text(setup: LetterSetup | None) -> tuple[str, str] | None:
    """(subject, body) a chosen letter opens with: the words that were sent, exactly (read,
    not written again); else its draft's; None for a new letter."""
    if setup is not None and setup.sent is not None:
        return setup.sent.subject, setup.sent.body
    if setup is not None and setup.draft is not None:
        return setup.draft.subject, setup.draft.body
    return None


def opening_status(setup: LetterSetup | None, zone: tzinfo, dates: DateStyle) -> str:
    """The status line as a letter is chosen: its draft restored, or what is missing."""
    if setup is None:
        return "Add an interview with its interviewers first (Interviews)."
    if setup.sent is None and setup.draft is not None:
        when = setup.draft.updated_at.astimezone(zone)
        return f"Draft restored, last saved {dates.day_time(when)}"
    return ""


def out_of_step(setup: LetterSetup | None, held: bool, text: str) -> bool:
    """Whether the letter on screen no longer is the chosen one as stored: ``held`` as sent
    but its record is gone (undone, deleted), or being written but recorded with these very
    words (redone). Recorded elsewhere with other words, the text being written stays."""
    if setup is None:
        return False
    if held:
        return setup.sent is None
    return setup.sent is not None and setup.sent.body == text


def sent_heading(letter: Letter, zone: tzinfo, dates: DateStyle) -> str:
    """Above a letter that has gone: the sent note, and what is shown below it."""
    if letter.body:
        return f"{sent_note(letter, zone, dates)} This is the letter as it was sent."
    return (
        f"{sent_note(letter, zone, dates)} Its text was not kept: it was recorded before "
        "the app kept the letters sent, or without its text."
    )


def recipient_label(contact: Contact, letter: Letter | None, zone: tzinfo, dates: DateStyle) -> str:
    label = contact.name + (f", {contact.title}" if contact.title else "")
    if letter is not None:
        label += f" — sent by {letter.channel.label()} {day_text(letter.sent_at, zone, dates)}"
    return label


class Picker:
    """Rounds, recipients, templates and the chosen letter, read through the repository."""

    def __init__(self, repo: Records, data_folder: Path | None) -> None:
        self.repo = repo
        folder = user_folder(data_folder) if data_folder is not None else None
        self.templates: list[Template] = all_templates(folder)
        self.setup: LetterSetup | None = None

    def round_options(self, zone: tzinfo, dates: DateStyle) -> list[RoundOption]:
        """Open processes' rounds, newest first (closed ones get no letter)."""
        rounds = sorted(self.repo.rounds(active_only=True), key=lambda r: r.starts_at)
        # Only the open processes' applications: a tenth of 10,000, read in 20 ms, not 0.1 s.
        apps = {a.id: a for a in self.repo.applications_of({r.application_id for r in rounds})}
        several = Counter(r.application_id for r in rounds)
        options = []
        for r in reversed(rounds):
            app = apps.get(r.application_id)
            if app is None:  # an application that cannot be read: fixed first, in Interviews
                continue
            # Two rounds of one application differed only by their day: say which one it was.
            which = r.title or (
                f"{r.kind.value.capitalize()} interview" if several[app.id] > 1 else ""
            )
            label = f"{app.company} — {app.role}" + (f" · {which}" if which else "")
            options.append(RoundOption(r.id, f"{label} · {day_text(r.starts_at, zone, dates)}"))
        return options

    def recipients(self, round_id: int, zone: tzinfo, dates: DateStyle) -> list[RecipientOption]:
        round_ = self.repo.round(round_id)
        letters = {x.contact_id: x for x in self.repo.letters(round_id)}
        out = []
        for contact_id in round_.interviewer_ids:
            contact = self.repo.contact(contact_id)
            letter = letters.get(contact_id)
            label = recipient_label(contact, letter, zone, dates)
            out.append(RecipientOption(contact, letter, label))
        return out

    def choose_letter(self, round_id: int | None, contact_id: int | None) -> LetterSetup | None:
        """Read the chosen letter once; None when there is nothing to write to."""
        if round_id is None or contact_id is None:
            self.setup = None
            return None
        round_ = self.repo.round(round_id)
        sent = next((x for x in self.repo.letters(round_id) if x.contact_id == contact_id), None)
        self.setup = LetterSetup(
            round_,
            self.repo.application(round_.application_id),
            self.repo.contact(contact_id),
            sent,
            self.repo.draft(round_id, contact_id),
        )
        return self.setup

    def starting_channel(self, current: Channel) -> Channel:
        """The chosen letter's channel to open on (``starting_channel``)."""
        return starting_channel(self.setup, current) if self.setup else current

    def offered(self, channel: Channel) -> list[Template]:
        return offered(self.templates, LETTER_KIND, channel)

    def template(self, channel: Channel, preferred: str = "") -> Template | None:
        """The draft's template if it fits the channel, else the best for round and channel."""
        kind = self.setup.round.kind if self.setup else None
        return choose(self.templates, LETTER_KIND, channel, kind, preferred)

    def context(self, channel: Channel, today: date | None = None) -> Context:
        """What the checker needs besides the text (``today``: the day it is read, in the
        user's zone); no database read."""
        setup = self.setup
        if setup is None:
            return Context(channel=channel)
        round_ = setup.round
        return Context(
            channel=channel,
            kind=Kind.LETTER,
            topics=round_.topics,
            strengths=round_.strengths,
            notes=f"{round_.notes}\n{round_.next_steps}",
            recipient=setup.contact.name,
            interview_day=rules.interview_date(round_.starts_at, rules.zone_of(round_)),
            today=today,
            # A letter already sent is said calmly above the findings (``sent_note``), and
            # a second one is refused when it would leave; not a red finding while reading.
        )

    def values(
        self, profile: Profile, today: date, dates: LetterDates = MONTH_FIRST
    ) -> dict[str, Any]:
        """What templates are rendered with, for the chosen letter, its dates in ``dates``;
        the interview's day is the one where it took place (the day the interviewer met
        you), whatever the user's own clock says."""
        assert self.setup is not None
        setup = self.setup
        return variables(
            profile,
            setup.application,
            setup.round,
            setup.contact,
            today,
            rules.interview_date(setup.round.starts_at, rules.zone_of(setup.round)),
            dates=dates,
        )

    def names(self, profile: Profile) -> list[str]:
        """Words the spelling must never flag: people, company, role, notes, the profile."""
        texts = [profile.name, *profile.address.lines, profile.email]
        setup = self.setup
        if setup is not None:
            round_ = setup.round
            texts += [setup.application.company, setup.application.role, round_.title]
            texts += [*round_.topics, *round_.strengths, round_.notes, round_.next_steps]
            texts += [self.repo.contact(c).name for c in round_.interviewer_ids]
            texts += [setup.contact.title, setup.contact.company, *setup.contact.address.lines]
        return texts

    def deadline_text(
        self,
        cal: WorkCalendar,
        zone: tzinfo,
        now: datetime,
        dates: DateStyle,
        held: bool = True,
    ) -> str:
        """The letter's deadline in words, from the current settings; or why none applies
        (the letter has gone: ``sent_heading``; recorded by another program while this text
        was open, not ``held`` as the sent one: that this text did not go with it)."""
        setup = self.setup
        if setup is None:
            return ""
        if setup.sent is not None and not held:
            return f"{sent_note(setup.sent, zone, dates)} The text below was not sent with it."
        if setup.sent is not None:
            return sent_heading(setup.sent, zone, dates)
        round_ = setup.round
        # Counted where the interview took place, as every plan counts it; said on the
        # user's clock too when that place keeps another.
        place = rules.zone_of(round_)
        deadline = rules.letter_deadline(round_.starts_at, cal, place, dates)
        due = deadline.due
        if rules.elsewhere(due, zone) is not None:
            deadline = replace(
                deadline, reason=f"{deadline.reason} Due {rules.shown_time(due, zone, dates)}."
            )
        if due <= now:
            return f"{OVERDUE} {deadline.reason} Send it now, briefly: late is better than never."
        if round_.ends_at <= now:
            return deadline.reason
        # Drafting early is fine; say when it can leave, and still when it is due.
        if round_.starts_at > now:
            when = f"is on {dates.day_time(round_.starts_at.astimezone(zone))}"
        else:
            when = f"is still going on (until {dates.time(round_.ends_at.astimezone(zone))})"
        return (
            f"This interview {when}: the letter can be drafted now and sent once it has "
            f"ended. {deadline.reason}"
        )


OVERDUE = "Overdue:"  # how the deadline line starts once the deadline has passed


def most_urgent_round(items: Iterable[PlanItem]) -> int | None:
    """The round of the first pending letter on the agenda: where a letter is wanted."""
    letters = [
        i for i in items if i.kind is ItemKind.LETTER and i.state.pending and i.round_id is not None
    ]
    letters.sort(key=lambda i: (i.state is not ItemState.OVERDUE, i.due))
    return letters[0].round_id if letters else None
