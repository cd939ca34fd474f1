"""Closing the window: where there is a tray it is said once that the app keeps running;
where there is none, the window says plainly that reminders stop when it is closed."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup.reminders import Reminder
from followup_desktop.close_notes import NO_TRAY_KEY, TRAY_KEY, explain_close_to_tray
from followup_desktop.session import Session
from followup_desktop.shell import Shell


class Recorder:
    def notify(self, reminders: list[Reminder]) -> bool:
        return True


def test_without_a_tray_the_window_says_reminders_stop_until_understood(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    shell = Shell(session, notifier=Recorder())  # offscreen: no tray
    qtbot.addWidget(shell.window)
    shell.window.show()
    note = shell.no_tray_note
    assert note is not None and note.isVisible()
    assert "reminders stop when you close this window" in note.text.text()
    assert shell.keeps_running() is False
    note.ok.click()
    assert not note.isVisible()
    assert QSettings().value(NO_TRAY_KEY, False, type=bool) is True
    again = Shell(session, notifier=Recorder())  # the next start: said once is enough
    qtbot.addWidget(again.window)
    again.window.show()
    assert again.no_tray_note is not None and not again.no_tray_note.isVisible()


def test_the_first_close_to_the_tray_is_explained_once(qtbot: QtBot) -> None:
    icon = QSystemTrayIcon()
    messages: list[str] = []
    icon.showMessage = lambda title, *rest: messages.append(title)  # type: ignore[method-assign,assignment]
    assert explain_close_to_tray(icon) is True
    assert messages == ["Interview Follow-Up is still running"]
    assert QSettings().value(TRAY_KEY, False, type=bool) is True
    assert explain_close_to_tray(icon) is False
    assert messages == ["Interview Follow-Up is still running"]
