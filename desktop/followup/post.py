"""Timing for the post (R2): a posted letter must arrive before the deadline and before a
stated decision date, or e-mail is the better choice; one or the other, never both (R3).
E-mail is suggested only for a recipient with an address: to one without, the advice is to
post it today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup.date_style import PLAIN, DateStyle
from followup.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class PostTiming:
    arrives_on: date
    warning: str  # empty when the post is in time


def post_timing(
    posted_on: date,
    delivery_days: int,
    cal: WorkCalendar,
    deadline: date,
    decision_on: date | None = None,
    dates: DateStyle = PLAIN,
    *,
    has_email: bool = True,
) -> PostTiming:
    """When a letter posted on ``posted_on`` arrives, and whether that is too late;
    ``has_email``: whether the recipient has an e-mail address to send it to instead."""
    arrives = cal.nth_business_day_after(posted_on, delivery_days)
    late_for = []
    if arrives > deadline:
        late_for.append(f"the letter's deadline ({dates.day(deadline)})")
    if decision_on is not None and arrives > decision_on:
        late_for.append(f"their decision date ({dates.day(decision_on)})")
    warning = ""
    if late_for:
        late = (
            f"Posted on {dates.day(posted_on)}, it would arrive about "
            f"{dates.day(arrives)}: after {' and '.join(late_for)}."
        )
        advice = (
            "Send it by e-mail instead; one letter only, so not both."
            if has_email
            else "There is no e-mail address for them, so post it today."
        )
        warning = f"{late} {advice}"
    return PostTiming(arrives, warning)
