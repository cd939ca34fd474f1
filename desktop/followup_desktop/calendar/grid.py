"""A painted month or week grid, its cells' entries written by ``entries``."""

from __future__ import annotations

import calendar as stdcalendar
from collections import defaultdict
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QHelpEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from followup.plan import ItemState, PlanItem
from followup.workdays import WorkCalendar
from followup_desktop.calendar.entries import day_note, entry, label
from followup_desktop.calendar.pictures import Page, Picture, Pictures, by_day, most_pictures
from followup_desktop.calendar.text_widths import TextWidths
from followup_desktop.date_range import within
from followup_desktop.locale_dates import LocaleDates
from followup_desktop.status_palette import Tone, state_colour, tone

LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # an entry's line


class CalendarGrid(QWidget):
    """Signals: ``date_selected(date)`` as the selection moves; ``date_activated(date)`` on
    Enter or double-click; ``range_changed(date, date)`` when another month or week shows;
    ``finished_painting()`` after each paint."""

    date_selected = Signal(object)
    date_activated = Signal(object)
    range_changed = Signal(object, object)
    finished_painting = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.selected = today
        self.week_mode = False
        self.by_day: dict[date, list[PlanItem]] = defaultdict(list)
        # A cell's lines, and the same lines elided to its width, for its room and width: kept
        # until the items, the font or the screen change (``_widths_in``), so a repaint (hover,
        # focus, the window) only draws.
        self._lines: dict[tuple[date, int, int], tuple[list[str], list[str]]] = {}
        self._notes: dict[date, str | None] = {}  # day_note of each painted day, until then
        self._widths: tuple[tuple[str, int, float], TextWidths] | None = None  # _widths_in
        self.companies: dict[int, str] = {}
        self.work_calendar: WorkCalendar | None = None
        self.zone: object = None
        self.painted: dict[date, list[str]] = {}  # the lines each cell showed when last painted
        self._source: object = None  # the items the page shown was filled from
        self._shown_page: Page | None = None  # its page, until the items or the range change
        self._kept = Pictures()
        self._dates: LocaleDates | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Every pixel is the grid's own (a page's picture, or ``_draw``, fills the whole
        # widget): Qt then paints no background of the page beneath it at each page turn.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName("Calendar")
        self._describe()

    # -- what is shown -------------------------------------------------------------------

    @property
    def dates(self) -> LocaleDates:
        """How days and times read here: the user's locale, relative to ``today``."""
        if self._dates is None or self._dates.today != self.today:
            self._dates = LocaleDates(self.today)
        return self._dates

    def first_day(self, selected: date | None = None) -> date:
        """The day at the top left (with ``selected`` chosen, if given): weeks start on the
        locale's first day (Sunday in en_US, Monday in en_GB)."""
        selected = selected or self.selected
        start = self.dates.first_weekday()
        day = selected if self.week_mode else selected.replace(day=1)
        return day - timedelta(days=(day.weekday() - start) % 7)

    def days(self) -> list[date]:
        return self._days_from(self.selected)

    def _days_from(self, selected: date) -> list[date]:
        count = 7 if self.week_mode else 42
        start = self.first_day(selected)
        return [start + timedelta(days=i) for i in range(count)]

    def visible_range(self, selected: date | None = None) -> tuple[date, date]:
        """First day shown and the day after the last (with ``selected`` chosen, if given)."""
        start = self.first_day(selected)
        return start, start + timedelta(days=7 if self.week_mode else 42)

    def paged(self, step: int) -> date:
        """The day selected after paging ``step`` months (weeks, in week mode) on, kept within
        the days the domain accepts (followup_desktop/date_range.py)."""
        if self.week_mode:
            return within(self.selected + timedelta(days=7 * step))
        return within(self._shift_months(step))

    def can_page(self, step: int) -> bool:
        """Whether paging ``step`` on shows another month (week): not beyond the domain's
        first or last day, where the page button is disabled and Page Up/Down do nothing."""
        return self.visible_range(self.paged(step)) != self.visible_range()

    def set_items(
        self,
        items: list[PlanItem],
        zone: object,
        companies: dict[int, str] | None = None,
        work_calendar: WorkCalendar | None = None,
    ) -> None:
        """``companies``: names by application id; ``work_calendar`` marks holidays and days
        off on their days. Other items come in a new list: the same list given again, with
        the same names, is taken as the same page (the picture kept of it is shown)."""
        self.zone = zone
        self.companies = companies or {}
        self.work_calendar = work_calendar
        self.by_day = by_day(items, zone)
        self._source = items
        self._shown_page = None
        self._lines.clear()
        self._notes.clear()
        self._describe()
        self.update()

    def set_week_mode(self, week: bool) -> None:
        before = self.visible_range()
        self.week_mode = week
        self._changed(before)

    def select(self, day: date) -> None:
        """Select ``day``, or the nearest day the domain accepts (arrows stop at its ends)."""
        day = within(day)
        before = self.visible_range()
        self.selected = day
        self._changed(before)
        self.date_selected.emit(day)

    def _changed(self, before: tuple[date, date]) -> None:
        self._shown_page = None
        self._describe()
        self.update()
        if self.visible_range() != before:
            self.range_changed.emit(*self.visible_range())

    def _describe(self) -> None:
        count = len(self.by_day.get(self.selected, []))
        things = "nothing" if count == 0 else f"{count} item" + ("s" if count > 1 else "")
        note = day_note(self.work_calendar, self.selected)
        off = f" ({note})" if note else ""
        self.setAccessibleDescription(f"{self.dates.long_day(self.selected)}{off}: {things}")

    def cell_lines(
        self,
        day: date,
        room: int,
        widths: TextWidths | None = None,
        width: int = 0,
        page: Page | None = None,
    ) -> list[str]:
        """What a cell with ``room`` lines shows: entries, the last line "+N more" when they
        do not all fit. An entry whose time would crowd out the company (wider than ``width``
        in ``widths``) drops the time: the tooltip and the day list still give it. Of the
        page shown, or of ``page`` (one drawn ahead)."""
        if page is None:
            days, companies = self.by_day, self.companies
        else:
            days, companies = page.by_day, page.companies
        all_items = days.get(day, [])
        items = all_items
        if len(items) > room:  # only what is shown is written out (and measured)
            items = items[: max(room - 1, 0)]
        texts = []
        for item in items:
            company = companies.get(item.application_id, "")
            text = entry(item, company, self.zone, self.dates)
            fits = widths is None or widths.advance(text) <= width
            texts.append(text if fits else entry(item, company, self.zone, self.dates, False))
        hidden = len(all_items) - len(texts)
        return [*texts, f"+{hidden} more"] if hidden else texts

    # -- painting ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(760, 520)

    def _cell(self, index: int) -> QRect:
        columns, rows = 7, (1 if self.week_mode else 6)
        header = 26
        width = self.width() / columns
        height = (self.height() - header) / rows
        column, row = index % 7, index // 7
        return QRect(
            int(column * width), int(header + row * height), int(width) - 1, int(height) - 1
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """The page's picture (drawn ahead, or now and kept), then the selection's ring over
        it: moving the selection within a page and the window's repaints only copy pixels."""
        page = self._page_shown()
        picture = self._kept.holding(page, self._look())
        if picture is None:
            picture = self._keep(page)
        else:
            self._kept.shown(picture)
        painter = QPainter(self)
        if picture.pixmap is None:  # a screen whose fonts a picture would not match
            picture.painted = self._draw(painter, page)
        else:
            painter.drawPixmap(0, 0, picture.pixmap)
        self.painted = picture.painted
        if self.selected in page.days:
            cell = self._cell(page.days.index(self.selected))
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRect(cell.adjusted(1, 1, -1, -1))
            painter.drawRect(cell.adjusted(2, 2, -2, -2))
        painter.end()
        self.finished_painting.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        """Pictures are a window's worth of pixels each: none are kept for a hidden page."""
        self._kept.clear()
        super().hideEvent(event)

    def prepare(self, selected: date, items: list[PlanItem], companies: dict[int, str]) -> None:
        """Draw ahead the page that shows ``selected``, with the items and company names a
        turn to it will bring (``set_items`` with the same list): the turn then only copies
        its pixels. The zone and work calendar are the page's now (another makes other
        items, so the picture is not used)."""
        if not self.isVisible() or self._most_pictures() < 2:
            return
        if self.first_day(selected) == self._page_shown().first:
            return
        page = self._page(selected, by_day(items, self.zone), items, companies)
        if self._kept.holding(page, self._look()) is None:  # else drawn ahead already
            self._keep(page)

    def _page_shown(self) -> Page:
        if self._shown_page is None:
            self._shown_page = self._page(self.selected, self.by_day, self._source, self.companies)
        return self._shown_page

    def _page(
        self,
        selected: date,
        days_items: dict[date, list[PlanItem]],
        source: object,
        companies: dict[int, str],
    ) -> Page:
        """The page that shows ``selected``, filled from ``source``."""
        days = self._days_from(selected)
        month = 0 if self.week_mode else selected.month  # a week mutes no day
        return Page(days[0], days, month, days_items, source, companies)

    def _look(self) -> tuple[object, ...]:
        """What a picture's pixels depend on besides its page's items: size, screen, palette,
        font, today, the week or month, and the zone and calendar the items are placed by."""
        return (
            self.size().toTuple(),
            self.devicePixelRatioF(),
            self.logicalDpiY(),
            self.palette().cacheKey(),
            # palette() answers in the colour group of the moment: disabled, or the window
            # inactive (grey selection colours on Windows, macOS and KDE), under one cacheKey
            self.palette().currentColorGroup(),
            self.font().key(),
            self.today,
            self.week_mode,
            self.zone,
            self.work_calendar,  # by value: a day off added in Settings draws anew
        )

    def _keep(self, page: Page) -> Picture:
        """The page drawn into a picture, kept with at most the two pages around it."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        if pixmap.isNull() or pixmap.logicalDpiY() != self.logicalDpiY():
            # drawn on the widget at each paint (fonts sized for its screen)
            picture = Picture(self._look(), page, None, {})
        else:
            painter = QPainter(pixmap)
            picture = Picture(self._look(), page, pixmap, self._draw(painter, page))
            painter.end()
        self._kept.put(picture, self._page_shown().first, self._most_pictures())
        return picture

    def _most_pictures(self) -> int:
        return most_pictures(self.width(), self.height(), self.devicePixelRatioF())

    def _draw(self, painter: QPainter, page: Page) -> dict[date, list[str]]:
        """The page without the selection's ring; the lines each cell shows."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = tone(Tone.MUTED, palette)  # readable on this theme, unlike some placeholders
        base = palette.color(QPalette.ColorRole.Base)
        grid = palette.color(QPalette.ColorRole.Mid)
        off_day = palette.color(QPalette.ColorRole.AlternateBase)
        accent = palette.color(QPalette.ColorRole.Highlight)
        # Opaque even where a theme's window colour is see-through: the grid tells Qt that
        # every pixel is its own, so nothing is painted beneath to show through.
        painter.fillRect(self.rect(), QColor(palette.color(QPalette.ColorRole.Window).rgb()))
        width = self.width() / 7
        # Every attribute resolved: a painter on a pixmap fills the unset ones (the size, when
        # only the application's font was ever set) from QApplication.font(), a painter on
        # the widget from the widget's font, which can differ (the app's style sheet set).
        font = QFont(self.font())
        font.setResolveMask(0xFFFFFFFF)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(muted)
        for column in range(7):
            name = self.dates.short_weekday(page.first + timedelta(days=column))
            painter.drawText(
                QRect(int(column * width), 0, int(width), 24), Qt.AlignmentFlag.AlignCenter, name
            )
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.86)
        line = painter.fontMetrics().height()
        widths = self._widths_in(small)
        item_line = widths.metrics.height() + 2
        colours: dict[ItemState, QColor] = {}  # per paint: the palette may have changed
        shown = page is self._shown_page
        painted = {}
        for index, day in enumerate(page.days):
            cell = self._cell(index)
            if day not in self._notes:
                self._notes[day] = day_note(self.work_calendar, day)
            note = self._notes[day]
            painter.fillRect(cell, off_day if note else base)
            painter.setPen(grid)
            painter.drawRect(cell)
            number = QRect(cell.left() + 6, cell.top() + 3, cell.width() - 12, line)
            painter.setFont(bold if day == self.today else font)
            if day == self.today:
                badge = QRect(number.left() - 3, number.top(), line + 10, line)
                painter.setBrush(accent)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRoundedRect(badge, 8, 8)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(day.day))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                other = not self.week_mode and day.month != page.month
                painter.setPen(muted if other else text)
                label_text = f"{day.day}" if self.week_mode is False else self.dates.day(day)
                painter.drawText(number, Qt.AlignmentFlag.AlignLeft, label_text)
            painter.setFont(small)
            if note:
                painter.setPen(muted)
                tag = QRect(number.left() + line + 12, number.top(), 0, line)
                tag.setRight(cell.right() - 4)
                painter.drawText(
                    tag,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    painter.fontMetrics().elidedText(
                        note, Qt.TextElideMode.ElideRight, tag.width()
                    ),
                )
            items = page.by_day.get(day, [])
            room = max((cell.height() - line - 8) // item_line, 0)
            room_width = cell.width() - 10
            key = (day, room, room_width)
            cached = self._lines.get(key) if shown else None
            if cached is None:
                lines = self.cell_lines(day, room, widths, room_width, page)
                cached = lines, [widths.elided(t, room_width) for t in lines]
                if shown:
                    self._lines[key] = cached
            lines, drawn = cached
            painted[day] = lines
            y = cell.top() + line + 6
            for position, text_line in enumerate(drawn):
                more = len(items) > room and position == len(lines) - 1
                state = items[position].state
                if more:
                    painter.setPen(muted)
                else:
                    if state not in colours:
                        colours[state] = state_colour(state, palette)
                    painter.setPen(colours[state])
                # In a rect, not at a baseline: a glyph from a fallback font (✉ or ☎ where the
                # UI font has none, a name in another script) moves the line as Qt lays it
                # out, and the alignment follows a right-to-left layout.
                rect = QRect(cell.left() + 6, y, room_width, item_line)
                painter.drawText(rect, LEFT_MIDDLE, text_line)
                y += item_line
        return painted

    def _widths_in(self, font: QFont) -> TextWidths:
        """The entries' widths in ``font`` here, kept across paints while the font and the
        screen's resolution stay (its metrics then measure the same). Another font or screen
        measures afresh, and the cells' lines are made again with the new widths."""
        key = (font.key(), self.logicalDpiY(), self.devicePixelRatioF())
        if self._widths is None or self._widths[0] != key:
            widths = TextWidths(QFontMetrics(font, self), QFontMetricsF(font, self))
            self._widths = key, widths
            self._lines.clear()
        return self._widths[1]

    def event(self, event: QEvent) -> bool:
        """A day's tooltip names its holiday or day off and its entries in full."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self._day_at(event.pos().x(), event.pos().y())
            text = self.tooltip(day) if day is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip(self, day: date) -> str:
        """The holiday or day off, then every entry with its kind in words."""
        note = day_note(self.work_calendar, day)
        parts = [note[0].upper() + note[1:]] if note else []
        for item in self.by_day.get(day, []):
            company = self.companies.get(item.application_id, "")
            parts.append(f"{label(item)}" + (f" ({company})" if company else ""))
        return "\n".join(parts)

    # -- input ---------------------------------------------------------------------------

    def _day_at(self, x: int, y: int) -> date | None:
        for index, day in enumerate(self.days()):
            if self._cell(index).contains(x, y):
                return day
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(int(event.position().x()), int(event.position().y()))
        if day is not None:
            self.select(day)
        self.setFocus()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(int(event.position().x()), int(event.position().y()))
        if day is not None:
            self.date_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in moves:
            self.select(self.selected + timedelta(days=moves[Qt.Key(key)]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = -1 if key == Qt.Key.Key_PageUp else 1
            if self.can_page(step):
                self.select(self.paged(step))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_T):
            self.select(self.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.date_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def _shift_months(self, months: int) -> date:
        year, month = divmod(self.selected.year * 12 + self.selected.month - 1 + months, 12)
        last = stdcalendar.monthrange(year, month + 1)[1]
        return self.selected.replace(year=year, month=month + 1, day=min(self.selected.day, last))
