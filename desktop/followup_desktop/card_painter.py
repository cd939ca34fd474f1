"""How a card is drawn from its words (``CardFace``).

Start-up draws Today's kept cards with these before the domain or Qt's ``Qt`` namespace is
loaded (reading ``Qt`` builds 93 Python enums, 12 ms): text flags are Qt's numbers, words are
laid out and coloured here (``words``), and eliding is done here, the same way for the kept
cards and the live ones. A Today with no cards never imports this module (its painting
types cost start-up about 4 ms): the lists are ``card_list``'s.
"""

from __future__ import annotations

from functools import cache
from math import ceil
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QTextBoundaryFinder,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
)
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

from followup_desktop import item_roles
from followup_desktop.card_list import CardList
from followup_desktop.status_palette import STATE_TONES, Tone, tone
from followup_desktop.today_face import CardFace

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat, QTextLayout

Index = QModelIndex | QPersistentModelIndex
# Qt's numbers (Qt::AlignmentFlag, Qt::TextFlag), so drawing needs no ``Qt``.
ALIGN_LEFT = 0x0001
ALIGN_RIGHT = 0x0002
ALIGN_TOP = 0x0020
ALIGN_VCENTER = 0x0080
WORD_WRAP = 0x1000
ELLIPSIS = "…"

STATE_ICONS = {
    "OVERDUE": "overdue",
    "DUE": "due",
    "UPCOMING": "upcoming",
    "WAITING": "waiting",
    "DONE": "done",
    "CANCELLED": "waiting",
    "MISSED": "waiting",
}


