"""A draft that names the interview's old day after the interview moved (found trying the app
as a new user): the composer says so, and the gate lists it before the letter leaves."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from pytestqt.qtbot import QtBot

from followup.checker import Severity
from followup.model import Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session


def test_a_draft_naming_the_old_day_is_flagged_once_the_interview_moves(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.use_template()
    text = composer.editor.toPlainText()
    assert "Wednesday" in text, text  # the interview's day: Wednesday before Thanksgiving
    composer.run_check()
    assert [f for f in composer.findings if f.rule == "wrong-day"] == []
    # The interview was on the Tuesday really: the user corrects its date in Interviews.
    moved = replace(
        interview,
        starts_at=interview.starts_at - timedelta(days=1),
        ends_at=interview.ends_at - timedelta(days=1),
    )
    session.commit(lambda: session.repo.update_round(moved))
    qtbot.waitUntil(lambda: any(f.rule == "wrong-day" for f in composer.findings), timeout=2000)
    assert composer.editor.toPlainText() == text, "the user's draft is kept as it is"
    (wrong,) = [f for f in composer.findings if f.rule == "wrong-day"]
    assert text[wrong.start or 0 : wrong.end or 0].startswith("Wednesday")
    assert "Tuesday the 24th" in wrong.message
    assert wrong.severity in (Severity.ERROR, Severity.WARNING)


def test_yesterday_is_counted_from_the_day_the_letter_is_read(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """The interview was on Wednesday; drafted Thursday, "yesterday" was right, and on
    Friday (the test's clock) it is not: the composer says so before it leaves."""
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText("Dear Dana,\n\nThank you for meeting with me yesterday.")
    composer.run_check()
    (wrong,) = [f for f in composer.findings if f.rule == "wrong-day"]
    assert wrong.severity is Severity.WARNING and "“yesterday”" in wrong.message
