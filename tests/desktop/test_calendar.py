"""The calendar: month and week views, keyboard navigation, a day's items on click."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup.plan import ItemKind, ItemState
from followup_desktop.calendar.grid import CalendarGrid, label
from followup_desktop.calendar.view import CalendarView
from followup_desktop.session import Session

from .conftest import NOW


def page(qtbot: QtBot, session: Session) -> CalendarView:
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_month_shows_interview_deadline_and_done_letter(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    session.repo.record_letter(interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    view = page(qtbot, session)
    assert view.title.text() == "November 2026"
    by_day = view.grid.by_day
    assert [i.kind for i in by_day[date(2026, 11, 25)]] == [ItemKind.INTERVIEW]
    monday = by_day[date(2026, 11, 30)]
    assert {(i.kind, i.state) for i in monday} == {
        (ItemKind.LETTER, ItemState.DONE),
        (ItemKind.LETTER, ItemState.UPCOMING),
    }
    labels = sorted(label(i) for i in monday)
    assert labels == ["✉ Letter: Lee Park", "✓ ✉ Letter: Dana Müller"]  # shape and text
    call = by_day[date(2026, 12, 4)]  # a week after Friday's letter: shown in the grid's tail
    assert [i.kind for i in call] == [ItemKind.CALL]


def test_keyboard_navigation(qtbot: QtBot, session: Session, interview: Round) -> None:
    view = page(qtbot, session)
    grid = view.grid
    grid.setFocus()
    assert grid.selected == date(2026, 11, 27)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.selected == date(2026, 11, 25)
    assert view.day_title.text() == "Wednesday 25 November"
    assert view.day_model.rowCount() == 1
    assert "1 item" in grid.accessibleDescription()
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected == date(2026, 12, 2)
    with qtbot.waitSignal(grid.range_changed):
        qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.selected == date(2027, 1, 2) and view.title.text() == "January 2027"
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert grid.selected == date(2026, 11, 27)
    with qtbot.waitSignal(grid.date_activated):
        qtbot.keyClick(grid, Qt.Key.Key_Return)


def test_clicking_a_day_lists_its_items(qtbot: QtBot, session: Session, interview: Round) -> None:
    view = page(qtbot, session)
    grid = view.grid
    index = grid.days().index(date(2026, 11, 30))
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid._cell(index).center())
    assert grid.selected == date(2026, 11, 30)
    titles = [view.day_model.index(r).data() for r in range(view.day_model.rowCount())]
    assert titles == ["Thank-you letter to Dana Müller", "Thank-you letter to Lee Park"]


def test_week_view_shows_seven_days_and_pages_by_week(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    view.week.click()
    grid = view.grid
    assert grid.days()[0] == date(2026, 11, 23) and len(grid.days()) == 7
    view.next.click()
    assert grid.days()[0] == date(2026, 11, 30)
    assert any(i.kind is ItemKind.LETTER for i in grid.by_day[date(2026, 11, 30)])
    assert view.next.accessibleName() == "Next week"


def test_month_arithmetic_clamps_the_day() -> None:
    grid = CalendarGrid(date(2026, 1, 31))
    grid.select(date(2026, 1, 31))
    assert grid._shift_months(1) == date(2026, 2, 28)
    assert grid._shift_months(-2) == date(2025, 11, 30)
    assert grid._day_at(-5, -5) is None
    assert QPoint(0, 0).isNull()


def test_a_change_shows_at_once_despite_cached_plans(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    monday = date(2026, 11, 30)
    assert all(i.state is ItemState.UPCOMING for i in view.grid.by_day[monday])
    view.grid.select(date(2026, 12, 15))  # another month, then back: plans are reused
    view.grid.select(monday)
    session.commit(
        lambda: session.repo.record_letter(
            interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW
        )
    )
    states = sorted(i.state.value for i in view.grid.by_day[monday])
    assert states == ["done", "upcoming"]
