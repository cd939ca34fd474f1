"""Today has two lists (this week, and after it) but one selected card: the one the user went
to last, which the button and Enter act on (found trying the app as a new user: both lists
outlined a card, and the button kept naming the week's letter while the inquiry was chosen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup.model import Application, Round
from followup.plan import ItemKind
from followup_desktop.session import Session
from followup_desktop.today import TodayView


def _today_with_both_lists(qtbot: QtBot, session: Session) -> TodayView:
    session.repo.add_application(
        Application(0, "Globex", "Analytics Engineer", applied_on=date(2026, 11, 27))
    )
    today = TodayView(session)
    qtbot.addWidget(today)
    today.resize(900, 700)
    today.show()
    today.model.reload()
    assert today.model.rows and today.coming.rows
    return today


def _selected(today: TodayView) -> list[tuple[str, int]]:
    return [
        (name, index.row())
        for name, view in (("week", today.list), ("after", today.coming_list))
        for index in view.selectionModel().selectedIndexes()
    ]


def test_one_card_is_selected_and_the_button_acts_on_it(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    today = _today_with_both_lists(qtbot, session)
    assert _selected(today) == [("week", 0)]
    assert today.act.text() == "Write the letter"
    inquiry = next(
        row for row, item in enumerate(today.coming.rows) if item.kind is ItemKind.INQUIRY
    )
    where = today.coming_list.visualRect(today.coming.index(inquiry)).center()
    qtbot.mouseClick(today.coming_list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert _selected(today) == [("after", inquiry)]  # the week's card lets go
    assert today.act.text() != "Write the letter"
    with qtbot.waitSignal(today.action_requested) as acted:
        today.act.click()
    assert acted.args[0].kind is ItemKind.INQUIRY
    with qtbot.waitSignal(today.action_requested) as entered:
        qtbot.keyClick(today.coming_list, Qt.Key.Key_Return)
    assert entered.args[0].kind is ItemKind.INQUIRY
    first = today.list.visualRect(today.model.index(0)).center()
    qtbot.mouseClick(today.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert _selected(today) == [("week", 0)]
    assert today.act.text() == "Write the letter"


def test_a_reload_keeps_the_choice_and_falls_back_when_the_list_goes(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    today = _today_with_both_lists(qtbot, session)
    where = today.coming_list.visualRect(today.coming.index(0)).center()
    qtbot.mouseClick(today.coming_list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    today.model.reload()
    assert [name for name, _row in _selected(today)] == ["after"]
    globex = next(a for a in session.repo.applications() if a.company == "Globex")
    session.repo.delete_application(globex.id)
    session.schedule_changed.emit()
    assert not today.coming.rows  # nothing after this week any more: the week's card acts
    assert _selected(today) == [("week", 0)]
    assert today.act.text() == "Write the letter"
