"""Reminders in the running app, with an injected clock: one timer, delivered once, snooze,
missed while asleep or closed, and the in-app banner."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
from collections.abc import Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from followup.errors import DatabaseUnavailable
from followup.model import Channel, Round
from followup.reminders import Reminder, ReminderSettings
from followup_desktop.clock import FixedClock
from followup_desktop.plan_moments import PlanMoments
from followup_desktop.reminder_service import ReminderService
from followup_desktop.session import Session
from followup_desktop.shell import Shell

from .conftest import NY


class Recorder:
    """Keeps what would have been shown (the real D-Bus path is tested end to end below)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        self.calls.append([r.key for r in reminders])
        return True


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=NY)


def test_one_timer_is_armed_for_the_next_reminder(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(local(25, 12))  # the interview is over; Thursday is Thanksgiving
    service = ReminderService(session, Recorder())
    service.rearm()
    assert service.next_at == local(27, 9)  # Friday morning
    assert service.wake_at == local(26, 0)  # but the day changes first (views follow it)
    assert service.timer.isActive() and service.timer.isSingleShot()
    hour_ms = 3600 * 1000  # awake time: after a sleep the wall clock is checked within the hour
    assert abs(service.timer.remainingTime() - hour_ms) < 5000


def test_due_reminder_is_delivered_once_and_recorded(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    recorder = Recorder()
    service = ReminderService(session, recorder)
    clock.set(local(27, 9, 1))
    with qtbot.waitSignal(service.reminders_shown) as shown:
        service.check()
    assert [r.key.split(":")[1] for r in shown.args[0]] == ["first-morning", "first-morning"]
    assert len(recorder.calls) == 1
    service.check()
    assert len(recorder.calls) == 1, "never twice"
    assert service.next_at == local(30, 9)


def test_missed_while_closed_is_delivered_once_on_start(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(local(30, 18))  # past the deadline: first, deadline and overdue all passed
    recorder = Recorder()
    shell = Shell(session, notifier=recorder)
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    keys = recorder.calls[0]
    assert len(keys) == 2 and all(k.endswith(":overdue") for k in keys)  # one per interviewer
    assert shell.window.banner.isVisible()
    assert "2 follow-ups need you" in shell.window.banner.text.text()
    again = Recorder()
    second = Shell(session, notifier=again)
    qtbot.addWidget(second.window)
    second.start()
    assert again.calls == []


def test_waking_from_sleep_delivers_what_was_missed(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(local(26, 22))
    recorder = Recorder()
    service = ReminderService(session, recorder)
    service.rearm()
    clock.set(local(30, 7, 30))  # slept; the timer has not fired; quiet hours end at 8
    service.on_resumed()
    assert recorder.calls == []
    assert service.next_at == local(30, 8)
    clock.set(local(30, 10))
    service.on_resumed()
    assert [k.split(":")[1] for k in recorder.calls[0]] == ["deadline-morning"] * 2


@pytest.mark.skipif(not QDBusConnection.sessionBus().isConnected(), reason="no session bus")
@pytest.mark.skipif(shutil.which("dbus-send") is None, reason="dbus-send not installed")
def test_logind_resume_signal_triggers_the_check(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(local(27, 10))
    service = ReminderService(session, Recorder())
    assert service.listen_for_resume(QDBusConnection.sessionBus())
    with qtbot.waitSignal(service.reminders_shown, timeout=5000):
        subprocess.run(
            [
                "dbus-send",
                "--session",
                "--type=signal",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager.PrepareForSleep",
                "boolean:false",
            ],
            check=True,
        )


def test_snooze_from_the_banner(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(local(27, 9, 5))
    recorder = Recorder()
    shell = Shell(session, notifier=recorder)
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    banner = shell.window.banner
    assert banner.isVisible()
    banner.hour.click()
    assert not banner.isVisible()
    assert shell.reminders.next_at == local(27, 10, 5)
    clock.set(local(27, 10, 6))
    shell.reminders.check()
    assert len(recorder.calls) == 2
    shell.window.banner.morning.click()
    assert shell.reminders.next_at == local(28, 9)


def test_closing_the_window_keeps_running_only_with_a_tray(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    shell = Shell(session, notifier=Recorder())
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    assert shell.keeps_running() is False  # offscreen: no tray, so closing quits
    names = [a.text().replace("&", "") for a in shell.tray.menu.actions() if a.text()]
    assert names[-2:] == ["Open Interview Follow-Up", "Quit"]
    assert any("Thank-you letter to Dana Müller" in n for n in names)


NOTIFY_DAEMON = "/usr/bin/python3"


def _dbusmock_available() -> bool:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or not os.path.exists(NOTIFY_DAEMON):
        return False
    probe = subprocess.run(
        [NOTIFY_DAEMON, "-c", "import dbusmock"], capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.mark.dbus
@pytest.mark.skipif(
    not _dbusmock_available(), reason="needs a private session bus (make test) and python3-dbusmock"
)
def test_end_to_end_a_reminder_arrives_as_a_real_notify_call(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, tmp_path
) -> None:
    log = tmp_path / "notifications.log"
    daemon = subprocess.Popen(
        [NOTIFY_DAEMON, "-m", "dbusmock", "--template", "notification_daemon", "-l", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        bus = QDBusConnection.sessionBus()
        qtbot.waitUntil(
            lambda: bus.interface().isServiceRegistered("org.freedesktop.Notifications").value(),
            timeout=10000,
        )
        clock.set(local(27, 9, 1))
        shell = Shell(session)  # the real notifiers: no tray offscreen, so D-Bus Notify
        qtbot.addWidget(shell.window)
        shell.start()
        qtbot.waitUntil(lambda: log.exists() and "Notify" in log.read_text(), timeout=10000)
        text = log.read_text()
        assert "Interview Follow-Up" in text
        assert "2 follow-ups need you" in text
        assert "Thank-you letter to Dana Müller at Acme" in text  # the company named too
        assert "Snooze an hour" in text and '"open"' in text  # Open and Snooze buttons
        assert shell.window.banner.isVisible()
        assert session.repo.deliveries()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def test_a_database_that_cannot_be_read_is_said_once_and_checked_again_soon(
    qtbot: QtBot,
    session: Session,
    clock: FixedClock,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What was delivered cannot be read: nothing is shown (rather than twice), no error
    escapes into Qt, the timer is armed for a retry within minutes, and the user is told
    once a session; busy is another program's moment and is not said."""
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        session.dialogs, "error", lambda _p, title, text: told.append((title, text))
    )
    failing: list[DatabaseUnavailable] = [DatabaseUnavailable("x", "busy", "busy")]
    real = session.repo.deliveries

    def deliveries():  # type: ignore[no-untyped-def]
        if failing:
            raise failing[0]
        return real()

    monkeypatch.setattr(session.repo, "deliveries", deliveries)
    recorder = Recorder()
    service = ReminderService(session, recorder)
    clock.set(local(27, 9, 1))  # the first-morning reminders are due
    assert service.check() == []  # busy: not said
    assert service.timer.isActive() and service.timer.interval() == 5 * 60 * 1000  # not an hour
    failing[0] = unreadable()
    assert service.check() == []
    assert service.check() == []
    qtbot.waitUntil(lambda: bool(told))
    qtbot.wait(10)
    [(title, text)] = told
    assert title == "Reminders not checked" and "cannot be reached" in text
    assert recorder.calls == []
    failing.clear()  # readable again: delivered now, and nothing more said
    service.check()
    assert len(recorder.calls) == 1 and len(told) == 1
    assert service.next_at == local(30, 9)


def unreadable() -> DatabaseUnavailable:
    return DatabaseUnavailable("x", "unreachable", "The database x cannot be reached.")


def test_a_start_whose_reminder_check_breaks_still_settles(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even an error nobody foresaw in the check: settled_down comes (the daily backup hangs
    on it) and the garbage collector, off for the start, is back on."""

    def broken(_service: ReminderService) -> list[Reminder]:
        raise RuntimeError("not foreseen")

    monkeypatch.setattr(ReminderService, "check", broken)
    shell = Shell(session, notifier=Recorder())
    qtbot.addWidget(shell.window)
    gc.disable()
    try:
        with qtbot.capture_exceptions() as raised, qtbot.waitSignal(shell.settled_down):
            shell.start()
        assert gc.isenabled() and shell.settled
        assert [str(error) for _type, error, _tb in raised] == ["not foreseen"]
    finally:
        gc.enable()


def test_the_next_reminder_follows_a_change_to_one_plan_and_to_the_settings(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """Each plan's reminders are kept between changes; the plan a change touched, and every
    plan after a change of settings, is read anew."""
    clock.set(local(26, 12))
    service = ReminderService(session, Recorder())
    service.rearm()
    assert service.next_at == local(27, 9)  # Friday morning: write the letters
    sent = local(26, 11)
    for person in interview.interviewer_ids:
        session.run(
            None,
            lambda p=person: session.repo.record_letter(interview.id, p, Channel.EMAIL, sent),
        )
    call_day = datetime(2026, 12, 3, 9, 0, tzinfo=NY)  # a week after the letters went
    assert service.next_at == call_day
    session.save_settings_or_raise({"reminders.morning": "08:30"})
    assert service.next_at == call_day.replace(hour=8, minute=30)


def test_kept_reminders_are_made_again_for_other_settings_or_another_zone(
    session: Session, clock: FixedClock, interview: Round
) -> None:
    """The same plans, read with another morning time or in another zone (the session keeps
    the old plans while a move's new ones are on their way): their reminders are new."""
    kept = PlanMoments()
    plans, cal, dates = session.plans(), session.calendar(), session.dates()

    def mornings(settings: ReminderSettings, zone: ZoneInfo) -> set[datetime]:
        made = kept.reminders(plans, cal, zone, settings, dates)
        return {r.at for r in made if r.key.endswith(":first-morning")}

    assert mornings(ReminderSettings(), NY) == {local(27, 9)}
    assert mornings(ReminderSettings(morning=time(8, 0)), NY) == {local(27, 8)}
    berlin = ZoneInfo("Europe/Berlin")
    assert mornings(ReminderSettings(morning=time(8, 0)), berlin) == {
        datetime(2026, 11, 27, 8, 0, tzinfo=berlin)
    }
