"""An Edit → Undo step whose every move is one database transaction that may be refused.

A move that fails (another program holds the file, what it would put back conflicts with
what is there now) is said by the session, and the stack is moved back where it was once it
has finished this step, so the Edit menu never says done what was not. Deleting records and
Mark as sent share this; each says only what its two moves are.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from followup_desktop.session import Session


class DatabaseCommand(QUndoCommand):
    """``forward`` is the action (first done by the first redo unless ``done``), ``backward``
    its undo; ``forward_failed`` names the action in the message when it is refused."""

    forward_failed = "Not redone"

    def __init__(
        self, text: str, session: Session, parent: QWidget | None, *, done: bool = False
    ) -> None:
        super().__init__(text)
        self.session = session
        self.parent_widget = parent
        self.done = done  # whether the action is in the database now
        self._settle = False  # the stack moved back after a failure: nothing to do

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._settle:
            self._settle = False
            return
        if self.done:
            return
        if self.session.attempt(self.parent_widget, self.forward, self.forward_failed):
            self.done = True
        else:
            self.forward_refused()

    def forward_refused(self) -> None:
        self._step_back(self.session.undo_stack.undo)

    def undo(self) -> None:
        if self._settle:
            self._settle = False
            return
        if self.session.attempt(self.parent_widget, self.backward, "Not undone"):
            self.done = False
        else:
            self._step_back(self.session.undo_stack.redo)

    def _step_back(self, move: Callable[[], None]) -> None:
        self._settle = True
        QTimer.singleShot(0, move)
