"""In the running app the Interviews page reads every row on a thread of its own (0.35 s at
10,000 interviews, which froze the window): the rows shown stay until the new ones come, and
then they are what a read on the GUI thread gives, with the selection kept and no change
made meanwhile lost."""

from __future__ import annotations

import random
import sqlite3
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from followup.model import Application, Round
from followup.storage import Database, Repository
from followup_desktop.interviews.model import InterviewsModel, RecordRole
from followup_desktop.interviews.rows import MOST_CHANGES
from followup_desktop.interviews.view import WHOLE_TREE_OPEN, InterviewsView
from followup_desktop.session import Session

from .conftest import NOW, NY
from .test_interviews_order import fill


def rows_of(model: InterviewsModel) -> list[tuple[int, list[object], list[list[object]]]]:
    return [(row.app.id, row.cells, row.round_cells) for row in model.rows]


def loaded(qtbot: QtBot, view: InterviewsView) -> None:
    qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)


def shown_page(qtbot: QtBot, session: Session) -> InterviewsView:
    """The page as the running app has it (its rows read on a thread), shown and read."""
    session.replan_in_background = True
    view = InterviewsView(session)
    qtbot.addWidget(view)
    view.show()
    loaded(qtbot, view)
    return view


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
    view = shown_page(qtbot, session)
    chosen = session.repo.application(interview.application_id)
    view.select(chosen)
    assert view.selected() == chosen
    view.reload()  # every row read again, on the thread (as another program's write does)
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


def spoiled_application(db: Path, status: str, round_start: str) -> tuple[int, int]:
    """An application whose date applied cannot be read, with one round, written as a hand
    edit would (``round_start`` may be unreadable too)."""
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")
        app = raw.execute(
            "INSERT INTO applications(company, role, applied_on, source, status) "
            "VALUES ('Beta', 'Dev', 'garbage', 'portal', ?)",
            (status,),
        ).lastrowid
        made = raw.execute(
            "INSERT INTO rounds(application_id, starts_at, ends_at, timezone, kind) VALUES "
            "(?, ?, '2026-11-20T11:00:00+00:00', 'UTC', 'video')",
            (app, round_start),
        ).lastrowid
    return app or 0, made or 0


def shown_rounds(view: InterviewsView, app_id: int) -> list[int]:
    model = view.model
    parent = model.index(model.row_of[app_id], 0)
    return [model.index(k, 0, parent).data(RecordRole).id for k in range(model.rowCount(parent))]


