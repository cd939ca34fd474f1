"""Today's cards: how one planned step is drawn (state, whom, when, why) and the list that
holds them, which can say when its cards have painted (start-up waits for that)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from followup.plan import ItemKind, ItemState, PlanItem
from followup_desktop.icons import icon
from followup_desktop.plan_items import (
    Index,
    ItemRole,
    reason_on_both_clocks,
    state_word,
)
from followup_desktop.session import Session
from followup_desktop.status_palette import Tone, state_colour, tone

STATE_ICONS = {
    ItemState.OVERDUE: "overdue",
    ItemState.DUE: "due",
    ItemState.UPCOMING: "upcoming",
    ItemState.WAITING: "waiting",
    ItemState.DONE: "done",
    ItemState.CANCELLED: "waiting",
    ItemState.MISSED: "waiting",
}


class CardDelegate(QStyledItemDelegate):
    """A card: state icon and word, the title, when, and the reason in smaller text."""

    PADDING = 14
    STATE_WIDTH = 130  # the state's icon and word, before the title
    WHEN_WIDTH = 170  # the date and time, right-aligned after it
    LINE = 22  # a narrow card moves the title to a line of its own, this tall

    def __init__(
        self, session: Session, parent: QWidget | None = None, phones: dict[int, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._heights: dict[tuple[str, int, str, bool], int] = {}
        self.phones = phones if phones is not None else {}  # by contact id, for call cards

    def title(self, item: PlanItem) -> str:
        """The call card says whom to call and the number to dial."""
        if item.kind is not ItemKind.CALL or item.contact_id is None:
            return item.title
        phone = self.phones.get(item.contact_id, "")
        return f"{item.title} · {phone}" if phone else f"{item.title} · no phone number yet"

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The card's height at the width it is painted at: the list's own (Qt asks with
        rectangles of several widths, and a height measured at one but painted at another
        made cards overlap), or ``option.rect``'s when a caller measures without the list.
        Heights depend only on the reason's text, the width and the font: kept, since the
        list asks for every row's height whenever rows come or go."""
        item: PlanItem = index.data(ItemRole)
        view = option.widget
        card = view.card_width() if isinstance(view, CardList) else option.rect.width()
        inner = self._inner(QRect(0, 0, max(card, 1), 1)).width()
        width = max(inner - 24, 1)  # the reason's, as painted
        own_line = not self._title_fits(item, option.font, inner)
        reason_text = self.reason(item)
        key = (reason_text, width, option.font.key(), own_line)
        known = self._heights.get(key)
        if known is None:
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.92)
            reason = QFontMetrics(small).boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, reason_text
            )
            known = reason.height() + 2 * QFontMetrics(option.font).height() + 2 * self.PADDING + 6
            known += self.LINE if own_line else 0
            if len(self._heights) > 20_000:
                self._heights.clear()
            self._heights[key] = known
        return QSize(width, known)

    def _inner(self, card: QRect) -> QRect:
        """Where the card's words go inside the row's rectangle ``card``."""
        rect = card.adjusted(6, 4, -6, -4)
        return rect.adjusted(self.PADDING + 4, self.PADDING - 4, -self.PADDING, -self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: PlanItem = index.data(ItemRole)
        palette = option.palette
        rect = option.rect.adjusted(6, 4, -6, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Asked of the list, not of ``option.state``: reading that builds every enum of
        # QStyle (about 6 ms), which Today's first paint need not wait for.
        view = option.widget
        selected = isinstance(view, QListView) and view.selectionModel().isSelected(index)
        base = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(border)
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 8, 8)
        accent = state_colour(item.state, option.palette)
        painter.fillRect(QRect(rect.left(), rect.top() + 8, 4, rect.height() - 16), accent)
        inner = self._inner(option.rect)
        icon(STATE_ICONS[item.state]).paint(painter, QRect(inner.left(), inner.top() + 1, 18, 18))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(accent)
        state_rect = QRect(inner.left() + 24, inner.top(), self.STATE_WIDTH - 10, 20)
        painter.drawText(state_rect, Qt.AlignmentFlag.AlignVCenter, state_word(item))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        own_line = not self._title_fits(item, option.font, inner.width())
        if own_line:  # whom and where matter more than one line: below the state and date
            title_rect = QRect(inner.left() + 24, inner.top() + self.LINE, inner.width() - 24, 20)
        else:
            space = inner.width() - self.STATE_WIDTH - self.WHEN_WIDTH
            title_rect = QRect(inner.left() + self.STATE_WIDTH, inner.top(), space, 20)
        metrics = painter.fontMetrics()
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self.title(item), Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        painter.setFont(option.font)
        muted = tone(Tone.MUTED, palette)  # readable on this theme, unlike some placeholders
        painter.setPen(muted)
        when = self._when(item)
        painter.drawText(
            QRect(inner.right() - self.WHEN_WIDTH, inner.top(), self.WHEN_WIDTH, 20),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        painter.setFont(small)
        below = 26 + (self.LINE if own_line else 0)
        painter.drawText(
            inner.adjusted(24, below, 0, 0), Qt.TextFlag.TextWordWrap, self.reason(item)
        )
        painter.restore()

    def _title_fits(self, item: PlanItem, font: QFont, inner_width: int) -> bool:
        """Whether the title fits whole between the state and the date."""
        bold = QFont(font)
        bold.setBold(True)
        space = inner_width - self.STATE_WIDTH - self.WHEN_WIDTH
        return QFontMetrics(bold).horizontalAdvance(self.title(item)) <= space

    def reason(self, item: PlanItem) -> str:
        """The line under the title: the reason, its time on both clocks when abroad."""
        return reason_on_both_clocks(item, self.session.zone, self.session.dates())

    def _when(self, item: PlanItem) -> str:
        if item.due is None:
            return ""
        local = item.due.astimezone(self.session.zone)
        dates = self.session.dates()
        day = dates.near_day(local.date())
        return f"{day}, {dates.time(local)}" if item.kind is not ItemKind.CLOSE else day


class CardList(QListView):
    """A list of cards that can say when its cards have painted. (The viewport is Qt's own
    widget: its first Python wrapper makes PySide build every widget class, about 8 ms, so
    start-up never asks for it.)"""

    entered = Signal()  # the user came to this list (a click, Tab)

    def __init__(self) -> None:
        super().__init__()
        self._after_paint: list[Callable[[], None]] = []
        self._viewport_width: int | None = None  # from the viewport's resize events

    def card_width(self) -> int:
        """How wide each card is painted: the viewport's width less the spacing each side."""
        width = self._viewport_width
        if width is None:
            width = self.maximumViewportSize().width()
        return width - 2 * self.spacing()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.entered.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.entered.emit()  # a click in a list that has the focus already, or no focus at all
        super().mousePressEvent(event)

    def after_next_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the cards' next paint has reached the screen."""
        self._after_paint.append(then)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent) and event.size().width() != self._viewport_width:
            self._viewport_width = event.size().width()
            self.scheduleDelayedItemsLayout()  # the reasons wrap anew: every height changes
        if self._after_paint and event.type() == QEvent.Type.Paint:
            waiting, self._after_paint = self._after_paint, []
            for then in waiting:
                QTimer.singleShot(0, then)  # after this paint, as ``on_first_paint``
        return super().viewportEvent(event)
