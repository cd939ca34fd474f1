"""After "Open in mail app" the app asks plainly whether the letter went ("Record as sent" /
"Not yet"), never assumes it, and offers the subject to copy (some mail apps drop it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.composer.sent_question import SentQuestion
from followup_desktop.session import Session

Modal = Callable[[Callable[[QWidget], None]], None]
SUBJECT = "Thank you, and the Backend Engineer role"


class MailApp(QObject):
    """Stands in for the user's mail app: receives the mailto: URL."""

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


def composer_with_a_good_letter(qtbot: QtBot, session: Session) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.use_template()
    composer.subject.setText(SUBJECT)
    composer.run_check()
    assert composer.findings == [], composer.findings  # no findings gate in the way
    return composer


def question(dialog: QWidget) -> SentQuestion:
    if not isinstance(dialog, SentQuestion):
        dialog.close()  # a failing test must not leave a modal waiting forever
        raise AssertionError(f"expected the sent question, got {type(dialog).__name__}")
    return dialog


def test_not_yet_records_nothing_and_the_subject_can_be_copied(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal, mail_app: MailApp
) -> None:
    composer = composer_with_a_good_letter(qtbot, session)
    seen: dict[str, object] = {}

    def answer(dialog: QWidget) -> None:
        asked = question(dialog)
        seen["title"] = asked.windowTitle()
        intro = getattr(asked, "intro", None)  # (a missing one fails below, not here)
        seen["said"] = QTextDocumentFragment.fromHtml(intro.text() if intro else "").toPlainText()
        seen["buttons"] = (asked.record.text(), asked.not_yet.text())
        seen["default"] = asked.not_yet.isDefault() and not asked.record.isDefault()
        QGuiApplication.clipboard().setText("something else")
        asked.copy_subject.click()
        seen["clipboard"] = QGuiApplication.clipboard().text()
        qtbot.keyClick(asked, Qt.Key.Key_Return)  # Enter: the default, "Not yet"

    on_next_modal(answer)
    composer.bar.mail_app.click()
    assert mail_app.urls and mail_app.urls[0].startswith("mailto:dana@acme.example")
    assert seen["title"] == "Did you send it?"
    said = str(seen["said"])  # who it is to, address too (it was taken for markup and hidden)
    assert "Did you send it?" in said and "Dana Müller <dana@acme.example>" in said, said
    assert seen["buttons"] == ("Record as sent", "Not yet")
    assert seen["default"], "a stray Enter must not record the letter"
    assert seen["clipboard"] == SUBJECT
    assert session.repo.letters() == []


def test_record_as_sent_records_the_letter(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal, mail_app: MailApp
) -> None:
    composer = composer_with_a_good_letter(qtbot, session)
    on_next_modal(lambda dialog: question(dialog).record.click())
    with qtbot.waitSignal(composer.letter_sent, timeout=5000) as sent:
        composer.bar.mail_app.click()
    assert session.repo.letters() == [sent.args[0]]
    assert sent.args[0].override is None
