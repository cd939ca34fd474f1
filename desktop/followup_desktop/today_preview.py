"""Today drawn before the domain loads: from the copy kept for start-up (``today_copy``), or,
for a database that holds nothing yet, the first-run page (``first_run_today``). The same
frame and cards as the live page, which takes its place once planned. It shows and selects
as Today does; the first-run page's button, pressed meanwhile, is passed on to the live page.
It does nothing else (there is nothing yet to act on)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
)
from PySide6.QtWidgets import QWidget

from followup_desktop import item_roles
from followup_desktop.first_paint import on_first_paint
from followup_desktop.today_face import LOADING, CardFace, TodayFace, first_run_face
from followup_desktop.today_frame import TodayFrame

LOADING_FACE = TodayFace("", "", "", LOADING, False, (), ())


class FaceModel(QAbstractListModel):
    """Kept cards, answering as the live page's model does for its plan items."""

    def __init__(self, cards: tuple[CardFace, ...]) -> None:
        super().__init__()
        self.cards = cards

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        return {
            item_roles.CARD_FACE: card,
            item_roles.DISPLAY: card.name,
            item_roles.TOOLTIP: card.tip,
            item_roles.ACCESSIBLE_TEXT: card.spoken,
        }.get(role)


class TodayPreview(TodayFrame):
    """The kept face, until ``until``: past it, should the live page still not be there (a
    dialog about the database, a slow disk), it says "Loading…" rather than words that may
    no longer hold."""

    def __init__(
        self, face: TodayFace, until: datetime, now: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.face = face
        self._waiting: list[Callable[[], None]] = []
        # "Add an application…" pressed before the live page came: it asks once it is there.
        self.add_asked = False
        self.start.clicked.connect(self._ask_to_add)
        self.week = FaceModel(face.week)
        self.after = FaceModel(face.after)
        self.list.setModel(self.week)
        self.coming_list.setModel(self.after)
        if face.week or face.after:  # no cards, nothing to paint them with (see card_painter)
            from followup_desktop.card_painter import CardPainter  # noqa: PLC0415

            self.list.setItemDelegate(CardPainter(self.list))
            self.coming_list.setItemDelegate(CardPainter(self.coming_list))
        self.show_face(face, len(face.week), len(face.after))
        if face.week:  # the first card is chosen, as on the live page
            self.list.setCurrentIndex(self.week.index(0))
            self.act.setText(face.week[0].action)
            self.act.show()
        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        # To the millisecond, by Qt::PreciseTimer's number (no ``Qt`` namespace before the
        # first paint): a coarse timer may fire 5 % late, minutes past midnight after hours.
        self.expiry.setProperty("timerType", 0)
        self.expiry.timeout.connect(self.expire)
        left = (until - now).total_seconds()
        self.expiry.start(max(0, min(int(left * 1000) + 1, 2**31 - 1)))

    def _ask_to_add(self) -> None:
        self.add_asked = True

    def expire(self) -> None:
        self.show_face(LOADING_FACE, 0, 0, loaded=False)
        self.act.hide()

    def when_painted(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the kept data is on screen (as ``TodayView.when_data_painted``);
        several in the order asked."""
        self._waiting.append(then)
        if len(self._waiting) > 1:
            return
        if self.face.week:
            self.list.after_next_paint(self._painted)
        elif self.face.after:
            self.coming_list.after_next_paint(self._painted)
        else:
            on_first_paint(self.empty, self._painted)

    def _painted(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()


def kept_today(database: Path, now: datetime, *, guessed: bool = False) -> TodayPreview | None:
    """Today from the kept copy, when it holds for this database and moment (else None);
    ``guessed`` as ``today_copy.kept_stretch``."""
    from followup_desktop.today_copy import kept_stretch, locale_key  # noqa: PLC0415

    stretch = kept_stretch(database, now, locale_key(QLocale()), guessed=guessed)
    return None if stretch is None else TodayPreview(stretch.face, stretch.end, now)


def first_run_today(now: datetime) -> TodayPreview | None:
    """The first-run page, for a database that holds nothing yet (``first_look``): what the
    live Today shows there, whatever the plans, until the day changes in the system's zone
    (the one the plans use while the user has chosen none). None when the zone cannot be
    read now: start-up goes on as without it."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from followup.system_zone import system_zone_name  # noqa: PLC0415
    from followup_desktop.locale_dates import LocaleDates  # noqa: PLC0415

    try:
        zone = ZoneInfo(system_zone_name())
    except (LookupError, ValueError, OSError):  # the live page says what is wrong
        return None
    day = now.astimezone(zone).date()
    face = first_run_face(LocaleDates(day).long_day(day))
    # The next midnight, as ``timeline.next_midnight`` has it (not imported: it needs the plans).
    return TodayPreview(face, datetime.combine(day + timedelta(days=1), time(0), zone), now)
