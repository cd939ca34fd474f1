"""Multi-line fields stay responsive whatever is pasted (a megabyte with no space froze the
window for about two minutes when Qt could wrap inside a word)."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from followup_desktop.plain_text import PlainText

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
