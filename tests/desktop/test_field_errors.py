"""Errors beside the field: the record dialogs say what is wrong right under the field the
domain names (``InvalidInput.field``), give it the focus and an accessible description, keep
the dialog open, and write nothing. A hypothesis sweep pushes hostile text and dates through
the same dialogs: a clear message or a valid record, never a traceback."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from followup.errors import InvalidInput
from followup.model import Application, Channel, Contact, Letter, Round
from followup_desktop.call_assistant import CallAssistant
from followup_desktop.composer.send_dialog import SendDialog
from followup_desktop.field_errors import FieldErrors
from followup_desktop.interviews.dialogs import ApplicationDialog, ContactDialog, RoundDialog
from followup_desktop.session import Session

from .conftest import NOW

HOSTILE = [
    "",
    "   ",
    "Zoë 李雷 👩🏽‍💻",
    "a\nb",
    "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "\x9b31m",
    "\x00",
    "\u202etxt.exe",
    "x" * 201,
    "x" * 20_001,
    "%s{0}{{}}",
]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
DAYS = st.one_of(
    st.sampled_from([date(1752, 9, 14), date(1989, 12, 31), date(2101, 1, 1), date(9999, 12, 31)]),
    st.dates(min_value=date(1752, 9, 14), max_value=date(9999, 12, 31)),
)
SWEEP = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def said_beside(dialog: QWidget, fields: FieldErrors, field: str, widget: QWidget) -> str:
    """The one message shown, beside ``field``: focused, described, the form's line hidden."""
    shown = fields.shown()
    assert list(shown) == [field], shown
    message = shown[field]
    assert message and message == widget.accessibleDescription()
    assert dialog.focusWidget() is widget
    assert fields.general.isHidden()
    assert dialog.isVisible()  # it stays open for the user to correct
    return message


def test_the_application_dialog_says_it_beside_the_field(qtbot: QtBot, session: Session) -> None:
    dialog = ApplicationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setText("Acme")
    dialog.role.setText("Engineer\x1b[2J")
    dialog.accept()
    assert "control character" in said_beside(dialog, dialog.fields, "role", dialog.role)
    dialog.role.setText("Engineer")
    dialog.url.setText("https://" + "x" * 3000)  # in the folded "More details"
    dialog.details.setChecked(False)
    dialog.accept()
    assert "too long" in said_beside(dialog, dialog.fields, "posting_url", dialog.url)
    assert dialog.url.isVisible(), "the folded section opened to show it"
    assert session.repo.applications() == []
    dialog.url.setText("https://jobs.example/1")
    dialog.accept()
    assert not dialog.isVisible() and dialog.fields.shown() == {}
    assert [a.company for a in session.repo.applications()] == ["Acme"]


def test_the_contact_dialog_says_it_beside_the_field(qtbot: QtBot, session: Session) -> None:
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert "must not be empty" in said_beside(dialog, dialog.fields, "name", dialog.name)
    dialog.name.setText("Dana")
    dialog.phone.setText("+1 555\u2028 0100")
    dialog.accept()
    assert "line break" in said_beside(dialog, dialog.fields, "phone", dialog.phone)
    assert session.repo.contacts() == []


def test_the_round_dialog_brings_the_tab_forward(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.currentIndex() == 0
    dialog.strengths.setPlainText("x" * 300)
    dialog.accept()
    message = said_beside(dialog, dialog.fields, "strengths", dialog.strengths)
    assert "one of the strengths is too long" in message
    assert dialog.tabs.currentIndex() == 2, "the Notes tab, where the field is"
    dialog.strengths.setPlainText("led the migration")
    dialog.decision.enabled.setChecked(True)
    dialog.decision.edit.setDate(QDate(2200, 1, 1))  # beyond the domain: cannot be held
    assert dialog.decision.edit.date() == QDate(2100, 12, 31)
    dialog.decision.enabled.setChecked(False)
    dialog.tabs.setCurrentIndex(2)
    dialog.start.setTime(QTime(15, 0))
    dialog.end.setTime(QTime(14, 0))
    dialog.accept()
    assert "end after it starts" in said_beside(dialog, dialog.fields, "ends_at", dialog.end)
    assert dialog.tabs.currentIndex() == 0
    assert session.repo.rounds() == [interview]


def test_an_error_about_no_one_field_goes_on_the_forms_line(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    general = QLabel(host)
    fields = FieldErrors(general)
    edit = QLineEdit(host)
    edit.setAccessibleName("Company")
    edit.setAccessibleDescription("Who you applied to")
    fields.wrap("company", edit).setParent(host)
    assert fields.show(InvalidInput("the company is too long", "company")) == "company"
    assert edit.accessibleDescription() == "the company is too long"
    assert fields.show(InvalidInput("the database is busy")) is None
    assert general.text() == "the database is busy" and not general.isHidden()
    assert fields.shown() == {} and edit.accessibleDescription() == "Who you applied to"


def test_the_mark_as_sent_dialog_says_a_far_date_beside_it(qtbot: QtBot) -> None:
    """A far date cannot be picked (the editor has the domain's range); a refusal of the
    time, whatever its cause, is said beside it."""
    checked: list[tuple[Channel, datetime]] = []

    def check(channel: Channel, sent_at: datetime) -> None:
        checked.append((channel, sent_at))
        Letter(0, 1, 1, channel, sent_at).check(NOW)

    zone = ZoneInfo("America/New_York")
    dialog = SendDialog(Channel.EMAIL, NOW, zone, "Dana", check=check)
    qtbot.addWidget(dialog)
    dialog.show()
    zone_id = QTimeZone(b"America/New_York")
    dialog.when.setDateTime(QDateTime(QDate(9999, 12, 30), QTime(10, 0), zone_id))
    assert dialog.when.date() == QDate(2100, 12, 31), "the far date cannot be held"
    dialog.check = lambda channel, sent_at: Letter(
        0, 1, 1, channel, sent_at.replace(year=1)
    ).check()
    dialog.accept()  # a far date the domain refuses (from elsewhere) is still said beside it
    message = said_beside(dialog, dialog.fields, "sent_at", dialog.when)
    assert "the time the letter was sent" in message and "outside 1990–2100" in message
    dialog.check = check
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 26), QTime(9, 0), zone_id))
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == 1
    assert checked[-1][1] == datetime(2026, 11, 26, 14, tzinfo=UTC)


