"""A dialog the app runs modally, let go once answered.

A dialog made with one of the app's windows as its parent belongs to that window: when
``exec`` returns and the code that made it lets go of it, Qt still keeps it, hidden, with its
Python half, for as long as the window lives. The app runs for days: each Settings dialog
ever opened stayed in memory (1.6 MiB), and ``make screenshots`` once crashed in a later
dialog's making among the spent ones."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class ModalDialog(QDialog):
    def exec(self) -> int:
        """Modal; once answered, a dialog parented to one of the app's windows is deleted
        when the event loop is back. What its caller reads of it right after (``saved``, its
        fields) is still there."""
        try:
            return super().exec()
        finally:
            if self.parent() is not None:
                self.deleteLater()
