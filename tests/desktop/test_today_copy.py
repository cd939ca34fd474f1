"""The copy of Today kept for start-up (issue 12: time to content): the window's first paint
has the user's data in it, and only when that is exactly what the live Today shows at that
moment. Real database files, real widgets, a clock that moves across the copy's days."""

from __future__ import annotations

import marshal
import os
import sqlite3
import stat
import subprocess
import sys
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.demo import populate
from followup.model import Channel, Draft, Round
from followup.paths import cache_dir, default_db_path
from followup.storage import Database, Repository
from followup_desktop import app as desktop_app
from followup_desktop import today_copy
from followup_desktop.clock import FixedClock
from followup_desktop.main_window import MainWindow
from followup_desktop.region import system_country
from followup_desktop.session import Session
from followup_desktop.shell import Shell
from followup_desktop.today import TodayView
from followup_desktop.today_copy import (
    HEADER,
    copy_path,
    default_database,
    from_bytes,
    kept_stretch,
    locale_key,
    to_bytes,
)
from followup_desktop.today_copy_maker import TodayCopier, make_copy
from followup_desktop.today_face import TodayFace
from followup_desktop.today_preview import TodayPreview

from .conftest import NOW, NY
from .test_time_moves import Recorder

LOCALE = locale_key(QLocale())  # the tests' locale, C (tests/desktop/conftest.py)


def kept_face(database: Path, now: datetime, locale: str) -> TodayFace | None:
    stretch = kept_stretch(database, now, locale)
    return None if stretch is None else stretch.face


def path_of(session: Session) -> Path:
    return Path(session.repo.db.path).resolve()


def keep_copy(session: Session, now: datetime = NOW) -> Path:
    """Make the copy as the running app does (off its thread there; here, at once)."""
    path = path_of(session)
    made = make_copy(path, QLocale(), now, system_country())
    assert made, "nothing wrote meanwhile: the copy is kept"
    return path


def kept_data(database: Path) -> dict[str, Any]:
    """The copy's data as kept on disk."""
    data = from_bytes(copy_path(database).read_bytes())
    assert isinstance(data, dict)
    return data


def live_face(qtbot: QtBot, session: Session) -> TodayFace:
    """What the live Today shows at the session's moment, read off its widgets."""
    view = TodayView(session)
    qtbot.addWidget(view)
    view.model.reload()
    week = view.list.itemDelegate()
    after = view.coming_list.itemDelegate()
    return TodayFace(
        heading=view.heading.text(),
        summary=view.summary.text(),
        fold="" if view.fold.isHidden() else view.fold.text(),
        empty=view.empty.text(),
        first_run=not view.start.isHidden(),
        week=tuple(week.face_of(item) for item in view.model.rows),  # type: ignore[attr-defined]
        after=tuple(after.face_of(item) for item in view.coming.rows),  # type: ignore[attr-defined]
    )


def at(session: Session, clock: FixedClock, moment: datetime) -> None:
    clock.set(moment)
    session.forget_time()


@pytest.fixture
def searching(session: Session) -> Session:
    """A search under way: letters due and overdue, calls waiting and due, applications
    ready to close (folded), interviews to come."""
    populate(session.repo, NOW, NY, count=40)
    session.others_wrote()
    return session


def test_the_copy_shows_what_the_live_today_shows_at_every_moment_of_its_days(
    qtbot: QtBot, searching: Session, clock: FixedClock
) -> None:
    path = keep_copy(searching)
    stretches = kept_data(path)["stretches"]
    assert len(stretches) > 8, "a stretch per day at least, and one per deadline between"
    last_end = datetime.fromisoformat(stretches[-1]["end"])
    assert last_end >= NOW + timedelta(days=8)
    moments = []
    for stretch in stretches:
        start = datetime.fromisoformat(stretch["start"])
        end = datetime.fromisoformat(stretch["end"])
        moments += [start, start + (end - start) / 2, end - timedelta(seconds=1)]
    seen = set()
    for moment in moments:
        at(searching, clock, moment)
        live = live_face(qtbot, searching)
        assert kept_face(path, moment, LOCALE) == live, moment
        seen.add((live.summary, len(live.week)))
    assert len(seen) > 5, "the days differ: the comparison saw several Todays"
    assert any(card.state == "OVERDUE" for card in live.week + live.after) or len(seen) > 5


