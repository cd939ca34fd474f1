"""Today's page without its data: the heading, the summary, the folded line, the week's
cards, the cards after it, the empty state and the button, laid out. ``TodayView`` fills it
from the plans; ``TodayPreview`` from the copy kept for start-up, before the domain loads.
No ``Qt`` namespace here (see ``card_painter``): alignment is by stretches and numbers."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from followup_desktop.accessibility import named
from followup_desktop.card_list import CardList
from followup_desktop.today_face import LOADING, TodayFace

ALIGN_CENTER = 0x0084  # Qt::AlignCenter


def _card_list(name: str) -> CardList:
    cards = CardList()
    cards.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    cards.setFrameShape(QListView.Shape.NoFrame)
    cards.setSpacing(2)  # both lists' cards line up
    cards.setWordWrap(True)  # cards measured at the list's width
    cards.setUniformItemSizes(False)
    cards.setAccessibleName(name)
    return cards


def _row(*parts: QWidget | int) -> QHBoxLayout:
    """A row of widgets, an ``int`` standing for a stretch of that factor."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, int):
            row.addStretch(part)
        else:
            row.addWidget(part)
    return row


class TodayFrame(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        # Applications ready to close, folded into this one line when there are many.
        self.fold = named(QPushButton(), "Applications ready to close", style="fold")
        self.fold.setFlat(True)
        self.fold.setCheckable(True)
        self.fold.hide()
        self.list = _card_list("Things to do")
        self.coming_heading = QLabel("After this week")
        self.coming_heading.setObjectName("subheading")  # under the page's own heading
        self.coming_list = _card_list("After this week")
        self.empty = QLabel(LOADING)
        self.empty.setProperty("alignment", ALIGN_CENTER)
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.act = QPushButton()
        self.act.setDefault(True)
        self.act.setAccessibleName("Do the selected item")
        self.start = named(QPushButton("Add an application…"), "Add your first application")
        self.start.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(_row(self.fold, 1))
        layout.addWidget(self.list, 1)
        self.placeholder = QWidget()  # the message and its button, together in the middle
        middle = QVBoxLayout(self.placeholder)
        middle.addStretch(1)
        middle.addWidget(self.empty)
        middle.addLayout(_row(1, self.start, 1))
        middle.addStretch(1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.coming_heading)
        layout.addWidget(self.coming_list, 1)
        layout.addLayout(_row(1, self.act))
        self.coming_heading.hide()
        self.coming_list.hide()
        self.list.hide()
        self.act.hide()

    def show_face(self, face: TodayFace, week: int, after: int, loaded: bool = True) -> None:
        """The page's words, and which of its parts show for ``week`` cards this week and
        ``after`` cards after it (the lists' models hold the cards themselves)."""
        self.heading.setText(face.heading)
        self.summary.setText(face.summary)
        self.fold.setVisible(bool(face.fold))
        if face.fold:
            self.fold.setText(face.fold)
        self.empty.setText(face.empty)
        coming = bool(after) and loaded
        self.coming_heading.setVisible(coming)
        self.coming_list.setVisible(coming)
        self._fit_coming(fill=not week)
        self.start.setVisible(face.first_run)
        self.placeholder.setVisible(not week and not after)
        self.list.setVisible(bool(week))

    def _fit_coming(self, fill: bool) -> None:
        """Below the week's cards, only as tall as its own cards; alone, it takes the page."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretchFactor(self.coming_list, 1 if fill else 0)
        self.coming_list.setMaximumHeight(16_777_215 if fill else self._coming_height() + 8)

    def _coming_height(self) -> int:
        """The cards' height at the list's own width (``sizeHintForRow`` measures a card
        420 pixels wide, so a wide page got a band of empty space under its cards)."""
        from PySide6.QtWidgets import QStyleOptionViewItem  # noqa: PLC0415  (with the week's cards)

        model = self.coming_list.model()  # the subclass's, set before anything is shown
        delegate = self.coming_list.itemDelegate()
        option = QStyleOptionViewItem()
        option.font = self.coming_list.font()
        # The viewport's width without asking for the viewport (see CardList): the list is
        # only as tall as its cards here, so no vertical scroll bar takes from it.
        spacing = 2 * self.coming_list.spacing()
        width = self.coming_list.maximumViewportSize().width() - spacing  # as painted
        option.rect = QRect(0, 0, width, 0)
        rows = range(model.rowCount())
        return sum(delegate.sizeHint(option, model.index(r, 0)).height() + spacing for r in rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The cards' heights follow the width (reasons wrap): the list below fits again."""
        super().resizeEvent(event)
        if not self.coming_list.isHidden():  # resized before shown, too (the kept copy)
            self._fit_coming(fill=self.list.isHidden())
