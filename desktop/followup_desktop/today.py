"""Today: what to do now, overdue first, each with its reason and one action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from followup.plan import PlanItem
from followup_desktop.card_list import CardList
from followup_desktop.coming_up import ComingUpModel
from followup_desktop.first_paint import on_first_paint
from followup_desktop.plan_items import AgendaModel, ItemRole
from followup_desktop.session import Session
from followup_desktop.today_cards import CardDelegate
from followup_desktop.today_frame import TodayFrame
from followup_desktop.today_wording import ACTIONS, read_phones, today_face


class TodayView(TodayFrame):
    """Signals: ``action_requested(PlanItem)`` when the user acts on a card;
    ``add_requested()`` when a first-time user asks to add an application."""

    action_requested = Signal(object)
    add_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AgendaModel(session)
        self.fold.toggled.connect(self.model.set_expanded)
        self.list.setModel(self.model)
        self.phones: dict[int, str] = {}  # shared by both lists' call cards
        self.list.setItemDelegate(CardDelegate(session, self.list, self.phones))
        self.list.activated.connect(self._activate)
        self.coming = ComingUpModel(session)
        self.coming_list.setModel(self.coming)
        self.coming_list.setItemDelegate(CardDelegate(session, self.coming_list, self.phones))
        self.coming_list.activated.connect(self._activate)
        self.act.clicked.connect(lambda: self._activate(self._acting.currentIndex()))
        # One card is selected on the page, in the list the user went to last; the button
        # and Enter act on it (both lists outlined a card, and the button named the week's).
        self._acting: CardList = self.list
        self.list.entered.connect(lambda: self._choose(self.list))
        self.coming_list.entered.connect(lambda: self._choose(self.coming_list))
        self.start.clicked.connect(self.add_requested)
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
        """Read anew at each reload: a number may have changed."""
        self.phones.clear()
        read_phones(self.session.repo.contact, self.model.rows + self.coming.rows, self.phones)

    def _refresh(self) -> None:
        now = self.session.now().astimezone(self.session.zone)
        rows, after = self.model.rows, self.coming.rows
        loaded = self.model.loaded
        face = today_face(
            rows,
            after,
            today=now.date(),
            dates=self.session.dates(),
            ready=self.model.ready,
            folded=self.model.folded,
            expanded=self.model.expanded,
            loaded=loaded,
            first_run=loaded and not rows and not self.session.repo.has_applications(),
        )
        self.show_face(face, len(rows), len(after), loaded)
        self.fold.setChecked(self.model.expanded)
        if rows and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
        coming = bool(after) and loaded
        if self._acting is self.coming_list and not (
            coming and self.coming_list.currentIndex().isValid()
        ):
            self._acting = self.list  # its list went, or its card: the week's acts again
        self._choose(self._acting)

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
        from PySide6.QtCore import Qt  # noqa: PLC0415  (its 93 enums: not before Today's paint)

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self._acting.currentIndex())
            return
        super().keyPressEvent(event)
