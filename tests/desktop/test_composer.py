"""The composer, driven as a user would: typing, findings, sending, refusals, drafts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup_desktop.composer import Composer
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.session import Session

from .conftest import NOW

LETTER = (
    "Dear Dana,\n\nThank you for meeting with me on Wednesday. I enjoyed our talk about "
    "event sourcing; as we discussed, I scaled the billing service tenfold.\n\n"
    "I would welcome the chance to join your team.\n\nKind regards,\nSam Lee\n"
)


def type_text(widget: QWidget, text: str) -> None:
    """Real key events carrying the text (keyClicks is ASCII only)."""
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def make(qtbot: QtBot, session: Session, *, owned_by_test: bool = True) -> Composer:
    composer = Composer(session)
    if owned_by_test:
        qtbot.addWidget(composer)
    composer.show()
    return composer


def test_opens_on_the_interviewer_with_the_fitting_template(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    assert composer.round_box.currentData() == interview.id
    assert composer.recipient_box.currentText() == "Dana Müller, CTO"
    assert composer.template_box.currentData().name == "thank-you-email"
    composer.channel_box.setCurrentIndex(1)
    assert composer.template_box.currentData().name == "thank-you-letter"


def test_typing_non_ascii_is_checked_live_and_counted(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    composer.editor.setFocus()
    type_text(composer.editor, "Grüße! Have you made a decision? Ça va 😀")
    assert composer.editor.toPlainText() == "Grüße! Have you made a decision? Ça va 😀"
    qtbot.waitUntil(lambda: composer.model.rowCount() >= 2)
    rules = [f.rule for f in composer.findings]
    assert "asks-for-decision" in rules and "informal" in rules
    assert composer.word_count.text() == "8 / 220 words"


def test_findings_are_highlighted_with_the_severity_style(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    composer.editor.setPlainText("Thank you. Have you made a decision yet? Your office is lovely.")
    composer.run_check()
    block = composer.editor.document().firstBlock()
    styles = {(r.start, r.length): r.format.underlineStyle() for r in block.layout().formats()}
    text = block.text()
    start = text.index("Have you made a decision")
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    assert styles[(start, len("Have you made a decision"))] == wave
    office = next(v for (s, _), v in styles.items() if s == text.index("Your office is"))
    assert office == QTextCharFormat.UnderlineStyle.DashUnderline
    assert composer.finding_at(start + 3).rule == "asks-for-decision"


def test_clicking_a_finding_selects_its_span(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    composer.editor.setPlainText("Thanks. I really need this job. Please hire me.")
    composer.run_check()
    row = next(i for i, f in enumerate(composer.findings) if f.rule == "neediness")
    index = composer.model.index(row)
    rect = composer.findings_view.visualRect(index)
    qtbot.mouseClick(
        composer.findings_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert composer.editor.textCursor().selectedText() == "really need this job"


def test_a_good_letter_has_no_findings_and_is_marked_sent(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    composer = make(qtbot, session)
    composer.editor.setPlainText(LETTER)
    composer.run_check()
    assert composer.findings == []
    assert "Ready to send" in composer.verdict.text()
    on_next_modal(lambda dialog: dialog.accept())
    with qtbot.waitSignal(composer.letter_sent, timeout=3000) as sent:
        composer.mark_sent.click()
    letter = sent.args[0]
    assert (letter.round_id, letter.contact_id, letter.channel) == (
        interview.id,
        interview.interviewer_ids[0],
        Channel.EMAIL,
    )
    assert session.repo.letters(interview.id) == [letter]
    composer.run_check()
    # Said calmly, with how and when; no red finding and no rule code (issue 11).
    assert composer.findings == []
    assert composer.verdict.text() == "Sent by e-mail on Fri, 27 Nov."
    assert "sent by e-mail Fri, 27 Nov" in composer.recipient_box.currentText()


def test_a_second_letter_is_refused_in_the_dialog_and_nothing_is_recorded(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    dana = interview.interviewer_ids[0]
    session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW)
    composer = make(qtbot, session)
    composer.open_for(interview.id, dana)  # the one who has a letter already
    composer.editor.setPlainText(LETTER)
    seen: list[object] = []

    def refuse(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog)
        seen.extend([dialog.refused.text(), dialog.ok.isEnabled()])
        dialog.accept()  # not without the box ticked: it stays open
        seen.append(dialog.isVisible())
        dialog.reject()

    on_next_modal(refuse)
    with qtbot.assertNotEmitted(composer.letter_sent):
        composer.mark_sent.click()
    assert "desperate" in str(seen[0]) and seen[1:] == [False, True]
    assert len(session.repo.letters(interview.id)) == 1


def test_the_user_may_override_and_the_override_is_recorded(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    dana = interview.interviewer_ids[0]
    session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW)
    composer = make(qtbot, session)
    composer.open_for(interview.id, dana)  # the one who has a letter already

    def by_post(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog)
        dialog.channel.setCurrentIndex(1)
        dialog.anyway.setChecked(True)
        dialog.reason.setText("They asked for a signed paper copy")
        dialog.ok.click()

    on_next_modal(by_post)
    with qtbot.waitSignal(composer.letter_sent, timeout=3000):
        composer.mark_sent.click()
    letters = session.repo.letters(interview.id)
    assert len(letters) == 2 and letters[1].channel is Channel.POST
    assert letters[1].override is not None
    assert letters[1].override.rule == "other-channel"
    assert letters[1].override.reason == "They asked for a signed paper copy"


def test_a_draft_survives_the_window_being_destroyed_unsaved(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session, owned_by_test=False)  # it dies mid-test, as if killed
    composer.editor.setFocus()
    type_text(composer.editor, "Liebe Frau Müller, danke schön")
    qtbot.waitUntil(
        lambda: session.repo.draft(interview.id, interview.interviewer_ids[0]) is not None,
        timeout=3000,
    )
    composer.deleteLater()  # as if the app were killed: no close, no explicit save
    qtbot.wait(10)
    again = make(qtbot, session)
    assert again.editor.toPlainText() == "Liebe Frau Müller, danke schön"
    assert "restored" in again.saved.text()


def test_each_interviewer_has_a_draft_of_their_own(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    composer.editor.setPlainText("For Dana")
    composer.recipient_box.setCurrentIndex(1)  # switching saves at once
    assert composer.editor.toPlainText() == ""
    composer.editor.setPlainText("For Lee")
    composer.recipient_box.setCurrentIndex(0)
    assert composer.editor.toPlainText() == "For Dana"
    composer.recipient_box.setCurrentIndex(1)
    assert composer.editor.toPlainText() == "For Lee"


def test_without_interviews_the_composer_says_what_to_do(qtbot: QtBot, session: Session) -> None:
    composer = make(qtbot, session)
    assert not composer.editor.isEnabled()
    assert "Interviews" in composer.saved.text()
    assert isinstance(composer, QDialog) is False


def test_send_dialog_keeps_the_exact_moment_in_any_zone(qtbot: QtBot) -> None:
    from zoneinfo import ZoneInfo

    for name in ("America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"):
        dialog = SendDialog(Channel.EMAIL, NOW, ZoneInfo(name), "Dana")
        qtbot.addWidget(dialog)
        assert dialog.sent_at() == NOW
        assert dialog.sent_at().tzinfo == ZoneInfo(name)


def test_a_letter_cannot_be_marked_as_sent_on_a_day_to_come(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """ "Sent at" tomorrow: said beside the field, the dialog stays open, nothing recorded (a
    letter dated ahead would plan the call from a day that has not come)."""
    composer = make(qtbot, session)
    seen: dict[str, object] = {}

    def tomorrow(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog)
        dialog.when.setDateTime(dialog.when.dateTime().addDays(1))
        dialog.accept()
        seen.update(dialog.fields.shown(), open=dialog.isVisible())
        dialog.reject()

    on_next_modal(tomorrow)
    with qtbot.assertNotEmitted(composer.letter_sent):
        composer.mark_sent.click()
    assert "in the future" in str(seen["sent_at"]) and seen["open"]
    assert session.repo.letters(interview.id) == []


def test_with_no_interview_no_button_offers_to_send(qtbot: QtBot, session: Session) -> None:
    """No interview yet (or its round deleted by another program): every way out is off,
    not a button that does nothing when pressed."""
    composer = make(qtbot, session)
    bar = composer.bar
    ways_out = (bar.send, bar.mail_app, bar.preview, bar.print, bar.pdf, bar.envelope)
    assert composer.round_box.count() == 0
    assert not any(button.isEnabled() for button in (*ways_out, composer.mark_sent))
