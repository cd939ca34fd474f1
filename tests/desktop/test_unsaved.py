"""A stray Escape, Cancel or click on the window's close button does not throw away what was
typed in a form or in the call assistant: it asks first. Found by the hostile sweep: the
interview's notes, typed for minutes, went with one Escape (and with the title bar's X), and
the call assistant's notes of a call just made went with Escape or X."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Round
from followup_desktop.call_assistant import CallAssistant
from followup_desktop.interviews.dialogs import ApplicationDialog, ContactDialog, RoundDialog
from followup_desktop.interviews.view import InterviewsView
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


def close_button(dialog: QWidget) -> None:
    """What the window system does when the title bar's X is clicked: a close event to the
    dialog's window, which Qt hands on to the dialog as a spontaneous one."""
    window = dialog.windowHandle()
    assert window is not None
    QApplication.sendEvent(window, QCloseEvent())


def answer_if_asked(button_text: str, seen: list[str]) -> None:
    """Answer a question if one opens next, without waiting for one that never comes: a
    question runs its own event loop, where this zero timer fires; with none, it fires at the
    caller's next ``processEvents`` and does nothing."""

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            press(button_text, seen)(box)

    QTimer.singleShot(0, check)


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


def test_the_close_button_after_typing_asks_and_keeps_them(
    qtbot: QtBot, session: Session, on_next_modal: Answer
) -> None:
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Dana Müller")
    seen: list[str] = []
    on_next_modal(press("Keep editing", seen))
    close_button(dialog)
    assert seen == ["Close without saving your changes?"]
    assert dialog.isVisible() and dialog.name.text() == "Dana Müller"
    on_next_modal(press("Discard", seen))
    close_button(dialog)
    assert len(seen) == 2 and not dialog.isVisible()
    assert session.repo.contact_names() == {}  # nothing written


def test_the_close_button_on_an_untouched_form_just_closes(qtbot: QtBot, session: Session) -> None:
    dialog = RoundDialog(session, session.repo.add_application(Application(0, "Acme", "QA")).id)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[str] = []
    answer_if_asked("Keep editing", seen)
    close_button(dialog)
    QApplication.processEvents()
    assert seen == [] and not dialog.isVisible()


def test_a_form_closed_after_save_or_by_the_program_does_not_ask(
    qtbot: QtBot, session: Session
) -> None:
    saved = ApplicationDialog(session)
    qtbot.addWidget(saved)
    saved.show()
    saved.company.setText("Acme")
    saved.role.setText("Backend Engineer")
    seen: list[str] = []
    answer_if_asked("Keep editing", seen)
    saved.buttons.button(saved.buttons.StandardButton.Save).click()
    QApplication.processEvents()
    assert seen == [] and not saved.isVisible() and saved.saved is not None
    typed = ApplicationDialog(session)
    qtbot.addWidget(typed)
    typed.show()
    typed.company.setText("Initech")
    answer_if_asked("Keep editing", seen)
    typed.close()  # as the app quitting closes its windows
    QApplication.processEvents()
    assert seen == [] and not typed.isVisible()


def test_call_notes_are_not_lost_to_escape_or_the_close_button(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Answer
) -> None:
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.notes.setPlainText("She thanked me; they decide next week.")
    seen: list[str] = []
    on_next_modal(press("Keep editing", seen))
    escape(assistant.notes)
    assert seen == ["Close without recording the call?"]
    assert assistant.isVisible() and "next week" in assistant.notes.toPlainText()
    on_next_modal(press("Keep editing", seen))
    close_button(assistant)
    assert len(seen) == 2 and assistant.isVisible()
    on_next_modal(press("Discard", seen))
    close_button(assistant)
    assert len(seen) == 3 and not assistant.isVisible()
    assert session.repo.calls(interview.id) == []  # nothing written


def test_a_call_made_without_notes_asks_and_an_untouched_assistant_just_closes(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Answer
) -> None:
    untouched = CallAssistant(session, interview)
    qtbot.addWidget(untouched)
    untouched.show()
    escape(untouched.outcome)
    assert not untouched.isVisible(), "no call made, nothing typed: nothing to ask"
    called = CallAssistant(session, interview)
    qtbot.addWidget(called)
    called.show()
    called.start.click()
    called.start.click()  # ended at once: the button is as it was, but a call was made
    seen: list[str] = []
    on_next_modal(press("Keep editing", seen))
    escape(called.outcome)
    assert seen == ["Close without recording the call?"] and called.isVisible()


def test_a_call_assistant_closed_by_the_program_does_not_ask(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    closed = CallAssistant(session, interview)
    qtbot.addWidget(closed)
    closed.show()
    closed.start.click()
    closed.notes.setPlainText("Left a message.")
    seen: list[str] = []
    answer_if_asked("Keep editing", seen)
    closed.close()
    QApplication.processEvents()
    assert seen == [] and not closed.isVisible()


def test_a_form_the_window_opened_is_deleted_once_answered(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Answer
) -> None:
    """Kept, every form opened lingered under the window until quit (with its Python half);
    ``make screenshots`` crashed while making a later dialog."""
    page = InterviewsView(session)
    qtbot.addWidget(page)
    page.select(interview)
    for _ in range(3):
        on_next_modal(lambda dialog: dialog.findChild(QDialogButtonBox).rejected.emit())
        page.edit(page.tree.currentIndex())
    qtbot.waitUntil(lambda: page.findChildren(RoundDialog) == [], timeout=1000)
