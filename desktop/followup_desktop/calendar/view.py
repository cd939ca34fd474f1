"""The Calendar page: month or week grid, and the selected day's items beside it."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup.plan import ItemKind, PlanItem
from followup.planner import items_between
from followup_desktop import item_roles
from followup_desktop.accessibility import named
from followup_desktop.calendar.entries import KIND_WORDS, STATE_MARKS, day_note, label, own_time
from followup_desktop.calendar.grid import CalendarGrid
from followup_desktop.plan_items import Index, ItemRole, PlanItemsModel
from followup_desktop.session import Session

# After this long without another page turn, the pages before and after are planned (one per
# pause): a user paging on finds them ready.
PLAN_AHEAD_MS = 120
# After a page turn has painted, the next page the same way is planned this soon: within the
# pause before a held key repeats (33-40 ms), after the frame has gone to the screen.
TRAVEL_AHEAD_MS = 5
MOST_PAGES_KEPT = 120  # ranges whose items are kept at once (a key held for four seconds)
NO_ITEMS: list[PlanItem] = []  # what an empty day shows (one list, so it compares as the same)


class DayItemsModel(PlanItemsModel):
    """The selected day's items, each as time, kind, person and company over its reason."""

    def __init__(self, session: Session, companies: dict[int, str]) -> None:
        super().__init__()
        self.session = session
        self.companies = companies
        # Each row's words, made once per day shown: the list asks for them for every size
        # and paint, and the delegate asks each row for a dozen roles.
        self._described: dict[int, str] = {}

    def set_items(self, items: list[PlanItem]) -> None:
        self._described = {}
        super().set_items(items)

    def update_items(self, items: list[PlanItem]) -> None:
        self._described = {}
        super().update_items(items)
        self._described = {}  # words asked for between its row signals name shifted rows

    def describe(self, item: PlanItem) -> str:
        dates = self.session.dates()
        when = own_time(item, self.session.zone, dates)
        if when is None and item.due is not None and item.kind is not ItemKind.CLOSE:
            when = f"by {dates.time(item.due.astimezone(self.session.zone))}"
        names = self.session.contact_names()
        person = names.get(item.contact_id, "") if item.contact_id is not None else ""
        company = self.companies.get(item.application_id, "")
        head = " · ".join(part for part in (when, KIND_WORDS[item.kind], person, company) if part)
        return f"{STATE_MARKS.get(item.state, '')}{head}\n{item.reason}"

    def data(self, index: Index, role: int = item_roles.DISPLAY) -> Any:
        if role == item_roles.DISPLAY and index.isValid():
            row = index.row()
            words = self._described.get(row)
            if words is None:
                words = self._described[row] = self.describe(self.rows[row])
            return words
        if role == item_roles.TOOLTIP and index.isValid():
            return self.rows[index.row()].title
        return super().data(index, role)


