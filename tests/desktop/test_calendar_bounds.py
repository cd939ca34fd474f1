"""The calendar pages no further than the dates the domain accepts (followup.validation's
EARLIEST and LATEST): the month (week) buttons are disabled at the ends and Page Up/Down,
the arrows and a click stop there. Found by the hostile sweep: paging went on into years
the domain refuses (and, past 9999, would have failed)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup.validation import EARLIEST, LATEST
from followup_desktop.calendar.grid import CalendarGrid
from followup_desktop.calendar.view import CalendarView
from followup_desktop.session import Session

KEYS = (
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
)


def page(qtbot: QtBot, session: Session) -> CalendarView:
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_month_buttons_stop_at_the_domains_first_and_last_month(
    qtbot: QtBot, session: Session
) -> None:
    view = page(qtbot, session)
    grid = view.grid
    grid.select(date(1990, 3, 15))
    assert view.previous.isEnabled()
    qtbot.mouseClick(view.previous, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.previous, Qt.MouseButton.LeftButton)
    assert view.title.text() == "January 1990" and not view.previous.isEnabled()
    qtbot.mouseClick(view.previous, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert view.title.text() == "January 1990" and grid.selected >= EARLIEST
    assert view.next.isEnabled()
    grid.select(date(2100, 11, 10))
    assert view.previous.isEnabled() and view.next.isEnabled()
    qtbot.mouseClick(view.next, Qt.MouseButton.LeftButton)
    assert view.title.text() == "December 2100" and not view.next.isEnabled()
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert view.title.text() == "December 2100" and grid.selected <= LATEST


def test_the_week_buttons_and_the_arrows_stop_at_the_domains_last_day(
    qtbot: QtBot, session: Session
) -> None:
    view = page(qtbot, session)
    grid = view.grid
    view.week.click()
    grid.select(date(2100, 12, 1))
    for _ in range(10):  # a handful of weeks to the end, then the button is disabled
        if not view.next.isEnabled():
            break
        qtbot.mouseClick(view.next, Qt.MouseButton.LeftButton)
    assert not view.next.isEnabled() and view.previous.isEnabled()
    first, end = grid.visible_range()
    assert first <= LATEST < end, "the last week shown holds the domain's last day"
    grid.setFocus()
    for _ in range(10):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected == LATEST


NEAR_THE_ENDS = st.one_of(
    st.dates(min_value=EARLIEST, max_value=date(1990, 3, 1)),
    st.dates(min_value=date(2100, 11, 1), max_value=LATEST),
    st.dates(min_value=EARLIEST, max_value=LATEST),
)


@given(NEAR_THE_ENDS, st.lists(st.sampled_from(KEYS), max_size=30))
@settings(max_examples=40, deadline=None)
def test_no_keys_take_the_selection_past_the_domains_days(
    qapp: QApplication, start: date, keys: list[Qt.Key]
) -> None:
    grid = CalendarGrid(start)
    for week_mode in (False, True):
        grid.set_week_mode(week_mode)
        for key in keys:
            grid.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
            assert EARLIEST <= grid.selected <= LATEST
