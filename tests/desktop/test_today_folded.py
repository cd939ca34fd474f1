"""Today stays short with years of history: applications ready to close are folded into one
line (a button that shows them and hides them again), never a card each by default."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup.demo import populate
from followup.model import Status
from followup.plan import SUGGESTIONS, ItemKind, ItemState
from followup_desktop.plan_items import FOLD_AFTER, ready_to_close
from followup_desktop.session import Session
from followup_desktop.today import TodayView

from .conftest import NOW, NY


def test_many_ready_to_close_are_folded_into_one_line(qtbot: QtBot, session: Session) -> None:
    populate(session.repo, NOW, NY, count=300)
    session.schedule_changed.emit()
    ready = [i for i in session.items() if ready_to_close(i)]
    assert len(ready) > FOLD_AFTER, "the demo history must have old applications to close"
    today = TodayView(session)
    qtbot.addWidget(today)
    today.show()
    today.model.reload()
    rows = today.model.rows
    assert not any(ready_to_close(i) for i in rows)
    assert any(i.kind is not ItemKind.CLOSE for i in rows), "this week's work is still listed"
    assert today.fold.isVisible()
    assert f"{len(ready)} applications ready to close" in today.fold.text()
    asks = sum(1 for i in rows if i.kind in SUGGESTIONS and i.state is ItemState.DUE)
    assert f"{len(ready) + asks} ready to close or ask" in today.summary.text()
    today.fold.click()  # unfold: every one of them, as cards
    shown = [i for i in today.model.rows if ready_to_close(i)]
    assert {i.key for i in shown} == {i.key for i in ready}
    assert "Hide" in today.fold.text()
    today.fold.click()  # and folded again
    assert not any(ready_to_close(i) for i in today.model.rows)
    assert len(today.model.rows) == len(rows)


def test_a_few_ready_to_close_are_listed_as_cards(qtbot: QtBot, session: Session) -> None:
    populate(session.repo, NOW, NY, count=300)
    session.schedule_changed.emit()
    today = TodayView(session)
    qtbot.addWidget(today)
    today.show()
    ready = [i for i in session.items() if ready_to_close(i)]
    keep = {i.application_id for i in ready[:FOLD_AFTER]}
    for item in ready[FOLD_AFTER:]:
        if item.application_id not in keep:
            session.repo.set_status(item.application_id, Status.CLOSED, "no response")
    session.schedule_changed.emit()
    shown = [i for i in today.model.rows if ready_to_close(i)]
    assert 0 < len(shown) <= FOLD_AFTER
    assert all(i.state is ItemState.DUE for i in shown)
    assert today.fold.isHidden()
