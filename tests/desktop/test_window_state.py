"""What the user arranged stays arranged between runs; the window works at 800×600; Help
explains the rules; save dialogs start where the user's documents are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.deferred_settings import WRITE_AFTER_MS
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session
from followup_desktop.view_state import save_path


def window(qtbot: QtBot, session: Session) -> MainWindow:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_size_position_and_page_are_remembered(qtbot: QtBot, session: Session) -> None:
    first = window(qtbot, session)
    first.resize(780, 560)  # within the offscreen screen (800×600)
    first.show_page("calendar")
    first.close()
    again = window(qtbot, session)
    assert (again.width(), again.height()) == (780, 560)
    assert again.stack.currentWidget() is again.page("calendar")


def test_sort_order_and_splitter_are_remembered(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    first = window(qtbot, session)
    first.resize(760, 560)
    tree = first.interviews.tree
    tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first.show_page("letters")
    splitter = first.composer.findChild(QSplitter)
    assert splitter is not None
    splitter.moveSplitter(300, 1)
    saved_sizes = splitter.sizes()
    first.close()
    again = window(qtbot, session)
    header = again.interviews.tree.header()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    again.show_page("letters")
    restored = again.composer.findChild(QSplitter)
    assert restored is not None and abs(restored.sizes()[0] - saved_sizes[0]) <= 2


@pytest.mark.parametrize("page", ["today", "interviews", "calendar", "letters"])
def test_every_page_fits_800_by_600(
    qtbot: QtBot, session: Session, interview: Round, page: str
) -> None:
    w = window(qtbot, session)
    w.show_page(page)
    w.resize(800, 600)
    assert w.minimumSizeHint().width() <= 800 and w.minimumSizeHint().height() <= 600
    assert (w.width(), w.height()) == (800, 600)


def test_how_it_works_explains_each_rule_with_its_reason(
    qtbot: QtBot, session: Session, on_next_modal: object
) -> None:
    from followup_desktop.help import HowItWorks

    w = window(qtbot, session)
    assert [a.text() for a in w.menuBar().actions()][-1] == "&Help"
    dialog = HowItWorks(w)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for rule in ("two business days", "One letter", "One short call", "wait"):
        assert rule.lower() in text.lower()
    assert text.count("Why:") >= 3
    assert "R1" not in text and "R3" not in text  # no rule codes in what users read


def test_about_names_version_data_folder_and_licence(session: Session) -> None:
    from followup import __version__
    from followup_desktop.help import about_text

    text = about_text(__version__, session.data_folder())
    assert __version__ in text and str(session.data_folder()) in text
    assert "General Public License" in text


def test_save_dialog_starts_in_documents_then_remembers(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    answers = iter([str(tmp_path / "out" / "a.ics"), ""])

    def fake(parent: QWidget | None, title: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return next(answers), filters

    (tmp_path / "out").mkdir()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    Path(documents).mkdir(parents=True)  # (without one: home, test_save_folder.py)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert save_path(None, "Export", "a.ics", "*.ics") == tmp_path / "out" / "a.ics"
    assert Path(offered[0]).parent == Path(documents)
    assert save_path(None, "Export", "b.ics", "*.ics") is None  # cancelled
    assert Path(offered[1]) == tmp_path / "out" / "b.ics"  # the folder used last


def test_about_box_opens_from_the_menu(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda p, t, text: shown.append(text)))
    w = window(qtbot, session)
    w.actions_by_name["about"].trigger()
    assert shown and "Interview Follow-Up" in shown[0]


def _written(key: str) -> object:
    """What the settings file holds for ``key``, read afresh (not what the app kept)."""
    settings = QSettings()
    settings.sync()  # takes in what another QSettings wrote
    return settings.value(key)


def _count_writes(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The keys of each write of the settings file from now on (a sync that wrote values)."""
    writes: list[list[str]] = []
    pending: list[str] = []
    set_value, sync = QSettings.setValue, QSettings.sync

    def setValue(self: QSettings, key: str, value: object) -> None:
        pending.append(key)
        set_value(self, key, value)

    def synced(self: QSettings) -> None:
        if pending:
            writes.append(sorted(pending))
            pending.clear()
        sync(self)

    monkeypatch.setattr(QSettings, "setValue", setValue)
    monkeypatch.setattr(QSettings, "sync", synced)
    return writes


