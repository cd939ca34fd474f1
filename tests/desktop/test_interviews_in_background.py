"""In the running app the Interviews page reads every row on a thread of its own (0.35 s at
10,000 interviews, which froze the window): the rows shown stay until the new ones come, and
then they are what a read on the GUI thread gives, with the selection kept and no change
made meanwhile lost."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from followup.model import Application, Round
from followup_desktop.interviews.model import InterviewsModel, RecordRole
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.session import Session

from .test_interviews_order import fill


def rows_of(model: InterviewsModel) -> list[tuple[int, list[object], list[list[object]]]]:
    return [(row.app.id, row.cells, row.round_cells) for row in model.rows]


def loaded(qtbot: QtBot, view: InterviewsView) -> None:
    qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)


def test_rows_read_on_a_thread_are_those_read_at_once(qtbot: QtBot, session: Session) -> None:
    fill(session, 25, seed=4)
    at_once = InterviewsView(session)
    qtbot.addWidget(at_once)
    session.replan_in_background = True
    view = InterviewsView(session)
    qtbot.addWidget(view)
    assert view.model.loading and view.model.rowCount() == 0  # nothing read on this thread
    loaded(qtbot, view)
    assert rows_of(view.model) == rows_of(at_once.model)
    assert len(view.model.rows) == 25


def test_the_selection_stays_and_a_change_meanwhile_is_kept(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    fill(session, 10, seed=2)
    session.replan_in_background = True
    view = InterviewsView(session)
    qtbot.addWidget(view)
    view.show()
    loaded(qtbot, view)
    chosen = session.repo.application(interview.application_id)
    view.select(chosen)
    assert view.selected() == chosen
    session.others_wrote()  # every row read again, on the thread
    assert view.model.loading and view.selected() == chosen  # shown meanwhile as it was
    renamed = replace(chosen, company="Acme Renamed")
    session.run(None, lambda: session.repo.update_application(renamed))  # before it came
    added = session.run(None, lambda: session.repo.add_application(Application(0, "Zeta", "QA")))
    assert added is not None
    loaded(qtbot, view)
    companies = [row.app.company for row in view.model.rows]
    assert "Acme Renamed" in companies and "Zeta" in companies and "Acme" not in companies
    assert view.selected() == session.repo.application(chosen.id)
    assert view.tree.currentIndex().data(RecordRole).company == "Acme Renamed"
