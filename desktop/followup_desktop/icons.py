"""SVG icons shipped in resources/icons, rendered crisp at whatever size is asked for, when
it is asked for (not every size up front: that cost start-up time).

Each size drawn is also kept, as its exact pixels, in the user's cache folder (``icons/``,
named by all the pixels depend on: ``_kept_file``): the next start draws Today's first cards
from those pixels without loading QtSvg and parsing the picture (about 3.5 ms before the
first paint). A kept file that is missing, damaged or of another picture is no more than a
miss: the SVG is drawn as before, and kept anew.
"""

from __future__ import annotations

import sys
import zlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize, qVersion
from PySide6.QtGui import (
    QColor,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)

from followup.paths import read_small, write_whole
from followup_desktop.cache_folder import cache_folder, private_cache_folder

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

# Raise the number when ``_drawn`` draws differently: pixels kept before are then not used.
KEPT_FORMAT = b"followup-icon 1\n"
# The end of a kept file's name: Qt's own version (its renderer) and the pixels' byte order.
_ENDING = f"-qt{qVersion()}-{sys.byteorder}.pixels"


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
            kept = _kept_file(self.data, size, mode)
            image = _read_kept(kept, size)
            if image is not None:
                self.cache[key] = QPixmap.fromImage(image)
            else:
                self.cache[key] = self._drawn(size, mode)
                _keep(kept, self.cache[key].toImage())
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


def _kept_file(data: bytes, size: QSize, mode: QIcon.Mode) -> Path:
    """Where this picture's pixels at this size are kept, named by
    all they depend on: the picture, the size, whether selected (the other modes are drawn
    alike) and ``_ENDING``."""
    picture = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    look = "selected" if mode is QIcon.Mode.Selected else "normal"
    name = f"{picture}-{size.width()}x{size.height()}-{look}{_ENDING}"
    return cache_folder() / "icons" / name


def _read_kept(path: Path, size: QSize) -> QImage | None:
    """The kept pixels, exactly as drawn (premultiplied, not re-encoded); None for anything
    else: no file, or a short, long, foreign or odd one (``read_small``)."""
    length = len(KEPT_FORMAT) + size.width() * size.height() * 4
    raw = read_small(path, length)
    if raw is None or len(raw) != length or not raw.startswith(KEPT_FORMAT):
        return None
    body = raw[len(KEPT_FORMAT) :]
    image = QImage(body, size.width(), size.height(), QImage.Format.Format_ARGB32_Premultiplied)
    return image.copy()  # its own pixels, not the bytes read


def _keep(path: Path, image: QImage) -> None:
    """Keep the pixels for the next start (files of another Qt or byte order go: they are
    never read again); a cache: if it cannot be written, no matter."""
    from followup.errors import InvalidInput  # noqa: PLC0415

    if image.format() != QImage.Format.Format_ARGB32_Premultiplied:  # not as read back
        return
    try:
        private_cache_folder(path.parent.name)
        write_whole(path, KEPT_FORMAT + bytes(image.constBits()))
        for old in path.parent.glob("*.pixels"):
            if not old.name.endswith(_ENDING):
                old.unlink(missing_ok=True)
    except (OSError, InvalidInput):
        return


@cache
def _white() -> QPalette:
    """White, as a palette's brush: ``fillRect(rect, colour)`` and ``QBrush(colour)`` build
    PySide's ``Qt`` namespace (12 ms), which a selected icon in the first paint need not."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor.fromRgba(0xFFFFFFFF))
    return palette


@cache
def icon(name: str) -> QIcon:
    import followup_resources  # noqa: PLC0415

    data = followup_resources.read_bytes("icons", f"{name}.svg")
    return QIcon(SvgIconEngine(data))
