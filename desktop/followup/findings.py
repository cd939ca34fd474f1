"""What the letter checker reports, and about what (DESIGN 1.2): the values shared by the
checker's rules and everything that shows or gates on their findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from followup.model import Channel


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Kind(enum.StrEnum):
    """What is being checked; some rules only apply to some kinds."""

    LETTER = "letter"  # the one thank-you letter
    INQUIRY = "inquiry"  # the one status inquiry of an online application
    CALL_SCRIPT = "call-script"  # what the user plans to say on the one call
    CALL_NOTES = "call-notes"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    start: int | None
    end: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the checker knows besides the text."""

    channel: Channel = Channel.EMAIL
    kind: Kind = Kind.LETTER
    topics: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    notes: str = ""
    recipient: str = ""
    already_sent: bool = False  # a letter to this recipient for this round exists
    interview_day: date | None = None  # where it took place; a letter naming another is wrong
    today: date | None = None  # the day the letter is read, for "yesterday" (the user's zone)
    extra: dict[str, Any] = field(default_factory=dict)
