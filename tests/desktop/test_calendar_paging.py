"""Paging through months of history: each page shows exactly what planning its range from
scratch gives, whether its plans were made ahead (while the user looked at the page before)
or on the spot (the key held down), and the day list follows the selected day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup.demo import populate
from followup.planner import items_between
from followup_desktop.calendar.view import CalendarView
from followup_desktop.session import Session

from .conftest import NOW, NY


@pytest.fixture
def history(session: Session) -> Session:
    populate(session.repo, NOW, NY, count=150)  # a few interviews a month, years back
    return session


def shown(view: CalendarView) -> dict[str, list[str]]:
    """Each day's item keys as the grid holds them."""
    return {str(day): [i.key for i in items] for day, items in view.grid.by_day.items() if items}


def planned_afresh(session: Session, view: CalendarView) -> dict[str, list[str]]:
    """The same range planned with no memo: the reference."""
    first, last = view.grid.visible_range()
    items = items_between(
        session.repo,
        session.calendar(),
        NY,
        session.now(),
        datetime.combine(first, time(0), tzinfo=NY),
        datetime.combine(last, time(0), tzinfo=NY),
        session.plan_settings(),
    )
    found: dict[str, list[str]] = {}
    for item in sorted(items, key=lambda i: (i.due is None, i.due)):
        assert item.due is not None
        found.setdefault(str(item.due.astimezone(NY).date()), []).append(item.key)
    return found


def counting(session: Session) -> list[int]:
    """Counts the rounds read from the database from now on (a spy around the real read)."""
    reads: list[int] = []
    real: Callable[..., object] = session.repo.rounds_of

    def rounds_of(ids: list[int]) -> object:
        reads.append(len(ids))
        return real(ids)

    session.repo.rounds_of = rounds_of  # type: ignore[method-assign]
    return reads


