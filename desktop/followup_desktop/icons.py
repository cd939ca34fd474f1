"""SVG icons shipped in resources/icons, rendered crisp at whatever size is asked for, when
it is asked for (not every size up front: that cost start-up time). Each size drawn is kept
as its exact pixels (``kept_pixels``), and drawn from them the next time."""

from __future__ import annotations

from functools import cache, partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import (
    QColor,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)

from followup_desktop.kept_pixels import kept_or_drawn, picture

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer


class SvgIconEngine(QIconEngine):
    """Renders on demand; the selected mode is the same shape in white (for the accent)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data
        self._renderer: QSvgRenderer | None = None  # QtSvg loads for the first size not kept
        self.cache: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Rendered for the device's pixels (200 % scaling: twice the size), never stretched.
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        physical = QSize(round(size.width() * scale), round(size.height() * scale))
        pixmap = self._render(physical, mode)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def _render(self, size: QSize, mode: QIcon.Mode) -> QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self.cache:
            draw = partial(self._drawn, size, mode)
            selected = mode is QIcon.Mode.Selected
            self.cache[key] = kept_or_drawn(self.data, size, draw, selected=selected)
        return QPixmap(self.cache[key])

    def _drawn(self, size: QSize, mode: QIcon.Mode) -> QPixmap:
        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

            self._renderer = QSvgRenderer(QByteArray(self.data))
        pixmap = QPixmap(size)
        pixmap.fill(QColor.fromRgba(0))  # transparent; no ``Qt`` (see card_painter)
        painter = QPainter(pixmap)
        self._renderer.render(painter)
        if mode is QIcon.Mode.Selected:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            whole = QPainterPath()
            whole.addRect(pixmap.rect())
            painter.fillPath(whole, _white().brush(QPalette.ColorRole.Window))
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.data)


@cache
def _white() -> QPalette:
    """White, as a palette's brush: ``fillRect(rect, colour)`` and ``QBrush(colour)`` build
    PySide's ``Qt`` namespace (12 ms), which a selected icon in the first paint need not."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor.fromRgba(0xFFFFFFFF))
    return palette


@cache
def icon(name: str) -> QIcon:
    return QIcon(SvgIconEngine(picture(name)))


def drawn_pixels(name: str, size: QSize) -> QPixmap:
    """The icon drawn now at exactly ``size`` pixels in the normal mode: for
    ``kept_pixels.icon_pixmap`` when nothing is kept for it yet."""
    return SvgIconEngine(picture(name))._drawn(size, QIcon.Mode.Normal)
