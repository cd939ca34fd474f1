"""Spelling in the composer: misspellings underlined as the user types, suggestions and
"Add to dictionary" in the context menu, interview names never flagged (issue 10)."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session

from .test_composer import type_text

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(composer: Composer) -> list[str]:
    out = []
    block = composer.editor.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == SPELL:
                out.append(block.text()[r.start : r.start + r.length])
        block = block.next()
    return out


def ready(qtbot: QtBot, session: Session) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    qtbot.waitUntil(lambda: composer.spelling.speller is not None, timeout=5000)
    return composer


def test_misspellings_are_underlined_as_typed_and_names_are_not(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = ready(qtbot, session)
    composer.editor.setFocus()
    type_text(composer.editor, "Dear Dana Müller, the interveiw at Acme about event sourcing")
    assert underlined(composer) == ["interveiw"]


def test_the_context_menu_offers_suggestions_and_adding_to_the_dictionary(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = ready(qtbot, session)
    composer.editor.setPlainText("Thank you for the interveiw. Kubectl is fun.")
    position = composer.editor.toPlainText().index("interveiw") + 2
    menu = composer.editor.spelling_menu(position)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "interview"
    assert "Add “interveiw” to dictionary" in texts
    next(a for a in menu.actions() if a.text() == "interview").trigger()
    assert composer.editor.toPlainText().startswith("Thank you for the interview.")
    kubectl = composer.editor.toPlainText().index("Kubectl") + 1
    menu = composer.editor.spelling_menu(kubectl)
    next(a for a in menu.actions() if a.text().startswith("Add ")).trigger()
    assert underlined(composer) == []
    dictionary = session.repo.db.path.parent / "dictionary.txt"
    assert dictionary.read_text(encoding="utf-8") == "kubectl\n"
    again = ready(qtbot, session)  # a restart reads the same personal dictionary
    again.editor.setPlainText("Kubectl and interveiw")
    assert underlined(again) == ["interveiw"]


def test_spelling_off_in_the_settings_underlines_nothing(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    session.save_settings_or_raise({"letters.spelling": "off"})
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText("the interveiw")
    assert composer.spelling.speller is None and underlined(composer) == []
    assert composer.editor.spelling_menu(6).actions()[0].text() != "interview"
