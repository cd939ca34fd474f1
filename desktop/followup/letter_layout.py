"""A letter's parts, as a business letter in block format needs them.

The composer holds one text ("Dear …, body …, Kind regards, Name"). Printing places the
sender's address and the date above it and the signature between the close and the typed
name, so the text is split into salutation, paragraphs and close here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from followup.date_style import MONTH_FIRST, LetterDates
from followup.model import Contact, Profile
from followup.salutation import salutation_name

_CLOSE = re.compile(
    r"^(?:(?:kind|best|warm|warmest|with best|with kind|yours)\s+(?:regards|wishes)|regards|"
    r"sincerely(?: yours)?|yours (?:sincerely|faithfully|truly)|respectfully(?: yours)?|"
    r"best|thank you|thanks(?: again)?|with (?:gratitude|thanks|appreciation)|cordially)"
    r"[,.!]?$",
    re.IGNORECASE,
)
_SALUTATION = re.compile(
    r"^(?:dear|hello|hi|good (?:morning|afternoon))\b.{0,80}[,:]?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class LetterParts:
    salutation: str
    paragraphs: tuple[str, ...]
    close: str


def split(text: str) -> LetterParts:
    """Salutation (first line if it greets), paragraphs, and the complimentary close (the
    last closing line; what follows it, the typed name, is replaced by the profile's)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    salutation = ""
    if lines and _SALUTATION.match(lines[0].strip()):
        salutation = lines.pop(0).strip()
    close = "Sincerely,"
    for index in range(len(lines) - 1, max(len(lines) - 6, -1), -1):
        if _CLOSE.match(lines[index].strip()):
            close = lines[index].strip()
            lines = lines[:index]
            break
    paragraphs = tuple(
        " ".join(p.split()) for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()
    )
    return LetterParts(salutation, paragraphs, close)


@dataclass(frozen=True, slots=True)
class BusinessLetter:
    """Everything printed, in order (block format)."""

    sender_name: str
    sender_lines: tuple[str, ...]  # address, then phone and e-mail
    date_line: str
    recipient_lines: tuple[str, ...]  # name, title, company, postal address
    salutation: str
    paragraphs: tuple[str, ...]
    close: str
    typed_name: str


def business_letter(
    text: str,
    profile: Profile,
    recipient: Contact,
    company: str,
    on: date,
    dates: LetterDates = MONTH_FIRST,
) -> BusinessLetter:
    parts = split(text)
    contact_lines = tuple(x for x in (profile.phone, profile.email) if x)
    inside = [recipient.name]
    if recipient.title:
        inside.append(recipient.title)
    address = list(recipient.address.lines)
    organisation = recipient.company or company
    named_in_address = bool(address) and organisation.casefold() in address[0].casefold()
    if organisation and not named_in_address:  # "Acme" is not repeated above "Acme Inc."
        inside.append(organisation)
    inside += address
    return BusinessLetter(
        sender_name=profile.name,
        sender_lines=(*profile.address.lines, *contact_lines),
        date_line=dates.full_date(on),
        recipient_lines=tuple(inside),
        salutation=parts.salutation or f"Dear {salutation_name(recipient.name)},",
        paragraphs=parts.paragraphs,
        close=parts.close,
        typed_name=profile.name,
    )


@dataclass(frozen=True, slots=True)
class Envelope:
    return_lines: tuple[str, ...]
    delivery_lines: tuple[str, ...]


def envelope(profile: Profile, recipient: Contact, company: str) -> Envelope:
    letter = business_letter("", profile, recipient, company, date(2000, 1, 1))
    return Envelope((profile.name, *profile.address.lines), letter.recipient_lines)


def missing_for_post(profile: Profile, recipient: Contact) -> list[str]:
    """What a posted letter cannot do without, in words (empty when nothing is missing)."""
    missing = []
    if not profile.name:
        missing.append("your name (Settings, Profile)")
    if not profile.address:
        missing.append("your postal address (Settings, Profile)")
    if not recipient.address:
        missing.append(f"{recipient.name}'s postal address (Interviews, the contact)")
    return missing


def missing_title(profile: Profile, recipient: Contact) -> str:
    """A window title naming what ``missing_for_post`` lists: the name, an address, or both
    (the user's own name missing was titled "Address missing")."""
    name = not profile.name
    addresses = (not profile.address) + (not recipient.address)
    if name:
        return "Name and address missing" if addresses else "Your name missing"
    return "Addresses missing" if addresses > 1 else "Address missing"
