"""A start that cannot go on says why in a dialog and quits with a non-zero code; it never
leaves the window on 'Loading…' with a traceback only a terminal would show."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_a_link_that_loops_is_said_in_a_dialog(said: Said, tmp_path: Path) -> None:
    """Path.resolve() raises RuntimeError for a loop, not OSError: it ended the start with a
    traceback, before any window, for --db and for the data folder's file alike."""
    (tmp_path / "a.sqlite3").symlink_to(tmp_path / "b.sqlite3")
    (tmp_path / "b.sqlite3").symlink_to(tmp_path / "a.sqlite3")
    assert start(["--db", str(tmp_path / "a.sqlite3")]) == 2
    [(title, text)] = said
    assert "cannot be" in text and str(tmp_path / "a.sqlite3") in text, (title, text)


def test_a_home_folder_of_no_such_user_is_taken_as_written(
    said: Said, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``~nosuchuser/…`` cannot be expanded (RuntimeError: a traceback before any window).
    As the command line does, it is a name like any other, here under the current folder."""
    monkeypatch.chdir(tmp_path)
    assert app._named_database("~nosuchuser-followup/db.sqlite3") == (
        tmp_path / "~nosuchuser-followup" / "db.sqlite3"
    )


PIPE_PROBE = """
import sys
from PySide6.QtWidgets import QMessageBox
import followup_desktop.app as app

def told(parent, title, text, *rest):
    print(title, "|", text, flush=True)
    return QMessageBox.StandardButton.Ok

QMessageBox.critical = QMessageBox.warning = staticmethod(told)
sys.exit(app.main(["--db", sys.argv[1]]))
"""


def test_a_pipe_where_the_database_should_be_is_said_not_waited_on(tmp_path: Path) -> None:
    """The early check read it and waited for a writer for good: the window stayed
    "Loading…" and not even a stop signal ended it. In a process of its own, with a time
    limit, so a hang fails the test instead of the suite."""
    path = tmp_path / "followup.sqlite3"
    os.mkfifo(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", PIPE_PROBE, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr[-2000:]
    title, _, text = done.stdout.strip().partition(" | ")
    assert title == "Database cannot be opened"
    assert "is not a file (a folder, a pipe or a device is there)" in text
