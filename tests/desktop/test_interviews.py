"""The Interviews page: the tree model (10,000 rows), dialogs with validation, delete + undo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt, QTime
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Contact, Round, Status
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.interviews.dialogs import ApplicationDialog, ContactDialog, RoundDialog
from followup_desktop.interviews.model import RecordRole, SortRole
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.session import Session

from .conftest import NOW
from .test_interviews_in_background import spoiled_application


def fill(repo: Repository, count: int) -> None:
    """Many applications with one round each, in one transaction (fast)."""
    from datetime import timedelta

    from followup.model import Contact

    with repo.db.transaction() as cur:
        contact = repo.insert_contact(cur, Contact(0, "Dana"))
        for i in range(count):
            app = repo.insert_application(
                cur, Application(0, f"Company {i:05d}", "Engineer", applied_on=date(2026, 1, 1))
            )
            start = NOW - timedelta(days=i)
            repo.insert_round(
                cur,
                Round(
                    0,
                    app.id,
                    start,
                    start + timedelta(hours=1),
                    "America/New_York",
                    interviewer_ids=(contact.id,),
                ),
            )


def view(qtbot: QtBot, session: Session) -> InterviewsView:
    widget = InterviewsView(session)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_model_with_ten_thousand_applications_filters_and_sorts(
    qtbot: QtBot, session: Session
) -> None:
    fill(session.repo, 10_000)
    page = view(qtbot, session)
    assert page.model.rowCount() == 10_000
    assert page.model.rowCount(page.model.index(0, 0)) == 1
    qtbot.keyClicks(page.search, "Company 09999")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == "Company 09999"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10_000)
    page.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert page.model.index(0, 0).data() == "Company 00000"
    page.tree.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.model.index(0, 0).data() == "Company 09999"
    first_round = page.model.index(0, 2, page.model.index(0, 0))
    assert first_round.data(SortRole) < page.model.index(0, 2, page.model.index(1, 0)).data(
        SortRole
    )  # Company 09999's interview is the oldest


def test_filter_matches_interviewers_and_keeps_the_application(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    page = view(qtbot, session)
    qtbot.keyClicks(page.search, "lee park")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    app_index = page.model.index(0, 0)
    assert page.model.rowCount(app_index) == 1
    assert "Lee Park" in page.model.index(0, 1, app_index).data()


def test_new_application_with_bad_input_says_why_and_saves_nothing(
    qtbot: QtBot, session: Session
) -> None:
    dialog = ApplicationDialog(session)
    qtbot.addWidget(dialog)
    dialog.role.setText("Engineer")
    dialog.accept()
    assert dialog.isVisible() is False or dialog.result() == 0
    assert dialog.fields.shown() == {"company": "the company must not be empty"}
    assert dialog.focusWidget() is dialog.company and dialog.error.isHidden()
    assert session.repo.applications() == []
    dialog.company.setText("Acme GmbH — Zürich")
    with qtbot.waitSignal(session.schedule_changed):
        dialog.accept()
    assert [a.company for a in session.repo.applications()] == ["Acme GmbH — Zürich"]


def test_new_round_validates_times_zone_and_saves_interviewers_and_notes(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2026, 12, 2))
    dialog.start.setTime(QTime(14, 0))
    dialog.end.setTime(QTime(13, 0))
    dialog.accept()
    assert "end after it starts" in dialog.fields.shown()["ends_at"]
    dialog.end.setTime(QTime(15, 0))
    dialog.zone.setCurrentText("Mars/Olympus_Mons")
    dialog.accept()
    assert "unknown time zone" in dialog.fields.shown()["timezone"]
    assert len(session.repo.rounds()) == 1
    dialog.zone.setCurrentText("Europe/Berlin")
    people = dialog.people_model
    people.setData(people.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    dialog.topics.setPlainText("Kafka\n\n  on-call  \n")
    dialog.strengths.setPlainText("led the migration")
    dialog.decision.enabled.setChecked(True)
    dialog.decision.edit.setDate(QDate(2026, 12, 10))
    dialog.accept()
    saved = dialog.saved
    assert saved is not None
    assert saved.starts_at.isoformat() == "2026-12-02T14:00:00+01:00"
    assert saved.topics == ("Kafka", "on-call") and saved.decision_on == date(2026, 12, 10)
    assert len(saved.interviewer_ids) == 1
    assert session.repo.round(saved.id) == saved


@pytest.mark.parametrize(
    ("utc", "day", "start", "end"),
    [
        # 13:40 in New York: the hour that has just ended, not one still going on
        (datetime(2026, 11, 26, 18, 40, tzinfo=UTC), QDate(2026, 11, 26), "12:00", "13:00"),
        # 00:20 in New York: a whole hour on one day, yesterday, already over
        (datetime(2026, 11, 27, 5, 20, tzinfo=UTC), QDate(2026, 11, 26), "22:00", "23:00"),
        # 01:00 sharp: the hour from midnight
        (datetime(2026, 11, 27, 6, 0, tzinfo=UTC), QDate(2026, 11, 27), "00:00", "01:00"),
    ],
)
def test_a_new_interview_defaults_to_the_last_hour_that_has_ended(
    qtbot: QtBot,
    session: Session,
    clock: FixedClock,
    interview: Round,
    utc: datetime,
    day: QDate,
    start: str,
    end: str,
) -> None:
    clock.set(utc)
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    assert dialog.day.date() == day
    assert (dialog.start.time().toString("HH:mm"), dialog.end.time().toString("HH:mm")) == (
        start,
        end,
    )
    dialog.accept()
    saved = dialog.saved
    assert saved is not None, dialog.fields.shown()
    assert saved.starts_at < saved.ends_at <= utc


def test_contact_dialog_refuses_a_bad_email(qtbot: QtBot, session: Session) -> None:
    dialog = ContactDialog(session)
    qtbot.addWidget(dialog)
    dialog.name.setText("Zoë Ångström")
    dialog.email.setText("zoe at example")
    dialog.accept()
    assert "not an e-mail address" in dialog.fields.shown()["email"]
    assert session.repo.contacts() == []
    dialog.email.setText("zoe@example.se")
    dialog.address.setPlainText("Storgatan 1\n111 22 Stockholm")
    dialog.accept()
    assert session.repo.contacts()[0].address.lines == ("Storgatan 1", "111 22 Stockholm")


def test_delete_with_undo_and_redo(qtbot: QtBot, session: Session, interview: Round) -> None:
    dana = interview.interviewer_ids[0]
    session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW)
    page = view(qtbot, session)
    page.select(session.repo.application(interview.application_id))
    with qtbot.waitSignal(page.status_message) as message:
        qtbot.keyClick(page, Qt.Key.Key_Delete)
    assert "Undo with Ctrl+Z" in message.args[0]
    assert session.repo.applications() == [] and session.repo.letters() == []
    assert page.model.rowCount() == 0
    session.undo_stack.undo()
    assert session.repo.round(interview.id) == interview
    assert len(session.repo.letters()) == 1
    assert page.model.rowCount() == 1
    session.undo_stack.redo()
    assert session.repo.applications() == []


def test_edit_opens_on_enter_and_keeps_values(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    page = view(qtbot, session)
    page.select(interview)
    seen: list[str] = []

    def check(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundDialog)
        seen.append(dialog.topics.toPlainText())
        dialog.title.setText("Final round")
        dialog.accept()

    on_next_modal(check)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert seen == ["event sourcing"]
    assert session.repo.round(interview.id).title == "Final round"
    index: QModelIndex = page.tree.currentIndex()
    assert index.data(RecordRole).id == interview.id
    assert session.repo.application(interview.application_id).status is Status.ACTIVE


def test_an_interviewers_address_can_be_edited_from_the_interview(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)
    dialog.people.setCurrentIndex(dialog.people_model.index(0))
    name = dialog.people.currentIndex().data()

    def change(contact_dialog: QWidget) -> None:
        assert isinstance(contact_dialog, ContactDialog)
        contact_dialog.address.setPlainText("Acme GmbH\nHauptstraße 5\n10115 Berlin")
        contact_dialog.accept()

    on_next_modal(change)
    dialog.edit_person.click()
    contact = next(c for c in session.repo.contacts() if c.name == name)
    assert contact.address.lines == ("Acme GmbH", "Hauptstraße 5", "10115 Berlin")


def test_contacts_and_the_application_deleted_by_another_program_under_an_open_form(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
    read_next_message: Callable[[list[str]], None],
) -> None:
    """Edit contact… on a contact another program deleted says so (it raised NotFound to
    the terminal, and nothing on screen); New contact… still makes one; the round, saved
    under a deleted application, is refused with a message and nothing written."""
    gone = session.repo.add_contact(Contact(0, "Gone Person"))
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)
    other = Repository(Database.open(session.repo.db.path, NOW))
    other.delete_contact(gone.id)
    model = dialog.people_model
    row = next(n for n in range(model.rowCount()) if model.index(n).data() == "Gone Person")
    dialog.people.setCurrentIndex(model.index(row))
    said: list[str] = []
    read_next_message(said)
    dialog.edit_person.click()
    assert said == [  # by name: the user never sees ids
        "Contact not found: Gone Person is no longer among your contacts: another program "
        "may have deleted them."
    ]
    other.delete_application(interview.application_id)
    other.db.close()

    def add(contact_dialog: QWidget) -> None:
        assert isinstance(contact_dialog, ContactDialog)
        assert contact_dialog.company.text() == ""
        contact_dialog.name.setText("Ana Cruz")
        contact_dialog.accept()

    on_next_modal(add)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "New contact…").click()
    assert "Ana Cruz" in session.repo.contact_names().values()
    dialog.accept()
    assert dialog.saved is None and session.repo.rounds() == []
    assert dialog.error.text() == (
        "The interview is no longer in your file: another program may have deleted it."
    )
    new_round = RoundDialog(session, interview.application_id, None)  # opened before, say
    qtbot.addWidget(new_round)
    new_round.accept()
    assert new_round.error.text() == (
        "The application is no longer in your file: another program may have deleted it."
    )


def test_a_contact_deleted_under_its_open_form_is_named_when_saving(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    lee = next(c for c in session.repo.contacts() if c.name == "Lee Park")
    form = ContactDialog(session, lee)
    qtbot.addWidget(form)
    with sqlite3.connect(session.repo.db.path) as raw:  # another program deletes him
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("DELETE FROM contacts WHERE id = ?", (lee.id,))
    form.title.setText("Head of Engineering")
    form.accept()
    assert form.saved is None
    assert form.error.text() == (
        "Lee Park is no longer among your contacts: another program may have deleted them."
    )


def test_a_contact_that_cannot_be_read_opens_to_be_fixed_from_the_interview(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """A hand edit left a control character in the name: Edit contact… opens it with the
    reason beside the name (it was a traceback on the terminal), and the fix is saved."""
    lee = interview.interviewer_ids[1]
    with sqlite3.connect(session.repo.db.path) as raw:  # another program's hand edit
        raw.execute("UPDATE contacts SET name = ? WHERE id = ?", ("Lee\x1b[2J Park", lee))
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)
    model = dialog.people_model
    dialog.people.setCurrentIndex(
        model.index(next(n for n in range(model.rowCount()) if model.contact_at(n) == lee))
    )
    shown: list[dict[str, str]] = []

    def fix(contact_dialog: QWidget) -> None:
        assert isinstance(contact_dialog, ContactDialog)
        shown.append(contact_dialog.fields.shown())
        contact_dialog.name.setText("Lee Park")
        contact_dialog.accept()

    on_next_modal(fix)
    dialog.edit_person.click()
    assert shown == [{"name": "the name contains a control character (U+001B)"}]
    assert session.repo.contact(lee).name == "Lee Park"
    assert dialog.people.currentIndex().data() == "Lee Park"


def test_a_new_contact_under_an_application_that_cannot_be_read(
    qtbot: QtBot,
    session: Session,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    app_id, _round = spoiled_application(
        Path(session.repo.db.path), "active", "2026-11-20T10:00:00+00:00"
    )
    dialog = RoundDialog(session, app_id, None)
    qtbot.addWidget(dialog)

    def add(contact_dialog: QWidget) -> None:
        assert isinstance(contact_dialog, ContactDialog)
        contact_dialog.name.setText("Ana Cruz")
        contact_dialog.accept()

    on_next_modal(add)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "New contact…").click()
    assert "Ana Cruz" in session.repo.contact_names().values()


def test_a_ticked_interviewer_deleted_meanwhile_is_named_when_saving(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """The form says who, by name, beside the list (it said "No contact 7"), and nothing
    is written."""
    gone = session.repo.add_contact(Contact(0, "Gone Person"))
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)
    model = dialog.people_model
    row = next(n for n in range(model.rowCount()) if model.contact_at(n) == gone.id)
    model.setData(model.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    other = Repository(Database.open(session.repo.db.path, NOW))
    other.delete_contact(gone.id)
    other.db.close()
    dialog.title.setText("Changed")
    dialog.accept()
    assert dialog.fields.shown() == {
        "interviewer_ids": "Gone Person is no longer among your contacts: another program "
        "may have deleted them. Untick them to save."
    }
    assert dialog.saved is None and session.repo.round(interview.id).title == interview.title


def test_the_interviewers_rows_hold_their_whole_tick_box_in_the_form(
    qtbot: QtBot, session: Session, interview: Round, app_style_sheet: str
) -> None:
    """As the form opens, not only after a search lays the list out again (the rows were
    14 px, the tick boxes' lower edge cut, until then)."""
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(1)
    model, view = dialog.people_model, dialog.people
    qtbot.waitUntil(lambda: view.visualRect(model.index(0)).isValid())
    box = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, view)
    heights = {view.visualRect(model.index(n)).height() for n in range(model.rowCount())}
    assert min(heights) >= box + 4


