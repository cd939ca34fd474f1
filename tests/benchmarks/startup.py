"""Start-up to a painted main window, against a bare PySide6 window measured in the same run.

    python tests/benchmarks/startup.py [--runs 5]

Each case is a fresh process that reports the wall time from its spawn to its window's
first paint, then exits (interpreter start-up included for all alike). Prints medians and
ratios. DESIGN section 5: within 1.25x of bare; with 10,000 interviews within 1.5x.
The 10,000-interview database is the demo history: about a tenth of it still active.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
started = float(os.environ["FOLLOWUP_BENCH_T0"])
def painted():
    print(f"painted {time.time() - started:.4f}", flush=True)
    os._exit(0)
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


def run(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning the process to its window's first paint (it reports it)."""
    env = dict(env, FOLLOWUP_BENCH_T0=repr(time.time()))
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=120)
    line = next(x for x in done.stdout.splitlines() if x.startswith("painted "))
    return float(line.split()[1])


def big_database(folder: Path, count: int) -> Path:
    from followup.demo import populate
    from followup.storage import Database, Repository

    path = folder / f"interviews-{count}.sqlite3"
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


def main() -> None:
    byte_compile()
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    python = sys.executable
    app = [python, "-m", "followup_desktop.app", "--exit-after-paint"]
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        empty = home / "empty.sqlite3"
        big = big_database(home, 10_000)
        cases = {
            "bare PySide6 window": [python, "-c", BARE],
            "app, empty database": [*app, "--db", str(empty)],
            "app, 10,000 interviews": [*app, "--db", str(big)],
        }
        for command in cases.values():  # warm the file cache once
            run(command, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleaved, so drift hits every case alike
            for name, command in cases.items():
                times[name].append(run(command, env))
    bare = statistics.median(times["bare PySide6 window"])
    print(f"{'case':<26}{'median':>10}{'ratio':>8}   runs: {args.runs}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<26}{median * 1000:>8.0f}ms{median / bare:>8.2f}")


if __name__ == "__main__":
    main()
