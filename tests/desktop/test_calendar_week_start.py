"""The calendar's weeks start on the locale's first day: Sunday for a US user, Monday in the
UK and Germany, Saturday in Iran; the selected day is always on the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup_desktop.calendar.grid import CalendarGrid

NOV_27 = date(2026, 11, 27)  # a Friday; November 2026 starts on a Sunday


@pytest.fixture
def locale() -> Iterator[None]:
    yield
    QLocale.setDefault(QLocale.c())  # as tests/desktop/conftest.py pins it


@pytest.mark.parametrize(
    ("name", "first", "head"),
    [
        ("en_US", date(2026, 11, 1), "Sun"),
        ("en_GB", date(2026, 10, 26), "Mon"),
        ("de_DE", date(2026, 10, 26), "Mo."),
        ("fa_IR", date(2026, 10, 31), None),  # a Saturday (its heads are Persian)
    ],
)
def test_a_month_page_starts_on_the_locale_s_first_day(
    qtbot: QtBot, locale: None, name: str, first: date, head: str | None
) -> None:
    QLocale.setDefault(QLocale(name))
    grid = CalendarGrid(NOV_27)
    qtbot.addWidget(grid)
    assert grid.days()[0] == first
    assert grid.days()[0].weekday() == grid.dates.first_weekday()
    if head is not None:
        assert grid.dates.short_weekday(grid.days()[0]) == head
    grid.set_week_mode(True)
    week = grid.days()
    assert week[0].weekday() == first.weekday() and NOV_27 in week


def test_the_week_page_follows_the_locale_too(qtbot: QtBot, locale: None) -> None:
    QLocale.setDefault(QLocale("en_US"))
    grid = CalendarGrid(NOV_27)
    qtbot.addWidget(grid)
    grid.set_week_mode(True)
    assert grid.days()[0] == date(2026, 11, 22)  # Sunday
    grid.select(date(2026, 11, 29))  # a Sunday starts the next page
    assert grid.days()[0] == date(2026, 11, 29)


@given(
    day=st.dates(date(1990, 1, 1), date(2100, 12, 31)),
    name=st.sampled_from(["en_US", "en_GB", "fa_IR", "ar_EG", "pt_BR", "C"]),
    week=st.booleans(),
)
def test_every_page_holds_its_day_and_starts_on_the_first_weekday(
    qapp: QApplication, day: date, name: str, week: bool
) -> None:
    QLocale.setDefault(QLocale(name))
    try:
        grid = CalendarGrid(day)
        grid.week_mode = week
        shown = grid.days()
        assert shown[0].weekday() == QLocale(name).firstDayOfWeek().value - 1
        assert day in shown
        if not week:
            assert day.replace(day=1) in shown[:7]  # the month's first day is in the top row
            assert shown == [shown[0] + timedelta(days=i) for i in range(42)]
    finally:
        QLocale.setDefault(QLocale.c())
