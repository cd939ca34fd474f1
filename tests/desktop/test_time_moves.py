"""Time moves while the app stays open: midnight, a deadline passing, a resume after sleep and
a DST change. The clock is the one the app uses (injected); the one timer is fired as Qt
would fire it, at the moment it was armed for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Application, Contact, Round
from followup.plan import ItemKind, ItemState
from followup.reminders import Reminder
from followup_desktop.calendar.view import CalendarView
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session
from followup_desktop.shell import Shell

from .conftest import NY

BERLIN = ZoneInfo("Europe/Berlin")


class Recorder:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        self.calls.append([r.key for r in reminders])
        return True


def running(qtbot: QtBot, session: Session) -> tuple[Shell, Recorder]:
    recorder = Recorder()
    shell = Shell(session, notifier=recorder)
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.settled)
    return shell, recorder


def calendar(shell: Shell) -> CalendarView:
    view = shell.window.page("calendar")
    assert isinstance(view, CalendarView)
    return view


def run_until(shell: Shell, clock: FixedClock, moment: datetime) -> int:
    """Let time pass to ``moment``: the timer fires each time it was armed for; returns how
    often it fired."""
    service = shell.reminders
    fired = 0
    while service.wake_at is not None and service.wake_at <= moment:
        assert service.timer.isActive()
        clock.set(service.wake_at)
        service.timer.timeout.emit()
        fired += 1
        assert fired < 100, "the timer keeps firing without time moving"
    clock.set(moment)
    return fired


def interview_in_berlin(session: Session, starts: datetime) -> Round:
    """An hour's interview in Berlin with one interviewer, Anna Weber of Kiel GmbH."""
    repo = session.repo
    app = repo.add_application(Application(0, "Kiel GmbH", "Engineer"))
    anna = repo.add_contact(Contact(0, "Anna Weber", "CTO", "Kiel GmbH"))
    ends = starts + timedelta(hours=1)
    return repo.add_round(
        Round(0, app.id, starts, ends, "Europe/Berlin", interviewer_ids=(anna.id,))
    )


def letter_states(shell: Shell) -> list[ItemState]:
    rows = shell.window.today.model.rows
    return [r.state for r in rows if r.kind is ItemKind.LETTER]


@pytest.mark.parametrize("on_screen", ["today", "calendar"])
def test_crossing_midnight_moves_today_the_calendar_and_the_states(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, on_screen: str
) -> None:
    """The page on screen follows at once; the calendar, when another page is on screen,
    follows when it is shown (no one sees it in between)."""
    clock.set(datetime(2026, 11, 29, 23, 0, tzinfo=NY))  # Sunday night; letters due Monday
    shell, _ = running(qtbot, session)
    cal = calendar(shell)
    today = shell.window.today
    assert today.heading.text() == "Today, Sunday, 29 November"
    assert letter_states(shell) == [ItemState.UPCOMING] * 2
    assert cal.grid.today == date(2026, 11, 29)
    shell.window.show_page(on_screen)
    midnight = datetime(2026, 11, 30, 0, 0, tzinfo=NY)
    assert shell.reminders.wake_at == midnight  # the one timer, armed for the new day
    run_until(shell, clock, midnight + timedelta(minutes=1))
    assert today.heading.text() == "Today, Monday, 30 November"
    assert letter_states(shell) == [ItemState.DUE] * 2
    assert "2 due today" in today.summary.text()
    shell.window.show_page("calendar")
    assert cal.grid.today == date(2026, 11, 30) and cal.grid.selected == date(2026, 11, 30)
    assert "Monday, 30 November" in cal.day_title.text()
    monday = cal.grid.by_day[date(2026, 11, 30)]
    assert {i.state for i in monday if i.kind is ItemKind.LETTER} == {ItemState.DUE}


def test_a_deadline_passing_while_the_window_is_open(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    interviews = shell.window.interviews  # built, then hidden behind Today
    assert interviews.model.rows[0].next_step.startswith("Thank-you letter to ")
    assert letter_states(shell) == [ItemState.DUE] * 2
    assert "overdue" not in shell.tray.icon.toolTip()
    deadline = datetime(2026, 11, 30, 17, 0, tzinfo=NY)
    assert shell.reminders.wake_at is not None and shell.reminders.wake_at <= deadline + (
        timedelta(seconds=1)
    )
    run_until(shell, clock, deadline + timedelta(minutes=5))
    assert letter_states(shell) == [ItemState.OVERDUE] * 2
    assert shell.window.today.summary.text().startswith("2 overdue")
    assert shell.tray.icon.toolTip() == "Interview Follow-Up: 2 overdue"
    shell.window.show_page("interviews")  # hidden meanwhile: it follows when shown
    assert interviews.model.rows[0].next_step.startswith("Overdue: ")


def test_a_resume_after_sleeping_past_a_reminder_delivers_it_once(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=NY))  # Friday, before the morning reminder
    shell, recorder = running(qtbot, session)
    assert recorder.calls == []
    clock.set(datetime(2026, 11, 30, 10, 0, tzinfo=NY))  # slept over the weekend
    shell.reminders.on_resumed()  # logind's PrepareForSleep(false)
    assert len(recorder.calls) == 1
    assert shell.window.today.heading.text() == "Today, Monday, 30 November"
    assert letter_states(shell) == [ItemState.DUE] * 2
    shell.reminders.timer.timeout.emit()  # the timer, late because it counts awake time
    shell.reminders.on_resumed()
    assert len(recorder.calls) == 1, "delivered once"


