"""``followup-desktop``: start the app (one instance per user and database)."""

from __future__ import annotations

import gc
import os
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from followup_desktop.feature_scan import declare_modules
from followup_desktop.first_paint import on_first_paint
from followup_desktop.serial_painting import paint_serially
from followup_desktop.tray_presence import tray_available

if TYPE_CHECKING:
    import argparse

    from followup_desktop.clock import Clock
    from followup_desktop.main_window import MainWindow
    from followup_desktop.shell import Shell
    from followup_desktop.today_preview import TodayPreview

APP_ID = "io.github.interview_followup.InterviewFollowUp"
VIEWS = ("today", "interviews", "calendar", "composer", "call")


# What a launch with no arguments (the applications menu's) asks for: answered without
# building argparse's parser, whose messages' gettext and locale lookups cost start-up about
# 3 ms before the first paint. ``test_app`` holds it equal to the parser's defaults.
NO_ARGUMENTS = {
    "db": None,
    "demo": False,
    "screenshot": None,
    "view": None,
    "minimized": False,
    "install_desktop_entry": False,
    "uninstall_desktop_entry": False,
    "exit_after_content": False,
}
# For the start-up benchmark (set to the time it spawned the app): report the first paint
# with the user's data in it (and the resident memory a moment later), then quit. An
# environment variable, so the benchmark launches the app as the menu does: no arguments.
BENCHMARK_START = "FOLLOWUP_BENCH_T0"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    given = sys.argv[1:] if argv is None else list(argv)
    if given:
        args = _parser().parse_args(given)
    else:  # the same attributes (an argparse.Namespace is no more than that)
        args = cast("argparse.Namespace", SimpleNamespace(**NO_ARGUMENTS))
    args.exit_after_content = args.exit_after_content or BENCHMARK_START in os.environ
    return args


def _parser() -> argparse.ArgumentParser:
    import argparse  # noqa: PLC0415  (not for a launch with no arguments)

    parser = argparse.ArgumentParser(
        prog="followup-desktop", description="Interview Follow-Up: one letter, one call."
    )
    parser.add_argument("--db", help="database file (default: $FOLLOWUP_DB or the data folder)")
    parser.add_argument("--demo", action="store_true", help="run on generated demo data")
    parser.add_argument("--screenshot", metavar="FILE", help="save a PNG of the window and exit")
    parser.add_argument(
        "--view", choices=VIEWS, help="view to show first (default: the one shown last)"
    )
    parser.add_argument("--minimized", action="store_true", help="start in the tray")
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the app to your applications menu (desktop entry, icons, metainfo) and exit",
    )
    entry.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added and exit",
    )
    # The same as BENCHMARK_START set (tests that run the app in their own process use it).
    parser.add_argument("--exit-after-content", action="store_true", help=argparse.SUPPRESS)
    return parser


def _server_name(database: Path | None) -> str | None:
    """One instance per user and database. On Unix the socket lives in the user's own runtime
    folder (0700), so no other local user can take the name; it is keyed on the database's
    real path, and for a launch with none named on the data folder's file as Qt names it
    (the same file reached as ``--db``, through a link, or with a trailing slash in
    XDG_DATA_HOME is one instance). None when no private folder can be had: then there is
    no single-instance check."""
    if database is None:
        from followup_desktop.today_copy import default_database  # noqa: PLC0415

        database = default_database()
    if database is not None:
        try:
            key = f"db:{Path(database).resolve()}"
        except (OSError, RuntimeError):  # a link that loops: said when it is opened
            key = f"db:{Path(database).absolute()}"
    else:  # Qt names no data folder: the environment that decides it
        env = ("XDG_DATA_HOME", "HOME", "LOCALAPPDATA", "APPDATA", "FOLLOWUP_DB")
        key = "default:" + "\0".join(os.environ.get(name, "") for name in env)
    digest = f"{zlib.crc32(key.encode()):08x}{zlib.adler32(key.encode()):08x}"
    if sys.platform == "win32":  # pragma: no cover (named pipes are per session)
        return f"interview-followup-{os.environ.get('USERNAME', '')}-{digest}"
    folder = _private_runtime_folder()
    return str(folder / f"instance-{digest}") if folder else None


def _private_runtime_folder() -> Path | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        folder = Path(runtime) / "interview-followup"
    else:
        base = os.environ.get("TMPDIR") or "/tmp"
        folder = Path(base) / f"interview-followup-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    import stat  # noqa: PLC0415

    private = stat.S_ISDIR(info.st_mode) and info.st_mode & 0o077 == 0
    return folder if info.st_uid == os.getuid() and private else None


