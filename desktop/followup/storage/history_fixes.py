"""Putting a stored letter, call or inquiry right: its values, never its owner."""

from __future__ import annotations

from datetime import datetime

from followup.errors import InvalidInput
from followup.model import Call, Inquiry, Letter, Override
from followup.storage.base import to_db_time
from followup.storage.records import Records


def override_values(override: Override | None) -> tuple[str | None, str | None, str | None]:
    """A recorded exception as its three columns (all NULL when there is none)."""
    if override is None:
        return (None, None, None)
    return (override.rule, override.reason, to_db_time(override.at))


class HistoryFixes(Records):
    """Fixes of recorded letters, calls and inquiries (the value rules apply; owners stay)."""

    def fix_letter(self, letter: Letter, *, now: datetime | None = None) -> Letter:
        """Put a stored letter's values right (when and how it was sent, its recorded
        exception): the value rules apply (given ``now``, never a time to come); its round and
        recipient stay. One transaction."""
        letter.check(self._moving(now, "letters", "sent_at", letter.id, letter.sent_at))
        with self.db.transaction() as cur:
            self._same_owner("letters", letter.id, "letter", ("round_id", letter.round_id))
            self._same_owner("letters", letter.id, "letter", ("contact_id", letter.contact_id))
            cur.execute(
                "UPDATE letters SET channel=?, sent_at=?, override_rule=?, override_reason=?, "
                "override_at=? WHERE id=?",
                (
                    letter.channel.value,
                    to_db_time(letter.sent_at),
                    *override_values(letter.override),
                    letter.id,
                ),
            )
        self._unreadable.pop(("letter", letter.id), None)
        return letter

    def fix_call(self, call: Call, *, now: datetime | None = None) -> Call:
        """Put a stored call's values right (when, the outcome, its recorded exception; given
        ``now``, never a time to come); its round stays. One transaction."""
        call.check(self._moving(now, "calls", "made_at", call.id, call.made_at))
        with self.db.transaction() as cur:
            self._same_owner("calls", call.id, "call", ("round_id", call.round_id))
            cur.execute(
                "UPDATE calls SET made_at=?, outcome=?, override_rule=?, override_reason=?, "
                "override_at=? WHERE id=?",
                (
                    to_db_time(call.made_at),
                    call.outcome,
                    *override_values(call.override),
                    call.id,
                ),
            )
        self._unreadable.pop(("call", call.id), None)
        return call

    def fix_inquiry(self, inquiry: Inquiry, *, now: datetime | None = None) -> Inquiry:
        """Put a stored inquiry's values right (when and how it was sent; given ``now``, never
        a time to come); its application stays. One transaction."""
        inquiry.check(self._moving(now, "inquiries", "sent_at", inquiry.id, inquiry.sent_at))
        with self.db.transaction() as cur:
            owner = ("application_id", inquiry.application_id)
            self._same_owner("inquiries", inquiry.id, "inquiry", owner)
            cur.execute(
                "UPDATE inquiries SET channel=?, sent_at=?, override_rule=?, override_reason=?, "
                "override_at=? WHERE id=?",
                (
                    inquiry.channel.value,
                    to_db_time(inquiry.sent_at),
                    *override_values(inquiry.override),
                    inquiry.id,
                ),
            )
        self._unreadable.pop(("inquiry", inquiry.id), None)
        return inquiry

    def _moving(
        self, now: datetime | None, table: str, column: str, row_id: int, moment: datetime
    ) -> datetime | None:
        """``now`` when a fix gives the record another time (that one must have passed);
        None when the time stays as stored, so its other values can still be put right."""
        # Compared by SQLite: a stored value that is not even text is never read into Python.
        same = self.db.connection.execute(
            f"SELECT 1 FROM {table} WHERE id=? AND {column}=?", (row_id, to_db_time(moment))
        ).fetchone()
        return None if same else now

    def _same_owner(self, table: str, row_id: int, kind: str, owner: tuple[str, int]) -> None:
        column, value = owner
        row = self._one(f"SELECT {column} FROM {table} WHERE id=?", row_id, kind)
        if row[0] != value:
            raise InvalidInput(f"a {kind}'s {column.removesuffix('_id')} cannot be changed", column)
