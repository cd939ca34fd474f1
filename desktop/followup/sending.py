"""Sending the one letter by e-mail: refusals first, then the server, then the record.

In that order, a second letter is refused before anything leaves (R3), and a letter is
recorded as sent only once the server has accepted it.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from followup import rules
from followup.errors import Refusal
from followup.mail import MailAccount, send
from followup.model import Channel, Letter, Override
from followup.storage import Repository


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
) -> Letter:
    round_ = repo.round(round_id)
    contact = repo.contact(contact_id)
    try:
        rules.check_letter(
            round_,
            contact_id,
            Channel.EMAIL,
            now,
            repo.letters(round_id),
            {contact_id: contact.name},
        )
    except Refusal as refusal:
        if override is None or override.rule != refusal.rule:
            raise
    send(message, account, password, timeout)
    return repo.record_letter(round_id, contact_id, Channel.EMAIL, now, override)
