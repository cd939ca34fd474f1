"""Settings, built from the one declaration in ``followup.settings``: a tab per group, a
widget per setting, its description as the hint. Everything is validated before anything is
saved; an invalid value is named and nothing changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup import login_items
from followup.errors import FollowUpError
from followup.settings import SETTINGS, Choice, Setting
from followup_desktop import credentials
from followup_desktop.accessibility import named
from followup_desktop.session import Session
from followup_desktop.settings_extras import PasswordEditor, SignatureEditor

Editor = QCheckBox | QComboBox | QSpinBox | QLineEdit | QPlainTextEdit


def _editor(setting: Setting, value: Any) -> Editor:
    name = setting.description
    if isinstance(setting.default, bool):
        box = named(QCheckBox(setting.description), name)
        box.setChecked(bool(value))
        return box
    if isinstance(setting.parse, Choice):
        combo = named(QComboBox(), name)
        combo.addItems(list(setting.parse.options))
        combo.setCurrentText(str(value))
        return combo
    if isinstance(setting.default, int):
        spin = named(QSpinBox(), name)
        spin.setRange(0, 65535)
        spin.setValue(int(value))
        return spin
    if setting.multiline:
        text = named(QPlainTextEdit(str(value)), name)
        text.setFixedHeight(80)
        return text
    shown = ", ".join(value) if isinstance(value, list) else str(value)
    line = named(QLineEdit(shown), name)
    line.setPlaceholderText(setting.description)
    return line


def _value(editor: Editor) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    return editor.text()


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)
        self.editors: dict[str, Editor] = {}
        tabs = QTabWidget()
        forms: dict[str, QFormLayout] = {}
        current = session.settings
        for setting in SETTINGS:
            if setting.group not in forms:
                page = QWidget()
                column = QVBoxLayout(page)
                forms[setting.group] = QFormLayout()
                column.addLayout(forms[setting.group])
                column.addStretch(1)  # the fields stay together at the top
                tabs.addTab(page, setting.group)
            editor = _editor(setting, current[setting.key])
            editor.setToolTip(setting.description)
            self.editors[setting.key] = editor
            label = "" if isinstance(editor, QCheckBox) else _label(setting)
            forms[setting.group].addRow(label, editor)
        start_at_login = self.editors["app.start_at_login"]
        if isinstance(start_at_login, QCheckBox):  # what the system has, not what was stored
            start_at_login.setChecked(login_items.is_enabled())
        start_at_login.setToolTip(
            "Adds Interview Follow-Up to the programs your desktop starts at login."
        )
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.signature = SignatureEditor(session.repo.db.path.parent, self._report)
        forms["Profile"].addRow("Signature", self.signature)
        self.password = PasswordEditor(self._account, self._report)
        forms["E-mail"].addRow("Password", self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.tabs = tabs

    def _report(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _account(self) -> str:
        return credentials.account_name(
            str(_value(self.editors["smtp.user"])), str(_value(self.editors["smtp.host"]))
        )

    def values(self) -> dict[str, Any]:
        values = {key: _value(editor) for key, editor in self.editors.items()}
        values["calendar.days_off"] = [
            d for d in str(values["calendar.days_off"]).split(",") if d.strip()
        ]
        return values

    def accept(self) -> None:
        values = self.values()
        try:
            self.session.save_settings_or_raise(values)
            login_items.set_enabled(bool(self.session.settings["app.start_at_login"]))
        except (FollowUpError, OSError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


def _label(setting: Setting) -> str:
    words = setting.key.split(".", 1)[1].replace("_", " ")
    return words[0].upper() + words[1:]