def stylesheet() -> str:
    """The style sheet, its colour placeholders filled for the palette in use."""
    import followup_resources  # noqa: PLC0415

    from followup_desktop.status_palette import style_tokens  # noqa: PLC0415

    data: bytes = followup_resources.read_bytes("style.qss")
    sheet = data.decode("utf-8")
    for token, colour in sorted(style_tokens().items(), key=lambda t: -len(t[0])):
        sheet = sheet.replace(token, colour)
    return sheet


def main(argv: Sequence[str] | None = None) -> int:
    """Paint the window's frame first; open the database and build the views right after
    (so the window appears at once, whatever the size of the database)."""
    declare_modules()  # before the imports below: PySide need not read their sources
    paint_serially()  # before the QApplication
    args = parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(install=args.install_desktop_entry)
    # Start-up makes many objects and little garbage: no collections (10-40 ms of them before
    # Today painted) until the one full collection after the first paint with data
    # (Shell's settle_memory, which turns the collector back on).
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    if sys.platform == "win32":  # pragma: no cover (Windows)
        # The taskbar groups and names the window as the app (not "Python") by this id.
        import ctypes  # noqa: PLC0415

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Interview Follow-Up")
    app.setOrganizationName("Interview Follow-Up")
    app.setDesktopFileName(APP_ID)
    app.setStyleSheet(stylesheet())
    # Light or dark switched in the system: the status tones follow the new palette.
    app.styleHints().colorSchemeChanged.connect(lambda *_: app.setStyleSheet(stylesheet()))
    explicit = args.db or os.environ.get("FOLLOWUP_DB")
    db_path = _named_database(explicit) if explicit else None
    demo_folder = None
    if args.demo:  # a throw-away folder, removed when the app quits
        import tempfile  # noqa: PLC0415

        demo_folder = tempfile.TemporaryDirectory(prefix="followup-demo-")
        db_path = Path(demo_folder.name) / "demo.sqlite3"
    server = None
    name = None if args.screenshot else _server_name(db_path)
    if name is not None:
        from followup_desktop.single_instance import (  # noqa: PLC0415
            InstanceServer,
            ask_running_instance,
        )

        if ask_running_instance(name):
            return 0
        server = InstanceServer()
        server.listen(name)
    from followup_desktop.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow()
    pages = {"composer": "letters", "call": "today"}
    if args.view or args.screenshot or args.exit_after_content:
        args.view = args.view or "today"
        window.show_page(pages.get(args.view, args.view))
    started: list[Shell] = []
    hidden = args.minimized and tray_available()  # only where a tray can bring it back
    preview = (
        None
        if args.demo or args.screenshot or hidden
        else _early_today(window, db_path, datetime.now(UTC))
    )
    if preview is not None and args.exit_after_content:
        report_content(preview.when_painted, started)
    outcome = {"code": 0}

    def stop() -> None:  # asked to stop by a signal: quit as the menu's Quit does
        if started:
            started[0].quit()
        else:
            app.quit()

    from followup_desktop.stop_signals import StopSignals  # noqa: PLC0415

    stops = StopSignals(stop)

    def finish() -> None:
        try:
            shell = _finish_startup(window, db_path, args)
        except Exception as error:  # said, then quit: never a window stuck on 'Loading…'
            from followup_desktop.start_dialogs import say_start_failed  # noqa: PLC0415

            say_start_failed(window, error)
            outcome["code"] = 1
            app.quit()
            return
        if shell is None:
            outcome["code"] = 2
            app.quit()
            return
        started.append(shell)
        if server is not None:
            server.asked.connect(shell.bring_forward)  # a second launch asked
        if args.exit_after_content and preview is None:
            shell.loaded.connect(
                lambda: report_content(shell.window.today.when_data_painted, started)
            )
        if args.screenshot:

            def shoot() -> None:
                screenshot(shell, args.view, args.screenshot)
                app.quit()

            QTimer.singleShot(300, shoot)

    if preview is not None:  # after the copy's paint (and its report, asked for first)
        preview.when_painted(finish)
        window.show()
    elif not hidden:
        on_first_paint(window, finish)
        window.show()
    else:
        QTimer.singleShot(0, finish)
    app.exec()
    stops.close()
    if server is not None:  # its socket file goes with it, not left in the temporary folder
        server.close()
    if demo_folder is not None:
        demo_folder.cleanup()
    return outcome["code"]


