"""The one status inquiry shows the subject its template gives (editable, and what a user
e-mails needs one) and checks subject and text as they are edited (found trying the app as a
new user: the subject was rendered and dropped, and nothing was checked)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application
from followup_desktop.composer.gate import FindingsGate
from followup_desktop.inquiry_dialog import InquiryDialog
from followup_desktop.session import Session

Modal = Callable[[Callable[[QWidget], None]], None]


def dialog(qtbot: QtBot, session: Session) -> InquiryDialog:
    app = session.repo.add_application(Application(0, "Globex", "Data Analyst"))
    shown = InquiryDialog(session, app)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_inquiry_shows_its_subject_and_checks_subject_and_text(
    qtbot: QtBot, session: Session
) -> None:
    inquiry = dialog(qtbot, session)
    assert inquiry.subject.isVisible()
    assert inquiry.subject.text() == "Application for the Data Analyst position"
    assert "Ready to send" in inquiry.findings.text(), inquiry.findings.text()

    body = inquiry.text.toPlainText()
    inquiry.text.setPlainText(body.replace("Thank you for your time.", "I need this job!!!"))
    qtbot.waitUntil(lambda: "Ready to send" not in inquiry.findings.text(), timeout=2000)
    assert "“I need this job" in inquiry.findings.text(), inquiry.findings.text()
    assert "In the subject" not in inquiry.findings.text()
    inquiry.subject.setText("URGENT update??")
    inquiry.run_check()
    lines = inquiry.findings.text().splitlines()
    assert any(line.startswith("Consider: In the subject: ") for line in lines), lines
    assert not any("In the subject" in line for line in lines if "need this job" in line)


def test_a_posted_inquiry_has_no_subject_line(qtbot: QtBot, session: Session) -> None:
    inquiry = dialog(qtbot, session)
    inquiry.subject.setText("Any update??")
    inquiry.run_check()
    shown = inquiry.findings.text()
    assert "“??” reads as urgent" in shown and "“??”: “??”" not in shown, shown
    inquiry.channel.setCurrentIndex(1)  # post
    assert not inquiry.subject.isVisible()
    assert "??" not in inquiry.findings.text(), "a letter by post has no subject to check"


PRESSING = "Please let me know your decision by Friday."


def test_recording_an_inquiry_with_an_open_error_lists_it_and_asks_first(
    qtbot: QtBot, session: Session, on_next_modal: Modal
) -> None:
    """Found trying the app as a new user: the inquiry with 'Please let me know your
    decision by Friday' (a Fix finding, shown in the dialog) was recorded as sent without a
    word; every other way a letter leaves lists the open errors and asks (issue 10)."""
    inquiry = dialog(qtbot, session)
    inquiry.text.setPlainText(inquiry.text.toPlainText() + "\n" + PRESSING)
    seen: list[FindingsGate] = []

    def fix(gate: QWidget) -> None:
        assert isinstance(gate, FindingsGate), type(gate)
        seen.append(gate)
        gate.fix.click()

    on_next_modal(fix)
    inquiry.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert seen, "the open error was not listed"
    listed = [seen[0].list.item(i).text() for i in range(seen[0].list.count())]
    assert any("decision" in line for line in listed), listed
    assert session.repo.inquiries(inquiry.app.id) == []  # back to fix it: nothing recorded
    assert inquiry.isVisible()


def test_an_inquiry_recorded_over_an_open_error_keeps_the_confirmation(
    qtbot: QtBot, session: Session, on_next_modal: Modal
) -> None:
    inquiry = dialog(qtbot, session)
    inquiry.text.setPlainText(inquiry.text.toPlainText() + "\n" + PRESSING)

    def confirm(gate: QWidget) -> None:
        assert isinstance(gate, FindingsGate), type(gate)
        assert not gate.anyway.isEnabled(), "going ahead needs the explicit confirmation"
        gate.confirm.setChecked(True)
        gate.reason.setText("They asked for a date")
        gate.anyway.click()

    on_next_modal(confirm)
    inquiry.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [recorded] = session.repo.inquiries(inquiry.app.id)
    assert recorded.override is not None
    assert recorded.override.rule == "open-findings"
    assert "They asked for a date" in recorded.override.reason
    assert "let me know your decision" in recorded.override.reason


def test_a_clean_inquiry_is_recorded_without_a_question(qtbot: QtBot, session: Session) -> None:
    inquiry = dialog(qtbot, session)
    inquiry.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [recorded] = session.repo.inquiries(inquiry.app.id)
    assert recorded.override is None
