"""The user's words in a tooltip, shown as words.

Qt takes a tooltip (and a label in its default format) whose text starts with something
like an HTML tag for rich text: a company named ``<img src="file:///dev/zero">``, typed or
imported, made the Interviews page load that "image" on hover and fill the memory. A
tooltip has no format of its own to set, so text that would be taken for HTML is given
as HTML that shows it exactly (Qt's own conversion); any other text is left as it is.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tip(text: str) -> str:
    """``text`` as a tooltip shows it, word for word."""
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