def test_a_new_users_copy_is_the_first_run_page(
    qtbot: QtBot, session: Session, clock: FixedClock
) -> None:
    path = keep_copy(session)
    face = kept_face(path, NOW + timedelta(minutes=5), LOCALE)
    at(session, clock, NOW + timedelta(minutes=5))
    assert face == live_face(qtbot, session)
    assert face is not None and face.first_run and "No interviews yet" in face.empty


def test_any_change_by_any_program_retires_the_copy(
    session: Session, interview: Round, tmp_path: Path
) -> None:
    path = keep_copy(session)
    later = NOW + timedelta(minutes=1)
    assert kept_face(path, later, LOCALE) is not None
    # A letter being written changes nothing Today shows: the copy stays.
    session.repo.save_draft(
        Draft(interview.id, interview.interviewer_ids[0], Channel.EMAIL, "", "Dear Dana", NOW)
    )
    assert kept_face(path, later, LOCALE) is not None
    # The app records a letter: retired.
    session.repo.record_letter(interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    assert kept_face(path, later, LOCALE) is None
    # Made again, then another program (the command line, a sqlite shell) changes a phone.
    keep_copy(session)
    assert kept_face(path, later, LOCALE) is not None
    other = sqlite3.connect(path)
    with other:
        other.execute("UPDATE contacts SET phone = '+1 555 0100'")
    other.close()
    assert kept_face(path, later, LOCALE) is None


def test_a_restored_backup_never_meets_a_copy_made_from_other_data(
    session: Session, interview: Round, tmp_path: Path
) -> None:
    """The token is random, not a count: the same number of changes on another history
    does not make an old copy valid again."""
    path = path_of(session)
    backup = tmp_path / "backup.sqlite3"
    source = sqlite3.connect(path)
    target = sqlite3.connect(backup)
    source.backup(target)
    source.close()
    target.close()
    session.repo.record_letter(interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    keep_copy(session)
    restored = sqlite3.connect(backup)
    with restored:  # the restored history makes one change of its own
        restored.execute("UPDATE applications SET role = 'Platform Engineer'")
    restored.close()
    session.repo.db.close()
    backup.replace(path)
    assert kept_face(path, NOW + timedelta(minutes=1), LOCALE) is None


def test_the_copy_is_not_shown_when_what_it_was_made_for_changed(
    session: Session, interview: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = keep_copy(session)
    later = NOW + timedelta(minutes=1)
    assert kept_face(path, later, LOCALE) is not None
    assert kept_face(path, later, locale_key(QLocale("de_DE"))) is None  # other words for days
    assert kept_face(path, later, LOCALE.replace("HH:mm", "h:mm AP")) is None  # a 12-hour clock
    assert kept_face(path, NOW - timedelta(minutes=1), LOCALE) is None  # the clock set back
    assert kept_face(path, NOW + timedelta(days=9), LOCALE) is None  # past its last day
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # the system's zone changed
    assert kept_face(path, later, LOCALE) is None
    monkeypatch.delenv("TZ")
    assert kept_face(path, later, LOCALE) is not None
    # Digits follow LC_NUMERIC (Arabic-Indic under ar_EG) while the locale's name stays.
    for variable in ("LC_NUMERIC", "LC_ALL", "LC_TIME", "LC_CTYPE"):
        monkeypatch.setenv(variable, "ar_EG.UTF-8")
        assert kept_face(path, later, LOCALE) is None, variable
        monkeypatch.delenv(variable)
    assert kept_face(path, later, LOCALE) is not None


def with_checksum(body: bytes) -> bytes:
    """Bytes with this format's header and a checksum that holds: only the data is wrong."""
    return HEADER + zlib.crc32(body).to_bytes(4, "big") + body


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"surroundings": 1}',
        b"null",
        b"[" * 100_000,
        b'{"surroundings": ' * 50_000,
        HEADER,  # the header alone
        HEADER + b"\x00\x00\x00\x00" + marshal.dumps({"token": "x"}),  # a wrong checksum
        with_checksum(marshal.dumps({"surroundings": 1})[:-3]),  # cut short
        with_checksum(b"[\x01\x00\x00\x00" * 100_000 + b"N"),  # nested deeper than marshal goes
        with_checksum(b"\xff" * 64),  # no marshal type
        to_bytes({"surroundings": 1}),
        HEADER.replace(b"py", b"py9") + b"\x00" * 8,  # another Python's marshal
    ],
)
def test_a_damaged_copy_is_never_shown_and_never_stops_start_up(
    session: Session, damage: bytes
) -> None:
    path = keep_copy(session)
    copy_path(path).write_bytes(damage)
    assert kept_face(path, NOW + timedelta(minutes=1), LOCALE) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("token", 7),
        ("stretches", "all"),
        ("start", "yesterday"),
        ("start", "2026-11-27T10:00:00"),  # no zone: not comparable, not shown
        ("heading", None),
        ("state", "ON_FIRE"),
        ("week", {"a": 1}),
        ("first_run", "yes"),
    ],
)
def test_a_copy_with_a_wrong_value_is_never_shown(
    searching: Session, field: str, value: object
) -> None:
    path = keep_copy(searching)
    data = kept_data(path)
    stretch = data["stretches"][0]
    face = stretch["face"]
    if field in ("token", "stretches"):
        data[field] = value
    elif field == "start":
        stretch["start"] = value
    elif field == "state":
        face["week"][0]["state"] = value
    else:
        face[field] = value
    copy_path(path).write_bytes(to_bytes(data))
    assert kept_face(path, NOW + timedelta(minutes=1), LOCALE) is None


