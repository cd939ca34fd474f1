"""A new user's first start (issue 12: time to content): no copy of Today is kept yet, and
the database holds nothing (or is not made yet), so the window's first paint is the first-run
page, exactly as the live Today draws it, before the domain loads. Real files, real widgets,
the system's zone moved to New York, a clock at the day's edge."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application
from followup.paths import default_db_path
from followup.storage import Database, Repository
from followup.system_zone import reread
from followup_desktop import app as desktop_app
from followup_desktop import today_copy
from followup_desktop.clock import FixedClock
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session
from followup_desktop.shell import Shell
from followup_desktop.today_face import FIRST_RUN
from followup_desktop.today_preview import TodayPreview

from .conftest import NOW, NY
from .test_time_moves import Recorder
from .test_today_copy import early_today_in_a_process, live_face, page_image


@pytest.fixture(autouse=True)
def system_zone() -> Iterator[None]:
    """The system's clock in New York (TZ, which tzlocal reads first), not the tests' UTC:
    the day is the zone's, not UTC's."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = NY.key
    reread()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    reread()


@pytest.fixture
def new_file(tmp_path: Path) -> Path:
    """A database as the first start made it, closed: no application, no setting."""
    path = tmp_path / "new.sqlite3"
    Database.open(path, NOW).close()
    return path.resolve()


@pytest.fixture
def live(qtbot: QtBot, new_file: Path) -> Iterator[Callable[[datetime], Session]]:
    """Sessions on the new file, as the start goes on to open it; closed after the widgets."""
    opened: list[Database] = []

    def at(moment: datetime) -> Session:
        opened.append(Database.open(new_file, NOW))
        return Session(Repository(opened[-1]), FixedClock(moment))

    yield at
    for database in opened:
        database.close()


def first_paint(window: MainWindow, path: Path | None, now: datetime) -> TodayPreview | None:
    preview = desktop_app._early_today(window, path, now)
    assert preview is None or isinstance(preview, TodayPreview)
    return preview


def test_a_new_database_opens_on_the_first_run_page_the_live_today_then_draws_alike(
    qtbot: QtBot, new_file: Path, live: Callable[[datetime], Session]
) -> None:
    assert not today_copy.copy_path(new_file).exists()  # nothing kept: a first start
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 720)
    preview = first_paint(window, new_file, NOW)
    assert preview is not None and preview.face.first_run and preview.face.empty == FIRST_RUN
    painted: list[bool] = []
    preview.when_painted(lambda: painted.append(True))
    window.show()
    qtbot.waitUntil(lambda: painted == [True])
    assert window.stack.currentWidget() is preview
    assert preview.start.isVisible() and preview.list.isHidden()
    before = page_image(preview)
    session = live(NOW)
    assert preview.face == live_face(qtbot, session)
    session.today_first = True
    shell = Shell(session, notifier=Recorder(), window=window)
    shell.start()
    qtbot.waitUntil(lambda: window.preview is None)
    assert window.stack.currentWidget() is window.today
    qtbot.waitUntil(lambda: shell.settled)
    window.banner.hide()  # the reminders' line, either way
    qtbot.waitUntil(lambda: page_image(window.today) == before, timeout=2000)


