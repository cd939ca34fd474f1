"""What closing the window does, said once: with a tray the app keeps running there; with
no tray (GNOME's default) reminders stop, and the window says so before it matters."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QWidget

from followup_desktop.accessibility import named

TRAY_KEY = "notes/close_to_tray_explained"
NO_TRAY_KEY = "notes/no_tray_explained"
TRAY_TITLE = "Interview Follow-Up is still running"
TRAY_TEXT = (
    "It keeps reminding you from the tray (the notification area). Click its icon to open "
    "the window again; quit from the icon's menu or File ▸ Quit."
)
NO_TRAY_TEXT = (
    "This desktop has no tray, so reminders stop when you close this window. Minimise it "
    "instead to keep being reminded; whatever was missed is shown when you open the app again."
)


def said(key: str) -> bool:
    return bool(QSettings().value(key, False, type=bool))


def remember(key: str) -> None:
    QSettings().setValue(key, True)


def explain_close_to_tray(icon: QSystemTrayIcon) -> bool:
    """The first time the window goes to the tray, a balloon says where the app went.
    True when it was shown now."""
    if said(TRAY_KEY):
        return False
    icon.showMessage(TRAY_TITLE, TRAY_TEXT, QSystemTrayIcon.MessageIcon.Information, 10_000)
    remember(TRAY_KEY)
    return True


class NoTrayNote(QFrame):
    """A line at the top of the window, until the user says they have read it."""

    understood = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName("About closing the window")
        self.text = named(QLabel(NO_TRAY_TEXT), "About closing the window")
        self.text.setWordWrap(True)
        self.ok = named(QPushButton("Got it"), "Do not show this again")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.ok)
        self.ok.clicked.connect(self._understood)
        self.setVisible(not said(NO_TRAY_KEY))

    def _understood(self) -> None:
        remember(NO_TRAY_KEY)
        self.hide()
        self.understood.emit()
