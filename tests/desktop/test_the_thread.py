"""Never lose the thread: Today and Interviews always say what comes next."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Round, Status
from followup.plan import ItemKind, ItemState
from followup_desktop.interviews.model import NO_STEP
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.session import Session
from followup_desktop.today import TodayView

from .conftest import NOW


def send_every_letter(session: Session, interview: Round) -> None:
    for contact in interview.interviewer_ids:
        session.repo.record_letter(interview.id, contact, Channel.EMAIL, NOW)
    session.schedule_changed.emit()


def test_after_every_letter_is_sent_today_shows_the_planned_call_with_its_date(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    today = TodayView(session)
    qtbot.addWidget(today)
    today.show()
    today.model.reload()
    assert [r.kind for r in today.model.rows] == [ItemKind.LETTER, ItemKind.LETTER]
    send_every_letter(session, interview)
    assert today.model.rows == []  # nothing due this week...
    assert not today.empty.isVisible()  # never "Nothing to do today" while a call is planned
    assert today.coming_list.isVisible() and today.coming_heading.text() == "After this week"
    assert today.summary.text() == "Nothing due in the next 7 days."
    call = today.coming.rows[0]  # ...but the call a week after the letters is shown, dated
    assert call.kind is ItemKind.CALL and call.state is ItemState.WAITING
    assert today.coming.rowCount() == 1
    delegate = today.coming_list.itemDelegate()
    assert delegate.face_of(call).when == "Fri, 4 Dec, 17:00"  # type: ignore[attr-defined]
    index = today.coming.index(0)
    with qtbot.waitSignal(today.action_requested) as opened:
        today.coming_list.activated.emit(index)
    assert opened.args == [call]


def test_nothing_planned_at_all_says_so_and_hides_coming_up(qtbot: QtBot, session: Session) -> None:
    today = TodayView(session)
    qtbot.addWidget(today)
    today.show()
    today.model.reload()
    assert not today.coming_list.isVisible()
    assert "No interviews yet" in today.empty.text()


def test_next_step_names_the_waiting_call_for_the_application_and_its_round(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    send_every_letter(session, interview)
    page = InterviewsView(session)
    qtbot.addWidget(page)
    page.model.reload()
    row = page.model.rows[0]
    assert row.next_step == "Phone call to Dana Müller by Fri, 4 Dec"
    assert page.model.rows[0].round_cells[0][4][0] == "Phone call to Dana Müller by Fri, 4 Dec"


def test_next_step_is_never_empty_for_an_active_application(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    repo = session.repo
    repo.add_application(
        Application(0, "Globex", "Analyst")  # no round yet: nothing planned
    )
    page = InterviewsView(session)
    qtbot.addWidget(page)
    page.model.reload()
    steps = {r.app.company: r.next_step for r in page.model.rows}
    assert steps["Acme"].startswith("Thank-you letter")
    assert steps["Globex"] == NO_STEP
    assert all(r.next_step for r in page.model.rows if r.app.status is Status.ACTIVE)
