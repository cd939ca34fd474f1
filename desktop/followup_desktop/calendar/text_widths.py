"""How wide a calendar cell's lines are, and where they are cut to fit: measured once per
font and screen, as a cell's entries recur month after month."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF


def elided(text: str, metrics: QFontMetricsF, width: int, advance: float | None = None) -> str:
    """``text`` cut with "…" to ``width``; most entries fit, and measuring (to the fraction
    of a pixel, as eliding does; ``advance`` if measured already) is cheaper than eliding.
    (U+009C separates a text's length variants, of which eliding picks one.)"""
    if "\x9c" not in text:
        if advance is None:
            advance = metrics.horizontalAdvance(text)
        if advance <= width:
            return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class TextWidths:
    """How wide texts are in one font on one screen, each measured once. A cell's entries
    recur month after month (an application's interview, letter and call all name its
    company): paging through a history of 10,000 interviews meets about a hundred distinct
    lines, and measuring them was a fifth of a new month's paint."""

    MOST_TEXTS = 4096  # then all are forgotten, and measured again as they come

    def __init__(self, metrics: QFontMetrics, exact: QFontMetricsF) -> None:
        self.metrics = metrics
        self.exact = exact
        self._whole: dict[str, int] = {}
        self._exact: dict[str, float] = {}
        self._cut: dict[tuple[str, int], str] = {}

    def advance(self, text: str) -> int:
        """In whole pixels, as ``QFontMetrics.horizontalAdvance``."""
        found = self._whole.get(text)
        if found is None:
            self._forget_if_full(self._whole)
            found = self._whole[text] = self.metrics.horizontalAdvance(text)
        return found

    def elided(self, text: str, width: int) -> str:
        """``elided`` in this font: ``text``, or cut with "…" to ``width``."""
        found = self._cut.get((text, width))
        if found is None:
            advance = self._exact.get(text)
            if advance is None:
                self._forget_if_full(self._exact)
                advance = self._exact[text] = self.exact.horizontalAdvance(text)
            self._forget_if_full(self._cut)
            found = self._cut[text, width] = elided(text, self.exact, width, advance)
        return found

    def _forget_if_full(self, kept: dict[Any, Any]) -> None:
        if len(kept) >= self.MOST_TEXTS:
            kept.clear()
