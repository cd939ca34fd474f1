"""SQLite's check of the database file (``health.problem``), started early on a thread of
its own: SQLite works without Python's lock, so on a second core the check (10 ms at 10,000
interviews) is done while the app imports its views (it starts it as its frame paints). The
file is still checked before it is opened, as ``Database.open`` always checks it."""

from __future__ import annotations

import threading
from pathlib import Path

from followup.storage import health


class EarlyCheck:
    """``health.problem(path)``, started now on a thread of its own and asked for later
    (``problem``, the shape ``Database.open`` takes): the check overlaps the app's imports
    instead of delaying Today. An error it met is raised where the answer is asked, on the
    GUI thread, so it is said there as any other."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._answer: str | None = None
        self._error: Exception | None = None
        self._used = False
        self._thread = threading.Thread(target=self._check, name="database-check", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        try:
            self._answer = health.problem(self.path)
        except Exception as error:  # handed to the GUI thread, which says what it means
            self._error = error

    def problem(self, path: Path) -> str | None:
        """The early check's answer for ``path``, once (what ``health.problem`` says); asked
        again (a retry, after a restore) or for another file, a check made now."""
        if self._used or path != self.path:
            return health.problem(path)
        self._used = True
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._answer
