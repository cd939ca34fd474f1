"""Typed text is not thrown away by a stray Escape, Cancel or click on the window's close
button: a form with changes asks before it discards them.

A form's state is read from its own input widgets (whatever they are), once when it is ready
and again when it is about to close; no form has to list its fields a second time. Closed by
the program (after Save, the app quitting, a test, Qt's teardown), a dialog does not ask: only
the window system's close is spontaneous, and only then are the fields read again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from followup_desktop.modal import ModalDialog

FINDS = "finds"  # a widget property: a field that finds, whose text is nothing to keep


def values_of(form: QWidget) -> tuple[object, ...]:
    """What the user can change in ``form``: the texts, choices and ticks of the input
    widgets it keeps as attributes (and of those its attributes keep, as a date that may be
    unset keeps a tick and a date). Only widgets the form made are read: asking Qt for all
    its children would wrap Qt's own inner widgets, which PySide cannot follow when Qt
    deletes them."""
    values: list[object] = []
    seen: set[int] = set()

    def read(holder: object, depth: int) -> None:
        for name, widget in sorted(vars(holder).items()):
            if not isinstance(widget, QWidget) or id(widget) in seen or name == "parent_widget":
                continue
            if widget.property(FINDS):  # what a search field holds is not an entry
                continue
            seen.add(id(widget))
            if isinstance(widget, QLineEdit | QAbstractSpinBox):
                values.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                if not widget.isReadOnly():
                    values.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                values.append((widget.currentIndex(), widget.currentText()))
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
            elif isinstance(widget, QListWidget):
                values.append(
                    tuple(widget.item(i).checkState().value for i in range(widget.count()))
                )
            elif callable(choices := getattr(widget, "choices", None)):  # a list over a model
                values.append(choices())
            elif depth < 2 and widget is not form:
                read(widget, depth + 1)

    read(form, 0)
    return tuple(values)


class GuardedDialog(ModalDialog):
    """A dialog whose Escape, Cancel and close button ask before losing what was typed; call
    ``watch_changes`` once it is filled in, and connect Cancel to ``cancel``. It keeps the
    values it was opened with, never a second object pointing back at it (a cycle that only
    the garbage collector would free, at a moment of its choosing)."""

    losing = "saving your changes"  # "Close without …?"

    def watch_changes(self) -> None:
        self.opened_with: tuple[object, ...] | None = values_of(self)

    def more_to_lose(self) -> bool:
        """Something beyond the fields that closing would lose (a call already started)."""
        return False

    def changed(self) -> bool:
        opened = getattr(self, "opened_with", None)
        return opened is not None and values_of(self) != opened

    def may_close(self) -> bool:
        """True when closing loses nothing, or the user chose to lose it."""
        return not (self.more_to_lose() or self.changed()) or self._discard()

    @Slot()  # a real slot: Cancel is connected in Qt, with no Python receiver object between
    def cancel(self) -> None:
        """Close, unless there are changes and the user keeps editing."""
        if self.may_close():
            self.reject()

    def _discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Discard changes?",
            f"Close without {self.losing}?",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("discard-dialog")
        keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        chosen = box.clickedButton() is discard
        box.deleteLater()  # asked again next time: no spent boxes kept under the form
        return chosen

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's close button asks as Cancel does. A close the program makes (its
        ``close()``, the app quitting, teardown) is not spontaneous and never asks, nor reads
        the fields, which Qt may be taking apart by then."""
        if (
            event.spontaneous()
            and self.isVisible()
            and not QCoreApplication.closingDown()
            and not self.may_close()
        ):
            event.ignore()
            return
        super().closeEvent(event)