def test_what_the_mouse_arranges_is_written_once_the_user_stops(
    qtbot: QtBot, session: Session, interview: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drag or a header click writes the settings file once the user stops, not at every
    move (each write is the whole file, on the GUI thread)."""
    w = window(qtbot, session)
    w.resize(760, 560)
    w.show_page("letters")
    splitter = w.composer.findChild(QSplitter)
    assert splitter is not None
    qtbot.wait(WRITE_AFTER_MS * 2)  # what opening the pages kept is written
    writes = _count_writes(monkeypatch)
    for position in range(200, 400, 10):  # a drag: a value at every move
        splitter.moveSplitter(position, 1)
    w.interviews.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a header click
    w.interviews.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert writes == []
    assert _written("headers/interviews") is None
    qtbot.waitUntil(lambda: writes == [["headers/interviews", "splitters/composer"]], timeout=3000)
    restored = QSplitter()
    restored.addWidget(QWidget())
    restored.addWidget(QWidget())
    qtbot.addWidget(restored)
    saved = _written("splitters/composer")
    assert isinstance(saved, QByteArray) and restored.restoreState(saved)
    assert _written("headers/interviews") == w.interviews.tree.header().saveState()
    qtbot.wait(WRITE_AFTER_MS * 2)
    assert len(writes) == 1  # and nothing more


def test_closing_the_window_writes_what_was_arranged_at_once(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    w = window(qtbot, session)
    w.show_page("interviews")
    w.interviews.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    w.show_page("calendar")
    w.close()
    assert _written("window/page") == "calendar"
    assert isinstance(_written("headers/interviews"), QByteArray)


def _settings_written_by(script: str) -> str:
    """The settings file a process of its own wrote, running ``script`` (whose last line
    printed is the file's name): its settings are read afterwards, not from this process's."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")


def test_quitting_writes_what_was_arranged() -> None:
    """However the application quits (here with no window at all, as when the window is in
    the tray), the values kept are written as it quits."""
    written = _settings_written_by(
        "import sys\n"
        "from PySide6.QtCore import QSettings, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from followup_desktop.deferred_settings import keep\n"
        "app = QApplication(sys.argv[:1])\n"
        "app.setOrganizationName('Interview Follow-Up')\n"
        "app.setApplicationName('Interview Follow-Up')\n"
        "keep('headers/interviews', b'arranged')\n"
        "print(QSettings().fileName(), flush=True)\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n"
    )
    assert "arranged" in written


def test_what_an_application_gone_without_quitting_kept_is_written_by_the_next() -> None:
    """An application destroyed without quitting (a tool, a test) takes its timer with it,
    not what it kept: that is still read as kept, and the next application writes it with
    its own values (two applications one after the other)."""
    written = _settings_written_by(
        "import gc, sys\n"
        "from PySide6.QtCore import QCoreApplication, QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from followup_desktop.deferred_settings import keep, kept, write_kept\n"
        "QCoreApplication.setOrganizationName('Interview Follow-Up')\n"
        "QCoreApplication.setApplicationName('Interview Follow-Up')\n"
        "app = QApplication(sys.argv[:1])\n"
        "keep('window/page', 'calendar')\n"
        "app.shutdown()\n"
        "del app\n"
        "gc.collect()\n"
        "assert kept('window/page') == 'calendar'\n"
        "again = QApplication(sys.argv[:1])\n"
        "keep('headers/interviews', b'arranged')\n"
        "write_kept()\n"
        "print(QSettings().fileName(), flush=True)\n"
    )
    assert "calendar" in written and "arranged" in written
