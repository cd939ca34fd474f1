"""Today's cards as painted: the selected card is outlined in the highlight colour, the
others in the palette's mid tone (the delegate asks the list what is selected)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPalette
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.session import Session
from followup_desktop.today import TodayView


def edge_tint(image: QImage, rect: QRect) -> int:
    """How far from grey the card's top edge is (its outline, antialiased over two pixels)."""
    x = rect.center().x()
    return max(
        abs(image.pixelColor(x, y).blue() - image.pixelColor(x, y).red())
        for y in range(rect.top(), rect.top() + 9)
    )


def test_the_selected_card_is_outlined_in_the_highlight_colour(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = TodayView(session)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.model.reload()
    view.show()
    qtbot.waitExposed(view)
    assert view.model.rowCount() >= 2  # a letter to each interviewer
    view.list.setCurrentIndex(view.model.index(1))
    palette = view.list.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    mid = palette.color(QPalette.ColorRole.Mid)
    assert abs(highlight.blue() - highlight.red()) > 80 and abs(mid.blue() - mid.red()) < 10
    image = view.list.viewport().grab().toImage()
    unselected, selected = (
        edge_tint(image, view.list.visualRect(view.model.index(row))) for row in (0, 1)
    )
    assert selected > 40 > unselected, (selected, unselected)
