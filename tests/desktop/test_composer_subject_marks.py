"""A finding in the e-mail's subject is marked in the subject line the way the letter's are in
the letter: drawn under its words, its advice on hover, in the context menu and in the line's
accessible description, moved with the words while typing, and selected from the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from followup.checker import Severity
from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.composer.subject_line import SubjectLine
from followup_desktop.session import Session

from .test_composer import type_text

SUBJECT = "PLEASE let me know your decision"
DECISION = (SUBJECT.index("let"), len(SUBJECT))


def composer_with_subject(qtbot: QtBot, session: Session) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.resize(1000, 700)
    composer.show()
    composer.subject.setText(SUBJECT)
    composer.run_check()
    return composer


def point_at(line: SubjectLine, position: int) -> QPoint:
    """A point in the line over the character at ``position``."""
    middle = line.height() // 2
    for x in range(line.width()):
        if line.cursorPositionAt(QPoint(x, middle)) == position + 1:
            return QPoint(x - 2, middle)
    raise AssertionError(f"no point over character {position}")


def test_a_subject_finding_is_drawn_under_its_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = composer_with_subject(qtbot, session)
    line = composer.subject
    assert (*DECISION, Severity.ERROR) in line.marks()
    assert (0, len("PLEASE"), Severity.WARNING) in line.marks()
    marked = line.grab().toImage()
    line.set_findings([])
    plain = line.grab().toImage()
    left, right = point_at(line, DECISION[0]).x(), point_at(line, DECISION[1] - 1).x()
    changed = columns_that_differ(marked, plain)
    assert changed, "the marks are drawn"
    assert any(left <= x <= right for x in changed)  # under the words the finding is about


def columns_that_differ(one: QImage, other: QImage) -> set[int]:
    return {
        x
        for x in range(min(one.width(), other.width()))
        for y in range(min(one.height(), other.height()))
        if one.pixel(x, y) != other.pixel(x, y)
    }


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_hovering_the_words_shows_the_advice_and_it_is_read_out(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = composer_with_subject(qtbot, session)
    line = composer.subject
    advice = next(f.message for f in composer.subject_findings if f.rule == "asks-for-decision")
    where = point_at(line, DECISION[0] + 3)
    hover = QHelpEvent(QEvent.Type.ToolTip, where, line.mapToGlobal(where))
    QApplication.sendEvent(line, hover)
    assert QToolTip.text() == advice
    assert f"Fix: {advice}" in line.accessibleDescription()
    assert "Consider:" in line.accessibleDescription()  # the capitals, too
    QToolTip.hideText()


def test_the_context_menu_gives_the_advice_first_and_selects_the_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = composer_with_subject(qtbot, session)
    menu = composer.subject.context_menu(DECISION[0] + 2)
    advice, select = menu.actions()[:2]
    assert advice.text().startswith("Fix: This asks for a decision") and not advice.isEnabled()
    select.trigger()
    assert composer.subject.selectedText() == "let me know your decision"


def test_typing_moves_the_marks_with_the_words_and_the_check_places_them_again(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = composer_with_subject(qtbot, session)
    line = composer.subject
    line.setFocus()
    line.setCursorPosition(0)
    type_text(line, "Hi ")
    moved = (DECISION[0] + 3, DECISION[1] + 3, Severity.ERROR)
    assert moved in line.marks()  # at once, before the check runs again
    composer.run_check()
    assert moved in line.marks()
    line.clear()
    composer.run_check()
    assert line.marks() == []  # nothing left to mark (the empty subject is listed, unmarked)


def test_choosing_a_subject_finding_in_the_list_selects_its_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = composer_with_subject(qtbot, session)
    row = next(
        i
        for i in range(composer.model.rowCount())
        if composer.model.chosen(i)[1] and composer.model.chosen(i)[0].rule == "asks-for-decision"
    )
    rect = composer.findings_view.visualRect(composer.model.index(row))
    qtbot.mouseClick(
        composer.findings_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert composer.subject.selectedText() == "let me know your decision"
    assert composer.subject.hasFocus() or QApplication.focusWidget() is None  # offscreen


def test_by_post_there_is_no_subject_and_nothing_is_marked(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = composer_with_subject(qtbot, session)
    composer.channel_box.setCurrentIndex(1)
    assert composer.subject.marks() == [] and composer.subject.accessibleDescription() == ""


def test_a_word_being_composed_with_an_input_method_is_not_interrupted(qtbot: QtBot) -> None:
    """Marks arrive while an input method has text in progress (a check after a pause): they
    wait until it is done, rather than replace the text being composed."""
    from followup.checker import Finding

    line = SubjectLine()
    qtbot.addWidget(line)
    line.resize(400, 30)
    line.show()
    line.setText("Thank you ")
    line.setFocus()
    finding = Finding("informal", Severity.WARNING, 0, 5, "Hmm.")
    QApplication.sendEvent(line, QInputMethodEvent("かな", []))  # composing, not yet typed
    composing = line.grab().toImage()
    line.set_findings([finding])
    assert line.grab().toImage() == composing  # the text in progress is still there, unmarked
    QApplication.sendEvent(line, commit("かな"))
    assert line.text() == "Thank you かな"
    assert (0, 5, Severity.WARNING) in line.marks()
    assert line.grab().toImage() != composing


def commit(text: str) -> QInputMethodEvent:
    event = QInputMethodEvent()
    event.setCommitString(text)
    return event
