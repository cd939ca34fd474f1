"""``make benchmark``: every speed figure of DESIGN section 5 in one table, each beside its
reference measured in the same run (or its budget) and the ratio.

    python tests/benchmarks/speed.py [--runs 5]

Processes (interpreter start-up included for all alike) run alternately, so drift hits each
case the same; medians are shown. Time to content is from the process's spawn to the first
paint that shows Today's data (its list, or its empty state), not the window's empty frame:
as a restart finds it (Today's copy kept by the run before, ``today_copy``) and as a first
start does (no copy: a new install, or the first start after another program wrote).
In-process figures (one change, month switch, agenda, keystroke) run in one child process
(``gui_figures.py``) on a copy of the 10,000-interview database with every page built, the
window on screen.
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
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from followup.paths import APP_NAME, DB_NAME
from followup_desktop.other_writers import POLL_MS

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


# A case whose name ends so runs with no copy of Today kept for start-up (``today_copy``): the
# first start after another program changed the file, after an update, or ever. It runs on a
# database file of its own, whose copy is removed before each run (the other caches stay).
NO_COPY = ", no copy"
# A new install's first start, from the applications menu: no database file yet, nor a data
# folder (each run makes them; they go before the next).
NEW_INSTALL = f"new{NO_COPY}"


def copy_of_today(database: Path, env: dict[str, str]) -> Path:
    """Where the app keeps Today's copy for this database, in the children's cache folder."""
    from followup_desktop.today_copy import copy_path

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    try:
        return copy_path(database.resolve())
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before


# A process to time: its command line and what it adds to the environment.
Case = tuple[list[str], dict[str, str]]


def spawn(case: Case, env: dict[str, str], gone: list[Path] | None = None) -> dict[str, float]:
    """Run a process; its ``name value`` lines (and its wall time as ``wall``). ``gone``:
    files and folders to remove first (the copy of Today; a new install's whole folder)."""
    for path in gone or []:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    command, own = case
    started = time.time()
    env = dict(env, **own, FOLLOWUP_BENCH_T0=repr(started))
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=120)
    values = {"wall": time.time() - started}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("content", "rss"):
            values[name] = float(value)
    return values


