"""An interview abroad in the composer and on Today: the letter's deadline is counted where
the interview took place, as the reminders and the command line count it, and said on the
user's clock too."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from followup.model import Application, Contact, PostalAddress, Round
from followup.plan import ItemKind
from followup_desktop.clock import FixedClock
from followup_desktop.composer import Composer
from followup_desktop.session import Session

AUCKLAND = ZoneInfo("Pacific/Auckland")


def test_the_deadline_is_counted_where_the_interview_was(
    qtbot: QtBot, session: Session, clock: FixedClock
) -> None:
    """Wed 25 Nov, 10:00 in Auckland is Tue 24 Nov in New York: the deadline is Mon 30 Nov,
    17:00 in Auckland (Sun 29 Nov, 23:00 in New York), not Fri 27 Nov counted from Tuesday;
    and the post, two business days from Thu 26 Nov, is not late for it."""
    repo = session.repo
    app = repo.add_application(Application(0, "Kiwi Ltd", "Engineer"))
    ana = repo.add_contact(
        Contact(
            0,
            "Ana Ngata",
            email="ana@kiwi.example",
            address=PostalAddress(("Kiwi Ltd", "1 Queen Street", "Auckland 1010")),
        )
    )
    round_ = repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=AUCKLAND),
            datetime(2026, 11, 25, 11, tzinfo=AUCKLAND),
            "Pacific/Auckland",
            interviewer_ids=(ana.id,),
        )
    )
    session.save_settings_or_raise(
        {"profile.address": "12 Elm Street\nSpringfield, IL 62704", "post.delivery_days": 2}
    )
    clock.set(datetime(2026, 11, 26, 15, tzinfo=UTC))  # Thu 26 Nov, 10:00 in New York
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.round_box.setCurrentIndex(composer.round_box.findData(round_.id))
    text = composer.deadline.text()
    assert "after the interview on Wed, 25 Nov: by 17:00 on Mon, 30 Nov" in text, text
    assert "Due Sun, 29 Nov, 23:00 (Mon, 30 Nov, 17:00 Pacific/Auckland)." in text
    [planned] = [
        i for i in session.items() if i.kind is ItemKind.LETTER and i.round_id == round_.id
    ]
    assert planned.reason in text  # one deadline, whichever view says it
    composer.channel_box.setCurrentIndex(1)  # by post
    assert composer.bar.warning.text() == "", composer.bar.warning.text()


def test_the_letter_and_the_call_name_the_day_the_interviewer_met_you(
    qtbot: QtBot, session: Session
) -> None:
    """Wed 25 Nov in Auckland (Tue 24 Nov on the user's New York clock): the thank-you letter
    says "on Wednesday" and the call script "on Wednesday, November 25", as the interviewer
    remembers it."""
    from followup_desktop.call_assistant import CallAssistant

    repo = session.repo
    app = repo.add_application(Application(0, "Kiwi Ltd", "Engineer"))
    ana = repo.add_contact(Contact(0, "Ana Ngata", email="ana@kiwi.example"))
    round_ = repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=AUCKLAND),
            datetime(2026, 11, 25, 11, tzinfo=AUCKLAND),
            "Pacific/Auckland",
            interviewer_ids=(ana.id,),
        )
    )
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    composer.round_box.setCurrentIndex(composer.round_box.findData(round_.id))
    composer.use_template()
    letter = composer.editor.toPlainText()
    assert "meet with me on Wednesday" in letter and "Tuesday" not in letter, letter
    assistant = CallAssistant(session, round_)
    qtbot.addWidget(assistant)
    assert "on Wednesday, November 25" in assistant.script.toPlainText()


def test_today_says_a_deadline_abroad_on_both_clocks(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """The card's time is the user's (Sun, 29 Nov, 23:00) and its reason the place's ("by
    17:00 on Mon, 30 Nov"): the reason now says both, so neither reads as a mistake. A
    deadline at home is left as it was."""
    from followup_desktop.today import CardDelegate, TodayView

    repo = session.repo
    app = repo.add_application(Application(0, "Kiwi Ltd", "Engineer"))
    ana = repo.add_contact(Contact(0, "Ana Ngata"))
    repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=AUCKLAND),
            datetime(2026, 11, 25, 11, tzinfo=AUCKLAND),
            "Pacific/Auckland",
            interviewer_ids=(ana.id,),
        )
    )
    view = TodayView(session)
    qtbot.addWidget(view)
    view.model.reload()
    delegate = view.list.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    letters = {i.title: i for i in view.model.rows if i.kind is ItemKind.LETTER}
    abroad = delegate.reason(letters["Thank-you letter to Ana Ngata at Kiwi Ltd"])
    assert abroad.endswith(
        "by 17:00 on Mon, 30 Nov. Thanksgiving Day (Thu, 26 Nov) and the weekend moved this "
        "to Monday. Due Sun, 29 Nov, 23:00 (Mon, 30 Nov, 17:00 Pacific/Auckland)."
    ), abroad
    home = letters["Thank-you letter to Dana Müller at Acme"]
    assert delegate.reason(home) == home.reason
