"""Icons' pixels kept in the user's cache folder (``icons/``), exactly as drawn, so the next
start draws Today's first cards from them: without loading QtSvg and parsing the picture
(about 3.5 ms), and without PySide's icon types (``QIcon``, ``QIconEngine``: about 1.5 ms to
set up) before the first paint. A file is named by all its pixels depend on (``_kept_file``);
one that is missing, damaged or of another picture is no more than a miss: the SVG is drawn
as before (``icons``), and kept anew."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize, qVersion
from PySide6.QtGui import QImage, QPixmap

from followup.paths import read_small, write_whole
from followup_desktop.cache_folder import cache_folder, private_cache_folder

# Raise the number when ``icons`` draws differently: pixels kept before are then not used.
KEPT_FORMAT = b"followup-icon 1\n"
# The end of a kept file's name: Qt's own version (its renderer) and the pixels' byte order.
_ENDING = f"-qt{qVersion()}-{sys.byteorder}.pixels"


@cache
def picture(name: str) -> bytes:
    """The icon's SVG, as shipped in ``resources/icons``."""
    import followup_resources  # noqa: PLC0415

    data: bytes = followup_resources.read_bytes("icons", f"{name}.svg")
    return data


def _kept_file(data: bytes, size: QSize, *, selected: bool) -> Path:
    """Where this picture's pixels at this size are kept, named by all they depend on: the
    picture, the size, whether selected (the other modes are drawn alike) and ``_ENDING``."""
    name = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    look = "selected" if selected else "normal"
    return cache_folder() / "icons" / f"{name}-{size.width()}x{size.height()}-{look}{_ENDING}"


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


def kept_or_drawn(
    data: bytes, size: QSize, draw: Callable[[], QPixmap], *, selected: bool = False
) -> QPixmap:
    """The picture ``data`` at exactly ``size`` pixels: the kept ones when they hold, else
    ``draw``'s, kept for the next time (and only drawn, if no cache folder can be named)."""
    try:
        path = _kept_file(data, size, selected=selected)
    except OSError:
        return draw()
    image = _read_kept(path, size)
    if image is not None:
        return QPixmap.fromImage(image)
    pixmap = draw()
    _keep(path, pixmap.toImage())
    return pixmap


_pixmaps: dict[tuple[str, int, int], QPixmap] = {}


def icon_pixmap(name: str, size: QSize, ratio: float) -> QPixmap:
    """The icon at ``size`` for a device of this pixel ratio, as ``icons.icon(name)`` paints
    it in the normal mode, without PySide's icon types unless it must be drawn."""
    physical = QSize(round(size.width() * ratio), round(size.height() * ratio))
    key = (name, physical.width(), physical.height())
    if key not in _pixmaps:

        def draw() -> QPixmap:
            from followup_desktop.icons import drawn_pixels  # noqa: PLC0415  (QtSvg: a miss)

            return drawn_pixels(name, physical)

        _pixmaps[key] = kept_or_drawn(picture(name), physical, draw)
    pixmap = QPixmap(_pixmaps[key])
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
