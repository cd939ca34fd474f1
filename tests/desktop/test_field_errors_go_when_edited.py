"""A message beside a field is about the value that was there: it goes as soon as the user
edits that field (other fields' messages stay), and the next save says it again when the new
value is still wrong. Found by the new-user trial: the country, a contact's name and the
time a letter was sent kept their errors after being corrected."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Channel, Letter, Round
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.interviews.dialogs import ContactDialog, RoundDialog
from followup_desktop.session import Session
from followup_desktop.setting_editors import PlaceList
from followup_desktop.settings_dialog import SettingsDialog

from .conftest import NOW


def test_a_contacts_name_error_goes_when_a_name_is_typed(qtbot: QtBot, session: Session) -> None:
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.email.setText("bad address")
    dialog.accept()
    assert list(dialog.fields.shown()) == ["name"]
    qtbot.keyClicks(dialog.name, "Ali")
    assert dialog.fields.shown() == {}
    assert dialog.name.accessibleDescription() == ""
    assert all(label.isHidden() or not label.text() for label in _messages(dialog))
    dialog.name.setText("   ")  # still empty once trimmed: the next save says so again
    dialog.accept()
    assert list(dialog.fields.shown()) == ["name"] and dialog.isVisible()
    assert session.repo.contacts() == []


def test_the_country_error_goes_when_a_country_is_picked(qtbot: QtBot, session: Session) -> None:
    d = SettingsDialog(session)
    qtbot.addWidget(d)
    d.show()
    email, country = d.editors["profile.email"], d.editors["calendar.country"]
    assert isinstance(email, QLineEdit) and isinstance(country, PlaceList)
    email.setText("sam at example")
    country.setEditText("Automatic: your system's region (UnitGer")
    d.accept()
    assert set(d.problems()) == {"profile.email", "calendar.country"}
    country.setCurrentIndex(country.findData("DE"))  # Germany, picked from the list
    assert set(d.problems()) == {"profile.email"}, "only the field edited loses its message"
    email.setText("sam@example.com")
    assert d.problems() == {}
    with qtbot.waitSignal(session.settings_changed):
        d.accept()
    assert session.repo.settings()["calendar.country"] == "DE"


def test_a_time_in_the_future_error_goes_when_the_time_is_corrected(qtbot: QtBot) -> None:
    zone = ZoneInfo("America/New_York")

    def check(channel: Channel, sent_at: datetime) -> None:
        Letter(0, 1, 1, channel, sent_at).check(NOW)

    dialog = SendDialog(Channel.EMAIL, NOW, zone, "Priya", check=check)
    qtbot.addWidget(dialog)
    dialog.show()
    zone_id = QTimeZone(b"America/New_York")
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 28), QTime(10, 0), zone_id))
    dialog.accept()
    assert "in the future" in dialog.fields.shown()["sent_at"]
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 27), QTime(11, 0), zone_id))
    assert dialog.fields.shown() == {}
    assert dialog.when.accessibleDescription() == ""
    dialog.accept()  # still after now (10:00 in New York): said again
    assert "in the future" in dialog.fields.shown()["sent_at"] and dialog.isVisible()


def test_one_message_for_two_times_goes_when_either_is_edited(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(8, 0))
    dialog.accept()
    assert "end after it starts" in dialog.fields.shown()["ends_at"]
    dialog.end.setTime(QTime(8, 30))
    assert dialog.fields.shown() == {}
    assert all(label.isHidden() for label in _messages(dialog))


def _messages(dialog: QWidget) -> list[QLabel]:
    """The lines under the fields (named "Problem with …")."""
    return [
        label
        for label in dialog.findChildren(QLabel)
        if label.accessibleName().startswith("Problem with")
    ]
