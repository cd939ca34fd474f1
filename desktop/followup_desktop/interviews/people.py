"""The interview dialog's list of contacts, ticked for those who interviewed.

A model over the contacts, not a list widget's items: with 10,000 contacts, making an item
each took 0.14 s of every opening of the dialog, and reading their ticks back 20 ms more. The
view asks only for the rows it shows, and the ticks are a set of contact ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListView, QWidget

Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractListModel):
    """Contacts in the order given; under a search, those whose name holds it and the
    ticked ones (a tick is never out of sight). It shows none until the first ``show_only``:
    a list view lays all its rows out again at each step of building the form around it
    (each time the style sheet polishes it in a new parent: 80,000 calls into Python for
    10,000 contacts), so the form fills it once built."""

    def __init__(self, people: Iterable[tuple[int, str]], ticked: Iterable[int]) -> None:
        super().__init__()
        self._ids: list[int] = []
        self._names: list[str] = []
        self._folded: list[str] = []  # the names casefolded, for the search
        for contact_id, name in people:
            self._ids.append(contact_id)
            self._names.append(name)
            self._folded.append(name.casefold())
        self.ticked: set[int] = set(ticked)
        self._shown: list[int] = []  # places in the lists above

    def count(self) -> int:
        """Every contact, shown or not."""
        return len(self._ids)

    def interviewers(self) -> tuple[int, ...]:
        """The ticked contacts' ids, in the list's order."""
        return tuple(i for i in self._ids if i in self.ticked)

    def name_of(self, contact_id: int) -> str:
        return self._names[self._ids.index(contact_id)]

    def contact_at(self, row: int) -> int:
        return self._ids[self._shown[row]]

    def show_only(self, text: str) -> None:
        """The contacts whose name holds ``text`` (any case, spaces around it ignored), and
        the ticked ones; every contact for no text."""
        wanted = text.strip().casefold()
        self.beginResetModel()
        self._shown = [
            n
            for n, folded in enumerate(self._folded)
            if not wanted or wanted in folded or self._ids[n] in self.ticked
        ]
        self.endResetModel()

    def add(self, contact_id: int, name: str) -> None:
        """A contact just made, ticked, at the end (shown whatever the search)."""
        row = len(self._shown)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.append(contact_id)
        self._names.append(name)
        self._folded.append(name.casefold())
        self._shown.append(len(self._ids) - 1)
        self.ticked.add(contact_id)
        self.endInsertRows()

    def rename(self, row: int, name: str) -> None:
        at = self._shown[row]
        self._names[at], self._folded[at] = name, name.casefold()
        self.dataChanged.emit(self.index(row), self.index(row))

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        at = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names[at]
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = self._ids[at] in self.ticked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[at]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        contact_id = self._ids[self._shown[index.row()]]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(contact_id)
        else:
            self.ticked.discard(contact_id)
        self.dataChanged.emit(index, index, [role])
        return True


class PeopleList(QListView):
    """The list, one line per contact (not measured row by row)."""

    def __init__(self, model: PeopleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people")  # (the style sheet gives its rows room for the tick)
        self.setUniformItemSizes(True)
        self.setModel(model)
        self.people = model

    def choices(self) -> tuple[int, ...]:
        """What the user chose here (``unsaved.values_of``): the ticked contacts."""
        return self.people.interviewers()
