"""First run: the few things letters need (name, address, e-mail, phone, country and region,
work week), asked once with what the system says already filled in. It can be skipped (it is
not offered again) and reopened with File ▸ Set up…; values are checked by the domain like
every setting and saved in one transaction."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from followup.account_name import name_in_gecos, person_name
from followup.errors import FollowUpError
from followup.settings import BY_KEY, SETUP_KEYS, profile_is_empty
from followup_desktop.accessibility import named
from followup_desktop.modal import ModalDialog
from followup_desktop.session import Session
from followup_desktop.settings_form import SettingsForm, save_forms

OFFERED = "setup/offered"  # QSettings: shown once (saved or skipped), then only on request


def os_full_name() -> str:
    """The user's full name as the system knows it (the account's "real name"), or empty when
    it is not a person's name (a login name such as "root", a shared account): the letter
    is signed with it, so an empty field that asks beats a wrong guess."""
    import getpass  # noqa: PLC0415

    try:
        login = getpass.getuser()
    except (ImportError, KeyError, OSError):
        login = ""
    if sys.platform == "win32":  # pragma: no cover (Windows)
        import ctypes  # noqa: PLC0415

        size = ctypes.c_ulong(0)
        secur32 = ctypes.windll.secur32
        secur32.GetUserNameExW(3, None, ctypes.byref(size))  # 3: NameDisplay
        buffer = ctypes.create_unicode_buffer(size.value or 1)
        if secur32.GetUserNameExW(3, buffer, ctypes.byref(size)):
            return person_name(buffer.value, login)
        return ""
    try:
        import pwd  # noqa: PLC0415

        account = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError, OSError):
        return ""
    return person_name(name_in_gecos(account.pw_gecos), account.pw_name or login)


def should_offer(session: Session) -> bool:
    """On a first start: nothing about the user stored yet, and not offered before."""
    if QSettings().value(OFFERED, False, type=bool):
        return False
    return profile_is_empty(session.repo.settings())


def suggestions(session: Session) -> tuple[dict[str, Any], list[str]]:
    """The form's starting values (stored ones first, else what the system says) and a line
    for each value that came from the system."""
    from followup.regions import country_name, usual_work_week  # noqa: PLC0415
    from followup.workdays import format_workdays  # noqa: PLC0415
    from followup_desktop.region import system_country, system_locale_name  # noqa: PLC0415

    stored = session.repo.settings()
    values = {key: session.settings[key] for key in SETUP_KEYS}
    found: list[str] = []
    if not values["profile.name"]:
        name = os_full_name()
        if name:
            values["profile.name"] = name
            found.append(f"your name, from your user account ({name})")
    country = values["calendar.country"] or system_country()
    if not stored.get("calendar.country") and country:
        found.append(
            f"the country, from your system's region: {country_name(country)} "
            f"({system_locale_name() or country})"
        )
    if "calendar.workdays" not in stored and country:
        week = usual_work_week(country)
        values["calendar.workdays"] = format_workdays(week)
        found.append(f"the work week usual in {country_name(country)}")
    return values, found


class FirstRunDialog(ModalDialog):
    """Set up: name, postal address, e-mail, phone, country and region, work week."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Set up Interview Follow-Up")
        self.setMinimumWidth(600)
        values, found = suggestions(session)
        today = session.now().astimezone(session.zone).date()
        intro = QLabel(
            "Your letters need your name, postal address and how to reach you; deadlines "
            "need your country, region and work week. Check what is filled in, or skip: "
            "everything can be changed later in Settings, and File ▸ Set up… opens this again."
        )
        intro.setWordWrap(True)
        self.form = SettingsForm([BY_KEY[key] for key in SETUP_KEYS], values, today)
        self.editors = self.form.editors
        self.detected = named(QLabel(), "Filled in from your system", style="summary")
        self.detected.setWordWrap(True)
        if found:
            self.detected.setText("Filled in from your system: " + "; ".join(found) + ".")
        else:
            self.detected.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        self.skip_button = buttons.addButton("Skip for now", QDialogButtonBox.ButtonRole.RejectRole)
        named(self.skip_button, "Skip set-up; change these later in Settings")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = named(QLabel(), "Problem", style="error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.detected)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @property
    def in_effect(self) -> QLabel:
        label = self.form.in_effect
        assert label is not None
        return label

    def accept(self) -> None:
        self.error.hide()
        try:
            problems = save_forms(self.session, [self.form])  # one transaction
        except (FollowUpError, OSError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        if problems:
            if not any(key in self.form.editors for key in problems):
                self.error.setText("; ".join(problems.values()))
                self.error.show()
            return
        QSettings().setValue(OFFERED, True)
        super().accept()

    def reject(self) -> None:
        QSettings().setValue(OFFERED, True)  # skipped: not offered again, only on request
        super().reject()


def offer(parent: QWidget, session: Session) -> FirstRunDialog | None:
    """On a first start, open the set-up dialog without blocking (the window, reminders and
    everything else go on); None when there is nothing to ask."""
    if not should_offer(session):
        return None
    dialog = FirstRunDialog(session, parent)
    dialog.open()
    return dialog
