"""A database holding values that are refused today (an old version's, a hand edit), written
directly with sqlite3: the app still starts, lists them marked "invalid" with a plain reason,
lets the user fix or delete them, and says which settings it ignored."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Round
from followup.unreadable import Unreadable
from followup_desktop.calendar.view import CalendarView
from followup_desktop.clock import FixedClock
from followup_desktop.interviews.dialogs import ApplicationDialog, ContactDialog, RoundDialog
from followup_desktop.interviews.model import INVALID, RecordRole
from followup_desktop.session import Session
from followup_desktop.shell import Shell
from followup_desktop.stored_records import RecordFixDialog, StoredRecordsDialog

from .conftest import NY
from .test_reminders import Recorder

W = TypeVar("W", bound=QWidget)


def spoil(db: Path, interview: Round) -> dict[str, int]:
    """Values refused today, written as a hand edit would: ids of the spoiled records."""
    with sqlite3.connect(db) as raw:
        app = raw.execute(
            "INSERT INTO applications(company, role, applied_on, source) "
            "VALUES ('Beta', 'Dev', 'garbage', 'portal')"
        ).lastrowid
        far = raw.execute(
            "INSERT INTO rounds(application_id, starts_at, ends_at, timezone, kind) VALUES "
            "(?, '9999-12-31T10:00:00+00:00', '9999-12-31T11:00:00+00:00', 'UTC', 'video')",
            (interview.application_id,),
        ).lastrowid
        early = raw.execute(
            "INSERT INTO rounds(application_id, starts_at, ends_at, timezone, kind) VALUES "
            "(?, '0001-01-01T10:00:00+00:00', '0001-01-01T11:00:00+00:00', 'UTC', 'video')",
            (interview.application_id,),
        ).lastrowid
        broken = raw.execute(
            "INSERT INTO rounds(application_id, starts_at, ends_at, timezone, kind, topics, title)"
            " VALUES (?, 'not a time', 'not a time either', 'Mars/Olympus', 'séance', 'null', ?)",
            (interview.application_id, "x" * 1_000_000),
        ).lastrowid
        raw.execute("UPDATE rounds SET decision_on = 'soon' WHERE id = ?", (interview.id,))
        raw.executemany(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [
                ("calendar.subdiv", '"ZZ"'),
                ("calendar.workdays", '"garbage"'),
                # Not JSON at all: text written bare, and bytes.
                ("profile.name", "Sam"),
                ("plan.quiet_days", b"\x00\xff"),
            ],
        )
    return {"app": app or 0, "far": far or 0, "early": early or 0, "broken": broken or 0}


def unreadable(session: Session, kind: str, record_id: int) -> Unreadable:
    return next(b for b in session.repo.unreadable() if (b.kind, b.id) == (kind, record_id))


def started(qtbot: QtBot, session: Session) -> Shell:
    shell = Shell(session, notifier=Recorder())
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.window.today.model.loaded, timeout=5000)
    return shell


def marked(shell: Shell) -> dict[str, str]:
    """Each row marked invalid in Interviews: its first column → its reason column."""
    model = shell.window.interviews.model
    found: dict[str, str] = {}
    for row in range(model.rowCount()):
        app_index = model.index(row, 0)
        if model.index(row, 3).data() == INVALID:
            found[f"app {app_index.data(RecordRole).id}"] = model.index(row, 4).data()
        for child in range(model.rowCount(app_index)):
            if model.index(child, 2, app_index).data() == INVALID:
                record = model.index(child, 0, app_index).data(RecordRole)
                found[f"round {record.id}"] = model.index(child, 4, app_index).data()
    return found


def test_the_app_starts_and_lists_what_it_cannot_read(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, tmp_path: Path
) -> None:
    ids = spoil(tmp_path / "gui.sqlite3", interview)
    clock.set(datetime(2026, 11, 30, 10, tzinfo=NY))
    shell = started(qtbot, session)
    today = shell.window.today
    assert today.empty.text() != "Loading…"
    assert today.heading.text() == "Today, Monday, 30 November"
    banner = shell.window.stored_values
    assert banner.isVisible()
    text = banner.text.text()
    assert "“State or region” in Settings (Business calendar)" in text and "ZZ" in text
    assert "“Work week” in Settings" in text
    assert "“Name” in Settings (Profile) is not used: the stored value “Sam” cannot be" in text
    assert "“Quiet days after the call” in Settings (Plan) is not used" in text
    assert "calendar." not in text  # the window names settings by their labels, never by key
    found = marked(shell)
    assert set(found) == {
        f"app {ids['app']}",
        f"round {ids['far']}",
        f"round {ids['early']}",
        f"round {ids['broken']}",
        f"round {interview.id}",
    }
    assert "the date applied “garbage” cannot be read" in found[f"app {ids['app']}"]
    assert "out of range" in found[f"round {ids['far']}"]
    assert "out of range" in found[f"round {ids['early']}"]
    broken = found[f"round {ids['broken']}"]
    assert "the start “not a time” cannot be read" in broken
    assert "the time zone" in broken and "the kind of interview" in broken
    assert "the topics “null”" in broken
    assert "the title is too long (1,000,000 characters; at most 200)" in broken
    assert "the decision date “soon”" in found[f"round {interview.id}"]
    calendar = shell.window.page("calendar")
    assert isinstance(calendar, CalendarView)  # built and filled without the bad rounds


def test_a_bad_record_is_fixed_in_the_edit_dialog(
    qtbot: QtBot,
    session: Session,
    clock: FixedClock,
    interview: Round,
    tmp_path: Path,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    ids = spoil(tmp_path / "gui.sqlite3", interview)
    shell = started(qtbot, session)
    shell.window.show_page("interviews")  # where the user edits (hidden, it reads on showing)
    page = shell.window.interviews
    page.reload()
    bad = unreadable(session, "interview round", ids["far"])
    assert isinstance(bad.repaired, Round)
    page.select(bad.repaired)
    index: QModelIndex = page.tree.currentIndex()
    assert index.data(RecordRole).id == ids["far"]

    def fix(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundDialog)
        dialog.day.setDate(dialog.day.date().addYears(2026 - dialog.day.date().year()))
        dialog.accept()

    on_next_modal(fix)
    page.edit(index)
    fixed = session.repo.round(ids["far"])
    assert fixed.starts_at.year == 2026
    assert f"round {ids['far']}" not in marked(shell)

    app_bad = unreadable(session, "application", ids["app"])
    assert isinstance(app_bad.repaired, Application)
    page.select(app_bad.repaired)

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, ApplicationDialog)
        dialog.accept()  # the unreadable date was dropped; saving stores the rest

    on_next_modal(keep)
    page.edit(page.tree.currentIndex())
    assert session.repo.application(ids["app"]).applied_on is None
    assert f"app {ids['app']}" not in marked(shell)


def test_a_bad_record_can_be_deleted_and_the_delete_undone(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path
) -> None:
    ids = spoil(tmp_path / "gui.sqlite3", interview)
    shell = started(qtbot, session)
    shell.window.show_page("interviews")  # where the user edits (hidden, it reads on showing)
    page = shell.window.interviews
    page.reload()
    bad = unreadable(session, "interview round", ids["broken"])
    assert isinstance(bad.repaired, Round)
    page.select(bad.repaired)
    page.delete()
    assert f"round {ids['broken']}" not in marked(shell)
    assert ("interview round", ids["broken"]) not in {
        (b.kind, b.id) for b in session.repo.unreadable()
    }
    session.undo_stack.undo()  # comes back as it could be read: bad fields replaced
    assert session.repo.round(ids["broken"]).title.startswith("xxx")


def spoil_history(db: Path, interview: Round) -> dict[str, int]:
    """Letters, a call and an inquiry holding values refused today, as a hand edit writes
    them (check constraints off, bytes that are not UTF-8)."""
    dana, lee = interview.interviewer_ids
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        pigeon = raw.execute(
            "INSERT INTO letters(round_id, contact_id, channel, sent_at) "
            "VALUES (?, ?, 'pigeon', '2026-11-25T21:00:00+00:00')",
            (interview.id, dana),
        ).lastrowid
        far = raw.execute(
            "INSERT INTO letters(round_id, contact_id, channel, sent_at, override_rule, "
            "override_reason, override_at) VALUES (?, ?, 'email', '9999-12-31T10:00:00+00:00', "
            "'second-letter', ?, '2026-11-25T10:00:00+00:00')",
            (interview.id, lee, "x" * 1_000_000),
        ).lastrowid
        call = raw.execute(
            "INSERT INTO calls(round_id, made_at, outcome) VALUES "
            "(?, '2026-12-04T15:00:00+00:00', CAST(X'ED' || 'no news' AS TEXT))",  # not UTF-8
            (interview.id,),
        ).lastrowid
        inquiry = raw.execute(
            "INSERT INTO inquiries(application_id, channel, sent_at, override_rule, "
            "override_reason, override_at) VALUES (?, 'email', '0001-01-01T00:00:00+00:00', "
            "'status-inquiry', ?, '2026-11-20T10:00:00+00:00')",
            (interview.application_id, "why\x1b]52;c;ZWNobw==\x07"),
        ).lastrowid
    return {"pigeon": pigeon or 0, "far": far or 0, "call": call or 0, "inquiry": inquiry or 0}


def answer(kind: type[W], act: Callable[[W], None]) -> None:
    """Act on the next modal dialog of ``kind`` once it is open (modals may be nested)."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind):
            QTimer.singleShot(10, poll)
            return
        act(modal)

    QTimer.singleShot(0, poll)


