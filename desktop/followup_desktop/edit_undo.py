"""Edit → Undo and Redo: the text being typed in when a text field has the focus, else the
last change to the records (the session's undo stack), as every editor users know does.

Without this the menu only knew the records: greyed out while a letter was being typed (its
Ctrl+Z worked, the menu did not), or offering to undo an earlier change to the records from
inside the letter.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

TextField = QLineEdit | QPlainTextEdit | QTextEdit


def _text_field(widget: QWidget | None) -> TextField | None:
    """The editable text field that has the focus, if any."""
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget
    return None


def _can(field: TextField, redo: bool) -> bool:
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable() if redo else field.isUndoAvailable()
    document = field.document()
    return document.isRedoAvailable() if redo else document.isUndoAvailable()


class EditUndo(QObject):
    """The two actions; their text and state follow the focus (shown when the menu opens,
    and for the records whenever the stack changes).

    The stack is the session's, which need not outlive the window: it listens to the whole
    application's focus, so when the stack goes first (the session let go of before the
    window, as at the end of a run) it lets go of the stack too, and the records have
    nothing left to undo."""

    def __init__(self, stack: QUndoStack, menu: QMenu, parent: QWidget) -> None:
        super().__init__(parent)
        self.stack: QUndoStack | None = stack
        stack.destroyed.connect(self._stack_gone)
        # Every key the platform binds (Redo: Ctrl+Shift+Z and Ctrl+Y). ``setShortcut`` would
        # also build PySide's ``Qt`` namespace (12 ms) before Today's first paint.
        self.undo = QAction("&Undo", parent)
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = QAction("&Redo", parent)
        self.redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.undo.triggered.connect(lambda: self._do(redo=False))
        self.redo.triggered.connect(lambda: self._do(redo=True))
        menu.addAction(self.undo)
        menu.addAction(self.redo)
        menu.aboutToShow.connect(self.refresh)
        for signal in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
        ):
            signal.connect(self.refresh)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.refresh)
        self.refresh()

    def _field(self) -> TextField | None:
        return _text_field(QApplication.focusWidget())

    def refresh(self, *_: object) -> None:
        field = self._field()
        if field is not None:
            self.undo.setText("&Undo Typing")
            self.redo.setText("&Redo Typing")
            self.undo.setEnabled(_can(field, redo=False))
            self.redo.setEnabled(_can(field, redo=True))
            return
        stack = self.stack
        if stack is not None and not isValid(stack):  # freed at exit, before its signal came
            stack = self.stack = None
        undo, redo = (stack.undoText(), stack.redoText()) if stack is not None else ("", "")
        self.undo.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo.setText(f"&Redo {redo}" if redo else "&Redo")
        self.undo.setEnabled(stack is not None and stack.canUndo())
        self.redo.setEnabled(stack is not None and stack.canRedo())

    def _stack_gone(self) -> None:
        self.stack = None
        self.refresh()

    def _do(self, *, redo: bool) -> None:
        field = self._field()
        if field is not None:
            field.redo() if redo else field.undo()
        elif self.stack is None:
            pass  # the session is gone: nothing of the records to undo
        elif redo:
            self.stack.redo()
        else:
            self.stack.undo()
        self.refresh()