def _named_database(given: str) -> Path:
    """The database file named by ``--db`` or FOLLOWUP_DB, made absolute and resolved where
    it can be. A ``~user`` with no such user stays as written (as the command line takes it),
    and a link that loops stays unresolved: opening it then says what is wrong, in a dialog,
    instead of a traceback (Python raises RuntimeError for both, not OSError)."""
    try:
        path = Path(given).expanduser()
    except RuntimeError:  # no such user
        path = Path(given)
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _desktop_entry(*, install: bool) -> int:
    from followup import desktop_entry  # noqa: PLC0415

    try:
        if install:
            files = desktop_entry.install()
            print(f"Added to the applications menu: {desktop_entry.desktop_file()}")
        else:
            files = desktop_entry.uninstall()
            print(f"Removed the menu entry ({len(files)} files).")
    except OSError as error:
        print(f"followup-desktop: the menu entry could not be changed: {error}", file=sys.stderr)
        return 2
    return 0


def _early_today(window: MainWindow, db_path: Path | None, now: datetime) -> TodayPreview | None:
    """Today before the domain loads, in its place, when Today is the page shown: from the
    copy kept for start-up when it holds (``today_copy``), else the first-run page when the
    database holds nothing yet (``first_look``: a new install). The window's first paint
    then has the user's data in it."""
    if window.stack.currentIndex() != 0:  # another page was shown last
        return None
    from followup_desktop.today_copy import default_database  # noqa: PLC0415
    from followup_desktop.today_preview import first_run_today, kept_today  # noqa: PLC0415

    try:  # a path that cannot be looked at is said later, by the usual start
        path = db_path or default_database()  # the data folder's, as Qt finds it
        if path is None:
            return None
        path = path.resolve()  # a link that loops: RuntimeError, said by the usual start
        preview = kept_today(path, now, guessed=db_path is None) if path.is_file() else None
        if preview is None and _holds_nothing(path, guessed=db_path is None):
            preview = first_run_today(now)
    except (OSError, RuntimeError):
        return None
    if preview is not None:
        window.show_preview(preview)
        if not tray_available():  # the shell would add its line above Today: now, not after
            window.note_no_tray()
    return preview


def _holds_nothing(path: Path, *, guessed: bool) -> bool:
    """Nothing in the database yet (or no file). For Qt's guess at the data folder's file,
    only if platformdirs, which start-up opens by, names the same file (asked only here: a
    file with data never gets this far)."""
    from followup.storage.first_look import holds_nothing  # noqa: PLC0415
    from followup_desktop.today_copy import platformdirs_default  # noqa: PLC0415

    return holds_nothing(path) and (not guessed or platformdirs_default() == str(path))


def _finish_startup(
    window: MainWindow, db_path: Path | None, args: argparse.Namespace
) -> Shell | None:
    """Open the database (a damaged one is never overwritten), build the views, start
    reminders, take the daily backup. None when the database cannot be used."""
    from followup.paths import default_db_path  # noqa: PLC0415
    from followup.storage.early_check import EarlyCheck  # noqa: PLC0415

    db_path = db_path or default_db_path()
    # SQLite checks the file on another core while the views are imported. A path that
    # cannot even be looked at (too long, no permission) is said by open_database.
    try:
        early = EarlyCheck(db_path) if db_path.exists() else None
    except OSError:
        early = None
    from followup.settings import profile_is_empty  # noqa: PLC0415
    from followup.storage import Repository  # noqa: PLC0415
    from followup_desktop.clock import FixedClock, SystemClock  # noqa: PLC0415
    from followup_desktop.session import Session  # noqa: PLC0415
    from followup_desktop.shell import Shell  # noqa: PLC0415
    from followup_desktop.start_dialogs import open_database  # noqa: PLC0415

    window.user_templates = db_path.parent / "templates"  # the user's own, beside the data
    clock: Clock = SystemClock()
    now = clock.now()
    database = open_database(db_path, now, window, early)
    if database is None:
        return None
    repo = Repository(database)
    if args.demo:
        from zoneinfo import ZoneInfo  # noqa: PLC0415

        from followup.demo import populate  # noqa: PLC0415

        populate(repo, now, ZoneInfo("America/New_York"))
        if args.screenshot:
            clock = FixedClock(now)
    session = Session(repo, clock)
    session.replan_in_background = True  # midnight at 10,000 interviews: no freeze
    session.today_first = True  # Today's part of the plans first; the rest after it painted
    shell = Shell(session, window.user_templates, window=window)
    shell.keep_today_copy = not args.demo  # for the next start (``today_copy``)
    shell.start(minimized=args.minimized)
    quiet = args.demo or args.screenshot or args.exit_after_content or args.minimized
    if not quiet and profile_is_empty(repo.settings()):
        from followup_desktop.first_run import offer  # noqa: PLC0415

        offer(window, shell.session)  # on a first start: opened, not run (nothing waits)
    if getattr(sys, "frozen", False) and sys.platform.startswith("linux") and not args.screenshot:
        offer_menu_entry(window)
    # Off the GUI thread, yet its Python (reading the backups' names) would share the GIL
    # with Today's start: it starts once start-up settled.
    shell.settled_down.connect(lambda: take_daily_backup(window, database.path, now))
    return shell


