"""Errors beside the field they are about: how a form says what is wrong.

The domain names the field at fault (``InvalidInput.field``, e.g. ``company``); a form wraps
each of its fields once with ``FieldErrors.wrap``, and a refusal is then shown in words right
under that field: the message becomes the field's accessible description, the field gets the
focus, its tab (or folded section) comes to the front, and the dialog stays open. An error
about no one field goes to the form's own line. Any dialog can use it, the settings too.

A message goes as soon as its field is edited (typed in, picked, ticked): it was about the
value that is no longer there, and the next save says it again if the new value is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError
from followup_desktop.accessibility import named


@dataclass
class _Slot:
    widget: QWidget  # what gets the focus
    message: QLabel  # the words under it
    description: str  # the widget's own accessible description, put back on clear
    reveal: Callable[[], None] | None


class FieldErrors:
    """One form's field errors. ``general`` shows what is about no one field."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self._slots: dict[str, _Slot] = {}
        self._noted: dict[str, str] = {}  # field → what is said beside it now

    def wrap(
        self,
        fields: str | Iterable[str],
        widget: QWidget,
        *,
        focus: QWidget | None = None,
        reveal: Callable[[], None] | None = None,
    ) -> QWidget:
        """``widget`` with a (hidden) message line under it, for the domain's ``fields``; put
        the result in the form where ``widget`` would go. ``focus``: the part to focus when
        it is not ``widget`` itself; ``reveal``: how to unfold a hidden section."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        target = focus or widget
        what = target.accessibleName() or widget.accessibleName() or "this field"
        message = named(QLabel(), f"Problem with {what}", style="error")
        message.setWordWrap(True)
        message.hide()
        layout.addWidget(message)
        for name in [fields] if isinstance(fields, str) else fields:
            self._slots[name] = _Slot(target, message, target.accessibleDescription(), reveal)
        for edited in _edits(widget):
            edited.connect(lambda *_: self._forget(message))
        return box

    def also(self, field: str, like: str, focus: QWidget) -> None:
        """Say ``field``'s errors on ``like``'s line, focusing ``focus`` (a start and an end
        time sharing one row)."""
        slot = self._slots[like]
        self._slots[field] = _Slot(focus, slot.message, focus.accessibleDescription(), None)

    def show(self, error: FollowUpError) -> str | None:
        """Say ``error`` beside its field (focused, brought to the front); returns that field,
        or None when it went to the form's own line."""
        self.clear()
        field = getattr(error, "field", None)
        if field in self._slots and self.note(field, str(error)):
            slot = self._slots[field]
            slot.widget.setFocus()
            return str(field)
        self.general.setText(str(error))
        self.general.show()
        return None

    def note(self, field: str, text: str) -> bool:
        """Show ``text`` beside ``field`` without moving the focus (what a stored record
        could not use, when a fix opens). False when the form has no such field."""
        slot = self._slots.get(field)
        if slot is None:
            return False
        shown = slot.message.text()
        slot.message.setText(f"{shown}\n{text}" if shown and not slot.message.isHidden() else text)
        slot.message.show()
        slot.widget.setAccessibleDescription(slot.message.text())
        self._noted[field] = text
        if slot.reveal is not None:
            slot.reveal()
        _bring_forward(slot.widget)
        _make_room(slot.message)
        return True

    def clear(self) -> None:
        """Hide every message (before the next try)."""
        self.general.hide()
        self.general.clear()
        self._noted = {}
        for slot in self._slots.values():
            slot.message.hide()
            slot.message.clear()
            slot.widget.setAccessibleDescription(slot.description)

    def _forget(self, message: QLabel) -> None:
        """The field under ``message`` was edited: what was said about its old value goes."""
        if message.isHidden():
            return
        message.hide()
        message.clear()
        for field, slot in self._slots.items():
            if slot.message is message:
                slot.widget.setAccessibleDescription(slot.description)
                self._noted.pop(field, None)

    def shown(self) -> dict[str, str]:
        """Field → the message shown beside it now (what a screen reader would read)."""
        return dict(self._noted)


_COMPOUND = (QComboBox, QAbstractSpinBox, QAbstractItemView)


def _edits(widget: QWidget) -> list[SignalInstance]:
    """The signals by which ``widget`` (or an input inside it) says its value changed; the
    inner parts of a list, a combo box or a spin box speak through their owner."""
    parts = [widget]
    if not isinstance(widget, _COMPOUND):
        parts += [part for part in widget.findChildren(QWidget) if not _inside(part, widget)]
    return [signal for part in parts for signal in _changed(part)]


def _inside(part: QWidget, widget: QWidget) -> bool:
    """``part`` is the inner piece of a compound input below ``widget``."""
    owner = part.parentWidget()
    while owner is not None and owner is not widget:
        if isinstance(owner, _COMPOUND):
            return True
        owner = owner.parentWidget()
    return False


def _changed(part: QWidget) -> list[SignalInstance]:
    if isinstance(part, QLineEdit | QPlainTextEdit | QTextEdit):
        return [part.textChanged]
    if isinstance(part, QComboBox):
        return [part.currentIndexChanged, part.editTextChanged]
    if isinstance(part, QDateTimeEdit):
        return [part.dateTimeChanged]
    if isinstance(part, QSpinBox | QDoubleSpinBox):
        return [part.valueChanged]
    if isinstance(part, QAbstractButton) and part.isCheckable():
        return [part.toggled]
    if isinstance(part, QAbstractItemView) and part.model() is not None:
        model = part.model()
        return [model.dataChanged, model.rowsInserted, model.rowsRemoved]
    return []


def _make_room(message: QLabel) -> None:
    """Let the dialog grow to hold ``message`` whole: a window keeps its height when a line
    appears, and a wrapped message was squeezed into one line under the buttons."""
    window = message.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    need = max(need, layout.totalMinimumSize().height())
    if need > window.height():
        window.resize(width, need)


def _bring_forward(widget: QWidget) -> None:
    """Show the tab that holds ``widget``, so the message beside it is seen."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(child)
        child = parent
