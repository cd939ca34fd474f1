"""The plan-items model and the words for an item's state: what Today, the calendar's day
list and the tray menu share (so no feature imports another)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Signal

from followup.agenda import agenda, coming_up
from followup.date_style import DateStyle
from followup.plan import SUGGESTIONS, ItemKind, ItemState, PlanItem
from followup.rules import elsewhere, shown_time
from followup_desktop import item_roles
from followup_desktop.session import Session

ItemRole = item_roles.PLAN_ITEM
Index = QModelIndex | QPersistentModelIndex

STATE_WORDS = {
    ItemState.OVERDUE: "Overdue",
    ItemState.DUE: "Due today",
    ItemState.UPCOMING: "Coming up",
    ItemState.WAITING: "Later",
    ItemState.DONE: "Done",
    ItemState.CANCELLED: "Cancelled",
    ItemState.MISSED: "Missed",
}
DAYS_AHEAD = 7
# More "ready to close" suggestions than this are folded into one line on Today: years of
# unanswered applications must not bury this week's letters (nor cost a card each to lay out).
FOLD_AFTER = 3


def ready_to_close(item: PlanItem) -> bool:
    """A close (or retire) suggestion whose quiet period has passed: what Today folds."""
    return item.kind is ItemKind.CLOSE and item.state is ItemState.DUE


def state_word(item: PlanItem) -> str:
    """Suggestions are "ready", never "due today" for weeks on end."""
    if item.kind in SUGGESTIONS and item.state is ItemState.DUE:
        return "Ready"
    return STATE_WORDS[item.state]


def spoken(item: PlanItem) -> str:
    """What a screen reader says for an item's row or card."""
    return f"{state_word(item)}: {item.title}. {item.reason}"


def reason_on_both_clocks(item: PlanItem, zone: tzinfo, dates: DateStyle) -> str:
    """The planner's reason, whose times are the place's (an interview abroad: "by 17:00 on
    Mon, 30 Nov" in Auckland); when that place keeps another clock than the user's, the time
    follows on both, so it is never read as the user's own 17:00."""
    due = item.due
    if due is None or item.kind is ItemKind.CLOSE or elsewhere(due, zone) is None:
        return item.reason
    word = "At" if item.kind is ItemKind.INTERVIEW else "Due"
    return f"{item.reason} {word} {shown_time(due, zone, dates)}.".lstrip()


def week_rows(
    items: list[PlanItem], now: datetime, zone: tzinfo, expanded: bool
) -> tuple[list[PlanItem], int, int]:
    """Today's week from ``items``: its rows, how many applications are ready to close, and
    how many of those are folded out of the rows."""
    start = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
    found = agenda(items, start, start + timedelta(days=DAYS_AHEAD))
    rows = [i for i in found if i.kind is not ItemKind.INTERVIEW or i.state is not ItemState.DONE]
    ready = sum(1 for i in rows if ready_to_close(i))
    folded = ready if ready > FOLD_AFTER and not expanded else 0
    if folded:
        rows = [i for i in rows if not ready_to_close(i)]
    return rows, ready, folded


def after_the_week(items: list[PlanItem], now: datetime, zone: tzinfo) -> list[PlanItem]:
    """The next step of each application after Today's week, nearest first."""
    end = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
    return coming_up(items, end + timedelta(days=DAYS_AHEAD))


class PlanItemsModel(QAbstractListModel):
    """A list of plan items (Today's agenda, a calendar day). Signal: ``changed()`` after
    any update, whole or by rows."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PlanItem] = []

    def set_items(self, items: list[PlanItem]) -> None:
        self.beginResetModel()
        self.rows = items
        self.endResetModel()
        self.changed.emit()

    def update_items(self, items: list[PlanItem]) -> None:
        """Move to ``items`` by rows: remove what went, insert what came, and report the
        rows whose item changed, so views keep their place and lay out only those rows."""
        from difflib import SequenceMatcher  # noqa: PLC0415  (not before the first paint)

        old_keys = [i.key for i in self.rows]
        new_keys = [i.key for i in items]
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        shift = 0  # rows inserted minus rows removed so far
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            at = old_start + shift
            if tag == "equal":
                changed = [
                    k
                    for k in range(old_end - old_start)
                    if self.rows[at + k] != items[new_start + k]
                ]
                for k in changed:
                    self.rows[at + k] = items[new_start + k]
                if changed:
                    self.dataChanged.emit(self.index(at + changed[0]), self.index(at + changed[-1]))
                continue
            if old_end > old_start:
                self.beginRemoveRows(QModelIndex(), at, at + old_end - old_start - 1)
                del self.rows[at : at + old_end - old_start]
                self.endRemoveRows()
            if new_end > new_start:
                self.beginInsertRows(QModelIndex(), at, at + new_end - new_start - 1)
                self.rows[at:at] = items[new_start:new_end]
                self.endInsertRows()
            shift += (new_end - new_start) - (old_end - old_start)
        self.changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = item_roles.DISPLAY) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == item_roles.DISPLAY:
            return item.title
        if role == item_roles.TOOLTIP:
            return item.reason
        if role == item_roles.ACCESSIBLE_TEXT:
            return spoken(item)
        if role == ItemRole:
            return item
        return None


class AgendaModel(PlanItemsModel):
    """The agenda from today for a week, plus everything overdue. Applications ready to
    close, when there are more than ``FOLD_AFTER``, are folded out of the rows (``folded``
    counts them) until ``set_expanded(True)``."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.loaded = False  # filled after the window first paints (see Shell.start)
        self.expanded = False
        self.ready = 0  # applications ready to close, shown or folded
        self.folded = 0  # of those, how many are not in the rows now
        session.schedule_changed.connect(self.reload)
        session.time_moved.connect(self.reload)

    def reload(self) -> None:
        items = self.session.today_items()
        rows, self.ready, self.folded = week_rows(
            items, self.session.now(), self.session.zone, self.expanded
        )
        if not self.loaded:
            self.loaded = True
            self.set_items(rows)
        else:
            self.update_items(rows)

    def set_expanded(self, expanded: bool) -> None:
        """Show (or fold again) the applications ready to close."""
        if expanded != self.expanded:
            self.expanded = expanded
            self.reload()
