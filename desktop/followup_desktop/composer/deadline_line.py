"""The line above the letter: when it is due, and plainly when that has passed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from followup_desktop.composer.editor import repolish
from followup_desktop.composer.picker import OVERDUE


class DeadlineLine(QLabel):
    """Muted while there is time; in the error tone once the deadline has passed (Today says
    "Overdue" then, and the composer said the old deadline in grey)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("summary")
        self.setAccessibleName("Deadline")
        self.setWordWrap(True)

    def say(self, text: str) -> None:
        self.setText(text)
        overdue = text.startswith(OVERDUE)
        if bool(self.property("overdue")) != overdue:
            self.setProperty("overdue", overdue)
            repolish(self)
        self.setVisible(bool(text))
