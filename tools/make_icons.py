"""Render the app icon (resources/icons/app.svg) into every size and format the platforms want:
hicolor PNGs 16-512 px (shipped in the package for the desktop entry), a Windows .ico and a
macOS .icns. Run with `make icons` after editing the SVG; the outputs are committed."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.interview_followup.InterviewFollowUp"
SVG = ROOT / "resources" / "icons" / "app.svg"
HICOLOR = ROOT / "resources" / "desktop" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        folder = HICOLOR / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        image.save(folder / f"{APP_ID}.png", optimize=True)
    images[256].save(
        ROOT / "packaging" / "windows" / "interview-followup.ico",
        sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)],
    )
    images[512].save(ROOT / "packaging" / "macos" / "interview-followup.icns")
    print(f"icons written for {len(SIZES)} sizes, .ico and .icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
