"""The running app's link to the domain: one database, the settings, the clock.

Every user action goes through ``Session.run``: it calls the domain, shows a domain error the
same way everywhere, asks before overriding an etiquette refusal, and tells every view that
something changed. Views refresh from ``schedule_changed``, never from each other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from followup.date_style import LetterDates, letter_dates_for
from followup.errors import (
    CorruptDatabase,
    DatabaseUnavailable,
    FollowUpError,
    Refusal,
    as_sentence,
)
from followup.model import Override
from followup.plan import PlanItem, PlanSettings
from followup.planner import plans_by_application
from followup.settings import Settings
from followup.storage import Repository
from followup.storage.change_log import ChangeLog
from followup.storage.repository import Snapshot
from followup.workdays import WorkCalendar
from followup_desktop.clock import Clock
from followup_desktop.locale_dates import LocaleDates
from followup_desktop.override_reason import ask_reason
from followup_desktop.plan_cache import PlanArgs, PlanCache, Stage
from followup_desktop.region import system_country

__all__ = ["BUSY_TIMEOUT_MS", "Dialogs", "Session", "Snapshot"]  # Snapshot: what an undo puts back

T = TypeVar("T")

# Another program (the command line) may hold the write lock for a moment: wait this long,
# not SQLite's usual seconds, then say so and let the user (or the autosave) try again.
BUSY_TIMEOUT_MS = 300
UNAVAILABLE_TITLES = {
    "busy": "Database busy",
    "read-only": "Database is read-only",
    "full": "Disk full",
}


class Dialogs:
    """The questions a session asks the user; tests may answer them instead."""

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, as_sentence(message))

    def retry(self, parent: QWidget | None, title: str, message: str) -> bool:
        """True when the user wants to try again (another program held the database)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            message,
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        box.setObjectName("busy-dialog")
        return box.exec() == QMessageBox.StandardButton.Retry

    def confirm_override(self, parent: QWidget | None, refusal: Refusal) -> str | None:
        """The user's reason for overriding, or None to respect the rule."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Before you go ahead",
            refusal.message,
            QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setInformativeText("You can still do it, and the exception will be recorded.")
        anyway = box.addButton("Do it anyway…", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("refusal-dialog")
        box.exec()
        if box.clickedButton() is not anyway:
            return None
        return ask_reason(parent)


class Session(QObject):
    """Signals: ``schedule_changed()`` after any record changed; ``settings_changed()``;
    ``time_moved()`` when the clock passed a moment that changes what views show."""

    schedule_changed = Signal()
    settings_changed = Signal()
    time_moved = Signal()

    def __init__(self, repo: Repository, clock: Clock, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.repo = repo
        repo.db.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.clock = clock
        self.dialogs = dialogs or Dialogs()
        self.undo_stack = QUndoStack(self)
        self._settings: Settings | None = None
        # The plans: whole, or at start-up (``today_first``) Today's part until the rest came.
        self._plan_cache = PlanCache(self._plan_args, self._planner)
        self._calendar: WorkCalendar | None = None
        self._dates: LocaleDates | None = None
        self._changes = ChangeLog(repo.db.connection)
        # The applications the last change touched (None: anything may have changed).
        self.last_change: frozenset[int] | None = None
        self._names: dict[int, str] | None = None
        self._memo: dict[int, list[PlanItem]] = {}
        self._memo_minute: datetime | None = None
        # The running app plans again off the GUI thread when time moves (``move_time``)
        # and when everything may have changed (``_everything_changed``).
        self.replan_in_background = False
        self._pending_everything = self._pending_time = self._plans_fresh = False
        self._pending_then: Callable[[], object] | None = None
        self.schedule_changed.connect(self._forget_items)
        self.settings_changed.connect(self._forget_settings)

    # -- what views read ----------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.now().astimezone(self.zone).date()

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.from_stored(
                self.repo.settings(), self.repo.unreadable_settings()
            )
        return self._settings

    def data_folder(self) -> Path:
        """Where the database, backups, templates and signature live."""
        return Path(self.repo.db.path).parent

    @property
    def zone(self) -> ZoneInfo:
        return self.settings.zone()

    def dates(self) -> LocaleDates:
        """How days and times are shown: the user's locale, this year's year left out. One
        is kept while the day and the locale stay (views ask for it for every card and
        calendar cell; making one reads the locale's formats, and it keeps the names it made)."""
        today = self.now().astimezone(self.zone).date()
        locale = QLocale()
        kept = self._dates
        if kept is None or kept.locale != locale:
            kept = self._dates = LocaleDates(today, locale)
        elif kept.today != today:  # a new day: the names already made still hold
            kept = self._dates = kept.sibling(today)
        return kept

    def plan_settings(self) -> PlanSettings:
        """The user's plan settings, with reasons naming days the way the views do."""
        return replace(self.settings.plan(), dates=self.dates())

    def calendar(self) -> WorkCalendar:
        """The user's business calendar, kept (with what it learnt about days) until the
        settings change."""
        if self._calendar is None:
            self._calendar = self.settings.calendar(system_country())
        return self._calendar

    def letter_dates(self) -> LetterDates:
        """How letters date things: the order of the user's country ("1 December 2026" in
        Britain, "December 1, 2026" in the US), not the machine's locale."""
        return letter_dates_for(self.calendar().country)

    def plans(self) -> dict[int, list[PlanItem]]:
        """Application id → plan items, for active applications, always whole (made at once
        if start-up's whole plans have not arrived yet): the Interviews page, the reminders
        and exports read these (Today reads ``today_items``)."""
        return self._plan_cache.whole()

    def items(self) -> list[PlanItem]:
        """Plan items of active applications, whole (what the tray and reminders use)."""
        return self._plan_cache.items()

    def today_items(self) -> list[PlanItem]:
        """The items Today picks from (``agenda``, ``coming_up``): at start-up only those
        that can be on it (the same ones, in the same order, as from the whole plans)."""
        return self._plan_cache.today_items()

    def plans_made_for(self) -> tuple[dict[int, datetime], datetime | None]:
        """The moment each kept plan was made for (an application changed since was planned
        again for its own, later moment), and the one the whole set was made for (None: no
        plans kept). Read after ``plans``."""
        return self._plan_cache.made_for(), self._plan_cache.planned_at

    @property
    def today_first(self) -> bool:
        """Start-up sets it: Today's part of the plans first, the rest after it painted."""
        return self._plan_cache.today_first

    @today_first.setter
    def today_first(self, value: bool) -> None:
        self._plan_cache.today_first = value

    @property
    def plans_complete(self) -> bool:
        """False while only Today's part of the plans is made (start-up)."""
        return self._plan_cache.stage is not Stage.PART

    def complete_plans(self, then: Callable[[], object] | None = None) -> None:
        """Start-up planned Today's part first: make the whole plans off the GUI thread, for
        the same moment, then call ``then`` (``PlanCache.complete``)."""
        self._plan_cache.complete(then)

    def _plan_args(self) -> PlanArgs:
        return (self.repo, self.calendar(), self.zone, self.now(), self.plan_settings())

    def _planner(self, now: datetime) -> Callable[[], dict[int, list[PlanItem]]]:
        """Every active plan for ``now``, off the GUI thread. Its reasons name days as the
        GUI's do, with a locale style of its own that shares the names already made and
        writes new ones without Qt (``LocaleDates.sibling`` and ``for_planner`` say why that
        matters to the GUI thread)."""
        dates = self.dates().for_planner(now.astimezone(self.zone).date())
        settings = replace(self.settings.plan(), dates=dates)
        cal, zone = self.calendar(), self.zone
        return self.read_on_its_own(
            lambda store: plans_by_application(store, cal, zone, now, settings, active_only=True)
        )

    def calendar_file(self) -> Callable[[], bytes]:
        """The calendar file of every plan (``calendar_of``: what ``followup export ics``
        writes, to the byte: days named with their year, as a file kept for years needs,
        not as the window names them), planned and written out by the thread that calls
        the result (1.4-1.7 s at 10,000 interviews)."""
        from followup.calendar_export import calendar_of  # noqa: PLC0415

        now, settings, cal, zone = self.now(), self.settings.plan(), self.calendar(), self.zone
        return self.read_on_its_own(lambda store: calendar_of(store, cal, zone, now, settings))

    def read_on_its_own(self, work: Callable[[Repository], T]) -> Callable[[], T]:
        """``work`` over a read-only connection of its own, opened, read and closed by the
        thread that calls the result (plans, a page's rows: off the GUI thread), with the
        cycle collector paused meanwhile (``collector``: these reads make objects in bulk)."""
        from followup.storage import Database  # noqa: PLC0415
        from followup_desktop.collector import paused_during  # noqa: PLC0415

        path = Path(self.repo.db.path).resolve()

        @paused_during
        def run() -> T:
            try:
                database = Database.read_only(path)
                try:
                    return work(Repository(database))
                finally:
                    database.close()
            except sqlite3.Error as error:  # said in words where the answer arrives
                raise DatabaseUnavailable(
                    str(path),
                    "unreachable",
                    f"The database {path} could not be read just now ({error}). "
                    "Nothing was changed.",
                ) from error

        return run

    def plan_memo(self) -> dict[int, list[PlanItem]]:
        """Round plans kept between calendar pages; dropped on any change or a new minute."""
        minute = self.now().replace(second=0, microsecond=0)
        if self._memo_minute != minute:
            self._memo = {}
            self._memo_minute = minute
        return self._memo

    def contact_names(self) -> dict[int, str]:
        """Names by contact id, kept until something changes."""
        if self._names is None:
            self._names = self.repo.contact_names()
        return self._names

    def data_version(self) -> int | None:
        """A number that changes when another program commits to the file (None when the
        file cannot be asked right now)."""
        try:
            row = self.repo.db.connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

    def others_wrote(self) -> None:
        """Another program changed the file: forget everything read and tell every view."""
        self._everything_changed()

    def _everything_changed(self) -> None:
        """Settings or records may all have changed (another program, saved settings): every
        view reads again. The running app first makes the plans for them off the GUI thread
        (0.1 s at 10,000 interviews), as when time moves; the views keep showing what they
        showed until then."""
        if not (self.replan_in_background and self._plan_cache.stage is not Stage.NONE):
            self._tell_everything()
            return
        # What the planner reads, read again now: the settings, the calendar, the names.
        self._settings, self._calendar, self._names = None, None, None
        self._pending_everything = True
        self._plan_cache.move(self.now(), self._moved)

    def _tell_everything(self, *, planned: bool = False) -> None:
        """``planned``: the plans kept were made for what is now in the file (by a move)."""
        self._plans_fresh = planned
        try:
            self.settings_changed.emit()
            self.schedule_changed.emit()
        finally:
            self._plans_fresh = False

    def forget_time(self) -> None:
        """The clock jumped (the machine slept): recompute what depends on now."""
        self._plan_cache.forget()
        self._memo = {}

    def move_time(self, then: Callable[[], object] | None = None) -> None:
        """Midnight, a deadline or a resume passed: plan again, then let every view follow
        and call ``then``. With ``replan_in_background`` (the running app) the plans are
        made on a connection of their own off the GUI thread (every active plan: 0.1 s at
        10,000 interviews); meanwhile views keep showing the plans of a moment ago."""

        self._pending_time, self._pending_then = True, then
        if self.replan_in_background and self._plan_cache.stage is not Stage.NONE:
            self._plan_cache.move(self.now(), self._moved)
        else:
            self._plan_cache.forget()
            self._moved()

    def _moved(self) -> None:
        """The latest move's plans arrived (``PlanCache.move`` answers only the latest, so
        what each move was for is kept here, not lost to a later one): tell the views."""
        everything, time_moved, then = (
            self._pending_everything,
            self._pending_time,
            self._pending_then,
        )
        self._pending_everything, self._pending_time, self._pending_then = False, False, None
        self._memo, self._memo_minute = {}, None
        if everything:
            self._tell_everything(planned=True)
        if time_moved:
            self.time_moved.emit()
        if then is not None:
            then()

    def _forget_items(self) -> None:
        """A change: plan again only the applications it touched (all when unknown)."""
        self.last_change = touched = self._changes.take()
        if touched or not self._plans_fresh:
            self._plan_cache.note_change(touched)
        if not touched:  # another program, settings, or unknown
            self.last_change = None
            self._names = None
            self._memo = {}
            return
        self._memo = {
            round_id: plan
            for round_id, plan in self._memo.items()
            if not any(i.application_id in touched for i in plan)
        }

    def _forget_settings(self) -> None:
        self._settings = None
        self._calendar = None
        self._changes.take()
        self._forget_items()

    # -- what views do ------------------------------------------------------------------

    def run(
        self, parent: QWidget | None, action: Callable[[], T], title: str = "Not saved"
    ) -> T | None:
        """Run one user action; on a domain error say why and change nothing (and, when
        another program held the database, offer to try again)."""
        while True:
            try:
                result = action()
            except Refusal as refusal:
                self.dialogs.error(parent, "Not allowed", refusal.message)
                return None
            except FollowUpError as error:
                if self.report(parent, error, title):
                    continue
                return None
            self.schedule_changed.emit()
            return result

    def attempt(self, parent: QWidget | None, action: Callable[[], object], title: str) -> bool:
        """``run`` for an action without a result: True when it was done."""

        def done() -> bool:
            action()
            return True

        return self.run(parent, done, title) is True

    def report(self, parent: QWidget | None, error: FollowUpError, title: str) -> bool:
        """Say in words what stopped an action; True when the user chose to try again.

        Busy, read-only and full are not damage: they are named as what they are, and only
        busy (which passes) offers a retry. Damage is found again on the next start, where
        the app offers the latest backup."""
        if isinstance(error, DatabaseUnavailable):
            heading = UNAVAILABLE_TITLES.get(error.reason, title)
            if error.reason == "busy":
                return self.dialogs.retry(parent, heading, str(error))
            self.dialogs.error(parent, heading, str(error))
            return False
        if isinstance(error, CorruptDatabase):
            self.dialogs.error(
                parent,
                "Database damaged",
                f"{error}\n\nQuit and start Interview Follow-Up again: it offers to restore "
                "the latest backup, keeping the damaged file beside it.",
            )
            return False
        self.dialogs.error(parent, title, str(error))
        return False

    def write(self, action: Callable[[], T]) -> T:
        """A quiet write (the draft autosave): no dialog and no change announced; any failure
        to write comes out as a domain error."""
        try:
            return action()
        except sqlite3.Error as error:
            raise self._storage_error(error) from error

    def _storage_error(self, error: sqlite3.Error) -> FollowUpError:
        """The domain's word for what SQLite reported (the storage usually says it itself)."""
        failure = getattr(self.repo.db, "failure", None)
        if callable(failure):
            named = failure(error)
            if isinstance(named, FollowUpError):
                return named
        return FollowUpError(f"The database could not be written ({error}).")

    def commit(self, action: Callable[[], T]) -> T:
        """For dialogs that show errors inline: run, announce the change, or raise."""
        result = action()
        self.schedule_changed.emit()
        return result

    def run_with_override(
        self, parent: QWidget | None, action: Callable[[Override | None], T]
    ) -> T | None:
        """Like ``run``, but an etiquette refusal may be overridden with a recorded reason."""
        while True:
            try:
                result = action(None)
            except Refusal as refusal:
                reason = self.dialogs.confirm_override(parent, refusal)
                if reason is None:
                    return None
                chosen = Override(refusal.rule, reason, self.now())
                return self.run(parent, partial(action, chosen))
            except FollowUpError as error:
                if self.report(parent, error, "Not saved"):
                    continue
                return None
            self.schedule_changed.emit()
            return result

    def save_settings_or_raise(self, values: dict[str, object]) -> None:
        """Validate every value and how they fit together (country and region), then save
        them in one transaction; on any problem raise and save nothing."""
        from followup.setting_checks import check_all  # noqa: PLC0415

        checked = check_all(self.repo.settings(), values)
        self.repo.save_settings(checked)
        self._everything_changed()
