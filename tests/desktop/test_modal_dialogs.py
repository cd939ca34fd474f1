"""A dialog the window opens is let go once closed (``modal.ModalDialog``): made with the window
as its parent, it otherwise stayed, hidden, as long as the window (1.6 MiB each Settings
dialog opened; the interview forms were already let go)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session


def _close_when_open() -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        QTimer.singleShot(10, _close_when_open)


def _open_and_close(open_it: Callable[[], object]) -> None:
    QTimer.singleShot(10, _close_when_open)
    open_it()


@pytest.mark.parametrize(
    "opener",
    ["open_settings", "open_setup", "show_how_it_works", "new_application", "open_call_assistant"],
)
def test_a_dialog_opened_and_closed_again_and_again_leaves_nothing_behind(
    qtbot: QtBot, session: Session, interview: Round, opener: str
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    open_it = getattr(window, opener)
    for _ in range(3):
        if opener == "open_call_assistant":
            _open_and_close(lambda: open_it(interview.id))
        else:
            _open_and_close(open_it)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChildren(QDialog) == []
