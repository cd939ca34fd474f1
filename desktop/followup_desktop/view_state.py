"""What the user arranged stays arranged between runs: window geometry, the last page,
splitter positions, column widths and sort orders, kept with QSettings (the platform's
usual place: ~/.config on Linux, the registry on Windows, a plist on macOS).

QSettings writes its whole file each time a QSettings made for the purpose goes, on the GUI
thread: 2-3 ms here, far more on a slow disk or a network home folder. What the user
arranges (a column's edge or a splitter dragged: a value at every move; a header clicked:
two; a page chosen) is therefore written once they stop (``keep``), and at the latest as the
window closes or the app quits. A crash within that half second loses only that arrangement."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QFileDialog, QHeaderView, QSplitter, QWidget

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


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore the splitter's sizes now and keep them whenever the user moves it."""
    saved = kept(f"splitters/{key}")
    if isinstance(saved, QByteArray):
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_: keep(f"splitters/{key}", splitter.saveState()))


class SplitterMemory:
    """A splitter whose orientation follows the room it has (side by side when wide, one
    above the other when narrow): its sizes are kept for each orientation, so turning the
    window narrow and back returns the user's wide arrangement."""

    def __init__(self, splitter: QSplitter, key: str) -> None:
        self.splitter = splitter
        self.key = key
        splitter.splitterMoved.connect(self.save)

    def _name(self) -> str:
        wide = self.splitter.orientation() is Qt.Orientation.Horizontal
        return f"splitters/{self.key}-{'wide' if wide else 'narrow'}"

    def save(self, *_: object) -> None:
        keep(self._name(), self.splitter.saveState())

    def set_orientation(self, orientation: Qt.Orientation, sizes: list[int]) -> None:
        """Turn the splitter; its sizes as last left in this orientation, else ``sizes``."""
        if self.splitter.orientation() is orientation and self.splitter.property("restored"):
            return
        self.splitter.setOrientation(orientation)
        self.splitter.setProperty("restored", True)
        saved = kept(self._name())
        if not (isinstance(saved, QByteArray) and self.splitter.restoreState(saved)):
            self.splitter.setSizes(sizes)
        self.splitter.setOrientation(orientation)  # a state saved elsewhere cannot turn it


def remember_header(header: QHeaderView, key: str) -> None:
    """Column widths, order and the sort column/direction, restored and kept."""
    saved = kept(f"headers/{key}")
    if isinstance(saved, QByteArray):
        header.restoreState(saved)

    def save(*_: object) -> None:
        keep(f"headers/{key}", header.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)


def save_path(parent: QWidget | None, title: str, name: str, filters: str) -> Path | None:
    """A save dialog that starts in the folder used last, else the user's Documents, else
    the home folder: never the process's working folder, where Qt's dialog goes when the
    folder it is given does not exist (a new account has no Documents folder yet)."""
    settings = QSettings()
    last = str(settings.value("dialogs/last_folder", "", type=str) or "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = next((f for f in (last, documents) if f and Path(f).is_dir()), str(Path.home()))
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), filters)
    if not chosen:
        return None
    settings.setValue("dialogs/last_folder", str(Path(chosen).parent))
    return Path(chosen)
