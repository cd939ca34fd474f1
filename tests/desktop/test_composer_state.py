"""The composer shows the subject, who already has a letter, and the deadline as the current
settings have it; it reads nothing from the database while the user types (issue 10, 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup.model import Channel, Round
from followup_desktop.call_assistant import CallAssistant
from followup_desktop.composer import Composer
from followup_desktop.inquiry_dialog import InquiryDialog
from followup_desktop.session import Session

from .conftest import NOW
from .test_composer import type_text


def make(qtbot: QtBot, session: Session) -> Composer:
    composer = Composer(session)
    qtbot.addWidget(composer)
    composer.show()
    return composer


def test_the_subject_is_shown_for_email_edited_saved_and_checked(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    assert composer.subject.isVisible()
    assert composer.subject.text() == "Thank you for the Backend Engineer interview"
    composer.subject.clear()
    composer.subject.setFocus()
    type_text(composer.subject, "Any update??")
    qtbot.waitUntil(lambda: bool(composer.subject_findings))
    rules = {f.rule for f in composer.subject_findings}
    assert "status-inquiry" in rules
    rows = [composer.model.index(r).data() for r in range(composer.model.rowCount())]
    assert any(row.startswith("Fix in the subject:") for row in rows)
    composer.save_draft()
    draft = session.repo.draft(interview.id, interview.interviewer_ids[0])
    assert draft is not None and draft.subject == "Any update??"
    again = make(qtbot, session)
    assert again.subject.text() == "Any update??", "the subject survives with the draft"
    again.channel_box.setCurrentIndex(1)
    assert not again.subject.isVisible(), "a posted letter has no subject line"
    assert again.subject_findings == []


def test_the_to_list_marks_who_already_has_a_letter(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    dana, lee = interview.interviewer_ids
    session.repo.record_letter(interview.id, dana, Channel.POST, NOW)
    composer = make(qtbot, session)
    composer.open_for(interview.id, dana)
    box = composer.recipient_box
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels == ["Dana Müller, CTO — sent by post Fri, 27 Nov", "Lee Park, Engineer"]
    assert box.itemData(0, Qt.ItemDataRole.ToolTipRole) == "Sent by post on Fri, 27 Nov."
    assert composer.verdict.text() == "Sent by post on Fri, 27 Nov."
    assert "(R" not in composer.verdict.text() and composer.findings == []
    composer.open_for(interview.id, lee)
    assert "Sent by" not in composer.verdict.text()


def test_the_open_composer_replans_when_the_work_week_changes(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    composer.editor.setPlainText("Dear Dana,")
    before = composer.deadline.text()
    assert "Mon, 30 Nov" in before or "Monday" in before, before
    session.save_settings_or_raise({"calendar.workdays": "mon,tue,wed,thu,fri,sat"})
    after = composer.deadline.text()
    assert after != before and ("Sat, 28 Nov" in after or "Saturday" in after), after
    assert composer.editor.toPlainText() == "Dear Dana,", "re-planning keeps the text"


def test_typing_reads_nothing_from_the_database(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    composer = make(qtbot, session)
    statements: list[str] = []
    session.repo.db.connection.set_trace_callback(statements.append)
    try:
        composer.editor.setFocus()
        type_text(composer.editor, "Thank you for the talk. ")
        composer.run_check()
        type_text(composer.subject, "!")
        composer.run_check()
    finally:
        session.repo.db.connection.set_trace_callback(None)
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == []


def _user_template(folder: Path, name: str, header: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.j2").write_text("{#\n" + header + "\n#}\n" + body, encoding="utf-8")


def test_call_script_and_inquiry_use_the_users_own_templates(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    folder = session.repo.db.path.parent / "templates"
    _user_template(
        folder,
        "my-call",
        "title: My call\nkind: call-script\nchannel: any",
        "My own script for {{ company }}.",
    )
    _user_template(
        folder,
        "my-inquiry",
        "title: My inquiry\nkind: inquiry\nchannel: email",
        "{{ greeting }}\n\nMy own inquiry about the {{ role }} role.\n\nThank you,\n{{ me.name }}",
    )
    call = CallAssistant(session, interview)
    qtbot.addWidget(call)
    assert call.script.toPlainText().strip() == "My own script for Acme."
    app = session.repo.application(interview.application_id)
    inquiry = InquiryDialog(session, app)
    qtbot.addWidget(inquiry)
    assert "My own inquiry about the Backend Engineer role." in inquiry.text.toPlainText()


def test_the_composer_offers_and_picks_the_users_letter_template(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    folder = session.repo.db.path.parent / "templates"
    _user_template(
        folder,
        "mine",
        "title: My thank-you\nkind: letter\nchannel: email",
        "{{ greeting }}\n\nThank you.\n\n{{ me.name }}",
    )
    composer = make(qtbot, session)
    assert composer.template_box.currentData().name == "mine"
    titles = [composer.template_box.itemText(i) for i in range(composer.template_box.count())]
    assert "My thank-you" in titles and "Thank-you letter for the post" not in titles
    composer.channel_box.setCurrentIndex(1)
    assert composer.template_box.currentData().name == "thank-you-letter"


def test_the_letter_opens_on_the_interviewer_still_owed_one(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Found trying the app as a new user: after the letter to Dana went, Letters opened on
    Dana again (her letter sent), not on Lee who still had none."""
    dana, lee = interview.interviewer_ids
    session.repo.record_letter(interview.id, dana, Channel.POST, NOW)
    composer = make(qtbot, session)
    assert composer.recipient_box.currentData() == lee
    assert "Sent by" not in composer.verdict.text()
    composer.open_for(interview.id, dana)  # asked for by name: Dana it is
    assert composer.recipient_box.currentData() == dana
    session.repo.record_letter(interview.id, lee, Channel.POST, NOW)
    everyone = make(qtbot, session)  # everyone has one: the first, as before
    assert everyone.recipient_box.currentData() == dana


def test_two_rounds_of_one_application_are_told_apart_in_the_list(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """Found trying the app as a new user: "Acme — Backend Engineer · Wed, 25 Nov" twice,
    differing only by the day."""
    from dataclasses import replace
    from datetime import timedelta

    later = interview.starts_at + timedelta(days=1)
    second = session.repo.add_round(
        replace(interview, id=0, starts_at=later, ends_at=later + timedelta(hours=1), title="")
    )
    session.repo.update_round(replace(interview, title="Technical deep dive"))
    composer = make(qtbot, session)
    labels = [composer.round_box.itemText(i) for i in range(composer.round_box.count())]
    assert labels == [
        "Acme — Backend Engineer · Video interview · Thu, 26 Nov",
        "Acme — Backend Engineer · Technical deep dive · Wed, 25 Nov",
    ], labels
    assert composer.round_box.itemData(0) == second.id
