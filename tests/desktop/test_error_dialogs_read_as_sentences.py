"""A refusal shown in a window reads as a sentence: "No outgoing mail server is set
(Settings, E-mail)." rather than the command line's "no outgoing mail server is set
(Settings, E-mail)" (found trying Send e-mail as a new user, before setting up mail)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.errors import as_sentence
from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session


def test_send_email_without_a_mail_server_says_so_in_a_sentence(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.use_template()
    shown: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), type(box)
        shown.append(box.text())
        box.accept()

    on_next_modal(read)
    composer.bar.send.click()
    assert shown == ["No outgoing mail server is set (Settings, E-mail)."]
    assert session.repo.letters() == []


def test_as_sentence_leaves_a_sentence_alone() -> None:
    assert as_sentence("Sent. ") == "Sent."
    assert as_sentence("is it?") == "Is it?"
    assert as_sentence("") == ""
