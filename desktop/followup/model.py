"""The values the follow-up domain works with.

Times are aware datetimes in UTC; each round keeps the IANA zone of the place it took place,
so its calendar date (which the deadline counts from) is its date there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from followup import validation as v
from followup.errors import InvalidInput

MAX_ROUND = timedelta(hours=24)


def _required(value: str, what: str, field: str) -> None:
    if not value.strip():
        raise InvalidInput(f"{what} must not be empty", field)


def _trim(record: object, *names: str) -> None:
    """Spaces around a value are not part of it: a name typed as "  Acme " is Acme, stored
    and shown so whichever door it came in by (dialog, command line, import). Lists of
    phrases lose their blank items too. Set on construction, so the value is never seen
    untrimmed (and cheap: every record read from the database passes here)."""
    for name in names:
        value = getattr(record, name)
        trimmed: str | tuple[str, ...]
        if type(value) is str:
            trimmed = value.strip()
        elif type(value) is tuple:
            try:
                trimmed = tuple(map(str.strip, value))
            except TypeError:
                continue  # not all text: refused by the value's own check, not hidden here
            if "" in trimmed:
                trimmed = tuple(filter(None, trimmed))
        else:
            continue
        if trimmed != value:
            object.__setattr__(record, name, trimmed)  # frozen: set once, here


def _aware(value: datetime, what: str, field: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{what} needs a time zone or an offset", field)


def check_timezone(name: str, field: str | None = "timezone") -> None:
    """Raise InvalidInput unless ``name`` is an IANA zone such as Europe/Berlin."""
    v.check_timezone(name, field=field)


def check_email(value: str, field: str | None = "email") -> None:
    local, at, domain = value.partition("@")
    if value and (not at or not local or "." not in domain or any(c.isspace() for c in value)):
        shown = value if len(value) <= 60 else value[:60] + "…"
        raise InvalidInput(f"{shown!r} is not an e-mail address", field)


class Source(enum.StrEnum):
    """How the application reached the employer."""

    PORTAL = "portal"
    REFERRAL = "referral"
    RECRUITER = "recruiter"
    DIRECT = "direct"


class Status(enum.StrEnum):
    """Where an application stands."""

    ACTIVE = "active"
    OFFER = "offer"
    CLOSED = "closed"  # the user closed it (e.g. "no response" after R8's quiet period)
    RETIRED = "retired"  # an online application given up without further reminders


class RoundKind(enum.StrEnum):
    """The form an interview round took."""

    PHONE = "phone"
    VIDEO = "video"
    ON_SITE = "on-site"
    PANEL = "panel"


class Channel(enum.StrEnum):
    """How the one letter leaves: by e-mail or by the post (R2)."""

    EMAIL = "email"
    POST = "post"

    def label(self) -> str:
        return "e-mail" if self is Channel.EMAIL else "post"


@dataclass(frozen=True, slots=True)
class PostalAddress:
    """A postal address as lines, the way it is written on an envelope."""

    lines: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> PostalAddress:
        """Split a multi-line (or ``;``-separated) address into lines."""
        raw = text.replace(";", "\n").splitlines()
        return cls(tuple(line.strip() for line in raw if line.strip()))

    def __str__(self) -> str:
        return "\n".join(self.lines)

    def check(self, what: str = "the postal address") -> None:
        """The value rules (see ``followup.validation``): at most 10 printable lines."""
        if len(self.lines) > 10:
            raise InvalidInput(f"{what} has {len(self.lines):,} lines; at most 10", "address")
        for line in self.lines:
            v.check_text(line, what, v.NAME, field="address")

    def __bool__(self) -> bool:
        return bool(self.lines)


@dataclass(frozen=True, slots=True)
class Profile:
    """The candidate: who signs the letter and where replies go."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: PostalAddress = field(default_factory=PostalAddress)


