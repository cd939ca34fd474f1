"""File ▸ Export calendar: a file private to its owner, written whole, on a thread of its own
(reading every round froze the window 0.3 s at 10,000 interviews); a place that cannot be
written is said in a dialog, never a traceback on the terminal."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Application, Round, Status
from followup_desktop import view_state
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session

from ..cli.runner import ok
from .conftest import NOW


def window_saving_to(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch, target: Path
) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    monkeypatch.setattr(view_state, "save_path", lambda *args: target)  # the user's choice
    return window


def test_the_calendar_is_written_private_and_whole(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "exports" / "interviews.ics"
    target.parent.mkdir()
    target.write_text("an older export")
    window = window_saving_to(qtbot, session, monkeypatch, target)
    previous = os.umask(0o022)
    try:
        window.export_ics()
        assert window.statusBar().currentMessage().startswith("Exporting to ")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported to"))
    finally:
        os.umask(previous)
    assert window.statusBar().currentMessage() == f"Exported to {target}"
    assert target.read_text().startswith("BEGIN:VCALENDAR")
    assert "Dana Müller" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["interviews.ics"]  # nothing partial


def test_a_folder_that_does_not_exist_is_said_in_a_dialog(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    read_next_message: Callable[[list[str]], None],
) -> None:
    window = window_saving_to(qtbot, session, monkeypatch, tmp_path / "gone" / "cal.ics")
    said: list[str] = []

    read_next_message(said)
    window.export_ics()
    assert not window.actions_by_name["export_ics"].isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: bool(said))
    assert said == [f"Not exported: The folder {tmp_path / 'gone'} does not exist."]
    assert not (tmp_path / "gone").exists()
    assert window.statusBar().currentMessage() == ""  # no longer "Exporting to …"
    assert window.actions_by_name["export_ics"].isEnabled()


def test_the_rounds_are_read_and_the_file_written_off_the_gui_thread(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from followup import ics

    target = tmp_path / "cal.ics"
    window = window_saving_to(qtbot, session, monkeypatch, target)
    made = ics.to_ics
    threads: list[threading.Thread] = []

    def making(*args: object, **kwargs: object) -> bytes:
        threads.append(threading.current_thread())
        return made(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ics, "to_ics", making)
    window.export_ics()
    qtbot.waitUntil(target.exists)
    assert threads and threads[0] is not threading.main_thread()
    qtbot.waitUntil(window.actions_by_name["export_ics"].isEnabled)
    assert "BEGIN:VEVENT" in target.read_text()


def test_a_bug_while_exporting_is_a_traceback_not_a_dialog(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Only what stops a file being written (a folder, a full disk) is said to the user as
    "Not exported"; a fault of the app's own is not passed off as one."""
    from followup import ics

    window = window_saving_to(qtbot, session, monkeypatch, tmp_path / "cal.ics")
    said: list[str] = []
    monkeypatch.setattr(session.dialogs, "error", lambda *args: said.append(str(args)))

    def broken(*_args: object) -> bytes:
        raise TypeError("a bug")

    monkeypatch.setattr(ics, "to_ics", broken)
    with qtbot.captureExceptions() as raised:
        window.export_ics()
        qtbot.waitUntil(lambda: bool(raised), timeout=5000)
    assert [type(error).__name__ for _kind, error, _tb in raised] == ["TypeError"]
    assert said == []
    assert window.actions_by_name["export_ics"].isEnabled()
    assert not (tmp_path / "cal.ics").exists()


def test_a_database_that_cannot_be_read_just_now_is_said_in_a_dialog(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    read_next_message: Callable[[list[str]], None],
) -> None:
    """SQLite's own error on the export's connection (the file moved, an I/O error) is said
    in words, as any other reason the file was not written."""
    import sqlite3

    from followup.storage import Database

    def refused(_path: Path) -> Database:
        raise sqlite3.OperationalError("disk I/O error")

    window = window_saving_to(qtbot, session, monkeypatch, tmp_path / "cal.ics")
    monkeypatch.setattr(Database, "read_only", refused)
    said: list[str] = []
    read_next_message(said)
    window.export_ics()
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].startswith("Not exported: The database ")
    assert "could not be read just now (disk I/O error)" in said[0]
    assert window.actions_by_name["export_ics"].isEnabled()
    assert not (tmp_path / "cal.ics").exists()


def uids(calendar: str) -> set[str]:
    return {line for line in calendar.splitlines() if line.startswith("UID:")}


def test_the_window_writes_what_the_command_line_writes_closed_applications_too(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A closed application's interview and letter are history a calendar keeps: the window
    wrote only active applications' (3,572 events of 27,944 at 10,000 interviews), and
    named days as it shows them, this year's without their year."""
    session.repo.set_status(interview.application_id, Status.CLOSED, "no answer")
    session.repo.add_application(Application(0, "Globex", "Analyst", applied_on=NOW.date()))
    session.schedule_changed.emit()
    target = tmp_path / "window.ics"
    window = window_saving_to(qtbot, session, monkeypatch, target)
    window.export_ics()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported to"))
    ok(session.repo.db.path, "export", "ics", str(tmp_path / "cli.ics"))
    written = target.read_text()
    assert uids(written) == uids((tmp_path / "cli.ics").read_text())
    # To the byte: days named with their year (the window's own style left it out).
    assert target.read_bytes() == (tmp_path / "cli.ics").read_bytes()
    assert f"UID:round-{interview.id}-interview@" in "".join(uids(written))
