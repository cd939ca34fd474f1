"""Start-up order: Today paints with the user's data first; the work the user does not see
(reminders missed while closed, the system bus, a full garbage collection) comes after."""

from __future__ import annotations

import gc
from datetime import datetime
from importlib import resources

import followup_resources
import pytest
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session
from followup_desktop.shell import Shell, settle_memory

from .conftest import NY


class Recorder:
    def __init__(self, events: list[str]) -> None:
        self.events = events

    def notify(self, reminders: object) -> bool:
        self.events.append("reminded")
        return True


@pytest.mark.parametrize("shown", ["cards", "empty state"])
def test_missed_reminders_are_checked_after_today_painted_with_data(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, shown: str
) -> None:
    clock.set(datetime(2026, 11, 30, 18, tzinfo=NY))  # past the deadline: reminders missed
    if shown == "empty state":
        session.repo.delete_application(interview.application_id)
    events: list[str] = []
    shell = Shell(session, notifier=Recorder(events))
    qtbot.addWidget(shell.window)

    def loaded() -> None:
        events.append("loaded")
        shell.window.today.when_data_painted(lambda: events.append("painted"))

    shell.loaded.connect(loaded)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    today = shell.window.today
    if shown == "cards":
        assert today.model.rows, "the overdue letter is on Today"
        assert events == ["loaded", "painted", "reminded"]
    else:
        assert not today.model.rows and today.empty.isVisible()
        assert events == ["loaded", "painted"]  # nothing to remind of


def test_shipped_files_read_the_same_from_the_folder_as_through_importlib() -> None:
    for parts in (("style.qss",), ("icons", "today.svg")):
        expected = resources.files("followup_resources").joinpath(*parts).read_bytes()
        assert followup_resources.read_bytes(*parts) == expected


def test_a_window_that_does_not_paint_still_settles(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Shown but covered or iconified, the window may not paint: the reminders come anyway."""
    shell = Shell(session, notifier=Recorder([]))
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    shell.window.today.setUpdatesEnabled(False)  # its paint never comes
    shell.load()
    assert not shell.settled
    qtbot.waitUntil(lambda: shell.settled, timeout=3000)


def test_with_another_page_shown_the_start_still_settles(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    shell = Shell(session, notifier=Recorder([]))
    qtbot.addWidget(shell.window)
    shell.window.show_page("calendar")
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    assert shell.window.stack.currentWidget() is shell.window.page("calendar")


def test_the_collector_paused_for_the_start_runs_again_once_settled() -> None:
    gc.disable()
    try:
        settle_memory()
        assert gc.isenabled()
    finally:
        gc.enable()
