"""After the letter is handed to the user's mail app: ask plainly whether it went, and never
assume so. Some mail apps drop the subject of a mailto: link (and with no mail app the letter
is only on the clipboard), so the subject is shown with a button that copies it."""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.accessibility import named
from followup_desktop.modal import ModalDialog


class SentQuestion(ModalDialog):
    """ "Did you send it?" with "Record as sent" and "Not yet" (the default: a stray Enter
    records nothing), and the subject and the letter to copy."""

    def __init__(
        self, subject: str, body: str, to: str, opened: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sent-question")
        self.setWindowTitle("Did you send it?")
        self.setMinimumWidth(460)
        self.body = body
        where = (
            f"Your mail app has the letter to {html.escape(to)}."  # "<address>" shown, not markup
            if opened
            else "No mail app opened. The letter is copied: paste it into a new mail to "
            f"{html.escape(to)}."
        )
        self.intro = intro = QLabel(
            f"<b>Did you send it?</b><br>{where} If the subject is missing there, copy it "
            "from here. Record the letter as sent only once it has gone."
        )
        intro.setWordWrap(True)
        self.subject = named(QLineEdit(subject), "Subject")
        self.subject.setReadOnly(True)
        self.copy_subject = named(QPushButton("Copy subject"), "Copy the subject")
        self.copy_subject.clicked.connect(lambda: self._copy(subject, "Subject copied."))
        self.copy_letter = named(QPushButton("Copy letter"), "Copy the letter")
        self.copy_letter.clicked.connect(lambda: self._copy(body, "Letter copied."))
        self.copied = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel("Subject:"))
        row.addWidget(self.subject, 1)
        row.addWidget(self.copy_subject)
        row.addWidget(self.copy_letter)
        buttons = QDialogButtonBox()
        self.record = named(QPushButton("Record as sent"), "Record the letter as sent")
        self.not_yet = named(QPushButton("Not yet"), "Not sent yet: record nothing")
        buttons.addButton(self.record, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.not_yet, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        for button in (self.copy_subject, self.copy_letter, self.record):
            button.setAutoDefault(False)
        self.not_yet.setDefault(True)  # once in the dialog, or the dialog picks its own

    def _copy(self, text: str, said: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(said)


def ask_sent(parent: QWidget | None, subject: str, body: str, to: str, opened: bool) -> bool:
    """True only when the user says the letter has gone."""
    question = SentQuestion(subject, body, to, opened, parent)
    went = question.exec() == QDialog.DialogCode.Accepted
    question.deleteLater()
    return went
