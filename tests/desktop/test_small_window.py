"""Found on the screenshots at 800×600: every page leaves the window its 800 pixels, Today's
cards keep the whole title, the reminder banner keeps its text readable, the calendar's day
list moves under the grid, and an empty day says so."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QBoxLayout, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from followup.demo import populate
from followup.model import Round
from followup.reminders import Reminder
from followup.storage import Database, Repository
from followup_desktop.app import stylesheet
from followup_desktop.banner import ReminderBanner
from followup_desktop.calendar.view import CalendarView
from followup_desktop.clock import FixedClock
from followup_desktop.main_window import MainWindow
from followup_desktop.plan_items import ItemRole
from followup_desktop.session import Session
from followup_desktop.today import CardDelegate, TodayView


@pytest.mark.parametrize("page", ["today", "interviews", "calendar", "letters"])
def test_no_page_holds_the_window_wider_than_800(
    qtbot: QtBot, qapp: QApplication, session: Session, interview: Round, page: str
) -> None:
    qapp.setStyleSheet(stylesheet())  # the headings' real size
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(page)
    needed = window.sidebar.width() + window.page(page).minimumSizeHint().width()
    qapp.setStyleSheet("")
    assert needed <= 800, f"{page} needs {needed} pixels"


def test_a_narrow_card_gives_the_title_a_line_of_its_own(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = TodayView(session)
    qtbot.addWidget(view)
    view.model.reload()
    index = view.model.index(0)
    delegate = view.list.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.rect = QRect(0, 0, 1200, 80)
    wide = delegate.sizeHint(option, index).height()
    option.rect = QRect(0, 0, 540, 80)  # the list in an 800-pixel window
    narrow = delegate.sizeHint(option, index).height()
    item = index.data(ItemRole)
    assert item is not None
    title = delegate.title(item)
    assert "Thank-you letter to Dana Müller at Acme" in title
    assert delegate._title_fits(delegate.title(item), option.font, 1200 - 44)
    assert not delegate._title_fits(delegate.title(item), option.font, 540 - 44)
    assert narrow >= wide + CardDelegate.LINE  # room for the title's own line


def test_the_banner_puts_its_buttons_under_the_text_when_narrow(qtbot: QtBot) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    at = datetime(2026, 11, 25, 14, tzinfo=UTC)
    banner.show_reminders([Reminder("k", "i", at, "Thank-you letter to Dana at Acme", "Due")])
    banner.resize(1250, 120)
    qtbot.waitUntil(lambda: banner.layout_.direction() is QBoxLayout.Direction.LeftToRight)
    banner.resize(600, 160)
    qtbot.waitUntil(lambda: banner.layout_.direction() is QBoxLayout.Direction.TopToBottom)
    qtbot.waitUntil(lambda: banner.text.width() > 500)  # the text keeps the banner's width


def test_the_calendar_lists_the_day_under_the_grid_when_narrow(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.body.direction() is QBoxLayout.Direction.LeftToRight
    view.resize(600, 560)
    qtbot.waitUntil(lambda: view.body.direction() is QBoxLayout.Direction.TopToBottom)
    qtbot.waitUntil(lambda: view.grid.width() > 500)  # the whole width for seven columns


def test_an_empty_day_says_nothing_is_planned(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.show()
    view.show_day(date(2026, 12, 24))
    assert view.nothing.isVisibleTo(view) and not view.day_list.isVisibleTo(view)
    assert view.nothing.text() == "Nothing planned on this day."
    view.show_day(interview.starts_at.date())
    assert view.day_list.isVisibleTo(view) and not view.nothing.isVisibleTo(view)


def test_the_demo_shows_what_comes_after_this_week(qtbot: QtBot, tmp_path: Path) -> None:
    """The screenshots' data: Today has its week and the call planned for next week."""
    now = datetime(2026, 11, 25, 14, tzinfo=UTC)
    database = Database.open(tmp_path / "demo.sqlite3", now)
    repo = Repository(database)
    populate(repo, now, ZoneInfo("America/New_York"))
    view = TodayView(Session(repo, FixedClock(now)))
    qtbot.addWidget(view)
    view.model.reload()
    assert view.model.rows and view.coming.rows
    assert any("Phone call" in item.title for item in view.coming.rows)
    letters = repo.letters()
    assert letters and all(letter.sent_at <= now for letter in letters)
    database.close()


