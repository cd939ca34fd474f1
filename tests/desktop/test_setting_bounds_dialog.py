"""The Settings dialog refuses an end of the working day at 00:00 and quiet hours covering the
whole day beside their fields, writing nothing; the same values already stored do not stop
the app: it starts and its banner names them."""

from __future__ import annotations

import sqlite3
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


def test_nonsense_times_are_refused_beside_their_fields_and_nothing_is_saved(
    qtbot: QtBot, session: Session
) -> None:
    """Found by the hostile sweep: both were saved. Failed before: no problem was shown."""
    before = session.repo.settings()
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    clock(dialog, "calendar.end_of_day").setTime(QTime(0, 0))
    clock(dialog, "reminders.quiet_start").setTime(QTime(0, 0))
    clock(dialog, "reminders.quiet_end").setTime(QTime(23, 59))
    dialog.accept()
    problems = dialog.problems()
    assert set(problems) == {"calendar.end_of_day"}  # each value first, then how they fit
    assert "every letter would be due a day early" in problems["calendar.end_of_day"]
    assert "calendar." not in problems["calendar.end_of_day"]  # words, not keys
    assert dialog.isVisible() and session.repo.settings() == before
    clock(dialog, "calendar.end_of_day").setTime(QTime(17, 30))
    dialog.accept()
    problems = dialog.problems()
    assert set(problems) == {"reminders.quiet_end"}
    assert problems["reminders.quiet_end"].startswith("Quiet hours from 00:00 to 23:59 leave")
    assert dialog.isVisible() and session.repo.settings() == before
    clock(dialog, "reminders.quiet_end").setTime(QTime(7, 0))
    with qtbot.waitSignal(session.settings_changed):
        dialog.accept()
    stored = session.repo.settings()
    assert stored["calendar.end_of_day"] == "17:30"
    assert (stored["reminders.quiet_start"], stored["reminders.quiet_end"]) == ("00:00", "07:00")


def test_such_values_already_stored_do_not_stop_the_start(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path
) -> None:
    """Written by another program: the app starts, uses the defaults and says which."""
    with sqlite3.connect(tmp_path / "gui.sqlite3") as raw:
        raw.executemany(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [
                ("calendar.end_of_day", '"00:00"'),
                ("reminders.quiet_start", '"00:00"'),
                ("reminders.quiet_end", '"23:59"'),
            ],
        )
    shell = started(qtbot, session)
    banner = shell.window.stored_values
    assert banner.isVisible()
    text = banner.text.text()
    assert "“End of the working day” in Settings (Business calendar)" in text
    assert "“Quiet hours begin” in Settings (Reminders)" in text
    assert "leave only 1 minute a day" in text
    assert session.calendar().end_of_day == QTime(17, 0).toPython()
    dialog = SettingsDialog(session)  # shows what is used, so saving it repairs the file
    qtbot.addWidget(dialog)
    assert clock(dialog, "calendar.end_of_day").time() == QTime(17, 0)
    assert clock(dialog, "reminders.quiet_start").time() == QTime(21, 0)
