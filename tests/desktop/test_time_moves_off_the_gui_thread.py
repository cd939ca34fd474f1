"""In the running app, time moving on plans everything again on a connection of its own,
off the GUI thread (at 10,000 interviews that is 0.1 s and more); views and reminders follow
when the plans arrive, and a change made meanwhile is never lost."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Round
from followup.plan import ItemKind, ItemState
from followup.planner import plans_by_application
from followup_desktop.clock import FixedClock
from followup_desktop.reminder_service import ReminderService
from followup_desktop.session import Session

from .conftest import NY
from .test_reminders import Recorder
from .test_time_moves import letter_states, running


def test_a_deadline_passing_is_planned_off_the_gui_thread(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, recorder = running(qtbot, session)
    assert letter_states(shell) == [ItemState.DUE] * 2
    clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))  # past the letters' deadline
    with qtbot.waitSignal(session.time_moved, timeout=5000):
        shell.reminders.timer.timeout.emit()
        assert letter_states(shell) == [ItemState.DUE] * 2, "until the plans arrive"
    assert letter_states(shell) == [ItemState.OVERDUE] * 2
    assert shell.window.today.summary.text().startswith("2 overdue")
    interviews = shell.window.interviews  # built now: its rows come from a thread too
    qtbot.waitUntil(lambda: not interviews.model.loading)
    assert interviews.model.rows[0].next_step.startswith("Overdue: ")
    # the reminders were checked with the new plans: the overdue ones went out
    assert any(key.endswith(":overdue") for call in recorder.calls for key in call)
    assert shell.reminders.wake_at is not None and shell.reminders.wake_at > clock.now()


def test_a_change_made_while_planning_is_not_lost(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))
    with qtbot.waitSignal(session.time_moved, timeout=5000):
        session.move_time()
        sent = clock.now() - timedelta(minutes=1)
        for person in interview.interviewer_ids:  # both letters sent while it plans
            session.run(
                shell.window,
                lambda p=person: session.repo.record_letter(interview.id, p, Channel.EMAIL, sent),
            )
    letters = [i for i in session.items() if i.kind is ItemKind.LETTER]
    assert [i.state for i in letters] == [ItemState.DONE] * 2
    assert letter_states(shell) == []  # Today lists no letter left to write


def test_only_the_latest_move_counts(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    moves: list[int] = []
    session.time_moved.connect(lambda: moves.append(1))
    session.move_time()
    clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))
    session.move_time()
    qtbot.waitUntil(lambda: moves == [1], timeout=5000)
    qtbot.wait(200)
    assert moves == [1]
    assert letter_states(shell) == [ItemState.OVERDUE] * 2


def test_plans_made_off_the_gui_thread_name_days_as_the_gui_does(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """The reasons of plans made off the GUI thread read in the user's locale too ("on Wed,
    25 Nov"), not in the command line's plain style ("on Wed 2026-11-25")."""
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    before = [r.reason for r in shell.window.today.model.rows]
    assert any("Wed, 25 Nov" in reason for reason in before)
    with qtbot.waitSignal(session.time_moved, timeout=5000):
        session.move_time()  # the same moment: the same plans, word for word
    assert [r.reason for r in shell.window.today.model.rows] == before


def test_a_deadline_passing_while_the_plans_are_on_their_way_is_followed(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """Woken a moment before the deadline, the plans are made for that moment and arrive
    after it: they are already behind, so they are made again at once (found by review: the
    letters stayed "due" until midnight, though their overdue reminder came)."""
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))
    shell, recorder = running(qtbot, session)
    moved: list[None] = []
    session.time_moved.connect(lambda: moved.append(None))
    clock.set(datetime(2026, 11, 30, 16, 59, 59, 500_000, tzinfo=NY))
    shell.reminders.on_resumed()  # planned for 16:59:59.5, off the GUI thread
    clock.set(datetime(2026, 11, 30, 17, 0, 5, tzinfo=NY))  # they arrive after 17:00
    qtbot.waitUntil(lambda: letter_states(shell) == [ItemState.OVERDUE] * 2)
    assert len(moved) == 2  # made again, for a moment after the deadline
    assert shell.window.today.summary.text().startswith("2 overdue")
    overdue = [key for call in recorder.calls for key in call if key.endswith(":overdue")]
    assert len(overdue) == 2, "delivered once each"
    assert shell.reminders.wake_at is not None and shell.reminders.wake_at > clock.now()


