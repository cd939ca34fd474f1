"""The buttons that send the letter, for the chosen channel, and the post-timing warning."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from followup.model import Channel
from followup_desktop.accessibility import named
from followup_desktop.composer.delivery import Delivery
from followup_desktop.composer.outgoing import Outgoing
from followup_desktop.session import Session


class DeliveryBar(QWidget):
    def __init__(
        self,
        session: Session,
        outgoing: Callable[[], Outgoing | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outgoing = outgoing
        self.allowed = True  # False while there is no interview to write for
        self.delivery = Delivery(session, self)
        self.warning = named(QLabel(), "Post timing", style="warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.send = named(QPushButton("Send e-mail…"), "Send the letter by e-mail")
        self.mail_app = named(QPushButton("Open in mail app…"), "Open in your mail app")
        self.preview = named(QPushButton("Print preview…"), "Print preview")
        self.print = named(QPushButton("Print…"), "Print the letter")
        self.pdf = named(QPushButton("Save PDF…"), "Save the letter as PDF")
        self.envelope = named(QPushButton("Envelope"), "Save an envelope as PDF")
        menu = QMenu(self.envelope)
        menu.addAction("DL (110 × 220 mm)…").triggered.connect(lambda: self._envelope("dl"))
        menu.addAction("US #10 (4⅛ × 9½ in)…").triggered.connect(lambda: self._envelope("us10"))
        self.envelope.setMenu(menu)
        self.send.clicked.connect(lambda: self._do(self.delivery.send_email))
        self.mail_app.clicked.connect(lambda: self._do(self.delivery.open_mail_app))
        self.preview.clicked.connect(
            lambda: self._do(lambda out: self.delivery.print_letter(out, preview=True))
        )
        self.print.clicked.connect(
            lambda: self._do(lambda out: self.delivery.print_letter(out, preview=False))
        )
        self.pdf.clicked.connect(lambda: self._do(self.delivery.save_pdf))
        self.delivery.busy.connect(self._busy)
        row = self.row = QHBoxLayout()  # the composer adds "Mark as sent…" at its end
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for button in (self.send, self.mail_app, self.preview, self.print, self.pdf, self.envelope):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addLayout(row)
        self.show_channel(Channel.EMAIL)

    def show_channel(self, channel: Channel, *, sent: bool = False) -> None:
        """The channel's buttons; for the post, whether it would arrive late (not for a
        letter shown as sent: it has gone, nothing is to be chosen any more)."""
        post = channel is Channel.POST
        for button in (self.send, self.mail_app):
            button.setVisible(not post)
        for button in (self.preview, self.print, self.pdf, self.envelope):
            button.setVisible(post)
        out = self.outgoing() if post and not sent else None
        text = self.delivery.post_warning(out) if out is not None else ""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _do(self, action: Callable[[Outgoing], object]) -> None:
        out = self.outgoing()
        if out is not None:
            action(out)

    def _envelope(self, kind: str) -> None:
        out = self.outgoing()
        if out is not None:
            self.delivery.save_envelope(out, kind)

    def allow(self, allowed: bool) -> None:
        """With no interview to write for (none yet, or its round deleted by another program)
        nothing can go out: no button offers to."""
        self.allowed = allowed
        for button in (self.send, self.mail_app, self.preview, self.print, self.pdf, self.envelope):
            button.setEnabled(allowed)

    def _busy(self, busy: bool) -> None:
        for button in (self.send, self.mail_app):
            button.setEnabled(self.allowed and not busy)
