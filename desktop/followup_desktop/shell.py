"""The running app: window, tray and reminders, wired once (used by main and by tests)."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from followup.plan import PlanItem
from followup.reminders import Reminder
from followup_desktop.close_notes import NoTrayNote, explain_close_to_tray
from followup_desktop.first_paint import on_first_paint
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session
from followup_desktop.tray_presence import tray_available

if TYPE_CHECKING:
    from followup_desktop.notifications import DBusNotifier, Notifier
    from followup_desktop.other_writers import OtherWriters
    from followup_desktop.reminder_service import ReminderService
    from followup_desktop.today_copy_maker import TodayCopier
    from followup_desktop.tray import Tray

# The work after start-up waits for Today's first paint with data, or this long at most.
AFTER_CONTENT_AT_THE_LATEST_MS = 1000


class Shell(QObject):
    """Signals: ``loaded()`` once Today shows the user's data after start-up;
    ``settled_down()`` once the work after it (whole plans, reminders) is done.

    The tray, the notifiers, the reminder service and the watch for other programs' writes
    come just after Today first painted with data (``services``): nothing on screen needs
    them before, and Today comes that much sooner."""

    loaded = Signal()
    settled_down = Signal()  # start-up's work is done: Today painted, reminders checked
    tray: Tray
    reminders: ReminderService
    other_writers: OtherWriters

    def __init__(
        self,
        session: Session,
        user_templates: Path | None = None,
        notifier: Notifier | None = None,
        window: MainWindow | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        # The file's version before any view reads it (attaching builds Today and the page
        # shown last): another program's commit from here on is seen, though the watch for
        # them starts after Today painted.
        self._version = session.data_version()
        if window is None:
            window = MainWindow(session, user_templates)
        elif window.session is None:
            window.attach(session)  # the frame painted before the database was opened
        self.window = window
        self._notifier = notifier
        self.desktop_notes: DBusNotifier | None = None
        self.services = False  # the tray, notifiers, reminders and writers' watch built
        self._banner_day: date | None = None
        session.time_moved.connect(self._on_time_moved)
        session.schedule_changed.connect(self._banner_follows)
        self.window.banner.snooze_requested.connect(self._snooze)
        self.window.banner.open_requested.connect(self.open_reminders)
        self.window.actions_by_name["quit"].triggered.connect(self.quit)
        self.window.actions_by_name["open_window"].triggered.connect(self.bring_forward)
        self.window.keeps_running = self._closing_keeps_running
        self.no_tray_note: NoTrayNote | None = None
        self.settled = False  # reminders checked after start-up (just after Today painted)
        # The running app keeps a copy of Today for the next start (``today_copy``).
        self.keep_today_copy = False
        self.today_copy: TodayCopier | None = None
        self._after_started = False
        if not tray_available():  # closing quits here: say so before it matters
            self.no_tray_note = self.window.note_no_tray()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not tray_available())

    def start_services(self) -> None:
        """The tray, the notifiers, the reminder service and the watch for other programs'
        writes (once; start-up calls it just after Today painted with data)."""
        if self.services:
            return
        from followup_desktop.notifications import (  # noqa: PLC0415
            DBusNotifier,
            FirstThatWorks,
            TrayNotifier,
        )
        from followup_desktop.other_writers import OtherWriters  # noqa: PLC0415
        from followup_desktop.reminder_service import ReminderService  # noqa: PLC0415
        from followup_desktop.tray import Tray  # noqa: PLC0415

        self.services = True
        session = self.session
        self.tray = Tray(session, self.window.today.model, self.window.actions_by_name)
        self.tray.show()
        notifier = self._notifier
        if notifier is None:
            tray_first = [TrayNotifier(self.tray.icon)] if tray_available() else []
            self.desktop_notes = DBusNotifier(self)
            notifier = FirstThatWorks(*tray_first, self.desktop_notes)
        self.reminders = ReminderService(session, notifier, listen_for_resume=False)
        if self.desktop_notes is not None:  # a notification's own Open and Snooze buttons
            self.desktop_notes.open_requested.connect(self.open_reminders)
            self.desktop_notes.open_requested.connect(self._answered_elsewhere)
            self.desktop_notes.snooze_requested.connect(self.reminders.snooze)
            self.desktop_notes.snooze_requested.connect(self._answered_elsewhere)
        # the command line, say
        self.other_writers = OtherWriters(session, self.window, seen=self._version)
        self.reminders.reminders_shown.connect(self.window.banner.show_reminders)
        self.reminders.reminders_shown.connect(self._note_banner_day)
        self.tray.open_requested.connect(self.bring_forward)
        self.tray.item_requested.connect(self.open_item)
        self.tray.quit_requested.connect(self.quit)

    def _snooze(self, reminders: list[Reminder], choice: str) -> None:
        if self.services:  # the banner shows reminders only once there is a service
            self.reminders.snooze(reminders, choice)

    def _today(self) -> date:
        return self.session.now().astimezone(self.session.zone).date()

    def _note_banner_day(self) -> None:
        self._banner_day = self._today()

    def _on_time_moved(self) -> None:
        """Yesterday's reminder banner ("due today") is out of date: today's come on time."""
        if self._banner_day is not None and self._banner_day != self._today():
            self.window.banner.hide()
            self._banner_day = None

    def _banner_follows(self) -> None:
        """A letter marked sent (here or by another program) leaves the banner that
        reminded of it; read only while the banner shows."""
        from followup.reminders import still_standing  # noqa: PLC0415

        banner = self.window.banner
        if banner.isVisible():
            banner.narrow_to(still_standing(banner.reminders, self.session.items()))

    def keeps_running(self) -> bool:
        """Closing the window leaves the app in the tray (when there is one and the user wants)."""
        return tray_available() and bool(self.session.settings["app.close_to_tray"])

    def _closing_keeps_running(self) -> bool:
        """The window is closing: to the tray (said once, the first time), or quitting."""
        self.start_services()  # closed at once after start-up: the tray is where it goes
        keeps = self.keeps_running()
        if keeps:
            explain_close_to_tray(self.tray.icon)
        return keeps

    def start(self, minimized: bool = False) -> None:
        """Show the window at once; plans are computed right after it first paints."""
        if (minimized and tray_available()) or self.window.isVisible():
            QTimer.singleShot(0, self.load)  # hidden in the tray, or already painted
        else:
            on_first_paint(self.window, self.load)
            self.window.show()

    def load(self) -> None:
        """Today first; what the user does not see at once comes after it has painted."""
        today = self.window.today
        today.model.reload()
        self.window.end_preview()  # the copy kept for start-up, if shown, makes way
        self.window.stored_values.refresh()  # settings or records that cannot be used
        if self.window.isVisible() and self.window.stack.currentWidget() is today:
            # One more turn of the event loop: whatever else waits for this paint goes first.
            today.when_data_painted(lambda: QTimer.singleShot(0, self._after_content))
            # Covered or iconified, the window may not paint for a long time: not that long.
            # (The timer goes with the window, as the paint's watcher does.)
            latest = QTimer(self.window)
            latest.setSingleShot(True)
            latest.timeout.connect(self._after_content)
            latest.start(AFTER_CONTENT_AT_THE_LATEST_MS)
        else:
            QTimer.singleShot(0, self._after_content)
        self.loaded.emit()

    def _after_content(self) -> None:
        if self._after_started:  # the paint, or the timer that stands in for it, came second
            return
        self._after_started = True
        self.start_services()
        self.reminders.listen_for_resume()  # the system bus: a connection of its own
        # Today was planned alone (``Session.today_first``): the whole plans now, off the
        # GUI thread; the reminders are checked with them.
        self.session.complete_plans(then=self._settle)

    def _settle(self) -> None:
        try:
            self.reminders.check()  # what was missed while the app was closed, once
        finally:  # whatever the check met: the collector back on, the daily backup taken
            settle_memory()  # a full collection: 10 ms and more
            if self.keep_today_copy:
                from followup_desktop.today_copy_maker import TodayCopier  # noqa: PLC0415

                self.today_copy = TodayCopier(self.session)
                self.today_copy.make_now()
            self.settled = True
            self.settled_down.emit()

    def bring_forward(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def open_reminders(self, reminders: list[Reminder]) -> None:
        """A reminder's Open: its item (the letter, the call); several at once: Today."""
        items = {item.key: item for item in self.session.items()}
        found = [items[r.item_key] for r in reminders if r.item_key in items]
        if len(found) == 1:
            self.open_item(found[0])
            return
        self.bring_forward()
        self.window.show_page("today")

    def _answered_elsewhere(self, reminders: list[Reminder], *_: object) -> None:
        """Opened or snoozed from the desktop's notification: the banner saying the same
        goes too."""
        if self.window.banner.reminders == reminders:
            self.window.banner.hide()

    def open_item(self, item: PlanItem) -> None:
        self.bring_forward()
        self.window.on_action_requested(item)

    def quit(self) -> None:
        self.window.flush()
        if self.services:
            self.tray.icon.hide()
        if self.desktop_notes is not None:
            self.desktop_notes.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def settle_memory() -> None:
    """Start-up objects live as long as the app: move them out of the garbage collector's
    way, so a full collection during typing scans only what typing made (without this, one
    keystroke in forty took over 50 ms in a long letter). The collector, paused for the
    start-up (``app.main``), runs again from here."""
    gc.collect()
    gc.freeze()
    gc.enable()
