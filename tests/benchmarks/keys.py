"""A key as a user presses it, timed to the paint it leads to: the real key events sent to
the widget, then the event loop's passes until the widget has painted. Qt lays out and paints
only what changed, as on a screen; nothing forces a repaint of the whole window, which no key
does (a forced one would paint the changed widgets a second time)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class PaintSpy(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def press(widget: QWidget, key: Qt.Key, text: str = "") -> None:
    """Press and release a key on ``widget``, as the window system delivers it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def until_painted(spy: PaintSpy, before: int) -> None:
    """Run the event loop until the widget has painted since ``before`` (its spy's count then).
    One pass does it; the bound only keeps a broken case from hanging the benchmark."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(100):
        app.processEvents()
        if spy.count > before:
            return
    raise RuntimeError("the key never led to a paint")
