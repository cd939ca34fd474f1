"""The main window: a sidebar (Today, Interviews, Calendar, Letters) and one content area."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followup.ics import to_ics
from followup.model import Status
from followup.plan import ItemKind, PlanItem
from followup_desktop.accessibility import named
from followup_desktop.actions import build_actions
from followup_desktop.banner import ReminderBanner
from followup_desktop.composer import Composer
from followup_desktop.icons import icon
from followup_desktop.session import Session
from followup_desktop.today import TodayView

PAGES = (("today", "Today"), ("letters", "Letters"))


class MainWindow(QMainWindow):
    def __init__(self, session: Session, user_templates: Path | None = None) -> None:
        super().__init__()
        self.session = session
        self.keeps_running: Callable[[], bool] = lambda: False
        self.setWindowTitle("Interview Follow-Up")
        self.setWindowIcon(icon("app"))
        self.actions_by_name: dict[str, QAction] = build_actions(self)
        self.today = TodayView(session)
        self.composer = Composer(session, user_templates)
        self.pages: dict[str, QWidget] = {"today": self.today, "letters": self.composer}
        self.sidebar = named(QListWidget(), "Sections", style="sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        for name, title in PAGES:
            item = QListWidgetItem(icon(name), title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setSizeHint(QSize(170, 40))
            self.sidebar.addItem(item)
            self.stack.addWidget(self.pages[name])
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        self.banner = ReminderBanner()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)
        self._menus()
        self.today.action_requested.connect(self.on_action_requested)
        self.resize(1100, 720)
        self.statusBar().showMessage(str(session.repo.db.path), 4000)

    def _menus(self) -> None:
        a = self.actions_by_name
        file_menu = self.menuBar().addMenu("&File")
        for name in ("new_application", "export_ics", "settings", "quit"):
            file_menu.addAction(a[name])
        view = self.menuBar().addMenu("&View")
        for row, name in enumerate(("show_today", "show_letters")):
            view.addAction(a[name])
            a[name].triggered.connect(lambda _=False, r=row: self.sidebar.setCurrentRow(r))
            self.addAction(a[name])
        a["export_ics"].triggered.connect(self.export_ics)

    def show_page(self, name: str) -> None:
        names = [n for n, _ in PAGES]
        self.sidebar.setCurrentRow(names.index(name))

    def on_action_requested(self, item: PlanItem) -> None:
        if item.kind is ItemKind.LETTER and item.round_id is not None:
            self.show_page("letters")
            self.composer.open_for(item.round_id, item.contact_id)
        elif item.kind is ItemKind.CLOSE:
            answer = QMessageBox.question(
                self,
                "Close the process?",
                f"{item.title}\n\n{item.reason}\n\nNo more reminders will come for it.",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.session.run(
                    self,
                    lambda: self.session.repo.set_status(
                        item.application_id, Status.CLOSED, "no response"
                    ),
                )

    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export calendar", "interview-followup.ics", "Calendar (*.ics)"
        )
        if not path:
            return
        repo = self.session.repo
        ends = {r.id: r.ends_at for r in repo.rounds()}
        Path(path).write_bytes(to_ics(self.session.items(), self.session.now(), ends))
        self.statusBar().showMessage(f"Exported to {path}", 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.composer.flush()
        if self.keeps_running():
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
