"""The letter that was sent can be read again where it was written: the composer shows it as
it left (subject and body), read-only, under the sent note; sending keeps the exact words."""

from __future__ import annotations

import email
from collections.abc import Callable
from email.policy import default

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Channel, Letter, Round
from followup_desktop.composer import Composer
from followup_desktop.composer.password_dialog import PasswordDialog
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.session import Session

from ..smtp_server import PASSWORD, smtp_server
from .conftest import NOW
from .test_composer import type_text
from .test_delivery import answer, composer

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

SUBJECT = "Danke — the Backend Engineer interview"
BODY = (
    "Dear Dana Müller,\n\nThank you for meeting with me on Wednesday. As we discussed, I "
    "scaled the billing service tenfold.  \n\n\tI would welcome the chance to join Acme.\n\n"
    "Kind regards,\nSam Lee"
)


def opened(qtbot: QtBot, session: Session, interview: Round, contact_id: int) -> Composer:
    page = Composer(session)
    qtbot.addWidget(page)
    page.show()
    page.open_for(interview.id, contact_id)
    return page


def marked_sent(
    qtbot: QtBot, page: Composer, on_next_modal: Callable[[Callable[[QWidget], None]], None]
) -> Letter:
    """Mark as sent, the dialog accepted as it opens; the letter recorded."""
    on_next_modal(lambda dialog: dialog.accept())
    with qtbot.waitSignal(page.letter_sent, timeout=3000) as sent:
        page.mark_sent.click()
    letter = sent.args[0]
    assert isinstance(letter, Letter)
    return letter


def assert_shown_as_sent(page: Composer, subject: str, body: str) -> None:
    assert page.editor.toPlainText() == body and page.editor.isReadOnly()
    assert page.subject.text() == subject and page.subject.isReadOnly()
    assert page.subject.isVisible()  # an e-mail's subject is part of what left
    for held in (page.channel_box, page.template_box, page.insert):
        assert not held.isEnabled(), held.accessibleName()
    assert page.deadline.isVisible()
    assert page.deadline.text() == (
        "Sent by e-mail on Fri, 27 Nov. This is the letter as it was sent."
    )
    assert page.verdict.text() == "Sent by e-mail on Fri, 27 Nov."
    assert page.findings == [] and page.subject_findings == []


def test_a_sent_letter_is_shown_as_it_left_and_cannot_be_changed(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dana, lee = interview.interviewer_ids
    session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW, subject=SUBJECT, body=BODY)
    page = opened(qtbot, session, interview, dana)
    assert_shown_as_sent(page, SUBJECT, BODY)
    page.editor.setFocus()
    type_text(page.editor, "P.S. any news?")
    page.save_draft()
    assert page.editor.toPlainText() == BODY
    assert session.repo.draft(interview.id, dana) is None  # no draft of a sent letter
    # The next interviewer's letter is written as before.
    page.open_for(interview.id, lee)
    assert not page.editor.isReadOnly() and page.template_box.isEnabled()
    assert "Sent by" not in page.deadline.text()


