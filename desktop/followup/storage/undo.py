"""Delete with undo: everything a delete removes is kept, so it can be put back exactly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from followup.model import (
    Application,
    Call,
    Draft,
    Inquiry,
    Letter,
    Round,
)
from followup.storage.history import History
from followup.storage.user_state import UserState


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a delete removes, so that undo can put it back exactly (same ids)."""

    application: Application | None
    rounds: tuple[Round, ...]
    letters: tuple[Letter, ...]
    calls: tuple[Call, ...]
    inquiries: tuple[Inquiry, ...]
    drafts: tuple[Draft, ...]


class Undo(History, UserState):
    """Deletes that return a ``Snapshot``; ``restore`` puts it all back in one transaction."""

    # -- delete with undo ---------------------------------------------------------------

    def _drafts_of(self, round_ids: Sequence[int]) -> tuple[Draft, ...]:
        found = []
        for round_id in round_ids:
            rows = self._all("SELECT contact_id FROM drafts WHERE round_id=?", (round_id,))
            found += [d for r in rows if (d := self.draft(round_id, r["contact_id"]))]
        return tuple(found)

    def delete_application_undoably(self, app_id: int) -> Snapshot:
        app = self.application(app_id)
        rounds = tuple(self.rounds(app_id))
        ids = [r.id for r in rounds]
        snapshot = Snapshot(
            app,
            rounds,
            tuple(x for x in self.letters() if x.round_id in ids),
            tuple(x for x in self.calls() if x.round_id in ids),
            tuple(self.inquiries(app_id)),
            self._drafts_of(ids),
        )
        self.delete_application(app_id)
        return snapshot

    def delete_round_undoably(self, round_id: int) -> Snapshot:
        r = self.round(round_id)
        snapshot = Snapshot(
            None,
            (r,),
            tuple(self.letters(round_id)),
            tuple(self.calls(round_id)),
            (),
            self._drafts_of([round_id]),
        )
        self.delete_round(round_id)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put a deleted application or round back, all of it or nothing."""
        with self.db.transaction() as cur:
            if snapshot.application is not None:
                self.insert_application(cur, snapshot.application)
            for r in snapshot.rounds:
                self.insert_round(cur, r)
            for letter in snapshot.letters:
                self.insert_letter(cur, letter)
            for call in snapshot.calls:
                self.insert_call(cur, call)
            for inquiry in snapshot.inquiries:
                self.insert_inquiry(cur, inquiry)
        for draft in snapshot.drafts:
            self.save_draft(draft)
