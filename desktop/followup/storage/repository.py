"""The store's one public face: every part, by job, in one object.

- ``records``: contacts, applications, interview rounds
- ``history``: letters, calls and inquiries, with the etiquette refusals
- ``user_state``: settings, drafts, reminder deliveries
- ``undo``: delete with undo
"""

from __future__ import annotations

from followup.storage.base import from_db_time, to_db_time
from followup.storage.undo import Snapshot, Undo

__all__ = ["Repository", "Snapshot", "from_db_time", "to_db_time"]


class Repository(Undo):
    """The domain's records in one SQLite database. Each public write is one transaction."""
