"""Run one blocking call (a network round trip) off the GUI thread; results come back as
signals on the GUI thread. The only database work here is the daily backup, on a connection
of its own (``followup.storage.daily_backup``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

# How long quitting waits for jobs under way (a backup, a letter handed to the mail server,
# the spelling dictionary): long enough for the mail server's own timeout to answer, short
# enough that Quit never seems to hang.
QUIT_WAIT_MS = 35_000


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it: freed only after its result arrived
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


def _spent() -> None:
    """What a job holds once it has answered: nothing."""


# Jobs in flight. Without this reference a job, and the signal object it answers through,
# could be collected while its queued signal is still on the way: a crash.
_RUNNING: set[_Job] = set()
_WAITS_AT_QUIT: list[QCoreApplication] = []


def _wait_at_quit() -> None:
    """As the app quits, let the jobs under way finish while their Python objects still
    live, and hand their answers over: a backup is not cut off, a letter the mail server
    accepted is still recorded as sent, and no job answers through a signal object Python
    has already freed (which printed 'Signal source has been deleted' at quit, or worse)."""
    app = QCoreApplication.instance()
    if app is None or any(seen is app for seen in _WAITS_AT_QUIT):
        return
    _WAITS_AT_QUIT.append(app)
    app.aboutToQuit.connect(_finish_jobs)


def _finish_jobs() -> None:
    QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)
    QCoreApplication.sendPostedEvents()  # the answers that arrived: their handlers run now


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    _wait_at_quit()
    job = _Job(work)
    _RUNNING.add(job)

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        _RUNNING.discard(job)
        # The job, its work and what that holds (a page's rows) are kept by a cycle the
        # collector cannot see: these lambdas, held by Qt's connections, hold the job. Cut
        # here, or every job stayed in memory for good (7.5 MiB a failed read of 2,000 rows).
        job.signals.done.disconnect()
        job.signals.failed.disconnect()
        job.work = _spent
        handler(value)

    job.signals.done.connect(lambda value: finish(on_done, value))
    job.signals.failed.connect(lambda error: finish(on_failed, error))
    QThreadPool.globalInstance().start(job)
