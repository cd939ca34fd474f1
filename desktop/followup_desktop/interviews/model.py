"""Applications (top level) and their rounds (children), for a sortable, filterable tree.

The model sorts and filters itself, in Python, on what each row keeps: its sort keys and its
shown words, made once per change. 10,000 rows sort in one Python call and are filtered in
one pass. Qt's ``QSortFilterProxyModel`` asked the model for two values per comparison and
five per row filtered, each a call from C++ into Python: 0.6 s for a header click, 0.4 s
for a filter, at 10,000 rows; and the tree then asked the proxy, which asked the model, for
every row again."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from followup.model import Application, Round, Status
from followup_desktop.interviews.rows import (
    INVALID,
    NO_STEP,
    AppRow,
    RowChanges,
    RowMaker,
    Store,
    changes,
    read_rows,
    reorder_rounds,
)
from followup_desktop.plain_tips import plain_tip
from followup_desktop.session import Session

__all__ = ["COLUMNS", "INVALID", "NO_STEP", "InterviewsModel", "RecordRole", "SortRole"]

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 2
RecordRole = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Company", "Role / round", "Date", "Status", "Next step")
COLUMN_COUNT = len(COLUMNS)
TOP = 0  # internal id of top-level rows; a round's is its application's id (never 0)


class InterviewsModel(QAbstractItemModel):
    """Applications (internal id ``TOP``) and their rounds (internal id: the application's
    id, which stays put when rows above come or go)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.ordered: list[AppRow] = []  # every application, in the order asked
        self.rows: list[AppRow] = []  # those shown (the filter's), in the same order
        self.row_of: dict[int, int] = {}  # application id → its row, if shown
        self.needle = ""  # what the filter looks for, casefolded ("": everything)
        self.dates = session.dates()  # the day names the rows were last written with
        self.sort_column = -1  # -1: the order the store keeps (by id)
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._reads = 0  # reloads asked for: only the latest one's rows are put in
        self._edits = 0  # rows changed here (a change, time moving on) since
        self.loading = False  # a reload's rows are on their way from another thread

    def reload(self) -> None:
        """Everything again (start, another program's write, settings), read now."""
        self._reads += 1
        self.loading = False
        self._install(read_rows(self.session.repo, self.session.plans(), self._maker()))

    def reload_in_background(
        self,
        swap: Callable[[Callable[[], None]], None],
        changed: Callable[[frozenset[int]], None],
    ) -> None:
        """``reload`` read and written out on a thread of its own, on a connection of its
        own (0.35 s at 10,000 interviews, which froze the window): the rows shown stay until
        the new ones come. The thread compares them with those shown (``changes``): when
        only a few differ (another program added or changed an application), those rows
        alone are put in and ``changed`` is told their ids; else ``swap`` is called with
        what puts every row in (the view keeps its selection around it). Rows changed here
        meanwhile (a change, time moving on) make it read again: the thread's rows may have
        missed them."""
        from followup_desktop.background import run_in_background  # noqa: PLC0415

        self._reads += 1
        ticket, edits = self._reads, self._edits
        self.loading = True
        maker = self._maker()
        # Day names made without asking Qt (``LocaleDates.for_planner`` says why).
        maker = replace(maker, dates=self.dates.for_planner(self.dates.today))
        plans = self.session.plans()
        shown = list(self.ordered)  # (the thread only reads them; a change here voids it)

        def read(store: Store) -> dict[int, AppRow] | RowChanges:
            rows = read_rows(store, plans, maker)
            return (changes(shown, rows) if shown else None) or rows

        work = self.session.read_on_its_own(read)

        def arrived(found: dict[int, AppRow] | RowChanges) -> None:
            if not shiboken6.isValid(self) or ticket != self._reads:
                return  # gone, or a later reload is on its way
            if edits != self._edits:
                self.reload_in_background(swap, changed)
                return
            self.loading = False
            if isinstance(found, RowChanges):
                app_ids = found.app_ids()
                self._put(found.rows, app_ids, self._maker_for(found.rows, maker))
                changed(app_ids)
            else:
                swap(lambda: self._install(found, maker))

        def failed(_error: BaseException) -> None:  # read here, where it is said
            if shiboken6.isValid(self) and ticket == self._reads:
                swap(self.reload)

        run_in_background(work, arrived, failed)

    def _maker(self) -> RowMaker:
        """Rows as they read now: the session's days, zone and names, the order asked."""
        self.dates = self.session.dates()
        session = self.session
        return RowMaker(
            self.dates, session.zone, session.contact_names(), self.sort_column, self._descending()
        )

    def _maker_for(self, rows: dict[int, AppRow], made: RowMaker | None) -> RowMaker:
        """The maker of the order asked now; ``rows``, ``made`` for another order (the user
        sorted while they were read), have their rounds put in this one."""
        maker = self._maker()
        if made is not None and (made.column, made.descending) != (
            maker.column,
            maker.descending,
        ):
            for row in rows.values():
                maker.sort_rounds(row)
        return maker

    def _install(self, rows: dict[int, AppRow], made: RowMaker | None = None) -> None:
        maker = self._maker_for(rows, made)
        self.beginResetModel()
        self.ordered = maker.sorted(list(rows.values()))
        self.rows = [row for row in self.ordered if self._match(row)]
        self._number()
        self.endResetModel()

    def follow_time(self) -> None:
        """Time moved on: only the next steps of active applications can read differently,
        and the session has their plans; nothing is read from the database."""
        plans = self.session.plans()
        maker = self._maker()
        moved = False
        self._edits += 1
        for row in self.ordered:
            if row.app.status is Status.ACTIVE or row.next_step:
                items = plans.get(row.app.id, [])
                if items == row.plan:  # cells come from the record and its items alone
                    continue
                before = (row.cells, row.round_cells)
                maker.fill(row, items)  # (its rounds keep their places until _arrange)
                if (row.cells, row.round_cells) == before:
                    continue
                moved = True
                at = self.row_of.get(row.app.id)
                if at is None:
                    continue
                parent = self.index(at, 0)
                self.dataChanged.emit(parent, self.index(at, len(COLUMNS) - 1))
                if row.round_count():
                    last = row.round_count() - 1
                    self.dataChanged.emit(
                        self.index(0, 0, parent), self.index(last, len(COLUMNS) - 1, parent)
                    )
        if moved:  # a next step's words and day: the order and the filter's choice may move
            self._arrange()

    def update(self, app_ids: frozenset[int]) -> None:
        """Only these applications changed: update, insert or remove their rows alone."""
        maker = self._maker()
        self._edits += 1
        found = read_rows(self.session.repo, self.session.plans(), maker, app_ids)
        self._put(found, app_ids, maker)

    def _put(self, found: dict[int, AppRow], app_ids: Iterable[int], maker: RowMaker) -> None:
        """The rows of these applications as ``found`` (absent: gone), each in its place."""
        for app_id in sorted(set(app_ids)):
            row = found.get(app_id)
            self._take_out(app_id, maker)
            if row is not None:
                self.ordered.insert(maker.place(row, self.ordered), row)
            self._show_changed(app_id, row if row is not None and self._match(row) else None)

    def _take_out(self, app_id: int, maker: RowMaker) -> None:
        """Take the application's row out of ``ordered``: found by its sort keys, as they
        were, in a few steps (by id when it is filtered out)."""
        at = self.row_of.get(app_id)
        old = self.rows[at] if at is not None else None
        if old is not None:
            place = maker.place(old, self.ordered)
            if place < len(self.ordered) and self.ordered[place] is old:
                del self.ordered[place]
                return
        if not self.needle:  # every row shows: one not shown is not there (a new one)
            return
        for place, row in enumerate(self.ordered):
            if row.app.id == app_id:
                del self.ordered[place]
                return

    def _show_changed(self, app_id: int, row: AppRow | None) -> None:
        """The application's row as it is now (None: not shown: deleted, or filtered out):
        removed, inserted where the order puts it, or changed and moved there."""
        at = self.row_of.get(app_id)
        if row is None:
            if at is not None:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self.rows[at]
                self._number()
                self.endRemoveRows()
            return
        if at is None:
            at = self._maker().place(row, self.rows)
            self.beginInsertRows(QModelIndex(), at, at)
            self.rows.insert(at, row)
            self._number()
            self.endInsertRows()
            return
        old = self.rows[at]
        parent = self.index(at, 0)
        if self._round_ids(old) != self._round_ids(row):
            self._replace_rounds(at, old, row)
        else:
            self.rows[at] = row
        if row.round_count():
            last = row.round_count() - 1
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(last, len(COLUMNS) - 1, parent)
            )
        self.dataChanged.emit(parent, self.index(at, len(COLUMNS) - 1))
        self._move_into_place(at)

    def _replace_rounds(self, at: int, old: AppRow, row: AppRow) -> None:
        """Put ``row`` at ``at`` in place of ``old``, whose rounds shown differ: the rounds
        gone removed one by one, those kept moved into their new order, the new ones
        inserted one by one; so the selection and the current round stay on their rounds
        (a reset of the application's rounds put them on the application)."""
        parent = self.index(at, 0)
        new_ids = self._round_ids(row)
        kept = set(new_ids)
        old_ids = self._round_ids(old)
        old.shown = [old.round_at(n) for n in range(old.round_count())]
        for n in reversed(range(len(old_ids))):
            if old_ids[n] not in kept:
                self.beginRemoveRows(parent, n, n)
                del old.shown[n]
                self.endRemoveRows()
        place_of = {row.rounds[row.round_at(n)].id: row.round_at(n) for n in range(len(new_ids))}
        shown, final = row.shown, [place_of[i] for i in new_ids]
        row.shown = [place_of[i] for i in old_ids if i in kept]  # the old order, for now
        self.rows[at] = row
        present = set(row.shown)
        in_order = [n for n in final if n in present]
        if row.shown != in_order:  # a round's day moved it past another

            def reorder() -> None:
                row.shown = in_order

            self._change_layout(reorder)
        for n, place in enumerate(final):
            if n >= len(row.shown) or row.shown[n] != place:
                self.beginInsertRows(parent, n, n)
                row.shown.insert(n, place)
                self.endInsertRows()
        row.shown = shown

    @staticmethod
    def _round_ids(row: AppRow) -> list[int]:
        """The ids of the rounds shown under the row, in their order."""
        return [row.rounds[row.round_at(n)].id for n in range(row.round_count())]

    def _move_into_place(self, at: int) -> None:
        """The row at ``at`` changed: moved to where the sort puts it now (one move)."""
        row = self.rows[at]
        others = self.rows[:at] + self.rows[at + 1 :]
        to = self._maker().place(row, others)
        if to == at:
            return
        # Qt counts the destination before the move: past the row, one more.
        self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), to if to < at else to + 1)
        others.insert(to, row)
        self.rows = others
        self._number()
        self.endMoveRows()

    def _number(self) -> None:
        self.row_of = {r.app.id: n for n, r in enumerate(self.rows)}

    # -- order ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows (and each application's rounds) by ``column``'s sort keys; equal keys in the
        store's order. Persistent indexes (the selection, the current row, the expanded
        applications) follow their rows. The rows are always kept in this order (``reload``,
        ``update``): asked again for it (the tree asks twice per click), nothing to do."""
        if (column, order) != (self.sort_column, self.sort_order):
            self.sort_column, self.sort_order = column, order
            self._arrange()

    def set_filter(self, text: str) -> None:
        """Show the applications whose shown words hold ``text`` (any case) with all their
        rounds, and those with a round that holds it with those rounds."""
        needle = text.casefold()
        if needle != self.needle:
            self.needle = needle
            self._arrange(resort=False)  # every change keeps ``ordered`` in the order asked

    def _match(self, row: AppRow) -> bool:
        """Whether the row shows under the filter; notes which of its rounds do."""
        needle = self.needle
        if not needle or needle in row.words:
            row.shown = None
            return True
        row.shown = [n for n, words in enumerate(row.round_words) if needle in words]
        return bool(row.shown)

    def _arrange(self, resort: bool = True) -> None:
        """Rows and rounds into the order asked and through the filter, if they are not so
        already (after time moved, most often they are): one change of layout. Without
        ``resort`` (only the filter changed), the order is taken as it is: the 10,000 rows
        of a big history are neither sorted again nor their rounds' order asked."""
        ordered, moves = self.ordered, {}
        if resort:
            maker = self._maker()
            ordered = maker.sorted(self.ordered)
            moves = {id(row): order for row in ordered if (order := maker.round_order(row))}
        matched: list[tuple[AppRow, list[int] | None]] | None = None  # the filter's choice
        if not moves and (
            ordered is self.ordered
            or all(a is b for a, b in zip(ordered, self.ordered, strict=True))
        ):
            before = [(row.app.id, row.shown) for row in self.rows]
            matched = [(row, row.shown) for row in ordered if self._match(row)]
            if [(row.app.id, shown) for row, shown in matched] == before:
                return
            for row, (_id, rounds_shown) in zip(self.rows, before, strict=True):
                row.shown = rounds_shown  # as the view knows them until the layout changes

        def arrange() -> None:
            for row in ordered:
                if id(row) in moves:
                    reorder_rounds(row, moves[id(row)])
            self.ordered = ordered
            if matched is None:
                self.rows = [row for row in ordered if self._match(row)]
                return
            for row, rounds_shown in matched:  # matched once, above
                row.shown = rounds_shown
            self.rows = [row for row, _shown in matched]

        self._change_layout(arrange)

    def _change_layout(self, change: Callable[[], None]) -> None:
        """``change`` the rows shown as one change of layout: the persistent indexes (the
        selection, the current row, the open applications) follow their records, and go
        where their record no longer shows."""
        # (no VerticalSortHint: PySide 6.11 crashes emitting the signal with its arguments)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        places = [self._identify(index) for index in persistent]
        change()
        self._number()
        self.changePersistentIndexList(persistent, [self._find(*place) for place in places])
        self.layoutChanged.emit()

    def _identify(self, index: Index) -> tuple[int, int | None, int]:
        """(application id, round id or None, column) of an index, to find it after a sort."""
        if index.internalId() == TOP:
            return self.rows[index.row()].app.id, None, index.column()
        row = self.rows[self.row_of[index.internalId()]]
        return row.app.id, row.rounds[row.round_at(index.row())].id, index.column()

    def _find(self, app_id: int, round_id: int | None, column: int) -> QModelIndex:
        """The index of what ``_identify`` named; none if it no longer shows."""
        at = self.row_of.get(app_id)
        if at is None:
            return QModelIndex()
        if round_id is None:
            return self.createIndex(at, column, TOP)
        shown = self._round_ids(self.rows[at])
        if round_id not in shown:
            return QModelIndex()
        return self.createIndex(shown.index(round_id), column, app_id)

    def _descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    # -- structure ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < COLUMN_COUNT:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP) if row < len(self.rows) else QModelIndex()
        if parent.internalId() != TOP or row >= self.rows[parent.row()].round_count():
            return QModelIndex()
        return self.createIndex(row, column, self.rows[parent.row()].app.id)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        at = self.row_of.get(child.internalId())
        return QModelIndex() if at is None else self.createIndex(at, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.rows)
        if parent.internalId() == TOP and parent.column() == 0:
            return self.rows[parent.row()].round_count()
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """One call where Qt's own asks ``rowCount`` and ``columnCount``: the tree asks it of
        every row it lays out, 10,000 times after a sort or a filter."""
        if not parent.isValid():
            return bool(self.rows)
        if parent.internalId() != TOP or parent.column():
            return False
        return self.rows[parent.row()].round_count() > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    # -- content --------------------------------------------------------------------------

    def record(self, index: Index) -> Application | Round:
        if index.internalId() == TOP:
            return self.rows[index.row()].app
        row = self.rows[self.row_of[index.internalId()]]
        return row.rounds[row.round_at(index.row())]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == RecordRole:
            return self.record(index)
        parent_id = index.internalId()
        if parent_id == TOP:
            values = self.rows[index.row()].cells
        else:
            row = self.rows[self.row_of[parent_id]]
            values = row.round_cells[row.round_at(index.row())]
        text, key = values[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(text) if text else None
        if role == SortRole:
            return key
        return None
