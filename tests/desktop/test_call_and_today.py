"""The call assistant, the status inquiry, and what Today's actions open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Round, Status
from followup.plan import ItemKind
from followup_desktop.call_assistant import CallAssistant, timer_state
from followup_desktop.inquiry_dialog import InquiryDialog
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session
from followup_desktop.status_palette import Tone, tone

from .conftest import NOW


def test_timer_turns_amber_at_two_and_red_at_three_minutes_with_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assert "Hello Dana, this is Sam Lee" in assistant.script.toPlainText()
    assert "Wednesday, November 25" in assistant.script.toPlainText()
    for seconds, word, colour in (
        (59, "On track", tone(Tone.SUCCESS).name()),
        (120, "Wrap up", tone(Tone.WARNING).name()),
        (181, "Over time", tone(Tone.ERROR).name()),
    ):
        assistant.show_time(seconds)
        assert assistant.clock.text() == f"{seconds // 60}:{seconds % 60:02d}"
        assert assistant.clock_word.text().startswith(word)
        assert colour in assistant.clock.styleSheet()
    assert timer_state(179)[0] == "Wrap up"


def test_the_timer_runs_only_during_the_call(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assert not assistant.ticker.isActive()
    assistant.start.click()
    assert assistant.ticker.isActive() and assistant.start.text() == "End the call"
    assistant.start.click()
    assert not assistant.ticker.isActive()


def test_recording_the_call_and_refusing_a_second(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    session.repo.record_letter(interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    from followup_desktop.clock import FixedClock

    assert isinstance(session.clock, FixedClock)
    session.clock.set(NOW + timedelta(days=7))  # the call's day: a week after the letter
    first = CallAssistant(session, interview)
    qtbot.addWidget(first)
    first.outcome.setCurrentText("Left a voicemail")
    first.notes.setPlainText("Asked if they need anything else.")
    with qtbot.waitSignal(first.call_recorded):
        first.record.click()
    assert [c.outcome for c in session.repo.calls()] == [
        "Left a voicemail: Asked if they need anything else."
    ]
    second = CallAssistant(session, interview)
    qtbot.addWidget(second)
    seen: list[str] = []

    def refuse(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    on_next_modal(refuse)
    with qtbot.assertNotEmitted(second.call_recorded):
        second.record.click()
    assert "already called" in seen[0]
    assert len(session.repo.calls()) == 1


def test_the_assistant_says_before_the_call_when_it_is_not_the_time(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Found by the hostile sweep: opened the day the letter went, the assistant offered
    "Start the call" without a word, and said "too soon" only at "Record the call", after
    the interviewer had been called. Now the domain's refusal is shown above the script."""
    from followup_desktop.clock import FixedClock

    assert isinstance(session.clock, FixedClock)
    dana = interview.interviewer_ids[0]
    before_letter = CallAssistant(session, interview)
    qtbot.addWidget(before_letter)
    before_letter.show()
    assert before_letter.not_now.isVisible()
    assert "No thank-you letter has been sent" in before_letter.not_now.text()
    session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW)
    too_soon = CallAssistant(session, interview)
    qtbot.addWidget(too_soon)
    too_soon.show()
    assert too_soon.not_now.isVisible()
    assert too_soon.not_now.text().startswith("Not now. The call is planned for Fri, 4 Dec.")
    session.clock.set(NOW + timedelta(days=7))  # the call's day
    on_the_day = CallAssistant(session, interview)
    qtbot.addWidget(on_the_day)
    on_the_day.show()
    assert not on_the_day.not_now.isVisible()
    session.repo.record_call(interview.id, NOW + timedelta(days=7), "Spoke briefly")
    again = CallAssistant(session, interview)
    qtbot.addWidget(again)
    again.show()
    assert "You already called about this interview" in again.not_now.text()
    assert session.repo.calls() != [] and len(session.repo.calls()) == 1  # nothing written


