"""A banner naming stored values the app could not use: ignored settings, unreadable records.

An old version's database or a hand edit may hold values refused today. The app starts
anyway, with defaults for such settings and the records marked in Interviews; this banner
says which, so nothing is silently different.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from followup_desktop.accessibility import named
from followup_desktop.session import Session
from followup_desktop.wrapping import within_layout

MAX_LINES = 5


class StoredValuesBanner(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("banner")
        self.setAccessibleName("Stored values not used")
        self.text = within_layout(named(QLabel(), "Stored values not used"))
        self.close_button = named(QPushButton("Dismiss"), "Dismiss the notice")
        self.review_button = named(
            QPushButton("Fix or delete…"), "Fix or delete the records listed"
        )
        self.review_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.review_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.review_button.clicked.connect(self.review)
        self.lines: list[str] = []
        session.schedule_changed.connect(self.refresh)
        session.settings_changed.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        """Show what is not used now; hide when everything could be read."""
        settings = self.session.settings
        self.session.calendar()  # an unknown country or region is found (and noted) here
        lines = settings.problems(in_words=True)
        records = self.session.repo.unreadable()
        kinds: tuple[str, ...] = ()
        if records:  # the dialog's module only when there is something to fix
            from followup_desktop.stored_records import KINDS as kinds  # noqa: N811, PLC0415
        lines += [
            f"{bad.message()} ({'Fix or delete…' if bad.kind in kinds else 'marked in Interviews'})"
            for bad in records
        ]
        self.review_button.setVisible(any(bad.kind in kinds for bad in records))
        if lines == self.lines:
            return
        self.lines = lines
        if not lines:
            self.hide()
            return
        from html import escape  # noqa: PLC0415  (on use: its entities cost start-up ~2 ms)

        shown = [escape(line[:300]) for line in lines[:MAX_LINES]]
        if len(lines) > MAX_LINES:
            shown.append(f"… and {len(lines) - MAX_LINES} more")
        self.text.setText(
            "<b>Some stored values could not be used; the app works without them.</b><br>"
            + "<br>".join(shown)
        )
        self.show()

    def review(self) -> None:
        """The letters, calls and inquiries that cannot be read: fix or delete each."""
        from followup_desktop.stored_records import StoredRecordsDialog  # noqa: PLC0415

        StoredRecordsDialog(self.session, self.window()).exec()
        self.refresh()
