"""The values the follow-up domain works with.

Times are aware datetimes in UTC; each round keeps the IANA zone of the place it took place,
so its calendar date (which the deadline counts from) is its date there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.errors import InvalidInput


def _required(value: str, what: str) -> None:
    if not value.strip():
        raise InvalidInput(f"{what} must not be empty")


def _aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{what} needs a time zone or an offset")


def check_timezone(name: str) -> None:
    """Raise InvalidInput unless ``name`` is an IANA zone such as Europe/Berlin."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidInput(f"unknown time zone {name!r} (use names like Europe/Berlin)") from error


def check_email(value: str) -> None:
    local, at, domain = value.partition("@")
    if value and (not at or not local or "." not in domain or any(c.isspace() for c in value)):
        raise InvalidInput(f"{value!r} is not an e-mail address")


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
        _required(self.name, "a contact's name")
        check_email(self.email)


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
        _required(self.company, "the company")
        _required(self.role, "the role")


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
        _aware(self.starts_at, "the interview's start")
        _aware(self.ends_at, "the interview's end")
        if self.ends_at <= self.starts_at:
            raise InvalidInput("the interview must end after it starts")
        check_timezone(self.timezone)
        if len(set(self.interviewer_ids)) != len(self.interviewer_ids):
            raise InvalidInput("an interviewer is listed twice")


@dataclass(frozen=True, slots=True)
class Override:
    """The user's explicit, recorded decision to act against a refusal."""

    rule: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Letter:
    """The one follow-up letter to one interviewer for one round (R1, R3)."""

    id: int
    round_id: int
    contact_id: int
    channel: Channel
    sent_at: datetime
    override: Override | None = None


@dataclass(frozen=True, slots=True)
class Call:
    """The one phone call a week after the letter (R6)."""

    id: int
    round_id: int
    made_at: datetime
    outcome: str = ""
    override: Override | None = None


@dataclass(frozen=True, slots=True)
class Inquiry:
    """The one status inquiry for an online application with no interview yet."""

    id: int
    application_id: int
    channel: Channel
    sent_at: datetime
    override: Override | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """The letter being written, saved as the user types so a crash loses nothing."""

    round_id: int
    contact_id: int
    channel: Channel
    template: str
    body: str
    updated_at: datetime
