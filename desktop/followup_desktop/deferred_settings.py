"""Settings the user arranges, kept for the next run and written once they stop.

QSettings writes its whole file each time a QSettings made for the purpose goes, on the GUI
thread: 2-3 ms here, far more on a slow disk or a network home folder. What the user
arranges (a column's edge or a splitter dragged: a value at every move; a header clicked:
two; a page chosen) is therefore written once they stop (``keep``), and at the latest as the
window closes or the app quits. A crash within that half second loses only that arrangement.
No ``Qt`` namespace here: the main window keeps its page before Today's first paint is done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

WRITE_AFTER_MS = 500  # after the last change: a drag's moves, a click's two values


class _Unwritten(QObject):
    """Values kept but not yet written, all written together (one write of the file)."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.values: dict[str, object] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_AFTER_MS)
        self.timer.timeout.connect(self.write)
        app.aboutToQuit.connect(self.write)

    def write(self) -> None:
        self.timer.stop()
        if self.values:
            values, self.values = self.values, {}
            settings = QSettings()
            for key, value in values.items():
                settings.setValue(key, value)
            settings.sync()


_unwritten: _Unwritten | None = None


def keep(key: str, value: object) -> None:
    """Keep ``value`` for the next run: written with whatever else the user arranges in the
    next half second, or as the window closes or the app quits (``write_kept``)."""
    global _unwritten  # noqa: PLW0603  (one per application)
    app = QCoreApplication.instance()
    if app is None:  # no event loop to wait in
        QSettings().setValue(key, value)
        return
    if _unwritten is None or _unwritten.parent() is not app:
        _unwritten = _Unwritten(app)
    _unwritten.values[key] = value
    _unwritten.timer.start()


def kept(key: str) -> object:
    """The value last kept, written yet or not (None when there is none)."""
    if _unwritten is not None and key in _unwritten.values:
        return _unwritten.values[key]
    return QSettings().value(key)


def write_kept() -> None:
    """Write now what is kept but not yet written (the window closing)."""
    if _unwritten is not None:
        _unwritten.write()
