"""The parts of Settings that are not plain values: the signature (a file in the data
folder) and the mail password (in the system keyring). Each acts at once, on its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from followup.errors import FollowUpError
from followup_desktop import credentials
from followup_desktop import signature as signatures
from followup_desktop.accessibility import named
from followup_desktop.modal import ModalDialog


class SignatureDrawDialog(ModalDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Draw your signature")
        self.pad = signatures.SignaturePad()
        clear = named(QPushButton("Clear"), "Clear the pad")
        clear.clicked.connect(self.pad.clear)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Sign above the line with your mouse, touchpad or pen."))
        layout.addWidget(self.pad, 1)
        row = QHBoxLayout()
        row.addWidget(clear)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)


class SignatureEditor(QWidget):
    """Preview, Import…, Draw…, Remove. Used on printed letters only."""

    def __init__(
        self, folder: Path, report: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = signatures.signature_path(folder)
        self.report = report
        self.preview = named(QLabel(), "Signature preview")
        self.preview.setMinimumWidth(220)
        self.preview.setWordWrap(True)  # the "no signature" sentence, whole at any width
        self.preview.setFixedHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.import_button = named(QPushButton("Import…"), "Import a signature image")
        self.draw_button = named(QPushButton("Draw…"), "Draw your signature")
        self.remove_button = named(QPushButton("Remove"), "Remove the signature")
        self.import_button.clicked.connect(lambda: self.import_file())  # noqa: PLW0108 (not `checked`)
        self.draw_button.clicked.connect(self.draw)
        self.remove_button.clicked.connect(self.remove)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        for button in (self.import_button, self.draw_button, self.remove_button):
            layout.addWidget(button)
        self.refresh()

    def refresh(self) -> None:
        image = signatures.load(self.path)
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("No signature: printed letters get room to sign by hand.")
        else:
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaledToHeight(
                    60, Qt.TransformationMode.SmoothTransformation
                )
            )
        self.remove_button.setEnabled(image is not None)

    def import_file(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Import a signature", "", "Images (*.png *.jpg *.jpeg *.svg)"
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            signatures.save(signatures.make_transparent(signatures.load_image(path)), self.path)
        except FollowUpError as error:
            self.report(str(error))
            return False
        self.refresh()
        return True

    def draw(self) -> None:
        dialog = SignatureDrawDialog(self)
        if dialog.exec():
            try:
                signatures.save(dialog.pad.image(), self.path)
            except FollowUpError as error:
                self.report(str(error))
            self.refresh()

    def remove(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:  # a read-only data folder: said, the signature stays
            self.report(f"The signature was not removed: {error.strerror or error}.")
        self.refresh()


class PasswordEditor(QWidget):
    """Whether the mail password is in the keyring; set or forget it."""

    def __init__(
        self,
        account: Callable[[], str],
        report: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.report = report
        self.status = named(QLabel(), "Password status")
        self.status.setWordWrap(True)
        self.check_button = named(QPushButton("Check"), "Check whether the password is stored")
        self.set_button = named(QPushButton("Set password…"), "Store the mail password")
        self.forget_button = named(QPushButton("Forget"), "Remove the stored mail password")
        self.set_button.clicked.connect(lambda: self.set_password())  # noqa: PLW0108 (not `checked`)
        self.forget_button.clicked.connect(self.forget)
        self.check_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.set_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        layout.addLayout(row)
        # Opening Settings never reads the keyring: reading can make the desktop ask for the
        # keyring's own password. It is read when the user asks (Check, Set, Forget) or sends.
        if self._no_keyring():
            return
        self.status.setText("Kept only in the system keyring (read when you send, or Check).")

    def _no_keyring(self) -> bool:
        if credentials.available():
            return False
        self.status.setText(credentials.NO_KEYRING)
        for button in (self.check_button, self.set_button, self.forget_button):
            button.setEnabled(False)
        return True

    def refresh(self) -> None:
        if self._no_keyring():
            return
        stored = credentials.get_password(self.account()) is not None
        self.status.setText(
            "Stored in the system keyring."
            if stored
            else "Not stored: you will be asked when you send."
        )
        self.forget_button.setEnabled(stored)

    def set_password(self, password: str | None = None) -> None:
        if password is None:
            text, ok = QInputDialog.getText(
                self, "Mail password", "Password:", QLineEdit.EchoMode.Password
            )
            if not ok:
                return
            password = text
        try:
            credentials.set_password(self.account(), password)
        except credentials.KeyringUnavailable as error:
            self.report(str(error))
        self.refresh()

    def forget(self) -> None:
        try:
            credentials.forget_password(self.account())
        except credentials.KeyringUnavailable as error:
            self.report(str(error))
        self.refresh()