@dataclass(frozen=True, slots=True)
class Contact:
    """A person at an employer: interviewer, recruiter or hiring manager."""

    id: int
    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    address: PostalAddress = field(default_factory=PostalAddress)

    def __post_init__(self) -> None:
        _trim(self, "name", "title", "company", "email", "phone")
        _required(self.name, "a contact's name", "name")
        check_email(self.email)

    def check(self) -> None:
        """The value rules for a contact about to be stored."""
        v.check_id(self.id, "the contact's id", new=True, field="id")
        v.check_text(self.name, "the name", field="name")
        v.check_text(self.title, "the job title", field="title")
        v.check_text(self.company, "the company", field="company")
        v.check_text(self.email, "the e-mail address", 254, field="email")
        v.check_text(self.phone, "the phone number", 50, field="phone")
        self.address.check()


@dataclass(frozen=True, slots=True)
class Application:
    """One application to one employer; it may have several interview rounds."""

    id: int
    company: str
    role: str
    posting_url: str = ""
    applied_on: date | None = None
    source: Source = Source.PORTAL
    status: Status = Status.ACTIVE
    status_reason: str = ""
    contact_id: int | None = None  # a named contact found for an online application

    def __post_init__(self) -> None:
        _trim(self, "company", "role", "posting_url", "status_reason")
        _required(self.company, "the company", "company")
        _required(self.role, "the role", "role")

    def check(self) -> None:
        """The value rules for an application about to be stored."""
        v.check_id(self.id, "the application's id", new=True, field="id")
        v.check_text(self.company, "the company", field="company")
        v.check_text(self.role, "the role", field="role")
        v.check_text(self.posting_url, "the job posting link", v.URL, field="posting_url")
        if self.applied_on is not None:
            v.check_day(self.applied_on, "the day you applied", field="applied_on")
        v.check_text(self.status_reason, "the reason", v.LINE, field="status_reason")
        if self.contact_id is not None:
            v.check_id(self.contact_id, "the named contact", field="contact_id")


@dataclass(frozen=True, slots=True)
class Round:
    """One interview round; each round has its own plan."""

    id: int
    application_id: int
    starts_at: datetime
    ends_at: datetime
    timezone: str
    kind: RoundKind = RoundKind.VIDEO
    title: str = ""
    interviewer_ids: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    next_steps: str = ""
    decision_on: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        _trim(self, "timezone", "title", "topics", "strengths", "next_steps", "notes")
        _aware(self.starts_at, "the interview's start", "starts_at")
        _aware(self.ends_at, "the interview's end", "ends_at")
        if self.ends_at <= self.starts_at:
            raise InvalidInput("the interview must end after it starts", "ends_at")
        check_timezone(self.timezone)
        if len(set(self.interviewer_ids)) != len(self.interviewer_ids):
            raise InvalidInput("an interviewer is listed twice", "interviewer_ids")

    def check(self) -> None:
        """The value rules for a round about to be stored."""
        v.check_id(self.id, "the round's id", new=True, field="id")
        v.check_id(self.application_id, "the application", field="application_id")
        v.check_moment(self.starts_at, "the interview's start", field="starts_at")
        v.check_moment(self.ends_at, "the interview's end", field="ends_at")
        if self.ends_at - self.starts_at > MAX_ROUND:
            raise InvalidInput(
                "an interview round lasts at most a day; add one round per day", "ends_at"
            )
        v.check_timezone(self.timezone, field="timezone")
        v.check_text(self.title, "the title", field="title")
        if len(self.interviewer_ids) > v.MAX_ITEMS:
            raise InvalidInput(
                f"at most {v.MAX_ITEMS} interviewers in one round", "interviewer_ids"
            )
        for contact_id in self.interviewer_ids:
            v.check_id(contact_id, "an interviewer", field="interviewer_ids")
        v.check_items(self.topics, "the topics", field="topics")
        v.check_items(self.strengths, "the strengths", field="strengths")
        v.check_text(self.next_steps, "the next steps", v.LINE, field="next_steps")
        if self.decision_on is not None:
            v.check_day(self.decision_on, "the day they decide", field="decision_on")
        v.check_text(self.notes, "the notes", v.NOTES, multiline=True, field="notes")


