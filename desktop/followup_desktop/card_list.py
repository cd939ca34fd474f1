"""The list that holds Today's cards and can say when they have painted (start-up waits for
that). Apart from ``card_painter``, which draws the cards: an empty Today lays out its lists
without importing what painting needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QMouseEvent


class CardList(QListView):
    """A list of cards that can say when its cards have painted. (The viewport is Qt's own
    widget: its first Python wrapper makes PySide build every widget class, about 8 ms, so
    start-up never asks for it.)"""

    entered = Signal()  # the user came to this list (a click, Tab)

    def __init__(self) -> None:
        super().__init__()
        self._after_paint: list[Callable[[], None]] = []
        self._viewport_width: int | None = None  # from the viewport's resize events

    def card_width(self) -> int:
        """How wide each card is painted: the viewport's width less the spacing each side."""
        width = self._viewport_width
        if width is None:
            width = self.maximumViewportSize().width()
        return width - 2 * self.spacing()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.entered.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.entered.emit()  # a click in a list that has the focus already, or no focus at all
        super().mousePressEvent(event)

    def after_next_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the cards' next paint has reached the screen."""
        self._after_paint.append(then)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent) and event.size().width() != self._viewport_width:
            self._viewport_width = event.size().width()
            self.scheduleDelayedItemsLayout()  # the reasons wrap anew: every height changes
        if self._after_paint and event.type() == QEvent.Type.Paint:
            waiting, self._after_paint = self._after_paint, []
            for then in waiting:
                QTimer.singleShot(0, then)  # after this paint, as ``on_first_paint``
        return super().viewportEvent(event)
