"""Settings: the controls the declaration asks for, refusals beside their fields, the country
in effect and why, start at login."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
)
from pytestqt.qtbot import QtBot

from followup import login_items
from followup.launcher import APP_ID
from followup.setting_kinds import Kind
from followup.settings import SETTINGS
from followup_desktop.session import Session
from followup_desktop.setting_editors import DaysOffEditor, PlaceList, WeekEditor
from followup_desktop.settings_dialog import SettingsDialog


def dialog(qtbot: QtBot, session: Session) -> SettingsDialog:
    widget = SettingsDialog(session)
    qtbot.addWidget(widget)
    return widget


def test_every_declared_setting_has_the_control_its_kind_declares(
    qtbot: QtBot, session: Session
) -> None:
    d = dialog(qtbot, session)
    assert set(d.editors) == {s.key for s in SETTINGS}
    controls = {
        Kind.TEXT: QLineEdit,
        Kind.EMAIL: QLineEdit,
        Kind.LINES: QPlainTextEdit,
        Kind.NUMBER: QSpinBox,
        Kind.TIME: QTimeEdit,
        Kind.DATES: DaysOffEditor,
        Kind.WEEKDAYS: WeekEditor,
        Kind.CHOICE: QComboBox,
        Kind.COUNTRY: PlaceList,
        Kind.SUBDIVISION: PlaceList,
        Kind.ZONE: PlaceList,
        Kind.BOOL: QCheckBox,
    }
    for setting in SETTINGS:
        editor = d.editors[setting.key]
        assert isinstance(editor, controls[setting.kind]), setting.key
        assert editor.accessibleName() == setting.label
        assert editor.accessibleDescription() == setting.description
        if isinstance(editor, QSpinBox):
            assert (editor.minimum(), editor.maximum()) == (setting.low, setting.high)
        if setting.kind is Kind.CHOICE:
            assert isinstance(editor, QComboBox)
            shown = [(editor.itemData(i), editor.itemText(i)) for i in range(editor.count())]
            assert shown == list(setting.choices)
    assert [d.tabs.tabText(i) for i in range(d.tabs.count())][:2] == [
        "Profile",
        "Business calendar",
    ]


def test_numbers_stay_in_the_declared_range(qtbot: QtBot, session: Session) -> None:
    d = dialog(qtbot, session)
    quiet = d.editors["plan.quiet_days"]
    assert isinstance(quiet, QSpinBox)
    quiet.setValue(500)
    assert quiet.value() == 90  # not 500: the declared 1–90
    quiet.setValue(0)
    assert quiet.value() == 1
    port = d.editors["smtp.port"]
    assert isinstance(port, QSpinBox) and (port.minimum(), port.maximum()) == (1, 65535)


def test_choices_are_offered_in_words_and_saved_as_values(qtbot: QtBot, session: Session) -> None:
    d = dialog(qtbot, session)
    paper, security = d.editors["post.paper"], d.editors["smtp.security"]
    assert isinstance(paper, QComboBox) and isinstance(security, QComboBox)
    words = [paper.itemText(i) for i in range(paper.count())]
    assert words == ["Automatic (from the letter's country)", "US Letter", "A4"]
    assert security.currentText() == "STARTTLS (recommended)"
    paper.setCurrentText("A4")
    clock = d.editors["reminders.morning"]
    assert isinstance(clock, QTimeEdit)
    clock.setTime(QTime(7, 45))
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    assert session.repo.settings()["post.paper"] == "a4"
    assert session.repo.settings()["reminders.morning"] == "07:45"


def test_bad_values_are_explained_beside_their_fields_and_nothing_is_saved(
    qtbot: QtBot, session: Session
) -> None:
    before = session.repo.settings()
    d = dialog(qtbot, session)
    d.show()
    editors = d.editors
    email, country = editors["profile.email"], editors["calendar.country"]
    assert isinstance(email, QLineEdit) and isinstance(country, PlaceList)
    email.setText("sam at example")
    country.setEditText("Atlantis")
    d.accept()
    problems = d.problems()
    assert set(problems) == {"profile.email", "calendar.country"}
    assert "not an e-mail address" in problems["profile.email"]
    assert "'Atlantis' is not in the list" in problems["calendar.country"]
    for key in SETTINGS:  # words, never internal keys
        assert all(key.key not in text for text in problems.values())
    assert d.isVisible() and d.result() == 0
    assert email.accessibleDescription() == problems["profile.email"]  # what a reader says
    assert d.focusWidget() is email  # the first refused field
    assert d.tabs.tabText(d.tabs.currentIndex()) == "Profile"  # the first problem is shown
    assert session.repo.settings() == before
    email.setText("sam@example.com")
    country.setEditText("germany")  # a typed name is looked up
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    assert d.problems() == {}
    assert session.repo.settings()["calendar.country"] == "DE"


def test_an_empty_work_week_is_refused_beside_the_boxes(qtbot: QtBot, session: Session) -> None:
    before = session.repo.settings()
    d = dialog(qtbot, session)
    week = d.editors["calendar.workdays"]
    assert isinstance(week, WeekEditor)
    assert [box.isChecked() for box in week.boxes] == [True] * 5 + [False] * 2
    for box in week.boxes:
        box.setChecked(False)
    d.accept()
    assert "at least one day" in d.problems()["calendar.workdays"]
    assert session.repo.settings() == before
    week.boxes[6].setChecked(True)  # Sun–Thu
    for day in range(4):
        week.boxes[day].setChecked(True)
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    assert session.calendar().workdays == {6, 0, 1, 2, 3}


def test_days_off_are_picked_from_a_calendar_and_removed(qtbot: QtBot, session: Session) -> None:
    d = dialog(qtbot, session)
    days = d.editors["calendar.days_off"]
    assert isinstance(days, DaysOffEditor)
    assert days.picker.calendarPopup()
    for picked in (QDate(2026, 12, 31), QDate(2026, 12, 24), QDate(2026, 12, 31)):
        days.picker.setDate(picked)
        days.add_button.click()
    assert days.days() == ["2026-12-24", "2026-12-31"]  # in date order, once each
    days.picker.setDate(QDate(2027, 1, 2))
    days.add_button.click()
    days.list.setCurrentRow(2)
    days.remove_button.click()
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    assert session.repo.settings()["calendar.days_off"] == ["2026-12-24", "2026-12-31"]
    assert date(2026, 12, 24) in session.calendar().days_off


def test_the_country_list_is_searchable_by_name(qtbot: QtBot, session: Session) -> None:
    d = dialog(qtbot, session)
    country = d.editors["calendar.country"]
    assert isinstance(country, PlaceList)
    assert country.currentText() == "United States" and country.code() == "US"
    assert country.count() > 200  # every country the holidays package knows, by name
    completer = country.completer()
    completer.setCompletionPrefix("king")  # any part of the name
    found = [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    assert "United Kingdom" in found
    country.setEditText("United Kingdom")
    assert country.code() == "GB"


def test_the_region_list_follows_the_country(qtbot: QtBot, session: Session) -> None:
    d = dialog(qtbot, session)
    country, subdiv = d.editors["calendar.country"], d.editors["calendar.subdiv"]
    assert isinstance(country, PlaceList) and isinstance(subdiv, PlaceList)
    names = [subdiv.itemText(i) for i in range(subdiv.count())]
    assert "California (CA)" in names and subdiv.isEnabled()
    country.select("DE")
    names = [subdiv.itemText(i) for i in range(subdiv.count())]
    assert "Bayern (BY)" in names and "California (CA)" not in names
    subdiv.select("BY")
    assert "Germany, Bayern — chosen by you" in d.in_effect.text()
    country.select("IL")  # no regions
    assert not subdiv.isEnabled() and subdiv.code() == ""
    country.select("DE")
    subdiv.select("BY")
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    stored = session.repo.settings()
    assert (stored["calendar.country"], stored["calendar.subdiv"]) == ("DE", "BY")


@pytest.fixture
def system_region(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], None]:
    """The system's region as QLocale would report it (country code, locale name)."""
    from followup_desktop import region

    def set_region(country: str, name: str) -> None:
        monkeypatch.setattr(region, "system_country", lambda: country)
        monkeypatch.setattr(region, "system_locale_name", lambda: name)

    return set_region


