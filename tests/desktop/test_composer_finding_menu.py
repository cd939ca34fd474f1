"""The context menu on words underlined by a finding: its advice and "Select these words"
first, for users who never see the hover tooltip (keyboard, touch)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from followup.checker import Finding, Severity
from followup.model import Round
from followup_desktop.composer.editor import LetterEditor
from followup_desktop.session import Session

from .test_composer_spelling import ready

TEXT = "Thank you so much for the interview. I hope to hear from you soon."
ADVICE = "Let them decide on timing; a closing that asks for a reply reads as pressure."


def editor_with_finding(qtbot: QtBot) -> tuple[LetterEditor, int, int]:
    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText(TEXT)
    start = TEXT.index("I hope")
    end = start + len("I hope to hear from you")
    editor.set_findings([Finding("pushy-closing", Severity.WARNING, start, end, ADVICE)])
    return editor, start, end


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_the_menu_inside_a_finding_shows_its_advice_and_selects_its_words(
    qtbot: QtBot,
) -> None:
    editor, start, end = editor_with_finding(qtbot)
    menu = editor.context_menu(start + 3)
    advice, select, separator = menu.actions()[:3]
    assert not advice.isEnabled() and advice.text().startswith("Consider: Let them decide")
    assert advice.text().endswith("…") and len(advice.text()) <= 70  # long advice is cut
    assert advice.toolTip() == f"Consider: {ADVICE}"  # whole where the item is hovered
    assert select.text() == "Select these words" and select.isEnabled()
    assert separator.isSeparator()
    assert menu.actions()[3].text().startswith("&Undo")  # the standard menu follows
    select.trigger()
    cursor = editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
    assert cursor.selectedText() == "I hope to hear from you"


def test_outside_a_finding_the_menu_is_the_standard_one(qtbot: QtBot) -> None:
    editor, start, _ = editor_with_finding(qtbot)
    standard = texts(editor.createStandardContextMenu())
    assert texts(editor.context_menu(3)) == standard
    assert texts(editor.context_menu(start - 2)) == standard


@pytest.mark.qt_log_ignore(  # the offscreen platform opening a real popup menu
    "This plugin does not support raise", "This plugin does not support grabbing"
)
def test_the_keyboard_menu_is_about_the_finding_at_the_text_cursor(qtbot: QtBot) -> None:
    editor, start, _ = editor_with_finding(qtbot)
    cursor = editor.textCursor()
    cursor.setPosition(start + 1)
    editor.setTextCursor(cursor)
    shown: list[list[str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        shown.append(texts(menu))
        menu.close()

    QTimer.singleShot(0, read_and_close)
    # The Menu key (or Shift+F10): the mouse is far away, over words no finding is about.
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), editor.viewport().mapToGlobal(QPoint(2, 2))
    )
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown[0][0].startswith("Consider: Let them decide")
    assert shown[0][1] == "Select these words"


def test_a_misspelled_word_inside_a_finding_gets_both_groups(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = ready(qtbot, session)
    editor = composer.editor
    editor.setPlainText("Thank you. I hope the interveiw went well.")
    start = editor.toPlainText().index("I hope")
    end = editor.toPlainText().index(" went")
    editor.set_findings([Finding("pushy-closing", Severity.WARNING, start, end, "Short & kind.")])
    menu = editor.context_menu(editor.toPlainText().index("interveiw") + 1)
    actions = menu.actions()
    assert actions[0].text() == "Consider: Short && kind."  # an & is no mnemonic
    assert actions[1].text() == "Select these words"
    assert actions[2].isSeparator()
    spelling = [
        a.text()
        for a in actions[3 : next(i for i, a in enumerate(actions) if i > 2 and a.isSeparator())]
    ]
    assert "interview" in spelling and "Add “interveiw” to dictionary" in spelling
    next(a for a in actions if a.text() == "interview").trigger()
    assert editor.toPlainText() == "Thank you. I hope the interview went well."
