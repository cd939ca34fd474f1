"""The calendar's pages kept as pictures (``CalendarGrid``): which page a picture shows, when
it still holds, and how many are kept. A page turn to a page drawn ahead only copies pixels."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from PySide6.QtGui import QPixmap

from followup.plan import PlanItem

# Pages kept as pictures: the one shown and the two around it, in at most this many bytes
# (three pages of a 1100 x 720 window at twice the pixels take 24 MiB). On a larger grid fewer
# are kept: only the page shown where one alone takes more than half of it (nothing is drawn
# ahead then).
MOST_PICTURES = 3
MOST_PICTURE_BYTES = 32 * 1024 * 1024


class Page(NamedTuple):
    """One month (week) of the grid with its entries: ``source`` is the list of items its
    days were filled from, so a page made again from another list is drawn again."""

    first: date
    days: list[date]
    month: int  # the selected day's: the other months' day numbers are muted (0: a week)
    by_day: dict[date, list[PlanItem]]
    source: object
    companies: dict[int, str]

    def made_as(self, other: Page) -> bool:
        return (
            self.first == other.first
            and self.month == other.month
            and self.source is other.source
            and self.companies == other.companies
        )


@dataclass
class Picture:
    """A page drawn without the selection's ring, with what its pixels depend on besides the
    page (``look``: size, screen, palette, font, today...); ``pixmap`` None where a picture
    would not match the widget (then the page is drawn at each paint)."""

    look: tuple[object, ...]
    page: Page
    pixmap: QPixmap | None
    painted: dict[date, list[str]]  # the lines each cell shows

    def holds(self, page: Page, look: tuple[object, ...]) -> bool:
        return self.look == look and self.page.made_as(page)


def by_day(items: list[PlanItem], zone: object) -> dict[date, list[PlanItem]]:
    """Items under the day they are due in ``zone``, in time order (those with no time left
    out: nothing places them on a day)."""
    days: dict[date, list[PlanItem]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (i.due is None, i.due)):
        if item.due is not None:
            days[item.due.astimezone(zone).date()].append(item)  # type: ignore[arg-type]
    return days


def most_pictures(width: int, height: int, ratio: float) -> int:
    """How many pictures of a grid this size fit in ``MOST_PICTURE_BYTES`` (one at least)."""
    each = max(width * ratio, 1) * max(height * ratio, 1) * 4
    return max(1, min(MOST_PICTURES, int(MOST_PICTURE_BYTES // each)))


class Pictures(dict[date, Picture]):
    """Pictures by their page's first day, the least recently shown first."""

    def holding(self, page: Page, look: tuple[object, ...]) -> Picture | None:
        """The picture of ``page`` if it still shows what drawing the page now would."""
        picture = self.get(page.first)
        return picture if picture is not None and picture.holds(page, look) else None

    def shown(self, picture: Picture) -> None:
        """``picture`` is on screen: the last that pictures drawn ahead push out."""
        self[picture.page.first] = self.pop(picture.page.first)

    def put(self, picture: Picture, shown: date, most: int) -> None:
        """Keep ``picture``, and at most ``most`` in all: the oldest go, never the page
        ``shown``'s."""
        self.pop(picture.page.first, None)
        self[picture.page.first] = picture
        while len(self) > most:
            del self[next(day for day in self if day != shown)]
