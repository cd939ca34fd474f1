"""SVG icons shipped in resources/icons, rendered crisp at every size the style asks for."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 48, 64, 128, 256)


@cache
def icon(name: str) -> QIcon:
    data = (resources.files("followup_resources") / "icons" / f"{name}.svg").read_bytes()
    renderer = QSvgRenderer(QByteArray(data))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
        result.addPixmap(_white(pixmap), QIcon.Mode.Selected)
    return result


def _white(pixmap: QPixmap) -> QPixmap:
    """The same shape in white, for selected rows on the accent colour."""
    white = QPixmap(pixmap)
    painter = QPainter(white)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(white.rect(), Qt.GlobalColor.white)
    painter.end()
    return white
