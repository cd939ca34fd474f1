"""Mark as sent is one window: channel and time, the letter's open errors with the explicit
confirmation, and the refusal the domain would meet with the box to go ahead as a recorded
exception. Cancel writes nothing; going ahead records one letter with what was confirmed;
a bad date is said beside its field and nothing is written."""

from __future__ import annotations

import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup.checker import Finding, Severity
from followup.model import Channel, Round
from followup_desktop.composer import Composer
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.session import Session

from .conftest import NOW
from .test_send_gates import BAD

Modal = Callable[[Callable[[QWidget], None]], None]


def composer_with(qtbot: QtBot, session: Session, text: str = BAD) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(text)
    return composer


def one_window(on_next_modal: Modal, act: Callable[[SendDialog], None]) -> list[str]:
    """Answer the dialog with ``act``; any further window that opens in the next moments is
    written down (and closed), so a test can say there was none. "watched" is added last."""
    windows: list[str] = []

    def watch(tries: int) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            windows.append(f"{type(modal).__name__}: {modal.windowTitle()}")
            modal.close()
        if tries:
            QTimer.singleShot(10, lambda: watch(tries - 1))
        else:
            windows.append("watched")

    def first(dialog: QWidget) -> None:
        windows.append(f"{type(dialog).__name__}: {dialog.windowTitle()}")
        if not isinstance(dialog, SendDialog):
            dialog.close()
            return
        act(dialog)
        if dialog.isVisible():
            dialog.reject()  # the act left it open: the test then sees nothing written
        QTimer.singleShot(10, lambda: watch(20))

    on_next_modal(first)
    return windows


