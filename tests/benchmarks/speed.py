"""``make benchmark``: every speed figure of DESIGN section 5 in one table, each beside its
reference measured in the same run (or its budget) and the ratio.

    python tests/benchmarks/speed.py [--runs 5]

Processes (interpreter start-up included for all alike) run alternately, so drift hits each
case the same; medians are shown. Time to content is from the process's spawn to the first
paint that shows Today's data (its list, or its empty state), not the window's empty frame.
In-process figures (one change, month switch, agenda, keystroke) run in one child process on
a copy of the 10,000-interview database with every page built, the window on screen.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

MiB = 1024 * 1024
BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
started = float(os.environ["FOLLOWUP_BENCH_T0"])
def idle():
    with open("/proc/self/status", encoding="ascii") as status:
        rss = next(line.split()[1] for line in status if line.startswith("VmRSS:"))
    print(f"rss {int(rss) * 1024}", flush=True)
    os._exit(0)
def painted():
    print(f"content {time.time() - started:.4f}", flush=True)
    QTimer.singleShot(500, idle)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False
window = QMainWindow()
window.installEventFilter(First(window))
window.resize(1100, 720)
window.show()
app.exec()
"""


def spawn(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run a process; its ``name value`` lines (and its wall time as ``wall``)."""
    started = time.time()
    env = dict(env, FOLLOWUP_BENCH_T0=repr(started))
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=120)
    values = {"wall": time.time() - started}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("content", "rss"):
            values[name] = float(value)
    return values


def demo_database(path: Path, count: int) -> Path:
    from followup.demo import populate
    from followup.storage import Database, Repository

    now = datetime.now(UTC)
    database = Database.open(path, now)
    populate(Repository(database), now, ZoneInfo("America/New_York"), count=count)
    database.close()
    return path


def byte_compile() -> None:
    """As an installation does (pip compiles wheels): this machine may set
    PYTHONDONTWRITEBYTECODE, which would otherwise recompile our modules on every run."""
    import followup
    import followup_desktop

    for package in (followup, followup_desktop):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)


def alternate(
    cases: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, list[dict[str, float]]]:
    for command in cases.values():  # warm the file cache (and per-user caches) once
        spawn(command, env)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, command in cases.items():
            results[name].append(spawn(command, env))
    return results


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


# -- in-process figures (run in a child: python speed.py --gui DATABASE) ----------------------


def gui_figures(path: Path, rounds: int) -> dict[str, list[float]]:
    """Seconds per repetition of each in-process figure."""
    from datetime import date, timedelta

    from PySide6.QtWidgets import QApplication

    from followup.model import Application, Channel, Round, RoundKind, Source, Status
    from followup.storage import Database, Repository
    from followup_desktop.clock import SystemClock
    from followup_desktop.interviews.view import DeleteCommand
    from followup_desktop.session import Dialogs, Session
    from followup_desktop.shell import Shell

    class Quiet:
        def notify(self, reminders: object) -> bool:
            return True

    class Loud(Dialogs):
        """A benchmark has no one to answer a dialog: an error stops it."""

        def error(self, parent: object, title: str, message: str) -> None:
            raise RuntimeError(f"{title}: {message}")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    now = datetime.now(UTC)
    session = Session(Repository(Database.open(path, now)), SystemClock(), Loud())
    session.replan_in_background = True  # as the app runs it
    shell = Shell(session, notifier=Quiet())
    window = shell.window
    window.resize(1100, 720)
    window.show()
    shell.load()
    for name in ("interviews", "calendar", "letters", "today"):
        window.show_page(name)
        app.processEvents()
    repo = session.repo

    def settle() -> None:
        app.processEvents()
        window.repaint()

    def timed(action: Callable[[], object]) -> float:
        settle()
        started = time.perf_counter()
        action()
        settle()
        return time.perf_counter() - started

    zone = ZoneInfo("America/New_York")
    active = repo.applications(active_only=True)
    figures: dict[str, list[float]] = {k: [] for k in ("add", "edit", "delete", "sent", "close")}

    def changes(n: int) -> None:
        contact = repo.contact_names()
        interviewer = next(iter(contact))
        starts = datetime.combine(date.today() - timedelta(days=1), datetime.min.time(), zone)
        starts = starts.replace(hour=10)

        made: list[Round] = []

        def add() -> None:
            def action() -> None:
                app_ = repo.add_application(
                    Application(0, f"Bench {n}", "Engineer", source=Source.REFERRAL)
                )
                made.append(
                    repo.add_round(
                        Round(
                            0,
                            app_.id,
                            starts,
                            starts + timedelta(hours=1),
                            "America/New_York",
                            RoundKind.VIDEO,
                            interviewer_ids=(interviewer,),
                        )
                    )
                )

            session.run(window, action)

        figures["add"].append(timed(add))
        added = made[-1]
        edited = replace(added, title=f"edited {n}")
        figures["edit"].append(
            timed(lambda: session.run(window, lambda: repo.update_round(edited)))
        )
        figures["sent"].append(
            timed(
                lambda: session.run(
                    window,
                    lambda: repo.record_letter(
                        added.id, interviewer, Channel.EMAIL, datetime.now(UTC)
                    ),
                )
            )
        )
        target = active[n]
        figures["close"].append(
            timed(lambda: session.run(window, lambda: repo.set_status(target.id, Status.CLOSED)))
        )
        doomed = repo.application(added.application_id)
        figures["delete"].append(
            timed(lambda: session.undo_stack.push(DeleteCommand(session, doomed)))
        )

    for n in range(rounds):
        changes(n)

    from keys import PaintSpy, press, until_painted
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    calendar = window.page("calendar")
    window.show_page("calendar")
    settle()
    calendar.grid.select(date.today() - timedelta(days=3 * 365 // 2))
    settle()
    grid_painted = PaintSpy(calendar.grid)

    def page_up(pause_ms: int) -> float:
        """Page Up on the calendar to its repaint, after a pause (the user looking at the month:
        the app's idle work runs) or none (the key held down: a month never planned)."""
        QTest.qWait(pause_ms)
        app.processEvents()
        before = grid_painted.count
        started = time.perf_counter()
        press(calendar.grid, Qt.Key.Key_PageUp)  # history walked backwards
        until_painted(grid_painted, before)
        return time.perf_counter() - started

    figures["month_cold"] = [page_up(0) for _ in range(rounds * 3)]
    figures["month"] = [page_up(300) for _ in range(rounds * 3)]
    window.show_page("today")
    settle()
    figures["agenda"] = [timed(window.today.model.reload) for _ in range(rounds * 2)]
    moved: list[int] = []
    session.time_moved.connect(lambda: moved.append(1))

    def time_moves() -> tuple[float, float]:
        """From the move to the views repainted with the new plans: the whole wait, and the
        longest the GUI thread was blocked meanwhile (the gap between two event-loop passes)."""
        settle()
        moved.clear()
        ticks = [time.perf_counter()]
        session.move_time()
        ticks.append(time.perf_counter())
        while not moved:
            app.processEvents()
            ticks.append(time.perf_counter())
        window.repaint()
        ticks.append(time.perf_counter())
        return ticks[-1] - ticks[0], max(b - a for a, b in pairwise(ticks))

    waits = [time_moves() for _ in range(rounds * 2)]
    figures["time"] = [blocked for _, blocked in waits]
    figures["time_wait"] = [wait for wait, _ in waits]

    composer = window.composer
    window.show_page("letters")
    settle()
    while composer.spelling.speller is None:  # spelling on, as a user has it
        QTest.qWait(20)
    sentence = "Thank you for the interview; I really need this job and your office is lovely. "
    paragraph = (sentence * 7).strip()
    composer.editor.setPlainText("\n\n".join([paragraph] * (3000 // 105 + 1)))
    composer.run_check()
    middle = composer.editor.textCursor()
    middle.setPosition(len(composer.editor.toPlainText()) // 2)  # every later finding moves
    composer.editor.setTextCursor(middle)
    settle()
    text_painted = PaintSpy(composer.editor.viewport())

    def keystroke() -> float:
        """A key in the middle of the letter to the repaint with its findings and spelling:
        the whole-letter check counted as if its debounce timer ran at once (the worst case:
        a key that comes just as the check starts waits for it)."""
        app.processEvents()
        before = text_painted.count
        started = time.perf_counter()
        press(composer.editor, Qt.Key.Key_X, "x")
        composer.run_check()
        until_painted(text_painted, before)
        return time.perf_counter() - started

    for _ in range(2):
        keystroke()
    figures["keystroke"] = [keystroke() for _ in range(rounds * 8)]
    return figures


# The pytest-benchmark figures (tests/benchmarks/bench_*.py): test name → words, budget.
MICRO = {
    "test_300_word_letter": ("checker, 300-word letter", 0.005),
    "test_300_word_letter_never_seen_before": ("checker, 300-word letter, first check", 0.005),
    "test_3000_word_letter_never_seen_before": ("checker, 3,000-word letter, first check", 0.030),
    "test_one_megabyte_paste[letters]": ("checker, 1 MB paste of letters", 1.0),
    "test_one_megabyte_paste[bangs]": ("checker, 1 MB paste of '!! '", 1.0),
    "test_followup_check_on_one_megabyte[bangs]": ("followup check, 1 MB file", 1.0),
    "test_month_switch_with_10000_interviews": ("month switch at 10,000 (calendar alone)", 0.016),
    "test_keystroke_in_a_3000_word_letter[paragraphs]": (
        "keystroke, 3,000 words in paragraphs, checker + spelling",
        0.030,
    ),
    "test_keystroke_in_a_3000_word_letter[one-block]": (
        "keystroke, 3,000 words in one block, checker + spelling",
        0.030,
    ),
}


def micro_benchmarks(report: Path, env: dict[str, str]) -> dict[str, float]:
    """Median seconds of each pytest-benchmark test (checker and GUI micro-benchmarks)."""
    folder = Path(__file__).parent
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            str(folder / "bench_checker.py"),
            str(folder / "bench_gui.py"),
            "--benchmark-enable",
            f"--benchmark-json={report}",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(report.read_text(encoding="utf-8"))
    return {b["name"]: float(b["stats"]["median"]) for b in found["benchmarks"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gui", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui:
        print(json.dumps(gui_figures(Path(args.gui), args.runs)))
        return
    byte_compile()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    python = sys.executable
    app = [python, "-m", "followup_desktop.app", "--exit-after-content"]
    cli = [python, "-m", "followup"]
    rows: list[tuple[str, str, str, float, float, str]] = []

    def row(what: str, value: float, ref_name: str, ref: float, unit: str, goal: str) -> None:
        shown = f"{value * 1000:.0f} ms" if unit == "s" else f"{value / MiB:.0f} MiB"
        shown_ref = f"{ref * 1000:.0f} ms" if unit == "s" else f"{ref / MiB:.0f} MiB"
        rows.append((what, shown, f"{ref_name} {shown_ref}", value, ref, goal))

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        # The user's folders in the run's own place: a page left open by another run (the
        # window's remembered page is per user) must not decide what "content" paints.
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[variable] = str(home / variable.lower())
        env["XDG_RUNTIME_DIR"] = str(home / "runtime")
        (home / "runtime").mkdir(mode=0o700)
        micro = micro_benchmarks(home / "micro.json", env)
        big = demo_database(home / "big.sqlite3", 10_000)
        small = demo_database(home / "rounds-2000.sqlite3", 2_000)
        shutil.copy(big, home / "gui.sqlite3")
        gui = subprocess.run(
            [python, __file__, "--gui", str(home / "gui.sqlite3"), "--runs", str(args.runs)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(gui.stdout.splitlines()[-1])
        starts = alternate(
            {
                "bare": [python, "-c", BARE],
                "empty": [*app, "--db", str(home / "empty.sqlite3")],
                "big": [*app, "--db", str(big)],
            },
            env,
            args.runs,
        )
        ics = home / "out.ics"
        processes = alternate(
            {
                "version": [*cli, "--version"],
                "agenda": [*cli, "--db", str(small), "agenda", "--json"],
                "ics": [*cli, "--db", str(small), "export", "ics", str(ics)],
            },
            env,
            args.runs,
        )
    bare = median(starts["bare"], "content")
    row(
        "time to content, empty database",
        median(starts["empty"], "content"),
        "bare",
        bare,
        "s",
        "≤ 1.3×",
    )
    row(
        "time to content, 10,000 interviews",
        median(starts["big"], "content"),
        "bare",
        bare,
        "s",
        "≤ 1.5×",
    )
    for key, words in (
        ("add", "add an interview"),
        ("edit", "edit a round"),
        ("delete", "delete an application"),
        ("sent", "mark a letter sent"),
        ("close", "close an application"),
    ):
        row(
            f"one change at 10,000: {words}",
            statistics.median(figures[key]),
            "budget",
            0.050,
            "s",
            "< 1×",
        )
    row(
        "month switch at 10,000, Page Up to the repaint",
        statistics.median(figures["month"]),
        "budget",
        0.016,
        "s",
        "< 1×",
    )
    row(
        "month switch at 10,000, key held down (a month never planned)",
        statistics.median(figures["month_cold"]),
        "budget",
        0.016,
        "s",
        "< 1×",
    )
    row(
        "agenda at 10,000 (Today from the plans)",
        statistics.median(figures["agenda"]),
        "budget",
        0.020,
        "s",
        "< 1×",
    )
    row(
        "time moved at 10,000: GUI blocked (every active plan again)",
        statistics.median(figures["time"]),
        "budget",
        0.050,
        "s",
        "< 1×",
    )
    row(
        "time moved at 10,000: until the views follow",
        statistics.median(figures["time_wait"]),
        "budget",
        1.0,
        "s",
        "< 1×",
    )
    row(
        "keystroke in a 3,000-word letter to the repaint (check and spelling)",
        statistics.median(figures["keystroke"]),
        "budget",
        0.030,
        "s",
        "< 1×",
    )
    version = median(processes["version"], "wall")
    row(
        "CLI agenda --json, 2,000 rounds",
        median(processes["agenda"], "wall"),
        "--version",
        version,
        "s",
        "≤ 2×",
    )
    row(
        "CLI export ics, 2,000 rounds", median(processes["ics"], "wall"), "budget", 0.5, "s", "< 1×"
    )
    rss_bare = median(starts["bare"], "rss")
    row(
        "idle memory, 10,000 interviews",
        median(starts["big"], "rss"),
        "bare",
        rss_bare,
        "B",
        f"≤ +40 MiB ({(rss_bare + 40 * MiB) / rss_bare:.2f}×)",
    )
    for name, (what, budget) in MICRO.items():
        if name in micro:
            row(what, micro[name], "budget", budget, "s", "< 1×")
    width = max(len(r[0]) for r in rows)
    print(
        f"{'what':<{width}}  {'median':>8}  {'reference':<16} {'ratio':>6}  goal    "
        f"(runs: {args.runs}, {os.cpu_count()} cores)"
    )
    for what, shown, ref, value, ref_value, goal in rows:
        print(f"{what:<{width}}  {shown:>8}  {ref:<16} {value / ref_value:>5.2f}×  {goal}")
    worst = {k: f"{max(v) * 1000:.0f}" for k, v in figures.items()}
    print("worst in-process (ms): " + ", ".join(f"{k} {v}" for k, v in worst.items()))


if __name__ == "__main__":
    main()
