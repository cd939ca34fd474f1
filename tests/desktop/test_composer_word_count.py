"""The word count turns the error colour past the limit, and back: the colour the user sees,
as the app's style sheet resolves it, not only the property behind it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session
from followup_desktop.status_palette import style_tokens


def shown_colour(label: QLabel) -> str:
    QApplication.processEvents()
    return label.palette().color(label.foregroundRole()).name()


def painted_colours(label: QLabel) -> set[str]:
    """The colours of the pixels the label really paints (text and its antialiasing)."""
    image = label.grab().toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    }


@pytest.mark.usefixtures("app_style_sheet")
def test_the_limit_colour_applies_and_goes_again(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    tokens = style_tokens()
    error, muted = tokens["@error"], tokens["@muted"]
    assert error != muted
    count = composer.word_count
    composer.editor.setPlainText("Thank you for the interview. " * 10)
    composer.run_check()
    assert count.property("over") is False
    assert shown_colour(count) == muted
    composer.editor.setPlainText("Thank you for the interview. " * 80)  # 400 words
    composer.run_check()
    assert count.text().startswith("400 /")
    assert shown_colour(count) == error
    assert error in painted_colours(count)
    composer.editor.setPlainText("Thank you.")
    composer.run_check()
    assert shown_colour(count) == muted
    assert error not in painted_colours(count)