def test_the_copy_is_private(session: Session) -> None:
    """It names companies and people: readable by its owner only, as the database is."""
    path = keep_copy(session)
    mode = copy_path(path).stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert stat.S_IMODE(copy_path(path).parent.stat().st_mode) == 0o700


def page_image(page: QWidget) -> QImage:
    return page.grab().toImage()


def test_start_up_paints_the_copy_and_the_live_today_takes_its_place_unchanged(
    qtbot: QtBot, searching: Session, clock: FixedClock
) -> None:
    path = keep_copy(searching)
    at(searching, clock, NOW + timedelta(minutes=3))
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 720)
    preview = desktop_app._early_today(window, path, NOW + timedelta(minutes=3))
    assert isinstance(preview, TodayPreview)
    painted: list[bool] = []
    preview.when_painted(lambda: painted.append(True))
    window.show()
    qtbot.waitUntil(lambda: painted == [True])
    assert window.stack.currentWidget() is preview
    assert preview.list.model().rowCount() > 0
    before = page_image(preview)
    searching.today_first = True
    shell = Shell(searching, notifier=Recorder(), window=window)
    shell.start()
    qtbot.waitUntil(lambda: window.preview is None)
    assert window.stack.currentWidget() is window.today
    pages = [window.stack.widget(i) for i in range(window.stack.count())]
    assert len(pages) == 4 and not any(isinstance(p, TodayPreview) for p in pages)
    qtbot.waitUntil(lambda: shell.settled)  # the reminders checked: their banner comes later
    window.banner.hide()  # either way, with or without a copy
    qtbot.waitUntil(lambda: page_image(window.today) == before, timeout=2000)