@dataclass(frozen=True, slots=True)
class Override:
    """The user's explicit, recorded decision to act against a refusal."""

    rule: str
    reason: str
    at: datetime

    def __post_init__(self) -> None:
        _trim(self, "reason")

    def check(self) -> None:
        v.check_text(self.rule, "the overridden rule", 64, field="override")
        v.check_text(self.reason, "the reason for the exception", v.LINE, field="override")
        v.check_moment(self.at, "the time of the exception", field="override")


@dataclass(frozen=True, slots=True)
class Letter:
    """The one follow-up letter to one interviewer for one round (R1, R3)."""

    id: int
    round_id: int
    contact_id: int
    channel: Channel
    sent_at: datetime
    override: Override | None = None
    # The words that left, exactly, so the user can read them again (before the call). Empty
    # for a letter recorded before they were kept, or recorded with no text (the CLI).
    subject: str = ""
    body: str = ""

    def check(self, now: datetime | None = None) -> None:
        """The values' rules (the text's are the draft's); given ``now``, also that it has
        already happened."""
        v.check_id(self.id, "the letter's id", new=True, field="id")
        v.check_id(self.round_id, "the round", field="round_id")
        v.check_id(self.contact_id, "the interviewer", field="contact_id")
        v.check_moment(self.sent_at, "the time the letter was sent", field="sent_at")
        v.check_text(self.subject, "the subject", field="subject")
        v.check_text(self.body, "the letter", v.BODY, multiline=True, field="body")
        if now is not None:
            v.check_past(self.sent_at, now, "the time the letter was sent", field="sent_at")
        if self.override is not None:
            self.override.check()


@dataclass(frozen=True, slots=True)
class Call:
    """The one phone call a week after the letter (R6)."""

    id: int
    round_id: int
    made_at: datetime
    outcome: str = ""
    override: Override | None = None

    def __post_init__(self) -> None:
        _trim(self, "outcome")

    def check(self, now: datetime | None = None) -> None:
        """The values' rules; given ``now``, also that it has already happened."""
        v.check_id(self.id, "the call's id", new=True, field="id")
        v.check_id(self.round_id, "the round", field="round_id")
        v.check_moment(self.made_at, "the time of the call", field="made_at")
        if now is not None:
            v.check_past(self.made_at, now, "the time of the call", field="made_at")
        v.check_text(self.outcome, "the outcome", v.LINE, multiline=True, field="outcome")
        if self.override is not None:
            self.override.check()


@dataclass(frozen=True, slots=True)
class Inquiry:
    """The one status inquiry for an online application with no interview yet."""

    id: int
    application_id: int
    channel: Channel
    sent_at: datetime
    override: Override | None = None

    def check(self, now: datetime | None = None) -> None:
        """The values' rules; given ``now``, also that it has already happened."""
        v.check_id(self.id, "the inquiry's id", new=True, field="id")
        v.check_id(self.application_id, "the application", field="application_id")
        v.check_moment(self.sent_at, "the time the inquiry was sent", field="sent_at")
        if now is not None:
            v.check_past(self.sent_at, now, "the time the inquiry was sent", field="sent_at")
        if self.override is not None:
            self.override.check()


@dataclass(frozen=True, slots=True)
class Draft:
    """The letter being written, saved as the user types so a crash loses nothing."""

    round_id: int
    contact_id: int
    channel: Channel
    template: str
    body: str
    updated_at: datetime
    subject: str = ""  # the e-mail's subject line, as the user left it

    def check(self) -> None:
        v.check_id(self.round_id, "the round")
        v.check_id(self.contact_id, "the interviewer")
        v.check_text(self.template, "the template's name")
        v.check_text(self.body, "the letter", v.BODY, multiline=True)
        v.check_text(self.subject, "the subject")
        v.check_moment(self.updated_at, "the draft's time")