def test_letters_calls_and_inquiries_are_listed_fixed_and_deleted_in_the_app(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, tmp_path: Path
) -> None:
    ids = spoil_history(tmp_path / "gui.sqlite3", interview)
    clock.set(datetime(2026, 11, 30, 10, tzinfo=NY))
    shell = started(qtbot, session)  # within the usual wait: nothing hangs at "Loading…"
    banner = shell.window.stored_values
    text = banner.text.text()
    assert banner.isVisible() and banner.review_button.isVisible()
    assert f"letter {ids['pigeon']}" in text and "the channel “pigeon” cannot be read" in text
    assert f"call {ids['call']}" in text and "an unpaired surrogate" in text
    assert "\x1b" not in text
    round_before = session.repo.round(interview.id)
    seen: dict[str, object] = {}

    def review(dialog: StoredRecordsDialog) -> None:
        listed = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen["listed"] = listed
        row = next(i for i, line in enumerate(listed) if line.startswith(f"Letter {ids['pigeon']}"))
        dialog.list.setCurrentRow(row)

        def fix(form: RecordFixDialog) -> None:
            seen["marked"] = form.fields.shown()
            seen["description"] = form.channel.accessibleDescription() if form.channel else ""
            save = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # the stand-in is not a fix
            seen["kept"] = (form.isVisible(), form.fields.shown(), form.focusWidget())
            assert form.channel is not None
            form.channel.setCurrentIndex(form.channel.findData("post"))
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

        answer(RecordFixDialog, fix)
        qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
        row = next(
            i
            for i in range(dialog.list.count())
            if dialog.list.item(i).text().startswith(f"Call {ids['call']}")
        )
        dialog.list.setCurrentRow(row)

        def confirm(box: QMessageBox) -> None:
            delete = next(b for b in box.buttons() if b.text() == "Delete")
            qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)

        answer(QMessageBox, confirm)
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        seen["after"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.reject()

    answer(StoredRecordsDialog, review)
    qtbot.mouseClick(banner.review_button, Qt.MouseButton.LeftButton)

    listed = seen["listed"]
    assert isinstance(listed, list) and len(listed) == 4
    assert any(f"Letter {ids['far']} to Lee Park" in x and "out of range" in x for x in listed)
    assert any(
        f"Status inquiry {ids['inquiry']}" in x and "out of range" in x and "exception" in x
        for x in listed
    )
    assert "the channel “pigeon” cannot be read" in str(seen["marked"])
    assert "pigeon" in str(seen["description"])  # what a screen reader says of the field
    visible, marked, focused = seen["kept"]  # type: ignore[misc]
    assert visible and "give the real value" in marked["channel"] and focused is not None
    assert {x.split(":")[0] for x in seen["after"]} == {  # type: ignore[attr-defined]
        f"Letter {ids['far']} to Lee Park",
        f"Status inquiry {ids['inquiry']} (application {interview.application_id})",
    }
    repo = session.repo
    letters = repo.letters()
    assert [(x.id, x.channel.value) for x in letters] == [(ids["pigeon"], "post")]
    assert repo.calls() == [] and repo.inquiries() == []
    with sqlite3.connect(tmp_path / "gui.sqlite3") as raw:  # the other two are as they were
        assert raw.execute("SELECT count(*) FROM calls").fetchone() == (0,)
        assert raw.execute("SELECT sent_at FROM letters WHERE id=?", (ids["far"],)).fetchone() == (
            "9999-12-31T10:00:00+00:00",
        )
        assert raw.execute("SELECT count(*) FROM inquiries").fetchone() == (1,)
    assert repo.round(interview.id) == round_before
    assert {(u.kind, u.id) for u in repo.unreadable()} == {
        ("letter", ids["far"]),
        ("inquiry", ids["inquiry"]),
    }
    assert f"letter {ids['pigeon']}" not in banner.text.text()


def test_an_unreadable_contact_is_fixed_from_the_same_list(
    qtbot: QtBot, session: Session, interview: Round, tmp_path: Path
) -> None:
    lee = interview.interviewer_ids[1]
    with sqlite3.connect(tmp_path / "gui.sqlite3") as raw:
        raw.execute("UPDATE contacts SET name = ? WHERE id = ?", ("Lee\x1b[2J Park", lee))
    dialog = StoredRecordsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        f"Contact {lee} (Lee[2J Park): the name contains a control character (U+001B)"
    ]
    seen: dict[str, str] = {}

    def fix(form: ContactDialog) -> None:
        seen.update(form.fields.shown())
        form.name.setText("Lee Park")
        form.accept()

    answer(ContactDialog, fix)
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert seen == {"name": "the name contains a control character (U+001B)"}
    assert session.repo.contact(lee).name == "Lee Park"
    assert dialog.list.count() == 0 and dialog.empty.isVisibleTo(dialog)


