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

from followup.model import Round
from followup_desktop import view_state
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session


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
    qtbot.waitUntil(lambda: bool(said))
    assert said == [f"Not exported: The folder {tmp_path / 'gone'} does not exist."]
    assert not (tmp_path / "gone").exists()


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
    assert "BEGIN:VEVENT" in target.read_text()
