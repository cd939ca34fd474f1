"""The system tray: the app lives there; its menu lists today's items, Open and Quit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from followup.plan import ItemState
from followup_desktop.icons import icon
from followup_desktop.plan_items import AgendaModel, state_word
from followup_desktop.session import Session

MAX_ITEMS = 8


def tray_icon_name() -> str:
    """The tray glyph drawn for the panel behind it: light on dark panels (a dark theme, or
    GNOME, whose top bar is dark in every theme), dark on light ones."""
    import os  # noqa: PLC0415

    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    gnome = "GNOME" in os.environ.get("XDG_CURRENT_DESKTOP", "").upper()
    return "tray-dark" if dark or gnome else "tray"


class Tray(QObject):
    """Signals: ``open_requested()``, ``item_requested(PlanItem)``, ``quit_requested()``."""

    open_requested = Signal()
    item_requested = Signal(object)
    quit_requested = Signal()

    def __init__(
        self, session: Session, agenda: AgendaModel, actions: dict[str, QAction] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.agenda = agenda
        self.actions = actions or {}
        self.icon = QSystemTrayIcon(icon(tray_icon_name()))
        self.icon.setToolTip("Interview Follow-Up")
        self.menu = QMenu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_requested)
        agenda.changed.connect(self.rebuild)
        self.rebuild()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available():
            self.icon.show()

    def rebuild(self) -> None:
        self.menu.clear()
        rows = self.agenda.rows
        if not rows:
            self.menu.addAction("Nothing to do today").setEnabled(False)
        for item in rows[:MAX_ITEMS]:
            # "&" would mark a mnemonic in a menu ("AT&T" shows as "ATT"): doubled.
            text = f"{state_word(item)}: {item.title}".replace("&", "&&")
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _=False, i=item: self.item_requested.emit(i))
        if len(rows) > MAX_ITEMS:
            self.menu.addAction(f"… and {len(rows) - MAX_ITEMS} more").triggered.connect(
                self.open_requested
            )
        self.menu.addSeparator()
        for name, fallback, signal in (
            ("open_window", "Open Interview Follow-Up", self.open_requested),
            ("quit", "Quit", self.quit_requested),
        ):
            shared = self.actions.get(name)  # the window's own actions, declared once
            if shared is None:
                self.menu.addAction(fallback).triggered.connect(signal)
            else:
                self.menu.addAction(shared)
        overdue = sum(1 for r in rows if r.state is ItemState.OVERDUE)
        self.icon.setToolTip("Interview Follow-Up" + (f": {overdue} overdue" if overdue else ""))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
