"""What the calendar says of an item: the glyph, word and mark of its kind and state, its
entry in a day's cell, its words for screen readers, and why a day is off. Kind and state
are said by a glyph and a word as well as by colour, so nothing depends on telling red from
green."""

from __future__ import annotations

from datetime import date

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


def day_note(calendar: WorkCalendar | None, day: date) -> str | None:
    """Why a working-week day is off (a public holiday's name, "your day off"); weekends are
    not marked, the grid's columns already say them."""
    if calendar is None or day.weekday() not in calendar.workdays:
        return None
    return calendar.why_not_business(day)
