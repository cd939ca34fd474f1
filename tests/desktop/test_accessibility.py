"""Every interactive widget has a name a screen reader can announce."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from followup.checker import Finding, Severity
from followup.model import Call, Channel, Letter, Round
from followup.unreadable import Unreadable
from followup_desktop.call_assistant import CallAssistant
from followup_desktop.close_notes import NoTrayNote
from followup_desktop.composer.gate import FindingsGate
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.first_run import FirstRunDialog
from followup_desktop.help import HowItWorks
from followup_desktop.inquiry_dialog import InquiryDialog
from followup_desktop.interviews.dialogs import ApplicationDialog, ContactDialog, RoundDialog
from followup_desktop.main_window import PAGES, MainWindow
from followup_desktop.session import Session
from followup_desktop.settings_dialog import SettingsDialog
from followup_desktop.stored_records import RecordFixDialog, StoredRecordsDialog

from .conftest import NOW, NY

_FINDING = Finding("asks-for-decision", Severity.ERROR, 0, 25, "Do not ask for a decision.")

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSpinBox,
)


def inside(widget: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue  # a header is part of its view, and speaks the model's column names
        if widget.isHidden():  # explicitly hidden; widgets on other tabs are still checked
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (spin box editors, …)
            continue
        if inside(widget, (QComboBox, QAbstractSpinBox)):
            continue  # a combo's popup list, a spin box's editor: the outer widget is named
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_page_names_its_controls(qtbot: QtBot, session: Session, interview: Round) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    for name, _title in PAGES:
        window.show_page(name)
        assert unnamed(window.page(name)) == [], name


def _unreadable_letter(interview: Round) -> Unreadable:
    letter = Letter(7, interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    reason = "the channel “pigeon” cannot be read"
    return Unreadable("letter", 7, "", (reason,), letter, (("channel", reason),), ("channel",))


def _unreadable_call(interview: Round) -> Unreadable:
    call = Call(8, interview.id, NOW, "ok")
    reason = "the outcome contains a control character (U+001B)"
    return Unreadable("call", 8, "", (reason,), call, (("outcome", reason),))


def test_every_dialog_names_its_controls(qtbot: QtBot, session: Session, interview: Round) -> None:
    app = session.repo.application(interview.application_id)
    dialogs = [
        ApplicationDialog(session, app),
        RoundDialog(session, app.id, interview),
        ContactDialog(session),
        SettingsDialog(session),
        FirstRunDialog(session),
        CallAssistant(session, interview),
        HowItWorks(),
        FindingsGate([(_FINDING, "Let me know your decision")], "Send", NOW),
        NoTrayNote(),
        SendDialog(Channel.EMAIL, NOW, NY, "Dana Müller"),
        InquiryDialog(session, app),
        StoredRecordsDialog(session),
        RecordFixDialog(session, _unreadable_letter(interview)),
        RecordFixDialog(session, _unreadable_call(interview)),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__


def test_the_interviews_details_pane_names_its_controls(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """With a round selected the pane shows everything and every action: all named, and the
    text itself reachable (it is where the contact details are)."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("interviews")
    page = window.interviews
    page.select(interview)
    pane = page.details
    assert pane.isVisible() and pane.text.toPlainText()
    assert unnamed(pane) == []
    assert unnamed(page) == []
    for control in (pane.text, pane.letter, pane.call, pane.close_button, pane.edit):
        assert control.isVisible() and control.focusPolicy() & Qt.FocusPolicy.TabFocus
