"""File ▸ Export calendar: a file private to its owner, written whole; a place that cannot
be written is said in a dialog, never a traceback on the terminal."""

from __future__ import annotations

import os
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
    finally:
        os.umask(previous)
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
    assert said == [f"Not exported: The folder {tmp_path / 'gone'} does not exist."]
    assert not (tmp_path / "gone").exists()
