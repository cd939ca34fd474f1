"""Busy, read-only and damaged databases, as the GUI meets them at start-up and on every action:
busy and read-only are said in words (busy with a retry) and never answered with a restore;
only real damage offers the latest backup, and the file is untouched until the user agrees."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Contact, Round
from followup.storage import Database, Repository
from followup_desktop.clock import FixedClock
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.session import BUSY_TIMEOUT_MS, Dialogs, Session
from followup_desktop.start_dialogs import open_database

from .conftest import NOW

Modal = Callable[[Callable[[QWidget], None]], None]
NOBODY = 65534


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def buttons(box: QWidget) -> list[str]:
    assert isinstance(box, QMessageBox)
    return [b.text().replace("&", "") for b in box.buttons()]


def press(box: QWidget, word: str) -> None:
    assert isinstance(box, QMessageBox)
    chosen: list[QAbstractButton] = [
        b for b in box.buttons() if b.text().replace("&", "").startswith(word)
    ]
    if not chosen:
        box.done(0)  # close it, so the test fails instead of waiting forever
        raise AssertionError(f"no {word!r} button in {box.windowTitle()!r}: {buttons(box)}")
    chosen[0].click()


@contextmanager
def held_by_another_program(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write (the command line, say)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


@contextmanager
def as_another_user() -> Iterator[None]:
    """File modes apply (root ignores them): run as ``nobody`` for a while, then come back."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user may enter (pytest's own is root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="followup-gui-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                os.chmod(path, 0o755)
        shutil.rmtree(folder)


def filled(path: Path) -> Path:
    """A real database with one interview, and a backup of it beside it."""
    database = Database.open(path, NOW)
    repo = Repository(database)
    app = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    dana = repo.add_contact(Contact(0, "Dana Müller"))
    repo.add_round(Round(0, app.id, NOW, NOW.replace(hour=16), "UTC", interviewer_ids=(dana.id,)))
    database.backup(NOW)
    database.close()
    return path


# -- on every action ----------------------------------------------------------------------


def test_the_gui_waits_for_another_program_briefly_not_seconds(session: Session) -> None:
    waits = session.repo.db.connection.execute("PRAGMA busy_timeout").fetchone()[0]
    assert waits == BUSY_TIMEOUT_MS <= 1000


