"""The Interviews details pane: the selected application or round in full, kept up to date,
with its actions; the page at 800×600 and 1440×900; the splitter remembered; rows as tall
after a restart as after a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followup.model import Application, Channel, Override, Round, Status
from followup.plan import ItemKind, PlanItem
from followup.storage import Database, Repository
from followup_desktop.interviews.view import InterviewsView
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session

from .conftest import NOW, NY


def page(qtbot: QtBot, session: Session) -> InterviewsView:
    view = InterviewsView(session)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def pane_text(view: InterviewsView) -> str:
    return view.details.text.toPlainText()


def test_nothing_selected_says_how_to_see_details(qtbot: QtBot, session: Session) -> None:
    view = page(qtbot, session)
    view.tree.setCurrentIndex(view.model.index(-1, 0))
    assert "Select an application or an interview round" in pane_text(view)
    assert not view.details.letter.isEnabled() and not view.details.edit.isEnabled()


def test_a_round_shows_its_people_topics_strengths_and_plan(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    view.select(interview)
    text = pane_text(view)
    for shown in (
        "Acme — Backend Engineer",
        "Dana Müller, CTO",
        "dana@acme.example",
        "Acme Inc., 1 Main St",  # the postal address, on one line
        "Lee Park, Engineer",
        "No contact details yet",  # Lee has none: said, not left blank
        "event sourcing",
        "scaled the billing service",
        # the plan: each step with its state, date and reason (Thanksgiving moves it)
        "Coming up · Mon, 30 Nov, 17:00 — Thank-you letter to Dana Müller at Acme",
        "Thank-you letter to Lee Park at Acme",
        "Later — Phone call to Dana Müller at Acme",  # no date yet: none is made up
        "Nothing sent or called yet.",
    ):
        assert shown in text, shown
    reasons = [i.reason for i in session.plans()[interview.application_id] if i.reason]
    assert reasons and all(reason in text for reason in reasons)
    assert view.details.letter.isEnabled() and view.details.close_button.isEnabled()


def test_user_text_is_shown_as_typed_not_as_markup(qtbot: QtBot, session: Session) -> None:
    app = session.repo.add_application(Application(0, "<b>AT&T</b>", "Dev & Ops"))
    view = page(qtbot, session)
    view.select(app)
    assert "<b>AT&T</b> — Dev & Ops" in pane_text(view)


def test_a_letter_sent_shows_at_once_with_its_channel_time_and_exception(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    view.select(interview)
    dana, lee = interview.interviewer_ids
    sent = datetime(2026, 11, 27, 9, 30, tzinfo=NY)
    session.run(None, lambda: session.repo.record_letter(interview.id, dana, Channel.EMAIL, sent))
    text = pane_text(view)
    assert "Letter to Dana Müller by e-mail, Fri, 27 Nov, 09:30" in text
    # the state is said once, then when: not "Done · done Fri, ..."
    assert "Done · Fri, 27 Nov, 09:30 — Thank-you letter to Dana Müller" in text
    assert "done Fri" not in text
    override = Override("second-letter", "they asked me to resend it", NOW)
    session.run(
        None,
        lambda: session.repo.record_letter(
            interview.id, lee, Channel.POST, sent + timedelta(minutes=5), override
        ),
    )
    text = pane_text(view)
    assert "Letter to Lee Park by post, Fri, 27 Nov, 09:35" in text
    assert "Done anyway, confirmed Fri, 27 Nov, 10:00: they asked me to resend it" in text
    assert "second-letter" not in text  # the rule's key is never shown


def test_another_programs_write_reaches_the_pane(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    view.select(interview)
    other = Database.open(session.repo.db.path, NOW)
    try:
        repo = Repository(other)
        made = datetime(2026, 11, 27, 9, 45, tzinfo=NY)
        dana = interview.interviewer_ids[0]
        letter_at = datetime(2026, 11, 25, 12, tzinfo=NY)
        repo.record_letter(interview.id, dana, Channel.EMAIL, letter_at)
        repo.record_call(
            interview.id,
            made,
            "They decide next week",
            Override("call-too-soon", "they asked me to call", NOW),
        )
    finally:
        other.close()
    session.others_wrote()  # what the watcher does when the file's version moves
    text = pane_text(view)
    assert "Phone call Fri, 27 Nov, 09:45" in text
    assert "They decide next week; Done anyway, confirmed" in text


def test_selection_moves_the_pane_and_an_application_shows_every_round(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    second = session.repo.add_round(
        Round(
            0,
            interview.application_id,
            datetime(2026, 12, 2, 14, tzinfo=NY),
            datetime(2026, 12, 2, 15, tzinfo=NY),
            "America/New_York",
            title="with the team",
        )
    )
    session.schedule_changed.emit()
    view = page(qtbot, session)
    view.select(session.repo.application(interview.application_id))
    text = pane_text(view)
    assert "Video interview · Wed, 25 Nov, 10:00 to 11:00" in text
    assert "Video interview: with the team · Wed, 2 Dec, 14:00 to 15:00" in text
    view.select(second)
    text = pane_text(view)
    assert "with the team" in text and "Dana Müller" not in text
    assert "No interviewer yet." in text


def test_the_pane_follows_the_keyboard(qtbot: QtBot, session: Session, interview: Round) -> None:
    view = page(qtbot, session)
    view.tree.setFocus()
    view.select(session.repo.application(interview.application_id))
    assert "Video interview ·" in pane_text(view) and "Applied" not in pane_text(view)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)  # onto the round
    assert view.details.record == interview
    # Tab goes from the tree into the pane, and on to its buttons
    chain = []
    widget: QWidget = view.tree
    for _ in range(60):
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
    assert chain[:3] == [view.details.text, view.details.letter, view.details.call]


def test_write_the_letter_and_record_the_call_open_their_items(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = page(qtbot, session)
    view.select(interview)
    asked: list[PlanItem] = []
    view.action_requested.connect(asked.append)
    qtbot.mouseClick(view.details.letter, Qt.MouseButton.LeftButton)
    assert [(i.kind, i.round_id) for i in asked] == [(ItemKind.LETTER, interview.id)]
    dana = interview.interviewer_ids[0]
    assert asked[0].contact_id == dana
    sent = datetime(2026, 11, 27, 9, tzinfo=NY)
    session.run(None, lambda: session.repo.record_letter(interview.id, dana, Channel.EMAIL, sent))
    qtbot.mouseClick(view.details.letter, Qt.MouseButton.LeftButton)
    assert asked[-1].contact_id == interview.interviewer_ids[1]  # Lee has no letter yet
    qtbot.mouseClick(view.details.call, Qt.MouseButton.LeftButton)
    assert (asked[-1].kind, asked[-1].round_id) == (ItemKind.CALL, interview.id)


def test_the_window_opens_the_composer_on_that_round(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("interviews")
    window.interviews.select(interview)
    qtbot.mouseClick(window.interviews.details.letter, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.composer
    assert window.composer.picker.setup is not None
    assert window.composer.picker.setup.round.id == interview.id


def test_close_asks_then_closes_and_the_pane_says_so(
    qtbot: QtBot,
    session: Session,
    interview: Round,
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    view = page(qtbot, session)
    view.select(interview)

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert "Acme — Backend Engineer" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    on_next_modal(answer)
    qtbot.mouseClick(view.details.close_button, Qt.MouseButton.LeftButton)
    assert session.repo.application(interview.application_id).status is Status.CLOSED
    text = pane_text(view)
    assert "Closed: closed by you" in text
    assert "Cancelled · Mon, 30 Nov, 17:00" in text  # a closed plan is still shown
    assert not view.details.letter.isEnabled() and not view.details.close_button.isEnabled()
    assert view.details.edit.isEnabled()


def test_the_pane_plans_nothing_again_when_the_selection_moves(
    qtbot: QtBot, session: Session, interview: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    import followup.planner

    view = page(qtbot, session)
    session.plans()
    calls: list[object] = []
    real = followup.planner.plans_by_application
    monkeypatch.setattr(
        followup.planner, "plans_by_application", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    for _ in range(3):
        view.select(session.repo.application(interview.application_id))
        view.select(interview)
    assert calls == []  # an active application's plan comes from the session's


# -- room ------------------------------------------------------------------------------


def window_at(qtbot: QtBot, session: Session, width: int, height: int) -> MainWindow:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.show_page("interviews")
    w.resize(width, height)
    qtbot.waitUntil(lambda: w.width() == width)
    QApplication.processEvents()
    return w


def test_at_800_by_600_next_step_is_on_screen_and_the_pane_below(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    w = window_at(qtbot, session, 800, 600)
    view = w.interviews
    view.select(interview)
    header = view.tree.header()
    right = header.sectionViewportPosition(4) + header.sectionSize(4)
    assert not header.isSectionHidden(4) and header.sectionSize(4) >= 150
    assert right <= view.tree.viewport().width()
    assert header.isSectionHidden(2)  # the date gave way: the pane shows it
    assert view.split.orientation() is Qt.Orientation.Vertical
    assert view.details.isVisible() and view.details.height() > 150
    for button in (view.details.letter, view.details.call, view.details.edit):
        assert button.isVisible() and button.geometry().right() <= view.details.width()
    assert "Wed, 25 Nov, 10:00" in pane_text(view)


def test_wide_the_pane_is_beside_and_columns_come_back(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    w = window_at(qtbot, session, 800, 600)
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    view = w.interviews
    assert view.split.orientation() is Qt.Orientation.Horizontal
    header = view.tree.header()
    assert not header.isSectionHidden(2)  # Date back
    assert header.sectionViewportPosition(4) + 150 <= view.tree.viewport().width()


def test_the_splitter_is_remembered_in_each_orientation(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    first = window_at(qtbot, session, 800, 600)
    split = first.interviews.split
    split.moveSplitter(120, 1)
    narrow = split.sizes()
    first.resize(1440, 900)
    qtbot.waitUntil(lambda: split.orientation() is Qt.Orientation.Horizontal)
    split.moveSplitter(500, 1)
    wide = split.sizes()
    first.close()
    again = window_at(qtbot, session, 1440, 900)
    assert abs(again.interviews.split.sizes()[0] - wide[0]) <= 2
    again.resize(800, 600)
    qtbot.waitUntil(lambda: again.interviews.split.orientation() is Qt.Orientation.Vertical)
    assert abs(again.interviews.split.sizes()[0] - narrow[0]) <= 2
    assert QSettings().value("splitters/interviews-narrow") is not None


# -- rows -------------------------------------------------------------------------------


def _heights(view: InterviewsView) -> list[int]:
    QApplication.processEvents()
    out = []
    for row in range(view.model.rowCount()):
        parent = view.model.index(row, 0)
        out.append(view.tree.visualRect(parent).height())
        out += [
            view.tree.visualRect(view.model.index(k, 0, parent)).height()
            for k in range(view.model.rowCount(parent))
        ]
    return out


@pytest.mark.usefixtures("app_style_sheet")
def test_rows_are_as_tall_after_a_restart_as_after_a_change(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    w = MainWindow(session)  # the page is built when first shown, as at start-up
    qtbot.addWidget(w)
    w.show()
    w.show_page("interviews")
    started = _heights(w.interviews)
    app = session.repo.application(interview.application_id)
    session.run(None, lambda: session.repo.update_application(app.__class__(app.id, "Acme", "SRE")))
    changed = _heights(w.interviews)
    assert started == changed
    assert min(started) >= w.interviews.tree.fontMetrics().height() + 8  # the sheet's padding


def test_dates_follow_the_users_locale(qtbot: QtBot, session: Session, interview: Round) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        view = page(qtbot, session)
        view.select(interview)
        text = pane_text(view)
    finally:
        QLocale.setDefault(before)
    text = text.replace("\u202f", " ")  # some ICU versions put a narrow space before AM
    assert "Video interview · Wed, Nov 25, 10:00 AM to 11:00 AM" in text
    assert "Coming up · Mon, Nov 30, 5:00 PM" in text


def test_an_interviewers_new_phone_number_shows_at_once(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    from dataclasses import replace

    view = page(qtbot, session)
    view.select(interview)
    dana = session.repo.contact(interview.interviewer_ids[0])
    session.run(None, lambda: session.repo.update_contact(replace(dana, phone="+1 555 0199")))
    assert "Phone: +1 555 0199" in pane_text(view)


def test_an_interview_abroad_shows_the_places_own_day_and_time(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """A New York user's interview in Auckland: the pane's times are on the user's clock and,
    as everywhere else, on Auckland's; its header no longer names Tuesday beside a reason
    that says the interview was on Wednesday. One at home has no bracket."""
    from zoneinfo import ZoneInfo

    auckland = ZoneInfo("Pacific/Auckland")
    abroad = session.repo.add_round(
        Round(
            0,
            interview.application_id,
            datetime(2026, 11, 25, 10, tzinfo=auckland),
            datetime(2026, 11, 25, 11, tzinfo=auckland),
            "Pacific/Auckland",
            interviewer_ids=interview.interviewer_ids[:1],
        )
    )
    view = page(qtbot, session)
    view.select(abroad)
    text = pane_text(view)
    assert "Tue, 24 Nov, 16:00 to 17:00 (Wed, 25 Nov, 10:00 to 11:00 Pacific/Auckland)" in text
    assert "after the interview on Wed, 25 Nov" in text  # the planner's reason, Auckland's day
    assert "Sun, 29 Nov, 23:00 (Mon, 30 Nov, 17:00 Pacific/Auckland)" in text  # its deadline
    view.select(interview)
    assert "Wed, 25 Nov, 10:00 to 11:00\n" in pane_text(view) + "\n"
    assert "America/New_York" not in pane_text(view)
