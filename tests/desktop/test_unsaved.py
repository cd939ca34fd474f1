"""A stray Escape or Cancel does not throw away what was typed in a form: it asks first.
Found by the hostile sweep: the interview's notes, typed for minutes, went with one Escape."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.interviews.dialogs import ApplicationDialog, RoundDialog
from followup_desktop.session import Session

Answer = Callable[[Callable[[QWidget], None]], None]


def press(button_text: str, seen: list[str]) -> Callable[[QWidget], None]:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    return answer


def escape(widget: QWidget) -> None:
    widget.setFocus()
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, Qt.Key.Key_Escape)


def test_escape_after_typing_notes_asks_and_keeps_them(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Answer
) -> None:
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    dialog.topics.setPlainText("their move to event sourcing\nhow on-call works")
    seen: list[str] = []
    on_next_modal(press("Keep editing", seen))
    escape(dialog.topics)
    assert seen == ["Close without saving your changes?"]
    assert dialog.isVisible() and "event sourcing" in dialog.topics.toPlainText()
    on_next_modal(press("Discard", seen))
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert len(seen) == 2 and not dialog.isVisible()
    assert len(session.repo.rounds()) == 1  # nothing written


def test_an_untouched_form_just_closes_and_a_typed_one_asks(
    qtbot: QtBot, session: Session, on_next_modal: Answer
) -> None:
    untouched = ApplicationDialog(session)
    qtbot.addWidget(untouched)
    untouched.show()
    escape(untouched.company)
    assert not untouched.isVisible(), "nothing typed: nothing to ask"
    typed = ApplicationDialog(session)
    qtbot.addWidget(typed)
    typed.show()
    typed.company.setText("Acme")
    seen: list[str] = []
    on_next_modal(press("Keep editing", seen))
    typed.buttons.button(typed.buttons.StandardButton.Cancel).click()
    assert seen and typed.isVisible() and typed.company.text() == "Acme"


def test_a_program_closing_the_form_does_not_ask(qtbot: QtBot, session: Session) -> None:
    """The app quitting (or a test's teardown) closes dialogs without a question."""
    dialog = ApplicationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setText("Acme")
    dialog.close()
    assert not dialog.isVisible()
