"""Today: what to do now, overdue first, each with its reason and one action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError
from followup.plan import ItemKind, ItemState, PlanItem
from followup_desktop.accessibility import named
from followup_desktop.coming_up import ComingUpModel
from followup_desktop.first_paint import on_first_paint
from followup_desktop.plan_items import (
    DAYS_AHEAD,
    FOLD_AFTER,
    SUGGESTIONS,
    AgendaModel,
    ItemRole,
)
from followup_desktop.session import Session
from followup_desktop.today_cards import CardDelegate, CardList

ACTIONS = {
    ItemKind.LETTER: "Write the letter",
    ItemKind.CALL: "Open the call assistant",
    ItemKind.CLOSE: "Close the process",
    ItemKind.INQUIRY: "Write the inquiry",
    ItemKind.FIND_CONTACT: "Add a contact",
    ItemKind.INTERVIEW: "Open the interview",
}


class TodayView(QWidget):
    """Signals: ``action_requested(PlanItem)`` when the user acts on a card;
    ``add_requested()`` when a first-time user asks to add an application."""

    action_requested = Signal(object)
    add_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AgendaModel(session)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        # Applications ready to close, folded into this one line when there are many.
        self.fold = named(QPushButton(), "Applications ready to close", style="fold")
        self.fold.setFlat(True)
        self.fold.setCheckable(True)
        self.fold.hide()
        self.fold.toggled.connect(self.model.set_expanded)
        self.list = CardList()
        self.list.setModel(self.model)
        self.phones: dict[int, str] = {}  # shared by both lists' call cards
        self.list.setItemDelegate(CardDelegate(session, self.list, self.phones))
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(2)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setAccessibleName("Things to do")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.activated.connect(self._activate)
        self.coming = ComingUpModel(session)
        self.coming_heading = QLabel("After this week")
        self.coming_heading.setObjectName("subheading")  # under the page's own heading
        self.coming_list = CardList()
        self.coming_list.setModel(self.coming)
        self.coming_list.setItemDelegate(CardDelegate(session, self.coming_list, self.phones))
        self.coming_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.coming_list.setFrameShape(QListView.Shape.NoFrame)
        self.coming_list.setSpacing(2)  # its cards line up with the week's
        self.coming_list.setWordWrap(True)  # cards measured at the list's width, as above
        self.coming_list.setAccessibleName("After this week")
        self.coming_list.setUniformItemSizes(False)
        self.coming_list.activated.connect(self._activate)
        self.empty = QLabel("Nothing to do today. Every letter is sent and every call made.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("empty")
        self.act = QPushButton()
        self.act.setDefault(True)
        self.act.setAccessibleName("Do the selected item")
        self.act.clicked.connect(lambda: self._activate(self._acting.currentIndex()))
        # One card is selected on the page, in the list the user went to last; the button
        # and Enter act on it (both lists outlined a card, and the button named the week's).
        self._acting: CardList = self.list
        self.list.entered.connect(lambda: self._choose(self.list))
        self.coming_list.entered.connect(lambda: self._choose(self.coming_list))
        self.start = named(QPushButton("Add an application…"), "Add your first application")
        self.start.clicked.connect(self.add_requested)
        self.start.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.fold, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.list, 1)
        self.placeholder = QWidget()  # the message and its button, together in the middle
        middle = QVBoxLayout(self.placeholder)
        middle.addStretch(1)
        middle.addWidget(self.empty)
        middle.addWidget(self.start, 0, Qt.AlignmentFlag.AlignCenter)
        middle.addStretch(1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.coming_heading)
        layout.addWidget(self.coming_list, 1)
        layout.addWidget(self.act, 0, Qt.AlignmentFlag.AlignRight)
        self.list.selectionModel().currentChanged.connect(self._update_button)
        self.coming_list.selectionModel().currentChanged.connect(self._update_button)
        self.model.changed.connect(self._reload_coming)
        self._refresh()

    def when_data_painted(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the user's data is on screen: the week's cards, the cards after
        this week, or the empty state (a paint is asked for, in case none was due)."""
        shown: QWidget = self.empty
        if self.model.rows:
            self.list.after_next_paint(then)
            shown = self.list  # its viewport, a child, is painted with it
        elif self.coming.rows:
            self.coming_list.after_next_paint(then)
            shown = self.coming_list
        else:
            on_first_paint(self.empty, then)
        shown.update()

    def _reload_coming(self) -> None:
        self.coming.reload()
        self._find_phones()
        self._refresh()

    def _find_phones(self) -> None:
        """Only the few contacts that call cards name, read once per reload."""
        self.phones.clear()
        for item in self.model.rows + self.coming.rows:
            if item.kind is ItemKind.CALL and item.contact_id is not None:
                try:
                    self.phones[item.contact_id] = self.session.repo.contact(item.contact_id).phone
                except FollowUpError:  # gone or unreadable: the card says there is no number
                    self.phones[item.contact_id] = ""

    def _refresh(self) -> None:
        now = self.session.now().astimezone(self.session.zone)
        self.heading.setText(f"Today, {self.session.dates().long_day(now.date())}")
        rows = self.model.rows
        overdue = sum(1 for r in rows if r.state is ItemState.OVERDUE)
        due = sum(1 for r in rows if r.state is ItemState.DUE and r.kind not in SUGGESTIONS)
        parts = [f"{overdue} overdue"] if overdue else []
        parts += [f"{due} due today"] if due else []
        ready = sum(1 for r in rows if r.state is ItemState.DUE and r.kind in SUGGESTIONS)
        folded = self.model.folded
        parts += [f"{ready + folded} ready to close or ask"] if ready + folded else []
        parts += [f"{len(rows) - overdue - due - ready} in the next {DAYS_AHEAD} days"]
        self.summary.setText(" · ".join(parts) if rows or folded else "")
        self._refresh_fold()
        first_run = self.model.loaded and not rows and not self.session.repo.has_applications()
        if not self.model.loaded:
            self.empty.setText("Loading…")
        elif first_run:
            self.empty.setText(
                "No interviews yet. Add the one you just had: the app works out "
                "when the thank-you letter is due, and why."
            )
        else:
            self.empty.setText("Nothing to do today. Every letter is sent and every call made.")
        self.empty.setWordWrap(True)
        coming = bool(self.coming.rows) and self.model.loaded
        self.coming_heading.setVisible(coming)
        self.coming_list.setVisible(coming)
        if coming and not rows:  # the week is clear, but the thread goes on: say what is next
            self.summary.setText(f"Nothing due in the next {DAYS_AHEAD} days.")
        self._fit_coming(fill=not rows)
        self.start.setVisible(first_run)
        self.placeholder.setVisible(not rows and not self.coming.rows)
        self.list.setVisible(bool(rows))
        if rows and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
        if self._acting is self.coming_list and not (
            coming and self.coming_list.currentIndex().isValid()
        ):
            self._acting = self.list  # its list went, or its card: the week's acts again
        self._choose(self._acting)

    def _refresh_fold(self) -> None:
        count = self.model.ready
        self.fold.setVisible(count > FOLD_AFTER)
        self.fold.setChecked(self.model.expanded)
        self.fold.setText(
            f"▾ Hide the {count} applications ready to close"
            if self.model.expanded
            else f"▸ {count} applications ready to close: no reply after the quiet period"
        )

    def _fit_coming(self, fill: bool) -> None:
        """Below the week's cards, only as tall as its own cards; alone, it takes the page."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretchFactor(self.coming_list, 1 if fill else 0)
        self.coming_list.setMaximumHeight(16_777_215 if fill else self._coming_height() + 8)

    def _coming_height(self) -> int:
        """The cards' height at the list's own width (``sizeHintForRow`` measures a card
        420 pixels wide, so a wide page got a band of empty space under its cards)."""
        option = QStyleOptionViewItem()
        option.font = self.coming_list.font()
        # The viewport's width without asking for the viewport (see CardList): the list is
        # only as tall as its cards here, so no vertical scroll bar takes from it.
        spacing = 2 * self.coming_list.spacing()
        width = self.coming_list.maximumViewportSize().width() - spacing  # as painted
        option.rect = QRect(0, 0, width, 0)
        delegate = self.coming_list.itemDelegate()
        rows = range(self.coming.rowCount())
        return sum(delegate.sizeHint(option, self.coming.index(r)).height() + spacing for r in rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The cards' heights follow the width (reasons wrap): the list below fits again."""
        super().resizeEvent(event)
        if self.coming_list.isVisible():
            self._fit_coming(fill=not self.model.rows)

    def _choose(self, chosen: CardList) -> None:
        """``chosen`` acts: its current card is the selected one, the other list's lets go."""
        self._acting = chosen
        other = self.coming_list if chosen is self.list else self.list
        other.clearSelection()
        index = chosen.currentIndex()
        if index.isValid():
            flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
            chosen.selectionModel().select(index, flag)
        self._update_button()

    def _update_button(self) -> None:
        index = self._acting.currentIndex()
        item: PlanItem | None = index.data(ItemRole) if index.isValid() else None
        self.act.setVisible(item is not None)
        if item is not None:
            self.act.setText(ACTIONS[item.kind])

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.action_requested.emit(index.data(ItemRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self._acting.currentIndex())
            return
        super().keyPressEvent(event)