def test_a_clock_set_back_is_followed_after_a_change(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    """A clock two hours fast is set right, then the user changes something: the plans made
    for the later time are not taken for now's (found by review: the letters stayed
    "overdue" at 15:00)."""
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))
    shell, _ = running(qtbot, session)
    initech = Application(0, "Initech", "QA")
    session.run(shell.window, lambda: session.repo.add_application(initech))
    assert letter_states(shell) == [ItemState.OVERDUE] * 2
    clock.set(datetime(2026, 11, 30, 15, 0, tzinfo=NY))
    globex = Application(0, "Globex", "QA")
    session.run(shell.window, lambda: session.repo.add_application(globex))
    qtbot.waitUntil(lambda: letter_states(shell) == [ItemState.DUE] * 2)
    assert shell.reminders.wake_at is not None and shell.reminders.wake_at > clock.now()


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_kept_plans_are_nows_whatever_time_and_the_user_do(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round, seed: int
) -> None:
    """Days of an app left running, with the plans made off the GUI thread as in the app:
    the timer fires when it was armed for, or late (a busy or sleeping machine), the machine
    resumes, the clock is set back, the user adds interviews and records letters and calls.
    After each, once the event loop has settled, the plans the app keeps are the ones made
    for now, item for item: a reminder's wake that plans nothing again never leaves a state
    behind."""
    rng = random.Random(seed)
    session.replan_in_background = True
    clock.set(datetime(2026, 11, 20, 9, 0, tzinfo=NY))
    shell, _ = running(qtbot, session)
    service, repo = shell.reminders, session.repo
    company = repo.add_application(Application(0, "Globex", "SRE")).id
    online = Application(0, "Initech", "QA", applied_on=clock.now().date())  # no interview
    repo.add_application(online)
    person = interview.interviewer_ids[0]

    def settle() -> None:
        for _ in range(50):
            qtbot.waitUntil(lambda: not service.moving, timeout=5000)
            qtbot.wait(1)
            if not service.moving and not (
                service.timer.isActive() and service.timer.interval() == 0
            ):
                return
        raise AssertionError("the timer kept firing at once")

    def change(action: Callable[[], object]) -> None:
        session.run(None, action)

    def add_round() -> None:
        starts = clock.now() - timedelta(hours=rng.randint(2, 90))
        repo.add_round(
            Round(
                0,
                company,
                starts,
                starts + timedelta(hours=1),
                "Europe/Berlin",
                interviewer_ids=(person,),
            )
        )

    def send_or_call() -> None:
        pending = [i for i in session.items() if i.state.pending and i.round_id is not None]
        letters = [i for i in pending if i.kind is ItemKind.LETTER and i.contact_id]
        calls = [i for i in pending if i.kind is ItemKind.CALL]
        if letters:
            item = rng.choice(letters)
            assert item.round_id is not None and item.contact_id is not None
            repo.record_letter(item.round_id, item.contact_id, Channel.EMAIL, clock.now())
        elif calls:
            assert calls[0].round_id is not None
            repo.record_call(calls[0].round_id, clock.now(), "brief")

    for step in range(60):
        roll = rng.random()
        if roll < 0.35 and service.wake_at is not None:  # fired when it was armed for
            clock.set(max(service.wake_at, clock.now()))
            service.timer.timeout.emit()
        elif roll < 0.5:  # fired late: busy, or asleep without a resume signal
            clock.set(clock.now() + timedelta(minutes=rng.randint(1, 600)))
            service.timer.timeout.emit()
        elif roll < 0.6:  # woke from sleep
            clock.set(clock.now() + timedelta(hours=rng.randint(1, 200)))
            service.on_resumed()
        elif roll < 0.7:  # the clock set back, then a change
            clock.set(clock.now() - timedelta(minutes=rng.randint(1, 120)))
            change(add_round)
        elif roll < 0.85:
            change(add_round)
        else:
            change(send_or_call)
        settle()
        fresh = plans_by_application(
            repo,
            session.calendar(),
            session.zone,
            clock.now(),
            session.plan_settings(),
            active_only=True,
        )
        assert session.plans() == fresh, f"step {step}, {clock.now()}"
        assert service.wake_at is not None and service.wake_at > clock.now()


