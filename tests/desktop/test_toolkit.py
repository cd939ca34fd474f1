"""The Qt binding itself: a release that mis-counts references to None aborts the app
after enough calls (PySide6 6.12.0 on Python 3.11 did, so pyproject excludes it)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class _Highlighter(QSyntaxHighlighter):
    def highlightBlock(self, text: str) -> None:
        self.setFormat(0, 1, QTextCharFormat())


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    document = QTextDocument("a\n" * 200)
    highlighter = _Highlighter(document)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    highlighter.rehighlight()
    assert sys.getrefcount(None) - before > -50, "this PySide6 build leaks references to None"