def test_an_unreadable_round_stays_under_its_unreadable_application_after_a_change(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    """Read on the thread, the application's rounds that cannot be read are found as its
    rounds are read: still listed once another round is added to it."""
    app_id, bad_round = spoiled_application(tmp_path / "gui.sqlite3", "closed", "not a time")
    view = shown_page(qtbot, session)
    assert shown_rounds(view, app_id) == [bad_round]
    start = NOW.astimezone(NY)
    added = session.run(
        None,
        lambda: session.repo.add_round(
            Round(0, app_id, start, start + timedelta(hours=1), "America/New_York")
        ),
    )
    assert added is not None
    assert sorted(shown_rounds(view, app_id)) == sorted([bad_round, added.id])


def test_a_record_chosen_while_the_rows_are_read_is_chosen_when_they_come(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Today's interview card opens the page, built now, on that interview."""
    session.replan_in_background = True
    view = InterviewsView(session)
    qtbot.addWidget(view)
    view.show()
    view.select(interview)
    loaded(qtbot, view)
    assert view.selected() == interview


def test_a_page_closed_while_its_rows_are_read_is_let_go(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(session, 5, seed=1)
    session.replan_in_background = True
    view = InterviewsView(session)
    model = view.model
    errors: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, error, _tb: errors.append(error))
    shiboken6.delete(view)
    assert not shiboken6.isValid(model)  # the page's own
    qtbot.wait(300)  # the thread's answer comes, and finds no one
    assert not errors


def another_program(session: Session) -> Repository:
    """The same file through a connection of its own, as the command line writes it."""
    return Repository(Database.open(session.repo.db.path, NOW))


def test_open_applications_stay_open_when_everything_is_read_again(
    qtbot: QtBot, session: Session
) -> None:
    fill(session, 210, seed=6)  # 200 or more: the tree is not opened whole
    view = shown_page(qtbot, session)
    model = view.model
    at = next(n for n, row in enumerate(model.rows) if len(row.rounds) > 1)
    app_id = model.rows[at].app.id
    view.tree.setExpanded(model.index(at, 0), True)
    other = another_program(session)
    for row in model.rows[-(MOST_CHANGES + 1) :]:  # more than are put in one by one
        other.update_application(replace(row.app, role="Renamed"))
    other.db.close()
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        session.others_wrote()
    assert view.tree.isExpanded(model.index(model.row_of[app_id], 0))
    assert sum(view.tree.isExpanded(model.index(n, 0)) for n in range(model.rowCount())) == 1
    assert sum(row.app.role == "Renamed" for row in model.rows) == MOST_CHANGES + 1


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("column", [-1, 0, 2, 4])
def test_another_programs_few_changes_are_put_in_alone(
    qtbot: QtBot, session: Session, seed: int, column: int
) -> None:
    """Another program added, changed and deleted a few applications and rounds: those rows
    alone change (no reset of the page's 10,000: 0.1 s), and the page reads as a page
    built now does, in the order and under the filter asked, the selection and the open
    applications kept."""
    rng = random.Random(seed)
    fill(session, 40, seed=seed)
    view = shown_page(qtbot, session)
    order = rng.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
    if column >= 0:
        view.tree.sortByColumn(column, order)
    needle = rng.choice(["", "", "acme", "2"])
    view.model.set_filter(needle)
    model = view.model
    kept = model.rows[len(model.rows) // 2].app
    view.select(kept)
    opened = model.rows[0].app.id
    view.tree.setExpanded(model.index(0, 0), True)
    other = another_program(session)
    apps = [a for a in other.applications() if a.id != kept.id]
    for app in rng.sample(apps, 3):
        other.update_application(replace(app, company=rng.choice(["Acme 9", "Omega 2", "Beta 1"])))
    for app in rng.sample(apps, 2):
        if app.id != opened:
            other.delete_application(app.id)
    new = other.add_application(Application(0, "Acme 7", "Engineer", applied_on=date(2026, 10, 9)))
    start = (NOW - timedelta(days=2)).astimezone(NY)
    other.add_round(Round(0, new.id, start, start + timedelta(hours=1), "America/New_York"))
    with_round = next(a for a in other.applications() if a.id not in (kept.id, new.id))
    other.add_round(Round(0, with_round.id, start, start + timedelta(hours=1), "America/New_York"))
    other.db.close()
    resets: list[object] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    before = {row.app.id: row for row in model.ordered}
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):  # once planned
        session.others_wrote()
    loaded(qtbot, view)
    assert not resets
    session.replan_in_background = False
    at_once = InterviewsView(session)
    qtbot.addWidget(at_once)
    if column >= 0:
        at_once.tree.sortByColumn(column, order)
    at_once.model.set_filter(needle)
    assert rows_of(model) == rows_of(at_once.model)
    assert [row.shown for row in model.rows] == [row.shown for row in at_once.model.rows]
    unchanged = [row for row in model.ordered if before.get(row.app.id) is row]
    assert len(unchanged) >= len(model.ordered) - 8  # the rows read alike are those shown
    assert kept.id in model.row_of  # (untouched, and shown under the filter)
    assert view.selected() == session.repo.application(kept.id)
    if opened in model.row_of:  # (renamed, it may no longer match the filter)
        assert view.tree.isExpanded(model.index(model.row_of[opened], 0))
    if new.id in model.row_of:  # a new application opens as every row did (fewer than 200)
        assert view.tree.isExpanded(model.index(model.row_of[new.id], 0))


def test_a_read_that_finds_nothing_changed_changes_nothing(qtbot: QtBot, session: Session) -> None:
    fill(session, 30, seed=3)
    view = shown_page(qtbot, session)
    model = view.model
    rows = list(model.rows)
    signals: list[str] = []
    for name in (
        "modelAboutToBeReset",
        "rowsInserted",
        "rowsRemoved",
        "rowsMoved",
        "dataChanged",
        "layoutChanged",
    ):
        getattr(model, name).connect(lambda *_args, name=name: signals.append(name))
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
    assert model.loading  # every row is being read again
    loaded(qtbot, view)
    assert signals == []
    assert all(a is b for a, b in zip(model.rows, rows, strict=True))


def test_letters_leave_out_an_application_that_cannot_be_read(
    session: Session, tmp_path: Path
) -> None:
    """Its rounds are open but it cannot be named: offered once it is fixed."""
    from followup_desktop.composer.picker import Picker

    spoiled_application(tmp_path / "gui.sqlite3", "active", "2026-11-20T10:00:00+00:00")
    picker = Picker(session.repo, None)
    assert picker.round_options(NY, session.dates()) == []


def test_another_programs_write_is_planned_off_the_gui_thread(
    qtbot: QtBot, session: Session, interview: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every application planned again, on a thread of its own; the views follow once the
    plans came (they showed what they showed until then)."""
    import threading

    from followup_desktop import plan_cache
    from followup_desktop import session as session_module
    from followup_desktop.today import TodayView

    session.replan_in_background = True
    today = TodayView(session)
    qtbot.addWidget(today)
    today.model.reload()
    where: list[str] = []
    real = plan_cache.plans_by_application

    def noted(*args: object, **kwargs: object) -> object:
        if kwargs.get("only") is None:
            where.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_cache, "plans_by_application", noted)  # on the GUI thread
    monkeypatch.setattr(session_module, "plans_by_application", noted)  # off it
    other = sqlite3.connect(session.repo.db.path)
    globex = other.execute(
        "INSERT INTO applications(company, role, source) VALUES ('Globex', 'QA', 'portal')"
    ).lastrowid
    other.commit()
    other.close()
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
        assert not where  # nothing planned on this thread
    assert where and threading.main_thread().name not in where
    assert globex in session.plans()  # planned with the rest


def test_a_time_move_right_after_does_not_swallow_another_programs_write(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Only the latest move's plans are used: the views still hear of both."""
    session.replan_in_background = True
    session.items()  # plans kept, as in the running app
    told: list[str] = []
    session.schedule_changed.connect(lambda: told.append("records"))
    session.time_moved.connect(lambda: told.append("time"))
    session.others_wrote()
    session.move_time()
    qtbot.waitUntil(lambda: "time" in told, timeout=5000)
    qtbot.wait(100)
    assert told == ["records", "time"]


HOUR = timedelta(hours=1)


def app_with_rounds(session: Session, count: int) -> tuple[Application, list[Round]]:
    """An application with ``count`` rounds, a day apart, the latest first on the page."""
    repo = session.repo
    app = repo.add_application(Application(0, "Acme", "Engineer", applied_on=date(2026, 10, 1)))
    rounds = []
    for n in range(count):
        start = (NOW - timedelta(days=10 - 2 * n)).astimezone(NY)
        rounds.append(repo.add_round(Round(0, app.id, start, start + HOUR, "America/New_York")))
    session.schedule_changed.emit()
    return app, rounds


@pytest.mark.parametrize("change", ["add earlier", "add later", "delete", "reorder", "all"])
def test_a_selected_round_stays_selected_when_another_program_changes_its_siblings(
    qtbot: QtBot, session: Session, qtlog: object, change: str
) -> None:
    """The selection stays on the round the user chose (it went to the application: the
    application's rounds were removed and put back whole), and Qt's tester finds the
    model sound through the change."""
    fill(session, 6, seed=3)
    app, rounds = app_with_rounds(session, 3)
    view = shown_page(qtbot, session)
    tester = QAbstractItemModelTester(
        view.model, QAbstractItemModelTester.FailureReportingMode.Warning
    )
    chosen = rounds[1]
    view.select(chosen)
    assert view.selected() == chosen
    other = another_program(session)
    days = {"add earlier": 9, "add later": 1}
    if change in days or change == "all":
        start = (NOW - timedelta(days=days.get(change, 5))).astimezone(NY)
        other.add_round(Round(0, app.id, start, start + HOUR, "America/New_York"))
    if change in ("delete", "all"):
        other.delete_round(rounds[0].id)
    if change in ("reorder", "all"):
        earliest = rounds[0].starts_at - timedelta(days=3)  # from last on the page to first
        other.update_round(replace(rounds[2], starts_at=earliest, ends_at=earliest + HOUR))
    other.db.close()
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
    loaded(qtbot, view)
    assert view.selected() == session.repo.round(chosen.id)
    assert view.tree.isExpanded(view.model.index(view.model.row_of[app.id], 0))
    session.replan_in_background = False
    at_once = InterviewsView(session)
    qtbot.addWidget(at_once)
    assert rows_of(view.model) == rows_of(at_once.model)
    assert [row.shown for row in view.model.rows] == [row.shown for row in at_once.model.rows]
    warnings = [r.message for r in qtlog.records if "propagateSizeHints" not in r.message]  # type: ignore[attr-defined]
    assert warnings == [], warnings
    del tester


def open_ones(view: InterviewsView) -> set[int]:
    model = view.model
    return {
        row.app.id for n, row in enumerate(model.rows) if view.tree.isExpanded(model.index(n, 0))
    }


@pytest.mark.parametrize("count", [30, 210])
def test_open_and_closed_applications_stay_so_through_a_filter_and_another_programs_edit(
    qtbot: QtBot, session: Session, count: int
) -> None:
    """Under 200 applications all open but those the user closed; from 200 only those the
    user opened. A filter that hides one and is cleared, or another program's edit of it,
    leaves each as the user left it."""
    fill(session, count, seed=7)
    view = shown_page(qtbot, session)
    model = view.model
    with_rounds = [row.app for row in model.rows if row.rounds]
    flipped, other_one = with_rounds[0], with_rounds[1]
    at = model.index(model.row_of[flipped.id], 0)
    view.tree.setExpanded(at, not view.tree.isExpanded(at))
    before = open_ones(view)
    assert (flipped.id in before) == (count >= WHOLE_TREE_OPEN)
    assert (other_one.id in before) == (count < WHOLE_TREE_OPEN)
    view.model.set_filter("no application holds this")
    assert model.rowCount() == 0
    view.model.set_filter("")
    assert open_ones(view) == before
    other = another_program(session)
    other.update_application(replace(flipped, role="Renamed"))
    other.update_application(replace(other_one, role="Renamed too"))
    new = other.add_application(Application(0, "Omega", "Lead", applied_on=date(2026, 10, 9)))
    other.db.close()
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
    loaded(qtbot, view)
    assert model.rows[model.row_of[flipped.id]].app.role == "Renamed"
    opened_now = open_ones(view) - {new.id}
    assert opened_now == before
    view.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.reload()  # a whole read again (more changes than are put in alone)
    loaded(qtbot, view)
    assert open_ones(view) - {new.id} == before


def written_elsewhere(qtbot: QtBot, session: Session, view: InterviewsView, act: object) -> None:
    """``act`` (given the other program's repository) written, and the page told."""
    other = another_program(session)
    act(other)  # type: ignore[operator]
    other.db.close()
    with qtbot.waitSignal(session.schedule_changed, timeout=5000):
        session.others_wrote()
    loaded(qtbot, view)


def with_a_round(repo: Repository, company: str) -> int:
    app = repo.add_application(Application(0, company, "Lead", applied_on=date(2026, 10, 9)))
    start = (NOW - timedelta(days=2)).astimezone(NY)
    repo.add_round(Round(0, app.id, start, start + HOUR, "America/New_York"))
    return app.id


@pytest.mark.parametrize("writer", ["another program", "the window"])
def test_an_application_added_while_a_filter_hides_it_opens_when_it_shows(
    qtbot: QtBot, session: Session, writer: str
) -> None:
    """Under 200 applications a new one opens as all do, though the filter hid it when it
    came (it showed closed until the next whole read)."""
    fill(session, 10, seed=1)
    view = shown_page(qtbot, session)
    view.model.set_filter("acme")
    added: list[int] = []
    if writer == "the window":
        added.append(session.run(None, lambda: with_a_round(session.repo, "Zzz Corp")) or 0)
    else:
        written_elsewhere(qtbot, session, view, lambda o: added.append(with_a_round(o, "Zzz")))
    assert added[0] not in view.model.row_of
    view.model.set_filter("")
    assert view.tree.isExpanded(view.model.index(view.model.row_of[added[0]], 0))


def test_down_to_fewer_than_200_applications_every_one_opens_but_those_closed(
    qtbot: QtBot, session: Session
) -> None:
    """From 200 on none opens by itself; once another program's deletes leave fewer, every
    application opens but those the user closed, as a whole read opens them; and a new one
    opens then too."""
    fill(session, 203, seed=4)
    view = shown_page(qtbot, session)
    model = view.model
    assert open_ones(view) == set()
    closed = next(row.app.id for row in model.rows if row.rounds)
    view.tree.setExpanded(model.index(model.row_of[closed], 0), True)
    view.tree.setExpanded(model.index(model.row_of[closed], 0), False)  # the user's choice
    gone = [row.app.id for row in model.rows if row.app.id != closed][:5]
    written_elsewhere(qtbot, session, view, lambda o: [o.delete_application(i) for i in gone])
    with_rounds = {row.app.id for row in model.rows if row.rounds}
    assert len(model.ordered) == 198
    assert open_ones(view) & with_rounds == with_rounds - {closed}
    added = session.run(None, lambda: with_a_round(session.repo, "Newco"))  # the 199th
    assert added is not None and added in open_ones(view)


def test_the_record_chosen_before_a_filter_hid_it_is_chosen_again_when_it_shows(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """It stayed unchosen, the details pane empty, after the filter was cleared; a record
    the user chooses meanwhile is the one kept."""
    fill(session, 12, seed=5)
    view = InterviewsView(session)
    qtbot.addWidget(view)
    view.show()
    view.select(interview)
    view.model.set_filter("no application holds this")
    assert view.selected() is None and view.details.record is None
    view.model.set_filter("")
    assert view.selected() == interview and view.details.record == interview
    view.model.set_filter("no application holds this")
    view.model.set_filter("acme")
    other = view.model.rows[0].app
    view.select(other)
    view.model.set_filter("")
    assert view.selected() == other


def in_sight(view: InterviewsView) -> bool:
    shown = view.tree.visualRect(view.tree.currentIndex())
    return shown.isValid() and view.tree.viewport().rect().contains(shown)


def test_the_chosen_row_is_in_sight_after_a_filter_or_a_sort(
    qtbot: QtBot, session: Session
) -> None:
    """It stayed where the list was scrolled, out of sight among many (the try-out helper)."""
    fill(session, 300, seed=8)
    view = shown_page(qtbot, session)
    view.resize(900, 500)
    model = view.model
    chosen = model.rows[-1].app
    view.select(chosen)
    view.tree.scrollToTop()
    assert not in_sight(view)
    view.search.setText(chosen.company)
    qtbot.waitUntil(lambda: model.needle == chosen.company.casefold())
    view.search.setText("")
    qtbot.waitUntil(lambda: model.needle == "")
    assert view.selected() == chosen and in_sight(view)
    view.tree.scrollToTop()
    view.tree.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert view.selected() == chosen and in_sight(view)
