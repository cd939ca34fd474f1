"""One control per kind of setting, chosen by the declaration in ``followup.settings``:
spin boxes in the declared range, time editors, choices shown in words, the work week as
seven boxes, days off picked from a calendar, countries, regions and time zones as
searchable lists of names. ``read`` gives back what the domain validates."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from followup.errors import InvalidInput
from followup.setting_kinds import Kind, Setting
from followup.workdays import format_workdays, parse_workdays
from followup_desktop.accessibility import named
from followup_desktop.date_range import bound_days
from followup_desktop.locale_dates import LocaleDates, day_edit_format, time_edit_format
from followup_desktop.plain_text import PlainText

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class WeekEditor(QWidget):
    """The working week as seven boxes, Monday first. Signals: ``changed()``."""

    changed = Signal()

    def __init__(self, days: frozenset[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for name in DAY_NAMES:
            box = named(QCheckBox(name[:3]), name)
            box.setToolTip(name)
            box.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(box)
            self.boxes.append(box)
        layout.addStretch(1)
        self.set_days(days)

    def set_days(self, days: frozenset[int]) -> None:
        for day, box in enumerate(self.boxes):
            box.setChecked(day in days)

    def days(self) -> frozenset[int]:
        return frozenset(day for day, box in enumerate(self.boxes) if box.isChecked())

    def text(self) -> str:
        """``mon,tue,…`` as stored; empty when no box is ticked (the domain refuses that)."""
        return format_workdays(self.days())


class DaysOffEditor(QWidget):
    """The user's own days off: pick a date in the calendar, Add; select one, Remove."""

    def __init__(self, days: list[str], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dates = LocaleDates(today)
        self.picker = named(QDateEdit(), "Day off to add")
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat(day_edit_format())
        bound_days(self.picker)
        self.picker.setDate(QDate(today.year, today.month, today.day))
        self.add_button = named(QPushButton("Add"), "Add this day off")
        self.remove_button = named(QPushButton("Remove"), "Remove the selected day off")
        self.list = named(QListWidget(), "Your days off")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(80)
        self.add_button.clicked.connect(self.add_picked)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.list)
        for text in days:
            self.add(date.fromisoformat(text))

    def add_picked(self) -> None:
        picked = self.picker.date()
        self.add(date(picked.year(), picked.month(), picked.day()))

    def add(self, day: date) -> None:
        if day.isoformat() in self.days():
            return
        item = QListWidgetItem(self.dates.full_day(day))  # the app's one date style
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        later = [d for d in self.days() if d > day.isoformat()]
        row = self.list.count() - len(later)  # kept in date order
        self.list.insertItem(row, item)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def days(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]


class PlaceList(QComboBox):
    """A searchable list of names (countries, regions, time zones): type any part of a name
    and pick it; the value is the code behind the name. The first entry is the empty value,
    described in words ("Automatic …", "None …")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_places(self, empty_words: str, names: dict[str, str], current: str) -> None:
        """Fill the list (code → name) and select ``current`` (its code, any case)."""
        self.blockSignals(True)
        self.clear()
        self.addItem(empty_words, "")
        for code, name in names.items():
            self.addItem(name, code)
        self.blockSignals(False)
        self.select(current)

    def select(self, code: str) -> None:
        wanted = code.casefold()
        for index in range(self.count()):
            if str(self.itemData(index)).casefold() == wanted:
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)

    def code(self) -> str:
        """The code of the chosen name; a typed name or code is looked up; anything else is
        refused in words."""
        typed = self.currentText().strip()
        index = self.currentIndex()
        if index >= 0 and typed == self.itemText(index):
            return str(self.itemData(index))
        if not typed:
            return ""
        for index in range(self.count()):
            if typed.casefold() in (
                self.itemText(index).casefold(),
                str(self.itemData(index)).casefold(),
            ):
                return str(self.itemData(index))
        shown = typed if len(typed) <= 40 else typed[:40] + "…"
        raise InvalidInput(f"{shown!r} is not in the list: type part of a name and choose one")


def make_editor(setting: Setting, value: Any, today: date) -> QWidget:
    """The control for one declared setting, showing ``value``. Countries, regions and time
    zones are filled by the form (their names are loaded only when a form shows them)."""
    kind = setting.kind
    editor: QWidget
    if kind is Kind.BOOL:
        box = QCheckBox(setting.label)
        box.setChecked(bool(value))
        editor = box
    elif kind is Kind.CHOICE:
        combo = QComboBox()
        for option, words in setting.choices:
            combo.addItem(words, option)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        editor = combo
    elif kind is Kind.NUMBER:
        spin = QSpinBox()
        spin.setRange(setting.low, setting.high)
        spin.setValue(int(value))
        editor = spin
    elif kind is Kind.TIME:
        clock = QTimeEdit()
        clock.setDisplayFormat(time_edit_format())
        hour, minute = str(value).split(":")
        clock.setTime(QTime(int(hour), int(minute)))
        editor = clock
    elif kind is Kind.LINES:
        lines = PlainText(str(value))
        lines.setFixedHeight(80)
        editor = lines
    elif kind is Kind.WEEKDAYS:
        editor = WeekEditor(parse_workdays(str(value)))
    elif kind is Kind.DATES:
        editor = DaysOffEditor(list(value), today)
    elif kind in (Kind.COUNTRY, Kind.SUBDIVISION, Kind.ZONE):
        editor = PlaceList()
    else:
        line = QLineEdit(str(value))
        line.setPlaceholderText(
            f"e.g. {setting.example}" if setting.example else setting.description
        )
        editor = line
    named(editor, setting.label)
    editor.setAccessibleDescription(setting.description)
    editor.setToolTip(setting.description)
    return editor


def read(editor: QWidget) -> Any:
    """The control's value as the domain takes it; InvalidInput when it cannot be read."""
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, PlaceList):
        return editor.code()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QTimeEdit):
        return editor.time().toString("HH:mm")
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, WeekEditor):
        return editor.text()
    if isinstance(editor, DaysOffEditor):
        return editor.days()
    if isinstance(editor, QLineEdit):
        return editor.text()
    raise TypeError(f"no value in {type(editor).__name__}")
