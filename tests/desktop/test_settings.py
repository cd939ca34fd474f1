"""Settings: built from the declaration, validated as a whole, start at login."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from followup.settings import SETTINGS
from followup_desktop import autostart
from followup_desktop.session import Session
from followup_desktop.settings_dialog import SettingsDialog


def dialog(qtbot: QtBot, session: Session) -> SettingsDialog:
    widget = SettingsDialog(session)
    qtbot.addWidget(widget)
    return widget


def test_every_declared_setting_has_an_editor_with_its_description(
    qtbot: QtBot, session: Session
) -> None:
    d = dialog(qtbot, session)
    assert set(d.editors) == {s.key for s in SETTINGS}
    for setting in SETTINGS:
        assert d.editors[setting.key].accessibleName() == setting.description
    assert isinstance(d.editors["post.paper"], QComboBox)
    assert isinstance(d.editors["app.close_to_tray"], QCheckBox)
    assert isinstance(d.editors["profile.address"], QPlainTextEdit)
    assert [d.tabs.tabText(i) for i in range(d.tabs.count())][:2] == [
        "Profile",
        "Business calendar",
    ]


def test_bad_values_are_named_and_nothing_is_saved(qtbot: QtBot, session: Session) -> None:
    before = session.repo.settings()
    d = dialog(qtbot, session)
    editors = d.editors
    assert isinstance(editors["profile.email"], QLineEdit)
    editors["profile.email"].setText("sam at example")
    editors["profile.name"].setText("Sam Q. Lee")
    d.accept()
    assert "not an e-mail address" in d.error.text()
    assert session.repo.settings() == before
    editors["profile.email"].setText("sam@example.com")
    assert isinstance(editors["calendar.subdiv"], QLineEdit)
    editors["calendar.subdiv"].setText("Atlantis")
    d.accept()
    assert "unknown subdivision 'Atlantis' of US" in d.error.text()
    assert session.repo.settings() == before
    assert isinstance(editors["calendar.workdays"], QLineEdit)
    editors["calendar.workdays"].setText("sun,mon,tue,wed,thu")
    editors["calendar.subdiv"].setText("ca")
    assert isinstance(editors["calendar.days_off"], QLineEdit)
    editors["calendar.days_off"].setText("2026-12-24, 2026-12-31")
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    stored = session.repo.settings()
    assert stored["profile.name"] == "Sam Q. Lee"
    assert stored["calendar.subdiv"] == "ca"
    assert stored["calendar.days_off"] == ["2026-12-24", "2026-12-31"]
    assert session.calendar().workdays == {6, 0, 1, 2, 3}


def test_start_at_login_writes_and_removes_the_autostart_entry(
    qtbot: QtBot, session: Session
) -> None:
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{autostart.APP_ID}.desktop"
    d = dialog(qtbot, session)
    box = d.editors["app.start_at_login"]
    assert isinstance(box, QCheckBox)
    box.setChecked(True)
    d.accept()
    text = entry.read_text()
    assert "Exec=" in text and "--minimized" in text and autostart.is_enabled()
    again = dialog(qtbot, session)
    assert isinstance(again.editors["app.start_at_login"], QCheckBox)
    again.editors["app.start_at_login"].setChecked(False)
    again.accept()
    assert not entry.exists() and not autostart.is_enabled()
