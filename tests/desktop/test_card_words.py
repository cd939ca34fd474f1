"""A card's words are laid out by ``card_painter.words`` (no pen is set: that would build
PySide's ``Qt`` namespace before Today's first paint). They must land exactly where
``QPainter.drawText`` puts them, in the same colour: pixel for pixel."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from followup_desktop.card_painter import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    ALIGN_TOP,
    ALIGN_VCENTER,
    WORD_WRAP,
    words,
)

INK = 0xFF8A2BE2  # a colour no default pen has
PLACES = {
    "left, centred": (QRect(10, 10, 220, 20), ALIGN_LEFT | ALIGN_VCENTER),
    "right, centred": (QRect(10, 40, 220, 20), ALIGN_RIGHT | ALIGN_VCENTER),
    "wrapped from the top": (QRect(10, 70, 220, 120), ALIGN_LEFT | ALIGN_TOP | WORD_WRAP),
}


def drawn(
    text: str, rect: QRect, flags: int, *, by_qt: bool, bold: bool = False, clip: bool = False
) -> QImage:
    image = QImage(240, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    if clip:  # a clip set before, as a view may: the words stay inside it too
        painter.setClipRect(QRect(0, 0, 120, 200))
    font = QFont(QApplication.font())
    font.setBold(bold)
    painter.setFont(font)
    if by_qt:
        painter.setPen(QColor.fromRgba(INK))
        painter.drawText(rect, flags, text)
    else:
        words(painter, rect, flags, INK, text)
    painter.end()
    return image


@pytest.mark.parametrize("clip", [False, True])
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(
    "text",
    [
        "Thank-you letter to Chris Okafor at Globex Health",
        "Tue, 24 Nov, 17:00",
        "Two business days after the interview on Sat, 21 Nov: by 17:00 on Tue, 24 Nov. The "
        "weekend moved this to Tuesday, and the letter still goes out on time.",
        "Call Zoë 👩🏽‍💻 at Ünïcödé GmbH 🇩🇪",
        "مقابلة مع شركة النور للتقنية",  # right to left: Qt still places it by the flags
        "שיחה עם דנה · Call Dana at 17:00",
        "",
    ],
)
def test_words_land_where_draw_text_puts_them(
    qapp: QApplication, place: str, text: str, clip: bool
) -> None:
    rect, flags = PLACES[place]
    ours = drawn(text, rect, flags, by_qt=False, clip=clip)
    assert ours == drawn(text, rect, flags, by_qt=True, clip=clip)
    if text:
        assert any(
            ours.pixel(x, y) == INK for x in range(ours.width()) for y in range(ours.height())
        ), "drawn in the colour asked for"


@settings(max_examples=25, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120),
    place=st.sampled_from(sorted(PLACES)),
    bold=st.booleans(),
    clip=st.booleans(),
)
def test_any_words_land_as_draw_text_puts_them(
    qapp: QApplication, text: str, place: str, bold: bool, clip: bool
) -> None:
    rect, flags = PLACES[place]
    assert drawn(text, rect, flags, by_qt=False, bold=bold, clip=clip) == drawn(
        text, rect, flags, by_qt=True, bold=bold, clip=clip
    )
