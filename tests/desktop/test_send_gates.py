"""Nothing leaves with an open error unless the user fixes it or confirms in so many words,
and the confirmation is recorded with the letter (issue 10): e-mail, mail app, print, PDF and
"Mark as sent" all pass the same gate."""

from __future__ import annotations

import email
from collections.abc import Callable, Iterator
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup_desktop.composer import Composer
from followup_desktop.composer.gate import FindingsGate
from followup_desktop.composer.password_dialog import PasswordDialog
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.composer.sent_question import SentQuestion
from followup_desktop.session import Session

from ..smtp_server import PASSWORD, USER, smtp_server

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

Modal = Callable[[Callable[[QWidget], None]], None]
BAD = (
    "Dear Dana Müller,\n\nThank you for meeting with me on Wednesday. As we discussed, I "
    "scaled the billing service tenfold, and I would welcome the chance to join Acme.\n\n"
    "Please let me know your decision by Friday.\n\nKind regards,\nSam Lee\n"
)


def page(qtbot: QtBot, session: Session, post: bool = False, smtp_port: int = 0) -> Composer:
    values: dict[str, object] = {"profile.address": "12 Elm Street\nSpringfield, IL 62704"}
    if smtp_port:
        values.update(
            {
                "smtp.host": "127.0.0.1",
                "smtp.port": smtp_port,
                "smtp.security": "none",
                "smtp.allow_unencrypted_login": True,  # loopback: the test understands
                "smtp.user": USER,
                "profile.email": "sam@example.com",
            }
        )
    session.save_settings_or_raise(values)
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    if post:
        composer.channel_box.setCurrentIndex(1)
    composer.editor.setPlainText(BAD)
    return composer


def fix(seen: list[FindingsGate]) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, FindingsGate), type(dialog)
        seen.append(dialog)
        dialog.fix.click()

    return act


def confirm(seen: list[FindingsGate], then: Callable[[], None] = lambda: None):  # type: ignore[no-untyped-def]
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, FindingsGate), type(dialog)
        seen.append(dialog)
        assert not dialog.anyway.isEnabled(), "going ahead needs the explicit confirmation"
        dialog.confirm.setChecked(True)
        dialog.reason.setText("They asked for a date")
        then()
        dialog.anyway.click()

    return act


def listed(gate: FindingsGate) -> list[str]:
    return [gate.list.item(i).text() for i in range(gate.list.count())]


class MailApp(QObject):
    """Stands in for the user's mail app: receives the mailto: URL the composer opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def mail_app() -> Iterator[MailApp]:
    app = MailApp()
    QDesktopServices.setUrlHandler("mailto", app, "open")
    yield app
    QDesktopServices.unsetUrlHandler("mailto")


def test_send_email_lists_the_open_error_and_sends_nothing_when_the_user_fixes_it(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    with smtp_server() as (inbox, port):
        composer = page(qtbot, session, smtp_port=port)
        seen: list[FindingsGate] = []
        on_next_modal(fix(seen))
        composer.bar.send.click()
        assert "decision" in " ".join(listed(seen[0]))
        assert inbox.messages == [] and session.repo.letters() == []


def test_send_email_after_explicit_confirmation_records_it_with_the_letter(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    with smtp_server() as (inbox, port):
        composer = page(qtbot, session, smtp_port=port)
        composer.subject.setText("Thank you, and the Backend Engineer role")

        def password(dialog: QWidget) -> None:
            assert isinstance(dialog, PasswordDialog)
            dialog.password.setText(PASSWORD)
            dialog.accept()

        seen: list[FindingsGate] = []
        on_next_modal(confirm(seen, lambda: on_next_modal(password)))
        with qtbot.waitSignal(composer.letter_sent, timeout=10000) as sent:
            composer.bar.send.click()
        letter = sent.args[0]
        assert letter.override is not None and letter.override.rule == "open-findings"
        assert "They asked for a date" in letter.override.reason
        assert "let me know your decision" in letter.override.reason
        assert session.repo.letters() == [letter]
        parsed = email.message_from_bytes(inbox.messages[0], policy=default)
        assert str(parsed["Subject"]) == "Thank you, and the Backend Engineer role"


def test_open_in_mail_app_passes_the_gate_first(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal, mail_app: MailApp
) -> None:
    composer = page(qtbot, session)
    seen: list[FindingsGate] = []
    on_next_modal(fix(seen))
    composer.bar.mail_app.click()
    assert len(seen) == 1 and mail_app.urls == []

    def sent_it(box: QWidget) -> None:
        assert isinstance(box, SentQuestion)
        box.record.click()

    on_next_modal(confirm(seen, lambda: on_next_modal(sent_it)))
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.bar.mail_app.click()
    assert mail_app.urls and mail_app.urls[0].startswith("mailto:dana@acme.example")
    assert sent.args[0].override.rule == "open-findings"


def test_print_passes_the_gate_first(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    composer = page(qtbot, session, post=True)
    seen: list[FindingsGate] = []
    on_next_modal(fix(seen))
    composer.bar.print.click()
    assert len(seen) == 1
    assert QApplication.activeModalWidget() is None, "no print dialog after 'Fix the letter'"
    on_next_modal(fix(seen))
    composer.bar.preview.click()
    assert len(seen) == 2 and QApplication.activeModalWidget() is None
    assert session.repo.letters() == []


def test_save_pdf_passes_the_gate_first(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal, tmp_path: Path
) -> None:
    composer = page(qtbot, session, post=True)
    out = composer.outgoing()
    assert out is not None and out.errors
    seen: list[FindingsGate] = []
    on_next_modal(fix(seen))
    assert composer.bar.delivery.save_pdf(out, tmp_path / "kept-back.pdf") is None
    assert not (tmp_path / "kept-back.pdf").exists()
    on_next_modal(confirm(seen))
    assert composer.bar.delivery.save_pdf(out, tmp_path / "letter.pdf") is not None
    assert (tmp_path / "letter.pdf").stat().st_size > 0 and len(seen) == 2


def test_mark_as_sent_lists_the_open_errors_and_records_the_confirmation(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    """In the one window that asks the date too (more in test_mark_as_sent_in_one_window)."""
    composer = page(qtbot, session)

    def send_dialog(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog)
        assert "decision" in dialog.findings.item(0).text()
        dialog.confirm.setChecked(True)
        dialog.ok.click()

    on_next_modal(send_dialog)
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.mark_sent.click()
    letter = sent.args[0]
    assert letter.channel is Channel.EMAIL
    assert letter.override.rule == "open-findings"
    assert session.repo.letters() == [letter]


def test_a_clean_letter_meets_no_gate(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    composer = page(qtbot, session)
    composer.editor.setPlainText(BAD.replace("Please let me know your decision by Friday.\n\n", ""))
    out = composer.outgoing()
    assert out is not None and out.errors == ()

    def send_dialog(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog), "straight to the send dialog, no gate"
        dialog.accept()

    on_next_modal(send_dialog)
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.mark_sent.click()
    assert sent.args[0].override is None