def test_no_copy_no_preview_and_another_page_shown_last_no_preview(
    qtbot: QtBot, searching: Session
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert desktop_app._early_today(window, path_of(searching), NOW) is None  # none kept yet
    keep_copy(searching)
    window.sidebar.setCurrentRow(2)  # the user left the calendar open
    assert desktop_app._early_today(window, path_of(searching), NOW) is None


def test_the_running_app_keeps_the_copy_and_remakes_it_after_a_change(
    qtbot: QtBot, searching: Session, interview: Round
) -> None:
    searching.today_first = True
    shell = Shell(searching, notifier=Recorder())
    qtbot.addWidget(shell.window)
    shell.keep_today_copy = True
    shell.start()
    qtbot.waitUntil(lambda: shell.today_copy is not None and not shell.today_copy.busy)
    path = path_of(searching)
    assert kept_face(path, NOW, LOCALE) == live_face(qtbot, searching)
    copier = shell.today_copy
    assert copier is not None
    with qtbot.waitSignal(copier.kept, timeout=10_000) as kept:
        searching.commit(
            lambda: searching.repo.record_letter(
                interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW
            )
        )
    assert kept.args == [True]
    face = kept_face(path, NOW, LOCALE)
    assert face == live_face(qtbot, searching)


def test_an_upgrade_keeping_the_version_number_retires_the_copy(session: Session) -> None:
    """The words come from the app's code and the holiday data: files written anew (an
    install or upgrade) are another app, whatever its version number says."""
    import followup

    path = keep_copy(session)
    later = NOW + timedelta(minutes=1)
    assert kept_face(path, later, LOCALE) is not None
    source = Path(followup.__file__)
    before = source.stat()
    try:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        assert kept_face(path, later, LOCALE) is None
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert kept_face(path, later, LOCALE) is not None


ZONE = ("calendar.timezone", "Asia/Tokyo")


def test_settings_changed_by_another_program_are_the_copys_even_if_the_app_missed_them(
    qtbot: QtBot, searching: Session
) -> None:
    """Hidden in the tray the app does not watch for other programs' writes, so its session
    may hold old settings: the copy reads its own, from the file, with the token."""
    path = path_of(searching)
    live_face(qtbot, searching)  # the session has read its settings (New York)
    done = subprocess.run(
        [*(sys.executable, "-m", "followup", "--db", str(path)), "settings", "set", *ZONE],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    copier = TodayCopier(searching)  # as after a deadline passed, before the window shows
    with qtbot.waitSignal(copier.kept, timeout=10_000) as kept:
        copier.make_now()
    assert kept.args == [True]
    later = NOW + timedelta(minutes=1)
    fresh_file = Database.open(path, NOW)  # the next start
    try:
        fresh = Session(Repository(fresh_file), FixedClock(later))
        assert kept_face(path, later, LOCALE) == live_face(qtbot, fresh)
        assert fresh.zone.key == "Asia/Tokyo"
    finally:
        fresh_file.close()


def test_a_copy_in_the_first_format_goes_when_the_copy_is_kept_anew(session: Session) -> None:
    """Format 1 was JSON in ``today-<key>.json``: not read any more, and not left behind."""
    path = path_of(session)
    old = copy_path(path).with_suffix(".json")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text('{"surroundings": {"format": 1}}', encoding="utf-8")
    keep_copy(session)
    assert not old.exists()
    assert copy_path(path).read_bytes().startswith(HEADER)


@pytest.mark.parametrize("kind", ["pipe", "endless device"])
def test_a_copy_that_is_no_file_never_holds_up_the_start(session: Session, kind: str) -> None:
    """A pipe or a link to a device where the copy should be: no copy, at once."""
    path = keep_copy(session)
    copy = copy_path(path)
    copy.unlink()
    if kind == "pipe":
        os.mkfifo(copy)
    else:
        copy.symlink_to("/dev/zero")
    assert kept_face(path, NOW + timedelta(minutes=1), LOCALE) is None


def test_a_huge_copy_is_not_read(session: Session) -> None:
    path = keep_copy(session)
    copy_path(path).write_bytes(to_bytes({"padding": " " * (5 * 1024 * 1024)}))
    assert kept_face(path, NOW + timedelta(minutes=1), LOCALE) is None


def test_past_its_stretch_the_preview_says_loading_rather_than_old_words(
    qtbot: QtBot, searching: Session
) -> None:
    """The live page is late (a dialog about the database, a slow disk) and a deadline or
    midnight passes: the kept words go."""
    path = keep_copy(searching)
    stretch = kept_stretch(path, NOW + timedelta(minutes=1), LOCALE)
    assert stretch is not None and stretch.face.week
    preview = TodayPreview(stretch.face, NOW + timedelta(milliseconds=200), NOW)
    qtbot.addWidget(preview)
    preview.show()
    assert not preview.list.isHidden() and preview.heading.text().startswith("Today")
    qtbot.waitUntil(preview.list.isHidden, timeout=2000)
    assert preview.empty.isVisible() and preview.empty.text() == "Loading…"
    assert preview.heading.text() == "" and preview.act.isHidden()


@pytest.fixture
def in_data_folder(session: Session, clock: FixedClock) -> Iterator[Session]:
    """The test's database where a launch from the applications menu finds it: the data
    folder (the tests' own, tests/conftest.py)."""
    home = default_db_path()
    home.parent.mkdir(parents=True, exist_ok=True)
    session.repo.db.connection.execute("VACUUM INTO ?", (str(home),))
    database = Database.open(home, NOW)
    moved = Session(Repository(database), clock)
    populate(moved.repo, NOW, NY, count=12)
    yield moved
    database.close()


def test_a_launch_from_the_menu_finds_the_copy_of_the_data_folders_database(
    qtbot: QtBot, in_data_folder: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No database named: start-up finds the data folder with Qt, before platformdirs is
    imported, and shows the copy that the app kept for that database."""
    keep_copy(in_data_folder)
    home, caches = default_db_path().resolve(), cache_dir()

    def asked(*_args: object, **_kwargs: object) -> Path:
        raise AssertionError("platformdirs asked before the first paint")

    for name in ("user_data_path", "user_cache_path", "user_data_dir", "user_cache_dir"):
        monkeypatch.setattr(f"platformdirs.{name}", asked)
    assert default_database() is not None
    assert default_database().resolve() == home  # type: ignore[union-attr]
    assert copy_path(path_of(in_data_folder)).parent == caches  # beside the other caches
    window = MainWindow()
    qtbot.addWidget(window)
    preview = desktop_app._early_today(window, None, NOW)
    assert isinstance(preview, TodayPreview)
    assert preview.face == kept_face(path_of(in_data_folder), NOW, LOCALE)
    assert preview.list.model().rowCount() > 0


def test_the_copy_is_not_shown_when_its_record_of_the_data_folder_differs(
    qtbot: QtBot, in_data_folder: Session
) -> None:
    """Where platformdirs put the database when the copy was written is what Qt's guess must
    match: another record (a different folder rule) means start-up as without a copy."""
    path = keep_copy(in_data_folder)
    data = kept_data(path)
    assert data["default_database"] == str(path)
    window = MainWindow()
    qtbot.addWidget(window)
    data["default_database"] = str(path.parent / "elsewhere" / path.name)
    copy_path(path).write_bytes(to_bytes(data))
    assert desktop_app._early_today(window, None, NOW) is None
    assert desktop_app._early_today(window, path, NOW) is not None  # named: no guess to check


@pytest.mark.parametrize(
    ("variable", "value"),
    [("XDG_DATA_HOME", "moved"), ("HOME", "moved"), ("WIN_PD_OVERRIDE_LOCAL_APPDATA", "D:\\data")],
)
def test_the_copy_is_not_shown_when_the_folders_moved_since(
    qtbot: QtBot,
    in_data_folder: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    variable: str,
    value: str,
) -> None:
    """A launch from the menu where Qt still finds the same file, but a variable that tells
    platformdirs where the data folder is changed since the copy was written (on Windows,
    Qt does not read platformdirs' override): the launch may mean another database now, so
    nothing kept is trusted."""
    path = keep_copy(in_data_folder)
    window = MainWindow()
    qtbot.addWidget(window)
    assert desktop_app._early_today(window, None, NOW) is not None
    monkeypatch.setattr(today_copy, "default_database", lambda: path)  # Qt's guess stays
    monkeypatch.setenv(variable, str(tmp_path / value) if value == "moved" else value)
    assert desktop_app._early_today(window, None, NOW) is None


def test_a_copy_left_in_the_old_cache_folder_is_removed(
    in_data_folder: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where platformdirs' cache folder is not Qt's (Windows), the copy an older version kept
    there (companies, people) goes when the copy is next written."""
    old = tmp_path / "platformdirs-cache"
    old.mkdir()
    stale = old / copy_path(path_of(in_data_folder)).name
    stale.write_bytes(b"names of companies and people")
    monkeypatch.setattr("followup.paths.cache_dir", lambda: old)
    path = keep_copy(in_data_folder)
    assert not stale.exists()
    assert copy_path(path).exists()


def early_today_in_a_process(report: str, env: dict[str, str], before: str = "") -> str:
    """Start the app in a process of its own with ``env``, as the applications menu does (no
    arguments); once the window's early Today is made (``app._early_today``), run
    ``report``, Python with ``preview`` bound, and leave. What it printed."""
    probe = (
        "import os, sys\n"
        f"{before}"
        "import followup_desktop.app as app\n"
        "kept = app._early_today\n"
        "def shown(*args):\n"
        "    preview = kept(*args)\n"
        f"    {report}\n"
        "    sys.stdout.flush()\n"
        "    os._exit(0)\n"
        "app._early_today = shown\n"
        "app.main([])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout, done.stderr[-2000:]
    return done.stdout


def test_a_launch_from_the_menu_paints_the_copy_before_platformdirs_is_imported(
    in_data_folder: Session,
) -> None:
    """As the applications menu starts the app (no database named), in a process of its
    own: the copy is found and shown without platformdirs loaded (3-4 ms of imports)."""
    keep_copy(in_data_folder, datetime.now(UTC))  # the process starts now, not at NOW
    said = early_today_in_a_process(
        "print(preview is not None, 'platformdirs' in sys.modules)",
        {k: v for k, v in os.environ.items() if k != "FOLLOWUP_DB"},
        before="from PySide6.QtCore import QLocale\nQLocale.setDefault(QLocale.c())\n",
    )
    assert said.split() == ["True", "False"], said
