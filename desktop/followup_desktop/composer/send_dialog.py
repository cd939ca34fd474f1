""" "Mark as sent": which channel, and when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from followup.errors import FollowUpError
from followup.model import Channel
from followup_desktop.accessibility import named
from followup_desktop.field_errors import FieldErrors
from followup_desktop.locale_dates import day_edit_format, time_edit_format
from followup_desktop.wrapping import within_layout


class SendDialog(QDialog):
    def __init__(
        self,
        channel: Channel,
        now: datetime,
        zone: ZoneInfo,
        recipient: str,
        parent: QWidget | None = None,
        *,
        check: Callable[[Channel, datetime], None] | None = None,
    ) -> None:
        """``check``: the domain's rules for these values (raising ``InvalidInput`` naming the
        field); a refusal is shown beside that field and the dialog stays open."""
        super().__init__(parent)
        self.check = check
        self.setWindowTitle("Mark the letter as sent")
        self.zone = zone
        self.channel = QComboBox()
        for option in Channel:
            self.channel.addItem("E-mail" if option is Channel.EMAIL else "Post", option)
        self.channel.setCurrentIndex(list(Channel).index(channel))
        self.channel.setAccessibleName("Channel")
        self.when = QDateTimeEdit()
        zone_id = QTimeZone(zone.key.encode())
        self.when.setTimeZone(zone_id)
        # An exact instant, shown in the user's zone: no local-time guessing either way.
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()), zone_id))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(f"{day_edit_format()} {time_edit_format()}")
        self.when.setAccessibleName("Sent at")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mark as sent")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        note = within_layout(
            QLabel(f"The one follow-up letter to {recipient}. The call is planned a week after it.")
        )
        form.addRow(note)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields = FieldErrors(self.error)
        form.addRow("Sent by", self.fields.wrap("channel", self.channel))
        form.addRow("Sent at", self.fields.wrap("sent_at", self.when))
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.check is not None:
            try:
                self.check(self.chosen_channel(), self.sent_at())
            except FollowUpError as error:
                self.fields.show(error)
                return
        self.fields.clear()
        super().accept()

    def chosen_channel(self) -> Channel:
        return Channel(self.channel.currentData())  # Qt hands StrEnums back as str

    def sent_at(self) -> datetime:
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC).astimezone(self.zone)
