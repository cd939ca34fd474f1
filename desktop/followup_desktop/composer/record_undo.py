"""Mark as sent, undoable (Edit → Undo): a letter recorded by mistake is taken back and its
words are the draft again; redo records the very same letter. Only for a letter the user
marked by hand: an e-mail the server accepted has gone, and no undo can say otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from followup.model import Letter
from followup_desktop.database_command import DatabaseCommand
from followup_desktop.session import Session


class MarkedSent(DatabaseCommand):
    """Pushed once the letter is recorded, so the stack's first redo has nothing to do."""

    def __init__(self, session: Session, letter: Letter, to: str, parent: QWidget) -> None:
        super().__init__(f"Mark as Sent to {to}", session, parent, done=True)
        self.letter = letter

    def forward(self) -> None:
        self.session.repo.put_back_letter(self.letter)

    def backward(self) -> None:
        self.session.repo.take_back_letter(self.letter.id, now=self.session.now())
