"""Today's cards at any width: no two cards' rectangles overlap, and each card's words fit
inside the card it paints, also after the window is resized. (Found by the new-user trial:
cards touched or overlapped and had uneven heights. Qt asks the delegate for a card's height
with rectangles of several widths; measured at one and painted at another, a reason that
wraps differently gave a card a height its slot did not have.)"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from followup.model import Application, Contact, Round
from followup_desktop.plan_items import ItemRole
from followup_desktop.session import Session
from followup_desktop.today import TodayView
from followup_desktop.today_cards import CardDelegate

NY = ZoneInfo("America/New_York")


class Recording(CardDelegate):
    """The cards as painted: each one's rectangle and the height its words need there."""

    painted: dict[int, tuple[QRect, int]]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        item = index.data(ItemRole)
        pad = self.PADDING  # where ``paint`` puts the words: inside the outline, padded
        inner = option.rect.adjusted(6, 4, -6, -4).adjusted(pad + 4, pad - 4, -pad, -pad)
        own_line = not self._title_fits(self.title(item), option.font, inner.width())
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        reason = QFontMetrics(small).boundingRect(
            QRect(0, 0, inner.width() - 24, 100_000), Qt.TextFlag.TextWordWrap, self.reason(item)
        )
        words_bottom = inner.top() + 26 + (self.LINE if own_line else 0) + reason.height()
        self.painted[index.row()] = (QRect(option.rect), words_bottom)


def _interviews(session: Session) -> None:
    """Rounds whose reasons differ in length (holidays, weekends) and one long title."""
    repo = session.repo
    short = repo.add_application(Application(0, "Acme", "Engineer"))
    long = repo.add_application(
        Application(0, "Northwind Logistics International", "Senior Business Analyst")
    )
    people = [
        repo.add_contact(Contact(0, name)).id
        for name in ("Li Wei", "Dr. Sarah O'Neil", "Priya Raman", "Tomás Ibáñez")
    ]
    for app, day, who in (
        (short, 20, people[:1]),
        (long, 24, people[1:3]),
        (short, 25, people[3:]),
        (long, 26, people[:2]),
    ):
        start = datetime(2026, 11, day, 10, tzinfo=NY)
        end = datetime(2026, 11, day, 11, tzinfo=NY)
        repo.add_round(Round(0, app.id, start, end, "America/New_York", interviewer_ids=tuple(who)))


def test_cards_never_overlap_and_their_words_fit_at_any_width(
    qtbot: QtBot, session: Session
) -> None:
    _interviews(session)
    view = TodayView(session)
    qtbot.addWidget(view)
    delegate = Recording(session, view.list, view.phones)
    delegate.painted = {}
    view.list.setItemDelegate(delegate)
    view.resize(1200, 900)
    view.model.reload()
    view.show()
    qtbot.waitExposed(view)
    rows = view.model.rowCount()
    assert rows >= 6

    def fits() -> None:
        delegate.painted.clear()
        view.list.viewport().repaint()
        assert delegate.painted, "no card painted"
        slots = [view.list.visualRect(view.model.index(row)) for row in range(rows)]
        for above, below in pairwise(slots):
            assert above.bottom() < below.top(), (above, below)
        cards = sorted(delegate.painted.items())
        for (_, (above, _a)), (_, (below, _b)) in pairwise(cards):
            assert above.bottom() < below.top(), (above, below)
        for row, (card, words_bottom) in cards:
            assert card == slots[row], (row, card, slots[row])
            assert words_bottom <= card.bottom() - 4, (row, card, words_bottom)
        spare = {card.bottom() - words_bottom for _, (card, words_bottom) in cards}
        assert len(spare) == 1, f"each card as tall as its words need, no blank line: {spare}"

    for width in (1200, 1000, 900, 800, 700, 640, 1100):
        view.resize(width, 900)
        qtbot.waitUntil(fits, timeout=2000)
