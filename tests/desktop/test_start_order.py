"""Start-up order: Today paints with the user's data first; the work the user does not see
(reminders missed while closed, the system bus, a full garbage collection) comes after."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import followup_resources
import pytest
from pytestqt.qtbot import QtBot

from followup.demo import populate
from followup.model import Round
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session
from followup_desktop.shell import Shell, settle_memory

from .conftest import NY


class Recorder:
    def __init__(self, events: list[str]) -> None:
        self.events = events

    def notify(self, reminders: object) -> bool:
        self.events.append("reminded")
        return True


@pytest.mark.parametrize("shown", ["cards", "empty state"])
def test_missed_reminders_are_checked_after_today_painted_with_data(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, shown: str
) -> None:
    clock.set(datetime(2026, 11, 30, 18, tzinfo=NY))  # past the deadline: reminders missed
    if shown == "empty state":
        session.repo.delete_application(interview.application_id)
    events: list[str] = []
    shell = Shell(session, notifier=Recorder(events))
    qtbot.addWidget(shell.window)

    def loaded() -> None:
        events.append("loaded")
        shell.window.today.when_data_painted(lambda: events.append("painted"))

    shell.loaded.connect(loaded)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    today = shell.window.today
    if shown == "cards":
        assert today.model.rows, "the overdue letter is on Today"
        assert events == ["loaded", "painted", "reminded"]
    else:
        assert not today.model.rows and today.empty.isVisible()
        assert events == ["loaded", "painted"]  # nothing to remind of


def test_shipped_files_read_the_same_from_the_folder_as_through_importlib() -> None:
    for parts in (("style.qss",), ("icons", "today.svg")):
        expected = resources.files("followup_resources").joinpath(*parts).read_bytes()
        assert followup_resources.read_bytes(*parts) == expected


def test_the_tray_reminders_and_the_watch_for_other_writers_come_after_the_paint(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    shell = Shell(session, notifier=Recorder([]))
    qtbot.addWidget(shell.window)
    built_at_paint: list[bool] = []
    shell.loaded.connect(
        lambda: shell.window.today.when_data_painted(lambda: built_at_paint.append(shell.services))
    )
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    assert built_at_paint == [False]
    assert shell.services and shell.other_writers.timer.isActive()
    assert shell.tray.menu.actions()[0].text().startswith("Coming up: Thank-you letter to ")


def test_a_window_that_does_not_paint_still_settles(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Shown but covered or iconified, the window may not paint: the reminders come anyway."""
    shell = Shell(session, notifier=Recorder([]))
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    shell.window.today.setUpdatesEnabled(False)  # its paint never comes
    shell.load()
    assert not shell.settled
    qtbot.waitUntil(lambda: shell.settled, timeout=3000)


def test_with_another_page_shown_the_start_still_settles(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    shell = Shell(session, notifier=Recorder([]))
    qtbot.addWidget(shell.window)
    shell.window.show_page("calendar")
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    assert shell.window.stack.currentWidget() is shell.window.page("calendar")


def test_the_collector_paused_for_the_start_runs_again_once_settled() -> None:
    gc.disable()
    try:
        settle_memory()
        assert gc.isenabled()
    finally:
        gc.enable()


FRAME_PROBE = """
import os, sys
import PySide6.QtCore
import followup_desktop.app as app

def at_frame(*args):  # the window's frame has painted: what did it cost to get here?
    print("qt-namespace-built", "Qt" in vars(PySide6.QtCore), flush=True)
    os._exit(0)

app._finish_startup = at_frame
app.main(["--exit-after-content", "--db", sys.argv[1]])
"""


def probe(script: str, database: Path, home: Path) -> str:
    """What ``script`` prints, run as the app's own process on ``database`` (its user
    folders in ``home``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", script, str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout + done.stderr


def test_the_frame_paints_before_the_qt_namespace_is_built(tmp_path: Path) -> None:
    """PySide builds every enum of the Qt namespace at its first use (12 ms): the frame does
    not wait for it (Today, which needs it, comes right after)."""
    said = probe(FRAME_PROBE, tmp_path / "new.sqlite3", tmp_path)
    assert "qt-namespace-built False" in said, said


CONTENT_PROBE = """
import os, sys
import PySide6.QtCore
import followup_desktop.app as app

def report(when_painted, started):  # Today's first paint with data: what did it cost?
    def painted():
        print("qt-namespace-built", "Qt" in vars(PySide6.QtCore), flush=True)
        print("qtsvg-loaded", "PySide6.QtSvg" in sys.modules, flush=True)
        os._exit(0)
    when_painted(painted)

app.report_content = report
os.environ[app.BENCHMARK_START] = "0"
app.main(["--db", sys.argv[1]])
"""


def test_today_paints_its_cards_before_the_qt_namespace_is_built(tmp_path: Path) -> None:
    """A first start (no copy of Today kept): the live Today, with cards, paints before the
    ``Qt`` namespace's 93 enums are built (they come after that paint)."""
    path = tmp_path / "searching.sqlite3"
    now = datetime.now(UTC)  # the app's own clock: a search under way as it starts
    database = Database.open(path, now)
    populate(Repository(database), now, NY, count=30)
    database.close()
    said = probe(CONTENT_PROBE, path, tmp_path)
    assert "qt-namespace-built False" in said, said
    assert "qtsvg-loaded True" in said, said  # the cards' icons, drawn (and kept)


def test_the_next_start_draws_the_icons_from_their_kept_pixels(tmp_path: Path) -> None:
    """Icons drawn once are kept as pixels (``kept_pixels``): the next start's cards have theirs
    without loading QtSvg or parsing a picture before that paint."""
    path = tmp_path / "searching.sqlite3"
    now = datetime.now(UTC)
    database = Database.open(path, now)
    populate(Repository(database), now, NY, count=30)
    database.close()
    assert "qtsvg-loaded True" in probe(CONTENT_PROBE, path, tmp_path)
    said = probe(CONTENT_PROBE, path, tmp_path)
    assert "qtsvg-loaded False" in said, said
    assert "qt-namespace-built False" in said, said  # reading them needs no ``Qt`` either
