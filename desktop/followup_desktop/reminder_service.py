"""One timer, armed for the next moment anything changes by itself; no polling.

That moment is the earliest of the next reminder, the next time a plan item opens, becomes
due or passes its deadline, and local midnight (``followup.timeline``). When the timer fires
at one of the latter, or the system says it resumed, the session tells every view that time
moved (Today's date and states, the calendar's today, the tray) and what is due is delivered.
A reminder's moment alone changes no plan: it is delivered without planning again (a full
replan is 0.1 s of work at 10,000 interviews, on a thread that shares the interpreter with the
GUI, and every view then reloads).

The timer counts awake time, so after the computer slept it may fire late: the wall clock is
compared with what is due, and everything missed is delivered once (collapsed to one per
item) and recorded in the database. Without a resume signal the timer still wakes at least
hourly, so a long sleep is noticed within the hour.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta

from PySide6.QtCore import SLOT, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection

from followup.errors import DatabaseUnavailable, FollowUpError
from followup.reminders import Reminder, due_now, next_time, snooze_until
from followup.system_zone import reread as reread_system_zone
from followup_desktop.notifications import Notifier
from followup_desktop.plan_moments import PlanMoments
from followup_desktop.session import Session

LONGEST_WAIT = timedelta(hours=1)  # awake time; after a sleep the wall clock has moved on
RETRY_AFTER = timedelta(minutes=5)  # the database could not be read: tried again this soon


class ReminderService(QObject):
    """Signals: ``reminders_shown(list[Reminder])`` after reminders were delivered."""

    reminders_shown = Signal(list)

    def __init__(
        self, session: Session, notifier: Notifier, *, listen_for_resume: bool = True
    ) -> None:
        super().__init__()
        self.session = session
        self.notifier = notifier
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.on_timer)
        self.next_at: datetime | None = None  # the next reminder
        self.wake_at: datetime | None = None  # when the timer fires (next_at or sooner)
        # The moment the kept plans are for, and the next one after it at which a state or
        # the day changes: between them the plans hold.
        self.planned_for: datetime | None = None
        self.changes_at: datetime | None = None
        self._moving = False  # a move's plans are on their way: it checks and re-arms
        self.told_failure = False  # a database that cannot be read is said once a session
        self.kept = PlanMoments()
        # (A change of settings is always followed by schedule_changed: re-armed once, on
        # the plans made for the new settings, not also on the old ones planned again.)
        session.schedule_changed.connect(self.rearm)
        if listen_for_resume:
            self.listen_for_resume()

    def _reminders(self) -> list[Reminder]:
        """Every reminder of every plan, in no particular order."""
        session = self.session
        return self.kept.reminders(
            session.plans(),
            session.calendar(),
            session.zone,
            session.settings.reminders(),
            session.dates(),
        )

    def rearm(self) -> None:
        now = self.session.now()
        settings = self.session.settings.reminders()
        try:
            self.next_at = next_time(
                self._reminders(), self.session.repo.deliveries(), now, settings, self.session.zone
            )
        except FollowUpError as error:  # not read now: tried again soon, never left unarmed
            self._failed(error)
            self.next_at = None
            self.wake_at = now + RETRY_AFTER
            self.timer.start(int(RETRY_AFTER.total_seconds() * 1000))
            return
        # The plans are for the moment they were made (a move's plans arrive after it, and a
        # change plans its application for now, the others staying as they were): what
        # changes by itself is counted from there, and if it has come by now, or the clock
        # went back, they are planned again at once.
        plans = self.session.plans()
        each, whole = self.session.plans_made_for()
        # The whole set's moment, not the earliest plan's: a day begun since it was made is a
        # move (what follows time moving, as yesterday's banner, goes), plans or none.
        self.planned_for = made = whole or now
        self.changes_at = self.kept.next_change(plans, each, made, self.session.zone)
        if not self._plans_hold(now) and not self._moving:
            self.wake_at = now
            self.timer.start(0)
            return
        self.wake_at = self.changes_at
        if self.next_at is not None:
            self.wake_at = min(self.wake_at, self.next_at)
        delay = min(max(self.wake_at - now, timedelta(0)), LONGEST_WAIT)
        self.timer.start(int(delay.total_seconds() * 1000))

    def on_timer(self) -> None:
        """Time moved on (midnight, a deadline, a reminder, or a late wake after sleep):
        reminders are checked once the plans follow (off the GUI thread in the app). The
        system's zone is asked again too: it may have changed (at least hourly, then). Woken
        for a reminder alone, while the plans still hold, it is delivered on them."""
        if self._moving:  # the move under way checks and re-arms when its plans arrive
            return
        zone = self.session.zone
        reread_system_zone()
        if self._plans_hold(self.session.now()) and self.session.zone == zone:
            self.check()
            return
        self._move()

    @property
    def moving(self) -> bool:
        """Time is moving: the plans for now are being made (off the GUI thread in the
        app); their arrival checks the reminders and re-arms."""
        return self._moving

    def _plans_hold(self, now: datetime) -> bool:
        """The kept plans are the plans for ``now``: no state changed and no day began since
        the moment they were made for, and the clock is not before it."""
        made, changes = self.planned_for, self.changes_at
        return made is not None and changes is not None and made <= now < changes

    def _move(self) -> None:
        """Plan everything again for now (off the GUI thread in the app), then check."""

        def moved() -> None:
            self._moving = False
            self.check()

        self._moving = True
        try:
            self.session.move_time(then=moved)
        except BaseException:  # never left waiting for plans that are not coming
            self._moving = False
            raise

    def check(self) -> list[Reminder]:
        """Deliver what is due by the wall clock now; record it; re-arm."""
        now = self.session.now()
        settings = self.session.settings.reminders()
        try:
            shown, keys = due_now(
                self._reminders(), self.session.repo.deliveries(), now, settings, self.session.zone
            )
        except FollowUpError as error:  # what was delivered cannot be read: shown later
            self._failed(error)
            shown, keys = [], []
        if shown:
            self.notifier.notify(shown)
            # If the database cannot record it, it is shown again later: better than never.
            with contextlib.suppress(FollowUpError):
                self.session.write(lambda: self.session.repo.mark_delivered(keys, now))
            self.reminders_shown.emit(shown)
        self.rearm()
        return shown

    def _failed(self, error: FollowUpError) -> None:
        """Said once a session, after the caller is done (a busy database is not said: it is
        another program's moment, and the retry comes soon)."""
        busy = isinstance(error, DatabaseUnavailable) and error.reason == "busy"
        if self.told_failure or busy:
            return
        self.told_failure = True
        message = (
            f"{error}\n\nReminders cannot be shown until the database can be read; the app "
            "tries again every few minutes."
        )
        QTimer.singleShot(
            0, lambda: self.session.dialogs.error(None, "Reminders not checked", message)
        )

    def snooze(self, reminders: list[Reminder], choice: str) -> None:
        now = self.session.now()
        until = snooze_until(choice, now, self.session.settings.reminders(), self.session.zone)
        keys = [r.key for r in reminders]
        self.session.attempt(
            None, lambda: self.session.repo.snooze(keys, until, now), "Not snoozed"
        )
        self.rearm()

    # -- after sleep ---------------------------------------------------------------------

    def listen_for_resume(self, bus: QDBusConnection | None = None) -> bool:
        """logind says when the machine wakes (Linux, system bus); elsewhere the late timer
        does it. True when subscribed."""
        bus = bus if bus is not None else QDBusConnection.systemBus()
        if not bus.isConnected():
            return False
        # PySide accepts the SLOT() string here; its type stubs wrongly ask for bytes.
        return bus.connect(  # type: ignore[call-overload,no-any-return]
            "",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("on_prepare_for_sleep(bool)"),
        )

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            self.on_resumed()

    def on_resumed(self) -> None:
        reread_system_zone()  # woken up elsewhere, perhaps
        self._move()
