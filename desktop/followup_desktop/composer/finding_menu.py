"""The finding under a click, and its advice at the top of a context menu (for keyboard and
touch users, who never see a tooltip) or in a tooltip over its words. Shared by the letter's
editor and the subject line."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from followup.checker import Finding, Severity
from followup_desktop.composer.findings import WORDS

# Menus draw one line per item: longer advice is cut at a word, whole in the item's tooltip.
ADVICE_WIDTH = 70
RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def finding_around(findings: Sequence[Finding], position: int) -> Finding | None:
    """The most severe finding around ``position``, its end included like a misspelled
    word's (a click on the right half of the last letter, or the cursor just after it)."""
    around = [
        f
        for f in findings
        if f.start is not None and f.end is not None and f.start <= position <= f.end
    ]
    return min(around, key=lambda f: RANK[f.severity], default=None)


def finding_under(findings: Sequence[Finding], position: int) -> Finding | None:
    """The finding whose words cover the character at ``position`` (what a hover is over)."""
    for finding in findings:
        start, end = finding.start, finding.end
        if start is not None and end is not None and start <= position < end:
            return finding
    return None


def show_advice(widget: QWidget, event: QHelpEvent, finding: Finding | None) -> None:
    """The advice of the finding under the mouse as a tooltip; over other words, none (a
    tooltip left from the last finding would be read as this word's)."""
    if finding is not None:
        QToolTip.showText(event.globalPos(), finding.message, widget)
    else:
        QToolTip.hideText()


def put_advice_first(menu: QMenu, finding: Finding, select: Callable[[int, int], None]) -> None:
    """The finding's advice (disabled, whole in its tooltip) and "Select these words" above
    what ``menu`` already holds. Findings have no per-finding dismissal: a send goes ahead
    over them only through the send gate's recorded confirmation."""
    if finding.start is None or finding.end is None:
        return
    first = menu.actions()[0] if menu.actions() else None
    advice = f"{WORDS[finding.severity]}: {finding.message}"
    short = textwrap.shorten(advice, width=ADVICE_WIDTH, placeholder=" …")
    title = menu.addAction(short.replace("&", "&&"))
    title.setEnabled(False)
    title.setToolTip(advice)
    title.setStatusTip(advice)
    menu.setToolTipsVisible(True)
    start, end = finding.start, finding.end
    choose = menu.addAction("Select these words")
    choose.triggered.connect(lambda: select(start, end))
    if first is not None:
        menu.insertAction(first, title)
        menu.insertAction(first, choose)
        menu.insertSeparator(first)
