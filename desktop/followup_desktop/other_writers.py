"""Noticing what other programs write to the same database file (the command line, a second
device's sync), so the window never shows a stale picture.

SQLite's ``PRAGMA data_version`` changes on this connection whenever another connection has
committed; asking costs microseconds and reads no data. It is asked on one timer, and only
while the window is visible (hidden in the tray, nothing is shown that could be stale; on
showing again it is asked at once).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from followup_desktop.session import Session

POLL_MS = 250  # another program's record shows well within a second


class OtherWriters(QObject):
    """Watches for other programs' commits while ``window`` is visible; on one, the session
    forgets what it had read and tells every view (``Session.others_wrote``)."""

    def __init__(
        self,
        session: Session,
        window: QWidget,
        interval_ms: int = POLL_MS,
        seen: int | None = None,
    ) -> None:
        """``seen``: the file's version when the views began reading it, if that was before
        now (a commit since then is caught at the first look)."""
        super().__init__(window)
        self.session = session
        self.window = window
        self.seen = seen if seen is not None else session.data_version()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        if window.isVisible():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.Show:
                self.check()
                self.timer.start()
            elif event.type() == QEvent.Type.Hide:
                self.timer.stop()
        return False

    def check(self) -> bool:
        """True when another program committed since the last look (views were told)."""
        version = self.session.data_version()
        if version is None or version == self.seen:
            return False
        self.seen = version
        self.session.others_wrote()
        return True
