"""The Interviews page: applications and rounds; add, edit, delete (with undo), filter, sort;
the selected one in full in the details pane."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from followup.model import Application, Round, Status
from followup_desktop.accessibility import named
from followup_desktop.database_command import DatabaseCommand
from followup_desktop.interviews.details import DetailsPane
from followup_desktop.interviews.dialogs import ApplicationDialog, RoundDialog
from followup_desktop.interviews.model import InterviewsModel, RecordRole
from followup_desktop.session import Session, Snapshot
from followup_desktop.view_state import SplitterMemory, remember_header

FILTER_DELAY_MS = 150
# The page is this wide or wider: the details pane sits beside the tree; narrower: below it.
SIDE_BY_SIDE_WIDTH = 1000
COLUMN_WIDTHS = (180, 170, 160, 70)  # Company, Role / round, Date, Status; Next step stretches
NEXT_STEP_ROOM = 170  # the Next step column keeps at least this; Date and Status give way
OPTIONAL_COLUMNS = (2, 3)  # Date, Status: the details pane shows both
WHOLE_TREE_OPEN = 200  # fewer applications than this (in all) show with their rounds open


class DeleteCommand(DatabaseCommand):
    """Delete an application (with its rounds) or a round; undo puts all of it back."""

    forward_failed = "Not deleted"

    def __init__(
        self, session: Session, record: Application | Round, parent: QWidget | None = None
    ) -> None:
        what = (
            f"{record.company} — {record.role}"
            if isinstance(record, Application)
            else "the interview round"
        )
        super().__init__(f"Delete {what}", session, parent)
        self.record = record
        self.snapshot: Snapshot | None = None

    def forward(self) -> None:
        repo = self.session.repo
        if isinstance(self.record, Application):
            self.snapshot = repo.delete_application_undoably(self.record.id)
        else:
            self.snapshot = repo.delete_round_undoably(self.record.id)

    def backward(self) -> None:
        if self.snapshot is not None:
            self.session.repo.restore(self.snapshot)

    def forward_refused(self) -> None:
        if self.snapshot is None:
            self.setObsolete(True)  # never done: the stack forgets it
        else:
            super().forward_refused()


class InterviewsView(QWidget):
    """Signals: ``status_message(str)`` for the window's status bar; ``action_requested
    (PlanItem)`` from the details pane (write the letter, record the call, close)."""

    status_message = Signal(str)
    action_requested = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = InterviewsModel(session)
        self.model.setParent(self)  # gone with the page: a read on its way then stops
        self.heading = named(QLabel("Interviews"), style="heading")
        self.search = named(QLineEdit(), "Filter applications")
        self.search.setPlaceholderText("Filter by company, role, interviewer…")
        self.search.setClearButtonEnabled(True)
        # Filter after a pause in typing: with thousands of rows, not on every key.
        self.filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self._filter)
        self.search.textChanged.connect(self.filter_timer.start)
        self.tree = named(QTreeView(), "Applications and interview rounds")
        # Polished before any row is laid out: the style sheet's row padding is part of the
        # first (uniform) row height, as it is after any change.
        self.tree.ensurePolished()
        self.tree.setModel(self.model)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        remember_header(header, "interviews")  # widths and sort order as the user left them
        header.sortIndicatorChanged.connect(self._show_current)  # (after the tree's sort)
        self.column_widths = {
            c: header.sectionSize(c) or w for c, w in enumerate(COLUMN_WIDTHS)
        }  # wanted widths, also of columns hidden for lack of room
        header.sectionResized.connect(self._note_width)
        self.tree.viewport().installEventFilter(self)  # its width is the room columns have
        self.tree.doubleClicked.connect(self.edit)
        self.new_app = named(QPushButton("New application…"), "New application")
        self.new_round = named(QPushButton("Add interview…"), "Add an interview round")
        self.edit_button = named(QPushButton("Edit…"), "Edit the selected item")
        self.delete_button = named(QPushButton("Delete"), "Delete the selected item")
        self.new_app.clicked.connect(self.add_application)
        self.new_round.clicked.connect(self.add_round)
        self.edit_button.clicked.connect(lambda: self.edit(self.tree.currentIndex()))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        for button in (self.new_app, self.new_round, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        self.details = DetailsPane(session)
        self.details.action_requested.connect(self.action_requested)
        self.details.close_requested.connect(self.close_application)
        self.details.edit_requested.connect(lambda: self.edit(self.tree.currentIndex()))
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(self.details)
        self.split_memory = SplitterMemory(self.split, "interviews")
        layout.addWidget(self.split, 1)
        self.setTabOrder(self.tree, self.details.text)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        # A sort, the filter or time moving on may hide the current row: Qt's selection then
        # says nothing (a layout change), so the buttons and the pane are told here.
        self.model.layoutChanged.connect(self._after_layout)
        # Which applications show their rounds, by id: a filter, or another program's
        # change, takes rows out and puts them back, and Qt forgets a row taken out.
        self._open_ids: set[int] = set()
        self._closed_ids: set[int] = set()  # those the user closed (kept closed on a read)
        self._known_ids: set[int] = set()  # those read so far (a new one opens as all did)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.model.rowsInserted.connect(self._rows_inserted)
        self._wanted: Application | Round | None = None  # asked for while the rows were read
        self._hidden_choice: Application | Round | None = None  # chosen, then filtered out
        session.schedule_changed.connect(self.on_change)
        self._time_moved_unseen = False
        self._reload_unseen = False
        session.time_moved.connect(self.on_time_moved)
        self.reload()

    def on_change(self) -> None:
        """A change the session knows the extent of updates those rows alone (the view keeps
        its selection and place); otherwise everything is read again."""
        touched = self.session.last_change
        if touched is None:  # another program, the settings: every row is read again
            self.details.forget()
            if self.isVisible():
                self.reload()
            else:  # when shown (0.6 s at 10,000 interviews: not for a page no one sees)
                self._reload_unseen = True
            return
        self.model.update(touched)
        self._learn(touched)
        self._update_buttons()
        self.details.forget(touched)
        shown = self.details.record
        if shown is None or self._application_id() in touched or shown != self.selected():
            self.details.show_record(self.selected())

    def on_time_moved(self) -> None:
        """States and next steps read differently now: the rows and the pane follow, at once
        when the page is shown, else when it is shown again (a page no one sees costs
        nothing when time moves)."""
        if not self.isVisible():
            self._time_moved_unseen = True
            return
        self._time_moved_unseen = False
        if self.model.dates.today.year != self.session.today().year:
            self.details.forget()
            self.reload()  # every day of this year and last is written otherwise now
            return
        self.model.follow_time()
        self.details.forget()
        self.details.show_record(self.selected())

    def showEvent(self, event: QShowEvent) -> None:
        if self._reload_unseen:
            self.reload()
        elif self._time_moved_unseen:
            self.on_time_moved()
        super().showEvent(event)

    def reload(self) -> None:
        """Every row read again. In the running app (which plans off the GUI thread too),
        on a thread: the rows shown stay until the new ones come (0.35 s later at 10,000
        interviews); tests and ``make screenshots`` read at once."""
        self._reload_unseen = self._time_moved_unseen = False
        if self.session.replan_in_background:
            self.model.reload_in_background(self._swap, self._rows_changed)
        else:
            self._swap(self.model.reload)

    def _swap(self, install: Callable[[], None]) -> None:
        """Put the new rows in, keeping the selection (or the record asked for meanwhile)
        and the applications opened."""
        current = self._wanted or self.selected()
        self._wanted = None
        install()
        self._known_ids = {row.app.id for row in self.model.ordered}
        if len(self._known_ids) < WHOLE_TREE_OPEN:
            self._open_all_but_closed()
        else:
            self._open_ids &= self._known_ids
            self._open(self._open_ids)
        self._choose(current)

    def _rows_changed(self, app_ids: frozenset[int]) -> None:
        """Every row was read again, and only these applications' rows changed: they were
        put in alone (the others, the selection and the open applications stay as they
        were); the record asked for meanwhile is chosen, the pane shows what is read now."""
        wanted, self._wanted = self._wanted, None
        self._learn(app_ids)
        self._choose(wanted)

    def _learn(self, app_ids: Iterable[int]) -> None:
        """These applications were added, changed or deleted (shown or not): a new one
        opens if every application does (fewer than ``WHOLE_TREE_OPEN``), a deleted one is
        forgotten. Down to fewer than that, all open but those the user closed, as a
        whole read opens them."""
        present = {row.app.id for row in self.model.ordered}
        before = len(self._known_ids)
        for app_id in app_ids:
            if app_id not in present:
                self._known_ids.discard(app_id)
                self._open_ids.discard(app_id)
            elif app_id not in self._known_ids:
                self._known_ids.add(app_id)
                if len(self._known_ids) < WHOLE_TREE_OPEN:
                    self._open_ids.add(app_id)
        if len(self._known_ids) < WHOLE_TREE_OPEN <= before:
            self._open_all_but_closed()
        else:
            self._open(set(app_ids) & self._open_ids)

    def _open_all_but_closed(self) -> None:
        """Fewer than ``WHOLE_TREE_OPEN`` applications: each open, but those the user closed."""
        self._open_ids = self._known_ids - self._closed_ids
        self._open(self._open_ids)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """An application shown again (a filter, another program's change) opens if it was
        open (a new one: ``_learn``)."""
        if parent.isValid():
            return
        for at in range(first, last + 1):
            if self.model.rows[at].app.id in self._open_ids:
                self.tree.setExpanded(self.model.index(at, 0), True)

    def _on_expanded(self, index: QModelIndex) -> None:
        self._open_ids.add(self._id_at(index))
        self._closed_ids.discard(self._id_at(index))

    def _on_collapsed(self, index: QModelIndex) -> None:
        """Only the user closes an application (the page never does)."""
        self._open_ids.discard(self._id_at(index))
        self._closed_ids.add(self._id_at(index))

    def _id_at(self, index: QModelIndex) -> int:
        return self.model.rows[index.row()].app.id

    def _open(self, app_ids: Iterable[int]) -> None:
        """Show these applications' rounds (those of them the page shows)."""
        for app_id in app_ids:
            at = self.model.row_of.get(app_id)
            if at is not None:
                self.tree.setExpanded(self.model.index(at, 0), True)

    def _choose(self, record: Application | Round | None) -> None:
        """The record chosen, if any (and shown); the buttons and the pane as read now."""
        if record is not None:
            self.select(record)
        self._update_buttons()
        self.details.show_record(self.selected())

    def selected(self) -> Application | Round | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        record: Application | Round = index.data(RecordRole)
        return record

    def select(self, record: Application | Round) -> None:
        """Make the record the current row (once the rows come, if they are on their way)."""
        if self.model.loading:
            self._wanted = record
        app_id = record.id if isinstance(record, Application) else record.application_id
        at = self.model.row_of.get(app_id)
        if at is None:
            return
        app_index = self.model.index(at, 0)
        if isinstance(record, Application):
            self.tree.setCurrentIndex(app_index)
            return
        for child in range(self.model.rowCount(app_index)):
            round_index = self.model.index(child, 0, app_index)
            if round_index.data(RecordRole).id == record.id:
                self.tree.setCurrentIndex(round_index)
                return

    def _filter(self) -> None:
        self.model.set_filter(self.search.text())
        self._show_current()

    def _show_current(self) -> None:
        """The chosen row in sight after the user filtered or sorted (it stayed where the
        list was scrolled, out of sight among 10,000)."""
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.scrollTo(current)

    def _after_layout(self) -> None:
        """A sort, the filter, or time moving on: the rows it hid that show again open as
        they were, and the record chosen before a filter hid it is chosen again."""
        self._open(self._open_ids)
        if self.selected() is None and self._hidden_choice is not None:
            self.select(self._hidden_choice)
        if self.details.record != self.selected():
            if self.selected() is None:  # hidden: remembered until the user chooses another
                self._hidden_choice = self.details.record
            self._on_current()

    def _on_current(self) -> None:
        if self.selected() is not None:
            self._hidden_choice = None
        self._update_buttons()
        self.details.show_record(self.selected())

    def _update_buttons(self) -> None:
        record = self.selected()
        for button in (self.new_round, self.edit_button, self.delete_button):
            button.setEnabled(record is not None)

    def _application_id(self) -> int | None:
        record = self.selected()
        if isinstance(record, Application):
            return record.id
        return record.application_id if record is not None else None

    def add_application(self) -> Application | None:
        dialog = ApplicationDialog(self.session, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.select(dialog.saved)
            return dialog.saved
        return None

    def add_round(self) -> Round | None:
        app_id = self._application_id()
        if app_id is None:
            return None
        dialog = RoundDialog(self.session, app_id, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.select(dialog.saved)
            return dialog.saved
        return None

    def edit(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        record = index.data(RecordRole)
        dialog = (
            ApplicationDialog(self.session, record, self)
            if isinstance(record, Application)
            else RoundDialog(self.session, record.application_id, record, self)
        )
        kind = "application" if isinstance(record, Application) else "interview round"
        dialog.opened_unreadable(self.session.repo.unreadable_record(kind, record.id))
        dialog.exec()

    def close_application(self) -> None:
        """Close the selected application now (the plan had not suggested it yet)."""
        app_id = self._application_id()
        if app_id is None:
            return
        app = self.session.repo.application(app_id)
        answer = QMessageBox.question(
            self,
            "Close the application?",
            f"{app.company} — {app.role}\n\nNo more reminders will come for it. "
            "Edit it to open it again.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.run(
                self, lambda: self.session.repo.set_status(app_id, Status.CLOSED, "closed by you")
            )

    # -- room ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        room = self.split.width() if wide else self.split.height()
        first = room * 62 // 100 if wide else room * 45 // 100
        self.split_memory.set_orientation(
            Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical,
            [first, max(room - first, 1)],
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def _note_width(self, column: int, _old: int, new: int) -> None:
        if column in self.column_widths and new > 0:
            self.column_widths[column] = new

    def fit_columns(self) -> None:
        """Date and Status give way (the pane shows both) so Next step stays on screen."""
        header = self.tree.header()
        room = self.tree.viewport().width() - NEXT_STEP_ROOM
        used = sum(self.column_widths[c] for c in range(len(COLUMN_WIDTHS)))
        used -= sum(self.column_widths[c] for c in OPTIONAL_COLUMNS)
        for column in OPTIONAL_COLUMNS:
            fits = used + self.column_widths[column] <= room
            if header.isSectionHidden(column) == fits:
                header.setSectionHidden(column, not fits)
                if fits:
                    header.resizeSection(column, self.column_widths[column])
            used += self.column_widths[column] if fits else 0

    def delete(self) -> None:
        record = self.selected()
        if record is None:
            return
        command = DeleteCommand(self.session, record, self)
        self.session.undo_stack.push(command)  # it says why, if it could not be done
        if command.done:
            self.status_message.emit(f"{command.text()}. Undo with Ctrl+Z.")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit(self.tree.currentIndex())
            return
        super().keyPressEvent(event)
