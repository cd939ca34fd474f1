"""A calendar cell's lines are kept between repaints (hover, focus, a window repaint), and
never outlive the items, the size or the font they were made for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from followup.plan import ItemState
from followup_desktop.calendar.grid import CalendarGrid

from .test_calendar import _letter


def test_repainted_cells_follow_new_items_size_and_font(qtbot: QtBot) -> None:
    day = date(2026, 12, 9)
    grid = CalendarGrid(day)
    qtbot.addWidget(grid)
    grid.resize(1400, 1400)
    grid.set_items([_letter(1, day)], UTC, {1: "Acme"})
    grid.grab()
    assert grid.painted[day] == ["✉ Acme"]
    grid.grab()  # a repaint with nothing changed: the same lines
    assert grid.painted[day] == ["✉ Acme"]
    overdue = replace(_letter(1, day), state=ItemState.OVERDUE)
    grid.set_items([overdue, _letter(2, day)], UTC, {1: "Acme", 2: "Globex"})
    grid.grab()
    assert grid.painted[day] == ["! ✉ Acme", "✉ Globex"]
    grid.resize(420, 320)
    grid.set_items([_letter(n, day) for n in range(8)], UTC, {n: f"C{n}" for n in range(8)})
    grid.grab()
    narrow = grid.painted[day]
    assert narrow[-1].startswith("+")
    big = QFont(grid.font())
    big.setPointSizeF(grid.font().pointSizeF() * 2)
    grid.setFont(big)  # fewer lines fit in the same cell
    grid.grab()
    assert len(grid.painted[day]) < len(narrow)