def test_a_letter_recorded_before_its_words_were_kept_says_so_plainly(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dana = interview.interviewer_ids[0]
    session.repo.record_letter(interview.id, dana, Channel.POST, NOW)  # as before: no text
    page = opened(qtbot, session, interview, dana)
    assert page.editor.toPlainText() == "" and page.editor.isReadOnly()
    assert page.editor.placeholderText() == "The text of this letter was not kept."
    assert page.deadline.text() == (
        "Sent by post on Fri, 27 Nov. Its text was not kept: it was recorded before the app "
        "kept the letters sent, or without its text."
    )
    assert page.channel() is Channel.POST and not page.subject.isVisible()
    assert page.verdict.text() == "Sent by post on Fri, 27 Nov."


def test_a_letter_sent_over_smtp_keeps_the_exact_words_and_is_shown_again(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    no_keyring: None,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    dana = interview.interviewer_ids[0]
    with smtp_server() as (inbox, port):
        page = composer(qtbot, session, smtp_port=port)
        page.editor.setPlainText(BODY)
        page.subject.setText(SUBJECT)

        def password(dialog: QWidget) -> None:
            assert isinstance(dialog, PasswordDialog)
            dialog.password.setText(PASSWORD)
            on_next_modal(lambda box: answer(box, QMessageBox.StandardButton.Yes))
            dialog.accept()

        on_next_modal(password)
        with qtbot.waitSignal(page.letter_sent, timeout=10000) as sent:
            page.bar.send.click()
    letter = sent.args[0]
    parsed = email.message_from_bytes(inbox.messages[0], policy=default)
    assert str(parsed["Subject"]) == SUBJECT
    assert "scaled the billing service tenfold." in parsed.get_content()
    assert (letter.subject, letter.body) == (SUBJECT, BODY)
    stored = session.repo.letter(letter.id)
    assert (stored.subject, stored.body) == (SUBJECT, BODY)
    assert session.repo.draft(interview.id, dana) is None
    # At once, and in a composer opened later: the letter as it left, read-only.
    assert_shown_as_sent(page, SUBJECT, BODY)
    assert page.saved.text().startswith("Sent by e-mail and recorded.")
    assert_shown_as_sent(opened(qtbot, session, interview, dana), SUBJECT, BODY)


def test_marked_as_sent_by_post_keeps_the_letter_and_no_subject(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    dana = interview.interviewer_ids[0]
    page = opened(qtbot, session, interview, dana)
    page.channel_box.setCurrentIndex(list(Channel).index(Channel.POST))
    page.editor.setPlainText(BODY)
    letter = marked_sent(qtbot, page, on_next_modal)
    assert letter.channel is Channel.POST
    assert (session.repo.letter(letter.id).subject, session.repo.letter(letter.id).body) == (
        "",
        BODY,
    )
    assert page.editor.toPlainText() == BODY and page.editor.isReadOnly()


def test_the_sent_letter_is_painted_as_read_not_as_a_field(
    qtbot: QtBot, session: Session, interview: Round, app_style_sheet: str
) -> None:
    dana, lee = interview.interviewer_ids
    session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW, subject=SUBJECT, body=BODY)
    page = opened(qtbot, session, interview, dana)

    def corner() -> QColor:
        image = page.editor.viewport().grab().toImage()
        return image.pixelColor(image.width() - 3, image.height() - 3)

    palette = QApplication.palette()  # the editor's own follows the style sheet
    assert corner() == palette.color(QPalette.ColorRole.Window)
    page.open_for(interview.id, lee)  # a letter to write: a field again
    assert corner() == palette.color(QPalette.ColorRole.Base)


def test_a_letter_recorded_elsewhere_while_its_draft_is_open_keeps_the_text_and_says_so(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Another program (the command line) records the letter: the text being written is not
    taken away, and the line above it does not call it the letter sent."""
    dana = interview.interviewer_ids[0]
    page = opened(qtbot, session, interview, dana)
    page.editor.setPlainText("My own words, not sent yet")
    session.repo.record_letter(interview.id, dana, Channel.POST, NOW)
    page.reload_rounds()  # what noticing the other program's write does
    assert page.editor.toPlainText() == "My own words, not sent yet"
    assert not page.editor.isReadOnly()
    assert (
        page.deadline.text() == "Sent by post on Fri, 27 Nov. The text below was not sent with it."
    )


TOO_LONG = "Thanks " * 28_572 + "x"  # 200,005 characters: more than a letter may keep


def test_a_letter_too_long_to_keep_is_not_sent_and_says_why(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    no_keyring: None,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """Checked before anything leaves: never sent, then refused when it is recorded."""
    shown: list[str] = []

    def error(box: QWidget) -> None:
        shown.append(box.text() if isinstance(box, QMessageBox) else type(box).__name__)
        box.close()

    with smtp_server() as (inbox, port):
        page = composer(qtbot, session, smtp_port=port)
        page.editor.setPlainText(TOO_LONG)
        on_next_modal(error)
        page.bar.send.click()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["The letter is too long (200,005 characters; at most 200,000)."]
    assert inbox.messages == [] and session.repo.letters() == []
    assert page.editor.toPlainText() == TOO_LONG and not page.editor.isReadOnly()


def test_marking_a_letter_too_long_to_keep_says_why_in_the_window_and_writes_nothing(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    page = opened(qtbot, session, interview, interview.interviewer_ids[0])
    page.editor.setPlainText(TOO_LONG)
    seen: list[object] = []

    def go_ahead(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog)
        dialog.confirm.setChecked(True)  # the too-long finding, confirmed
        dialog.reason.setText("They asked for the whole thesis")
        dialog.ok.click()
        seen.extend([dialog.fields.general.text(), dialog.isVisible()])
        dialog.reject()

    on_next_modal(go_ahead)
    with qtbot.assertNotEmitted(page.letter_sent):
        page.mark_sent.click()
    assert seen == ["the letter is too long (200,005 characters; at most 200,000)", True]
    assert session.repo.letters() == []


def test_a_letter_deleted_elsewhere_gives_the_composer_its_words_back_to_edit(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Recorded by mistake and deleted (``followup letter delete``): the letter shown as sent
    becomes the draft again, its words kept, to edit and send."""
    dana = interview.interviewer_ids[0]
    letter = session.repo.record_letter(
        interview.id, dana, Channel.EMAIL, NOW, subject=SUBJECT, body=BODY
    )
    page = opened(qtbot, session, interview, dana)
    assert page.editor.isReadOnly()
    session.repo.delete_letter(letter.id, now=NOW)
    page.reload_rounds()  # what noticing the other program's write does
    assert page.editor.toPlainText() == BODY and not page.editor.isReadOnly()
    assert page.subject.text() == SUBJECT and not page.subject.isReadOnly()
    assert page.template_box.isEnabled() and "Sent by" not in page.deadline.text()
    assert page.saved.text().startswith("Draft restored")


def test_undo_of_mark_as_sent_gives_the_words_back_and_redo_records_the_same_letter(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    dana = interview.interviewer_ids[0]
    page = opened(qtbot, session, interview, dana)
    page.editor.setPlainText(BODY)
    page.subject.setText(SUBJECT)
    letter = marked_sent(qtbot, page, on_next_modal)
    stack = session.undo_stack
    assert stack.undoText() == "Mark as Sent to Dana Müller"
    stack.undo()  # Edit → Undo Mark as Sent to Dana Müller
    assert session.repo.letters() == []
    draft = session.repo.draft(interview.id, dana)
    assert draft is not None and (draft.subject, draft.body) == (SUBJECT, BODY)
    assert page.editor.toPlainText() == BODY and not page.editor.isReadOnly()
    assert page.subject.text() == SUBJECT and "Sent by" not in page.deadline.text()
    stack.redo()
    assert session.repo.letters() == [letter]  # the same record, same id
    assert session.repo.draft(interview.id, dana) is None
    assert page.editor.toPlainText() == BODY and page.editor.isReadOnly()
    assert page.deadline.text().endswith("This is the letter as it was sent.")


def test_undo_of_mark_as_sent_once_the_call_is_recorded_says_why_and_keeps_it(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
    read_next_message: Callable[[list[str]], None],
) -> None:
    from datetime import timedelta

    dana = interview.interviewer_ids[0]
    page = opened(qtbot, session, interview, dana)
    page.editor.setPlainText(BODY)
    letter = marked_sent(qtbot, page, on_next_modal)
    session.repo.record_call(interview.id, letter.sent_at + timedelta(days=7), "brief")
    said: list[str] = []

    read_next_message(said)
    session.undo_stack.undo()  # Edit → Undo Mark as Sent to Dana Müller, a week later
    qtbot.waitUntil(session.undo_stack.canUndo, timeout=2000)  # stepped back
    assert said and said[0].startswith("Not undone") and "call" in said[0]
    assert session.repo.letters(interview.id) == [letter]
