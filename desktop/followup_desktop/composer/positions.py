"""Where a finding is in Python's text and where it is in Qt's.

The checker and the speller count characters as Python does (code points); a Qt text counts
UTF-16 units, in which an emoji or any other character past U+FFFF takes two. Without the
conversion every underline after such a character sat one place further left per character
("Dear Ali 😀😀… Any news?" underlined the end of the paragraph before, and a click on the
finding selected it). Text without such characters, nearly every letter, converts for free.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace

from followup.checker import Finding


def _pairs(text: str) -> list[int]:
    """Indexes of the characters Qt counts twice (none for most letters: checked in C)."""
    if text.isascii() or max(text) <= "\uffff":
        return []
    return [i for i, char in enumerate(text) if char > "\uffff"]


def position(text: str, index: int) -> int:
    """Qt's position of Python's ``index`` in ``text``."""
    return index + bisect_left(_pairs(text), index)


def counter(text: str) -> Callable[[int], int]:
    """``position`` for many indexes of one text (its pairs found once)."""
    pairs = _pairs(text)
    if not pairs:
        return lambda i: i
    return lambda i: i + bisect_left(pairs, i)


def index(text: str, at: int) -> int:
    """Python's index of Qt's position ``at`` in ``text``: each pair wholly before ``at``
    counted once."""
    return at - sum(1 for rank, pair in enumerate(_pairs(text)) if pair + rank + 1 < at)


def to_positions(findings: Sequence[Finding], text: str) -> list[Finding]:
    """The findings with their spans in Qt's positions."""
    pairs = _pairs(text)
    if not pairs:
        return list(findings)
    moved = []
    for finding in findings:
        if finding.start is None or finding.end is None:
            moved.append(finding)
            continue
        start = finding.start + bisect_left(pairs, finding.start)
        end = finding.end + bisect_left(pairs, finding.end)
        moved.append(replace(finding, start=start, end=end))
    return moved
