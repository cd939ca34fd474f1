"""Seen on a screenshot: after the whole letter is replaced (a template, a restored draft, a
paste), the highlights of later paragraphs sat where the old findings were, a few letters off,
until that paragraph was edited. What is painted is what the findings say."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session

FIRST = "Dear Dana,\n\nThank you for the talk.\n\nHave you made a decision yet?\n"


def painted(composer: Composer, paragraph: int) -> set[int]:
    """The characters of this paragraph that are underlined."""
    block = composer.editor.document().findBlockByNumber(paragraph)
    return {
        at
        for r in block.layout().formats()
        if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline
        for at in range(r.start, r.start + r.length)
    }


def test_replacing_the_letter_moves_every_highlight_with_its_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(FIRST)
    composer.run_check()
    before = painted(composer, 4)
    assert before and before == found(composer, 4)  # the question is highlighted
    composer.editor.setPlainText(FIRST.replace("Thank you", "Thank you so very much"))
    composer.run_check()
    assert painted(composer, 4) == found(composer, 4) == before  # same words, same place


def found(composer: Composer, paragraph: int) -> set[int]:
    """The characters of this paragraph that the findings are about."""
    block = composer.editor.document().findBlockByNumber(paragraph)
    start, end = block.position(), block.position() + len(block.text())
    return {
        at - start
        for f in composer.findings
        if f.start is not None and f.end is not None
        for at in range(max(f.start, start), min(f.end, end))
    }
