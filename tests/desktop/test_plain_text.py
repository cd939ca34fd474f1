"""Multi-line fields stay responsive whatever is pasted (a megabyte with no space froze the
window for about two minutes when Qt could wrap inside a word)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from followup_desktop.first_run import FirstRunDialog
from followup_desktop.plain_text import PlainText
from followup_desktop.session import Session

GUI = Path(__file__).resolve().parents[2] / "desktop" / "followup_desktop"


def test_a_pasted_megabyte_without_a_space_is_shown_and_kept(qtbot: QtBot) -> None:
    field = PlainText()
    qtbot.addWidget(field)
    field.resize(400, 200)
    field.show()
    field.insertPlainText("x" * 1_000_000)
    field.grab()  # lays out and paints the whole visible part
    assert field.toPlainText() == "x" * 1_000_000
    assert field.document().blockCount() == 1


def test_ordinary_text_still_wraps_inside_the_field(qtbot: QtBot) -> None:
    field = PlainText("word " * 200)
    qtbot.addWidget(field)
    field.resize(300, 200)
    field.show()
    field.grab()
    layout = field.document().firstBlock().layout()
    assert layout.lineCount() > 5  # wrapped at word boundaries, no sideways scrolling


def test_every_multi_line_field_of_the_app_is_one_of_these() -> None:
    made_raw = [
        f"{path.relative_to(GUI)}:{number}"
        for path in GUI.rglob("*.py")
        if path.name != "plain_text.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\b(QPlainTextEdit|QTextEdit)\(", line)
    ]
    assert made_raw == []


def test_tab_in_a_postal_address_moves_on_to_the_next_field(qtbot: QtBot, session: Session) -> None:
    """Found trying the app as a new user: Tab in the set-up's postal address typed a tab
    character, the e-mail and phone went into the address, and Save said 'The address
    contains a control character (U+0009)'. In a form, Tab moves to the next field."""
    dialog = FirstRunDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    address = dialog.editors["profile.address"]
    email = dialog.editors["profile.email"]
    assert isinstance(address, PlainText) and isinstance(email, QLineEdit)
    address.setFocus()
    qtbot.keyClicks(address, "12 Elm Street")
    qtbot.keyClick(address, Qt.Key.Key_Tab)
    qtbot.waitUntil(email.hasFocus, timeout=1000)
    qtbot.keyClicks(email, "jordan@example.org")
    assert address.toPlainText() == "12 Elm Street"
    assert email.text() == "jordan@example.org"
    qtbot.keyClick(email, Qt.Key.Key_Backtab)
    qtbot.waitUntil(address.hasFocus, timeout=1000)  # and Shift+Tab comes back
