"""What the calendar says of an item: the glyph, word and mark of its kind and state, its
entry in a day's cell, its words for screen readers, and why a day is off. Kind and state
are said by a glyph and a word as well as by colour, so nothing depends on telling red from
green."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF

from followup.plan import ItemKind, ItemState, PlanItem
from followup.workdays import WorkCalendar
from followup_desktop.locale_dates import LocaleDates

KIND_GLYPHS = {
    ItemKind.INTERVIEW: "◆",
    ItemKind.LETTER: "✉",
    ItemKind.CALL: "☎",
    ItemKind.CLOSE: "○",
    ItemKind.INQUIRY: "?",
    ItemKind.FIND_CONTACT: "+",
}
KIND_WORDS = {
    ItemKind.INTERVIEW: "Interview",
    ItemKind.LETTER: "Letter",
    ItemKind.CALL: "Call",
    ItemKind.CLOSE: "Close",
    ItemKind.INQUIRY: "Inquiry",
    ItemKind.FIND_CONTACT: "Contact",
}
STATE_MARKS = {
    ItemState.DONE: "✓ ",
    ItemState.OVERDUE: "! ",
    ItemState.CANCELLED: "– ",
    ItemState.MISSED: "– ",
}


def label(item: PlanItem) -> str:
    """``! ✉ Letter: Dana Müller``: state mark, kind glyph and word, who or what (for screen
    readers, where the glyph alone says little)."""
    who = item.title.split(" to ", 1)[1] if " to " in item.title else item.title.split(": ")[-1]
    return (
        f"{STATE_MARKS.get(item.state, '')}{KIND_GLYPHS[item.kind]} {KIND_WORDS[item.kind]}: {who}"
    )


def own_time(item: PlanItem, zone: object, dates: LocaleDates) -> str | None:
    """An interview's start ("14:30"); other steps are due by the end of the day and have no
    time of their own."""
    if item.kind is not ItemKind.INTERVIEW or item.due is None:
        return None
    return dates.time(item.due.astimezone(zone))  # type: ignore[arg-type]


def entry(
    item: PlanItem, company: str, zone: object, dates: LocaleDates, with_time: bool = True
) -> str:
    """``! ◆ 14:30 Acme``: the glyph says the kind, so a cell's few characters go to the
    company (and the interview's time, unless ``with_time`` is off for a narrow cell)."""
    when = own_time(item, zone, dates) if with_time else None
    name = company or label(item).split(": ", 1)[-1]
    return f"{STATE_MARKS.get(item.state, '')}{KIND_GLYPHS[item.kind]} " + (
        f"{when} {name}" if when else name
    )


def elided(text: str, metrics: QFontMetricsF, width: int, advance: float | None = None) -> str:
    """``text`` cut with "…" to ``width``; most entries fit, and measuring (to the fraction
    of a pixel, as eliding does; ``advance`` if measured already) is cheaper than eliding.
    (U+009C separates a text's length variants, of which eliding picks one.)"""
    if "\x9c" not in text:
        if advance is None:
            advance = metrics.horizontalAdvance(text)
        if advance <= width:
            return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class TextWidths:
    """How wide texts are in one font on one screen, each measured once. A cell's entries
    recur month after month (an application's interview, letter and call all name its
    company): paging through a history of 10,000 interviews meets about a hundred distinct
    lines, and measuring them was a fifth of a new month's paint."""

    MOST_TEXTS = 4096  # then all are forgotten, and measured again as they come

    def __init__(self, metrics: QFontMetrics, exact: QFontMetricsF) -> None:
        self.metrics = metrics
        self.exact = exact
        self._whole: dict[str, int] = {}
        self._exact: dict[str, float] = {}
        self._cut: dict[tuple[str, int], str] = {}

    def advance(self, text: str) -> int:
        """In whole pixels, as ``QFontMetrics.horizontalAdvance``."""
        found = self._whole.get(text)
        if found is None:
            self._forget_if_full(self._whole)
            found = self._whole[text] = self.metrics.horizontalAdvance(text)
        return found

    def elided(self, text: str, width: int) -> str:
        """``elided`` in this font: ``text``, or cut with "…" to ``width``."""
        found = self._cut.get((text, width))
        if found is None:
            advance = self._exact.get(text)
            if advance is None:
                self._forget_if_full(self._exact)
                advance = self._exact[text] = self.exact.horizontalAdvance(text)
            self._forget_if_full(self._cut)
            found = self._cut[text, width] = elided(text, self.exact, width, advance)
        return found

    def _forget_if_full(self, kept: dict[Any, Any]) -> None:
        if len(kept) >= self.MOST_TEXTS:
            kept.clear()


def day_note(calendar: WorkCalendar | None, day: date) -> str | None:
    """Why a working-week day is off (a public holiday's name, "your day off"); weekends are
    not marked, the grid's columns already say them."""
    if calendar is None or day.weekday() not in calendar.workdays:
        return None
    return calendar.why_not_business(day)
