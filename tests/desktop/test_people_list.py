"""The interview dialog's contacts: a model Qt's own tester finds sound through searches,
ticks, a new contact and a rename; the search keeps ticks in sight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from followup_desktop.interviews.people import PeopleList, PeopleModel

CHECK = Qt.ItemDataRole.CheckStateRole


def names(model: PeopleModel) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_contacts_model_keeps_qts_rules(qtlog: object) -> None:
    model = PeopleModel([(1, "Ana Lee"), (2, "Bo"), (3, "Cy Leeds"), (5, "Émile")], [2])
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    assert names(model) == []  # none until the form around the list is built
    model.show_only("")
    assert names(model) == ["Ana Lee", "Bo", "Cy Leeds", "Émile"]
    model.show_only(" LEE")
    assert names(model) == ["Ana Lee", "Bo", "Cy Leeds"]  # Bo is ticked: in sight
    assert model.setData(model.index(0), Qt.CheckState.Checked, CHECK)
    assert model.interviewers() == (1, 2)
    model.add(4, "Dee")  # a contact just made: ticked, shown whatever the search
    assert names(model)[-1] == "Dee" and model.interviewers() == (1, 2, 4)
    model.rename(1, "Bob")
    assert model.setData(model.index(1), Qt.CheckState.Unchecked.value, CHECK)  # as views set it
    model.show_only("émile")
    assert names(model) == ["Ana Lee", "Émile", "Dee"]
    model.show_only("")
    assert names(model) == ["Ana Lee", "Bob", "Cy Leeds", "Émile", "Dee"]
    assert model.count() == 5 and model.interviewers() == (1, 4)
    assert not model.setData(model.index(0), "x", Qt.ItemDataRole.DisplayRole)  # only ticks
    warnings = [r.message for r in qtlog.records if "propagateSizeHints" not in r.message]  # type: ignore[attr-defined]
    assert warnings == [], warnings
    del tester


def test_a_row_has_room_for_its_whole_tick_box(qtbot: QtBot, app_style_sheet: str) -> None:
    """With the app's style sheet a row is taller than the tick box (it was 14 px, the box's
    lower edge cut off)."""
    model = PeopleModel([(1, "Ana Lee"), (2, "Bo")], [2])
    model.show_only("")
    view = PeopleList(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.visualRect(model.index(1)).isValid())
    box = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, view)
    assert view.visualRect(model.index(0)).height() >= box + 4
    assert view.visualRect(model.index(1)).top() == view.visualRect(model.index(0)).bottom() + 1


def test_end_and_the_scroll_bar_reach_the_last_contact_at_once(qtbot: QtBot) -> None:
    """The whole list is laid out when it shows (laid out 500 rows per pass of the event
    loop, End and the scroll bar reached only the rows laid out so far)."""
    model = PeopleModel([(n, f"Person {n:04}") for n in range(3000)], [])
    view = PeopleList(model)
    qtbot.addWidget(view)
    model.show_only("")
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    view.setCurrentIndex(model.index(0))
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().data() == "Person 2999"
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum()
    assert view.viewport().rect().contains(view.visualRect(model.index(2999)))