def test_with_no_contacts_the_interviewers_tab_says_how_to_add_them(
    qtbot: QtBot,
    session: Session,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    app = session.repo.add_application(Application(0, "Globex", "Analyst"))
    dialog = RoundDialog(session, app.id)
    qtbot.addWidget(dialog)
    assert dialog.people_model.count() == 0
    assert "No contacts yet" in dialog.people_hint.text()
    assert "New contact…" in dialog.people_hint.text()

    def add(contact_dialog: QWidget) -> None:
        assert isinstance(contact_dialog, ContactDialog)
        contact_dialog.name.setText("Ana Cruz")
        contact_dialog.accept()

    on_next_modal(add)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "New contact…").click()
    assert dialog.people_model.count() == 1 and dialog.interviewers() != ()
    assert dialog.people_hint.text().startswith("Tick everyone who interviewed you")


def test_interviewers_are_found_by_name_and_ticks_stay_in_sight(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Among many contacts, the list shows those whose name holds the text (any case), and
    always the ones ticked; what the search field holds is not a change to lose."""
    for name in ("Émile Zola", "Lee Parker", "Ana Lee", "Bo"):
        session.repo.add_contact(Contact(0, name))
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)

    def shown() -> list[str]:
        people = dialog.people_model
        return [people.index(row).data() for row in range(people.rowCount())]

    everyone = shown()
    assert len(everyone) == 6
    dialog.find_person.setText("  LEE ")
    # Lee Park and Dana Müller interviewed (ticked); Lee Parker and Ana Lee match.
    assert shown() == ["Ana Lee", "Dana Müller", "Lee Park", "Lee Parker"]
    dialog.find_person.setText("émile")
    assert shown() == ["Dana Müller", "Lee Park", "Émile Zola"]
    assert not dialog.changed()  # Cancel now asks nothing
    dialog.find_person.clear()
    assert shown() == everyone


def test_an_interviewer_is_ticked_from_the_keyboard_and_the_tick_is_a_change(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Space on a highlighted contact ticks it (as a click on its box does); a tick counts as
    a change to keep (Cancel asks), and the round is saved with it."""
    session.repo.add_contact(Contact(0, "Kim Newman"))
    dialog = RoundDialog(session, interview.application_id, interview)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)  # Interviewers
    people = dialog.people_model
    row = next(
        r for r in range(people.rowCount()) if people.contact_at(r) not in interview.interviewer_ids
    )
    dialog.people.setCurrentIndex(people.index(row))
    dialog.people.setFocus()
    assert not dialog.changed()
    qtbot.keyClick(dialog.people, Qt.Key.Key_Space)
    assert people.contact_at(row) in dialog.interviewers()
    assert dialog.changed()
    dialog.accept()
    assert dialog.saved is not None
    assert people.contact_at(row) in dialog.saved.interviewer_ids


LOOKS_LIKE_HTML = '<img src="file:///dev/zero">'  # loaded as an image, it fills the memory


def test_names_that_look_like_html_are_shown_as_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Qt takes a tooltip or label text that starts with a tag for HTML: a company typed or
    imported as an <img> of /dev/zero made the page load it on hover (the memory filled)."""
    from dataclasses import replace

    from PySide6.QtGui import QTextDocument

    from followup_desktop.call_assistant import CallAssistant

    repo = session.repo
    app = repo.application(interview.application_id)
    repo.update_application(replace(app, company=LOOKS_LIKE_HTML, role="<b>Lead</b>"))
    page = view(qtbot, session)
    tip = page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    shown = QTextDocument()
    shown.setHtml(tip)
    assert shown.toPlainText() == LOOKS_LIKE_HTML
    assert "<img" not in tip
    assistant = CallAssistant(session, repo.round(interview.id))
    qtbot.addWidget(assistant)
    labels = [
        label
        for label in assistant.findChildren(QLabel)
        if label.text().startswith(LOOKS_LIKE_HTML)
    ]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
