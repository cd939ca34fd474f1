"""A dialog the window opens is let go once closed (``modal.ModalDialog``): made with the window
as its parent, it otherwise stayed, hidden, as long as the window (1.6 MiB each Settings
dialog opened; the interview forms were already let go)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session


@pytest.mark.parametrize(
    "opener",
    ["open_settings", "open_setup", "show_how_it_works", "new_application", "open_call_assistant"],
)
def test_a_dialog_opened_and_closed_again_and_again_leaves_nothing_behind(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    opener: str,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    open_it = getattr(window, opener)
    answered: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        answered.append(type(dialog).__name__)
        dialog.reject()

    for _ in range(3):
        on_next_modal(answer)
        if opener == "open_call_assistant":
            open_it(interview.id)
        else:
            open_it()
    assert len(answered) == 3  # each time a dialog opened and was answered
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChildren(QDialog) == []
