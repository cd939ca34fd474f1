"""Fixtures for GUI tests: a real database, a fixed clock, a session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from followup.model import Application, Contact, PostalAddress, Round
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session
from tests.conftest import copy_of_new_database

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)  # Friday after Thanksgiving, 10:00 in New York

# Dates on screen follow the user's locale (followup_desktop.locale_dates): pin one, so the
# tests read the same on every machine. Qt's C locale: "Fri, 27 Nov", a 24-hour clock.
QLocale.setDefault(QLocale.c())


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="session")
def template_gui_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database with a US user in New York, created once (see ``session``)."""
    return copy_of_new_database(
        tmp_path_factory,
        {
            "calendar.country": "US",
            "calendar.timezone": "America/New_York",
            "profile.name": "Sam Lee",
        },
    )


@pytest.fixture
def session(tmp_path: Path, clock: FixedClock, template_gui_database: Path) -> Iterator[Session]:
    """A session on the test's own copy of that database."""
    path = tmp_path / "gui.sqlite3"
    shutil.copyfile(template_gui_database, path)
    database = Database.open(path, NOW)
    made = Session(Repository(database), clock)
    yield made
    # Its Edit → Undo steps go now, while it lives: left to a later test's garbage collection,
    # Qt's undo stack deleted steps whose Python halves were already gone (a crash there).
    if shiboken6.isValid(made):  # (a test may delete it itself)
        made.undo_stack.clear()
    database.close()


@pytest.fixture
def interview(session: Session) -> Round:
    """An on-site interview on Wednesday before Thanksgiving with two interviewers."""
    repo = session.repo
    app = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    dana = repo.add_contact(
        Contact(
            0,
            "Dana Müller",
            "CTO",
            "Acme",
            "dana@acme.example",
            address=PostalAddress(("Acme Inc.", "1 Main St")),
        )
    )
    lee = repo.add_contact(Contact(0, "Lee Park", "Engineer", "Acme"))
    return repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=NY),
            datetime(2026, 11, 25, 11, tzinfo=NY),
            "America/New_York",
            interviewer_ids=(dana.id, lee.id),
            topics=("event sourcing",),
            strengths=("scaled the billing service",),
        )
    )


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """The system as if it had no keyring at all: no test touches the real one in-process
    (the real Secret Service is tested in subprocesses, in test_credentials.py)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def on_next_modal() -> Callable[[Callable[[QWidget], None]], None]:
    """Act on the next modal dialog as soon as it opens (a real dialog, answered by a test)."""

    def schedule(act: Callable[[QWidget], None]) -> None:
        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                QTimer.singleShot(10, poll)
                return
            act(modal)

        QTimer.singleShot(0, poll)

    return schedule


@pytest.fixture
def read_next_message(
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> Callable[[list[str]], None]:
    """Read the next message box into ``said`` as "Title: text" and close it with OK."""

    def arm(said: list[str]) -> None:
        def read(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            said.append(f"{box.windowTitle()}: {box.text()}")
            box.accept()

        on_next_modal(read)

    return arm


@pytest.fixture(autouse=True)
def _nothing_left_running(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What a test's shells started stops when the test ends: the reminder services' timers
    stop and the windows hide (their watch for other programs' writes stops with them).
    Left running, a reminder timer of a test long gone fired during a later, slow test, on
    a database its own test had closed: that test failed (seen once in CI, on a slow day)."""
    from followup_desktop.reminder_service import ReminderService
    from followup_desktop.shell import Shell

    started: list[ReminderService | Shell] = []
    for kind in (ReminderService, Shell):
        monkeypatch.setattr(kind, "__init__", _recorded(kind.__init__, started))
    yield
    for thing in started:
        if not shiboken6.isValid(thing):
            continue
        if isinstance(thing, ReminderService):
            thing.timer.stop()
        elif shiboken6.isValid(thing.window):
            thing.window.hide()


@pytest.fixture(autouse=True)
def _no_tidying_in_later_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window away (hidden, minimised, or not the active one, as an offscreen window never
    is) has every object collected once after ``COMPACT_AFTER_MS``: not in tests, where the
    window of a test long gone did it in the middle of a later one, which then met what
    earlier tests had left to the collector (D-Bus sockets of shells never quit). The tests
    of that tidy-up set their own wait."""
    from followup_desktop import main_window

    monkeypatch.setattr(main_window, "COMPACT_AFTER_MS", 24 * 3600 * 1000)


def _recorded(init: Callable[..., None], into: list[Any]) -> Callable[..., None]:
    def recording(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        into.append(self)

    return recording


@pytest.fixture(autouse=True)
def _fresh_view_state() -> Iterator[None]:
    """QSettings (window geometry, last page, splitters) start empty in every test: what a
    test kept and had not yet written (``deferred_settings.keep``) is written first, then
    cleared, never written into a later test."""
    from PySide6.QtCore import QSettings

    from followup_desktop.deferred_settings import write_kept

    write_kept()
    QSettings().clear()
    yield
    write_kept()
    QSettings().clear()


@pytest.fixture
def app_style_sheet() -> Iterator[str]:
    """The app's own style sheet, applied as ``main`` applies it (and removed afterwards)."""
    from followup_desktop.app import stylesheet

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet = stylesheet()
    app.setStyleSheet(sheet)
    yield sheet
    app.setStyleSheet("")
