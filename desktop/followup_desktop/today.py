"""Today: what to do now, overdue first, each with its reason and one action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError
from followup.plan import ItemKind, ItemState, PlanItem
from followup_desktop.accessibility import named
from followup_desktop.coming_up import ComingUpModel
from followup_desktop.first_paint import on_first_paint
from followup_desktop.icons import icon
from followup_desktop.plan_items import (
    DAYS_AHEAD,
    FOLD_AFTER,
    SUGGESTIONS,
    AgendaModel,
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
ACTIONS = {
    ItemKind.LETTER: "Write the letter",
    ItemKind.CALL: "Open the call assistant",
    ItemKind.CLOSE: "Close the process",
    ItemKind.INQUIRY: "Write the inquiry",
    ItemKind.FIND_CONTACT: "Add a contact",
    ItemKind.INTERVIEW: "Open the interview",
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
        """Heights depend only on the reason's text, the width and the font: kept, since the
        list asks for every row's height whenever rows come or go."""
        item: PlanItem = index.data(ItemRole)
        width = max(option.rect.width(), 420) - 2 * self.PADDING - 40
        own_line = not self._title_fits(item, option.font, width + 24)  # inner width
        reason_text = self.reason(item)
        key = (reason_text, width, option.font.key(), own_line)
        known = self._heights.get(key)
        if known is None:
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.92)
            reason = QFontMetrics(small).boundingRect(
                QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, reason_text
            )
            known = reason.height() + 2 * QFontMetrics(option.font).height() + 2 * self.PADDING + 6
            known += self.LINE if own_line else 0
            if len(self._heights) > 20_000:
                self._heights.clear()
            self._heights[key] = known
        return QSize(width, known)

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
        inner = rect.adjusted(self.PADDING + 4, self.PADDING - 4, -self.PADDING, -self.PADDING)
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

    def __init__(self) -> None:
        super().__init__()
        self._after_paint: list[Callable[[], None]] = []

    def after_next_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the cards' next paint has reached the screen."""
        self._after_paint.append(then)

    def viewportEvent(self, event: QEvent) -> bool:
        if self._after_paint and event.type() == QEvent.Type.Paint:
            waiting, self._after_paint = self._after_paint, []
            for then in waiting:
                QTimer.singleShot(0, then)  # after this paint, as ``on_first_paint``
        return super().viewportEvent(event)


