"""A database holding values that are refused today (an old version's, a hand edit), written
directly with sqlite3: the app still starts, lists them marked "invalid" with a plain reason,
lets the user fix or delete them, and says which settings it ignored."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Round
from followup.unreadable import Unreadable
from followup_desktop.calendar.view import CalendarView
from followup_desktop.clock import FixedClock
from followup_desktop.interviews.dialogs import ApplicationDialog, RoundDialog
from followup_desktop.interviews.model import INVALID, RecordRole
from followup_desktop.session import Session
from followup_desktop.shell import Shell

from .conftest import NY
from .test_reminders import Recorder


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
            [("calendar.subdiv", '"ZZ"'), ("calendar.workdays", '"garbage"')],
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
    assert today.heading.text() == "Today, Monday 30 November"
    banner = shell.window.stored_values
    assert banner.isVisible()
    text = banner.text.text()
    assert "calendar.subdiv" in text and "ZZ" in text and "calendar.workdays" in text
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
