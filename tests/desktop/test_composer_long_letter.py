"""Typing in the middle of a long letter: the underlines move with their words at once
(before the check that follows a pause), and after the check, an undo or a paste they sit
exactly on what the findings say; the findings list keeps its rows; the count stays right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup.checker import check
from followup.model import Round
from followup.phrases import tokenize
from followup_desktop.composer import Composer
from followup_desktop.composer.findings import WORDS
from followup_desktop.session import Session

PARAGRAPH = "Thank you for the talk. Have you made a decision yet? Your office is lovely."
LETTER = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(30))


def painted(composer: Composer, paragraph: int) -> set[int]:
    """The characters of this paragraph that are underlined, as laid out."""
    block = composer.editor.document().findBlockByNumber(paragraph)
    return {
        at
        for r in block.layout().formats()
        if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline
        for at in range(r.start, r.start + r.length)
    }


def found(composer: Composer, paragraph: int) -> set[int]:
    """The characters of this paragraph a fresh check of the text finds something about."""
    block = composer.editor.document().findBlockByNumber(paragraph)
    start, end = block.position(), block.position() + len(block.text())
    findings = check(composer.editor.toPlainText(), composer.picker.context(composer.channel()))
    return {
        at - start
        for f in findings
        if f.start is not None and f.end is not None
        for at in range(max(f.start, start), min(f.end, end))
    }


def type_at(composer: Composer, position: int, text: str) -> None:
    cursor = composer.editor.textCursor()
    cursor.setPosition(position)
    composer.editor.setTextCursor(cursor)
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                composer.editor, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def written(qtbot: QtBot, session: Session) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(LETTER)
    composer.run_check()
    assert painted(composer, 20) == found(composer, 20) != set()
    return composer


def test_underlines_move_with_their_words_as_you_type_and_sit_right_after_the_check(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = written(qtbot, session)
    block = composer.editor.document().findBlockByNumber(20)
    before = painted(composer, 20)
    type_at(composer, block.position() + 4, "very ")  # "20. very Thank you …"
    assert composer.check_timer.isActive()  # the check waits for a pause in typing
    assert painted(composer, 20) == {at + 5 for at in before}  # moved already, not stale
    composer.run_check()
    assert painted(composer, 20) == found(composer, 20)
    assert painted(composer, 28) == found(composer, 28)  # later paragraphs: untouched, right
    question = block.text().index("Have you")
    assert composer.finding_at(block.position() + question + 2) is not None


def test_after_undo_and_paste_every_underline_is_where_the_findings_say(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = written(qtbot, session)
    editor = composer.editor
    original = painted(composer, 10)
    type_at(composer, editor.document().findBlockByNumber(10).position() + 3, "Dear all, ")
    composer.run_check()
    editor.undo()
    assert editor.toPlainText() == LETTER
    assert painted(composer, 10) == original  # at once, before any check
    composer.run_check()
    assert painted(composer, 10) == found(composer, 10) == original
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(6).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.insertPlainText("Pasted: please hire me, I really need this job.\n\nAnd more.")
    composer.run_check()
    for paragraph in range(0, editor.document().blockCount(), 3):
        assert painted(composer, paragraph) == found(composer, paragraph), paragraph
    assert composer.findings == check(
        editor.toPlainText(), composer.picker.context(composer.channel())
    )
    words = len(tokenize(editor.toPlainText()).words)
    assert composer.word_count.text().startswith(f"{words} /")


def test_the_findings_list_keeps_its_rows_while_typing_moves_them(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = written(qtbot, session)
    model = composer.model
    rows = model.rowCount()
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsInserted):
        type_at(composer, LETTER.index("talk") + 2, "x")  # "taxlk": no word more, none less
        composer.run_check()
    assert model.rowCount() == rows
    composer.panel.choose(model.index(rows - 1))  # as a click on the last row
    selected = composer.editor.textCursor().selectedText()
    finding = composer.findings[rows - 1]
    assert finding.start is not None and finding.end is not None
    assert selected == composer.editor.toPlainText()[finding.start : finding.end] != ""
    with qtbot.waitSignal(model.rowsInserted):  # a new finding is a new row, not a reset
        type_at(composer, len(LETTER), "\n\nPlease hire me.")
        composer.run_check()
    shown = [model.index(r).data() for r in range(model.rowCount())]
    assert shown == [f"{WORDS[f.severity]}: {f.message}" for f in composer.findings]


def test_the_word_count_follows_splits_joins_and_paragraphs(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = written(qtbot, session)
    editor = composer.editor
    for position, text in ((8, " "), (30, "\n\n"), (0, "One two three\n")):
        type_at(composer, position, text)
        composer.run_check()
        words = len(tokenize(editor.toPlainText()).words)
        assert composer.word_count.text().startswith(f"{words} /")
    cursor = editor.textCursor()
    cursor.setPosition(100)
    cursor.setPosition(900, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()  # paragraphs joined
    composer.run_check()
    assert composer.word_count.text().startswith(f"{len(tokenize(editor.toPlainText()).words)} /")


def test_a_keystroke_paints_again_only_its_own_paragraph(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Even with a finding that runs over many paragraphs (the part past the length limit),
    whose end moves with every key."""
    composer = written(qtbot, session)
    document = composer.editor.document()
    assert any(
        document.findBlock(f.start).blockNumber() < document.findBlock(f.end - 1).blockNumber()
        for f in composer.findings
        if f.start is not None and f.end is not None
    )
    highlighter = composer.editor.highlighter
    real = highlighter.rehighlightBlock
    again: list[int] = []
    highlighter.rehighlightBlock = lambda block: (  # type: ignore[method-assign]
        again.append(block.blockNumber()),
        real(block),
    )[1]
    edited = document.findBlockByNumber(40)
    type_at(composer, edited.position() + 20, "x")
    composer.run_check()
    assert set(again) <= {40}
    assert painted(composer, 40) == found(composer, 40)
    assert painted(composer, 10) == found(composer, 10)
