"""Start-up plans Today's part first (``Session.today_first``) and the whole plans after
Today painted, off the GUI thread. Today shows the same either way; nothing else ever uses
the part as if it were the whole: the Interviews page, reminders and exports wait for the
whole plans or make them at once. A change, or time moving on, before they arrive wins."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Round, Status
from followup.plan import ItemKind, ItemState, PlanItem
from followup.planner import plans_by_application
from followup_desktop.clock import FixedClock
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.session import Session
from followup_desktop.shell import Shell

from .conftest import NY
from .test_time_moves import Recorder, letter_states


@pytest.fixture
def history(session: Session, interview: Round) -> dict[str, int]:
    """Beside this week's interview, an application long settled: its interview two months
    ago, the letter sent and the call made (only its close suggestion is live), and an older
    round of it whose letter was never sent (all history)."""
    repo = session.repo
    app = repo.add_application(Application(0, "Globex", "Data Engineer"))
    old = repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 9, 21, 10, tzinfo=NY),
            datetime(2026, 9, 21, 11, tzinfo=NY),
            "America/New_York",
            interviewer_ids=interview.interviewer_ids[:1],
        )
    )
    repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 8, 3, 10, tzinfo=NY),
            datetime(2026, 8, 3, 11, tzinfo=NY),
            "America/New_York",
        )
    )
    repo.record_letter(old.id, interview.interviewer_ids[0], Channel.EMAIL, old.ends_at)
    repo.record_call(old.id, datetime(2026, 9, 30, 11, tzinfo=NY), "brief")
    return {"settled": app.id, "this week": interview.application_id}


def whole(session: Session) -> dict[int, list[PlanItem]]:
    return plans_by_application(
        session.repo,
        session.calendar(),
        session.zone,
        session.now(),
        session.plan_settings(),
        active_only=True,
    )


def starting(qtbot: QtBot, session: Session) -> tuple[Shell, list[bool]]:
    """The app's start-up: Today's part first. Returns the shell and, as Today loaded,
    whether the plans were whole then."""
    session.today_first = True
    session.replan_in_background = True
    shell = Shell(session, notifier=Recorder())
    qtbot.addWidget(shell.window)
    at_load: list[bool] = []
    shell.loaded.connect(lambda: at_load.append(session.plans_complete))
    shell.start()
    return shell, at_load


def test_today_paints_from_its_part_and_the_whole_plans_follow(
    qtbot: QtBot, session: Session, history: dict[str, int]
) -> None:
    shell, at_load = starting(qtbot, session)
    qtbot.waitUntil(lambda: shell.settled, timeout=5000)
    assert at_load == [False], "Today was planned from its part"
    assert session.plans_complete
    assert session.plans() == whole(session)
    rows = shell.window.today.model.rows
    assert [r.kind for r in rows if r.application_id == history["settled"]] == [ItemKind.CLOSE]
    assert letter_states(shell) == [ItemState.UPCOMING] * 2
    # Today from the whole plans, made the plain way, shows the same rows
    plain = Shell(session, notifier=Recorder())
    qtbot.addWidget(plain.window)
    session.forget_time()
    plain.window.today.model.reload()
    assert plain.window.today.model.rows == rows


def test_a_page_built_before_the_whole_plans_arrive_uses_the_whole_plans(
    qtbot: QtBot, session: Session, history: dict[str, int]
) -> None:
    shell, _ = starting(qtbot, session)
    built: list[InterviewsView] = []

    def open_interviews() -> None:  # as soon as Today loaded, before the whole plans
        assert not session.plans_complete
        view = shell.window.page("interviews")
        assert isinstance(view, InterviewsView)
        built.append(view)

    shell.loaded.connect(open_interviews)
    qtbot.waitUntil(lambda: shell.settled, timeout=5000)
    rows = {row.app.id: row for row in built[0].model.rows}
    # the settled application's whole plan, history included, not only its close suggestion
    plan = rows[history["settled"]].plan
    assert plan == whole(session)[history["settled"]]
    assert plan is not None and [i.kind for i in plan].count(ItemKind.INTERVIEW) == 2
    assert session.plans() == whole(session)


def test_an_edit_before_the_whole_plans_arrive_is_kept(
    qtbot: QtBot, session: Session, clock: FixedClock, history: dict[str, int]
) -> None:
    shell, _ = starting(qtbot, session)
    interview = session.repo.rounds(history["this week"])[0]

    first = interview.interviewer_ids[0]

    def send(person: int) -> None:
        session.repo.record_letter(interview.id, person, Channel.EMAIL, clock.now())

    def edit() -> None:  # Today loaded from its part; the whole plans not yet made
        session.attempt(shell.window, partial(send, first), "Not saved")
        session.run(
            shell.window, lambda: session.repo.set_status(history["settled"], Status.CLOSED)
        )

    shell.loaded.connect(edit)
    qtbot.waitUntil(lambda: shell.settled, timeout=5000)
    assert letter_states(shell) == [ItemState.UPCOMING]  # the other interviewer's
    assert all(r.application_id != history["settled"] for r in shell.window.today.model.rows)
    assert session.plans() == whole(session)
    letters = [i for i in session.plans()[history["this week"]] if i.kind is ItemKind.LETTER]
    assert [i.state for i in letters] == [ItemState.DONE, ItemState.UPCOMING]


def test_an_edit_while_the_whole_plans_are_made_wins(
    qtbot: QtBot, session: Session, clock: FixedClock, history: dict[str, int]
) -> None:
    """The whole plans were read before the change: they are not used; the plans are made
    again when asked for."""
    session.schedule_changed.emit()  # the fixtures' writes, told: from here one is noted
    session.today_first = True
    session.today_items()
    assert not session.plans_complete
    done: list[bool] = []
    session.complete_plans(then=lambda: done.append(True))
    session.run(None, lambda: session.repo.set_status(history["settled"], Status.CLOSED))
    assert session.last_change == frozenset({history["settled"]})  # only it is planned again
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    assert not session.plans_complete, "the stale whole plans were not taken"
    assert history["settled"] not in {i.application_id for i in session.today_items()}
    assert session.plans() == whole(session)
    assert session.plans_complete


def test_time_moving_before_the_whole_plans_arrive(
    qtbot: QtBot, session: Session, clock: FixedClock, history: dict[str, int]
) -> None:
    clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=NY))  # the letters are due at 17:00
    shell, _ = starting(qtbot, session)
    moved: list[bool] = []
    session.time_moved.connect(lambda: moved.append(True))

    def later() -> None:  # the deadline passes as Today loads
        clock.set(datetime(2026, 11, 30, 17, 5, tzinfo=NY))
        session.move_time()

    shell.loaded.connect(later)
    qtbot.waitUntil(lambda: shell.settled and moved == [True], timeout=5000)
    qtbot.wait(50)  # anything still on its way has come
    assert letter_states(shell) == [ItemState.OVERDUE] * 2
    assert session.plans() == whole(session)
    reminder = shell.reminders.wake_at
    assert reminder is not None and reminder > clock.now()


def test_the_clock_jumping_while_the_whole_plans_are_made(
    qtbot: QtBot, session: Session, clock: FixedClock, history: dict[str, int]
) -> None:
    session.today_first = True
    session.today_items()
    done: list[bool] = []
    session.complete_plans(then=lambda: done.append(True))
    clock.set(clock.now() + timedelta(days=40))  # slept for weeks
    session.forget_time()
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    assert session.plans() == whole(session), "planned for the new moment, not the old"


def built_as_the_app_does(qtbot: QtBot, session: Session, page: str) -> Shell:
    """The app's start-up with ``page`` left open last time: the frame is shown first, then
    the session attached (which builds that page) and Today's part asked for."""
    from PySide6.QtCore import QSettings

    from followup_desktop.main_window import MainWindow

    QSettings().setValue("window/page", page)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    session.today_first = True
    session.replan_in_background = True
    shell = Shell(session, notifier=Recorder(), window=window)
    shell.start()
    return shell


