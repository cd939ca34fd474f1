"""Secrets at send time: no password leaves without TLS unless the user recorded "I
understand", and a password typed at send time is kept in the keyring only on a yes."""

from __future__ import annotations

from collections.abc import Callable

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop import credentials
from followup_desktop.composer.password_dialog import PasswordDialog
from followup_desktop.session import Session

from ..smtp_server import PASSWORD, USER, smtp_server
from .test_delivery import answer, composer

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
Modal = Callable[[Callable[[QWidget], None]], None]


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps what it is given in this process (the real Secret Service is
    tested in a subprocess, in test_credentials.py)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


def test_without_tls_the_password_is_neither_asked_for_nor_sent(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    with smtp_server() as (inbox, port):
        page = composer(qtbot, session, smtp_port=port)
        session.save_settings_or_raise({"smtp.allow_unencrypted_login": False})
        seen: list[tuple[str, str]] = []

        def said(box: QWidget) -> None:
            assert isinstance(box, QMessageBox), type(box)  # not a password dialog
            seen.append((box.windowTitle(), box.text()))
            box.accept()

        on_next_modal(said)
        page.bar.send.click()
        qtbot.waitUntil(lambda: bool(seen))
        [(title, text)] = seen
        assert title == "Not sent"
        assert "unencrypted" in text and "I understand" in text
        assert inbox.logins == [] and inbox.messages == []
        assert session.repo.letters() == []


@pytest.mark.parametrize("keep", [False, True])
def test_a_typed_password_is_kept_only_if_the_user_says_so(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal, keep: bool
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)  # the autouse no_keyring fixture puts the old one back
    with smtp_server() as (inbox, port):
        page = composer(qtbot, session, smtp_port=port)
        offered: list[tuple[bool, bool]] = []

        def password(dialog: QWidget) -> None:
            assert isinstance(dialog, PasswordDialog), type(dialog)
            offered.append((dialog.keep.isEnabled(), dialog.keep.isChecked()))
            dialog.password.setText(PASSWORD)
            dialog.keep.setChecked(keep)
            on_next_modal(lambda box: answer(box, QMessageBox.StandardButton.Yes))
            dialog.accept()

        on_next_modal(password)
        with qtbot.waitSignal(page.letter_sent, timeout=10000):
            page.bar.send.click()
        assert offered == [(True, False)]  # offered, never ticked for the user
        assert len(inbox.messages) == 1
    account = credentials.account_name(USER, "127.0.0.1")
    expected = {(credentials.SERVICE, account): PASSWORD} if keep else {}
    assert memory.kept == expected