def test_call_notes_are_checked(qtbot: QtBot, session: Session, interview: Round) -> None:
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assistant.notes.setPlainText("I asked when they will decide.")
    assert "decision" in assistant.findings.text()


def test_status_inquiry_is_recorded_once(
    qtbot: QtBot, session: Session, on_next_modal: Callable[[Callable[[QWidget], None]], None]
) -> None:
    from datetime import date

    app = session.repo.add_application(
        Application(0, "Globex", "SRE", applied_on=date(2026, 11, 2))
    )
    dialog = InquiryDialog(session, app)
    qtbot.addWidget(dialog)
    assert "I applied for the SRE position at Globex" in dialog.text.toPlainText()
    dialog.accept()
    assert len(session.repo.inquiries()) == 1
    again = InquiryDialog(session, app)
    qtbot.addWidget(again)
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())  # type: ignore[attr-defined]
    again.accept()
    assert len(session.repo.inquiries()) == 1


def test_today_actions_open_the_right_place(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.today.model.reload()
    letter = next(i for i in window.today.model.rows if i.kind is ItemKind.LETTER)
    window.on_action_requested(letter)
    assert window.stack.currentWidget() is window.composer
    assert window.composer.recipient_box.currentData() == letter.contact_id
    session.repo.record_letter(interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    session.repo.record_call(interview.id, NOW + timedelta(days=7), "brief")
    session.schedule_changed.emit()
    from followup_desktop.clock import FixedClock

    assert isinstance(session.clock, FixedClock)
    session.clock.set(NOW.replace(month=12, day=30))
    session.schedule_changed.emit()
    close = next(i for i in session.items() if i.kind is ItemKind.CLOSE)
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    window.on_action_requested(close)
    app = session.repo.application(interview.application_id)
    assert (app.status, app.status_reason) == (Status.CLOSED, "no response")


def test_first_run_points_to_adding_an_application(
    qtbot: QtBot, session: Session, on_next_modal: Callable[[Callable[[QWidget], None]], None]
) -> None:
    from followup_desktop.interviews.dialogs import ApplicationDialog

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.today.model.reload()
    assert "No interviews yet" in window.today.empty.text()
    assert window.today.start.isVisible()

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, ApplicationDialog)
        dialog.company.setText("Acme")
        dialog.role.setText("Engineer")
        dialog.accept()

    on_next_modal(add)
    window.today.start.click()
    assert [a.company for a in session.repo.applications()] == ["Acme"]
    assert not window.today.start.isVisible()
    assert "No interviews yet" not in window.today.empty.text()


def test_the_call_assistant_calls_the_person_whose_letter_went(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Only Lee's letter went: the one call follows it up, so Lee is the one to call."""
    lee = interview.interviewer_ids[1]
    session.repo.record_letter(interview.id, lee, Channel.POST, NOW)
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assert "Hello Lee, this is Sam Lee" in assistant.script.toPlainText()
    call = next(i for i in session.items() if i.kind is ItemKind.CALL)
    assert call.contact_id == lee and "Lee Park" in call.title


def test_the_inquiry_goes_where_the_application_went(qtbot: QtBot, session: Session) -> None:
    """Noticed by helper trust10: an application made to a person directly was told to send
    its inquiry 'through your contact or the company's portal'."""
    from datetime import date

    from followup.model import Source

    for source, said in (
        (Source.DIRECT, "to the person you applied to"),
        (Source.PORTAL, "through the contact or the company's portal"),
        (Source.RECRUITER, "through your recruiter"),
    ):
        app = session.repo.add_application(
            Application(0, "Globex", "SRE", applied_on=date(2026, 11, 2), source=source)
        )
        dialog = InquiryDialog(session, app)
        qtbot.addWidget(dialog)
        assert f"One polite inquiry, {said}, and no more." in dialog.intro.text()
        assert "portal" not in dialog.intro.text() or source is Source.PORTAL
