"""Sending the one letter: refusals first, then the channel, then the record.

In that order a second letter is refused before anything leaves (R3), and a letter is
recorded as sent only once the server has accepted it. The GUI runs the middle step on a
worker thread; the checks and the record stay with the database.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from followup import rules
from followup.date_style import PLAIN, DateStyle
from followup.errors import Refusal
from followup.mail import MailAccount, send
from followup.model import Channel, Letter, Override
from followup.storage import Repository


def check_allowed(
    repo: Repository,
    round_id: int,
    contact_id: int,
    channel: Channel,
    now: datetime,
    override: Override | None = None,
    dates: DateStyle = PLAIN,
) -> None:
    """Raise the Refusal that sending now would meet, unless ``override`` names its rule;
    ``dates`` tells its days the way the user reads them."""
    round_ = repo.round(round_id)
    contact = repo.contact(contact_id)
    try:
        rules.check_letter(
            round_,
            contact_id,
            channel,
            now,
            repo.letters(round_id),
            {contact_id: contact.name},
            dates,
        )
    except Refusal as refusal:
        if override is None or override.rule != refusal.rule:
            raise


def send_letter_by_email(
    repo: Repository,
    round_id: int,
    contact_id: int,
    message: EmailMessage,
    account: MailAccount,
    password: str | None,
    now: datetime,
    override: Override | None = None,
    timeout: float = 20.0,
    dates: DateStyle = PLAIN,
    *,
    subject: str = "",
    body: str = "",
) -> Letter:
    """Send ``message`` and record it, keeping ``subject`` and ``body`` (the words in it)."""
    check_allowed(repo, round_id, contact_id, Channel.EMAIL, now, override, dates)
    send(message, account, password, timeout)
    return repo.record_letter(
        round_id, contact_id, Channel.EMAIL, now, override, dates, subject=subject, body=body
    )
