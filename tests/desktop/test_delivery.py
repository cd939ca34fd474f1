"""The letter leaves the composer: by e-mail through a real SMTP server (password asked, no
keyring here), or for the post as PDF and envelope, with the post-timing warning."""

from __future__ import annotations

import email
from collections.abc import Callable
from datetime import date
from email.policy import default
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup_desktop.composer import Composer
from followup_desktop.composer.password_dialog import PasswordDialog
from followup_desktop.session import Session

from ..smtp_server import PASSWORD, USER, smtp_server

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

LETTER = (
    "Dear Dana Müller,\n\nThank you for meeting with me on Wednesday. As we discussed, I "
    "scaled the billing service tenfold, and I would welcome the chance to join Acme.\n\n"
    "Kind regards,\nSam Lee\n"
)


def composer(qtbot: QtBot, session: Session, smtp_port: int | None = None) -> Composer:
    if smtp_port is not None:  # the account of the loopback server
        session.save_settings_or_raise(
            {
                "smtp.host": "127.0.0.1",
                "smtp.port": smtp_port,
                "smtp.security": "none",
                "smtp.allow_unencrypted_login": True,  # loopback: the test understands
                "smtp.user": USER,
                "profile.email": "sam@example.com",
            }
        )
    widget = Composer(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.editor.setPlainText(LETTER)
    return widget


def post_composer(qtbot: QtBot, session: Session) -> Composer:
    """The composer on the post channel, with the sender's address set."""
    session.save_settings_or_raise({"profile.address": "12 Elm Street\nSpringfield, IL 62704"})
    page = composer(qtbot, session)
    page.channel_box.setCurrentIndex(1)
    return page


def answer(box: QWidget, button: QMessageBox.StandardButton) -> None:
    assert isinstance(box, QMessageBox), type(box)
    box.button(button).click()


def test_send_by_email_asks_the_password_and_records_after_the_server_accepted(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    no_keyring: None,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    with smtp_server() as (inbox, port):
        page = composer(qtbot, session, smtp_port=port)
        asked: list[str] = []

        def password(dialog: QWidget) -> None:
            assert isinstance(dialog, PasswordDialog)
            asked.append(dialog.label.text())
            dialog.password.setText(PASSWORD)
            on_next_modal(lambda box: answer(box, QMessageBox.StandardButton.Yes))
            dialog.accept()

        on_next_modal(password)
        with qtbot.waitSignal(page.letter_sent, timeout=10000) as sent:
            page.bar.send.click()
        assert "No system keyring" in asked[0]
        letter = sent.args[0]
        assert letter.channel is Channel.EMAIL
        assert session.repo.letters() == [letter]
        parsed = email.message_from_bytes(inbox.messages[0], policy=default)
        assert str(parsed["To"]) == "Dana Müller <dana@acme.example>"
        assert str(parsed["Subject"]) == "Thank you for the Backend Engineer interview"
        assert "scaled the billing service tenfold" in parsed.get_content()
        # The clock says 15:00 UTC; the user is in New York (Settings): their own offset.
        assert parsed["Date"] == "Fri, 27 Nov 2026 10:00:00 -0500"


def test_a_wrong_password_is_explained_and_nothing_is_recorded(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    no_keyring: None,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    with smtp_server() as (inbox, port):
        page = composer(qtbot, session, smtp_port=port)
        errors: list[str] = []

        def error(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            errors.append(box.text())
            box.accept()

        def confirm(box: QWidget) -> None:
            on_next_modal(error)  # the next dialog is the failure, from the worker's answer
            answer(box, QMessageBox.StandardButton.Yes)

        def wrong(dialog: QWidget) -> None:
            assert isinstance(dialog, PasswordDialog)
            dialog.password.setText("wrong")
            on_next_modal(confirm)
            dialog.accept()

        on_next_modal(wrong)
        page.bar.send.click()
        qtbot.waitUntil(lambda: bool(errors), timeout=10000)
        assert "draft is kept" in page.saved.text()
        assert "refused the user name or password" in errors[0]
        assert session.repo.letters() == [] and inbox.messages == []
        assert page.editor.toPlainText() == LETTER
        assert session.repo.draft(interview.id, interview.interviewer_ids[0]) is not None


def test_post_channel_offers_print_pdf_and_envelope(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path
) -> None:
    session.save_settings_or_raise({"profile.address": "12 Elm Street\nSpringfield, IL 62704"})
    page = composer(qtbot, session)
    assert page.bar.send.isVisible() and not page.bar.pdf.isVisible()
    page.channel_box.setCurrentIndex(1)
    assert page.bar.pdf.isVisible() and not page.bar.send.isVisible()
    out = page.outgoing()
    assert out is not None
    path = page.bar.delivery.save_pdf(out, tmp_path / "letter.pdf")
    assert path is not None
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "Acme Inc. 1 Main St" in text and "scaled the billing service tenfold" in text
    envelope = page.bar.delivery.save_envelope(out, "dl", tmp_path / "envelope.pdf")
    assert envelope is not None and "Dana" in PdfReader(envelope).pages[0].extract_text()


def test_post_that_would_arrive_late_is_warned_about(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    from dataclasses import replace

    session.repo.update_round(replace(interview, decision_on=date(2026, 11, 30)))
    page = composer(qtbot, session)
    page.channel_box.setCurrentIndex(1)
    assert page.bar.warning.isVisible()
    assert "Send it by e-mail instead" in page.bar.warning.text()
    assert "decision date (Mon, 30 Nov)" in page.bar.warning.text()


def test_print_preview_renders_the_letter_and_records_nothing_when_closed(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    page = post_composer(qtbot, session)
    pages: list[int] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        preview.updatePreview()
        pages.append(preview.pageCount())
        dialog.reject()

    on_next_modal(look)
    page.bar.preview.click()
    assert pages == [1]
    assert session.repo.letters() == []


def test_printing_through_the_print_dialog_without_a_printer(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    tmp_path: Path,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """With no printer (no CUPS here) the dialog still works: print to a PDF file."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QLineEdit

    page = post_composer(qtbot, session)
    target = tmp_path / "printed.pdf"

    def print_to_file(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintDialog)
        file_name = dialog.findChild(QLineEdit, "filename")  # "print to file", as a user would
        assert file_name is not None
        file_name.setText(str(target))
        on_next_modal(lambda box: answer(box, QMessageBox.StandardButton.No))  # not posted yet
        dialog.accept()

    on_next_modal(print_to_file)
    page.bar.print.click()
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Dear Dana Müller," in text and "Sam Lee" in text
    assert session.repo.letters() == [], "printed, but not posted: nothing recorded"


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own note of the failure we then report
def test_printing_to_a_place_that_cannot_be_written_says_so(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    tmp_path: Path,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QLineEdit

    page = post_composer(qtbot, session)
    errors: list[str] = []

    def error(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        errors.append(box.text())
        box.accept()

    def into_a_folder(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintDialog)
        field = dialog.findChild(QLineEdit, "filename")
        assert field is not None
        field.setText(str(tmp_path))  # a folder, not a file
        on_next_modal(error)
        dialog.accept()

    on_next_modal(into_a_folder)
    page.bar.print.click()
    assert errors and "could not be opened for printing" in errors[0]
    assert session.repo.letters() == []


def test_a_pdf_is_private_whole_and_a_place_that_cannot_be_written_is_said(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    tmp_path: Path,
    read_next_message: Callable[[list[str]], None],
) -> None:
    """The letter and the envelope are 0600 whatever the umask (like every file the app
    writes); a folder that is gone is said in a dialog ("Not saved"), not a traceback, and a
    PDF already there is never left half-written."""
    import os

    page = post_composer(qtbot, session)
    out = page.outgoing()
    assert out is not None
    previous = os.umask(0o022)
    try:
        letter = page.bar.delivery.save_pdf(out, tmp_path / "letter.pdf")
        envelope = page.bar.delivery.save_envelope(out, "us10", tmp_path / "envelope.pdf")
    finally:
        os.umask(previous)
    assert letter is not None and envelope is not None
    assert {p.stat().st_mode & 0o777 for p in (letter, envelope)} == {0o600}
    said: list[str] = []

    for save in (
        lambda: page.bar.delivery.save_pdf(out, tmp_path / "gone" / "letter.pdf"),
        lambda: page.bar.delivery.save_envelope(out, "dl", tmp_path / "gone" / "env.pdf"),
    ):
        read_next_message(said)
        assert save() is None
    assert said == [f"Not saved: The folder {tmp_path / 'gone'} does not exist."] * 2


def test_an_empty_letter_does_not_leave(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    tmp_path: Path,
    read_next_message: Callable[[list[str]], None],
) -> None:
    """Found by the review: a letter shown as sent whose text was not kept could be sent again
    as an empty e-mail (or printed, or saved as an empty PDF) once the refusal was overridden."""
    page = post_composer(qtbot, session)
    page.editor.setPlainText("  \n ")
    out = page.outgoing()
    assert out is not None
    said: list[str] = []

    read_next_message(said)
    assert page.bar.delivery.save_pdf(out, tmp_path / "letter.pdf") is None
    assert said == [
        "Nothing to send: The letter is empty. Write it first, or start from a template."
    ]
    assert not (tmp_path / "letter.pdf").exists()