def open_view(qtbot: QtBot, session: Session) -> CalendarView:
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_pages_planned_ahead_and_on_the_spot_show_what_planning_afresh_shows(
    qtbot: QtBot, history: Session
) -> None:
    view = open_view(qtbot, history)
    grid = view.grid
    qtbot.waitUntil(lambda: not view._neighbours)  # both pages around planned in the pauses
    reads = counting(history)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)  # planned ahead: nothing more to read
    assert reads == []
    assert shown(view) == planned_afresh(history, view)
    assert sum(map(len, shown(view).values())) > 5
    for _ in range(3):  # held down: no pause, each page planned on the spot
        qtbot.keyClick(grid, Qt.Key.Key_PageUp)
        assert shown(view) == planned_afresh(history, view)
    assert reads  # those pages were read as they came
    for _ in range(5):  # and forward again, past where it started
        qtbot.keyClick(grid, Qt.Key.Key_PageDown)
        assert shown(view) == planned_afresh(history, view)
    day = max(grid.by_day, key=lambda d: len(grid.by_day[d]))
    grid.select(day)
    model = view.day_model
    tips = [model.index(r).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert tips == [i.title for i in grid.by_day[day]]


def test_a_hidden_calendar_plans_nothing_ahead(qtbot: QtBot, history: Session) -> None:
    view = open_view(qtbot, history)
    view.hide()
    reads = counting(history)
    qtbot.waitUntil(lambda: not view._ahead.isActive())
    assert reads == []
    assert len(view._neighbours) == 2  # still to do, once it shows again


def test_the_day_list_follows_a_page_turn_onto_an_empty_day(qtbot: QtBot, history: Session) -> None:
    view = open_view(qtbot, history)
    grid = view.grid
    busy = next(d for d, items in grid.by_day.items() if items and d.month == grid.selected.month)
    grid.select(busy)
    assert view.day_model.rowCount() == len(grid.by_day[busy])
    assert not view.nothing.isVisibleTo(view)
    for _ in range(24):  # a page whose selected day has nothing on it
        qtbot.keyClick(grid, Qt.Key.Key_PageDown)
        if not grid.by_day.get(grid.selected):
            break
    assert view.day_model.rowCount() == 0
    assert view.nothing.isVisibleTo(view)
    assert view.title.text() == grid.dates.month(grid.selected)


@pytest.mark.parametrize("key", [Qt.Key.Key_PageUp, Qt.Key.Key_PageDown])
def test_a_key_held_down_finds_the_next_page_planned_after_the_last_one_painted(
    qtbot: QtBot, history: Session, key: Qt.Key
) -> None:
    """Between two repeats of a held key (30-40 ms), the next page the same way is planned,
    and only once the page turned to has painted: the user never waits for it."""
    view = open_view(qtbot, history)
    grid = view.grid
    grid.select(grid.today.replace(year=grid.today.year - 2))  # history either way
    qtbot.waitUntil(lambda: not view._neighbours)
    order: list[str] = []
    real = history.repo.rounds_of

    def rounds_of(ids: list[int]) -> object:
        order.append("read")
        return real(ids)

    history.repo.rounds_of = rounds_of  # type: ignore[method-assign]
    asked = history.repo.round_ids_between

    def round_ids_between(*args: object, **kwargs: object) -> object:
        order.append("asked")  # which rounds reach the page: the page's first question
        return asked(*args, **kwargs)  # type: ignore[arg-type]

    history.repo.round_ids_between = round_ids_between  # type: ignore[method-assign]
    # The wait before planning ahead starts once the whole window has painted, not at the
    # grid's paint (the rest of the window paints after it, in the same frame).
    grid.finished_painting.connect(
        lambda: order.append("started at the grid's paint" if view._ahead.isActive() else "paint")
    )
    step = -1 if key == Qt.Key.Key_PageUp else 1
    reads = 0
    for _ in range(6):
        qtbot.keyClick(grid, key)  # the page planned in the last pause: nothing to ask
        assert order == []
        assert not view._ahead.isActive()  # and nothing planned before the page has painted
        qtbot.waitUntil(lambda: "paint" in order)
        # In the pause before the key repeats (no time asserted: how soon is a benchmark's
        # to say), the next page the same way is planned; the page back waits longer.
        qtbot.waitUntil(lambda: len(view._neighbours) == 1)
        assert view._neighbours == [grid.paged(-step)] and view._ahead.isActive()
        assert order[0] == "paint" and set(order[1:]) <= {"asked", "read"}  # then the next
        reads += order.count("read")
        assert shown(view) == planned_afresh(history, view)  # (reads through the spy too)
        order.clear()
    assert reads  # pages were planned in the pauses (not all of them were empty)


def test_keys_back_to_back_start_the_wait_before_planning_ahead_from_each_page_painted(
    qtbot: QtBot, history: Session
) -> None:
    """A key sent the moment the last page painted (clicks faster than a held key): the wait
    before the next page is planned ahead starts once the new page has painted, never from
    the page before's frame, whose wait would run out while the new page is planned and
    make the next page's work hold up its frame."""
    app = QApplication.instance()
    assert app is not None
    view = open_view(qtbot, history)
    grid = view.grid
    grid.select(grid.today.replace(year=grid.today.year - 2))
    qtbot.waitUntil(lambda: not view._neighbours)
    at_paint: list[bool] = []
    grid.finished_painting.connect(lambda: at_paint.append(view._ahead.isActive()))
    for _ in range(6):
        painted = len(at_paint)
        qtbot.keyClick(grid, Qt.Key.Key_PageUp)
        while len(at_paint) == painted:  # as the benchmark: no pass beyond the one that paints
            app.processEvents()
        assert at_paint[-1] is False  # no wait under way as the page paints
        assert shown(view) == planned_afresh(history, view)
    qtbot.waitUntil(lambda: grid.paged(-1) not in view._neighbours)  # the pause: planned ahead


def test_a_page_turned_and_turned_back_within_one_frame_starts_the_wait_from_its_own_frame(
    qtbot: QtBot, history: Session
) -> None:
    """Page Up, then Page Up and Page Down before the event loop runs: the page shown is the
    one whose frame-done is still waiting to run, but that frame was the page before's; the
    wait starts only once the page has painted again (then the pages around are planned)."""
    app = QApplication.instance()
    assert app is not None
    view = open_view(qtbot, history)
    grid = view.grid
    qtbot.waitUntil(lambda: not view._neighbours)
    at_paint: list[bool] = []
    grid.finished_painting.connect(lambda: at_paint.append(view._ahead.isActive()))
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    while not at_paint:  # painted; its frame-done posted, not yet run
        app.processEvents()
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)  # back to the page just painted
    while len(at_paint) == 1:
        app.processEvents()
    assert at_paint == [False, False]  # no wait under way as it paints again
    qtbot.waitUntil(lambda: not view._neighbours)  # and the pages around are planned
    assert shown(view) == planned_afresh(history, view)
