"""A change updates only the rows it touched (no model reset), and every view shows the new
state: what keeps one action under 50 ms with 10,000 interviews (the figure itself is in
``make benchmark``, never timed here)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Contact, Round, Status
from followup_desktop.interviews.model import RecordRole
from followup_desktop.interviews.view import DeleteCommand, InterviewsView
from followup_desktop.session import Session
from followup_desktop.today import TodayView

from .conftest import NOW, NY


@dataclass
class Signals:
    """What a model announced: resets, inserted and removed top-level rows, changed rows."""

    resets: int = 0
    inserted: list[tuple[int, int]] = field(default_factory=list)
    removed: list[tuple[int, int]] = field(default_factory=list)
    changed_rows: set[int] = field(default_factory=set)

    def clear(self) -> None:
        self.resets = 0
        self.inserted.clear()
        self.removed.clear()
        self.changed_rows.clear()


def watch(model: QAbstractItemModel) -> Signals:
    seen = Signals()

    def reset() -> None:
        seen.resets += 1

    def inserted(parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            seen.inserted.append((first, last))

    def removed(parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            seen.removed.append((first, last))

    def changed(top: QModelIndex, bottom: QModelIndex) -> None:
        if not top.parent().isValid():
            seen.changed_rows.update(range(top.row(), bottom.row() + 1))

    model.modelReset.connect(reset)
    model.rowsInserted.connect(inserted)
    model.rowsRemoved.connect(removed)
    model.dataChanged.connect(changed)
    return seen


@pytest.fixture
def searches(session: Session) -> Iterator[list[Round]]:
    """Twelve active applications, each with one interview in the last days, one contact."""
    repo = session.repo
    dana = repo.add_contact(Contact(0, "Dana Müller", "CTO", "Acme", "dana@acme.example"))
    rounds = []
    for n in range(12):
        app = repo.add_application(Application(0, f"Company {n:02d}", "Engineer"))
        start = (NOW - timedelta(days=n % 4, hours=3)).astimezone(NY)
        rounds.append(
            repo.add_round(
                Round(
                    0,
                    app.id,
                    start,
                    start + timedelta(hours=1),
                    "America/New_York",
                    interviewer_ids=(dana.id,),
                )
            )
        )
    session.schedule_changed.emit()  # as the dialogs do: the views start from here
    return rounds


def shown_status(view: InterviewsView, app_id: int) -> str:
    model = view.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        record = index.data(RecordRole)
        if isinstance(record, Application) and record.id == app_id:
            return str(model.index(row, 3).data())
    return "(not shown)"


def test_closing_one_application_changes_its_row_only(
    qtbot: QtBot, session: Session, searches: list[Round]
) -> None:
    interviews = InterviewsView(session)
    today = TodayView(session)
    qtbot.addWidget(interviews)
    qtbot.addWidget(today)
    today.model.reload()
    closing = searches[5].application_id
    assert any(i.application_id == closing for i in today.model.rows)
    tree, agenda = watch(interviews.model), watch(today.model)

    session.run(None, lambda: session.repo.set_status(closing, Status.CLOSED, "no response"))

    assert tree.resets == 0 and agenda.resets == 0
    assert tree.changed_rows == {interviews.model.row_of[closing]}
    assert not tree.inserted and not tree.removed
    assert shown_status(interviews, closing) == "Closed"
    assert all(i.application_id != closing for i in today.model.rows)  # its items left Today
    assert agenda.removed and not agenda.inserted
    # Today after the update shows exactly what it shows when everything is computed again.
    updated = [(i.key, i.state) for i in today.model.rows]
    session.forget_time()
    fresh = TodayView(session)
    qtbot.addWidget(fresh)
    fresh.model.reload()
    assert [(i.key, i.state) for i in fresh.model.rows] == updated


def test_adding_editing_and_deleting_touch_their_rows(
    qtbot: QtBot, session: Session, searches: list[Round]
) -> None:
    repo = session.repo
    interviews = InterviewsView(session)
    today = TodayView(session)
    qtbot.addWidget(interviews)
    qtbot.addWidget(today)
    today.model.reload()
    tree, agenda = watch(interviews.model), watch(today.model)
    before = interviews.model.rowCount()

    def add() -> Round:
        app = repo.add_application(Application(0, "Newco", "Engineer"))
        start = (NOW - timedelta(hours=5)).astimezone(NY)
        return repo.add_round(
            Round(
                0,
                app.id,
                start,
                start + timedelta(hours=1),
                "America/New_York",
                interviewer_ids=searches[0].interviewer_ids,
            )
        )

    added = session.run(None, add)
    assert added is not None
    assert tree.resets == 0 and tree.inserted == [(before, before)]
    assert interviews.model.rowCount() == before + 1
    assert any(i.application_id == added.application_id for i in today.model.rows)
    assert agenda.resets == 0 and agenda.inserted

    tree.clear()
    session.run(None, lambda: repo.update_round(replace(added, title="Final round")))
    row = interviews.model.row_of[added.application_id]
    assert tree.resets == 0 and tree.changed_rows == {row}
    child = interviews.model.index(0, 0, interviews.model.index(row, 0))
    assert child.data() == "Video interview: Final round"

    tree.clear()
    agenda.clear()
    dana = added.interviewer_ids[0]
    session.run(None, lambda: repo.record_letter(added.id, dana, Channel.EMAIL, NOW))
    assert tree.resets == 0 and agenda.resets == 0
    assert tree.changed_rows == {row}
    letters = [i for i in today.model.rows if i.key == f"round-{added.id}-letter-{dana}"]
    assert not letters or not letters[0].state.pending  # sent: no longer something to do

    tree.clear()
    session.undo_stack.push(DeleteCommand(session, repo.application(added.application_id)))
    assert tree.resets == 0 and tree.removed == [(row, row)]
    assert added.application_id not in interviews.model.row_of
    assert all(i.application_id != added.application_id for i in today.model.rows)
    # The rows after the removed one still find their parents (internal ids are app ids).
    for n in range(interviews.model.rowCount()):
        parent = interviews.model.index(n, 0)
        for c in range(interviews.model.rowCount(parent)):
            assert interviews.model.parent(interviews.model.index(c, 0, parent)).row() == n

    tree.clear()
    session.undo_stack.undo()
    assert tree.resets == 0 and len(tree.inserted) == 1
    assert added.application_id in interviews.model.row_of


def test_another_programs_write_reloads_everything(
    qtbot: QtBot, session: Session, searches: list[Round]
) -> None:
    """Writes this connection did not make are not in its change log: all is read again."""
    interviews = InterviewsView(session)
    qtbot.addWidget(interviews)
    interviews.show()  # (hidden, the page reads it all again when shown)
    other = sqlite3.connect(session.repo.db.path)
    other.execute(
        "UPDATE applications SET status='closed' WHERE id=?", (searches[2].application_id,)
    )
    other.commit()
    other.close()
    session.schedule_changed.emit()  # what the other-writers watcher does
    assert session.last_change is None
    assert shown_status(interviews, searches[2].application_id) == "Closed"


def test_plans_after_changes_equal_a_full_computation(
    session: Session, searches: list[Round]
) -> None:
    repo = session.repo
    session.items()
    session.run(None, lambda: repo.set_status(searches[1].application_id, Status.OFFER))
    dana = searches[3].interviewer_ids[0]
    session.run(None, lambda: repo.record_letter(searches[3].id, dana, Channel.EMAIL, NOW))
    session.run(None, lambda: repo.delete_application(searches[4].application_id))
    incremental = sorted((i.key, i.state, i.due) for i in session.items())
    session.forget_time()
    assert sorted((i.key, i.state, i.due) for i in session.items()) == incremental


def test_a_change_of_settings_plans_everything_once(
    qtbot: QtBot, session: Session, searches: list[Round], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today, the reminders and the Interviews page all follow a saved setting from one
    planning of every application (the reminders used to plan once more, on the settings'
    signal, before the change's own: 0.1 s each at 10,000 interviews)."""
    from followup_desktop import plan_cache
    from followup_desktop.reminder_service import ReminderService

    class Quiet:
        def notify(self, _reminders: object) -> bool:
            return True

    today = TodayView(session)
    qtbot.addWidget(today)
    today.model.reload()
    service = ReminderService(session, Quiet(), listen_for_resume=False)  # type: ignore[arg-type]
    service.rearm()
    whole: list[int] = []
    real = plan_cache.plans_by_application

    def counted(*args: object, **kwargs: object) -> object:
        if kwargs.get("only") is None:
            whole.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_cache, "plans_by_application", counted)
    session.save_settings_or_raise({"plan.quiet_days": 10})
    assert len(whole) == 1
    assert service.planned_for == NOW  # re-armed on the new plans