def test_the_country_in_effect_is_shown_with_its_reason(
    qtbot: QtBot, session: Session, system_region: Callable[[str, str], None]
) -> None:
    system_region("CA", "en_CA")
    chosen = dialog(qtbot, session)
    assert chosen.in_effect.text() == "Public holidays: United States — chosen by you"
    session.save_settings_or_raise({"calendar.country": ""})
    automatic = dialog(qtbot, session)
    country = automatic.editors["calendar.country"]
    assert isinstance(country, PlaceList) and country.code() == ""
    assert "your system's region (Canada)" in country.currentText()
    assert automatic.in_effect.text() == (
        "Public holidays: Canada — from your system's region (en_CA)"
    )
    assert automatic.in_effect.objectName() != "warning"
    subdiv = automatic.editors["calendar.subdiv"]
    assert isinstance(subdiv, PlaceList)
    subdiv.select("QC")  # a region of the system's country pins that country
    assert automatic.in_effect.text() == "Public holidays: Canada, Quebec — chosen by you"
    system_region("", "C")
    nowhere = dialog(qtbot, session)
    assert "no public holidays are counted" in nowhere.in_effect.text()
    assert nowhere.in_effect.objectName() == "warning"
    assert not nowhere.editors["calendar.subdiv"].isEnabled()
    automatic.accept()
    stored = session.repo.settings()
    assert (stored["calendar.country"], stored["calendar.subdiv"]) == ("CA", "QC")


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


def test_a_signature_that_cannot_be_written_or_removed_is_said(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A data folder that cannot be written (here a file stands where the folder should
    be): import, draw's save and remove say so beside the form; no traceback, nothing half
    written."""
    from PySide6.QtGui import QColor, QImage

    from followup_desktop.settings_extras import SignatureEditor

    scan = QImage(200, 60, QImage.Format.Format_RGB32)
    scan.fill(QColor(20, 20, 60))
    scan.save(str(tmp_path / "scan.png"))
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    said: list[str] = []
    editor = SignatureEditor(blocked, said.append)
    qtbot.addWidget(editor)
    assert not editor.import_file(tmp_path / "scan.png")
    editor.remove()
    assert len(said) == 2 and "cannot write" in said[0] and "was not removed" in said[1]
    assert "No signature" in editor.preview.text()
    assert blocked.read_text() == "a file where the data folder should be"
