"""What leaves the composer: the letter to one interviewer for one round, as it stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followup.checker import Finding
from followup.model import Channel, Contact, Letter, Round


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What the composer holds: the letter to one interviewer for one round."""

    round: Round
    contact: Contact
    channel: Channel
    subject: str
    body: str
    errors: tuple[tuple[Finding, str], ...] = ()  # open errors, each with the text it is in

    def letter(self, channel: Channel, sent_at: datetime) -> Letter:
        """The record it makes when it leaves by ``channel``, with the words that left (the
        post has no subject): checked before anything leaves, so it can be recorded."""
        subject = self.subject if channel is Channel.EMAIL else ""
        return Letter(0, self.round.id, self.contact.id, channel, sent_at, None, subject, self.body)
