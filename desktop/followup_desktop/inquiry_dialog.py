"""The one status inquiry of an online application: its subject and text to send (checked
as they are edited), then record it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup.checker import Context, Finding, Kind, Severity, check
from followup.errors import FollowUpError
from followup.model import Application, Channel, Inquiry
from followup.send_gate import combine
from followup.source_advice import inquiry_through
from followup.subject import check_subject
from followup.template_choice import template_for
from followup.templates import render, variables
from followup_desktop.accessibility import named
from followup_desktop.composer.gate import gate_line, pass_gate
from followup_desktop.field_errors import FieldErrors
from followup_desktop.modal import ModalDialog
from followup_desktop.plain_text import PlainText
from followup_desktop.session import Session


class InquiryDialog(ModalDialog):
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
            template,
            variables(
                session.settings.profile(),
                app,
                None,
                contact,
                today,
                None,
                dates=session.letter_dates(),
            ),
        )
        intro = QLabel(  # whom it goes to follows how they applied (source_advice)
            f"One polite inquiry, {inquiry_through(app.source)}, and no more. "
            "Copy the text, send it, then record it here."
        )
        self.intro = intro
        intro.setWordWrap(True)
        self.subject = named(QLineEdit(letter.subject), "Subject")
        self.subject.setPlaceholderText("The e-mail's subject line")
        subject_row = QFormLayout()
        self.subject_label = QLabel("Subject")
        subject_row.addRow(self.subject_label, self.subject)
        self.text = named(PlainText(letter.body), "Inquiry text")
        self.findings = named(QLabel(), "Etiquette check", style="summary")
        self.findings.setWordWrap(True)
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self.run_check)
        self.text.textChanged.connect(self._check_timer.start)
        self.subject.textChanged.connect(self._check_timer.start)
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
        self.buttons = buttons
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields = FieldErrors(self.error)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        row.addWidget(QLabel("Sent by"))
        row.addWidget(self.fields.wrap("channel", self.channel))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(subject_row)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.findings)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.saved: Inquiry | None = None
        self.run_check()

    def _channel_changed(self) -> None:
        """A posted inquiry has no subject line."""
        email = Channel(self.channel.currentData()) is Channel.EMAIL
        self.subject.setVisible(email)
        self.subject_label.setVisible(email)
        self.run_check()

    def found(self) -> list[tuple[Finding, str]]:
        """What the etiquette check says about the inquiry as it stands (the one inquiry
        may ask about its status; pressure, neediness and the rest are still flagged), each
        finding with the text it is about (the subject or the body)."""
        context = Context(Channel(self.channel.currentData()), Kind.INQUIRY)
        subject = self.subject.text() if context.channel is Channel.EMAIL else ""
        found = [(f, subject) for f in check_subject(subject, context)] if subject else []
        found += [(f, self.text.toPlainText()) for f in check(self.text.toPlainText(), context)]
        return found

    def run_check(self) -> None:
        self._check_timer.stop()
        shown = [(f, t) for f, t in self.found() if f.severity is not Severity.INFO]
        subject = self.subject.text()
        lines = [
            ("Fix: " if f.severity is Severity.ERROR else "Consider: ") + gate_line(f, t, subject)
            for f, t in shown
        ]
        self.findings.setText("\n".join(lines) or "Brief and polite. Ready to send.")

    def accept(self) -> None:
        channel = Channel(self.channel.currentData())
        now = self.session.now()
        try:  # the values first, said beside the field; the etiquette next, with its override
            Inquiry(0, self.app.id, channel, now).check()
        except FollowUpError as error:
            self.fields.show(error)
            return
        self.fields.clear()
        # Like every letter that leaves: open errors are listed; fix them, or confirm (kept).
        errors = [(f, t) for f, t in self.found() if f.severity is Severity.ERROR]
        go, confirmed = pass_gate(self, errors, "Record as sent", now, self.subject.text())
        if not go:
            return
        self.saved = self.session.run_with_override(
            self,
            lambda override: self.session.repo.record_inquiry(
                self.app.id,
                channel,
                now,
                combine(override, confirmed),
                self.session.calendar(),
                self.session.zone,
                self.session.settings.plan().inquiry_wait,
                self.session.dates(),
            ),
        )
        if self.saved is not None:
            super().accept()
