"""Contacts, letters, calls and inquiries the app cannot read as stored: listed, fixed, deleted.

An old version or a hand edit may have left one with a year 9999, an unknown channel or
control characters. Plans leave it out and the banner names it; here the user sees each
with the reason, opens it with the bad fields marked (the same value rules as everywhere),
or deletes it. Each fix or delete is one transaction and touches nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import cast

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError
from followup.model import Call, Channel, Contact, Inquiry, Letter
from followup.unreadable import Unreadable
from followup_desktop.accessibility import named
from followup_desktop.date_range import bound_moments
from followup_desktop.field_errors import FieldErrors
from followup_desktop.interviews.dialogs import ContactDialog
from followup_desktop.locale_dates import day_edit_format, time_edit_format
from followup_desktop.modal import ModalDialog
from followup_desktop.plain_text import PlainText
from followup_desktop.session import Session

KINDS = ("contact", "letter", "call", "inquiry")  # rounds and applications: in Interviews
Recorded = Letter | Call | Inquiry


def describe(session: Session, bad: Unreadable) -> str:
    """One line in words: what the record is (with names where they can be read) and why."""
    names = session.contact_names()
    value = bad.repaired
    if isinstance(value, Letter):
        what = f"Letter {bad.id} to {names.get(value.contact_id, f'contact {value.contact_id}')}"
    elif isinstance(value, Call):
        what = f"Call {bad.id} (interview round {value.round_id})"
    elif isinstance(value, Inquiry):
        what = f"Status inquiry {bad.id} (application {value.application_id})"
    elif isinstance(value, Contact):
        what = f"Contact {bad.id} ({value.name})"
    else:
        what = f"{bad.kind.capitalize()} {bad.id}"
    return f"{what}: {bad.reason}"


class StoredRecordsDialog(ModalDialog):
    """Every unreadable letter, call and inquiry; Fix… and Delete… act on the selected one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Records that cannot be read")
        self.setMinimumWidth(560)
        intro = QLabel(
            "These were stored with values the app cannot use (perhaps by an older version "
            "or an edit of the file). Fix each one, or delete it."
        )
        intro.setWordWrap(True)
        self.list = named(QListWidget(), "Records that cannot be read")
        self.list.setWordWrap(True)
        self.fix_button = named(QPushButton("Fix…"), "Fix the selected record")
        self.delete_button = named(QPushButton("Delete…"), "Delete the selected record")
        self.empty = named(QLabel("Every record can be read."), "All readable")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.fix_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.fix_button.clicked.connect(self.fix)
        self.delete_button.clicked.connect(self.delete)
        self.list.itemDoubleClicked.connect(lambda _item: self.fix())
        self.list.currentRowChanged.connect(self._enable)
        self.records: list[Unreadable] = []
        self.reload()

    def reload(self) -> None:
        """Read every letter, call and inquiry again, and list those that cannot be used."""
        repo = self.session.repo
        repo.contacts()  # full lists: each record is met (and a fixed one forgotten)
        repo.letters()
        repo.calls()
        repo.inquiries()
        self.records = [u for u in repo.unreadable() if u.kind in KINDS]
        self.list.clear()
        for bad in self.records:
            item = QListWidgetItem(describe(self.session, bad))
            item.setData(Qt.ItemDataRole.UserRole, (bad.kind, bad.id))
            self.list.addItem(item)
        self.empty.setVisible(not self.records)
        if self.records:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected()
        self.fix_button.setEnabled(chosen is not None and chosen.repaired is not None)
        self.delete_button.setEnabled(chosen is not None)

    def selected(self) -> Unreadable | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def fix(self) -> None:
        bad = self.selected()
        if bad is None or bad.repaired is None:
            return
        if isinstance(bad.repaired, Contact):
            dialog: QDialog = ContactDialog.fixing(self.session, bad, self)
        else:
            dialog = RecordFixDialog(self.session, bad, self)
        if dialog.exec():
            self.reload()

    def delete(self) -> None:
        bad = self.selected()
        if bad is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete this record?",
            f"{describe(self.session, bad)}\n\nDelete it? Nothing else changes.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("delete-record")
        box.exec()
        if box.clickedButton() is not delete:
            return
        repo = self.session.repo
        removers: dict[str, Callable[[int], object]] = {
            "contact": repo.delete_contact,
            "letter": repo.delete_letter,
            "call": repo.delete_call,
        }
        remove = removers.get(bad.kind, repo.delete_inquiry)
        self.session.attempt(self, lambda: remove(bad.id), "Not deleted")
        self.reload()


