"""The one status inquiry of an online application: the text to send, then record it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError
from followup.model import Application, Channel, Inquiry
from followup.template_choice import template_for
from followup.templates import render, variables
from followup_desktop.accessibility import named
from followup_desktop.field_errors import FieldErrors
from followup_desktop.session import Session


class InquiryDialog(QDialog):
    def __init__(self, session: Session, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.app = app
        self.setWindowTitle("The one status inquiry")
        self.setMinimumWidth(560)
        contact = session.repo.contact(app.contact_id) if app.contact_id else None
        # The user's own inquiry (templates/ beside the data) wins over the built-in one.
        template = template_for(session.repo.db.path.parent, "inquiry")
        assert template is not None, "an inquiry template ships with the app"
        today = session.now().astimezone(session.zone).date()
        letter = render(
            template, variables(session.settings.profile(), app, None, contact, today, None)
        )
        intro = QLabel(
            "One polite inquiry, through your contact or the company's portal, "
            "and no more. Copy the text, send it, then record it here."
        )
        intro.setWordWrap(True)
        self.text = named(QPlainTextEdit(letter.body), "Inquiry text")
        copy = named(QPushButton("Copy text"), "Copy the inquiry text")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.channel = named(QComboBox(), "Sent by")
        self.channel.addItem("E-mail or portal", Channel.EMAIL.value)
        self.channel.addItem("Post", Channel.POST.value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record as sent")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields = FieldErrors(self.error)
        row.addWidget(QLabel("Sent by"))
        row.addWidget(self.fields.wrap("channel", self.channel))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.saved: Inquiry | None = None

    def accept(self) -> None:
        channel = Channel(self.channel.currentData())
        now = self.session.now()
        try:  # the values first, said beside the field; the etiquette next, with its override
            Inquiry(0, self.app.id, channel, now).check()
        except FollowUpError as error:
            self.fields.show(error)
            return
        self.fields.clear()
        self.saved = self.session.run_with_override(
            self,
            lambda override: self.session.repo.record_inquiry(
                self.app.id,
                channel,
                now,
                override,
                self.session.calendar(),
                self.session.zone,
                self.session.settings.plan().inquiry_wait,
                self.session.dates(),
            ),
        )
        if self.saved is not None:
            super().accept()
