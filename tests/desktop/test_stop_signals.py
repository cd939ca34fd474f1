"""Asked to stop (log-out, `kill`, Ctrl+C), the app quits as its Quit does: drafts written,
the demo's throw-away folder removed, exit status 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from followup_desktop.stop_signals import StopSignals

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_a_stop_signal_reaches_the_event_loop_once_and_close_restores(qtbot: QtBot) -> None:
    before = signal.getsignal(signal.SIGTERM)
    calls: list[str] = []
    stops = StopSignals(lambda: calls.append("stop"))
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: calls == ["stop"], timeout=2000)
        os.kill(os.getpid(), signal.SIGINT)  # a second request while stopping: once is enough
        qtbot.wait(50)
        assert calls == ["stop"]
    finally:
        stops.close()
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_the_demo_stopped_by_a_signal_quits_cleanly_and_leaves_no_folder(
    tmp_path: Path, number: int
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    runtime = tmp_path / "run"  # as in a desktop session: the instance socket lives here
    runtime.mkdir(mode=0o700)
    app = subprocess.Popen(
        [sys.executable, "-m", "followup_desktop.app", "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temporary), "XDG_RUNTIME_DIR": str(runtime)},
    )
    try:
        deadline = time.monotonic() + 30
        while not list(temporary.glob("followup-demo-*/demo.sqlite3")):
            assert app.poll() is None, app.communicate()[1]
            assert time.monotonic() < deadline, "the demo did not start"
            time.sleep(0.05)
        time.sleep(0.3)  # well into the event loop
        app.send_signal(number)
        _out, err = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    assert list(temporary.iterdir()) == []
    assert list(runtime.rglob("instance-*")) == []  # the single-instance socket is closed