class RecordFixDialog(ModalDialog):
    """One letter, call or inquiry as it could be read, each bad field marked with why."""

    def __init__(self, session: Session, bad: Unreadable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert isinstance(bad.repaired, Letter | Call | Inquiry)
        self.session = session
        self.bad = bad
        self.value: Recorded = bad.repaired
        self.setWindowTitle(describe(session, bad).split(":")[0])
        self.setMinimumWidth(440)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields = FieldErrors(self.error)
        zone = session.zone
        self.zone = zone
        moment = self.value.made_at if isinstance(self.value, Call) else self.value.sent_at
        self.when = named(QDateTimeEdit(), "Made at" if isinstance(self.value, Call) else "Sent at")
        zone_id = QTimeZone(zone.key.encode())
        self.when.setTimeZone(zone_id)
        bound_moments(self.when, zone, zone_id)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), zone_id))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(f"{day_edit_format()} {time_edit_format()}")
        form = QFormLayout()
        time_field = "made_at" if isinstance(self.value, Call) else "sent_at"
        self.channel: QComboBox | None = None
        self.outcome: QPlainTextEdit | None = None
        if isinstance(self.value, Letter | Inquiry):
            self.channel = named(QComboBox(), "Sent by")
            for option in Channel:
                self.channel.addItem("E-mail" if option is Channel.EMAIL else "Post", option.value)
            self.channel.setCurrentIndex(list(Channel).index(self.value.channel))
            form.addRow("Sent by", self.fields.wrap("channel", self.channel))
        form.addRow(self.when.accessibleName(), self.fields.wrap(time_field, self.when))
        if isinstance(self.value, Call):
            self.outcome = named(PlainText(self.value.outcome), "Outcome")
            self.outcome.setFixedHeight(80)
            form.addRow("Outcome", self.fields.wrap("outcome", self.outcome))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        elsewhere = [
            reason for field, reason in bad.by_field if not self.fields.note(field, reason)
        ]
        if elsewhere:
            self.error.setText("; ".join(elsewhere) + ". Saving keeps the rest as shown.")
            self.error.show()
        self.saved: Recorded | None = None

    def edited(self) -> Recorded:
        """The record with what the form shows."""
        seconds = self.when.dateTime().toSecsSinceEpoch()
        moment = datetime.fromtimestamp(seconds, UTC).astimezone(self.zone)
        value = self.value
        if isinstance(value, Call):
            assert self.outcome is not None
            return replace(value, made_at=moment, outcome=self.outcome.toPlainText().strip())
        assert self.channel is not None
        channel = Channel(self.channel.currentData())
        return cast(Recorded, replace(value, sent_at=moment, channel=channel))

    def accept(self) -> None:
        repo = self.session.repo
        try:
            value = self.edited()
            self.bad.check_fix(value)
            now = self.session.now()
            if isinstance(value, Letter):
                self.saved = self.session.commit(lambda: repo.fix_letter(value, now=now))
            elif isinstance(value, Call):
                self.saved = self.session.commit(lambda: repo.fix_call(value, now=now))
            else:
                self.saved = self.session.commit(lambda: repo.fix_inquiry(value, now=now))
        except FollowUpError as error:
            self.fields.show(error)
            return
        self.fields.clear()
        super().accept()
