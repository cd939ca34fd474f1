"""The in-app reminder banner: shown whenever reminders arrive, tray or not."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from followup.reminders import Reminder
from followup_desktop.accessibility import named
from followup_desktop.notifications import summary
from followup_desktop.wrapping import within_layout


class ReminderBanner(QFrame):
    """Signals: ``snooze_requested(list[Reminder], str)`` with "hour" or "morning";
    ``open_requested(list[Reminder])``."""

    snooze_requested = Signal(list, str)
    open_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName("Reminder")
        self.reminders: list[Reminder] = []
        self.text = within_layout(named(QLabel(), "Reminder text"))
        self.open = named(QPushButton("Open"), "Open the reminder's item")
        self.hour = named(QPushButton("In an hour"), "Snooze for one hour")
        self.morning = named(QPushButton("Tomorrow morning"), "Snooze until tomorrow morning")
        self.close_button = named(QPushButton("Dismiss"), "Dismiss the reminder")
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        for button in (self.open, self.hour, self.morning, self.close_button):
            self.buttons.addWidget(button)
        self.layout_ = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.layout_.setContentsMargins(16, 10, 16, 10)
        self.layout_.addWidget(self.text, 1)
        self.layout_.addLayout(self.buttons)
        self.open.clicked.connect(self._open)
        self.hour.clicked.connect(lambda: self._snooze("hour"))
        self.morning.clicked.connect(lambda: self._snooze("morning"))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow (an 800-pixel window): the buttons go under the text, which keeps the width."""
        narrow = self.buttons.sizeHint().width() > 0.45 * event.size().width()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.layout_.direction() != direction:
            self.layout_.setDirection(direction)
        super().resizeEvent(event)

    def show_reminders(self, reminders: list[Reminder]) -> None:
        self.reminders = list(reminders)
        title, body = summary(reminders)
        # Names come from the user's data: escaped, so "<Acme & Co>" shows as typed.
        import html  # noqa: PLC0415  (on use: its table of entities costs start-up ~2 ms)

        lines = "<br>".join(html.escape(line) for line in body.split("\n"))
        self.text.setText(f"<b>{html.escape(title)}</b><br>{lines}")
        self.show()

    def narrow_to(self, standing: list[Reminder]) -> None:
        """The steps done since the banner came leave it; with none left it goes."""
        if standing == self.reminders:
            return
        if standing:
            self.show_reminders(standing)
        else:
            self.reminders = []
            self.hide()

    def _open(self) -> None:
        self.open_requested.emit(self.reminders)
        self.hide()

    def _snooze(self, choice: str) -> None:
        self.snooze_requested.emit(self.reminders, choice)
        self.hide()
