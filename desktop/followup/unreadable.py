"""A stored record that cannot be read as it is: what the app shows instead of failing.

Made by the store's row conversion (``followup.storage.row_values``); shown by every front
end, so the user can fix the record (open ``repaired`` in an edit dialog) or delete it.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.model import Application, Contact, Round

Value = Application | Round | Contact


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A stored record that cannot be used as it is; listed so the user can fix or delete it."""

    kind: str  # "application", "interview round", "contact"
    id: int
    label: str  # what can be shown of it (company and role, a round's title)
    reasons: tuple[str, ...]
    repaired: Value | None  # the record with each bad field replaced; None if even that fails

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def message(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.kind} {self.id}{label} cannot be read: {self.reason}"
