"""Settings the user arranges, kept for the next run and written once they stop.

QSettings writes its whole file each time a QSettings made for the purpose goes, on the GUI
thread: 2-3 ms here, far more on a slow disk or a network home folder. What the user
arranges (a column's edge or a splitter dragged: a value at every move; a header clicked:
two; a page chosen) is therefore written once they stop (``keep``), and at the latest as the
window closes or the app quits. A crash within that half second loses only that arrangement.
No ``Qt`` namespace here: the main window keeps its page before Today's first paint is done.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

WRITE_AFTER_MS = 500  # after the last change: a drag's moves, a click's two values

_values: dict[str, object] = {}  # kept, not yet written (held here, not by the application)


class _Writer(QObject):
    """The application's timer that writes what is kept, and its quitting, which does too.
    The application owns it: gone with one application, another is made for the next."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_AFTER_MS)
        self.timer.timeout.connect(write_kept)
        app.aboutToQuit.connect(write_kept)


_writer: _Writer | None = None


def _writer_of(app: QCoreApplication) -> _Writer:
    global _writer  # noqa: PLW0603  (one per application)
    if _writer is None or not shiboken6.isValid(_writer) or _writer.parent() is not app:
        _writer = _Writer(app)
    return _writer


def keep(key: str, value: object) -> None:
    """Keep ``value`` for the next run: written with whatever else the user arranges in the
    next half second, or as the window closes or the app quits (``write_kept``)."""
    _values[key] = value
    app = QCoreApplication.instance()
    if app is None:  # no event loop to wait in
        write_kept()
        return
    _writer_of(app).timer.start()


def kept(key: str) -> object:
    """The value last kept, written yet or not (None when there is none)."""
    if key in _values:
        return _values[key]
    return QSettings().value(key)


def write_kept() -> None:
    """Write now, as one write of the file, what is kept but not yet written (also what an
    application gone without quitting left)."""
    if _writer is not None and shiboken6.isValid(_writer):
        _writer.timer.stop()
    if _values:
        values = dict(_values)
        _values.clear()
        settings = QSettings()
        for key, value in values.items():
            settings.setValue(key, value)
        settings.sync()