def test_an_unreadable_round_opens_with_each_bad_field_marked(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    tmp_path: Path,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """The edit dialog says beside each field why it could not be used, and does not save the
    stand-in time it had to show (year 2000) as if the user had given it."""
    ids = spoil(tmp_path / "gui.sqlite3", interview)
    shell = started(qtbot, session)
    shell.window.show_page("interviews")  # where the user edits (hidden, it reads on showing)
    page = shell.window.interviews
    page.reload()
    bad = unreadable(session, "interview round", ids["broken"])
    assert isinstance(bad.repaired, Round)
    page.select(bad.repaired)
    seen: dict[str, object] = {}

    def fix(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundDialog)
        seen["opened"] = dialog.fields.shown()
        dialog.accept()  # the stand-in start is refused, beside the time
        seen["refused"] = (dialog.isVisible(), dialog.fields.shown())
        dialog.day.setDate(QDate(2026, 11, 24))
        dialog.zone.setCurrentText("Europe/Berlin")
        dialog.title.setText("Second round")
        dialog.accept()
        seen["closed"] = not dialog.isVisible()

    on_next_modal(fix)
    page.edit(page.tree.currentIndex())
    opened = seen["opened"]
    assert isinstance(opened, dict)
    assert "the start “not a time” cannot be read" in opened["starts_at"]
    assert "Mars/Olympus" in opened["timezone"] and "séance" in opened["kind"]
    assert "“null”" in opened["topics"] and "too long" in opened["title"]
    visible, refused = seen["refused"]  # type: ignore[misc]
    assert visible and "give the real value" in refused["starts_at"]
    assert seen["closed"]
    fixed = session.repo.round(ids["broken"])
    assert fixed.title == "Second round" and fixed.timezone == "Europe/Berlin"
    assert fixed.starts_at.date().isoformat() == "2026-11-24"
    assert ("interview round", ids["broken"]) not in {
        (b.kind, b.id) for b in session.repo.unreadable()
    }
