"""Numbers given to Qt before PySide's ``Qt`` namespace is built (Today's first paint does not
wait for its 93 enums) are Qt's own: the roles models answer for, the sidebar's policy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop import item_roles
from followup_desktop.main_window import MainWindow


def test_the_numbers_are_qts() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == item_roles.DISPLAY
    assert Qt.ItemDataRole.ToolTipRole.value == item_roles.TOOLTIP
    assert Qt.ItemDataRole.AccessibleTextRole.value == item_roles.ACCESSIBLE_TEXT
    assert Qt.ItemDataRole.UserRole.value == item_roles.USER
    own = (item_roles.PLAN_ITEM, item_roles.CARD_FACE)
    assert len(set(own)) == len(own) and min(own) >= item_roles.USER


def test_the_sidebar_never_scrolls_sideways(qtbot: QtBot) -> None:
    """Its policy is set by number before ``Qt`` is built: the number must be Qt's."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.sidebar.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
