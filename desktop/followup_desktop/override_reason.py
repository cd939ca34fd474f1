"""The reason the user gives for going ahead against an etiquette rule, asked in a dialog
wide enough for its title: Qt sizes a plain input dialog to its field, and a window manager
then cut "Record the exception" to "Recor… eption". The title is short; the question is said
in full, wrapped, inside."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

TITLE = "Your reason"
QUESTION = (
    "<b>Record the exception</b><br>"
    "Why is this exception right? Your reason is kept with the record."
)
MIN_WIDTH = 420


def ask_reason(parent: QWidget | None) -> str | None:
    """The reason typed (trimmed), or None when the user cancels or leaves it empty."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("override-reason-dialog")
    dialog.setWindowTitle(TITLE)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)  # makes its field now, to widen
    dialog.setLabelText(QUESTION)
    # The dialog's layout sets its size from its children: widen the field, wrap the words.
    for field in dialog.findChildren(QLineEdit):
        field.setMinimumWidth(MIN_WIDTH)
    for label in dialog.findChildren(QLabel):
        label.setWordWrap(True)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    reason = dialog.textValue().strip()
    dialog.deleteLater()
    return reason if accepted and reason else None
