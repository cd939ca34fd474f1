"""The one status inquiry shows the subject its template gives (editable, and what a user
e-mails needs one) and checks subject and text as they are edited (found trying the app as a
new user: the subject was rendered and dropped, and nothing was checked)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup.model import Application
from followup_desktop.inquiry_dialog import InquiryDialog
from followup_desktop.session import Session


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


def test_a_posted_inquiry_has_no_subject_line(qtbot: QtBot, session: Session) -> None:
    inquiry = dialog(qtbot, session)
    inquiry.subject.setText("Any update??")
    inquiry.run_check()
    shown = inquiry.findings.text()
    assert "“??” reads as urgent" in shown and "“??”: “??”" not in shown, shown
    inquiry.channel.setCurrentIndex(1)  # post
    assert not inquiry.subject.isVisible()
    assert "??" not in inquiry.findings.text(), "a letter by post has no subject to check"
