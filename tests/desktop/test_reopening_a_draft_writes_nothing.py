"""Opening the composer on a saved draft changes nothing: repainting the underlines (the
findings, the spelling once its dictionary has loaded) is no edit, so nothing is written and
the line keeps saying when the draft was last saved (found trying the app as a new user: it
said "Draft saved" at once, and the stored time moved to now)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.clock import FixedClock
from followup_desktop.composer import Composer
from followup_desktop.session import Session


def test_a_restored_draft_is_not_saved_again_until_it_is_edited(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    first = Composer(session)
    qtbot.addWidget(first)
    first.show()
    first.editor.setPlainText("Dear Dana,\n\nPlease let me know your decision. I definately care.")
    first.save_draft()
    first.hide()
    saved_at = clock.now()
    clock.set(saved_at + timedelta(hours=2))

    again = Composer(session)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.spelling.speller is not None, timeout=5000)
    again.run_check()
    assert again.findings, "the findings are drawn (a repaint of the text)"
    assert not again.autosave.dirty, "a repaint is not an edit"
    assert again.saved.text().startswith("Draft restored, last saved"), again.saved.text()
    again.flush()
    draft = session.repo.draft(interview.id, interview.interviewer_ids[0])
    assert draft is not None and draft.updated_at == saved_at.astimezone(UTC)

    again.editor.setFocus()
    again.editor.moveCursor(again.editor.textCursor().MoveOperation.End)
    again.editor.insertPlainText(" Thanks.")
    assert again.autosave.dirty, "a real edit is saved"
    again.flush()
    draft = session.repo.draft(interview.id, interview.interviewer_ids[0])
    assert draft is not None and draft.updated_at == datetime(2026, 11, 27, 17, tzinfo=UTC)