# The reference for idle CPU: a bare window whose only work is a Python slot on a timer at
# the other-writers check's rhythm (the kernel charges CPU in whole clock ticks, so even an
# empty slot four times a second reads about 1 % of a core on this machine).
BARE_TIMER = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
ticks = []
timer = QTimer(interval={POLL_MS})
timer.timeout.connect(lambda: ticks.append(1))
timer.start()
app.exec()
"""


def idle_wakeups(
    python: str,
    env: dict[str, str],
    database: Path | None,
    settle: float = 8.0,
    window: float = 10.0,
) -> tuple[float, float]:
    """The app left alone once started and settled (the copy of Today made, the backup
    taken), its window shown: how often its threads wake up (voluntary context switches,
    all threads, per second) and the share of one core it uses, over ``window`` seconds.
    ``database`` None: the same for the reference, a bare window with a timer."""
    app_env = dict(env)
    app_env.pop("FOLLOWUP_BENCH_T0", None)
    command = [python, "-c", BARE_TIMER]
    if database is not None:
        app_env["FOLLOWUP_DB"] = str(database)
        command = [python, "-m", "followup_desktop.app"]
    app = subprocess.Popen(
        command, env=app_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        time.sleep(settle)
        before, started = _woken(app.pid), time.monotonic()
        time.sleep(window)
        after, elapsed = _woken(app.pid), time.monotonic() - started
    finally:
        app.terminate()
        app.wait(timeout=30)
    ticks = os.sysconf("SC_CLK_TCK")
    return (after[0] - before[0]) / elapsed, (after[1] - before[1]) / ticks / elapsed


def _woken(pid: int) -> tuple[int, int]:
    """Voluntary context switches and CPU ticks of every thread of the process (Linux)."""
    switches = ticks = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            status = (task / "status").read_text(encoding="ascii")
            stat = (task / "stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        line = next(x for x in status.splitlines() if x.startswith("voluntary_ctxt_switches"))
        switches += int(line.split()[1])
        ticks += int(stat[11]) + int(stat[12])  # user and system time
    return switches, ticks


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
    cases: dict[str, Case], env: dict[str, str], runs: int
) -> dict[str, list[dict[str, float]]]:
    """Each case ``runs`` times, in turn. The first round warms the file cache and leaves the
    copy of Today that the next start uses; cases named ``… no copy`` never have one, and
    the new install has no database either (its folder goes before each run)."""
    gone: dict[str, list[Path]] = {name: [] for name in cases}
    for name, (_command, own) in cases.items():
        if name == NEW_INSTALL:  # launched from the menu: the data folder's database
            data = Path(own["XDG_DATA_HOME"])
            gone[name] = [copy_of_today(data / APP_NAME / DB_NAME, env), data]
        elif name.endswith(NO_COPY):
            gone[name] = [copy_of_today(Path(own["FOLLOWUP_DB"]), env)]
    for name, case in cases.items():
        spawn(case, env, gone[name])
    results: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            results[name].append(spawn(case, env, gone[name]))
    return results


def start_up_cases(python: str, home: Path, big: Path) -> dict[str, Case]:
    """The bare window, and the app on an empty database and on 10,000 interviews, each
    with Today's copy kept from the run before (a restart) and without one, and a new
    install's first start (no data folder yet). The app is launched as the applications menu
    launches it, with no arguments: its database is named by FOLLOWUP_DB (the new install's
    is the data folder's), and FOLLOWUP_BENCH_T0 (``spawn``) has it report its first paint
    with data and quit."""
    from followup.storage import Database

    app = [python, "-m", "followup_desktop.app"]
    first = home / "first"  # the same files, copied, for the cases with no copy of Today
    first.mkdir(exist_ok=True)
    empty = home / "empty.sqlite3"
    Database.open(empty, datetime.now(UTC)).close()  # as a first start leaves it
    for database in (empty, big):
        shutil.copy(database, first / database.name)
    return {
        "bare": ([python, "-c", BARE], {}),
        "empty": (app, {"FOLLOWUP_DB": str(empty)}),
        "big": (app, {"FOLLOWUP_DB": str(big)}),
        f"empty{NO_COPY}": (app, {"FOLLOWUP_DB": str(first / empty.name)}),
        f"big{NO_COPY}": (app, {"FOLLOWUP_DB": str(first / big.name)}),
        NEW_INSTALL: (app, {"XDG_DATA_HOME": str(home / "new-install-data")}),
    }


START_UP_ROWS = (
    ("empty", "time to content, empty database", "≤ 1.3×"),
    ("big", "time to content, 10,000 interviews", "≤ 1.5×"),
    (f"empty{NO_COPY}", "… empty, no copy of Today kept (first start)", "≤ 1.3×"),
    (f"big{NO_COPY}", "… 10,000, no copy of Today kept (first start)", "≤ 1.5×"),
    (NEW_INSTALL, "… a new install (no database file yet)", "≤ 1.3×"),
)


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


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
    # Budget: a third of the first plans' ~75 ms before their fast paths (issue 12).
    "test_first_plans_with_10000_interviews[plain]": (
        "first plans at 10,000, cold (domain; plain dates)",
        0.025,
    ),
    "test_first_plans_with_10000_interviews[locale]": (
        "first plans at 10,000, cold (the locale's dates)",
        0.025,
    ),
    "test_todays_part_of_the_first_plans_with_10000_interviews": (
        "Today's part of the first plans at 10,000, cold (what start-up plans first)",
        0.025,
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
            str(folder / "bench_plans.py"),
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


def start_up_alone(runs: int) -> None:
    """Time to content alone, with every run's figure: a start-up change is compared in a
    minute, while the whole table takes several."""
    byte_compile()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("FOLLOWUP_DB", None)  # each case names its own, or none (the menu's launch)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[variable] = str(home / variable.lower())
        env["XDG_RUNTIME_DIR"] = str(home / "runtime")
        (home / "runtime").mkdir(mode=0o700)
        big = demo_database(home / "big.sqlite3", 10_000)
        starts = alternate(start_up_cases(sys.executable, home, big), env, runs)
    bare = median(starts["bare"], "content")
    for name, what in (("bare", "bare window"), *((n, w) for n, w, _ in START_UP_ROWS)):
        value = median(starts[name], "content")
        each = " ".join(f"{r['content'] * 1000:.0f}" for r in starts[name])
        print(f"{what:<46} {value * 1000:4.0f} ms  {value / bare:4.2f}×  (runs: {each})")
    after = os.getloadavg()
    print(f"load average before {load_before[0]:.2f}, after {after[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--start-up",
        action="store_true",
        help="time to content alone (bare window, empty database, 10,000 interviews), each "
        "process's times listed, with the load average before and after",
    )
    args = parser.parse_args()
    if args.start_up:
        start_up_alone(args.runs)
        return
    byte_compile()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("FOLLOWUP_DB", None)  # each case names its own, or none (the menu's launch)
    python = sys.executable
    cli = [python, "-m", "followup"]
    rows: list[tuple[str, str, str, float, float, str]] = []

    def row(what: str, value: float, ref_name: str, ref: float, unit: str, goal: str) -> None:
        def shown(v: float) -> str:
            if unit == "s":
                return f"{v * 1000:.0f} ms"
            return f"{v / MiB:.0f} MiB" if unit == "B" else f"{v:.1f}{unit}"

        rows.append((what, shown(value), f"{ref_name} {shown(ref)}", value, ref, goal))

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
        figures_script = Path(__file__).parent / "gui_figures.py"
        gui = subprocess.run(
            [python, str(figures_script), str(home / "gui.sqlite3"), "--runs", str(args.runs)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(gui.stdout.splitlines()[-1])
        starts = alternate(start_up_cases(python, home, big), env, args.runs)
        shutil.copy(big, home / "idle.sqlite3")
        wakeups, cpu = idle_wakeups(python, env, home / "idle.sqlite3")
        _, bare_cpu = idle_wakeups(python, env, None, settle=3.0)
        ics = home / "out.ics"
        processes = alternate(
            {
                "version": ([*cli, "--version"], {}),
                "agenda": ([*cli, "--db", str(small), "agenda", "--json"], {}),
                "ics": ([*cli, "--db", str(small), "export", "ics", str(ics)], {}),
            },
            env,
            args.runs,
        )
    bare = median(starts["bare"], "content")
    for name, what, goal in START_UP_ROWS:
        row(what, median(starts[name], "content"), "bare", bare, "s", goal)
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
    for key, words in (
        ("sort", "Interviews: a header click (sort)"),
        ("filter", "Interviews: the filter's text changed"),
        ("settings", "a setting saved: GUI blocked (Today shown)"),
        ("reread", "another program wrote: GUI blocked (Interviews shown)"),
    ):
        row(
            f"{words} at 10,000, to the repaint",
            statistics.median(figures[key]),
            "budget",
            0.050,
            "s",
            "< 1×",
        )
    row(
        "a setting saved at 10,000: until the views follow",
        statistics.median(figures["settings_wait"]),
        "budget",
        1.0,
        "s",
        "< 1×",
    )
    row(
        "another program wrote at 10,000: until Interviews is read again",
        statistics.median(figures["reread_wait"]),
        "budget",
        1.0,
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
        "month switch at 10,000, key held down (30 repeats a second)",
        statistics.median(figures["month_held"]),
        "budget",
        0.016,
        "s",
        "< 1×",
    )
    row(
        "month switch at 10,000, keys back to back (a month never planned)",
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
    row(
        "idle wake-ups, 10,000 interviews, window shown (settled)",
        wakeups,
        "other-writers check",
        1000 / POLL_MS,
        "/s",
        "≤ 1× (nothing else wakes)",
    )
    row(
        "idle CPU, 10,000 interviews, window shown (share of one core)",
        cpu * 100,
        "bare + timer",  # a bare window with a Python timer at the check's rhythm
        bare_cpu * 100,
        "%",
        "≤ 1 % of a core",
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
        ratio = f"{value / ref_value:>5.2f}×" if ref_value else "    –"  # (a reference of 0)
        print(f"{what:<{width}}  {shown:>8}  {ref:<16} {ratio}  {goal}")
    worst = {k: f"{max(v) * 1000:.0f}" for k, v in figures.items()}
    print("worst in-process (ms): " + ", ".join(f"{k} {v}" for k, v in worst.items()))


if __name__ == "__main__":
    main()
