"""A new letter starts on the channel its recipient can be reached by (found trying the app
as a new user: after a letter for the post to one interviewer, the next interviewer's new
letter, to someone with only an e-mail address, opened on Post with the post's template and
its 'would arrive late' warning)."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Contact, PostalAddress, Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session


def setting(session: Session) -> tuple[Round, Contact, Contact, Contact]:
    repo = session.repo
    app = repo.add_application(Application(0, "Globex", "Analyst"))
    posted = repo.add_contact(
        Contact(0, "Ana Post", "CTO", "Globex", address=PostalAddress(("Globex", "1 Main St")))
    )
    mailed = repo.add_contact(Contact(0, "Eve Mail", "Lead", "Globex", "eve@globex.example"))
    both = repo.add_contact(
        Contact(
            0, "Bo Both", "HR", "Globex", "bo@globex.example", address=PostalAddress(("1 Main",))
        )
    )
    start = datetime(2026, 11, 25, 15, tzinfo=UTC)
    round_ = repo.add_round(
        Round(
            0,
            app.id,
            start,
            start.replace(hour=16),
            "America/New_York",
            interviewer_ids=(posted.id, mailed.id, both.id),
        )
    )
    return round_, posted, mailed, both


def make(qtbot: QtBot, session: Session) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    return composer


def test_a_new_letter_starts_on_the_channel_its_recipient_has(
    qtbot: QtBot, session: Session
) -> None:
    round_, posted, mailed, both = setting(session)
    composer = make(qtbot, session)
    composer.open_for(round_.id, posted.id)
    assert composer.channel() is Channel.POST  # an address and no e-mail: the post
    composer.open_for(round_.id, mailed.id)
    assert composer.channel() is Channel.EMAIL  # an e-mail and no address
    assert composer.subject.isVisible()
    assert "post" not in composer.template_box.currentText().lower()
    composer.channel_box.setCurrentIndex(list(Channel).index(Channel.POST))
    composer.open_for(round_.id, both.id)
    assert composer.channel() is Channel.POST  # either will do: the user's choice stays
