"""The composer's late-post banner (the post would arrive after the deadline or the decision
date): gone once the letter is marked sent, and never suggesting e-mail to someone without an
address. Found by the new-user trial: after Tomás's letter was marked sent by post the banner
still said "Send it by e-mail instead", and Tomás has no e-mail address."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup_desktop.composer import Composer
from followup_desktop.session import Session

BODY = (
    "Dear Lee Park,\n\nThank you for meeting with me on Wednesday. As we discussed, I "
    "scaled the billing service tenfold, and I would welcome the chance to join Acme.\n\n"
    "Kind regards,\nSam Lee"
)


def late_post(qtbot: QtBot, session: Session, interview: Round, contact_id: int) -> Composer:
    """The composer on the post to ``contact_id``: posted today (Friday), the letter would
    arrive after its deadline (Monday)."""
    session.save_settings_or_raise({"profile.address": "12 Elm Street\nSpringfield, IL 62704"})
    page = Composer(session)
    qtbot.addWidget(page)
    page.show()
    page.open_for(interview.id, contact_id)
    page.channel_box.setCurrentIndex(list(Channel).index(Channel.POST))
    return page


def test_no_e_mail_is_suggested_to_someone_without_an_address(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dana, lee = interview.interviewer_ids  # Dana has an e-mail address, Lee none
    page = late_post(qtbot, session, interview, lee)
    said = page.bar.warning.text()
    assert page.bar.warning.isVisible()
    assert "after the letter's deadline (Mon, 30 Nov)" in said
    assert "by e-mail" not in said and said.endswith("so post it today.")
    page.open_for(interview.id, dana)
    page.channel_box.setCurrentIndex(list(Channel).index(Channel.POST))
    assert "Send it by e-mail instead" in page.bar.warning.text()


def test_the_banner_goes_once_the_letter_is_marked_sent(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    lee = interview.interviewer_ids[1]
    page = late_post(qtbot, session, interview, lee)
    page.editor.setPlainText(BODY)
    assert page.bar.warning.isVisible()
    on_next_modal(lambda dialog: dialog.accept())
    with qtbot.waitSignal(page.letter_sent, timeout=3000) as sent:
        page.mark_sent.click()
    assert sent.args[0].channel is Channel.POST
    assert page.editor.isReadOnly()  # shown as it left
    assert page.bar.warning.isHidden() and page.bar.warning.text() == ""
    page.open_for(interview.id, lee)  # opened again later: still no banner
    assert page.bar.warning.isHidden()
