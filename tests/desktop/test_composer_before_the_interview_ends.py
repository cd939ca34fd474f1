"""A letter drafted before or during the interview: the line above it says when the
interview is, that the letter leaves once it has ended, and when it is due; and it follows
the clock while the composer stays open (found trying the app as a new user)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.model import Round
from followup_desktop.clock import FixedClock
from followup_desktop.composer import Composer
from followup_desktop.session import Session

from .test_send_gates import BAD

DUE = "Mon, 30 Nov"  # Wednesday's interview: Thanksgiving and the weekend move it to Monday


def test_the_deadline_line_says_when_the_interview_is_and_when_the_letter_is_due(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(datetime(2026, 11, 25, 14, 0, tzinfo=UTC))  # 9:00 in New York, an hour before
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    before = composer.deadline.text()
    assert "This interview is on Wed, 25 Nov, 10:00" in before, before
    assert "sent once it has ended" in before and DUE in before, before

    clock.set(datetime(2026, 11, 25, 15, 30, tzinfo=UTC))  # 10:30: under way
    session.move_time()
    during = composer.deadline.text()
    assert "hasn't happened" not in during, "it is happening now"
    assert "still going on (until 11:00)" in during and DUE in during, during

    clock.set(datetime(2026, 11, 25, 16, 1, tzinfo=UTC))  # 11:01: over, the composer still open
    session.move_time()
    after = composer.deadline.text()
    assert "still going on" not in after and "drafted now" not in after, after
    assert after.startswith("Two business days after the interview") and DUE in after, after
    assert not composer.deadline.property("overdue")

    # Found trying the app as a new user: past the deadline the line still read "by 17:00 on
    # …" in grey, while Today said Overdue.
    clock.set(datetime(2026, 11, 30, 22, 1, tzinfo=UTC))  # Monday 17:01 in New York
    session.move_time()
    late = composer.deadline.text()
    assert late.startswith("Overdue: Two business days after") and DUE in late, late
    assert "Send it now" in late and composer.deadline.property("overdue") is True


@pytest.mark.parametrize("button", ["send", "mail_app"])
def test_too_early_is_said_before_the_findings_are_listed(
    qtbot: QtBot,
    session: Session,
    clock: FixedClock,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
    button: str,
) -> None:
    """Sending before the interview ended is refused first: the user does not tick "I have
    read these" for a letter that cannot leave anyway."""
    clock.set(datetime(2026, 11, 25, 15, 30, tzinfo=UTC))  # during the interview
    session.save_settings_or_raise(
        {"smtp.host": "127.0.0.1", "smtp.security": "none", "profile.email": "sam@example.com"}
    )
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.editor.setPlainText(BAD)
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        seen.append(dialog.objectName())
        dialog.close()  # Cancel: respect the rule (a gate shown instead is closed too)

    on_next_modal(answer)
    getattr(composer.bar, button).click()
    assert seen == ["refusal-dialog"], seen
    assert session.repo.letters() == []


def test_a_good_letter_is_ready_to_send_once_the_interview_has_ended(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    clock.set(datetime(2026, 11, 25, 15, 30, tzinfo=UTC))  # during the interview
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.use_template()
    composer.run_check()
    assert composer.findings == [], composer.findings
    assert composer.verdict.text().endswith("Ready to send once the interview has ended.")
    clock.set(datetime(2026, 11, 25, 16, 1, tzinfo=UTC))  # over, the composer still open
    session.move_time()
    assert composer.verdict.text().endswith("on topic. Ready to send."), composer.verdict.text()
