"""The GUI's dialogs reach the same value rules as the command line and import (issue 9)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.interviews.dialogs import ApplicationDialog, ContactDialog, RoundDialog
from followup_desktop.session import Session
from followup_desktop.setting_editors import WeekEditor
from followup_desktop.settings_dialog import SettingsDialog


def test_contact_dialog_refuses_escapes_newlines_and_huge_names(
    qtbot: QtBot, session: Session
) -> None:
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    for name, why in (
        ("Eve\x1b]52;c;ZWNobyBwd25lZA==\x07", "control character"),
        ("x" * 1_000_000, "too long"),
    ):
        dialog.name.setText(name)
        dialog.accept()
        assert why in dialog.fields.shown()["name"]
        assert dialog.focusWidget() is dialog.name
    dialog.name.setText("Dana")
    dialog.address.setPlainText("\n".join(f"line {i}" for i in range(30)))
    dialog.accept()
    assert "at most 10" in dialog.fields.shown()["address"]
    assert session.repo.contacts() == []


def test_application_dialog_cannot_hold_a_date_in_year_9999(qtbot: QtBot, session: Session) -> None:
    """The editor's range is the domain's (followup_desktop/date_range.py): year 9999, which
    the domain refuses, cannot be held, so nothing far is ever offered for saving."""
    dialog = ApplicationDialog(session)
    qtbot.addWidget(dialog)
    dialog.company.setText("Acme")
    dialog.role.setText("Engineer")
    dialog.applied.enabled.setChecked(True)
    dialog.applied.edit.setDate(QDate(9999, 12, 31))
    assert dialog.applied.edit.date() == QDate(2100, 12, 31)
    dialog.accept()
    assert dialog.fields.shown() == {}
    assert [a.applied_on for a in session.repo.applications()] == [date(2100, 12, 31)]


def test_round_dialog_refuses_a_start_the_clocks_skip(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    dialog.zone.setCurrentText("Europe/Berlin")
    dialog.day.setDate(QDate(2026, 3, 29))
    dialog.start.setTime(QTime(2, 30))
    dialog.end.setTime(QTime(4, 0))
    dialog.accept()
    assert "does not exist in Europe/Berlin" in dialog.fields.shown()["starts_at"]
    assert "01:30 or 03:30" in dialog.fields.shown()["starts_at"]
    assert len(session.repo.rounds()) == 1
    dialog.title.setText("Round\x1b[2J two")
    dialog.start.setTime(QTime(3, 30))
    dialog.accept()
    assert "control character" in dialog.fields.shown()["title"]
    assert len(session.repo.rounds()) == 1


def test_settings_dialog_shows_the_work_week_as_written(qtbot: QtBot, session: Session) -> None:
    """A week set as text elsewhere (``followup settings set calendar.workdays Sun-Thu``)
    shows as those boxes, and is saved back unchanged."""
    session.save_settings_or_raise({"calendar.workdays": "Sun-Thu"})
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    week = dialog.editors["calendar.workdays"]
    assert isinstance(week, WeekEditor)
    assert [box.isChecked() for box in week.boxes] == [True] * 4 + [False, False, True]
    with qtbot.waitSignal(session.settings_changed):
        dialog.accept()
    assert session.repo.settings()["calendar.workdays"] == "mon,tue,wed,thu,sun"


def test_dialogs_store_the_values_the_domain_trims(qtbot: QtBot, session: Session) -> None:
    """The dialogs hand the values over as typed; the domain trims them, as for the command
    line and import, and the value stored is the one shown."""
    contact = ContactDialog(session)
    qtbot.addWidget(contact)
    contact.name.setText("  Dana Müller ")
    contact.title.setText("  CTO  ")
    contact.email.setText(" dana@acme.example ")
    contact.accept()
    dana = session.repo.contacts()[0]
    assert (dana.name, dana.title, dana.email) == ("Dana Müller", "CTO", "dana@acme.example")
    app = ApplicationDialog(session)
    qtbot.addWidget(app)
    app.company.setText("  Acme Corp  ")
    app.role.setText(" Engineer ")
    app.accept()
    stored = session.repo.applications()[0]
    assert (stored.company, stored.role) == ("Acme Corp", "Engineer")
