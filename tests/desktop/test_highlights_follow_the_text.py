"""Seen on a screenshot: after the whole letter is replaced (a template, a restored draft, a
paste), the highlights of later paragraphs sat where the old findings were, a few letters off,
until that paragraph was edited. What is painted is what the findings say."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session

FIRST = "Dear Dana,\n\nThank you for the talk.\n\nHave you made a decision yet?\n"


def painted(composer: Composer, paragraph: int) -> set[tuple[int, int]]:
    block = composer.editor.document().findBlockByNumber(paragraph)
    return {
        (r.start, r.start + r.length)
        for r in block.layout().formats()
        if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline
    }


def test_replacing_the_letter_moves_every_highlight_with_its_words(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(FIRST)
    composer.run_check()
    question = composer.editor.document().findBlockByNumber(4).text()
    words = question.index("Have you made a decision")
    assert (words, words + len("Have you made a decision")) in painted(composer, 4)
    composer.editor.setPlainText(FIRST.replace("Thank you", "Thank you so very much"))
    composer.run_check()
    assert painted(composer, 4) == {(words, words + len("Have you made a decision"))}
