"""The calendar: month and week views, keyboard navigation, a day's items on click."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup.plan import ItemKind, ItemState, PlanItem
from followup.workdays import WorkCalendar
from followup_desktop.calendar.entries import label
from followup_desktop.calendar.grid import CalendarGrid
from followup_desktop.calendar.text_widths import TextWidths, elided
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
    assert labels == ["✉ Letter: Lee Park at Acme", "✓ ✉ Letter: Dana Müller at Acme"]
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
    assert view.day_title.text() == "Wednesday, 25 November"
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
    rows = [view.day_model.index(r).data() for r in range(view.day_model.rowCount())]
    heads = [row.split("\n")[0] for row in rows]  # time, kind, person and company; then why
    assert heads == [
        "by 17:00 · Letter · Dana Müller · Acme",
        "by 17:00 · Letter · Lee Park · Acme",
    ]
    assert all(row.split("\n")[1] for row in rows)  # the reason, in words
    tips = [view.day_model.index(r).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert tips == [
        "Thank-you letter to Dana Müller at Acme",
        "Thank-you letter to Lee Park at Acme",
    ]


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


def test_a_change_made_while_the_page_is_hidden_shows_when_it_is_shown_again(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    monday = date(2026, 11, 30)
    view.grid.select(monday)
    assert all("Acme" in view.day_model.index(r).data() for r in range(2))
    view.hide()  # another page on screen, or the window in the tray
    session.commit(
        lambda: session.repo.record_letter(
            interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW
        )
    )
    session.commit(
        lambda: session.repo.update_application(
            replace(session.repo.application(interview.application_id), company="Renamed Inc")
        )
    )
    view.show()
    states = sorted(i.state.value for i in view.grid.by_day[monday])
    assert states == ["done", "upcoming"]
    view.grid.grab()
    assert all("Renamed Inc" in line for line in view.grid.painted[monday])
    shown = [view.day_model.index(r).data() for r in range(view.day_model.rowCount())]
    assert len(shown) == 2 and all("Renamed Inc" in words for words in shown)


def test_entries_show_the_company_and_the_interviews_time(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    view.resize(1400, 900)
    view.grid.grab()  # paints
    assert view.grid.painted[date(2026, 11, 25)] == ["✓ ◆ 10:00 Acme"]
    assert view.grid.painted[date(2026, 11, 30)] == ["✉ Acme", "✉ Acme"]
    assert not any("Letter:" in line for lines in view.grid.painted.values() for line in lines)
    view.resize(500, 700)  # too narrow for the time: the company stays
    view.grid.grab()
    assert view.grid.painted[date(2026, 11, 25)] == ["✓ ◆ Acme"]


def test_every_finished_state_has_its_mark_in_the_cells_and_the_legend(qtbot: QtBot) -> None:
    """A missed letter reads "– ", as a cancelled one does: grey alone would hide it from
    anyone who cannot tell the colours apart."""
    day = date(2026, 12, 9)
    grid = CalendarGrid(day)
    qtbot.addWidget(grid)
    grid.resize(1000, 700)
    states = [ItemState.MISSED, ItemState.CANCELLED, ItemState.DONE, ItemState.OVERDUE]
    grid.set_items(
        [replace(_letter(n, day), state=state) for n, state in enumerate(states)],
        UTC,
        {n: f"Company {n}" for n in range(4)},
    )
    grid.grab()
    assert grid.painted[day] == ["– ✉ Company 0", "– ✉ Company 1", "✓ ✉ Company 2", "! ✉ Company 3"]
    assert label(replace(_letter(0, day), state=ItemState.MISSED)) == "– ✉ Letter: Letter 0"


def test_the_legend_names_every_mark(qtbot: QtBot, session: Session) -> None:
    legend = page(qtbot, session).legend.text()
    for words in (
        "◆ interview",
        "✉ letter",
        "☎ call",
        "○ close",
        "! overdue",
        "✓ done",
        "– missed",
    ):
        assert words in legend


def _letter(number: int, day: date) -> PlanItem:
    due = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=17)
    return PlanItem(
        f"k{number}",
        ItemKind.LETTER,
        number,
        None,
        None,
        f"Letter {number}",
        "why",
        ItemState.DUE,
        due,
    )


def test_a_full_small_cell_ends_with_how_many_more(qtbot: QtBot) -> None:
    day = date(2026, 12, 9)
    grid = CalendarGrid(day)
    qtbot.addWidget(grid)
    grid.resize(420, 320)  # six rows of about 49 px: room for two lines under the number
    companies = {n: f"Company {n}" for n in range(8)}
    grid.set_items([_letter(n, day) for n in range(8)], UTC, companies)
    grid.grab()
    lines = grid.painted[day]
    assert 1 < len(lines) < 8
    shown = len(lines) - 1
    assert lines[:shown] == [f"✉ Company {n}" for n in range(shown)]
    assert lines[-1] == f"+{8 - shown} more"
    grid.resize(1400, 1400)  # all fit: no "more"
    grid.grab()
    assert grid.painted[day] == [f"✉ Company {n}" for n in range(8)]


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform's tooltip
def test_holidays_and_days_off_are_marked_with_their_names(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    grid = view.grid
    thanksgiving = date(2026, 11, 26)
    assert grid.tooltip(thanksgiving).startswith("Thanksgiving")
    grid.select(thanksgiving)
    assert "Thanksgiving" in view.day_title.text()
    assert "Thanksgiving" in grid.accessibleDescription()
    where = grid._cell(grid.days().index(thanksgiving)).center()
    QToolTip.hideText()
    grid.event(QHelpEvent(QEvent.Type.ToolTip, where, grid.mapToGlobal(where)))
    assert QToolTip.text().startswith("Thanksgiving")
    assert grid.tooltip(date(2026, 11, 28)) == ""  # a plain Saturday: no mark
    assert grid.tooltip(date(2026, 11, 24)) == ""  # a plain Tuesday

    day_off = date(2026, 12, 2)
    own = CalendarGrid(day_off)
    qtbot.addWidget(own)
    own.set_items([], UTC, {}, WorkCalendar(country="US", days_off=frozenset({day_off})))
    assert own.tooltip(day_off) == "Your day off"
    assert own.tooltip(date(2026, 12, 25)) == "Christmas Day"


@pytest.mark.parametrize(
    "text", ["✓ ◆ 14:30 Umbrella Labs", "! ✉ Northwind Analytics", "☎ Stark Logistics", "W"]
)
def test_a_line_that_only_just_fits_or_not_is_cut_as_qt_cuts_it(
    qapp: QApplication, text: str
) -> None:
    """Widths on either side of the line's fractional advance: where rounding to whole
    pixels would keep a line that eliding cuts (or cut one it keeps)."""
    font = QFont()
    font.setPointSizeF(font.pointSizeF() * 0.86)
    metrics = QFontMetricsF(font)
    advance = metrics.horizontalAdvance(text)
    for width in {math.floor(advance) - 1, math.floor(advance), math.ceil(advance)}:
        expected = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        assert elided(text, metrics, width) == expected


@given(st.text(max_size=40), st.integers(min_value=0, max_value=300))
def test_a_cell_line_is_cut_exactly_where_qt_cuts_it(
    qapp: QApplication, text: str, width: int
) -> None:
    """The grid measures before it elides (most entries fit): what it draws is what
    ``elidedText`` gives, to the fraction of a pixel where a name only just fits."""
    font = QFont()
    font.setPointSizeF(font.pointSizeF() * 0.86)
    metrics = QFontMetricsF(font)
    assert elided(text, metrics, width) == metrics.elidedText(
        text, Qt.TextElideMode.ElideRight, width
    )


def _small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(font.pointSizeF() * 0.86)
    return font


@given(st.lists(st.tuples(st.text(max_size=30), st.integers(0, 250)), max_size=40))
def test_kept_widths_measure_and_cut_as_qt_does_each_time(
    qapp: QApplication, asked: list[tuple[str, int]]
) -> None:
    """Each text measured once and kept (asked again, and after the store is full and
    forgotten): the same advance and the same cut as Qt gives for it every time."""
    font = _small_font()
    metrics, exact = QFontMetrics(font), QFontMetricsF(font)
    widths = TextWidths(metrics, exact)
    widths.MOST_TEXTS = 7  # forgets often: answers must not depend on what is kept
    for text, width in asked * 2:
        assert widths.advance(text) == metrics.horizontalAdvance(text)
        assert widths.elided(text, width) == exact.elidedText(
            text, Qt.TextElideMode.ElideRight, width
        )
        assert max(len(widths._whole), len(widths._exact), len(widths._cut)) <= 7
