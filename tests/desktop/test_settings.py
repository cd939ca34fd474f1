"""Settings: built from the declaration, validated as a whole, start at login."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from followup import login_items
from followup.launcher import APP_ID
from followup.settings import SETTINGS
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
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.desktop"
    d = dialog(qtbot, session)
    box = d.editors["app.start_at_login"]
    assert isinstance(box, QCheckBox)
    box.setChecked(True)
    d.accept()
    text = entry.read_text()
    assert "Exec=" in text and "--minimized" in text and login_items.is_enabled()
    again = dialog(qtbot, session)
    assert isinstance(again.editors["app.start_at_login"], QCheckBox)
    again.editors["app.start_at_login"].setChecked(False)
    again.accept()
    assert not entry.exists() and not login_items.is_enabled()


def test_signature_import_preview_and_remove(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    scan = QImage(400, 120, QImage.Format.Format_RGB32)
    scan.fill(QColor(240, 240, 235))
    painter = QPainter(scan)
    painter.setPen(QPen(QColor(20, 20, 60), 5))
    painter.drawLine(20, 100, 380, 20)
    painter.end()
    scan.save(str(tmp_path / "scan.jpg"))
    d = dialog(qtbot, session)
    editor = d.signature
    assert "No signature" in editor.preview.text()
    assert editor.import_file(tmp_path / "scan.jpg")
    stored = session.repo.db.path.parent / "signature.png"
    assert stored.exists() and (stored.stat().st_mode & 0o777) == 0o600
    assert not editor.preview.pixmap().isNull()
    (tmp_path / "bad.png").write_text("not an image")
    assert not editor.import_file(tmp_path / "bad.png")
    assert "not a PNG, JPEG or SVG" in d.error.text()
    assert stored.exists(), "a failed import leaves the old signature alone"
    editor.remove()
    assert not stored.exists() and "No signature" in editor.preview.text()


def test_password_without_a_keyring_is_never_stored(qtbot: QtBot, session: Session) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        d = dialog(qtbot, session)
        assert "No system keyring" in d.password.status.text()
        assert not d.password.set_button.isEnabled()
        d.password.set_password("s3cret")
        assert "No system keyring" in d.error.text()
    finally:
        keyring.set_keyring(previous)
    assert "s3cret" not in str(session.repo.settings())
    assert b"s3cret" not in session.repo.db.path.read_bytes()


def test_start_at_login_box_shows_whether_the_entry_really_exists(
    qtbot: QtBot, session: Session
) -> None:
    session.save_settings_or_raise({"app.start_at_login": True})
    box = dialog(qtbot, session).editors["app.start_at_login"]
    assert isinstance(box, QCheckBox) and not box.isChecked()  # stored on, but no entry
    login_items.set_enabled(True)
    box = dialog(qtbot, session).editors["app.start_at_login"]
    assert isinstance(box, QCheckBox) and box.isChecked()


def test_region_comes_from_qlocale_when_python_names_no_country(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' locale module says 'English_United States'; a Finder-started macOS app says
    nothing at all. QLocale reads the platform's region either way, and the business
    calendar uses it when the user has not chosen a country."""
    import locale

    from PySide6.QtCore import QLocale

    from followup_desktop import region

    def system_locale(*args: object) -> QLocale:
        return QLocale(*args)  # type: ignore[arg-type]

    canada = (QLocale.Language.English, QLocale.Country.Canada)
    session.save_settings_or_raise({"calendar.country": "", "calendar.subdiv": ""})
    monkeypatch.setattr(locale, "getlocale", lambda *a: (None, None))
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: system_locale(*canada)))
    region.system_country.cache_clear()
    try:
        assert region.system_country() == "CA"
        assert session.calendar().country == "CA"
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.C)))
        monkeypatch.setattr(locale, "getlocale", lambda *a: ("English_United States", "1252"))
        region.system_country.cache_clear()
        assert region.system_country() == "US"
    finally:
        region.system_country.cache_clear()


def test_opening_settings_never_reads_the_keyring(qtbot: QtBot, session: Session) -> None:
    """Reading can make the desktop prompt for the keyring's own password: only on request."""
    import keyring
    from keyring.backend import KeyringBackend

    class Counting(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        reads: list[str] = []  # noqa: RUF012

        def get_password(self, service: str, username: str) -> str | None:
            self.reads.append(username)
            return "pw"

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("not asked to store")

        def delete_password(self, service: str, username: str) -> None:
            raise AssertionError("not asked to forget")

    previous = keyring.get_keyring()
    keyring.set_keyring(Counting())
    try:
        d = dialog(qtbot, session)
        assert Counting.reads == []
        assert "system keyring" in d.password.status.text()
        d.password.check_button.click()
        assert len(Counting.reads) == 1
        assert d.password.status.text() == "Stored in the system keyring."
    finally:
        keyring.set_keyring(previous)
