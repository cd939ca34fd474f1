"""A card's words are laid out by ``card_painter.words`` (no pen is set: that would build
PySide's ``Qt`` namespace before Today's first paint). They must land exactly where
``QPainter.drawText`` puts them in the app's (left-to-right) windows, in the same colour: pixel
for pixel, at common font sizes and scales, in fonts with and without a leading."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter
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
TEXTS = [
    "Thank-you letter to Chris Okafor at Globex Health",
    "Tue, 24 Nov, 17:00",
    "Two business days after the interview on Sat, 21 Nov: by 17:00 on Tue, 24 Nov. The "
    "weekend moved this to Tuesday, and the letter still goes out on time.",
    "Call Zoë 👩🏽‍💻 at Ünïcödé GmbH 🇩🇪",
    "مقابلة مع شركة النور للتقنية",
    "שיחה עם דנה · Call Dana at 17:00",  # starts right to left: its order follows the window
    "A note\nover two lines,\ta tab and\ra return",
    "Interview at 17:00\x9cInterview",  # length variants: the first fits
    "",
]
WITH_LEADING = "DejaVu Math TeX Gyre"  # a font whose lines are spaced by a leading


def drawn(
    text: str,
    rect: QRect,
    flags: int,
    *,
    by_qt: bool,
    font: QFont | None = None,
    clip: bool = False,
    scale: float = 1.0,
) -> QImage:
    """The words on a white image, drawn as in a window: left to right (an image's painter
    would say "auto")."""
    image = QImage(round(240 * scale), round(200 * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    painter.setFont(font or QApplication.font())
    if clip:  # a clip set before, as a view may: the words stay inside it too
        painter.setClipRect(QRect(0, 0, 120, 200))
    if by_qt:
        painter.setPen(QColor.fromRgba(INK))
        painter.drawText(rect, flags, text)
    else:
        words(painter, rect, flags, INK, text)
    painter.end()
    return image


def same(text: str, place: str, **how: object) -> bool:
    rect, flags = PLACES[place]
    return drawn(text, rect, flags, by_qt=False, **how) == drawn(  # type: ignore[arg-type]
        text,
        rect,
        flags,
        by_qt=True,
        **how,  # type: ignore[arg-type]
    )


def sized(points: float, family: str | None = None, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    if family:
        font.setFamily(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


@pytest.mark.parametrize("clip", [False, True])
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("text", TEXTS)
def test_words_land_where_draw_text_puts_them(
    qapp: QApplication, place: str, text: str, clip: bool
) -> None:
    rect, flags = PLACES[place]
    ours = drawn(text, rect, flags, by_qt=False, clip=clip)
    assert ours == drawn(text, rect, flags, by_qt=True, clip=clip)
    if text and not clip:  # (a clip may leave none of it to see)
        assert any(
            ours.pixel(x, y) == INK for x in range(ours.width()) for y in range(ours.height())
        ), "drawn in the colour asked for"


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("points", [8, 9, 9.5, 10, 10.5, 11, 12, 14])
@pytest.mark.parametrize("place", PLACES)
def test_at_common_sizes_and_scales(
    qapp: QApplication, place: str, points: float, scale: float
) -> None:
    for bold in (False, True):
        assert same(TEXTS[2], place, font=sized(points, bold=bold), scale=scale), (points, bold)


@pytest.mark.parametrize("points", [9, 10, 11])
@pytest.mark.parametrize("place", PLACES)
def test_lines_spaced_by_the_fonts_leading(qapp: QApplication, place: str, points: float) -> None:
    if WITH_LEADING not in QFontDatabase.families():
        pytest.skip(f"{WITH_LEADING} is not installed (Debian's fonts-dejavu-extra)")
    font = sized(points, WITH_LEADING)
    assert QFontMetricsF(font).leading() > 0, "the font spaces its lines"
    assert same(TEXTS[2], place, font=font)


@settings(max_examples=25, deadline=None)
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x9c"), max_size=120
    ),
    place=st.sampled_from(sorted(PLACES)),
    bold=st.booleans(),
    clip=st.booleans(),
)
def test_any_words_land_as_draw_text_puts_them(
    qapp: QApplication, text: str, place: str, bold: bool, clip: bool
) -> None:
    assert same(text, place, font=sized(10, bold=bold), clip=clip)