class TodayView(QWidget):
    """Signals: ``action_requested(PlanItem)`` when the user acts on a card;
    ``add_requested()`` when a first-time user asks to add an application."""

    action_requested = Signal(object)
    add_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AgendaModel(session)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        # Applications ready to close, folded into this one line when there are many.
        self.fold = named(QPushButton(), "Applications ready to close", style="fold")
        self.fold.setFlat(True)
        self.fold.setCheckable(True)
        self.fold.hide()
        self.fold.toggled.connect(self.model.set_expanded)
        self.list = CardList()
        self.list.setModel(self.model)
        self.phones: dict[int, str] = {}  # shared by both lists' call cards
        self.list.setItemDelegate(CardDelegate(session, self.list, self.phones))
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(2)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setAccessibleName("Things to do")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.activated.connect(self._activate)
        self.coming = ComingUpModel(session)
        self.coming_heading = QLabel("After this week")
        self.coming_heading.setObjectName("subheading")  # under the page's own heading
        self.coming_list = CardList()
        self.coming_list.setModel(self.coming)
        self.coming_list.setItemDelegate(CardDelegate(session, self.coming_list, self.phones))
        self.coming_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.coming_list.setFrameShape(QListView.Shape.NoFrame)
        self.coming_list.setSpacing(2)  # its cards line up with the week's
        self.coming_list.setWordWrap(True)  # cards measured at the list's width, as above
        self.coming_list.setAccessibleName("After this week")
        self.coming_list.setUniformItemSizes(False)
        self.coming_list.activated.connect(self._activate)
        self.empty = QLabel("Nothing to do today. Every letter is sent and every call made.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("empty")
        self.act = QPushButton()
        self.act.setDefault(True)
        self.act.setAccessibleName("Do the selected item")
        self.act.clicked.connect(lambda: self._activate(self.list.currentIndex()))
        self.start = named(QPushButton("Add an application…"), "Add your first application")
        self.start.clicked.connect(self.add_requested)
        self.start.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.fold, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.list, 1)
        self.placeholder = QWidget()  # the message and its button, together in the middle
        middle = QVBoxLayout(self.placeholder)
        middle.addStretch(1)
        middle.addWidget(self.empty)
        middle.addWidget(self.start, 0, Qt.AlignmentFlag.AlignCenter)
        middle.addStretch(1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.coming_heading)
        layout.addWidget(self.coming_list, 1)
        layout.addWidget(self.act, 0, Qt.AlignmentFlag.AlignRight)
        self.list.selectionModel().currentChanged.connect(self._update_button)
        self.model.changed.connect(self._reload_coming)
        self._refresh()

    def when_data_painted(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the user's data is on screen: the week's cards, the cards after
        this week, or the empty state (a paint is asked for, in case none was due)."""
        shown: QWidget = self.empty
        if self.model.rows:
            self.list.after_next_paint(then)
            shown = self.list  # its viewport, a child, is painted with it
        elif self.coming.rows:
            self.coming_list.after_next_paint(then)
            shown = self.coming_list
        else:
            on_first_paint(self.empty, then)
        shown.update()

    def _reload_coming(self) -> None:
        self.coming.reload()
        self._find_phones()
        self._refresh()

    def _find_phones(self) -> None:
        """Only the few contacts that call cards name, read once per reload."""
        self.phones.clear()
        for item in self.model.rows + self.coming.rows:
            if item.kind is ItemKind.CALL and item.contact_id is not None:
                try:
                    self.phones[item.contact_id] = self.session.repo.contact(item.contact_id).phone
                except FollowUpError:  # gone or unreadable: the card says there is no number
                    self.phones[item.contact_id] = ""

    def _refresh(self) -> None:
        now = self.session.now().astimezone(self.session.zone)
        self.heading.setText(f"Today, {self.session.dates().long_day(now.date())}")
        rows = self.model.rows
        overdue = sum(1 for r in rows if r.state is ItemState.OVERDUE)
        due = sum(1 for r in rows if r.state is ItemState.DUE and r.kind not in SUGGESTIONS)
        parts = [f"{overdue} overdue"] if overdue else []
        parts += [f"{due} due today"] if due else []
        ready = sum(1 for r in rows if r.state is ItemState.DUE and r.kind in SUGGESTIONS)
        folded = self.model.folded
        parts += [f"{ready + folded} ready to close or ask"] if ready + folded else []
        parts += [f"{len(rows) - overdue - due - ready} in the next {DAYS_AHEAD} days"]
        self.summary.setText(" · ".join(parts) if rows or folded else "")
        self._refresh_fold()
        first_run = self.model.loaded and not rows and not self.session.repo.has_applications()
        if not self.model.loaded:
            self.empty.setText("Loading…")
        elif first_run:
            self.empty.setText(
                "No interviews yet. Add the one you just had: the app works out "
                "when the thank-you letter is due, and why."
            )
        else:
            self.empty.setText("Nothing to do today. Every letter is sent and every call made.")
        self.empty.setWordWrap(True)
        coming = bool(self.coming.rows) and self.model.loaded
        self.coming_heading.setVisible(coming)
        self.coming_list.setVisible(coming)
        if coming and not rows:  # the week is clear, but the thread goes on: say what is next
            self.summary.setText(f"Nothing due in the next {DAYS_AHEAD} days.")
        self._fit_coming(fill=not rows)
        self.start.setVisible(first_run)
        self.placeholder.setVisible(not rows and not self.coming.rows)
        self.list.setVisible(bool(rows))
        if rows and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
        self._update_button()

    def _refresh_fold(self) -> None:
        count = self.model.ready
        self.fold.setVisible(count > FOLD_AFTER)
        self.fold.setChecked(self.model.expanded)
        self.fold.setText(
            f"▾ Hide the {count} applications ready to close"
            if self.model.expanded
            else f"▸ {count} applications ready to close: no reply after the quiet period"
        )

    def _fit_coming(self, fill: bool) -> None:
        """Below the week's cards, only as tall as its own cards; alone, it takes the page."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretchFactor(self.coming_list, 1 if fill else 0)
        self.coming_list.setMaximumHeight(16_777_215 if fill else self._coming_height() + 8)

    def _coming_height(self) -> int:
        """The cards' height at the list's own width (``sizeHintForRow`` measures a card
        420 pixels wide, so a wide page got a band of empty space under its cards)."""
        option = QStyleOptionViewItem()
        option.font = self.coming_list.font()
        # The viewport's width without asking for the viewport (see CardList): the list is
        # only as tall as its cards here, so no vertical scroll bar takes from it.
        option.rect = QRect(0, 0, self.coming_list.maximumViewportSize().width(), 0)
        delegate = self.coming_list.itemDelegate()
        spacing = 2 * self.coming_list.spacing()
        rows = range(self.coming.rowCount())
        return sum(delegate.sizeHint(option, self.coming.index(r)).height() + spacing for r in rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The cards' heights follow the width (reasons wrap): the list below fits again."""
        super().resizeEvent(event)
        if self.coming_list.isVisible():
            self._fit_coming(fill=not self.model.rows)

    def _update_button(self) -> None:
        index = self.list.currentIndex()
        item: PlanItem | None = index.data(ItemRole) if index.isValid() else None
        self.act.setVisible(item is not None)
        if item is not None:
            self.act.setText(ACTIONS[item.kind])

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.action_requested.emit(index.data(ItemRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.list.currentIndex())
            return
        super().keyPressEvent(event)
