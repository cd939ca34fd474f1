"""Settings, built from the one declaration in ``followup.settings``: a tab per group, the
control each setting declares, its description as the hint. Everything is validated before
anything is saved; a refused value is explained beside its field and nothing changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup import login_items
from followup.errors import FollowUpError
from followup.settings import SETTINGS
from followup_desktop import credentials
from followup_desktop.accessibility import named
from followup_desktop.modal import ModalDialog
from followup_desktop.session import Session
from followup_desktop.settings_extras import PasswordEditor, SignatureEditor
from followup_desktop.settings_form import SettingsForm, save_forms


class SettingsDialog(ModalDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Settings")
        self.setMinimumWidth(680)
        tabs = QTabWidget()
        self.forms: dict[str, SettingsForm] = {}
        current = session.settings
        today = session.now().astimezone(session.zone).date()
        groups: dict[str, list[Any]] = {}
        for setting in SETTINGS:
            groups.setdefault(setting.group, []).append(setting)
        for group, declared in groups.items():
            form = SettingsForm(declared, current.values, today)
            page = QWidget()
            column = QVBoxLayout(page)
            column.addWidget(form)
            column.addStretch(1)  # the fields stay together at the top
            tabs.addTab(page, group)
            self.forms[group] = form
        self.editors: dict[str, QWidget] = {
            key: editor for form in self.forms.values() for key, editor in form.editors.items()
        }
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
        self.forms["Profile"].add_row("Signature", self.signature)
        self.password = PasswordEditor(self._account, self._report)
        self.forms["E-mail"].add_row("Password", self.password)
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

    @property
    def in_effect(self) -> QLabel:
        """The line that says which public holidays count, and why."""
        label = self.forms["Business calendar"].in_effect
        assert label is not None
        return label

    def _report(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _account(self) -> str:
        host, user = self.editors["smtp.host"], self.editors["smtp.user"]
        from followup_desktop.setting_editors import read  # noqa: PLC0415

        return credentials.account_name(str(read(user)), str(read(host)))

    def problems(self) -> dict[str, str]:
        """The reasons now shown beside fields (key → words)."""
        return {key: text for form in self.forms.values() for key, text in form.problems().items()}

    def accept(self) -> None:
        self.error.hide()
        try:
            problems = save_forms(self.session, list(self.forms.values()))
            if not problems:
                login_items.set_enabled(bool(self.session.settings["app.start_at_login"]))
        except (FollowUpError, OSError) as error:
            self._report(str(error))
            return
        if problems:
            self._show_first(problems)
            return
        super().accept()

    def _show_first(self, problems: dict[str, str]) -> None:
        """The tab with the first refused field comes to the front; a reason for no field
        is said below the tabs."""
        for index, form in enumerate(self.forms.values()):
            if any(key in problems for key in form.editors):
                self.tabs.setCurrentIndex(index)
                return
        self._report("; ".join(problems.values()))
