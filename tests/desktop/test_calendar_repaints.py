"""A calendar cell's lines are kept between repaints (hover, focus, a window repaint), and
never outlive the items, the size or the font they were made for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date
from typing import Any

import pytest
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup.plan import ItemKind, ItemState
from followup_desktop.calendar.grid import CalendarGrid
from followup_desktop.session import Session

from .test_calendar import _letter, page


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


def test_a_renamed_company_shows_at_once(qtbot: QtBot, session: Session, interview: Round) -> None:
    """Company names are kept between months, and forgotten on any change."""
    view = page(qtbot, session)
    view.resize(1400, 900)
    view.grid.grab()
    assert view.grid.painted[date(2026, 11, 30)] == ["✉ Acme", "✉ Acme"]
    view.grid.select(date(2026, 10, 15))  # away and back: names come from what was read
    view.grid.select(date(2026, 11, 30))
    app = session.repo.application(interview.application_id)
    session.run(view, lambda: session.repo.update_application(replace(app, company="Initech")))
    view.grid.grab()
    assert view.grid.painted[date(2026, 11, 30)] == ["✉ Initech", "✉ Initech"]


def test_a_bigger_font_measures_entries_again(qtbot: QtBot, session: Session) -> None:
    """Widths are kept between paints only for the font they were measured in: an
    interview's time that fits in the normal font is dropped in a font twice the size (the
    company keeps the room), and comes back in the normal font."""
    day = date(2026, 12, 9)
    grid = CalendarGrid(day)
    qtbot.addWidget(grid)
    interview = replace(_letter(1, day), kind=ItemKind.INTERVIEW, key="i1")
    grid.set_items([interview], UTC, {1: "Acme"})
    with_time = grid.cell_lines(day, 1)[0]
    assert ":" in with_time  # the interview's start, as the cell writes it
    normal = grid.font()
    width = grid.fontMetrics().horizontalAdvance(with_time)
    grid.resize(int(width * 7 * 1.4) + 80, 700)  # a cell a little wider than the line
    grid.grab()
    assert grid.painted[day] == [with_time]
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 2)
    grid.setFont(big)
    grid.grab()
    assert grid.painted[day] == ["◆ Acme"]
    grid.setFont(normal)
    grid.grab()
    assert grid.painted[day] == [with_time]


def test_another_screen_resolution_measures_the_cells_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell's lines are kept for the screen they were measured on: moved to a screen of
    another resolution (or scale), the grid makes them again with widths measured there."""
    day = date(2026, 12, 9)
    grid = CalendarGrid(day)
    qtbot.addWidget(grid)
    grid.resize(1000, 700)
    grid.set_items([_letter(1, day)], UTC, {1: "Acme"})
    made: list[date] = []
    real = grid.cell_lines

    def cell_lines(*args: Any) -> list[str]:
        made.append(args[0])
        return real(*args)

    monkeypatch.setattr(grid, "cell_lines", cell_lines)
    grid.grab()
    assert day in made
    made.clear()
    grid.grab()
    assert made == []  # the same screen: kept
    monkeypatch.setattr(grid, "logicalDpiY", lambda: 144)
    grid.grab()
    assert day in made
    made.clear()
    monkeypatch.setattr(grid, "devicePixelRatioF", lambda: 2.0)
    grid.grab()
    assert day in made
