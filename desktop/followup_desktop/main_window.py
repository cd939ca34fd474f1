"""The main window: a sidebar (Today, Interviews, Calendar, Letters) and one content area."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.accessibility import named
from followup_desktop.actions import build_actions
from followup_desktop.actions import finish as finish_actions

if TYPE_CHECKING:
    from followup.plan import PlanItem
    from followup_desktop.banner import ReminderBanner
    from followup_desktop.close_notes import NoTrayNote
    from followup_desktop.composer import Composer
    from followup_desktop.interviews.view import InterviewsView
    from followup_desktop.session import Session
    from followup_desktop.stored_values_banner import StoredValuesBanner
    from followup_desktop.today import TodayView
    from followup_desktop.today_preview import TodayPreview

PAGES = (
    ("today", "Today"),
    ("interviews", "Interviews"),
    ("calendar", "Calendar"),
    ("letters", "Letters"),
)
PAGE_ROWS = {name: row for row, (name, _title) in enumerate(PAGES)}
# Closed to the tray, minimised or left for another window this long, the window has the
# collector look through every object once (``collector.compact``): the user is not coming
# straight back. One timer: closing again starts the wait again.
COMPACT_AFTER_MS = 10_000


class MainWindow(QMainWindow):
    """The frame (sidebar, menus, pages) is built at once and paints first; ``attach`` then
    brings the session: the views, icons and everything that reads the database. Start-up
    shows the window before it opens the database or imports the domain."""

    def __init__(self, session: Session | None = None, user_templates: Path | None = None) -> None:
        super().__init__()
        self.session: Session | None = None
        self.keeps_running: Callable[[], bool] = lambda: False
        self._compact_timer = QTimer(self, singleShot=True, interval=COMPACT_AFTER_MS)
        self._compact_timer.timeout.connect(self._compact_if_away)
        self.setWindowTitle("Interview Follow-Up")
        self.actions_by_name: dict[str, QAction] = build_actions(self)
        self.user_templates = user_templates
        # Pages other than Today are built when first shown: start-up paints sooner.
        self.factories: dict[str, Callable[[], QWidget]] = {
            "letters": self._make_composer,
            "interviews": self._make_interviews,
            "calendar": self._make_calendar,
        }
        self.built: dict[str, QWidget] = {}
        # Today from the copy kept for start-up, in Today's place until the live page has
        # its data (``show_preview``, ``end_preview``).
        self.preview: TodayPreview | None = None
        self.no_tray_note: NoTrayNote | None = None  # ``note_no_tray``
        self.sidebar = named(QListWidget(), "Sections", style="sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(160)  # an 800-pixel window keeps 640 for the page
        # 160 pixels for 140-pixel items: nothing to scroll sideways. Set by the property's
        # number (Qt::ScrollBarAlwaysOff): PySide's ``Qt`` namespace, 93 enums and 12 ms to
        # build, is not needed before Today's first paint.
        self.sidebar.setProperty("horizontalScrollBarPolicy", 1)
        self.stack = QStackedWidget()
        # Each section's icon has its place from the first paint, before the icons are drawn
        # (``attach``: QtSvg waits until after it): the names never move when they come.
        blank = QPixmap(self.sidebar.iconSize())
        blank.fill(QColor.fromRgba(0))
        for _name, title in PAGES:
            item = QListWidgetItem(title)
            # As a pixmap (Qt::DecorationRole, by number): PySide's QIcon costs 1 ms to set up.
            item.setData(1, blank)
            item.setSizeHint(QSize(140, 40))
            self.sidebar.addItem(item)
            self.stack.addWidget(named(QLabel("Loading…"), "Loading", style="empty"))
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.sidebar.setCurrentRow(0)
        self.column = QVBoxLayout()
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(self.stack, 1)
        content = QWidget()
        content.setLayout(self.column)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)
        self._menus()
        self._restore_window()
        if session is not None:
            self.attach(session)

    def attach(self, session: Session) -> None:
        """Bring in the session: Today, the reminder banner, icons, undo."""
        from followup_desktop.banner import ReminderBanner  # noqa: PLC0415  (after first paint)
        from followup_desktop.edit_undo import EditUndo  # noqa: PLC0415
        from followup_desktop.icons import icon  # noqa: PLC0415
        from followup_desktop.stored_values_banner import StoredValuesBanner  # noqa: PLC0415
        from followup_desktop.today import TodayView  # noqa: PLC0415

        self.session = session
        self.setWindowIcon(icon("app"))
        finish_actions(self.actions_by_name)
        for row, (name, _title) in enumerate(PAGES):
            item = self.sidebar.item(row)
            if item is not None:
                item.setIcon(icon(name))
        self.banner: ReminderBanner = ReminderBanner()
        self.column.insertWidget(0, self.banner)
        self.stored_values: StoredValuesBanner = StoredValuesBanner(session)
        self.column.insertWidget(1, self.stored_values)
        self.today: TodayView = TodayView(session)
        self.today.action_requested.connect(self.on_action_requested)
        self.today.add_requested.connect(self.new_application)
        if self.preview is None:
            self._place("today", self.today)
        else:  # built, not yet in the stack: the kept copy stays until the page is planned
            self.built["today"] = self.today
        self.edit_undo = EditUndo(session.undo_stack, self.edit_menu, self)
        self._show_row(self.sidebar.currentRow())

    def _menus(self) -> None:
        a = self.actions_by_name
        file_menu = self.menuBar().addMenu("&File")
        for name in ("new_application", "export_ics", "setup", "settings", "quit"):
            file_menu.addAction(a[name])
        self.edit_menu = self.menuBar().addMenu("&Edit")
        view = self.menuBar().addMenu("&View")
        for row, (page, _title) in enumerate(PAGES):
            action = a[f"show_{page}"]
            view.addAction(action)
            action.triggered.connect(lambda _=False, r=row: self.sidebar.setCurrentRow(r))
            self.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(a["how_it_works"])
        help_menu.addAction(a["about"])
        a["how_it_works"].triggered.connect(self.show_how_it_works)
        a["about"].triggered.connect(self.show_about)
        a["export_ics"].triggered.connect(self.export_ics)
        a["new_application"].triggered.connect(self.new_application)
        a["settings"].triggered.connect(self.open_settings)
        a["setup"].triggered.connect(self.open_setup)

    def _session(self) -> Session:
        assert self.session is not None, "the window is not attached to a session yet"
        return self.session

    def note_no_tray(self) -> NoTrayNote:
        """The line that says closing quits (no tray here), at the window's top, once: the
        shell's, or the frame's when Today's kept copy paints first (no shift after)."""
        note = self.no_tray_note
        if note is None:
            from followup_desktop.close_notes import NoTrayNote  # noqa: PLC0415

            note = self.no_tray_note = NoTrayNote()
            self.column.insertWidget(0, note)
        return note

    def show_preview(self, preview: TodayPreview) -> None:
        """Today's kept copy in Today's place (start-up, before ``attach``)."""
        self._put(PAGE_ROWS["today"], preview)
        self.preview = preview

    def end_preview(self) -> None:
        """The live Today, planned, takes the kept copy's place (in the same turn of the
        event loop as its data came: no paint in between)."""
        preview, self.preview = self.preview, None
        if preview is not None:
            self._put(self.stack.indexOf(preview), self.today)
            if preview.add_asked:  # pressed on the first-run page before it came alive
                QTimer.singleShot(0, self.today.add_requested.emit)

    def _place(self, name: str, widget: QWidget) -> None:
        """Put a built page where its placeholder was."""
        self._put(PAGE_ROWS[name], widget)
        self.built[name] = widget

    def _put(self, row: int, widget: QWidget) -> None:
        """``widget`` at ``row`` of the stack, in place of what stood there (which goes),
        and shown if that was."""
        old = self.stack.widget(row)
        shown = old is not None and self.stack.currentWidget() is old
        self.stack.insertWidget(row, widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        if shown:
            self.stack.setCurrentWidget(widget)

    def page(self, name: str) -> QWidget:
        """The page, built now if it was not yet (it replaces its placeholder)."""
        if name not in self.built:
            self._place(name, self.factories[name]())
        return self.built[name]

    def _show_row(self, row: int) -> None:
        if self.session is not None:  # before attach, the placeholders show "Loading…"
            self.page(PAGES[row][0])
            from followup_desktop.deferred_settings import keep  # noqa: PLC0415

            keep("window/page", PAGES[row][0])
        self.stack.setCurrentIndex(row)

    def _restore_window(self) -> None:
        """Size, position and page as the user left them (first run: a comfortable size)."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1100, 720)
        page = settings.value("window/page", "today", type=str)
        self.sidebar.setCurrentRow(PAGE_ROWS.get(str(page), 0))

    def save_window(self) -> None:
        """The window's size and place, with all else the user arranged and not yet written."""
        from followup_desktop.deferred_settings import keep, write_kept  # noqa: PLC0415

        keep("window/geometry", self.saveGeometry())
        write_kept()

    def _make_interviews(self) -> QWidget:
        from followup_desktop.interviews.view import InterviewsView  # noqa: PLC0415

        view = InterviewsView(self._session())
        view.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        view.action_requested.connect(self.on_action_requested)
        return view

    def _make_calendar(self) -> QWidget:
        from followup_desktop.calendar.view import CalendarView  # noqa: PLC0415

        view = CalendarView(self._session())
        view.action_requested.connect(self.on_action_requested)
        return view

    def _make_composer(self) -> QWidget:
        from followup_desktop.composer import Composer  # noqa: PLC0415  (checker, templates)

        return Composer(self._session(), self.user_templates)

    @property
    def composer(self) -> Composer:
        from followup_desktop.composer import Composer  # noqa: PLC0415

        widget = self.page("letters")
        assert isinstance(widget, Composer)
        return widget

    @property
    def interviews(self) -> InterviewsView:
        from followup_desktop.interviews.view import InterviewsView  # noqa: PLC0415

        widget = self.page("interviews")
        assert isinstance(widget, InterviewsView)
        return widget

    def flush(self) -> None:
        """Save whatever is being typed (closing, quitting)."""
        if "letters" in self.built:
            self.composer.flush()

    def show_page(self, name: str) -> None:
        self.sidebar.setCurrentRow(PAGE_ROWS[name])

    def open_settings(self) -> None:
        from followup_desktop.settings_dialog import SettingsDialog  # noqa: PLC0415

        SettingsDialog(self._session(), self).exec()

    def open_setup(self) -> None:
        from followup_desktop.first_run import FirstRunDialog  # noqa: PLC0415

        FirstRunDialog(self._session(), self).exec()

    def show_how_it_works(self) -> None:
        from followup_desktop.help import HowItWorks  # noqa: PLC0415

        HowItWorks(self).exec()

    def show_about(self) -> None:
        from followup_desktop.help import show_about  # noqa: PLC0415

        folder = self.session.data_folder() if self.session is not None else None
        show_about(self, folder)

    def new_application(self) -> None:
        self.show_page("interviews")
        self.interviews.add_application()

    def on_action_requested(self, item: PlanItem) -> None:
        """Each kind of item has its one action (Today, tray, calendar)."""
        from followup.plan import ItemKind  # noqa: PLC0415

        session = self._session()
        repo = session.repo
        if item.kind is ItemKind.LETTER and item.round_id is not None:
            self.show_page("letters")
            self.composer.open_for(item.round_id, item.contact_id)
        elif item.kind is ItemKind.CALL and item.round_id is not None:
            self.open_call_assistant(item.round_id)
        elif item.kind is ItemKind.CLOSE:
            self.close_process(item)
        elif item.kind is ItemKind.INQUIRY:
            from followup_desktop.inquiry_dialog import InquiryDialog  # noqa: PLC0415

            InquiryDialog(session, repo.application(item.application_id), self).exec()
        elif item.kind is ItemKind.FIND_CONTACT:
            from followup_desktop.interviews.dialogs import ApplicationDialog  # noqa: PLC0415

            self.show_page("interviews")
            dialog = ApplicationDialog(session, repo.application(item.application_id), self)
            dialog.contact.setFocus()
            dialog.exec()
        elif item.kind is ItemKind.INTERVIEW and item.round_id is not None:
            self.show_page("interviews")
            self.interviews.select(repo.round(item.round_id))

    def open_call_assistant(self, round_id: int) -> None:
        from followup_desktop.call_assistant import CallAssistant  # noqa: PLC0415

        session = self._session()
        CallAssistant(session, session.repo.round(round_id), self).exec()

    def close_process(self, item: PlanItem) -> None:
        """Close after the quiet period (R8); an online application is retired instead."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415  (its enums: not before the frame)

        from followup.model import Status  # noqa: PLC0415

        session = self._session()
        retire = item.round_id is None
        answer = QMessageBox.question(
            self,
            "Retire the application?" if retire else "Close the process?",
            f"{item.title}\n\n{item.reason}\n\nNo more reminders will come for it.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            status = Status.RETIRED if retire else Status.CLOSED
            session.run(
                self, lambda: session.repo.set_status(item.application_id, status, "no response")
            )

    def export_ics(self) -> None:
        """Every plan's steps and interviews as a calendar file, closed applications' too (as
        ``followup export ics`` writes it). Planning, reading every round's end and writing
        the file run on a thread of their own (1.4-1.7 s at 10,000 interviews; reading alone
        froze the window 0.3 s); the status bar says when it is written, a dialog if it is not.
        The menu item waits meanwhile (two exports would share the file's partial copy)."""
        import shiboken6  # noqa: PLC0415

        from followup.errors import FollowUpError  # noqa: PLC0415
        from followup.paths import write_whole  # noqa: PLC0415
        from followup_desktop.background import run_in_background  # noqa: PLC0415
        from followup_desktop.view_state import save_path  # noqa: PLC0415

        session = self._session()
        path = save_path(self, "Export calendar", "interview-followup.ics", "Calendar (*.ics)")
        if path is None:
            return
        made = session.calendar_file()  # (the collector paused meanwhile: not for the write)
        action = self.actions_by_name["export_ics"]

        def finished(message: str) -> bool:
            """False when the window is gone (the app quit meanwhile)."""
            if not shiboken6.isValid(self):
                return False
            action.setEnabled(True)
            self.statusBar().showMessage(message, 5000)
            return True

        def failed(error: BaseException) -> None:
            shown = finished("")
            if not isinstance(error, FollowUpError):
                raise error  # a bug: a traceback, as anywhere else
            if shown:  # (a folder that cannot be written, a full disk: the old file kept)
                session.dialogs.error(self, "Not exported", str(error))

        def done(_result: None) -> None:
            finished(f"Exported to {path}")

        action.setEnabled(False)
        self.statusBar().showMessage(f"Exporting to {path}…")
        run_in_background(lambda: write_whole(path, made()), done, failed)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        self.save_window()
        if self.keeps_running():
            event.ignore()
            self.hide()
            self._compact_timer.start(COMPACT_AFTER_MS)
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Left for another window, or minimised: tidied too if the user stays away (a window
        open for days, never closed to the tray, else keeps every cycle a read froze)."""
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.ActivationChange, QEvent.Type.WindowStateChange):
            if self._away():
                self._compact_timer.start(COMPACT_AFTER_MS)
            else:
                self._compact_timer.stop()

    def _away(self) -> bool:
        """Hidden, minimised, or another application in front (not one of our dialogs: a
        user typing in one must not wait for a collection)."""
        return not self.isVisible() or self.isMinimized() or QApplication.activeWindow() is None

    def _compact_if_away(self) -> None:
        """Still away: memory is tidied where no one waits for it."""
        if self._away():
            from followup_desktop.collector import compact  # noqa: PLC0415

            compact()
