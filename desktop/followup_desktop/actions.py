"""Every action of the app, declared once: menus, toolbar, tray and shortcuts share them."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class ActionSpec(NamedTuple):  # a NamedTuple: no dataclasses import before the first paint
    name: str
    text: str
    shortcut: str = ""
    icon: str = ""
    tip: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("show_today", "&Today", "Ctrl+1", "today", "What to do now"),
    ActionSpec("show_interviews", "&Interviews", "Ctrl+2", "interviews", "Applications and rounds"),
    ActionSpec("show_calendar", "&Calendar", "Ctrl+3", "calendar", "Deadlines and calls by day"),
    ActionSpec("show_letters", "&Letters", "Ctrl+4", "letters", "Write the one letter"),
    ActionSpec("new_application", "New &application…", "Ctrl+N", "", "Add an application"),
    ActionSpec("settings", "&Settings…", "Ctrl+,", "", "Profile, calendar, reminders"),
    ActionSpec("setup", "Set &up…", "", "", "Your name, address, country and work week"),
    ActionSpec("export_ics", "Export calendar (.ics)…", "", "", "For your calendar app"),
    ActionSpec("open_window", "&Open Interview Follow-Up", "", "", "Show the window"),
    ActionSpec("quit", "&Quit", "Ctrl+Q", "", "Quit, and stop reminders"),
    ActionSpec("how_it_works", "&How it works", "F1", "", "The rules the app keeps, and why"),
    ActionSpec("about", "&About Interview Follow-Up", "", "", "Version, data folder, licence"),
)


def finish(actions: dict[str, QAction]) -> None:
    """Shortcuts and icons, after the first paint: the first key sequence makes PySide build
    Qt's enums (hundreds of key names), and rendering SVG is not free either."""
    from PySide6.QtGui import QKeySequence  # noqa: PLC0415  (its type builds StandardKey's enum)

    from followup_desktop.icons import icon  # noqa: PLC0415

    for spec in ACTIONS:
        action = actions[spec.name]
        if spec.shortcut:  # (``setShortcut`` would build PySide's ``Qt`` namespace: 12 ms)
            keys = QKeySequence.fromString(spec.shortcut, QKeySequence.SequenceFormat.PortableText)
            action.setShortcuts([keys])
        if spec.icon:
            action.setIcon(icon(spec.icon))


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """The actions with their words; ``finish`` adds shortcuts and icons."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(parent)  # not (text, parent): PySide sets up QIcon (1 ms) to weigh that
        action.setText(spec.text)
        action.setObjectName(spec.name)
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
        actions[spec.name] = action
    return actions
