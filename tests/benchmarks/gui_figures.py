"""The in-process figures of ``make benchmark`` (one change, the Interviews page's sort,
filter and read again, a setting saved, month switch, agenda, time moving on, keystroke),
run by ``speed.py`` in a child process of their own:

    python tests/benchmarks/gui_figures.py DATABASE [--runs 5]

on a copy of the 10,000-interview database, with every page built and the window on screen.
Prints one JSON object: seconds per repetition of each figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

REPEAT_S = 1 / 30  # a held key's repeat rate (GNOME's and Windows' default is about this)


def gui_figures(path: Path, rounds: int) -> dict[str, list[float]]:
    """Seconds per repetition of each in-process figure."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from followup.model import Application, Channel, Round, RoundKind, Source, Status
    from followup.storage import Database, Repository
    from followup_desktop.clock import SystemClock
    from followup_desktop.interviews.view import DeleteCommand
    from followup_desktop.serial_painting import paint_serially
    from followup_desktop.session import Dialogs, Session
    from followup_desktop.shell import Shell

    class Quiet:
        def notify(self, reminders: object) -> bool:
            return True

    class Loud(Dialogs):
        """A benchmark has no one to answer a dialog: an error stops it."""

        def error(self, parent: object, title: str, message: str) -> None:
            raise RuntimeError(f"{title}: {message}")

    paint_serially()  # as the app paints
    app = QApplication.instance() or QApplication(sys.argv[:1])
    now = datetime.now(UTC)
    session = Session(Repository(Database.open(path, now)), SystemClock(), Loud())
    session.replan_in_background = True  # as the app runs it
    shell = Shell(session, notifier=Quiet())
    window = shell.window
    window.resize(1100, 720)
    window.show()
    shell.load()
    for name in ("interviews", "calendar", "letters", "today"):
        window.show_page(name)
        app.processEvents()
    while window.interviews.model.loading:  # its rows come from a thread: settled first
        app.processEvents()
    repo = session.repo

    def settle() -> None:
        app.processEvents()
        window.repaint()

    def timed(action: Callable[[], object]) -> float:
        settle()
        started = time.perf_counter()
        action()
        settle()
        return time.perf_counter() - started

    zone = ZoneInfo("America/New_York")
    active = repo.applications(active_only=True)
    figures: dict[str, list[float]] = {k: [] for k in ("add", "edit", "delete", "sent", "close")}

    def changes(n: int) -> None:
        contact = repo.contact_names()
        interviewer = next(iter(contact))
        starts = datetime.combine(date.today() - timedelta(days=1), datetime.min.time(), zone)
        starts = starts.replace(hour=10)

        made: list[Round] = []

        def add() -> None:
            def action() -> None:
                app_ = repo.add_application(
                    Application(0, f"Bench {n}", "Engineer", source=Source.REFERRAL)
                )
                made.append(
                    repo.add_round(
                        Round(
                            0,
                            app_.id,
                            starts,
                            starts + timedelta(hours=1),
                            "America/New_York",
                            RoundKind.VIDEO,
                            interviewer_ids=(interviewer,),
                        )
                    )
                )

            session.run(window, action)

        figures["add"].append(timed(add))
        added = made[-1]
        edited = replace(added, title=f"edited {n}")
        figures["edit"].append(
            timed(lambda: session.run(window, lambda: repo.update_round(edited)))
        )
        figures["sent"].append(
            timed(
                lambda: session.run(
                    window,
                    lambda: repo.record_letter(
                        added.id, interviewer, Channel.EMAIL, datetime.now(UTC)
                    ),
                )
            )
        )
        target = active[n]
        figures["close"].append(
            timed(lambda: session.run(window, lambda: repo.set_status(target.id, Status.CLOSED)))
        )
        doomed = repo.application(added.application_id)
        figures["delete"].append(
            timed(lambda: session.undo_stack.push(DeleteCommand(session, doomed)))
        )

    for n in range(rounds):
        changes(n)

    from keys import PaintSpy, press, until_painted
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    interviews = window.interviews
    window.show_page("interviews")
    settle()
    header = interviews.tree.header()
    clicks = [
        (column, order)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
        for column in range(5)
    ]
    figures["sort"] = [
        timed(lambda c=c, o=o: interviews.tree.sortByColumn(c, o)) for c, o in clicks * rounds
    ]
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # as it opens (Date, newest first)
    words = ["a", "ac", "acm", "acme", "", "d", "da", "dan", "dana", ""]
    figures["filter"] = [timed(lambda w=w: interviews.model.set_filter(w)) for w in words * rounds]

    def blocked_until(
        action: Callable[[], object], done: Callable[[], bool]
    ) -> tuple[float, float]:
        """From the action to the window repainted once ``done``: the whole wait, and the
        longest the GUI thread was blocked meanwhile (the gap between two event-loop passes)."""
        settle()
        ticks = [time.perf_counter()]
        action()
        ticks.append(time.perf_counter())
        while not done():
            app.processEvents()
            ticks.append(time.perf_counter())
        window.repaint()
        ticks.append(time.perf_counter())
        return ticks[-1] - ticks[0], max(b - a for a, b in pairwise(ticks))

    told: list[int] = []  # the views were told (once the plans came, off the GUI thread)
    session.schedule_changed.connect(lambda: told.append(1))

    def telling(action: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            told.clear()
            return action()

        return run

    # Another program (the command line) adds an application, or renames one, through a
    # connection of its own (before the clock starts: that program is another process); the
    # window's check for other writers, its timer's, is asked at once and finds the commit.
    other = Repository(Database.open(path, datetime.now(UTC)))
    watcher = shell.other_writers
    watcher.timer.stop()  # (only the check below finds the writes)

    def another_program_writes(n: int) -> None:
        if n % 2:
            app_ = other.application(active[n].id)
            other.update_application(replace(app_, company=f"{app_.company} (renamed)"))
        else:
            other.add_application(Application(0, f"Other program {n}", "Analyst"))

    def found() -> None:
        assert watcher.check()

    reread = []
    for n in range(rounds):
        another_program_writes(n)
        reread.append(
            blocked_until(telling(found), lambda: bool(told) and not interviews.model.loading)
        )
    other.db.close()
    watcher.timer.start()
    figures["reread"] = [blocked for _, blocked in reread]
    figures["reread_wait"] = [wait for wait, _ in reread]
    window.show_page("today")
    quiet_days = [session.settings.plan().quiet_days + n % 2 for n in range(1, rounds * 2 + 1)]
    saved = [
        blocked_until(
            telling(lambda d=d: session.save_settings_or_raise({"plan.quiet_days": d})),
            lambda: bool(told),
        )
        for d in quiet_days
    ]
    figures["settings"] = [blocked for _, blocked in saved]
    figures["settings_wait"] = [wait for wait, _ in saved]

    calendar = window.page("calendar")
    window.show_page("calendar")
    settle()
    calendar.grid.select(date.today() - timedelta(days=3 * 365 // 2))
    settle()
    grid_painted = PaintSpy(calendar.grid)

    def page_up(pause_ms: int, due: float | None = None) -> float:
        """Page Up on the calendar to its repaint, after a pause (the user looking at the month:
        the app's idle work runs) or none (keys back to back: a month never planned); timed
        from ``due`` when given (the moment the key came), else from the press."""
        QTest.qWait(pause_ms)
        app.processEvents()
        before = grid_painted.count
        started = time.perf_counter() if due is None else due
        press(calendar.grid, Qt.Key.Key_PageUp)  # history walked backwards
        until_painted(grid_painted, before)
        return time.perf_counter() - started

    repeated: list[float] = []  # when each repeat was due

    def repeat_page_up() -> float:
        """Page Up as a held key repeats it: 30 times a second (the common default), each
        timed from the moment it was due to its repaint, so work the app was still doing
        when the key came (planning ahead past the pause) counts."""
        due = repeated[-1] + REPEAT_S if repeated else time.perf_counter()
        while time.perf_counter() < due:
            app.processEvents()
            time.sleep(0.0005)
        repeated.append(due)
        return page_up(0, due)

    figures["month_cold"] = [page_up(0) for _ in range(rounds * 3)]
    figures["month"] = [page_up(300) for _ in range(rounds * 3)]
    figures["month_held"] = [repeat_page_up() for _ in range(rounds * 3)]
    window.show_page("today")
    settle()
    figures["agenda"] = [timed(window.today.model.reload) for _ in range(rounds * 2)]
    moved: list[int] = []
    session.time_moved.connect(lambda: moved.append(1))

    def time_moves() -> tuple[float, float]:
        """From the move to the views repainted with the new plans."""
        moved.clear()
        return blocked_until(session.move_time, lambda: bool(moved))

    waits = [time_moves() for _ in range(rounds * 2)]
    figures["time"] = [blocked for _, blocked in waits]
    figures["time_wait"] = [wait for wait, _ in waits]

    composer = window.composer
    window.show_page("letters")
    settle()
    # A letter still to write, to a new interviewer: the one shown may have been sent above
    # ("sent"), and a sent letter is shown read-only (a key would change nothing).
    from followup.model import Contact

    def new_round() -> tuple[int, int]:
        app_ = repo.add_application(Application(0, "Keystroke Ltd", "Technical Writer"))
        kim = repo.add_contact(Contact(0, "Kim Key"))
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
        one = timedelta(hours=1)
        made = repo.add_round(
            Round(0, app_.id, start, start + one, "UTC", interviewer_ids=(kim.id,))
        )
        return made.id, kim.id

    composer.open_for(*session.commit(new_round))
    settle()
    while composer.spelling.speller is None:  # spelling on, as a user has it
        QTest.qWait(20)
    sentence = "Thank you for the interview; I really need this job and your office is lovely. "
    paragraph = (sentence * 7).strip()
    composer.editor.setPlainText("\n\n".join([paragraph] * (3000 // 105 + 1)))
    composer.run_check()
    middle = composer.editor.textCursor()
    middle.setPosition(len(composer.editor.toPlainText()) // 2)  # every later finding moves
    composer.editor.setTextCursor(middle)
    settle()
    text_painted = PaintSpy(composer.editor.viewport())

    def keystroke() -> float:
        """A key in the middle of the letter to the repaint with its findings and spelling:
        the whole-letter check counted as if its debounce timer ran at once (the worst case:
        a key that comes just as the check starts waits for it)."""
        app.processEvents()
        before = text_painted.count
        started = time.perf_counter()
        press(composer.editor, Qt.Key.Key_X, "x")
        composer.run_check()
        until_painted(text_painted, before)
        return time.perf_counter() - started

    for _ in range(2):
        keystroke()
    figures["keystroke"] = [keystroke() for _ in range(rounds * 8)]
    composer.flush()  # as quitting does: no draft left to save while Python frees the widgets
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(gui_figures(args.database, args.runs)))


if __name__ == "__main__":
    main()
