"""The e-mail's subject line, its findings marked in it the way the letter's are in the letter:
the same underline and colour per severity, the advice on hover, in the context menu and in
the field's accessible description, and the marks move with the words as the user types.

A line edit draws formats only as an input method's: ``set_findings`` hands them over in an
input method event that carries no text, which changes neither the text nor the selection.
While a real input method is composing, the marks wait until it has finished, so it is never
interrupted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from followup.checker import Finding, Severity
from followup.validation import without_refused
from followup_desktop.composer import positions
from followup_desktop.composer.finding_menu import (
    finding_around,
    finding_under,
    put_advice_first,
    show_advice,
)
from followup_desktop.composer.findings import WORDS
from followup_desktop.composer.highlighter import finding_format, follow_edit

PAINT_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}  # errors drawn last


class SubjectLine(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []  # where they are now (typing moves them)
        self._formats = {s: finding_format(s) for s in Severity}
        self._text = ""
        self._composing = False  # a real input method has text in progress
        self.textChanged.connect(self._follow_edit)
        self.textEdited.connect(self._leave_out_refused)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Mark these findings (spans are positions in the subject) and describe them."""
        self.findings = list(findings)
        self._text = self.text()
        self._mark()
        said = " ".join(f"{WORDS[f.severity]}: {f.message}" for f in self.findings)
        if self.accessibleDescription() != said:
            self.setAccessibleDescription(said)

    def marks(self) -> list[tuple[int, int, Severity]]:
        """(start, end, severity) of each finding drawn in the line, as drawn."""
        return [
            (f.start, f.end, f.severity)
            for f in self.findings
            if f.start is not None and f.end is not None and f.start < f.end
        ]

    # The findings count as Python does; the line's positions are Qt's (UTF-16): converted
    # where they meet (composer/positions.py).

    def finding_at(self, position: int) -> Finding | None:
        return finding_under(self.findings, positions.index(self.text(), position))

    def select_span(self, start: int, end: int) -> None:
        """Select a finding's words (Python's counting)."""
        at = positions.counter(self.text())
        self.setFocus()
        self.setSelection(at(start), at(end) - at(start))

    def _mark(self) -> None:
        if self._composing:
            return
        here = self.cursorPosition()  # an input method's formats count from the cursor
        at = positions.counter(self.text())
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                at(start) - here,
                at(end) - at(start),
                self._formats[severity],
            )
            for start, end, severity in sorted(self.marks(), key=lambda m: PAINT_ORDER[m[2]])
        ]
        super().inputMethodEvent(QInputMethodEvent("", attributes))

    def _leave_out_refused(self, text: str) -> None:
        """A paste keeps no character a subject may not hold (a terminal's colour codes, a
        hidden direction override): the draft could not be saved at all with one, whatever
        was then typed in the letter (found by the review)."""
        kept, dropped = without_refused(text, multiline=False)
        if dropped or kept != text:
            at = self.cursorPosition() - (len(text) - len(kept))
            self.setText(kept)
            self.setCursorPosition(max(0, at))

    def _follow_edit(self, text: str) -> None:
        """Move the marks with the edit (the check after a pause places them anew)."""
        old = self._text
        self._text = text
        if not self.findings:
            return
        same = min(len(old), len(text))
        head = next((i for i in range(same) if old[i] != text[i]), same)
        tail = next((i for i in range(same - head) if old[-1 - i] != text[-1 - i]), same - head)
        removed, added = len(old) - head - tail, len(text) - head - tail
        self.findings = follow_edit(self.findings, head, removed, added)
        self._mark()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        self._composing = bool(event.preeditString())
        if not self._composing:
            self._mark()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            show_advice(self, event, self.finding_at(self.cursorPositionAt(event.pos())))
            return True
        return super().event(event)

    def context_menu(self, position: int) -> QMenu:
        """The standard menu, with the advice of the finding at ``position`` first."""
        menu = self.createStandardContextMenu()
        finding = finding_around(self.findings, positions.index(self.text(), position))
        if finding is not None:
            put_advice_first(menu, finding, self.select_span)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard  # Menu key, Shift+F10
        position = self.cursorPosition() if keyboard else self.cursorPositionAt(event.pos())
        menu = self.context_menu(position)
        menu.exec(event.globalPos())
        menu.deleteLater()