def elided(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut at the right with "…" to fit ``width`` (whole when it fits), between
    whole characters as the reader sees them: never inside an emoji sequence or a flag."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    cuts = _grapheme_starts(text)  # the longest prefix that fits, with the ellipsis
    low, high = 0, len(cuts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[: cuts[middle]].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[: cuts[low]].rstrip() + ELLIPSIS


def _grapheme_starts(text: str) -> list[int]:
    """Where each grapheme starts, as ``str`` indices (Qt counts UTF-16 units)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    units = set()
    position = finder.toNextBoundary()
    while position != -1:
        units.add(position)
        position = finder.toNextBoundary()
    starts, unit = [0], 0
    for index, character in enumerate(text):
        unit += 2 if ord(character) > 0xFFFF else 1
        if unit in units and index + 1 < len(text):
            starts.append(index + 1)
    return starts


TEXT = QPalette.ColorRole.WindowText


@cache
def _ink(rgba: int) -> QPalette:
    """A palette whose text is this colour (its brush fills the accent bar)."""
    palette = QPalette()
    palette.setColor(TEXT, QColor.fromRgba(rgba))
    return palette


@cache
def _coloured(rgba: int) -> QTextCharFormat:
    """Words in this colour (``words``)."""
    from PySide6.QtGui import QTextCharFormat  # noqa: PLC0415  (as in ``words``)

    ink = QTextCharFormat()
    ink.setForeground(_ink(rgba).brush(TEXT))
    return ink


def words(painter: QPainter, rect: QRect, flags: int, rgba: int, text: str) -> None:
    """Words in a colour, placed in ``rect`` by ``flags`` as ``QPainter.drawText`` places
    them in the app's left-to-right windows: in the window's direction (a title that starts
    in Hebrew keeps its order); lines on whole pixels, spaced by the font's leading; left or
    right, top or centred; wrapped at word boundaries with WORD_WRAP; cut at the rectangle;
    line breaks, returns and tabs as drawText takes them. Laid out here and coloured by their
    format: setting the pen builds PySide's ``Qt`` namespace (12 ms), and a style's
    ``drawItemText`` QStyle's enums (5 ms), which Today's first paint need not wait for.
    Laid-out words are kept: a repaint draws them again without laying them out."""
    metrics = painter.fontMetrics()  # the painter's font on its device
    key = (text, painter.font().key(), metrics.height(), flags, rect.width(), rect.height(), rgba)
    laid = _LAID.get(key)
    if laid is None:
        if len(_LAID) >= MOST_LAID:
            _LAID.clear()
        laid = _LAID[key] = _laid_out(text, painter, metrics, rect, flags, rgba)
    at = QPointF(rect.left(), rect.top() + laid.y)
    if laid.fits:
        laid.layout.draw(painter, at)
        return
    painter.save()  # cut at the rectangle, within any clip already set, as drawText does
    if painter.hasClipping():  # (a clip path would be cut as its region: only rectangles here)
        painter.setClipRegion(painter.clipRegion().intersected(rect))
    else:
        painter.setClipRect(rect)
    laid.layout.draw(painter, at)
    painter.restore()


class _Laid(NamedTuple):
    layout: QTextLayout
    y: float  # where it starts below the rectangle's top
    fits: bool  # whole inside the rectangle: drawn without a clip


_LAID: dict[tuple[object, ...], _Laid] = {}
MOST_LAID = 2_000  # some 25 lines of text a card: Today's cards many times over


def _laid_out(
    text: str, painter: QPainter, metrics: QFontMetrics, rect: QRect, flags: int, rgba: int
) -> _Laid:
    from PySide6.QtGui import QFontMetricsF, QTextLayout  # noqa: PLC0415  (not for no cards)

    shown = _left_to_right(_as_drawn(text))
    layout = QTextLayout(shown, painter.font())
    span = QTextLayout.FormatRange()
    span.start, span.length = 0, len(shown) + sum(ord(c) > 0xFFFF for c in shown)  # UTF-16 units
    span.format = _coloured(rgba)
    layout.setFormats([span])
    layout.setCacheEnabled(True)  # its glyphs kept with it, for the repaints
    # One line unless WORD_WRAP: a line as wide as it needs (not QTextOption's NoWrap, whose
    # type builds three more enums before the first paint).
    width = rect.width() if flags & WORD_WRAP else 1 << 24
    leading = QFontMetricsF(metrics).leading()
    top, bottom, left, right = float(-leading), 0.0, float(rect.width()), 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        top = float(ceil(top + leading))
        advance = line.horizontalAdvance()  # each line to its side, by its advance
        x = rect.width() - advance if flags & ALIGN_RIGHT else 0.0
        line.setPosition(QPointF(x, top))
        bottom = top + line.ascent() + line.descent()  # centred on the ink's lines
        top += line.height()
        left, right = min(left, x), max(right, x + advance)
    layout.endLayout()
    y = (rect.height() - bottom) / 2 if flags & ALIGN_VCENTER else 0.0
    fits = QRectF(0, 0, rect.width(), rect.height()).contains(QRectF(left, y, right - left, top))
    return _Laid(layout, y, fits)


def _as_drawn(text: str) -> str:
    """The characters drawText changes before it lays words out: a line break breaks the
    line, a return or a tab is a space; of length variants (U+009C between them) the first."""
    text = text.partition("\x9c")[0]
    return text.replace("\n", "\u2028").replace("\r", " ").replace("\t", " ")


def _left_to_right(text: str) -> str:
    """Words whose first strong letter is right to left get a left-to-right mark in front:
    drawText lays them out in the window's direction, a QTextLayout in their own, and the
    direction as a value would be a ``Qt`` enum. (Others stay as they are: a font without
    the mark would take another's line height for it.)"""
    if text.isascii():
        return text
    from unicodedata import bidirectional  # noqa: PLC0415

    for character in text:
        kind = bidirectional(character)
        if kind == "L":
            return text
        if kind in ("R", "AL"):
            return "\u200e" + text
    return text


def _rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    if radius:
        path.addRoundedRect(rect, radius, radius)
    else:
        path.addRect(rect)
    return path


class CardPainter(QStyledItemDelegate):
    """A card: state icon and word, the title, when, and the reason in smaller text. The
    words come from ``face(index)``: the row's CardFace (subclasses make it from a plan)."""

    PADDING = 14
    STATE_WIDTH = 130  # the state's icon and word, before the title
    WHEN_WIDTH = 170  # the date and time, right-aligned after it
    LINE = 22  # a narrow card moves the title to a line of its own, this tall

    def __init__(self, parent: QListView | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, int, str, bool], int] = {}

    def face(self, index: Index) -> CardFace:
        face: CardFace = index.data(item_roles.CARD_FACE)
        return face

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The card's height at the width it is painted at: the list's own (Qt asks with
        rectangles of several widths, and a height measured at one but painted at another
        made cards overlap), or ``option.rect``'s when a caller measures without the list.
        Heights depend only on the reason's text, the width and the font: kept, since the
        list asks for every row's height whenever rows come or go."""
        face = self.face(index)
        view = option.widget
        card = view.card_width() if isinstance(view, CardList) else option.rect.width()
        inner = self._inner(QRect(0, 0, max(card, 1), 1)).width()
        width = max(inner - 24, 1)  # the reason's, as painted
        own_line = not self._title_fits(face.title, option.font, inner)
        key = (face.reason, width, option.font.key(), own_line)
        known = self._heights.get(key)
        if known is None:
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.92)
            reason = QFontMetrics(small).boundingRect(
                QRect(0, 0, width, 100_000), WORD_WRAP, face.reason
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
        """Shapes are filled with brushes and words drawn in a palette's colour: the usual
        ``setPen``/``fillRect(rect, colour)`` make PySide build the ``Qt`` namespace."""
        face = self.face(index)
        palette = option.palette
        rect = QRectF(option.rect.adjusted(6, 4, -6, -4))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Asked of the list, not of ``option.state``: reading that builds every enum of
        # QStyle (about 6 ms), which Today's first paint need not wait for.
        view = option.widget
        selected = isinstance(view, QListView) and view.selectionModel().isSelected(index)
        border = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid
        painter.fillPath(_rounded(rect, 8), palette.brush(border))  # the outline: 1 pixel
        painter.fillPath(
            _rounded(rect.adjusted(1, 1, -1, -1), 7), palette.brush(QPalette.ColorRole.Base)
        )
        accent = tone(STATE_TONES.get(face.state, Tone.MUTED), palette).rgba()
        bar = QRectF(rect.left(), rect.top() + 8, 4, rect.height() - 16)
        painter.fillPath(_rounded(bar, 0), _ink(accent).brush(TEXT))
        inner = self._inner(option.rect)
        from followup_desktop.kept_pixels import icon_pixmap  # noqa: PLC0415  (not for no cards)

        # For the device's pixels (200 % scaling: twice the size), as ``icons`` paints it.
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        place = QRect(inner.left(), inner.top() + 1, 18, 18)
        painter.drawPixmap(place, icon_pixmap(STATE_ICONS[face.state], place.size(), ratio))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        state_rect = QRect(inner.left() + 24, inner.top(), self.STATE_WIDTH - 10, 20)
        words(painter, state_rect, ALIGN_LEFT | ALIGN_VCENTER, accent, face.word)
        own_line = not self._title_fits(face.title, option.font, inner.width())
        if own_line:  # whom and where matter more than one line: below the state and date
            title_rect = QRect(inner.left() + 24, inner.top() + self.LINE, inner.width() - 24, 20)
        else:
            space = inner.width() - self.STATE_WIDTH - self.WHEN_WIDTH
            title_rect = QRect(inner.left() + self.STATE_WIDTH, inner.top(), space, 20)
        title = elided(painter.fontMetrics(), face.title, title_rect.width())
        plain = palette.color(QPalette.ColorRole.Text).rgba()
        words(painter, title_rect, ALIGN_LEFT | ALIGN_VCENTER, plain, title)
        painter.setFont(option.font)
        muted = tone(Tone.MUTED, palette).rgba()  # readable on this theme
        when_rect = QRect(inner.right() - self.WHEN_WIDTH, inner.top(), self.WHEN_WIDTH, 20)
        words(painter, when_rect, ALIGN_RIGHT | ALIGN_VCENTER, muted, face.when)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        painter.setFont(small)
        below = 26 + (self.LINE if own_line else 0)
        words(
            painter,
            inner.adjusted(24, below, 0, 0),
            ALIGN_LEFT | ALIGN_TOP | WORD_WRAP,
            muted,
            face.reason,
        )
        painter.restore()

    def _title_fits(self, title: str, font: QFont, inner_width: int) -> bool:
        """Whether the title fits whole between the state and the date."""
        bold = QFont(font)
        bold.setBold(True)
        space = inner_width - self.STATE_WIDTH - self.WHEN_WIDTH
        return QFontMetrics(bold).horizontalAdvance(title) <= space
