"""Word-wrapped labels that show the user's own text in the main window.

Qt wraps a label only between words, and asks for the width of its longest word: one name
of 200 letters without a space (allowed, and possible in a pasted address) held the whole
window 3,000 pixels wide, its buttons off the screen. Such a label takes the width the layout
gives it; a word longer than that is cut at the edge instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def within_layout(label: QLabel) -> QLabel:
    """Wrap ``label`` at words, and never let one long word widen what holds it."""
    label.setWordWrap(True)
    label.setMinimumWidth(1)  # an explicit minimum stands instead of the longest word's width
    return label
