"""The daily backup and its quick check run off the GUI thread; the app keeps writing
meanwhile and nothing is lost: every write is in the file, the backup is one consistent
moment, and a failure is told."""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.errors import DatabaseUnavailable
from followup.model import Application
from followup.storage.database import Database
from followup_desktop.app import take_daily_backup
from followup_desktop.session import Session

from .conftest import NOW


def test_backup_runs_off_the_gui_thread_while_writes_go_on(
    qtbot: QtBot, session: Session, monkeypatch
) -> None:
    repo = session.repo
    for n in range(200):
        repo.add_application(Application(0, f"Before {n}", "Engineer"))
    threads: list[int] = []
    original = Database.backup

    def backup(self: Database, now, label: str = "daily") -> Path:  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return original(self, now, label)

    monkeypatch.setattr(Database, "backup", backup)
    window = QWidget()
    qtbot.addWidget(window)
    path = repo.db.path
    take_daily_backup(window, path, NOW)
    for n in range(50):  # the GUI thread goes on writing while the backup is taken
        repo.add_application(Application(0, f"During {n}", "Engineer"))
    folder = path.parent / "backups"
    qtbot.waitUntil(lambda: bool(threads) and any(folder.glob("*-daily.sqlite3")), timeout=10_000)
    qtbot.wait(50)
    assert threads and threads[0] != threading.get_ident()
    [copy] = folder.glob("*-daily.sqlite3")
    with sqlite3.connect(copy) as backup_db:
        assert backup_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in backup_db.execute("SELECT company FROM applications")]
    assert len(names) >= 200  # one consistent moment: all of before, some or none of during
    assert {f"Before {n}" for n in range(200)} <= set(names)
    during = [n for n in names if n.startswith("During")]
    assert during == [f"During {n}" for n in range(len(during))]
    companies = {a.company for a in repo.applications()}
    assert {f"During {n}" for n in range(50)} <= companies  # nothing written was lost


def test_a_failed_backup_is_told(
    qtbot: QtBot,
    session: Session,
    tmp_path: Path,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    path = session.repo.db.path
    blocker = path.parent / "backups"
    blocker.write_text("a file where the backups folder should be", encoding="utf-8")
    told: list[str] = []

    def read(box: QWidget) -> None:
        told.append(box.windowTitle())
        box.close()

    on_next_modal(read)
    window = QWidget()
    qtbot.addWidget(window)
    take_daily_backup(window, path, NOW)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == ["Backup not made"]


def test_start_up_takes_the_daily_backup_once_it_has_settled(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    """Today first; the backup (whose reading of the backups' names would share Python's
    lock with it) once the work after Today is done."""
    from followup_desktop import app
    from followup_desktop.main_window import MainWindow

    started: list[bool] = []
    original = app.take_daily_backup

    def take(window: QWidget, path: Path, now) -> None:  # type: ignore[no-untyped-def]
        started.append(shell is not None and shell.settled)
        original(window, path, now)

    monkeypatch.setattr(app, "take_daily_backup", take)
    path = tmp_path / "start.sqlite3"
    database = Database.open(path, NOW)
    database.close()
    window = MainWindow()
    qtbot.addWidget(window)
    shell = None
    shell = app._finish_startup(window, path, app.parse_args(["--minimized"]))
    assert shell is not None
    try:
        qtbot.waitUntil(lambda: any((tmp_path / "backups").glob("*-daily.sqlite3")), timeout=10_000)
        assert started == [True]
    finally:
        window.close()
        shell.session.repo.db.close()


def test_a_reminder_check_that_fails_still_settles_the_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start's reminder check met a database it could not read: the daily backup is
    still taken and the garbage collector (off for the start, as ``main`` does) back on;
    the user is told once (before, nothing settled: no backup, no collector all session)."""
    from followup.storage.repository import Repository
    from followup_desktop import app
    from followup_desktop.main_window import MainWindow

    real = Repository.deliveries
    failures: list[int] = []

    def deliveries(self: Repository):  # type: ignore[no-untyped-def]
        if not failures:
            failures.append(1)
            raise DatabaseUnavailable(str(path), "unreachable", "The database cannot be reached.")
        return real(self)

    told: list[str] = []

    def warn(_parent: QWidget | None, title: str, *_: object) -> object:
        told.append(title)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(Repository, "deliveries", deliveries)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    path = tmp_path / "start.sqlite3"
    Database.open(path, NOW).close()
    window = MainWindow()
    qtbot.addWidget(window)
    gc.disable()  # as app.main does for the start
    shell = app._finish_startup(window, path, app.parse_args(["--minimized"]))
    assert shell is not None
    try:
        qtbot.waitUntil(lambda: any((tmp_path / "backups").glob("*-daily.sqlite3")), timeout=10_000)
        assert shell.settled and gc.isenabled()
        assert failures == [1]
        qtbot.waitUntil(lambda: bool(told))
        assert told == ["Reminders not checked"]
        assert shell.reminders.timer.isActive()
    finally:
        gc.enable()
        window.close()
        shell.session.repo.db.close()
