"""What the user arranged stays arranged between runs: window geometry, the last page,
splitter positions, column widths and sort orders, kept with QSettings (the platform's
usual place: ~/.config on Linux, the registry on Windows, a plist on macOS), and written
once the user stops arranging (``deferred_settings``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QSplitter, QWidget

from followup_desktop.deferred_settings import keep, kept


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
