"""Names for widgets: what screen readers announce, and what the style sheet targets."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, accessible: str = "", *, style: str = "") -> W:
    """Give ``widget`` an accessible name and/or a style-sheet object name; return it."""
    if accessible:
        widget.setAccessibleName(accessible)
    if style:
        widget.setObjectName(style)
    return widget
