"""The Settings dialog refuses morning reminders at or after the end of the working day
beside the morning's field, in words naming both, and saves nothing; such a pair already
stored does not stop the app: it starts, uses the default morning and its banner says so."""

from __future__ import annotations

import sqlite3
from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QTimeEdit
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.session import Session
from followup_desktop.settings_dialog import SettingsDialog

from .test_bad_stored_values import started


def clock(dialog: SettingsDialog, key: str) -> QTimeEdit:
    editor = dialog.editors[key]
    assert isinstance(editor, QTimeEdit)
    return editor


def test_a_morning_after_the_working_day_is_refused_beside_it_and_nothing_is_saved(
    qtbot: QtBot, session: Session
) -> None:
    """Failed before: saved, and the letter's 'due today' reminder came after its deadline."""
    before = session.repo.settings()
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    clock(dialog, "calendar.end_of_day").setTime(QTime(16, 0))
    clock(dialog, "reminders.morning").setTime(QTime(16, 30))
    dialog.accept()
    problems = dialog.problems()
    assert set(problems) == {"reminders.morning"}
    why = problems["reminders.morning"]
    assert why.startswith("Morning reminders at 16:30 would come at or after the end of")
    assert "end of the working day (16:00)" in why
    assert "reminders." not in why and "calendar." not in why  # words, not keys
    assert dialog.isVisible() and session.repo.settings() == before
    # Quiet hours that hold the morning until after the day ends: refused the same way.
    clock(dialog, "reminders.morning").setTime(QTime(7, 0))
    clock(dialog, "reminders.quiet_start").setTime(QTime(6, 0))
    clock(dialog, "reminders.quiet_end").setTime(QTime(16, 30))
    dialog.accept()
    assert "fall in quiet hours (06:00 to 16:30)" in dialog.problems()["reminders.morning"]
    assert dialog.isVisible() and session.repo.settings() == before
    clock(dialog, "reminders.quiet_end").setTime(QTime(8, 0))  # held until 08:00: in time
    with qtbot.waitSignal(session.settings_changed):
        dialog.accept()
    stored = session.repo.settings()
    assert (stored["reminders.morning"], stored["calendar.end_of_day"]) == ("07:00", "16:00")


def test_such_a_pair_already_stored_does_not_stop_the_start(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path
) -> None:
    with sqlite3.connect(tmp_path / "gui.sqlite3") as raw:
        raw.executemany(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [("reminders.morning", '"18:00"'), ("calendar.end_of_day", '"17:30"')],
        )
    shell = started(qtbot, session)
    banner = shell.window.stored_values
    assert banner.isVisible()
    text = banner.text.text()
    assert "“Morning reminders” in Settings (Reminders) is not used" in text
    assert "morning reminders at 18:00" in text and "(17:30)" in text
    assert session.calendar().end_of_day == time(17, 30)  # the deadline's hour is kept
    dialog = SettingsDialog(session)  # shows what is used, so saving it repairs the file
    qtbot.addWidget(dialog)
    assert clock(dialog, "reminders.morning").time() == QTime(9, 0)