def test_no_file_yet_is_a_first_start_and_the_look_makes_none(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "followup.sqlite3"
    window = MainWindow()
    qtbot.addWidget(window)
    preview = first_paint(window, path, NOW)
    assert preview is not None and preview.face.first_run
    assert list(tmp_path.iterdir()) == []


def test_the_first_page_names_the_systems_day_and_leaves_with_it(
    qtbot: QtBot, new_file: Path, live: Callable[[datetime], Session]
) -> None:
    """10 p.m. in New York is the next day in UTC: the page names New York's day, holds
    until New York's midnight, and past it says "Loading…" rather than a day gone (as the
    kept copy does). Start-up passes the moment in UTC, as here."""
    window = MainWindow()
    qtbot.addWidget(window)
    evening = datetime(2026, 11, 27, 22, tzinfo=NY).astimezone(UTC)
    preview = first_paint(window, new_file, evening)
    assert preview is not None
    session = live(evening)
    assert preview.face.heading == live_face(qtbot, session).heading
    assert "27" in preview.face.heading and "28" not in preview.face.heading
    two_hours = 2 * 3600 * 1000
    assert preview.expiry.timerType() == Qt.TimerType.PreciseTimer  # not 5 % late
    assert two_hours - 10_000 < preview.expiry.remainingTime() <= two_hours + 1
    late = datetime(2026, 11, 27, 23, 59, 58, 500_000, tzinfo=NY).astimezone(UTC)
    preview = first_paint(window, new_file, late)
    assert preview is not None and preview.heading.text() == preview.face.heading
    qtbot.waitUntil(lambda: preview.empty.text() == "Loading…", timeout=5000)
    assert preview.heading.text() == "" and preview.start.isHidden()


def test_a_database_with_an_application_or_a_zone_of_its_own_waits_for_the_live_page(
    qtbot: QtBot, new_file: Path
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    database = Database.open(new_file, NOW)
    repo = Repository(database)
    repo.save_settings({"calendar.timezone": "Asia/Tokyo"})
    assert first_paint(window, new_file, NOW) is None  # Tokyo's day, not the system's
    repo.save_settings({"calendar.timezone": ""})
    assert first_paint(window, new_file, NOW) is not None
    repo.add_application(Application(0, "Acme", "Dev"))
    assert first_paint(window, new_file, NOW) is None  # no copy kept: the usual start
    database.close()


def test_a_launch_from_the_menu_trusts_qts_data_folder_only_where_platformdirs_agrees(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No database named: Qt's guess at the data folder's file has nothing there. That is a
    first start only if platformdirs, which start-up opens by, names the same file; where
    it names another (a folder override Qt does not read), that one may hold data."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert today_copy.default_database() == default_db_path()
    assert not default_db_path().exists()
    assert first_paint(window, None, NOW) is not None
    monkeypatch.setattr(today_copy, "default_database", lambda: tmp_path / "qt.sqlite3")
    assert first_paint(window, None, NOW) is None


def test_a_data_folder_reached_through_a_link_is_the_same_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user's data folder is a link to another disk: Qt and platformdirs name it by the
    link, the look by where it leads; the same file all the same."""
    real = tmp_path / "disk" / "data"
    real.mkdir(parents=True)
    link = tmp_path / "linked-data"
    link.symlink_to(real)
    monkeypatch.setenv("XDG_DATA_HOME", str(link))
    window = MainWindow()
    qtbot.addWidget(window)
    assert str(default_db_path()).startswith(str(link))
    assert first_paint(window, None, NOW) is not None


def test_add_pressed_on_the_first_page_opens_the_form_once_the_page_is_live(
    qtbot: QtBot,
    new_file: Path,
    live: Callable[[datetime], Session],
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """The first page's button, pressed before the live page came: not lost."""
    window = MainWindow()
    qtbot.addWidget(window)
    preview = first_paint(window, new_file, NOW)
    assert preview is not None
    window.show()
    qtbot.waitUntil(preview.start.isVisible)
    qtbot.mouseClick(preview.start, Qt.MouseButton.LeftButton)
    opened: list[str] = []

    def close(dialog: QWidget) -> None:
        opened.append(dialog.windowTitle())
        dialog.close()

    on_next_modal(close)
    shell = Shell(live(NOW), notifier=Recorder(), window=window)
    shell.start()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    assert "application" in opened[0].lower()
    assert window.stack.currentWidget() is window.page("interviews")


def test_a_first_start_paints_the_first_page_before_the_domain_loads(tmp_path: Path) -> None:
    """As a first start runs, in a process of its own, on a database not made yet: the page
    is there before the plans, the settings or the store's records are imported, and with
    no card to draw, before what draws cards (``card_painter``: ~4 ms); its day is named
    without the domain's date styles (``date_style`` and the dataclasses module: ~2 ms)."""
    said = early_today_in_a_process(
        "print(preview is not None and preview.face.first_run, [m for m in ("
        "'followup.plan', 'followup.settings', 'followup.model', 'followup.storage.repository',"
        " 'followup_desktop.card_painter', 'followup.date_style', 'dataclasses')"
        " if m in sys.modules])",
        dict(os.environ, FOLLOWUP_DB=str(tmp_path / "followup.sqlite3")),
    )
    assert said.strip().split(maxsplit=1) == ["True", "[]"], said
    assert list(tmp_path.iterdir()) == []


def test_the_first_run_page_is_one_face_wherever_it_is_made() -> None:
    """The live page's words and the first paint's come from the same function."""
    from followup_desktop.locale_dates import LocaleDates
    from followup_desktop.today_face import first_run_face
    from followup_desktop.today_wording import today_face

    day = NOW.astimezone(NY).date()
    dates = LocaleDates(day)
    live = today_face(
        [],
        [],
        today=day,
        dates=dates,
        ready=0,
        folded=0,
        expanded=False,
        loaded=True,
        first_run=True,
    )
    assert live == first_run_face(dates.long_day(day))


def test_the_section_names_stay_put_when_their_icons_come(
    qtbot: QtBot, new_file: Path, live: Callable[[datetime], Session]
) -> None:
    """The frame paints before the icons are drawn (QtSvg waits until after it): each
    name already sits where it will with its icon, so nothing moves when the icons come."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    sidebar = window.sidebar
    names = sidebar.viewport().rect().adjusted(45, 0, 0, 0)  # right of the icons' column
    icons = sidebar.viewport().rect().adjusted(0, 0, 45 - sidebar.viewport().width(), 0)
    before = sidebar.viewport().grab(names).toImage()
    no_icons = sidebar.viewport().grab(icons).toImage()
    shell = Shell(live(NOW), notifier=Recorder(), window=window)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    assert not sidebar.item(1).icon().isNull()
    assert sidebar.viewport().grab(names).toImage() == before
    assert sidebar.viewport().grab(icons).toImage() != no_icons  # the icons are drawn now


BAD_SYSTEM_ZONE = """
import os, sys
import tzlocal
tzlocal.get_localzone_name = lambda: "garbage/Zone"  # /etc/timezone edited by hand
from PySide6.QtCore import QTimer
import followup_desktop.app as app
import followup_desktop.start_dialogs as start_dialogs

def failed(window, error):
    print("start failed:", type(error).__name__, error, flush=True)
    os._exit(3)

start_dialogs.say_start_failed = failed

def report(when_painted, started):
    def settled():
        if not started or not started[0].settled:
            QTimer.singleShot(20, settled)
            return
        session = started[0].session
        print("started in", session.zone.key, len(session.items()), flush=True)
        os._exit(0)
    when_painted(settled)

app.report_content = report
app.main(["--exit-after-content", "--db", sys.argv[1]])
"""


def test_a_system_zone_this_machine_lacks_still_starts_the_app(tmp_path: Path) -> None:
    """tzlocal passes on a name from /etc/timezone unchecked: one this machine's zone data
    lacks starts the app in UTC (the Settings dialog names it), not a start-failed dialog."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    env.pop("TZ", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", BAD_SYSTEM_ZONE, str(tmp_path / "new.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == "started in UTC 0", done.stdout + done.stderr[-2000:]