class CalendarView(QWidget):
    """Signals: ``action_requested(PlanItem)`` when an item of the day is opened."""

    action_requested = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        today = session.now().astimezone(session.zone).date()
        self.grid = CalendarGrid(today)
        self.title = named(QLabel(), style="heading")
        self.title.setMinimumWidth(1)  # the month's name never holds the window wide
        self.previous = named(QPushButton("‹"), "Previous month")
        self.next = named(QPushButton("›"), "Next month")
        for arrow in (self.previous, self.next):  # an arrow needs no button's minimum width
            arrow.setMaximumWidth(arrow.fontMetrics().horizontalAdvance("‹") * 2 + 24)
        self.today_button = named(QPushButton("Today"), "Go to today")
        self.month = named(QPushButton("Month"), "Month view")
        self.week = named(QPushButton("Week"), "Week view")
        modes = QButtonGroup(self)
        for button in (self.month, self.week):
            button.setCheckable(True)
            modes.addButton(button)
        self.month.setChecked(True)
        self.day_title = named(QLabel(), style="subheading")
        self.day_title.setWordWrap(True)  # a holiday's name must not widen the side column
        self.companies: dict[int, str] = {}
        self.day_model = DayItemsModel(session, self.companies)
        self.day_list = named(QListView(), "Items of the selected day")
        self.day_list.setModel(self.day_model)
        self.day_list.setWordWrap(True)
        self.day_list.setSpacing(3)  # one item from the next
        self.nothing = named(QLabel("Nothing planned on this day."), style="summary")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.nothing.setWordWrap(True)
        self.day_list.activated.connect(
            lambda index: self.action_requested.emit(index.data(ItemRole))
        )
        self.legend = QLabel(
            "◆ interview   ✉ letter   ☎ call   ○ close     "
            "! overdue   ✓ done   – missed or cancelled"
        )
        self.legend.setObjectName("summary")

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for button in (self.previous, self.today_button, self.next, self.month, self.week):
            header.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list, 1)
        side.addWidget(self.nothing, 1)
        body = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.grid, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addWidget(self.legend)

        self.previous.clicked.connect(lambda: self._page(-1))
        self.next.clicked.connect(lambda: self._page(1))
        self.today_button.clicked.connect(lambda: self.grid.select(self.grid.today))
        self.month.toggled.connect(lambda on: self.grid.set_week_mode(not on))
        self.grid.range_changed.connect(lambda first, _end: self._range_changed(first))
        self.grid.finished_painting.connect(self._painted)
        self.grid.date_selected.connect(self.show_day)
        self.grid.date_activated.connect(self._activate_day)
        self._company_names: dict[int, str] = {}  # by application id, until a change
        self._pages: dict[tuple[date, date], list[PlanItem]] = {}  # items by range shown
        self._pages_memo: object = None  # the session's memo those items were made with
        self._shown: tuple[date, list[PlanItem], dict[int, str]] | None = None  # by show_day
        self._neighbours: list[date] = []  # selections of the pages to plan ahead, in order
        self._first = self.grid.visible_range()[0]  # the first day shown
        self._travel = 1  # the way the user paged last: -1 back, 1 on
        self._new_range = False  # another range shows (a page turn, Today…), not yet painted
        self._ahead = QTimer(self, singleShot=True, interval=PLAN_AHEAD_MS)
        self._ahead.timeout.connect(self._plan_ahead)
        self._stale = False  # a change or the clock moved while the page was hidden
        session.schedule_changed.connect(self._records_changed)
        session.time_moved.connect(self.on_time_moved)
        self.load()
        self.show_day(today)

    def _page(self, step: int) -> None:
        key = Qt.Key.Key_PageDown if step > 0 else Qt.Key.Key_PageUp
        from PySide6.QtCore import QEvent  # noqa: PLC0415
        from PySide6.QtGui import QKeyEvent  # noqa: PLC0415

        self.grid.keyPressEvent(
            QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
        )

    def load(self) -> None:
        """The visible range's items: only rounds that can reach it are planned."""
        zone = self.session.zone
        items = self._items(*self.grid.visible_range())
        self.companies = self._companies_of({item.application_id for item in items})
        self.grid.set_items(items, zone, self.companies, self.session.calendar())
        selected = self.grid.selected
        self.previous.setAccessibleName(
            "Previous week" if self.grid.week_mode else "Previous month"
        )
        self.next.setAccessibleName("Next week" if self.grid.week_mode else "Next month")
        self.previous.setEnabled(self.grid.can_page(-1))  # not past the domain's first day
        self.next.setEnabled(self.grid.can_page(1))  # nor its last
        self.show_day(selected)
        step = self._travel
        self._neighbours = [self.grid.paged(step), self.grid.paged(-step)]
        if self._new_range:  # on the grid's paint (see _painted)
            self._ahead.stop()
        else:
            self._ahead.start(PLAN_AHEAD_MS)

    def _painted(self) -> None:
        """Paged to here and painted: the next page the same way is planned just after, so
        a key held down (25-30 pages a second) finds its page planned in the pause between
        two repeats; the page back comes after a longer pause. Not before the paint is on
        screen: the user would wait for both. The wait counts from the end of the whole
        window's paint (the event loop's next pass): counted from the grid's paint, which
        comes first, the 5 ms could run out while the rest of the window paints."""
        if self._new_range:
            self._new_range = False
            QTimer.singleShot(0, self, self._frame_done)

    def _frame_done(self) -> None:
        """Unless another page came since the paint (keys back to back; even one turned back
        to this page): its own frame starts the wait, once painted. Started by this one, the
        wait would run out while the new page is planned and drawn, and the next page's work
        would hold up its frame."""
        if not self._new_range:
            self._ahead.start(TRAVEL_AHEAD_MS)

    def _range_changed(self, first: date) -> None:
        """Another month (week) shows: note which way the user went, then show it."""
        self._travel = -1 if first < self._first else 1
        self._first = first
        self._new_range = True
        self.load()

    def _items(self, first: date, last: date) -> list[PlanItem]:
        """Items due in ``[first, last)``; the plans made on the way are kept in the
        session's memo until anything changes, and each range's items as long as that memo
        (a page planned ahead then shows without asking the database again)."""
        memo = self.session.plan_memo()
        if memo is not self._pages_memo or len(self._pages) >= MOST_PAGES_KEPT:
            # a change, the settings, a new minute, time moving on (or years paged through)
            self._pages, self._pages_memo = {}, memo
        found = self._pages.get((first, last))
        if found is None:
            zone = self.session.zone
            found = self._pages[first, last] = items_between(
                self.session.repo,
                self.session.calendar(),
                zone,
                self.session.now(),
                datetime.combine(first, time(0), tzinfo=zone),
                datetime.combine(last, time(0), tzinfo=zone),
                self.session.plan_settings(),
                self.session.contact_names(),
                memo,
            )
        return found

    def _companies_of(self, app_ids: set[int]) -> dict[int, str]:
        missing = app_ids - self._company_names.keys()
        if missing:  # adjacent months share most applications: read only the new ones
            self._company_names.update(self.session.repo.company_names(missing))
        return {i: self._company_names[i] for i in app_ids if i in self._company_names}

    def _plan_ahead(self) -> None:
        """While the user looks at a month, plan the one before or after it (one per pause),
        and draw it, so paging on finds its plans, company names and picture ready."""
        if not self._neighbours or not self.isVisible():
            return
        day = self._neighbours.pop(0)
        items = self._items(*self.grid.visible_range(day))
        self.grid.prepare(day, items, self._companies_of({i.application_id for i in items}))
        if self._neighbours:
            self._ahead.start(PLAN_AHEAD_MS)

    def _records_changed(self) -> None:
        self._company_names = {}  # a company may have been renamed, an application deleted
        self._follow()

    def on_time_moved(self) -> None:
        self._follow()

    def _follow(self) -> None:
        """Shown, the page follows a change or the clock at once; hidden (another page, the
        window in the tray), only when it is shown again: a page no one sees costs nothing
        when time moves or a record changes."""
        if self.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self._refresh()
        elif self._neighbours:  # hidden before the pages around were planned
            self._ahead.start(PLAN_AHEAD_MS)
        super().showEvent(event)

    def _refresh(self) -> None:
        """A new day moves the "today" mark (and the selection, if it was on today); the
        range is planned again."""
        today = self.session.now().astimezone(self.session.zone).date()
        if today != self.grid.today:
            was_on_today = self.grid.selected == self.grid.today
            self.grid.today = today
            if was_on_today:
                self.grid.select(today)
            self.grid.update()
        self.load()

    def show_day(self, day: date) -> None:
        items: list[PlanItem] = self.grid.by_day.get(day, NO_ITEMS)
        if self._shown is not None:
            was_day, was_items, was_companies = self._shown
            if was_day == day and was_items is items and was_companies is self.companies:
                return  # a month switch asks twice (new range, then new day): nothing to redo
        self._shown = (day, items, self.companies)
        self.title.setText(self.grid.dates.month(day))
        note = day_note(self.grid.work_calendar, day)
        self.day_title.setText(self.grid.dates.long_day(day) + (f" · {note}" if note else ""))
        self.day_model.companies = self.companies
        self.day_model.set_items(list(items))
        self.day_list.setAccessibleDescription("; ".join(label(i) for i in items) or "Nothing")
        self.day_list.setVisible(bool(items))
        self.nothing.setVisible(not items)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow (an 800-pixel window): the day's items go under the grid, which then has the
        whole width for its seven columns."""
        narrow = event.size().width() < 760
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.day_list.setMaximumHeight(150 if narrow else 16_777_215)
        super().resizeEvent(event)

    def _activate_day(self, day: date) -> None:
        self.show_day(day)
        self.day_list.setFocus()
        if self.day_model.rowCount():
            self.day_list.setCurrentIndex(self.day_model.index(0))
