"""A polite stop: SIGTERM (log-out, shutdown, `kill`), SIGINT (Ctrl+C in a terminal) and SIGHUP
end the app the way its Quit does, so an unsaved draft is written and a `--demo` folder is
removed, instead of Python dying inside Qt's event loop with both left behind.

Python runs a signal handler only when the interpreter gets control, which a waiting Qt event
loop never gives it. The handler here does nothing; the wake-up file descriptor Python writes
the signal number to is watched by a ``QSocketNotifier``, so the stop is noticed at once and the
app wakes for nothing else (no polling timer).

The pair comes from ``_socket``, the C module under ``socket``, where it has one (not on Windows):
importing ``socket`` turns every constant of the platform into enums, 3-4 ms before the first
paint.
"""

from __future__ import annotations

import _socket
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

STOPS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class StopSignals(QObject):
    """Calls ``stop`` once when the process is asked to stop; ``close()`` puts back what was."""

    def __init__(self, stop: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop = stop
        self.reader, self.writer = _socket_pair()
        for end in (self.reader, self.writer):
            end.setblocking(False)
        self.previous_fd = signal.set_wakeup_fd(self.writer.fileno(), warn_on_full_buffer=False)
        self.previous = {number: signal.signal(number, _ignore) for number in STOPS}
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._woken)
        self.stopping = False

    def _woken(self) -> None:
        try:
            numbers = self.reader.recv(64)
        except BlockingIOError:
            return
        if self.stopping or not set(numbers) & {int(number) for number in STOPS}:
            return
        self.stopping = True
        self.stop()

    def close(self) -> None:
        """Stop listening and restore the handlers and wake-up descriptor found at the start."""
        self.notifier.setEnabled(False)
        for number, handler in self.previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self.previous_fd)
        self.reader.close()
        self.writer.close()


def _socket_pair() -> tuple[_socket.socket, _socket.socket]:
    if sys.platform == "win32":  # pragma: no cover (Windows: made by socket.py)
        import socket  # noqa: PLC0415

        return socket.socketpair()
    return _socket.socketpair()


def _ignore(_number: int, _frame: object) -> None:
    """The work is done by the notifier; the handler only keeps Python from dying at once."""