def take_daily_backup(window: QWidget, path: Path, now: datetime) -> None:
    """The daily backup and its quick check run off the GUI thread, on a connection of their
    own (about 0.1 s with 10,000 interviews); a failure is told when it comes. Qt waits for
    the thread pool as the app quits, so a backup under way is finished, not cut."""
    from followup.storage.daily_backup import backup_if_stale  # noqa: PLC0415
    from followup_desktop.background import run_in_background  # noqa: PLC0415

    def failed(error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        QMessageBox.warning(window, "Backup not made", str(error))

    run_in_background(lambda: backup_if_stale(path, now), lambda _path: None, failed)


def offer_menu_entry(parent: QWidget) -> None:
    """The bundle has no installer: on its first run, offer the applications-menu entry
    (asked once; the answer is remembered)."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from followup import desktop_entry  # noqa: PLC0415

    settings = QSettings()
    if settings.value("bundle/menu_entry_asked", False, type=bool):
        return
    settings.setValue("bundle/menu_entry_asked", True)
    if desktop_entry.is_installed():
        return
    answer = QMessageBox.question(
        parent,
        "Add to the applications menu?",
        "Add Interview Follow-Up to your applications menu, with its icon?\n\n"
        "You can remove it later with: followup-desktop --uninstall-desktop-entry",
    )
    if answer == QMessageBox.StandardButton.Yes:
        try:
            desktop_entry.install()
        except OSError as error:
            QMessageBox.warning(parent, "Not added", f"The menu entry was not written: {error}")


def report_content(
    when_painted: Callable[[Callable[[], None]], None], started: list[Shell]
) -> None:
    """Benchmark hook: at the first paint that shows Today's data (its list, or its empty
    state; the kept copy's or the live page's), print seconds since FOLLOWUP_BENCH_T0 (wall
    clock); half a second later print the resident memory; leave once start-up settled and
    the copy of Today for the next start is kept (at most ten seconds later)."""
    started_at = float(os.environ.get(BENCHMARK_START, "0"))
    waited = {"ms": 0}

    def painted() -> None:
        print(f"content {time.time() - started_at:.4f}", flush=True)
        QTimer.singleShot(500, idle)

    def idle() -> None:
        with open("/proc/self/status", encoding="ascii") as status:
            rss = next(line.split()[1] for line in status if line.startswith("VmRSS:"))
        print(f"rss {int(rss) * 1024}", flush=True)
        leave()

    def leave() -> None:
        shell = started[0] if started else None
        copy = shell.today_copy if shell is not None else None
        busy = shell is None or not shell.settled or (copy is not None and copy.busy)
        if busy and waited["ms"] < 10_000:
            waited["ms"] += 50
            QTimer.singleShot(50, leave)
            return
        os._exit(0)

    when_painted(painted)


def screenshot(shell: Shell, view: str, path: str) -> None:
    """Save a PNG of the window (or, for ``call``, of the call assistant on the next call)."""
    window = shell.window
    while "interviews" in window.built and window.interviews.model.loading:
        QApplication.processEvents()  # its rows come from a thread of their own
    target: QWidget = window
    if view == "call":
        from followup.plan import ItemKind  # noqa: PLC0415
        from followup_desktop.call_assistant import CallAssistant  # noqa: PLC0415

        calls = [
            i
            for i in shell.session.items()
            if i.kind is ItemKind.CALL and i.round_id and i.state.pending
        ]
        if calls and calls[0].round_id is not None:
            assistant = CallAssistant(
                shell.session, shell.session.repo.round(calls[0].round_id), shell.window
            )
            assistant.show_time(134)  # mid-call, so the timer's amber state shows
            assistant.resize(620, 640)
            assistant.show()
            QApplication.processEvents()
            target = assistant
    target.grab().save(path)


if __name__ == "__main__":
    raise SystemExit(main())
