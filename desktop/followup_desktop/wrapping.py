"""Labels and lists that show the user's own text, at a width the screen can hold.

Qt wraps a label only between words, and asks for the width of its longest word: one name
of 200 letters without a space (allowed, and possible in a pasted address) held the whole
window 3,000 pixels wide, its buttons off the screen. Such a label takes the width the layout
gives it; a word longer than that is cut at the edge instead. A list of names (a combo box)
is as wide as some twenty characters and shows the rest when opened, instead of as wide as
its longest name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

# What a combo box of names shows when closed, in characters, before it is cut with "…".
COMBO_CHARACTERS = 24


def within_layout(label: QLabel) -> QLabel:
    """Wrap ``label`` at words, and never let one long word widen what holds it."""
    label.setWordWrap(True)
    label.setMinimumWidth(1)  # an explicit minimum stands instead of the longest word's width
    return label


def within_screen(combo: QComboBox) -> QComboBox:
    """As wide as ``COMBO_CHARACTERS`` (more when the layout has room), not the longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    return combo
