"""Qt's item data roles as the numbers Qt gives them (``Qt::ItemDataRole``), and the app's own.

Models answer for these before PySide's ``Qt`` namespace is built (reading ``Qt`` makes 93
Python enums, 12 ms): Today's first paint, from the kept copy or planned, need not wait for
it. ``tests/desktop/test_item_roles.py`` holds them to Qt's values.
"""

from __future__ import annotations

DISPLAY = 0  # Qt::DisplayRole: a row's text
TOOLTIP = 3  # Qt::ToolTipRole
ACCESSIBLE_TEXT = 11  # Qt::AccessibleTextRole: what a screen reader says
USER = 0x0100  # Qt::UserRole: the first the app may use
PLAN_ITEM = USER + 1  # a row's PlanItem (``plan_items``)
CARD_FACE = USER + 2  # a row's CardFace, its words as drawn (``card_painter``)
