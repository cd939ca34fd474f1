"""Notes as people write them reach the letter in good sentences (issue 10)."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from followup.checker import Severity
from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.interviews.dialogs import RoundDialog
from followup_desktop.session import Session


def test_the_notes_fields_show_an_example_of_each_way_to_write_a_note(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dialog = RoundDialog(session, interview.application_id)
    qtbot.addWidget(dialog)
    assert "led the migration" in dialog.strengths.placeholderText()
    assert "five years of" in dialog.strengths.placeholderText()
    assert dialog.topics.placeholderText().startswith("e.g.")


def test_a_noun_phrase_strength_becomes_a_sentence_in_the_composer(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    session.repo.update_round(
        replace(interview, strengths=("five years of SQL and Python in production",))
    )
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.use_template()
    text = composer.editor.toPlainText()
    assert "I bring five years of SQL and Python in production" in text
    assert "I five years" not in text
    composer.run_check()
    assert [f for f in composer.findings if f.severity is Severity.ERROR] == []