def test_an_action_on_a_busy_database_says_so_and_can_be_retried(
    qtbot: QtBot, session: Session, on_next_modal: Modal
) -> None:
    seen: list[tuple[str, str, list[str]]] = []
    with held_by_another_program(session.repo.db.path) as other:

        def answer(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen.append((box.windowTitle(), box.text(), buttons(box)))
            other.execute("ROLLBACK")  # the other program finishes its write
            press(box, "Retry")

        on_next_modal(answer)
        saved = session.run(None, lambda: session.repo.add_contact(Contact(0, "Lee Park")))
    assert saved is not None and saved.name == "Lee Park"
    [(title, text, offered)] = seen
    assert title == "Database busy"
    assert "another program" in text and "busy" in text
    assert "Retry" in offered and not any("Restore" in b for b in offered)
    assert [c.name for c in session.repo.contacts()] == ["Lee Park"]


def test_undo_on_a_busy_database_says_so_and_stays_undoable(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    page = InterviewsView(session)
    qtbot.addWidget(page)
    page.show()
    page.select(interview)
    page.delete()
    assert session.undo_stack.canUndo()
    seen: list[str] = []
    with held_by_another_program(session.repo.db.path):
        on_next_modal(lambda box: (seen.append(box.windowTitle()), press(box, "Cancel")))
        session.undo_stack.undo()
        qtbot.waitUntil(session.undo_stack.canUndo)  # not claimed undone
    assert seen == ["Database busy"]
    assert session.repo.rounds() == []
    session.undo_stack.undo()  # the other program is done: now it works
    assert [r.id for r in session.repo.rounds()] == [interview.id]
    assert not session.undo_stack.canUndo() and session.undo_stack.canRedo()


def test_a_delete_that_cannot_be_done_is_not_put_on_the_undo_stack(
    qtbot: QtBot, session: Session, interview: Round, on_next_modal: Modal
) -> None:
    page = InterviewsView(session)
    qtbot.addWidget(page)
    page.show()
    page.select(interview)
    with held_by_another_program(session.repo.db.path):
        on_next_modal(lambda box: press(box, "Cancel"))
        page.delete()
    assert [r.id for r in session.repo.rounds()] == [interview.id]
    assert not session.undo_stack.canUndo()


def test_an_action_on_a_read_only_file_says_read_only_never_restore(
    qtbot: QtBot, shared_folder: Path, on_next_modal: Modal
) -> None:
    path = filled(shared_folder / "followup.sqlite3")
    for item in [shared_folder, *shared_folder.rglob("*")]:
        os.chown(item, NOBODY, NOBODY)
    path.chmod(0o444)
    seen: list[tuple[str, str, list[str]]] = []
    with as_another_user():
        database = Database.open(path, NOW)
        try:
            session = Session(Repository(database), FixedClock(NOW))
            before = digest(path)

            def answer(box: QWidget) -> None:
                assert isinstance(box, QMessageBox)
                seen.append((box.windowTitle(), box.text(), buttons(box)))
                press(box, "OK")

            on_next_modal(answer)
            added = session.run(None, lambda: session.repo.add_contact(Contact(0, "Lee")))
        finally:
            database.close()
    assert added is None
    [(title, text, offered)] = seen
    assert title == "Database is read-only"
    assert "read-only" in text
    assert offered == ["OK"]
    assert digest(path) == before


class Recording(Dialogs):
    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.said.append((title, message))

    def retry(self, parent: QWidget | None, title: str, message: str) -> bool:
        self.said.append((title, message))
        return False


def test_a_full_disk_is_said_as_such_and_nothing_is_half_written(session: Session) -> None:
    pages = session.repo.db.connection.execute("PRAGMA page_count").fetchone()[0]
    session.repo.db.connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    dialogs = Recording()
    session.dialogs = dialogs
    saved = 0
    for number in range(500):
        name = f"Contact {number} " + "y" * 150
        if session.run(None, lambda name=name: session.repo.add_contact(Contact(0, name))) is None:
            break
        saved += 1
    [(title, text)] = dialogs.said
    assert title == "Disk full" and "full" in text
    assert len(session.repo.contacts()) == saved  # the refused one left nothing behind


# -- at start-up --------------------------------------------------------------------------


def test_a_damaged_file_offers_the_backup_and_is_untouched_until_the_user_agrees(
    qtbot: QtBot, tmp_path: Path, on_next_modal: Modal
) -> None:
    path = filled(tmp_path / "followup.sqlite3")
    data = bytearray(path.read_bytes())
    data[0:16] = b"SQLite format 2\x00"
    path.write_bytes(bytes(data))
    before = digest(path)
    seen: list[tuple[str, str]] = []

    def decline(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text()))
        press(box, "No")

    on_next_modal(decline)
    assert open_database(path, NOW) is None
    [(title, text)] = seen
    assert title == "Database damaged" and "Restore the latest good backup" in text
    assert digest(path) == before  # declined: not a byte changed
    on_next_modal(lambda box: press(box, "Yes"))
    database = open_database(path, NOW)
    assert database is not None
    try:
        assert [a.company for a in Repository(database).applications()] == ["Acme"]
    finally:
        database.close()
    [aside] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and p.suffix != "-wal"]
    assert digest(aside) == before  # the damaged file is kept, as it was


def test_at_start_up_a_database_held_by_another_program_says_busy_and_retries(
    qtbot: QtBot, tmp_path: Path, on_next_modal: Modal
) -> None:
    path = filled(tmp_path / "followup.sqlite3")
    before = digest(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("COMMIT")  # exclusive mode keeps the lock after the commit
    seen: list[tuple[str, str, list[str]]] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text(), buttons(box)))
        other.close()  # the other program lets go
        press(box, "Retry")

    on_next_modal(answer)
    database = open_database(path, NOW)
    assert database is not None
    database.close()
    [(title, text, offered)] = seen
    assert title == "Database busy" and "busy" in text
    assert "Retry" in offered and not any("Restore" in b or b == "Yes" for b in offered)
    assert digest(path) == before


def test_at_start_up_a_read_only_file_opens_to_be_read_and_says_so(
    qtbot: QtBot, shared_folder: Path, on_next_modal: Modal
) -> None:
    path = filled(shared_folder / "followup.sqlite3")
    for item in [shared_folder, *shared_folder.rglob("*")]:
        os.chown(item, NOBODY, NOBODY)
    path.chmod(0o444)
    before = digest(path)
    seen: list[tuple[str, str, list[str]]] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text(), buttons(box)))
        press(box, "OK")

    with as_another_user():
        on_next_modal(answer)
        database = open_database(path, NOW)
        assert database is not None
        try:
            assert [a.company for a in Repository(database).applications()] == ["Acme"]
        finally:
            database.close()
    [(title, text, offered)] = seen
    assert title == "Database is read-only"
    assert "the file is read-only" in text and "nothing you change can be saved" in text
    assert offered == ["OK"]
    assert digest(path) == before


def test_a_damaged_file_without_a_backup_says_so_once(
    qtbot: QtBot, tmp_path: Path, on_next_modal: Modal
) -> None:
    path = tmp_path / "followup.sqlite3"
    path.write_bytes(b"")  # emptied, and never backed up
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    on_next_modal(read)
    assert open_database(path, NOW) is None
    [text] = seen
    assert "cannot be read" in text and text.lower().count("backup") == 1, text
    assert path.read_bytes() == b""