def test_the_errors_are_listed_with_the_date_and_cancel_writes_nothing(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    composer = composer_with(qtbot, session)
    seen: dict[str, object] = {}

    def look_then_cancel(dialog: SendDialog) -> None:
        seen["listed"] = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
        seen["ok before"] = dialog.ok.isEnabled()
        dialog.confirm.setChecked(True)
        dialog.reason.setText("They asked for a date")
        seen["ok after"] = dialog.ok.isEnabled()
        dialog.reject()

    windows = one_window(on_next_modal, look_then_cancel)
    with qtbot.assertNotEmitted(composer.letter_sent):
        composer.mark_sent.click()
    qtbot.waitUntil(lambda: "watched" in windows)
    assert windows == ["SendDialog: Mark the letter as sent", "watched"]
    assert any("let me know your decision" in line for line in seen["listed"])  # type: ignore[attr-defined]
    assert seen["ok before"] is False and seen["ok after"] is True
    assert session.repo.letters() == []
    dana = interview.interviewer_ids[0]
    assert session.repo.draft(interview.id, dana) is not None  # the letter is still there


def test_confirming_records_one_letter_with_the_confirmation_in_one_window(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    composer = composer_with(qtbot, session)

    def confirm(dialog: SendDialog) -> None:
        assert dialog.refused.isHidden()  # nothing the domain refuses here
        dialog.confirm.setChecked(True)
        dialog.reason.setText("They asked for a date")
        dialog.ok.click()

    windows = one_window(on_next_modal, confirm)
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.mark_sent.click()
    qtbot.waitUntil(lambda: "watched" in windows)
    assert windows == ["SendDialog: Mark the letter as sent", "watched"]
    letter = sent.args[0]
    assert session.repo.letters() == [letter]
    assert letter.override.rule == "open-findings"
    assert letter.override.reason.startswith("They asked for a date (sent with open findings:")
    assert "let me know your decision" in letter.override.reason


def test_a_second_letter_and_open_errors_are_gone_over_in_the_same_window(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    dana = interview.interviewer_ids[0]
    composer = composer_with(qtbot, session)
    # Recorded meanwhile by another program (the command line), with this letter still open:
    # a letter already sent is shown as it left, read-only, not written again.
    session.repo.record_letter(interview.id, dana, Channel.POST, NOW)
    seen: dict[str, object] = {}

    def both(dialog: SendDialog) -> None:
        seen["refused"] = dialog.refused.text()
        dialog.confirm.setChecked(True)
        assert not dialog.ok.isEnabled()  # the refusal, too, needs its box
        dialog.anyway.setChecked(True)
        dialog.ok.click()  # no reason yet: said beside the field, nothing written
        seen["no reason"] = dialog.fields.shown().get("reason")
        seen["open"] = dialog.isVisible()
        dialog.reason.setText("They asked for it by e-mail as well")
        dialog.ok.click()

    windows = one_window(on_next_modal, both)
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.mark_sent.click()
    qtbot.waitUntil(lambda: "watched" in windows)
    assert windows == ["SendDialog: Mark the letter as sent", "watched"]
    assert "already had your letter by post" in str(seen["refused"])
    assert "say why this exception is right" in str(seen["no reason"]) and seen["open"]
    letter = sent.args[0]
    assert letter.channel is Channel.EMAIL and len(session.repo.letters(interview.id)) == 2
    assert letter.override.rule == "other-channel"  # the domain's rule, so it was accepted
    assert letter.override.reason.startswith("They asked for it by e-mail as well")
    assert "open findings" in letter.override.reason


def test_the_refusal_follows_the_channel_chosen(qtbot: QtBot) -> None:
    from followup.errors import Refusal

    def check(channel: Channel, _sent_at: object) -> None:
        if channel is Channel.POST:
            raise Refusal("other-channel", "Dana already had your letter by e-mail.")

    dialog = SendDialog(Channel.EMAIL, NOW, ZoneInfo("UTC"), "Dana", check=check)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.refused.isHidden() and dialog.ok.isEnabled() and dialog.reason.isHidden()
    dialog.channel.setCurrentIndex(1)
    assert dialog.refused.isVisible() and not dialog.ok.isEnabled()
    assert dialog.refused.text() == "Dana already had your letter by e-mail."
    dialog.anyway.setChecked(True)
    assert dialog.ok.isEnabled() and dialog.reason.isVisible()
    dialog.channel.setCurrentIndex(0)
    assert dialog.refused.isHidden() and not dialog.anyway.isChecked()


def test_a_date_to_come_is_refused_beside_its_field_and_nothing_is_written(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    composer = composer_with(qtbot, session)
    seen: dict[str, object] = {}

    def tomorrow(dialog: SendDialog) -> None:
        dialog.confirm.setChecked(True)
        dialog.when.setDateTime(dialog.when.dateTime().addDays(1))
        dialog.ok.click()
        seen.update(dialog.fields.shown(), open=dialog.isVisible())
        dialog.reject()

    windows = one_window(on_next_modal, tomorrow)
    with qtbot.assertNotEmitted(composer.letter_sent):
        composer.mark_sent.click()
    qtbot.waitUntil(lambda: "watched" in windows)
    assert windows == ["SendDialog: Mark the letter as sent", "watched"]
    assert "in the future" in str(seen["sent_at"]) and seen["open"]
    assert session.repo.letters() == []


def many_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 more open errors in the body and 30 in the subject (e-mail), each about words of its
    own (the checker lists at most a few per rule, so these are made here; the way from the
    window to the record is the app's)."""
    from followup_desktop.composer import window

    def errors(findings: list[Finding]) -> list[Finding]:
        found = [f for f in findings if f.severity is Severity.ERROR]
        made = [Finding(f"made-{n}", Severity.ERROR, n, n + 55, "Fix this.") for n in range(30)]
        return found + made

    monkeypatch.setattr(window, "open_errors", errors)


LONG = BAD + "\n".join(f"Paragraph {n}: " + "the project went well and " * 3 for n in range(70))


def test_sixty_open_errors_confirmed_without_a_reason_are_recorded(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Modal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every open error was quoted in the record: past 35 or so it passed the 1,000
    characters and the letter was not recorded after the window closed."""
    many_errors(monkeypatch)
    composer = composer_with(qtbot, session, LONG)
    seen: dict[str, object] = {}

    def confirm(dialog: SendDialog) -> None:
        seen["listed"] = dialog.findings.count()
        dialog.confirm.setChecked(True)
        dialog.ok.click()

    windows = one_window(on_next_modal, confirm)
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.mark_sent.click()
    qtbot.waitUntil(lambda: "watched" in windows)
    assert windows == ["SendDialog: Mark the letter as sent", "watched"]
    assert isinstance(seen["listed"], int) and seen["listed"] >= 60
    letter = sent.args[0]
    assert session.repo.letters() == [letter]
    reason = letter.override.reason
    assert reason.startswith("confirmed without a reason (sent with open findings: “")
    assert re.search(r"; … and \d+ more\)$", reason) and len(reason) <= 1000


def test_a_reason_too_long_is_said_beside_it_and_nothing_is_written(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Modal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    many_errors(monkeypatch)
    composer = composer_with(qtbot, session, LONG)
    seen: dict[str, object] = {}

    def too_long(dialog: SendDialog) -> None:
        dialog.confirm.setChecked(True)
        dialog.reason.setText("They asked for it. " * 40)  # 760 characters
        dialog.ok.click()
        seen.update(dialog.fields.shown(), open=dialog.isVisible(), kept=dialog.reason.text())
        dialog.reject()

    windows = one_window(on_next_modal, too_long)
    with qtbot.assertNotEmitted(composer.letter_sent):
        composer.mark_sent.click()
    qtbot.waitUntil(lambda: "watched" in windows)
    assert windows == ["SendDialog: Mark the letter as sent", "watched"]
    assert "the reason is too long" in str(seen["reason"]) and seen["open"]
    assert seen["kept"] == "They asked for it. " * 40  # the typing is not lost
    assert session.repo.letters() == []
