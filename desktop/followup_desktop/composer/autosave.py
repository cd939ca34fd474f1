"""Saving what is typed, with a bound on how long it may stay unsaved.

A pure debounce ("save 400 ms after the last key") never saves while someone types steadily,
so a crash loses the whole letter. Here the first unsaved change also starts a deadline:
the text is saved a short pause after the last change, or ``max_latency_ms`` after the first
unsaved one, whichever comes first. A failed write keeps the text marked unsaved and is tried
again every ``retry_ms`` until it succeeds; a text the domain refuses (too long, a character
no letter may hold) is not tried again until it changes, and the reason says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from followup.errors import FollowUpError, InvalidInput

QUIET_MS = 400  # a pause in typing: save now
MAX_LATENCY_MS = 1000  # never more than this after the first unsaved change
RETRY_MS = 2000  # after a failed write


class Autosave(QObject):
    """Signals: ``saved()`` after a write succeeded; ``failed(str)`` with the reason and what
    happens next after a write failed."""

    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        write: Callable[[], None],
        parent: QObject | None = None,
        quiet_ms: int = QUIET_MS,
        max_latency_ms: int = MAX_LATENCY_MS,
        retry_ms: int = RETRY_MS,
    ) -> None:
        """``write`` saves the current text; it raises ``FollowUpError`` when it cannot."""
        super().__init__(parent)
        self._write = write
        self.dirty = False
        self._quiet = QTimer(self, singleShot=True, interval=quiet_ms)
        self._deadline = QTimer(self, singleShot=True, interval=max_latency_ms)
        self._retry = QTimer(self, singleShot=True, interval=retry_ms)
        for timer in (self._quiet, self._deadline, self._retry):
            timer.timeout.connect(self.save_now)

    def changed(self) -> None:
        """The text changed: it is saved after a pause, or at the deadline at the latest."""
        self.dirty = True
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> bool:
        """Save an unsaved change now (switching letters, hiding, quitting); True when
        nothing is left unsaved."""
        if self.dirty:
            self.save_now()
        return not self.dirty

    def save_now(self) -> None:
        """Write now; on failure stay unsaved, say why, and try again later."""
        for timer in (self._quiet, self._deadline, self._retry):
            timer.stop()
        try:
            self._write()
        except InvalidInput as error:  # the text itself is refused: trying again cannot help
            self.dirty = True
            self.failed.emit(f"{str(error).rstrip('.')}. Change the text to save it.")
            return
        except FollowUpError as error:
            self.dirty = True
            self._retry.start()
            self.failed.emit(f"{error} Trying again…")
            return
        self.dirty = False
        self.saved.emit()

    def forget(self) -> None:
        """Drop the unsaved change (the text it was about is gone)."""
        self.dirty = False
        for timer in (self._quiet, self._deadline, self._retry):
            timer.stop()
