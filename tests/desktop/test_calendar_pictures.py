"""The calendar draws a page once and keeps its picture: the pages around the one shown are
drawn while the user looks at it, so a page turn only copies pixels. A picture must show
exactly what drawing the page then would, and never outlive what it was drawn from."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPixmap, QRegion
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup.plan import ItemState, PlanItem
from followup.workdays import WorkCalendar
from followup_desktop.app import stylesheet
from followup_desktop.calendar.grid import CalendarGrid
from followup_desktop.session import Session

from .test_calendar import _letter
from .test_calendar_paging import history, open_view, planned_afresh, shown  # noqa: F401

TODAY = date(2026, 12, 9)


def _grid(qtbot: QtBot, today: date = TODAY) -> CalendarGrid:
    grid = CalendarGrid(today)
    qtbot.addWidget(grid)
    grid.resize(900, 600)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


def _month(first: date, count: int = 12) -> list[PlanItem]:
    """Letters over the month of ``first``, some overdue, several on one day."""
    items = [_letter(n, first + timedelta(days=n * 2)) for n in range(count)]
    items += [_letter(100 + n, first + timedelta(days=4)) for n in range(6)]  # "+N more"
    return [replace(i, state=ItemState.OVERDUE) if n % 3 == 0 else i for n, i in enumerate(items)]


def _companies(items: list[PlanItem]) -> dict[int, str]:
    return {i.application_id: f"Company {i.application_id}" for i in items}


def _image(grid: CalendarGrid) -> QImage:
    return grid.grab().toImage()


def _count_draws(grid: CalendarGrid, monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The first day of each page drawn anew from now on."""
    drawn: list[date] = []
    real = grid._draw

    def draw(painter: Any, page: Any) -> Any:
        drawn.append(page.first)
        return real(painter, page)

    monkeypatch.setattr(grid, "_draw", draw)
    return drawn


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_a_page_drawn_ahead_shows_what_drawing_it_on_the_spot_shows(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, direction: Qt.LayoutDirection
) -> None:
    november = _month(date(2026, 11, 1))
    ahead = _grid(qtbot)
    ahead.setLayoutDirection(direction)
    ahead.set_items(_month(TODAY.replace(day=1)), UTC, {})
    ahead.grab()
    ahead.prepare(date(2026, 11, 9), november, _companies(november))
    drawn = _count_draws(ahead, monkeypatch)
    ahead.set_items(november, UTC, _companies(november))  # the page turn brings the same list
    ahead.select(date(2026, 11, 9))
    turned = _image(ahead)
    assert drawn == []  # the picture drawn ahead was shown
    assert ahead.painted[date(2026, 11, 5)][-1].startswith("+")  # its lines are known too

    fresh = _grid(qtbot)
    fresh.setLayoutDirection(direction)
    fresh.select(date(2026, 11, 9))
    fresh.set_items(november, UTC, _companies(november))
    assert _image(fresh) == turned
    assert fresh.painted == ahead.painted

    # Drawn on the widget itself at each paint (a screen whose fonts a picture would not
    # match): the same pixels.
    direct = _grid(qtbot)
    direct.setLayoutDirection(direction)
    monkeypatch.setattr(direct, "logicalDpiY", lambda: 1)
    direct.select(date(2026, 11, 9))
    direct.set_items(november, UTC, _companies(november))
    assert _image(direct) == turned
    assert direct.painted == ahead.painted