def test_a_late_timer_notices_the_wall_clock_jumped(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """No resume signal (no logind): the timer fires late, and that is enough."""
    clock.set(datetime(2026, 11, 27, 23, 0, tzinfo=NY))
    shell, recorder = running(qtbot, session)
    assert shell.reminders.timer.interval() <= 3600 * 1000  # never more than an hour
    clock.set(datetime(2026, 11, 30, 11, 0, tzinfo=NY))
    shell.reminders.timer.timeout.emit()
    assert shell.window.today.heading.text() == "Today, Monday, 30 November"
    assert calendar(shell).grid.today == date(2026, 11, 30)
    assert len(recorder.calls) == 1


def test_a_dst_change_keeps_the_right_hour_and_day(
    qtbot: QtBot, session: Session, clock: FixedClock
) -> None:
    """Berlin leaves summer time on Sunday 25 October 2026 (03:00 → 02:00)."""
    repo = session.repo
    repo.save_settings({"calendar.country": "DE", "calendar.timezone": "Europe/Berlin"})
    session.settings_changed.emit()
    interview_in_berlin(session, datetime(2026, 10, 23, 10, tzinfo=BERLIN))  # Fri, summer time
    clock.set(datetime(2026, 10, 24, 23, 30, tzinfo=BERLIN))
    shell, _ = running(qtbot, session)
    today = shell.window.today
    assert today.heading.text() == "Today, Saturday, 24 October"
    sunday = datetime(2026, 10, 25, 0, 0, tzinfo=BERLIN)
    assert shell.reminders.wake_at == sunday
    run_until(shell, clock, sunday + timedelta(minutes=1))
    assert today.heading.text() == "Today, Sunday, 25 October"
    monday = datetime(2026, 10, 26, 0, 0, tzinfo=BERLIN)
    assert shell.reminders.wake_at == monday
    assert monday.astimezone(UTC) - sunday.astimezone(UTC) == timedelta(
        hours=25
    )  # clocks went back
    assert monday.astimezone(UTC) == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    run_until(shell, clock, datetime(2026, 10, 27, 9, 30, tzinfo=BERLIN))
    assert today.heading.text() == "Today, Tuesday, 27 October"
    letter = next(r for r in today.model.rows if r.kind is ItemKind.LETTER)
    assert letter.state is ItemState.DUE
    assert letter.due is not None
    assert letter.due.astimezone(BERLIN).hour == 17  # end of the working day, winter time
    delegate = today.list.itemDelegate()
    assert delegate.face_of(letter).when == "today, 17:00"  # type: ignore[attr-defined]
    assert calendar(shell).grid.today == date(2026, 10, 27)


def test_yesterdays_reminder_banner_goes_at_midnight(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(datetime(2026, 11, 27, 9, 5, tzinfo=NY))  # Friday's morning reminder is due
    shell, recorder = running(qtbot, session)
    banner = shell.window.banner
    assert len(recorder.calls) == 1 and banner.isVisible()
    run_until(shell, clock, datetime(2026, 11, 27, 20, 0, tzinfo=NY))
    assert banner.isVisible(), "the same day, it stays until dismissed"
    run_until(shell, clock, datetime(2026, 11, 28, 0, 1, tzinfo=NY))
    assert not banner.isVisible()


def test_a_change_of_the_systems_time_zone_is_followed(
    qtbot: QtBot,
    session: Session,
    clock: FixedClock,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No zone chosen in Settings: the system's counts, and it can change while the app runs
    (a flight, automatic time zone). Found by the hostile sweep: the zone was read once and
    kept, so after landing in Berlin the window still said Friday in New York's hours."""
    import tzlocal

    monkeypatch.setenv("TZ", "America/New_York")
    tzlocal.reload_localzone()
    session.repo.save_settings({"calendar.timezone": ""})
    session.settings_changed.emit()
    clock.set(datetime(2026, 11, 27, 20, 0, tzinfo=NY))  # Friday 20:00 in NY, 02:00 in Berlin
    shell, _ = running(qtbot, session)
    today = shell.window.today
    assert today.heading.text() == "Today, Friday, 27 November"
    monkeypatch.setenv("TZ", "Europe/Berlin")  # landed; the system now keeps Berlin's time
    try:
        assert shell.reminders.timer.interval() <= 3600 * 1000
        clock.set(datetime(2026, 11, 27, 21, 0, tzinfo=NY))  # the timer wakes within the hour
        shell.reminders.timer.timeout.emit()
        assert session.zone == BERLIN
        assert today.heading.text() == "Today, Saturday, 28 November"
        assert calendar(shell).grid.today == date(2026, 11, 28)
        letter = next(r for r in today.model.rows if r.kind is ItemKind.LETTER)
        delegate = today.list.itemDelegate()
        # Monday 17:00 in New York, where the interview was, is 23:00 in Berlin.
        assert delegate.face_of(letter).when.startswith("Mon, 30 Nov, 23:00")  # type: ignore[attr-defined]
    finally:
        monkeypatch.undo()
        tzlocal.reload_localzone()


def test_a_reminder_alone_is_delivered_on_the_plans_kept(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """Friday's morning reminder changes no step's state: it is shown at once, and the
    plans are not made again (at 10,000 interviews that was 0.1 s of planning and every
    view reloading, in the middle of whatever the user was doing)."""
    session.replan_in_background = True  # as the app runs
    clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=NY))
    shell, recorder = running(qtbot, session)
    morning = datetime(2026, 11, 27, 9, 0, tzinfo=NY)
    assert shell.reminders.wake_at == morning
    kept = dict(session.plans())
    moved: list[None] = []
    session.time_moved.connect(lambda: moved.append(None))
    assert run_until(shell, clock, morning + timedelta(minutes=1)) == 1  # fired once
    assert [k.split(":")[1] for k in recorder.calls[0]] == ["first-morning"] * 2
    assert moved == [], "no view had anything to follow"
    assert shell.window.banner.isVisible()  # said in the window too
    assert all(session.plans()[app_id] is items for app_id, items in kept.items())
    assert shell.reminders.wake_at == datetime(2026, 11, 28, 0, 0, tzinfo=NY)  # Saturday
    clock.set(datetime(2026, 11, 28, 0, 0, tzinfo=NY))
    shell.reminders.timer.timeout.emit()
    qtbot.waitUntil(lambda: len(moved) == 1)  # midnight is a move: planned again
    assert shell.window.today.heading.text() == "Today, Saturday, 28 November"


def test_a_deadline_passed_while_busy_is_followed_before_the_timer_is_armed_again(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """The GUI was busy at 17:00:01 and the user's next change, to another application,
    re-armed the timer before it fired: the deadline that passed is followed at once, not
    at midnight. (No reminder comes due with it: they are off here.)"""
    session.repo.save_settings({"reminders.quiet_start": "00:00", "reminders.quiet_end": "23:59"})
    session.settings_changed.emit()
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    session.run(shell.window, lambda: session.repo.add_application(Application(0, "Initech", "QA")))
    assert letter_states(shell) == [ItemState.DUE] * 2
    clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))
    globex = Application(0, "Globex", "Engineer")
    session.run(shell.window, lambda: session.repo.add_application(globex))
    assert letter_states(shell) == [ItemState.DUE] * 2, "Acme's plan is kept by the change"
    assert shell.reminders.wake_at == clock.now()
    qtbot.waitUntil(lambda: letter_states(shell) == [ItemState.OVERDUE] * 2)
    assert shell.window.today.summary.text().startswith("2 overdue")
    assert shell.reminders.wake_at == datetime(2026, 12, 1, 0, 0, tzinfo=NY)  # next: midnight


def test_a_move_that_could_not_start_leaves_the_timer_working(
    qtbot: QtBot,
    session: Session,
    clock: FixedClock,
    interview: Round,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The timer waits for a move's plans; a move that never started is not waited for."""
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))

    def broken(then: object = None) -> None:
        raise RuntimeError("no thread to plan on")

    monkeypatch.setattr(session, "move_time", broken)
    with pytest.raises(RuntimeError):
        shell.reminders.on_timer()
    monkeypatch.undo()
    shell.reminders.on_timer()
    qtbot.waitUntil(lambda: letter_states(shell) == [ItemState.OVERDUE] * 2)


def test_a_letter_left_unsent_is_missed_at_that_moment_in_its_own_zone(
    qtbot: QtBot, session: Session, clock: FixedClock
) -> None:
    """An interview in Berlin: its letter is missed at Berlin's midnight, 18:00 in New York.
    The timer wakes for that moment too (a reminder's wake alone plans nothing again, so a
    state that changes by itself must be one the timer knows), and Today lets it go."""
    interview_in_berlin(session, datetime(2026, 11, 16, 10, tzinfo=BERLIN))
    letter = next(i for i in session.items() if i.kind is ItemKind.LETTER)
    missed = letter.missed_at
    assert missed is not None and missed.astimezone(BERLIN).hour == 0
    assert missed.astimezone(NY).hour == 18  # not New York's midnight
    clock.set(missed - timedelta(hours=2))
    shell, _ = running(qtbot, session)
    assert letter_states(shell) == [ItemState.OVERDUE]
    run_until(shell, clock, missed + timedelta(minutes=1))
    assert letter_states(shell) == []  # missed: kept in history, no longer a to-do
    assert "overdue" not in shell.window.today.summary.text()
