"""The keyboard shortcuts a user reaches for: every action's own, and Undo and Redo with every
key the platform binds to them (set without PySide's ``Qt`` namespace, before Today paints)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from followup_desktop.actions import ACTIONS
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session

EXPECTED = {
    "show_today": "Ctrl+1",
    "show_interviews": "Ctrl+2",
    "show_calendar": "Ctrl+3",
    "show_letters": "Ctrl+4",
    "new_application": "Ctrl+N",
    "settings": "Ctrl+,",
    "quit": "Ctrl+Q",
    "how_it_works": "F1",
}


def test_every_action_has_its_keys(qtbot: QtBot, session: Session) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    given = {
        name: [keys.toString(QKeySequence.SequenceFormat.PortableText) for keys in a.shortcuts()]
        for name, a in window.actions_by_name.items()
        if a.shortcuts()
    }
    assert given == {name: [keys] for name, keys in EXPECTED.items()}
    assert {spec.name for spec in ACTIONS if spec.shortcut} == set(EXPECTED)


def test_undo_and_redo_take_every_key_the_platform_binds(qtbot: QtBot, session: Session) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    edit = window.edit_undo
    assert edit.undo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert edit.redo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert len(edit.redo.shortcuts()) > 1, "Redo has more than one binding here"