def test_the_call_assistant_says_bad_notes_beside_them(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.notes.setPlainText("They said\x1b]52;c;ZWNobw==\x07 soon")
    assistant.on_record()
    message = said_beside(assistant, assistant.fields, "outcome", assistant.notes)
    assert "control character" in message
    assert session.repo.calls() == []


def _outcome(dialog: QWidget, fields: FieldErrors, before: object, after: object) -> None:
    """Either saved (closed, nothing shown) or refused: one clear message, open, unchanged."""
    if dialog.isVisible():
        shown = list(fields.shown().values()) + (
            [] if fields.general.isHidden() else [fields.general.text()]
        )
        assert len(shown) == 1 and shown[0].strip(), shown
        assert "Traceback" not in shown[0]
        assert after == before, "a refusal wrote nothing"
    else:
        assert fields.shown() == {}


@SWEEP
@given(company=TEXT, role=TEXT, url=TEXT, applied=DAYS)
def test_hostile_text_and_dates_through_the_application_dialog(
    qtbot: QtBot, session: Session, company: str, role: str, url: str, applied: date
) -> None:
    before = session.repo.applications()
    dialog = ApplicationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setText(company)
    dialog.role.setText(role)
    dialog.url.setText(url)
    dialog.applied.edit.setDate(qdate(applied))
    dialog.accept()
    after = session.repo.applications()
    _outcome(dialog, dialog.fields, before, after)
    if not dialog.isVisible():
        saved = dialog.saved
        assert isinstance(saved, Application) and after[-1] == saved
        saved.check()  # what was stored keeps every rule
    dialog.close()


@SWEEP
@given(name=TEXT, email=st.one_of(st.just("a@b.example"), TEXT), address=TEXT)
def test_hostile_text_through_the_contact_dialog(
    qtbot: QtBot, session: Session, name: str, email: str, address: str
) -> None:
    before = session.repo.contacts()
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText(name)
    dialog.email.setText(email)
    dialog.address.setPlainText(address)
    dialog.accept()
    _outcome(dialog, dialog.fields, before, session.repo.contacts())
    dialog.close()


@SWEEP
@given(title=TEXT, topics=TEXT, notes=TEXT, day=DAYS, decision=DAYS)
def test_hostile_text_and_dates_through_the_round_dialog(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    title: str,
    topics: str,
    notes: str,
    day: date,
    decision: date,
) -> None:
    before = session.repo.rounds()
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText(title)
    dialog.topics.setPlainText(topics)
    dialog.notes.setPlainText(notes)
    dialog.day.setDate(qdate(day))
    dialog.decision.enabled.setChecked(True)
    dialog.decision.edit.setDate(qdate(decision))
    dialog.accept()
    _outcome(dialog, dialog.fields, before, session.repo.rounds())
    dialog.close()


@SWEEP
@given(notes=TEXT)
def test_hostile_notes_through_the_call_assistant(
    qtbot: QtBot, session: Session, interview: Round, notes: str
) -> None:
    quiet = _Quiet()
    session.dialogs = quiet  # type: ignore[assignment]  (answers without a window)
    assistant = CallAssistant(session, interview)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.notes.setPlainText(notes)
    assistant.on_record()
    shown = assistant.fields.shown()
    if shown:  # refused by the value rules, beside the notes
        assert list(shown) == ["outcome"] and shown["outcome"].startswith("the outcome")
        assert quiet.refusals == 0
    else:  # fine values: the etiquette (no letter yet) is asked about, and respected
        assert quiet.refusals == 1
    assert session.repo.calls() == [] and quiet.errors == []
    assistant.close()


class _Quiet:
    """Dialogs answered without a window: refusals are respected, errors noted."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.refusals = 0

    def error(self, parent: object, title: str, message: str) -> None:
        self.errors.append(message)

    def retry(self, parent: object, title: str, message: str) -> bool:
        return False

    def confirm_override(self, parent: object, refusal: object) -> None:
        self.refusals += 1


def test_the_same_rule_reaches_every_surface(qtbot: QtBot, session: Session) -> None:
    """The dialog's message is the domain's own words: the command line says the same."""
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("x" * 201)
    dialog.accept()
    with pytest.raises(InvalidInput) as refused:
        Contact(0, "x" * 201).check()
    assert dialog.fields.shown() == {"name": str(refused.value)}
    assert refused.value.field == "name"
