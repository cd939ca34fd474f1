"""The "Mark the letter as sent" window is wide enough for its title in the window manager's
bar, beside the bar's icon and buttons. Found by the new-user trial under Openbox: the title
read "Mark the l… er as sent"."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from followup.model import Channel
from followup_desktop.composer.send_dialog import SendDialog

from .conftest import NOW

BAR = 160  # the bar's icon and its three buttons (Openbox: about 100 pixels), with room


def test_the_title_fits_the_window(qtbot: QtBot) -> None:
    dialog = SendDialog(Channel.EMAIL, NOW, ZoneInfo("America/New_York"), "Priya Raman")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    bold = QFont(dialog.font())  # title bars are mostly bold
    bold.setBold(True)
    title = QFontMetrics(bold).horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + BAR, (dialog.width(), title)