def test_how_it_works_fits_an_800_by_600_screen(qtbot: QtBot) -> None:
    """It was 640×620: on an 800×600 screen its Close button was off the bottom."""
    from followup_desktop.help import HowItWorks, fitted_size

    assert fitted_size(QSize(800, 600)).height() <= 540
    assert fitted_size(QSize(1440, 900)) == QSize(760, 680)
    dialog = HowItWorks()
    qtbot.addWidget(dialog)
    assert dialog.size() == fitted_size(dialog.screen().availableGeometry().size())


def test_after_this_week_is_as_tall_as_its_cards_at_any_width(qtbot: QtBot, tmp_path: Path) -> None:
    """Filled while the page was narrow, the list kept the narrow cards' height when wide:
    an empty band under its card."""
    now = datetime(2026, 11, 25, 14, tzinfo=UTC)
    database = Database.open(tmp_path / "demo.sqlite3", now)
    repo = Repository(database)
    populate(repo, now, ZoneInfo("America/New_York"))
    view = TodayView(Session(repo, FixedClock(now)))
    qtbot.addWidget(view)
    view.resize(420, 700)
    view.show()
    view.model.reload()
    narrow = view.coming_list.maximumHeight()
    view.resize(1250, 800)

    def fits() -> bool:
        card = view.coming_list.visualRect(view.coming.index(0)).height()
        return 0 < card <= view.coming_list.maximumHeight() < card + 20

    qtbot.waitUntil(fits)
    assert view.coming_list.maximumHeight() < narrow
    database.close()


def test_one_long_word_in_a_banner_never_widens_the_window(
    qtbot: QtBot, session: Session, interview: Round
) -> None:
    """A name of 200 letters without a space (the most a name may have) in a reminder, and a
    stored value's 300 characters in the other banner: the window keeps its 800 pixels and
    the banners' buttons stay on it."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    long_name = "W" * 200
    at = datetime(2026, 11, 25, 14, tzinfo=UTC)
    window.banner.show_reminders(
        [Reminder("k", "i", at, f"Thank-you letter to {long_name} at Acme", "Due")]
    )
    window.stored_values.text.setText("<b>Not used</b><br>" + "x" * 300)
    window.stored_values.show()
    for banner in (window.banner, window.stored_values):
        assert banner.minimumSizeHint().width() <= 800 - window.sidebar.width()
    assert window.minimumSizeHint().width() <= 800
    qtbot.waitUntil(lambda: window.width() == 800)
    assert window.banner.close_button.geometry().right() < window.banner.width()


def test_long_names_never_make_a_dialog_wider_than_800(qtbot: QtBot, session: Session) -> None:
    """Names at their longest (200 characters, with spaces or without), a long company and
    role: the call assistant, the application dialog and "Mark as sent" still fit 800
    pixels (the call assistant needed 1,609 with spaces, 3,247 without)."""
    from followup.model import Application, Channel, Contact
    from followup_desktop.call_assistant import CallAssistant
    from followup_desktop.composer.send_dialog import SendDialog
    from followup_desktop.interviews.dialogs import ApplicationDialog

    repo = session.repo
    company = "Internationale Versicherungsgesellschaft für Rückversicherungen AG " * 2
    role = "Senior Principal Staff Software Engineer, Distributed Systems and Platform Teams"
    app = repo.add_application(Application(0, company.strip(), role))
    for name in (("Maria Elena de los Santos Rodríguez-Fernández " * 5)[:200].strip(), "W" * 200):
        person = repo.add_contact(Contact(0, name, company=company.strip()))
        round_ = repo.add_round(
            Round(
                0,
                app.id,
                datetime(2026, 11, 24, 15, tzinfo=UTC),
                datetime(2026, 11, 24, 16, tzinfo=UTC),
                "Europe/Berlin",
                interviewer_ids=(person.id,),
            )
        )
        dialogs = (
            CallAssistant(session, round_),
            ApplicationDialog(session, repo.application(app.id)),
            SendDialog(Channel.EMAIL, datetime(2026, 11, 25, tzinfo=UTC), ZoneInfo("UTC"), name),
        )
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            width = dialog.minimumSizeHint().width()
            assert width <= 800, f"{type(dialog).__name__} needs {width} pixels"
