"""The plan-items model and the words for an item's state: what Today, the calendar's day
list and the tray menu share (so no feature imports another)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from followup.plan import ItemKind, ItemState, PlanItem, agenda
from followup_desktop.session import Session

ItemRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

STATE_WORDS = {
    ItemState.OVERDUE: "Overdue",
    ItemState.DUE: "Due today",
    ItemState.UPCOMING: "Coming up",
    ItemState.WAITING: "Later",
    ItemState.DONE: "Done",
    ItemState.CANCELLED: "Cancelled",
}
DAYS_AHEAD = 7
SUGGESTIONS = (ItemKind.CLOSE, ItemKind.INQUIRY, ItemKind.FIND_CONTACT)


def state_word(item: PlanItem) -> str:
    """Suggestions are "ready", never "due today" for weeks on end."""
    if item.kind in SUGGESTIONS and item.state is ItemState.DUE:
        return "Ready"
    return STATE_WORDS[item.state]


class PlanItemsModel(QAbstractListModel):
    """A list of plan items (Today's agenda, a calendar day)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PlanItem] = []

    def set_items(self, items: list[PlanItem]) -> None:
        self.beginResetModel()
        self.rows = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.reason
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{state_word(item)}: {item.title}. {item.reason}"
        if role == ItemRole:
            return item
        return None


class AgendaModel(PlanItemsModel):
    """The agenda from today for a week, plus everything overdue."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.loaded = False  # filled after the window first paints (see Shell.start)
        session.schedule_changed.connect(self.reload)
        session.time_moved.connect(self.reload)

    def reload(self) -> None:
        zone = self.session.zone
        now = self.session.now()
        start = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
        items = agenda(self.session.items(), start, start + timedelta(days=DAYS_AHEAD))
        self.beginResetModel()
        self.loaded = True
        self.rows = [
            i for i in items if i.kind is not ItemKind.INTERVIEW or i.state is not ItemState.DONE
        ]
        self.endResetModel()
