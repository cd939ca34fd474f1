"""Cards, notifications and the banner name the company and the person; Open opens the item."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from followup.model import Channel, Contact, Round
from followup.plan import ItemKind
from followup.reminders import Reminder
from followup_desktop.clock import FixedClock
from followup_desktop.notifications import ACTIONS, summary
from followup_desktop.session import Session
from followup_desktop.shell import Shell
from followup_desktop.today import CardDelegate, TodayView

from .conftest import NOW


class Recorder:
    def __init__(self) -> None:
        self.sent: list[list[Reminder]] = []

    def notify(self, reminders: list[Reminder]) -> bool:
        self.sent.append(list(reminders))
        return True


def test_letter_cards_and_notifications_name_person_and_company(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    today = TodayView(session)
    qtbot.addWidget(today)
    today.model.reload()
    titles = [r.title for r in today.model.rows]
    assert titles == [
        "Thank-you letter to Dana Müller at Acme",
        "Thank-you letter to Lee Park at Acme",
    ]
    first, second = (Reminder(t, t, NOW, t, "by Monday") for t in titles)
    assert summary([first]) == ("Thank-you letter to Dana Müller at Acme", "by Monday")
    assert "• Thank-you letter to Lee Park at Acme" in summary([first, second])[1]


def test_the_call_card_gives_the_person_and_the_phone_number(
    qtbot: QtBot, session: Session, clock: FixedClock, interview: Round
) -> None:
    repo = session.repo
    dana = interview.interviewer_ids[0]
    old = repo.contact(dana)
    repo.update_contact(
        Contact(old.id, old.name, old.title, old.company, old.email, "+1 212 555 0100", old.address)
    )
    for contact in interview.interviewer_ids:
        repo.record_letter(interview.id, contact, Channel.EMAIL, NOW)
    today = TodayView(session)
    qtbot.addWidget(today)
    today.model.reload()
    call = next(r for r in today.coming.rows if r.kind is ItemKind.CALL)
    delegate = today.coming_list.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    assert delegate.title(call) == "Phone call to Dana Müller at Acme · +1 212 555 0100"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_the_banners_open_opens_that_item(qtbot: QtBot, session: Session, interview: Round) -> None:
    shell = Shell(session, notifier=Recorder())
    qtbot.addWidget(shell.window)
    opened = []
    shell.window.on_action_requested = opened.append  # type: ignore[method-assign]
    letter = next(i for i in session.items() if i.kind is ItemKind.LETTER)
    shell.window.banner.show_reminders(
        [Reminder(f"{letter.key}:x", letter.key, NOW, letter.title, "")]
    )
    shell.window.banner.open.click()
    assert opened == [letter]
    assert not shell.window.banner.isVisible()


def test_dbus_notifications_offer_open_and_snooze() -> None:
    assert ACTIONS == ["open", "Open", "snooze", "Snooze an hour"]


def test_a_letter_marked_sent_leaves_the_banner(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Found by a helper on Xvfb: the banner still said Chris's letter was due after it was
    marked sent. A step done takes its reminder away; with none left the banner goes."""
    shell = Shell(session, notifier=Recorder())
    qtbot.addWidget(shell.window)
    shell.window.show()
    letters = [i for i in session.items() if i.kind is ItemKind.LETTER]
    banner = shell.window.banner
    banner.show_reminders([Reminder(f"{i.key}:x", i.key, NOW, i.title, "") for i in letters])
    dana, lee = interview.interviewer_ids
    session.commit(lambda: session.repo.record_letter(interview.id, dana, Channel.EMAIL, NOW))
    assert banner.isVisible()
    assert [r.title for r in banner.reminders] == ["Thank-you letter to Lee Park at Acme"]
    assert "Dana" not in banner.text.text()
    session.commit(lambda: session.repo.record_letter(interview.id, lee, Channel.EMAIL, NOW))
    assert not banner.isVisible() and banner.reminders == []