def test_the_interviews_page_left_open_shows_whole_plans_from_the_start(
    qtbot: QtBot, session: Session, history: dict[str, int]
) -> None:
    """The Interviews page, built as the session is attached, is the first to read the
    plans: it gets the whole plans (the settled application's history too), not Today's
    part as if it were all of them."""
    shell = built_as_the_app_does(qtbot, session, "interviews")
    shown = {row.app.id: row.plan for row in shell.window.interviews.model.rows}
    qtbot.waitUntil(lambda: shell.settled, timeout=5000)  # nothing left running
    expected = whole(session)
    assert shown == {app_id: expected.get(app_id, []) for app_id in shown}
    assert [i.kind for i in expected[history["settled"]]].count(ItemKind.INTERVIEW) == 2
    assert session.plans() == expected
    assert shell.window.today.model.rows, "Today still shows this week's letters"


def test_the_letters_page_left_open_reads_the_whole_items(
    qtbot: QtBot, session: Session, history: dict[str, int]
) -> None:
    """The composer, shown as the session is attached, reads ``items()`` first: the whole
    plans' items, not Today's part."""
    read: list[list[PlanItem]] = []
    items = session.items
    session.items = lambda: read.append(items()) or read[-1]  # type: ignore[method-assign]
    shell = built_as_the_app_does(qtbot, session, "letters")
    complete = session.plans_complete
    qtbot.waitUntil(lambda: shell.settled, timeout=5000)  # nothing left running
    expected = [i for plan in whole(session).values() for i in plan]
    assert read and all(got == expected for got in read)
    assert complete, "the whole plans were made for the composer"
    assert session.plans() == whole(session)


@pytest.mark.parametrize("first", ["plans", "items"])
def test_plans_asked_first_are_the_whole_plans(
    session: Session, history: dict[str, int], first: str
) -> None:
    """Whatever reads the plans first, when start-up wanted Today's part first, gets them
    whole; only Today asks for the part."""
    session.today_first = True
    expected = whole(session)
    if first == "plans":
        assert session.plans() == expected
    else:
        assert session.items() == [i for plan in expected.values() for i in plan]
    assert session.plans_complete
    assert session.today_items() == [i for plan in expected.values() for i in plan]
