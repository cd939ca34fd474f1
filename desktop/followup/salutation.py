"""How a letter and a call name the person they are for.

A name may start with a courtesy title ("Ms. Dana Müller", "Dr Helen Osei"); then letters
are addressed to the title and surname, as business letters are. Without one, no title is
guessed: the letter names the whole name and the call the first name.
"""

from __future__ import annotations

__all__ = ["COURTESY_TITLES", "salutation_name", "spoken_name", "titled"]

COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})


def titled(name: str) -> bool:
    """True when the name starts with a courtesy title and goes on after it."""
    parts = name.split()
    return len(parts) >= 2 and parts[0].rstrip(".").lower() in COURTESY_TITLES


def _title_and_surname(parts: list[str]) -> str:
    # Everything after the first name is the surname: "Dr Jan van der Berg" -> "Dr van der Berg".
    return " ".join([parts[0], *(parts[2:] or parts[1:])])


def salutation_name(name: str) -> str:
    """Whom a letter's salutation names: "Ms. Müller" for "Ms. Dana Müller" ("Dear Ms.
    Müller,"), the whole name when it carries no title ("Dear Dana Müller,")."""
    parts = name.split()
    return _title_and_surname(parts) if titled(name) else " ".join(parts)


def spoken_name(name: str) -> str:
    """How a call greets the person: "Ms. Müller" for "Ms. Dana Müller", the first name
    ("Dana") otherwise; the full name is for the envelope, not the phone."""
    parts = name.split()
    if titled(name):
        return _title_and_surname(parts)
    return parts[0] if parts else ""
