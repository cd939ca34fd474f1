"""End to end, as on a desktop with a tray: the installed app, on an X display (Xvfb), with a
StatusNotifierWatcher and a notification daemon on a private D-Bus session (python3-dbusmock).
The overdue letter's reminder must arrive as a real ``Notify`` call through the tray."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from followup.model import Application, Contact, Round
from followup.storage import Database, Repository

SYSTEM_PYTHON = "/usr/bin/python3"
WATCHER = Path(__file__).parent / "dbus" / "status_notifier_watcher.py"


def _missing() -> str:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no private D-Bus session (make test runs pytest inside one)"
    if shutil.which("xvfb-run") is None:
        return "xvfb-run not installed (Debian package xvfb)"
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import dbusmock"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        return "python3-dbusmock not installed (Debian package python3-dbusmock)"
    return ""


def _mock(*args: str, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [SYSTEM_PYTHON, "-m", "dbusmock", *args, "-l", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the process and everything it started: each runs in its own process group
    (``xvfb-run`` starts Xvfb and the app; signalling only the script orphaned both)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # whatever of the group is still there
    process.wait(timeout=5)


def _wait_for(path: Path, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.dbus
@pytest.mark.skipif(bool(_missing()), reason=_missing() or "available")
def test_reminder_arrives_through_the_tray_as_a_real_notify(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    database = Database.open(tmp_path / "tray.sqlite3", now)
    repo = Repository(database)
    repo.save_settings(
        {
            "calendar.country": "US",
            "calendar.timezone": "UTC",
            "reminders.quiet_start": "00:00",
            "reminders.quiet_end": "00:00",
        }
    )
    app = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    dana = repo.add_contact(Contact(0, "Dana Müller"))
    start = now - timedelta(days=8)
    repo.add_round(
        Round(0, app.id, start, start + timedelta(hours=1), "UTC", interviewer_ids=(dana.id,))
    )
    database.close()
    notifications, watcher_log = tmp_path / "notify.log", tmp_path / "sni.log"
    mocks = [
        _mock("--template", "notification_daemon", log=notifications),
        _mock("--template", str(WATCHER), log=watcher_log),
    ]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    env.pop("FOLLOWUP_DB", None)
    app_process = None
    errors = (tmp_path / "app-stderr.txt").open("wb")
    try:
        time.sleep(1.0)  # let both mocks own their bus names
        app_process = subprocess.Popen(
            [
                "xvfb-run",
                "-a",
                sys.executable,
                "-m",
                "followup_desktop.app",
                "--db",
                str(tmp_path / "tray.sqlite3"),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
        assert _wait_for(notifications, "Thank-you letter to Dana Müller", 30), (
            tmp_path / "app-stderr.txt"
        ).read_text(errors="replace")
        assert _wait_for(watcher_log, "RegisterStatusNotifierItem", 5), "no tray item"
        line = next(x for x in notifications.read_text().splitlines() if "Notify" in x)
        assert '"Interview Follow-Up"' in line
        assert "deadline has passed" in line
    finally:
        for process in ([app_process] if app_process else []) + mocks:
            _stop(process)
        errors.close()
