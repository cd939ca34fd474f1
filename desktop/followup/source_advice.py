"""What the plan of an application with no interview yet advises, by how the user applied
(``Source``): a portal's applicant is told to find a person, since a follow-up to a person
beats one to a portal; one who applied to a person directly, through a referral or through
a recruiter already has someone, and is told to name them so the one inquiry goes there."""

from __future__ import annotations

from followup.model import Source

FIND_CONTACT = {
    Source.PORTAL: "A follow-up to a person beats one to a portal: look for the hiring manager "
    "or recruiter on the company's site or the posting.",
    Source.DIRECT: "You applied to a person directly: name them as the contact, so the one "
    "status inquiry goes to them.",
    Source.REFERRAL: "You were referred: name the person you were referred to as the contact, "
    "so the one status inquiry goes to them.",
    Source.RECRUITER: "A recruiter put you forward: name them as the contact, so the one status "
    "inquiry goes through them.",
}

INQUIRY_THROUGH = {
    Source.PORTAL: "through the contact or the company's portal",
    Source.DIRECT: "to the person you applied to",
    Source.REFERRAL: "through your contact",
    Source.RECRUITER: "through your recruiter",
}


def find_contact(source: Source) -> str:
    """Why and how to find a named contact, for an application made through ``source``."""
    return FIND_CONTACT[source]


def inquiry_through(source: Source) -> str:
    """Whom the one status inquiry goes to, for an application made through ``source``."""
    return INQUIRY_THROUGH[source]
