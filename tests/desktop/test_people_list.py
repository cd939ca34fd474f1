"""The interview dialog's contacts: a model Qt's own tester finds sound through searches,
ticks, a new contact and a rename; the search keeps ticks in sight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from followup_desktop.interviews.people import PeopleModel

CHECK = Qt.ItemDataRole.CheckStateRole


def names(model: PeopleModel) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_contacts_model_keeps_qts_rules(qtlog: object) -> None:
    model = PeopleModel([(1, "Ana Lee"), (2, "Bo"), (3, "Cy Leeds"), (5, "Émile")], [2])
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
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
