"""Quitting while a job runs off the GUI thread (a backup, a send, the dictionary)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from followup_desktop.background import run_in_background

    app = QApplication(sys.argv[:1])
    out = Path(sys.argv[1])

    def work():
        time.sleep(0.4)
        (out / "work-finished").write_text("yes")
        return "answer"

    def done(value):
        (out / "answer-handled").write_text(value)

    run_in_background(work, done, print)
    QTimer.singleShot(50, app.quit)  # Quit while the job is still under way
    app.exec()
    """
)


def test_quitting_while_a_job_runs_finishes_it_and_hands_its_answer_over(tmp_path: Path) -> None:
    """The job finishes and its answer is handled (a letter the server accepted is recorded),
    and nothing answers through a signal object Python already freed: that printed
    'RuntimeError: Signal source has been deleted' at quit."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "deleted" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert (tmp_path / "work-finished").read_text() == "yes"
    assert (tmp_path / "answer-handled").read_text() == "answer"
