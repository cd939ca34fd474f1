"""A hostile user template in the data folder ends with a message; the GUI stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Dialogs, Session


class Recorded(Dialogs):
    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.errors.append((title, message))


@pytest.mark.parametrize(
    ("source", "says"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "steps",
        ),
        ("{{ 9**9999999 }}", "number too large"),
        ("{{ 'x'*10**12 }}", "repeats a text"),
    ],
    ids=["nested loops", "huge power", "huge repetition"],
)
def test_a_hostile_user_template_is_stopped_with_a_message(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path, source: str, says: str
) -> None:
    folder = tmp_path / "templates"  # beside the database, where the app looks
    folder.mkdir()
    (folder / "hostile.j2").write_text("{#\ntitle: Hostile\n#}\n" + source, encoding="utf-8")
    dialogs = Recorded()
    session.dialogs = dialogs
    composer = Composer(session, folder)
    qtbot.addWidget(composer)
    composer.show()
    index = composer.template_box.findText("Hostile")
    assert index >= 0
    composer.template_box.setCurrentIndex(index)
    composer.insert.click()
    assert len(dialogs.errors) == 1
    title, message = dialogs.errors[0]
    assert title == "Template problem" and "Hostile" in message and says in message
    assert composer.editor.toPlainText() == ""  # nothing half-filled
    composer.editor.setPlainText("Still typing")  # the window still answers
    assert composer.editor.toPlainText() == "Still typing"