def test_plans_that_read_alike_stay_the_lists_kept_and_only_the_changed_is_read_again(
    qtbot: QtBot, session: Session, interview: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program's write plans everything again off the GUI thread; the plans that
    read as before come back as the very lists kept, so the reminders (and the Interviews
    rows) are made again for the changed plan alone, not for every plan on the GUI thread."""
    from followup.storage import Database, Repository
    from followup_desktop import plan_moments

    repo = session.repo
    for n in range(6):
        app = repo.add_application(Application(0, f"Firm {n}", "Engineer"))
        start = interview.starts_at - timedelta(days=n)
        repo.add_round(Round(0, app.id, start, start + timedelta(hours=1), "America/New_York"))
    session.replan_in_background = True
    shell, _ = running(qtbot, session)
    before = dict(session.plans())
    assert len(before) == 7
    made: list[object] = []
    counted = plan_moments.reminders_for

    def counting(*args: object, **kwargs: object) -> object:
        made.append(args[0])
        return counted(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_moments, "reminders_for", counting)
    other = Repository(Database.open(repo.db.path, session.now()))  # the command line, say
    other.record_letter(interview.id, interview.interviewer_ids[0], Channel.EMAIL, session.now())
    other.db.close()
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
    after = session.plans()
    changed = interview.application_id
    assert after[changed] is not before[changed] and after[changed] != before[changed]
    assert all(after[i] is before[i] for i in before if i != changed)
    assert made == [after[changed]]  # one plan's reminders made again
    fresh = ReminderService(session, Recorder())
    fresh.rearm()
    assert shell.reminders.next_at == fresh.next_at


def test_a_plan_in_another_zone_is_not_the_plan_kept(session: Session, interview: Round) -> None:
    """The same instants written in another zone (the zone changed in the settings) name
    other days: such a plan is planned anew, not replaced by the one kept."""
    from followup_desktop.plan_cache import kept_where_equal, same_plan

    plans = session.plans()
    items = plans[interview.application_id]
    berlin = ZoneInfo("Europe/Berlin")
    moved = [replace(i, due=i.due.astimezone(berlin) if i.due is not None else None) for i in items]
    assert moved == items  # (as instants, equal)
    assert not same_plan(items, moved)
    assert kept_where_equal({1: moved}, {1: items})[1] is moved
    again = [replace(i) for i in items]
    assert same_plan(items, again)
    assert kept_where_equal({1: again}, {1: items})[1] is items
    # The night summer time ends, 01:30 comes twice in New York, an hour apart: equal as
    # wall clocks in one zone, not the same moment.
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NY)
    second = first.replace(fold=1)
    assert second == first and second.timestamp() - first.timestamp() == 3600
    at_first = [replace(items[0], due=first)]
    at_second = [replace(items[0], due=second)]
    assert at_first == at_second
    assert not same_plan(at_first, at_second)


def test_the_plans_are_made_with_the_collector_paused(
    qtbot: QtBot, session: Session, interview: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from followup_desktop import session as session_module

    planned = session_module.plans_by_application
    seen: list[bool] = []

    def planning(*args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():
            seen.append(gc.isenabled())
        return planned(*args, **kwargs)  # type: ignore[arg-type]

    gc.enable()
    monkeypatch.setattr(session_module, "plans_by_application", planning)
    session.replan_in_background = True
    running(qtbot, session)
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
    assert seen and not any(seen)
    assert gc.isenabled()
