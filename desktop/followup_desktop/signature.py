"""The user's signature: imported (PNG, JPEG or SVG; a scan on white paper becomes
transparent) or drawn on a pad; kept in the user data folder, readable by the user only,
and used on printed letters only."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from followup.errors import InvalidInput

INK = QColor(20, 30, 80)
PAPER_LEVEL = 40  # inverted grey below this (paper, shadows of the scan) is fully clear
MAX_WIDTH = 1600  # pixels kept: plenty for 60 mm at 600 dpi


def signature_path(data_folder: Path) -> Path:
    return data_folder / "signature.png"


def load_image(path: Path) -> QImage:
    """A PNG, JPEG or SVG file as an image; InvalidInput names what is wrong."""
    if not path.is_file():
        raise InvalidInput(f"{path} does not exist")
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(QByteArray(path.read_bytes()))
        if not renderer.isValid():
            raise InvalidInput(f"{path.name} is not a readable SVG image")
        size = renderer.defaultSize()
        scale = max(1.0, 800 / max(size.width(), 1))
        image = QImage(
            int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image
    image = QImage(str(path))
    if image.isNull():
        raise InvalidInput(f"{path.name} is not a PNG, JPEG or SVG image")
    return image


def make_transparent(image: QImage) -> QImage:
    """Ink only: dark pixels become ink of the same darkness, paper becomes transparent.
    Done on the raw bytes with a lookup table: fast even for a large scan."""
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)  # a transparent PNG: its clear parts count as paper
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    grey.invertPixels()
    levels = bytes(
        0 if v < PAPER_LEVEL else min(255, (v - PAPER_LEVEL) * 255 // (255 - PAPER_LEVEL) * 3 // 2)
        for v in range(256)
    )
    data = bytes(grey.constBits()).translate(levels)
    alpha = QImage(
        data, grey.width(), grey.height(), grey.bytesPerLine(), QImage.Format.Format_Grayscale8
    ).copy()
    ink = QImage(grey.size(), QImage.Format.Format_ARGB32)
    ink.fill(INK)
    ink.setAlphaChannel(alpha)
    return _trim(ink)


def _trim(image: QImage) -> QImage:
    """Crop to the ink, with a small margin."""
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    width, height, stride = alpha.width(), alpha.height(), alpha.bytesPerLine()
    data = bytes(alpha.constBits())
    rows = [y for y in range(height) if any(data[y * stride : y * stride + width])]
    if not rows:
        raise InvalidInput("no signature found in the image (is it blank?)")
    columns = [
        x
        for x in range(width)
        if any(data[y * stride + x] for y in rows[:: max(1, len(rows) // 200)])
    ]
    left, right = (columns[0], columns[-1]) if columns else (0, width - 1)
    margin = 8
    return image.copy(
        max(left - margin, 0),
        max(rows[0] - margin, 0),
        min(right - left + 2 * margin, width),
        min(rows[-1] - rows[0] + 2 * margin, height),
    )


def save(image: QImage, path: Path) -> None:
    """Written as PNG, readable by the user only (mode 0600), replacing atomically; a folder
    that cannot be written (read-only, full) is said in words (``InvalidInput``)."""
    from followup.paths import write_whole  # noqa: PLC0415

    png = QBuffer()
    png.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(png, "PNG"):  # type: ignore[call-overload]  # PySide takes str here
        raise InvalidInput("the signature could not be made into a PNG image")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror or error}") from error
    write_whole(path, bytes(png.data().data()))  # 0600 before its first byte


def load(path: Path) -> QImage | None:
    image = QImage(str(path)) if path.exists() else QImage()
    return None if image.isNull() else image


class SignaturePad(QWidget):
    """Draw with mouse or pen; pressure widens a pen's stroke. Signals: ``changed()``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[tuple[QPointF, float]]] = []
        self.setMinimumSize(480, 180)
        self.setAccessibleName("Signature pad: draw your signature")
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self.strokes)

    def _add(self, point: QPointF, pressure: float, new: bool) -> None:
        if new or not self.strokes:
            self.strokes.append([])
        self.strokes[-1].append((point, pressure))
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._add(event.position(), 0.5, True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._add(event.position(), 0.5, False)

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind in (QTabletEvent.Type.TabletPress, QTabletEvent.Type.TabletMove):
            self._add(event.position(), event.pressure(), kind == QTabletEvent.Type.TabletPress)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor(200, 200, 200), 1, Qt.PenStyle.DashLine))
        base = self.height() * 0.75
        painter.drawLine(QPointF(20, base), QPointF(self.width() - 20, base))
        self._draw(painter, 1.0)
        painter.end()

    def _draw(self, painter: QPainter, scale: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self.strokes:
            for (a, pa), (b, pb) in itertools.pairwise(stroke):
                width = (1.2 + 2.6 * (pa + pb) / 2) * scale
                painter.setPen(QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawLine(a * scale, b * scale)

    def image(self, scale: float = 3.0) -> QImage:
        """The drawing at ``scale`` times screen size, transparent, cropped to the ink."""
        if self.is_empty():
            raise InvalidInput("draw your signature first")
        image = QImage(
            int(self.width() * scale), int(self.height() * scale), QImage.Format.Format_ARGB32
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._draw(painter, scale)
        painter.end()
        return _trim(image)
