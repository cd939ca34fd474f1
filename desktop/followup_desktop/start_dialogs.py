"""What start-up says when it cannot simply go on: a database busy, read-only, full, out of
reach or damaged (``open_database``), and any other failure of the start (``say_start_failed``),
so the window is never left on 'Loading…' with a traceback only a terminal would show."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from followup.errors import CorruptDatabase
    from followup.storage.database import Database
    from followup.storage.early_check import EarlyCheck

START_FAILED = "Interview Follow-Up could not start"


def open_database(
    path: Path, now: datetime, parent: QWidget | None = None, early: EarlyCheck | None = None
) -> Database | None:
    """Open the database. Busy (another program holds it), read-only and full are said in
    words (busy with a retry), never taken for damage; only a damaged file is moved aside
    (never overwritten), and only if the user chooses to restore the newest backup.
    ``early``: the file's check, started before (its answer is used once)."""
    from followup.errors import CorruptDatabase, DatabaseUnavailable, FollowUpError  # noqa: PLC0415
    from followup.storage import health  # noqa: PLC0415
    from followup.storage.database import Database  # noqa: PLC0415
    from followup_desktop.session import UNAVAILABLE_TITLES  # noqa: PLC0415

    problem = early.problem if early is not None else health.problem
    while True:
        try:
            database = Database.open(path, now, problem=problem)
        except DatabaseUnavailable as error:
            title = UNAVAILABLE_TITLES.get(error.reason, "Database cannot be opened")
            if error.reason != "busy":
                QMessageBox.critical(parent, title, str(error))
                return None
            buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel
            answer = QMessageBox.warning(parent, title, str(error), buttons)
            if answer != QMessageBox.StandardButton.Retry:
                return None
            continue
        except CorruptDatabase as error:
            return _offer_restore(path, now, error, parent)
        except FollowUpError as error:
            QMessageBox.critical(parent, "Database cannot be opened", str(error))
            return None
        _say_if_read_only(database, parent)
        return database


def _say_if_read_only(database: Database, parent: QWidget | None) -> None:
    """A read-only file opens to be looked at; say at once that nothing can be saved."""
    from followup.storage import health  # noqa: PLC0415
    from followup_desktop.session import UNAVAILABLE_TITLES  # noqa: PLC0415

    if not health.writable(database.path):
        QMessageBox.warning(
            parent,
            UNAVAILABLE_TITLES["read-only"],
            f"{health.read_only(database.path)}\n\nYou can look at everything; nothing you "
            "change can be saved until the file (or its folder) can be written again.",
        )


def _offer_restore(
    path: Path, now: datetime, error: CorruptDatabase, parent: QWidget | None
) -> Database | None:
    """The file is damaged: offer the newest good backup; nothing is touched unless the user
    says yes, and then the damaged file is kept beside the restored one."""
    from followup.errors import FollowUpError  # noqa: PLC0415
    from followup.storage import backups  # noqa: PLC0415
    from followup.storage.database import Database  # noqa: PLC0415

    good = backups.newest_good(path)
    if good is None:  # the message already says when there is no backup at all
        none_good = "\n\nNone of the backups is good either." if error.backups else ""
        QMessageBox.critical(parent, "Database damaged", f"{error}{none_good}")
        return None
    answer = QMessageBox.question(
        parent,
        "Database damaged",
        f"{error}\n\nRestore the latest good backup ({good.name})? "
        "The damaged file is kept beside it.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        backups.restore(path, good, now, damaged=True)
        return Database.open(path, now)
    except FollowUpError as failure:
        QMessageBox.critical(parent, "Not restored", str(failure))
        return None


def say_start_failed(parent: QWidget | None, error: Exception) -> None:
    """A failure nobody foresaw: its words in a dialog (the app quits after it), its
    traceback on the error output for a report."""
    traceback.print_exception(error)
    QMessageBox.critical(
        parent,
        START_FAILED,
        f"{START_FAILED}: {str(error) or type(error).__name__}\n\nThe app will close. If it "
        "happens again, please report it with the text the app printed on its error output.",
    )
