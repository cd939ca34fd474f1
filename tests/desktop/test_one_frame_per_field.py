"""A multi-line field (the letter, a postal address, call notes, the call script) is one box:
its padding is painted as the field, not as a grey band between the frame and the text that
looks like a second box inside the first."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.plain_text import PlainText


def band_and_inside(field: QWidget) -> tuple[QColor, QColor]:
    """The colour just inside the frame (where the padding is) and in the middle of the
    empty field, where the text would be."""
    image: QImage = field.grab().toImage()
    middle = image.height() // 2
    frame = 2  # the frame's line itself, and its anti-aliased edge
    return QColor(image.pixel(frame + 2, middle)), QColor(image.pixel(image.width() // 2, middle))


@pytest.mark.parametrize("kind", [PlainText, QTextBrowser])
@pytest.mark.parametrize("dark", [False, True])
def test_the_padding_is_painted_as_the_field(
    qtbot: QtBot, app_style_sheet: str, kind: type[QWidget], dark: bool
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if dark:
        palette = QPalette(before)
        palette.setColor(QPalette.ColorRole.Window, QColor("#31363b"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#232629"))
        app.setPalette(palette)
        app.setStyleSheet(app_style_sheet)  # palette() in the sheet is read when applied
    try:
        field = kind()
        qtbot.addWidget(field)
        field.resize(300, 90)
        field.show()
        band, inside = band_and_inside(field)
        base = field.palette().color(QPalette.ColorRole.Base)
        assert inside == base
        assert band == inside, f"a band of {band.name()} around the text: a box in a box"
        field.setEnabled(False)  # disabled: all of it the same, too
        band, inside = band_and_inside(field)
        assert band == inside
    finally:
        app.setPalette(before)
