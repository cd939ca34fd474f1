"""Mark as sent, undoable (Edit → Undo): a letter recorded by mistake is taken back and its
words are the draft again; redo records the very same letter. Only for a letter the user
marked by hand: an e-mail the server accepted has gone, and no undo can say otherwise."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from followup.model import Letter
from followup_desktop.session import Session


class MarkedSent(QUndoCommand):
    """Pushed once the letter is recorded, so the stack's first redo has nothing to do."""

    def __init__(self, session: Session, letter: Letter, to: str, parent: QWidget) -> None:
        super().__init__(f"Mark as Sent to {to}")
        self.session = session
        self.letter = letter
        self.parent_widget = parent
        self.recorded = True
        self._settle = False  # the stack moved back after a failure: nothing to do

    def redo(self) -> None:
        if self._settle or self.recorded:
            self._settle = False
            return
        repo = self.session.repo
        if self.session.attempt(
            self.parent_widget, lambda: repo.put_back_letter(self.letter), "Not redone"
        ):
            self.recorded = True
        else:
            self._step_back(self.session.undo_stack.undo)

    def undo(self) -> None:
        if self._settle:
            self._settle = False
            return
        session = self.session
        if session.attempt(
            self.parent_widget,
            lambda: session.repo.take_back_letter(self.letter.id, now=session.now()),
            "Not undone",
        ):
            self.recorded = False
        else:
            self._step_back(session.undo_stack.redo)

    def _step_back(self, move: Callable[[], None]) -> None:
        """The database did not change: put the stack back where it was, once it has
        finished this step (so it never says done what was not)."""
        self._settle = True
        QTimer.singleShot(0, move)
