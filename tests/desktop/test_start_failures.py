"""A start that cannot go on says why in a dialog and quits with a non-zero code; it never
leaves the window on 'Loading…' with a traceback only a terminal would show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop import app

Said = list[tuple[str, str]]


def start(argv: list[str]) -> int:
    """``app.main`` in this process. Its quit closes the window, and the last window closed
    posts one more Quit that would end the next test's first dialog at once: taken away."""
    code = app.main(argv)
    QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
    return code


@pytest.fixture
def said(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Said]:
    """``app.main`` run in this process: its dialogs answered at once and written down, what
    it sets on the application put back, its window closed, and a start that never ends
    stopped after a few seconds (so a failing test fails instead of waiting)."""
    told: Said = []

    def record(_parent: QWidget | None, title: str, text: str, *_: object) -> object:
        told.append((title, text))
        return QMessageBox.StandardButton.Ok

    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record))
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    kept = (qapp.applicationName(), qapp.organizationName(), qapp.desktopFileName())
    quits = qapp.quitOnLastWindowClosed()
    before = set(qapp.topLevelWidgets())
    stuck = QTimer()
    stuck.setSingleShot(True)
    stuck.timeout.connect(lambda: (told.append(("stuck", "never ended")), qapp.quit()))
    stuck.start(8000)
    try:
        yield told
    finally:
        stuck.stop()
        qapp.setApplicationName(kept[0])
        qapp.setOrganizationName(kept[1])
        qapp.setDesktopFileName(kept[2])
        qapp.setQuitOnLastWindowClosed(quits)
        qapp.setStyleSheet("")
        for widget in set(qapp.topLevelWidgets()) - before:
            widget.deleteLater()


def test_a_database_name_too_long_is_said_in_a_dialog(said: Said, tmp_path: Path) -> None:
    """Path.exists() raises for a name too long: the early check must not start then, and the
    opening says it in words, as for any file out of reach (it raised, and stayed Loading…)."""
    path = tmp_path / ("a" * 300 + ".sqlite3")
    assert start(["--db", str(path)]) == 2
    [(title, text)] = said
    assert title == "Database cannot be opened"
    assert "cannot be reached" in text and "File name too long" in text
    assert not list(tmp_path.iterdir())


def test_any_failure_of_the_start_is_said_and_the_app_quits(
    said: Said, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("the views could not be built")

    monkeypatch.setattr(app, "_finish_startup", broken)
    assert start(["--db", str(tmp_path / "start.sqlite3")]) == 1
    [(title, text)] = said
    assert title == "Interview Follow-Up could not start"
    assert "the views could not be built" in text
