"""In the running app, time moving on plans everything again on a connection of its own,
off the GUI thread (at 10,000 interviews that is 0.1 s and more); views and reminders follow
when the plans arrive, and a change made meanwhile is never lost."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Round
from followup.plan import ItemKind, ItemState
from followup.planner import plans_by_application
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session

from .conftest import NY
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
