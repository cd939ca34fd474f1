""" "Mark as sent", in one window: which channel and when; the letter's open errors, if any, to
confirm in so many words; and, when the domain would refuse this letter (a second one, one
dated before the interview ended), its reason with a box to go ahead as a recorded exception.
One reason, given once, is kept with the letter. Cancel writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from followup.checker import Finding
from followup.errors import FollowUpError, Refusal
from followup.model import Channel, Override
from followup.send_gate import exception
from followup_desktop.accessibility import named
from followup_desktop.composer.gate import findings_list
from followup_desktop.date_range import bound_moments
from followup_desktop.field_errors import FieldErrors
from followup_desktop.locale_dates import day_edit_format, time_edit_format
from followup_desktop.modal import ModalDialog
from followup_desktop.wrapping import within_layout


class SendDialog(ModalDialog):
    def __init__(
        self,
        channel: Channel,
        now: datetime,
        zone: ZoneInfo,
        recipient: str,
        parent: QWidget | None = None,
        *,
        check: Callable[[Channel, datetime], None] | None = None,
        errors: Sequence[tuple[Finding, str]] = (),
        subject: str = "",
    ) -> None:
        """``check``: the domain's rules for these values, raising ``InvalidInput`` naming the
        field (said beside it; the dialog stays open) or the ``Refusal`` this letter would
        meet (said above the buttons, with the box to go ahead anyway). ``errors``: the
        letter's open errors, each with the text it is in (``subject``, the subject line's)."""
        super().__init__(parent)
        self.check = check
        self.errors = tuple(errors)
        self.subject = subject
        self.refusal: Refusal | None = None
        self.opened_at = now
        self.setWindowTitle("Mark the letter as sent")
        self.setMinimumWidth(420)  # its title whole in the window manager's bar, with buttons
        self.zone = zone
        self.channel = QComboBox()
        for option in Channel:
            self.channel.addItem("E-mail" if option is Channel.EMAIL else "Post", option)
        self.channel.setCurrentIndex(list(Channel).index(channel))
        self.channel.setAccessibleName("Channel")
        self.when = QDateTimeEdit()
        zone_id = QTimeZone(zone.key.encode())
        self.when.setTimeZone(zone_id)
        bound_moments(self.when, zone, zone_id)
        # An exact instant, shown in the user's zone: no local-time guessing either way.
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()), zone_id))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(f"{day_edit_format()} {time_edit_format()}")
        self.when.setAccessibleName("Sent at")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = named(QPushButton("Mark as sent"), "Mark the letter as sent")
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
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
        self._add_findings(form)
        self._add_refusal(form)
        self.reason = named(QLineEdit(), "Why it is right to go ahead (kept with the letter)")
        self.reason.setPlaceholderText("Why go ahead? (kept with the letter)")
        self.reason_label = QLabel("Reason")
        form.addRow(self.reason_label, self.fields.wrap(("reason", "override"), self.reason))
        form.addRow(self.error)
        form.addRow(buttons)
        self.channel.currentIndexChanged.connect(self._values_changed)
        self.when.dateTimeChanged.connect(self._values_changed)
        self._values_changed()

    def _add_findings(self, form: QFormLayout) -> None:
        """The open errors and the box that confirms them; going ahead waits for the box."""
        count = len(self.errors)
        self.findings = findings_list(self.errors, self.subject)
        self.confirm = named(
            QCheckBox("I have read these and want the letter recorded as sent as it is"),
            "Confirm the letter went out with open findings",
        )
        self.confirm.toggled.connect(self._update)
        if count:
            intro = within_layout(
                QLabel(
                    f"{count} thing{'s' if count != 1 else ''} in this letter "
                    f"{'need' if count != 1 else 'needs'} fixing:"
                )
            )
            form.addRow(intro)
            form.addRow(self.findings)
            form.addRow(self.confirm)

    def _add_refusal(self, form: QFormLayout) -> None:
        """Why the domain would refuse this letter, with the box to make it an exception."""
        self.refused = within_layout(named(QLabel(), "Why this letter is refused", style="warning"))
        self.anyway = named(
            QCheckBox("Record it anyway, as an exception kept with the letter"),
            "Record the letter anyway, as an exception",
        )
        self.anyway.toggled.connect(self._update)
        form.addRow(self.refused)
        form.addRow(self.anyway)

    def _values_changed(self) -> None:
        """Ask the domain again whether this channel and time would be refused."""
        self.refusal = None
        if self.check is not None:
            try:
                self.check(self.chosen_channel(), self.sent_at())
            except Refusal as refusal:
                self.refusal = refusal
            except FollowUpError:
                pass  # a value refused: said beside its field when the user goes ahead
        if self.refusal is None:
            self.anyway.setChecked(False)
        self.refused.setText(self.refusal.message if self.refusal else "")
        self._update()

    def _update(self) -> None:
        refused = self.refusal is not None
        self.refused.setVisible(refused)
        self.anyway.setVisible(refused)
        going_ahead = bool(self.errors) or refused
        self.reason.setVisible(going_ahead)
        self.reason_label.setVisible(going_ahead)
        ready = (not self.errors or self.confirm.isChecked()) and (
            not refused or self.anyway.isChecked()
        )
        self.ok.setEnabled(ready)
        self.ok.setText("Mark as sent anyway" if going_ahead else "Mark as sent")

    def accept(self) -> None:
        self._values_changed()  # the record may have changed since (another program)
        if not self.ok.isEnabled():
            return
        try:
            if self.check is not None and self.refusal is None:
                self.check(self.chosen_channel(), self.sent_at())
            # A refusal needs its reason, and the whole record must fit: said beside it.
            chosen = self.exception(self.opened_at)
            if chosen is not None:
                chosen.check()
        except FollowUpError as error:
            self.fields.show(error)
            return
        self.fields.clear()
        super().accept()

    def exception(self, now: datetime) -> Override | None:
        """What is recorded with the letter: the refusal overridden and the open errors
        confirmed, with the user's reason (None when there was nothing to go over)."""
        rule = self.refusal.rule if self.refusal is not None else None
        return exception(rule, self.errors, self.reason.text(), now)

    def chosen_channel(self) -> Channel:
        return Channel(self.channel.currentData())  # Qt hands StrEnums back as str

    def sent_at(self) -> datetime:
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC).astimezone(self.zone)
