"""Making the copy of Today kept for start-up (``today_copy``): Today's face for each stretch
of the next days over which it cannot change by itself, made off the GUI thread on a
read-only connection of its own, with the same functions the live page uses.

Made once start-up has settled and again a few seconds after the data, the settings or the
time changed. The revision token is read before and after: when another program wrote in
between, nothing is kept (the next change or start makes it again)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from followup.revision import revision
from followup.settings import Settings
from followup.storage import Repository
from followup.storage.database import Database
from followup.timeline import next_change
from followup.today_plans import plans_for_today
from followup_desktop.locale_dates import LocaleDates
from followup_desktop.plan_items import after_the_week, week_rows
from followup_desktop.region import system_country
from followup_desktop.session import Session
from followup_desktop.today_copy import Stretch, keep, locale_key
from followup_desktop.today_wording import card_face, read_phones, today_face

DAYS = 8  # a week away and back: the copy still opens the window with its data
MOST_STRETCHES = 60
AFTER_A_CHANGE_MS = 3000


def make_copy(path: Path, locale: QLocale, now: datetime, country: str) -> bool:
    """Make and keep the copy; False when another program wrote meanwhile (nothing kept).
    Everything, the settings included, is read on the copy's own connection between the two
    readings of the token: the session's settings may be older than the file's (the window
    hidden in the tray does not watch for other programs' writes)."""
    database = Database.read_only(path)
    try:
        token = revision(database.connection)
        if token is None:
            return False
        repo = Repository(database)
        stored = Settings.from_stored(repo.settings(), repo.unreadable_settings())
        zone, cal, settings = stored.zone(), stored.calendar(country), stored.plan()
        has_applications = repo.has_applications()
        kept: list[Stretch] = []
        phones: dict[int, str] = {}
        start, limit = now, now + timedelta(days=DAYS)
        while start < limit and len(kept) < MOST_STRETCHES:
            day = start.astimezone(zone).date()
            dates = LocaleDates(day, locale)
            plans = plans_for_today(repo, cal, zone, start, replace(settings, dates=dates))
            items = [item for plan in plans.values() for item in plan]
            week, ready, folded = week_rows(items, start, zone, expanded=False)
            after = after_the_week(items, start, zone)
            read_phones(repo.contact, week + after, phones)
            face = today_face(
                week,
                after,
                today=day,
                dates=dates,
                ready=ready,
                folded=folded,
                expanded=False,
                loaded=True,
                first_run=not week and not has_applications,
                cards=(
                    tuple(card_face(i, zone, dates, phones) for i in week),
                    tuple(card_face(i, zone, dates, phones) for i in after),
                ),
            )
            end = next_change(items, start, zone)
            kept.append(Stretch(start, end, face))
            start = end
        if revision(database.connection) != token:
            return False
    finally:
        database.close()
    keep(path, token, kept, locale_key(locale))
    return True


class TodayCopier(QObject):
    """Keeps the copy up to date for the running app. Signal: ``kept(bool)`` after each
    attempt (True when a copy was written)."""

    kept = Signal(bool)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AFTER_A_CHANGE_MS)
        self._timer.timeout.connect(self.make_now)
        self._running = False
        self._again = False
        for signal in (session.schedule_changed, session.settings_changed, session.time_moved):
            signal.connect(self._timer.start)

    @property
    def busy(self) -> bool:
        """Making a copy now (a change waiting for its copy is not counted)."""
        return self._running

    def make_now(self) -> None:
        """Make the copy off the GUI thread (once more after, if asked meanwhile)."""
        from followup_desktop.background import run_in_background  # noqa: PLC0415

        self._timer.stop()
        if self._running:
            self._again = True
            return
        try:
            path = Path(self.session.repo.db.path).resolve()
        except OSError:
            return  # the file cannot be looked at now: no copy (start-up plans as before)
        locale, now, country = QLocale(), self.session.now(), system_country()
        self._running = True
        run_in_background(lambda: make_copy(path, locale, now, country), self._done, self._failed)

    def _done(self, written: bool) -> None:
        self._running = False
        self.kept.emit(bool(written))
        if self._again:
            self._again = False
            self.make_now()

    def _failed(self, _error: BaseException) -> None:
        self._done(False)  # a cache: start-up plans as before
