"""Two programs on one file: the GUI (in this process, offscreen) and the real ``followup``
command line (in another). The GUI shows what the command line wrote within a second,
nothing either wrote is lost, and one interviewer never gets two letters."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.errors import Refusal
from followup.model import Application, Channel, Contact, Round
from followup.reminders import Reminder
from followup.storage import Database, Repository
from followup_desktop.clock import SystemClock
from followup_desktop.other_writers import OtherWriters
from followup_desktop.session import Dialogs, Session
from followup_desktop.shell import Shell

CLI_LOOP = """
import sys
from followup.cli import main
db, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for number in range(first, first + count):
    code = main(["--db", db, "contact", "add", "--name", f"CLI {number}"])
    if code != 0:
        sys.exit(code)
"""


class Silent:
    def notify(self, reminders: Sequence[Reminder]) -> bool:
        return True


class Patient(Dialogs):
    """Answers as a patient user: retry when busy, respect every refusal; keeps what it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.seen.append(f"{title}: {message}")

    def retry(self, parent: QWidget | None, title: str, message: str) -> bool:
        self.seen.append(f"{title}: {message}")
        return True

    def confirm_override(self, parent: QWidget | None, refusal: Refusal) -> str | None:
        self.seen.append(f"refused: {refusal.message}")
        return None


