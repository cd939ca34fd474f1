"""A stored record that cannot be read as it is: what the app shows instead of failing.

Made by the store's row conversion (``followup.storage.row_values``); shown by every front
end, so the user can fix the record (open ``repaired`` in an edit dialog) or delete it.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.errors import InvalidInput
from followup.model import Application, Call, Contact, Inquiry, Letter, Round

Value = Application | Round | Contact | Letter | Call | Inquiry


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A stored record that cannot be used as it is; listed so the user can fix or delete it."""

    kind: str  # "application", "interview round", "contact", "letter", "call", "inquiry"
    id: int
    label: str  # what can be shown of it (company and role, a round's title)
    reasons: tuple[str, ...]
    repaired: Value | None  # the record with each bad field replaced; None if even that fails
    # (field, reason) for each field of ``repaired`` that is at fault, so a form can say it
    # beside that field.
    by_field: tuple[tuple[str, str], ...] = ()
    # Fields of ``repaired`` holding a made-up stand-in (a time, a channel): a fix must give
    # them, since saving the stand-in would store a guess as if it were the user's.
    stand_ins: tuple[str, ...] = ()

    def check_fix(self, value: Value) -> None:
        """Refuse a fix that keeps a stand-in (``InvalidInput`` naming the field): the user
        gives the real value; the app does not store its own guess as theirs."""
        for field in self.stand_ins:
            if getattr(value, field, None) == getattr(self.repaired, field, None):
                raise InvalidInput(
                    f"{self.reason_for(field) or field + ' cannot be read'}: give the real value",
                    field,
                )

    def reason_for(self, field: str) -> str | None:
        """Why ``field`` cannot be used as stored, or None when it can."""
        found = [reason for name, reason in self.by_field if name == field]
        return "; ".join(found) if found else None

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def message(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.kind} {self.id}{label} cannot be read: {self.reason}"