def test_the_selection_moves_over_the_kept_picture(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = _grid(qtbot)
    grid.set_items(_month(TODAY.replace(day=1)), UTC, {})
    before = _image(grid)
    drawn = _count_draws(grid, monkeypatch)
    grid.select(TODAY + timedelta(days=1))
    after = _image(grid)
    assert drawn == []  # only the ring moved: no page drawn anew
    highlight = grid.palette().color(QPalette.ColorRole.Highlight)
    ratio = grid.devicePixelRatioF()

    def ring_of(image: QImage, day: date) -> QColor:
        cell = grid._cell(grid.days().index(day))
        return image.pixelColor(int((cell.left() + 1) * ratio), int((cell.center().y()) * ratio))

    assert ring_of(before, TODAY) == highlight and ring_of(after, TODAY) != highlight
    assert ring_of(after, TODAY + timedelta(days=1)) == highlight


def test_a_picture_is_not_used_for_other_items_size_font_colours_or_day(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    november = _month(date(2026, 11, 1))
    grid = _grid(qtbot)
    grid.set_items(_month(TODAY.replace(day=1)), UTC, {})
    grid.grab()
    grid.prepare(date(2026, 11, 9), november, _companies(november))
    drawn = _count_draws(grid, monkeypatch)
    done = replace(november[1], state=ItemState.DONE)
    changed = [november[0], done, *november[2:]]
    grid.set_items(changed, UTC, _companies(changed))  # another program changed a letter
    grid.select(date(2026, 11, 9))
    grid.grab()
    assert drawn == [grid.first_day()]  # drawn anew
    assert grid.painted[date(2026, 11, 3)] == ["✓ ✉ Company 1"]
    renamed = {**_companies(changed), november[0].application_id: "Initech"}
    grid.set_items(changed, UTC, renamed)
    grid.grab()
    assert "Initech" in " ".join(grid.painted[november[0].due.date()])  # type: ignore[union-attr]
    drawn.clear()
    steps = [
        lambda: grid.resize(700, 500),
        lambda: grid.setFont(QFont(grid.font().family(), grid.font().pointSize() + 3)),
        lambda: grid.setPalette(_dark(grid.palette())),
        lambda: setattr(grid, "today", grid.today + timedelta(days=1)),  # midnight
        # The same items on a calendar with a day off (added in Settings): its cell is marked.
        lambda: grid.set_items(
            changed, UTC, renamed, WorkCalendar(days_off=frozenset({date(2026, 11, 10)}))
        ),
    ]
    for number, step in enumerate(steps, start=1):
        step()
        grid.update()
        grid.grab()
        assert len(drawn) == number


def _dark(palette: QPalette) -> QPalette:
    dark = QPalette(palette)
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    return dark


def test_no_picture_is_kept_for_a_hidden_page(qtbot: QtBot) -> None:
    grid = _grid(qtbot)
    november = _month(date(2026, 11, 1))
    grid.grab()
    grid.prepare(date(2026, 11, 9), november, _companies(november))
    assert len(grid._kept) == 2
    grid.hide()
    assert grid._kept == {}
    grid.prepare(date(2026, 11, 9), november, _companies(november))  # hidden: nothing drawn
    assert grid._kept == {}


def test_a_grid_too_large_for_three_pictures_keeps_only_the_page_shown(qtbot: QtBot) -> None:
    """Three pages of a 3000 x 2000 grid would take 69 MiB: only the page shown is kept, and
    none is drawn ahead (a page turn draws its page, as before pictures)."""
    november = _month(date(2026, 11, 1))
    grid = _grid(qtbot)
    grid.resize(3000, 2000)
    grid.grab()
    grid.prepare(date(2026, 11, 9), november, _companies(november))
    assert list(grid._kept) == [grid.first_day()]
    grid.resize(900, 600)
    grid.grab()
    grid.prepare(date(2026, 11, 9), november, _companies(november))
    assert len(grid._kept) == 2


def test_paging_back_and_forth_keeps_at_most_three_pictures(
    qtbot: QtBot,
    history: Session,  # noqa: F811
    interview: Round,
) -> None:
    """Pages drawn ahead show, after each turn, what planning afresh shows; the pictures kept
    stay three (the page shown and the two around it), however far the user pages."""
    view = open_view(qtbot, history)
    grid = view.grid
    for key in [Qt.Key.Key_PageUp] * 5 + [Qt.Key.Key_PageDown] * 3:
        qtbot.waitUntil(lambda: not view._neighbours)
        qtbot.keyClick(grid, key)
        grid.grab()
        assert shown(view) == planned_afresh(history, view)
        assert len(grid._kept) <= 3


def test_a_disabled_grid_shows_its_disabled_colours(qtbot: QtBot) -> None:
    items = _month(TODAY.replace(day=1))
    grid = _grid(qtbot)
    grid.set_items(items, UTC, _companies(items))
    grid.grab()  # the picture, in the active colours
    grid.setEnabled(False)  # the palette's cacheKey stays: only its colour group changes
    fresh = _grid(qtbot)
    fresh.setEnabled(False)
    fresh.set_items(items, UTC, _companies(items))
    assert _image(fresh) == _image(grid)


def test_an_inactive_window_shows_its_inactive_colours(qtbot: QtBot) -> None:
    """As on Windows, macOS and KDE: the selection colour of an inactive window is grey."""
    items = _month(TODAY.replace(day=1))
    palette = QPalette(QApplication.palette())
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("#a0a0a0"))
    grid = _grid(qtbot)
    grid.setPalette(palette)
    grid.set_items(items, UTC, _companies(items))
    grid.activateWindow()
    qtbot.waitUntil(grid.isActiveWindow)
    grid.grab()  # drawn while active
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not grid.isActiveWindow())
    fresh = _grid(qtbot)
    fresh.setPalette(palette)
    fresh.set_items(items, UTC, _companies(items))
    other.activateWindow()
    qtbot.waitUntil(lambda: not fresh.isActiveWindow())
    assert _image(fresh) == _image(grid)  # the today badge: grey in both


