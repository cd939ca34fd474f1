"""A message said beside a field is shown whole: the dialog grows to hold it. Seen under Xvfb
in Mark as sent: "the time the letter was sent is in the future; record it once it has
happened" wraps to two lines, and the window kept its height, so the message was squeezed
into one line's height under the buttons."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QPoint, QTime, QTimeZone
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from followup.model import Channel, Letter
from followup_desktop.composer.send_dialog import SendDialog

from .conftest import NOW


def test_a_wrapped_message_gets_the_room_it_needs(qtbot: QtBot) -> None:
    def check(channel: Channel, sent_at: datetime) -> None:
        Letter(0, 1, 1, channel, sent_at).check(NOW)

    zone = ZoneInfo("America/New_York")
    dialog = SendDialog(Channel.EMAIL, NOW, zone, "Priya Raman, Head of Operations", check=check)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    tomorrow = QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone(b"America/New_York"))
    dialog.when.setDateTime(tomorrow)
    dialog.accept()
    message = next(
        label
        for label in dialog.findChildren(QLabel)
        if label.accessibleName() == "Problem with Sent at"
    )
    assert message.isVisible()
    assert "in the future" in message.text()
    needed = message.heightForWidth(message.width())
    assert needed > message.fontMetrics().height(), "the message wraps at this width"
    qtbot.waitUntil(lambda: message.height() >= needed, timeout=1000)
    bottom = message.mapTo(dialog, QPoint(0, message.height())).y()
    assert bottom <= dialog.ok.mapTo(dialog, QPoint(0, 0)).y()  # above the buttons
    assert dialog.height() > before