def cli(db: Path, *args: str) -> subprocess.Popen[str]:
    """The real command line, in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "followup", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Session]:
    """A session on the real clock (the command line has no other), with a finished
    interview with Dana."""
    database = Database.open(tmp_path / "shared.sqlite3", datetime.now(UTC))
    repo = Repository(database)
    repo.save_settings({"calendar.country": "US", "calendar.timezone": "UTC"})
    app = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    dana = repo.add_contact(Contact(0, "Dana Müller", email="dana@acme.example"))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    repo.add_round(
        Round(0, app.id, start, start + timedelta(hours=1), "UTC", interviewer_ids=(dana.id,))
    )
    yield Session(repo, SystemClock(), Patient())
    database.close()


def companies(shell: Shell) -> list[str]:
    return [row.app.company for row in shell.window.interviews.model.rows]


def test_the_window_shows_the_command_lines_record_within_a_second(
    qtbot: QtBot, live: Session
) -> None:
    shell = Shell(live, notifier=Silent())
    qtbot.addWidget(shell.window)
    shell.start()
    shell.window.show_page("interviews")
    qtbot.waitUntil(lambda: companies(shell) == ["Acme"])
    added = cli(live.repo.db.path, "app", "add", "--company", "Globex", "--role", "Dev")
    assert added.wait(timeout=60) == 0, added.communicate()[1]
    added.communicate()
    qtbot.waitUntil(lambda: "Globex" in companies(shell), timeout=1000)
    assert shell.window.interviews.model.rowCount() == 2


def test_a_hidden_interviews_page_reads_another_programs_write_when_shown(
    qtbot: QtBot, live: Session
) -> None:
    """Every row read again costs 0.6 s at 10,000 interviews: not while the user is on
    another page, but at once when the page is shown."""
    shell = Shell(live, notifier=Silent())
    qtbot.addWidget(shell.window)
    shell.start()
    shell.window.show()
    shell.window.show_page("interviews")
    qtbot.waitUntil(lambda: companies(shell) == ["Acme"])
    shell.window.show_page("today")
    resets: list[int] = []
    shell.window.interviews.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(live.schedule_changed, timeout=3000):  # the window noticed
        added = cli(live.repo.db.path, "app", "add", "--company", "Globex", "--role", "Dev")
        assert added.wait(timeout=60) == 0, added.communicate()[1]
        added.communicate()
    assert companies(shell) == ["Acme"] and not resets
    shell.window.show_page("interviews")
    assert companies(shell) == ["Acme", "Globex"] and resets == [1]


def test_hidden_it_does_not_look_and_shown_it_catches_up_at_once(
    qtbot: QtBot, live: Session
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    watcher = OtherWriters(live, window)
    assert not watcher.timer.isActive()  # not visible: no polling at all
    window.show()
    assert watcher.timer.isActive()
    window.hide()
    assert not watcher.timer.isActive()
    added = cli(live.repo.db.path, "contact", "add", "--name", "Lee Park")
    assert added.wait(timeout=60) == 0
    added.communicate()
    with qtbot.waitSignal(live.schedule_changed, timeout=1000):
        window.show()  # the first look happens on showing, not a tick later


def test_both_writing_at_once_lose_nothing(qtbot: QtBot, live: Session) -> None:
    shell = Shell(live, notifier=Silent())
    qtbot.addWidget(shell.window)
    shell.start()
    writer = subprocess.Popen(
        [sys.executable, "-c", CLI_LOOP, str(live.repo.db.path), "0", "60"],
        stderr=subprocess.PIPE,
        text=True,
    )
    for number in range(60):
        name = f"GUI {number}"
        assert live.run(None, lambda name=name: live.repo.add_contact(Contact(0, name)))
        qtbot.wait(5)
    assert writer.wait(timeout=120) == 0, writer.communicate()[1]
    writer.communicate()
    names = {c.name for c in live.repo.contacts()}
    assert {f"GUI {n}" for n in range(60)} <= names
    assert {f"CLI {n}" for n in range(60)} <= names
    qtbot.waitUntil(lambda: len(live.contact_names()) == 121, timeout=1000)


@pytest.mark.parametrize("order", ["at-once", "command-line-first"])
def test_the_gui_and_the_command_line_never_send_two_letters_to_one_person(
    qtbot: QtBot, live: Session, order: str
) -> None:
    [round_] = live.repo.rounds()
    dana = round_.interviewer_ids[0]
    args = ("letter", "record", str(round_.id), "--to", str(dana), "--channel", "email")
    other = cli(live.repo.db.path, *args)
    if order == "command-line-first":
        other.wait(timeout=60)
    # The GUI records the same letter (at once: while the command line is starting).
    gui = live.run_with_override(
        None,
        lambda override: live.repo.record_letter(
            round_.id, dana, Channel.EMAIL, live.now(), override
        ),
    )
    code = other.wait(timeout=60)
    out, err = other.communicate()
    assert len(live.repo.letters(round_.id)) == 1, (code, out, err)
    # Exactly one of the two was refused, with the reason in words.
    assert isinstance(live.dialogs, Patient)
    assert (gui is None) != (code != 0), (code, err, live.dialogs.seen)
    if code != 0:
        assert code == 1 and "letter" in err.lower()
    else:
        assert [s for s in live.dialogs.seen if s.startswith("refused:")], live.dialogs.seen


def test_a_commit_while_the_remembered_page_is_first_read_is_caught(
    qtbot: QtBot, live: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frame painted with the Interviews page remembered; attaching the session reads
    every application. Another program's commit in that moment must count as new: the file's
    version is taken before any view reads it (it was taken after, so that commit became the
    baseline and the page stayed stale until the next outside write)."""
    from followup_desktop.interviews.view import InterviewsView
    from followup_desktop.main_window import MainWindow

    real = InterviewsView.reload
    committed: list[str] = []

    def reload_while_another_program_commits(view: InterviewsView) -> None:
        real(view)
        if not committed:  # the command line adds one just after this first read
            other = Database.open(live.repo.db.path, datetime.now(UTC))  # a connection of its own
            Repository(other).add_application(Application(0, "Globex", "Dev"))
            other.close()
            committed.append("Globex")

    monkeypatch.setattr(InterviewsView, "reload", reload_while_another_program_commits)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_page("interviews")
    shell = Shell(live, notifier=Silent(), window=window)
    assert committed == ["Globex"] and companies(shell) == ["Acme"]  # read just before
    shell.start_services()
    assert shell.other_writers.check()
    window.show()  # (a hidden page reads it again when shown)
    assert "Globex" in companies(shell)