def test_a_picture_is_drawn_in_the_grids_font(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the app's style sheet set, QApplication.setFont leaves the grid's font as it was;
    a painter on a pixmap must not take the sizes the grid's font leaves unset from the
    application's font (a painter on the widget takes them from the widget's)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_font, old_sheet = app.font(), app.styleSheet()
    items = _month(TODAY.replace(day=1))
    try:
        app.setStyleSheet(stylesheet())
        grids, windows = [], []
        for _ in range(2):
            window = QWidget()
            windows.append(window)  # a window gone takes its grid along
            qtbot.addWidget(window)
            grids.append(CalendarGrid(TODAY, window))
            grids[-1].resize(900, 600)
            window.resize(900, 600)
            window.show()
            qtbot.waitExposed(window)
        pictured, direct = grids
        monkeypatch.setattr(direct, "logicalDpiY", lambda: 1)  # drawn on the widget
        bigger = QFont(app.font())
        bigger.setPointSizeF(app.font().pointSizeF() + 4)
        app.setFont(bigger)
        for grid in grids:
            grid.set_items(items, UTC, _companies(items))
        assert _image(pictured) == _image(direct)
    finally:
        app.setFont(old_font)
        app.setStyleSheet(old_sheet)


def test_the_page_shown_keeps_its_picture_when_the_pages_around_are_drawn(
    qtbot: QtBot,
    history: Session,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(qtbot, history)
    grid = view.grid
    qtbot.waitUntil(lambda: not view._neighbours)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    grid.grab()
    qtbot.waitUntil(lambda: not view._neighbours)  # the next page and the one back drawn
    assert grid.first_day() in grid._kept
    drawn = _count_draws(grid, monkeypatch)
    grid.select(grid.selected + timedelta(days=1))  # the ring moves within the page
    grid.grab()
    assert drawn == []


def test_a_click_within_a_week_across_two_months_only_moves_the_ring(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _month(date(2026, 11, 1))
    grid = _grid(qtbot)
    grid.set_week_mode(True)
    grid.select(date(2026, 11, 30))
    grid.set_items(items, UTC, _companies(items))
    grid.grab()
    drawn = _count_draws(grid, monkeypatch)
    grid.select(date(2026, 12, 1))  # the same week, another month
    grid.grab()
    assert drawn == []


@pytest.mark.parametrize("see_through", [False, True], ids=["theme", "see-through theme"])
@pytest.mark.parametrize("on_the_widget", [False, True], ids=["picture", "widget"])
def test_the_grid_paints_every_pixel_of_its_own(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, on_the_widget: bool, see_through: bool
) -> None:
    """The grid tells Qt it is opaque (a page turn paints nothing of the page beneath it), so
    every pixel must be its own: drawn on magenta and on cyan, a page's picture and the
    widget rendered with nothing of Qt's beneath are the same, even with a theme whose
    window colour is see-through."""
    grid = _grid(qtbot)
    assert grid.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    if see_through:
        palette = grid.palette()
        window = palette.color(QPalette.ColorRole.Window)
        window.setAlpha(128)
        palette.setColor(QPalette.ColorRole.Window, window)
        grid.setPalette(palette)
    if on_the_widget:
        monkeypatch.setattr(grid, "logicalDpiY", lambda: 1)
    items = _month(TODAY.replace(day=1))
    grid.set_items(items, UTC, _companies(items))
    grid.resize(881, 583)  # odd sizes: no strip left by rounding
    drawn, rendered = [], []
    for colour in ("magenta", "cyan"):
        pixmap = QPixmap(grid.size())  # what a picture is drawn on, every pixel set first
        pixmap.fill(QColor(colour))
        painter = QPainter(pixmap)
        grid._draw(painter, grid._page_shown())
        painter.end()
        drawn.append(pixmap.toImage())
        image = QImage(grid.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(colour))
        grid.render(image, QPoint(), QRegion(), QWidget.RenderFlag(0))  # no background first
        rendered.append(image)
    assert drawn[0] == drawn[1]
    assert rendered[0] == rendered[1]
