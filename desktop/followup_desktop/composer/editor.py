"""The letter's text: findings and misspellings drawn in it, the finding under the mouse as
a tooltip, and in the context menu the finding's advice with "Select these words" (keyboard
and touch users never see a tooltip), then spelling suggestions and "Add to dictionary"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QWidget

from followup.checker import Finding
from followup.errors import FollowUpError
from followup.spelling import Speller
from followup_desktop.composer import positions
from followup_desktop.composer.finding_menu import (
    finding_around,
    finding_under,
    put_advice_first,
    show_advice,
)
from followup_desktop.composer.highlighter import FindingsHighlighter
from followup_desktop.plain_text import PlainText


def repolish(widget: QWidget) -> None:
    """The style sheet reads a property (read-only) only when the widget is polished again."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def left_out_note(count: int) -> str:
    what = "character" if count == 1 else "characters"
    return (
        f"Left out {count} invisible {what} of the paste that a letter cannot hold "
        "(control codes, text-direction overrides)."
    )


class LetterEditor(PlainText):
    """Signals: ``edited()`` when the text itself changed (Qt's ``textChanged`` also fires
    when the underlines are repainted, which is no edit to save or check); ``word_added(str)``
    after a word went into the personal dictionary; ``problem(str)`` when it could not be
    saved."""

    edited = Signal()
    word_added = Signal(str)
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.hold(False)
        self.setTabChangesFocus(True)
        self.highlighter = FindingsHighlighter(self.document())
        self.textChanged.connect(self._text_changed)
        self.left_out.connect(lambda count: self.problem.emit(left_out_note(count)))

    def hold(self, sent: bool) -> None:
        """A letter that has gone is shown as it left, read-only (an empty one: not kept)."""
        self.setReadOnly(sent)
        repolish(self)
        self.setPlaceholderText(
            "The text of this letter was not kept."
            if sent
            else "Write your letter here, or start from a template."
        )

    def _text_changed(self) -> None:
        if not self.highlighter.repainting:
            self.edited.emit()

    @property
    def speller(self) -> Speller | None:
        return self.highlighter.speller

    def set_speller(self, speller: Speller | None) -> None:
        self.highlighter.set_speller(speller)

    @property
    def findings(self) -> list[Finding]:
        """The findings drawn in the text, where they are now (typing moves them)."""
        return self.highlighter.findings

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Findings of the text as it stands, their spans counted as Python counts."""
        self.highlighter.set_findings(positions.to_positions(findings, self.toPlainText()))

    def select_finding(self, finding: Finding) -> None:
        """Select the words of a finding of the text as it stands (Python's counting)."""
        if finding.start is not None and finding.end is not None:
            text = self.toPlainText()
            start, end = finding.start, finding.end
            self.select_span(positions.position(text, start), positions.position(text, end))

    def select_span(self, start: int, end: int) -> None:
        """Select between two of Qt's positions."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus()

    def finding_at(self, position: int) -> Finding | None:
        return finding_under(self.findings, position)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            show_advice(
                self, event, self.finding_at(self.cursorForPosition(event.pos()).position())
            )
            return True
        return super().viewportEvent(event)

    # -- spelling --------------------------------------------------------------------------

    def misspelled_at(self, at: int) -> tuple[int, int, str] | None:
        """(start, end, word) of the misspelled word at a position in the text, if any."""
        speller = self.speller
        if speller is None or not speller.loaded:
            return None
        block = self.document().findBlock(at)
        text = block.text()
        offset = positions.index(text, at - block.position())
        for start, end in speller.misspelled(text):
            if start <= offset <= end:
                first = block.position() + positions.position(text, start)
                last = block.position() + positions.position(text, end)
                return first, last, text[start:end]
        return None

    def spelling_menu(self, position: int) -> QMenu:
        """The standard menu, with suggestions and "Add to dictionary" first when the word at
        ``position`` is misspelled."""
        menu = self.createStandardContextMenu()
        found = self.misspelled_at(position)
        if found is None or self.speller is None or self.isReadOnly():  # a sent letter stays
            return menu
        start, end, word = found
        first = menu.actions()[0]  # the standard menu always has Undo first
        suggestions = self.speller.suggestions(word)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _=False, s=suggestion: self._replace(start, end, s))
            menu.insertAction(first, action)
        if not suggestions:
            none = menu.addAction("No suggestions")
            none.setEnabled(False)
            menu.insertAction(first, none)
        add = menu.addAction(f"Add “{word}” to dictionary")
        add.triggered.connect(lambda: self.add_word(word))
        menu.insertAction(first, add)
        menu.insertSeparator(first)
        return menu

    # -- the finding under the click ----------------------------------------------------------

    def menu_finding_at(self, position: int) -> Finding | None:
        return finding_around(self.findings, position)

    def context_menu(self, position: int) -> QMenu:
        """The spelling menu, with the advice of the finding at ``position`` and "Select these
        words" first when there is one."""
        menu = self.spelling_menu(position)
        finding = self.menu_finding_at(position)
        if finding is not None:
            put_advice_first(menu, finding, self.select_span)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # Menu key, Shift+F10
            position = self.textCursor().position()
            at = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        else:
            position = self.cursorForPosition(event.pos()).position()
            at = event.globalPos()
        self.context_menu(position).exec(at)

    def menu_at(self, point: QPoint) -> QMenu:
        """The context menu for a point in the viewport (what a right-click shows)."""
        return self.context_menu(self.cursorForPosition(point).position())

    def _replace(self, start: int, end: int, word: str) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(word)

    def add_word(self, word: str) -> None:
        if self.speller is None:
            return
        try:
            self.speller.add(word)
        except FollowUpError as error:
            self.problem.emit(str(error))
            return
        self.highlighter.rehighlight()
        self.word_added.emit(word)
