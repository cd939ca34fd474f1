"""A plain-text field that stays responsive whatever is pasted into it.

Qt's default wrapping may break a line inside a word, and laying out one unbroken run that
way grows with the square of its length: a pasted megabyte without a space froze the window
for about two minutes. Wrapping at word boundaries only lays the same text out in well under
a second; the price is that a single word wider than the field scrolls sideways instead of
breaking, which real letters and notes never need.

A paste leaves out what no field may hold (followup.validation.without_refused): a terminal's
colour codes or a web page's hidden text-direction overrides made the letter impossible to
save as a draft or to record, with nothing on screen to show why; ``left_out`` says how many
went.

Tab moves on to the next field, as everywhere else in a form: it used to go into an address
as a tab character, with the next fields' words after it, and the address was then refused
for holding a control character.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from followup.validation import without_refused


class PlainText(QPlainTextEdit):
    left_out = Signal(int)  # characters a paste held that no field may hold

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setTabChangesFocus(True)
        if text:
            self.setPlainText(text)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802  (Qt's name)
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        text, dropped = without_refused(source.text())
        self.textCursor().insertText(text)
        self.ensureCursorVisible()
        if dropped:
            self.left_out.emit(dropped)
