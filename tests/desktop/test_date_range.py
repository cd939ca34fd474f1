"""Date and date-time editors offer only the dates the domain accepts (1990–2100, from
followup.validation), not Qt's 1752–9999: found by the hostile sweep, a year picked as 2150
was refused only on Save. The calendar page pages no further than those dates either."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Call, Channel, Letter, Round
from followup.unreadable import Unreadable
from followup.validation import EARLIEST, LATEST, check_moment, moment_range
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.interviews.dialogs import ApplicationDialog, RoundDialog
from followup_desktop.session import Session
from followup_desktop.setting_editors import DaysOffEditor
from followup_desktop.stored_records import RecordFixDialog

from .conftest import NOW, NY

FAR = ZoneInfo("Pacific/Auckland")  # UTC+13 at New Year (summer): the UTC date is a day behind


def day(value: QDate) -> date:
    result = value.toPython()
    assert isinstance(result, date)
    return result


def editors(widget: QWidget) -> list[QDateTimeEdit]:
    """Every date or date-time editor a user can reach in ``widget`` (QDateEdit is one; a
    QTimeEdit, also one to Qt, holds no date)."""
    return [e for e in widget.findChildren(QDateTimeEdit) if not isinstance(e, QTimeEdit)]


def test_every_date_editor_offers_only_the_domains_days(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    app = session.repo.application(interview.application_id)
    letter = Letter(7, interview.id, interview.interviewer_ids[0], Channel.EMAIL, NOW)
    bad = Unreadable("letter", 7, "", ("unreadable",), letter, (), ("channel",))
    call = Call(8, interview.id, NOW, "ok")
    widgets: list[QWidget] = [
        ApplicationDialog(session, app),
        RoundDialog(session, app.id, interview),
        RoundDialog(session, app.id),
        SendDialog(Channel.EMAIL, NOW, NY, "Dana"),
        SendDialog(Channel.POST, NOW, FAR, "Dana"),
        RecordFixDialog(session, bad),
        RecordFixDialog(session, Unreadable("call", 8, "", ("bad",), call)),
        DaysOffEditor([], date(2026, 11, 27)),
    ]
    seen = 0
    for widget in widgets:
        qtbot.addWidget(widget)
        for edit in editors(widget):
            seen += 1
            if isinstance(edit, QDateEdit):
                assert (day(edit.minimumDate()), day(edit.maximumDate())) == (EARLIEST, LATEST)
                popup = edit.calendarWidget()
                assert (day(popup.minimumDate()), day(popup.maximumDate())) == (EARLIEST, LATEST)
            else:
                zone = ZoneInfo(edit.timeZone().id().data().decode())
                first, last = moment_range(zone)
                low = edit.minimumDateTime().toSecsSinceEpoch()
                high = edit.maximumDateTime().toSecsSinceEpoch()
                assert (low, high) == (int(first.timestamp()), int(last.timestamp()))
    assert seen == 10  # applied on; day and decision, twice (4); two sent-at; two fixes; day off


def test_stepping_the_year_stops_at_the_domains_ends(qtbot: QtBot, session: Session) -> None:
    """Arrow keys and Page Up/Down on the year do not go past 2100 or before 1990."""
    dialog = ApplicationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.applied.edit
    edit.setFocus()
    edit.setCurrentSection(QDateTimeEdit.Section.YearSection)
    edit.setDate(QDate(2100, 6, 1))
    for key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
        qtbot.keyClick(edit, key)
    assert EARLIEST <= day(edit.date()) <= LATEST
    edit.setDate(QDate(1990, 6, 1))
    edit.setCurrentSection(QDateTimeEdit.Section.YearSection)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
        qtbot.keyClick(edit, key)
    assert EARLIEST <= day(edit.date()) <= LATEST
    edit.setDate(QDate(2150, 1, 1))  # as a paste or a typed year would ask
    assert day(edit.date()) <= LATEST


@pytest.mark.parametrize(
    ("zone", "picked", "at"),
    [(NY, QDate(2100, 12, 31), "23:30"), (FAR, QDate(1990, 1, 1), "05:00")],
)
def test_the_sent_at_moment_stops_where_the_domain_does(
    qtbot: QtBot, zone: ZoneInfo, picked: QDate, at: str
) -> None:
    """23:30 on 31 December 2100 in New York is 2101 in UTC, 05:00 on 1 January 1990 in
    Auckland (UTC+13) is 1989 in UTC: the editor stops at the last and first moments the
    domain accepts."""
    dialog = SendDialog(Channel.EMAIL, NOW, zone, "Dana")
    qtbot.addWidget(dialog)
    dialog.when.setDate(picked)
    dialog.when.setTime(QTime.fromString(at, "HH:mm"))
    moment = datetime.fromtimestamp(dialog.when.dateTime().toSecsSinceEpoch(), UTC)
    assert check_moment(moment.astimezone(zone), "sent at")  # accepted, not refused
