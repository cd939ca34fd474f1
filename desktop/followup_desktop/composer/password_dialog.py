"""The mail password, asked for at send time; kept in the system keyring only if the user
ticks the box (unticked by default: nothing secret is stored without a yes)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.accessibility import named
from followup_desktop.credentials import NO_KEYRING
from followup_desktop.modal import ModalDialog


class PasswordDialog(ModalDialog):
    def __init__(
        self, user: str, host: str, keyring_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mail password")
        self.setObjectName("password-dialog")
        self.label = QLabel(f"Password for {user} at {host}:")
        self.label.setWordWrap(True)
        self.password = named(QLineEdit(), "Mail password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = named(
            QCheckBox("Keep it in the system keyring (otherwise you are asked at each send)"),
            "Keep the password in the system keyring",
        )
        self.keep.setChecked(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.password)
        layout.addWidget(self.keep)
        if not keyring_available:
            self.keep.setEnabled(False)
            note = QLabel(NO_KEYRING)
            note.setWordWrap(True)
            layout.addWidget(note)
            self.label.setText(f"{self.label.text()}\n\n{NO_KEYRING}")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
