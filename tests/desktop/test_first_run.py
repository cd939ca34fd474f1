"""First run: offered once on an empty profile, filled in from the system, skipped for good
or saved in one go, reopened from the menu; the keyring is never touched."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from followup.storage import Database, Repository
from followup_desktop import first_run, region
from followup_desktop.clock import FixedClock
from followup_desktop.first_run import OFFERED, FirstRunDialog
from followup_desktop.main_window import MainWindow
from followup_desktop.session import Session
from followup_desktop.setting_editors import PlaceList, WeekEditor
from tests.desktop.conftest import NOW


@pytest.fixture
def empty(tmp_path: Path, clock: FixedClock) -> Iterator[Session]:
    """A first start: a new database, nothing about the user stored."""
    database = Database.open(tmp_path / "first.sqlite3", NOW)
    repo = Repository(database)
    repo.save_settings({"calendar.timezone": "America/New_York"})
    yield Session(repo, clock)
    database.close()


@pytest.fixture
def system(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str, str], None]:
    """What the system says: the account's full name, the region and its locale name."""

    def say(name: str, country: str, locale_name: str) -> None:
        monkeypatch.setattr(first_run, "os_full_name", lambda: name)
        monkeypatch.setattr(region, "system_country", lambda: country)
        monkeypatch.setattr(region, "system_locale_name", lambda: locale_name)

    return say


def test_offered_on_an_empty_profile_only_and_once(
    qtbot: QtBot, empty: Session, session: Session, system: Callable[[str, str, str], None]
) -> None:
    system("Sam Lee", "US", "en_US")
    assert not first_run.should_offer(session)  # a profile is stored: never asked
    parent = QWidget()
    qtbot.addWidget(parent)
    assert first_run.offer(parent, session) is None
    dialog = first_run.offer(parent, empty)
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.isVisible() and dialog.isModal()  # opened, not run: start-up goes on
    dialog.skip_button.click()
    assert not dialog.isVisible()
    assert QSettings().value(OFFERED, False, type=bool)
    assert first_run.offer(parent, empty) is None  # skipped: not shown again
    assert "profile.name" not in empty.repo.settings()  # skipping writes nothing


def test_the_defaults_come_from_the_system_and_say_so(
    qtbot: QtBot, empty: Session, system: Callable[[str, str, str], None]
) -> None:
    system("Noa Levi", "IL", "he_IL")
    dialog = FirstRunDialog(empty)
    qtbot.addWidget(dialog)
    name, week = dialog.editors["profile.name"], dialog.editors["calendar.workdays"]
    assert isinstance(name, QLineEdit) and name.text() == "Noa Levi"
    assert isinstance(week, WeekEditor)
    assert week.days() == {6, 0, 1, 2, 3}  # Sun–Thu, the week usual in Israel
    country = dialog.editors["calendar.country"]
    assert isinstance(country, PlaceList) and "your system's region (Israel)" in (
        country.currentText()
    )
    assert dialog.in_effect.text() == "Public holidays: Israel — from your system's region (he_IL)"
    shown = dialog.detected.text()
    assert "your user account (Noa Levi)" in shown and "Israel (he_IL)" in shown
    assert "work week usual in Israel" in shown
    system("", "", "C")
    nowhere = FirstRunDialog(empty)
    qtbot.addWidget(nowhere)
    assert "no public holidays are counted" in nowhere.in_effect.text()
    week = nowhere.editors["calendar.workdays"]
    assert isinstance(week, WeekEditor) and week.days() == {0, 1, 2, 3, 4}  # Mon–Fri


def test_bad_input_is_said_beside_the_field_and_nothing_is_written(
    qtbot: QtBot, empty: Session, system: Callable[[str, str, str], None]
) -> None:
    system("Sam Lee", "US", "en_US")
    before = empty.repo.settings()
    dialog = FirstRunDialog(empty)
    qtbot.addWidget(dialog)
    dialog.show()
    email, address = dialog.editors["profile.email"], dialog.editors["profile.address"]
    week = dialog.editors["calendar.workdays"]
    assert isinstance(email, QLineEdit) and isinstance(address, QPlainTextEdit)
    assert isinstance(week, WeekEditor)
    email.setText("sam at example")
    week.set_days(frozenset())
    dialog.accept()
    problems = dialog.form.problems()
    assert "not an e-mail address" in problems["profile.email"]
    assert "at least one day" in problems["calendar.workdays"]
    assert email.accessibleDescription() == problems["profile.email"]  # read out, too
    assert dialog.isVisible()
    assert empty.repo.settings() == before
    assert not QSettings().value(OFFERED, False, type=bool)
    email.setText("sam@example.com")
    address.setPlainText("12 Elm Street\nSpringfield, IL 62704")
    week.set_days(frozenset(range(5)))
    subdiv = dialog.editors["calendar.subdiv"]
    assert isinstance(subdiv, PlaceList)
    subdiv.select("IL")
    with qtbot.waitSignal(empty.settings_changed):
        dialog.accept()
    stored = empty.repo.settings()
    assert stored["profile.name"] == "Sam Lee" and stored["profile.email"] == "sam@example.com"
    assert stored["profile.address"] == "12 Elm Street\nSpringfield, IL 62704"
    assert (stored["calendar.country"], stored["calendar.subdiv"]) == ("US", "IL")
    assert stored["calendar.workdays"] == "mon,tue,wed,thu,fri"
    assert QSettings().value(OFFERED, False, type=bool)
    assert not first_run.should_offer(empty)


def test_set_up_reopens_it_from_the_menu(
    qtbot: QtBot,
    session: Session,
    system: Callable[[str, str, str], None],
    on_next_modal: Callable[[Callable[[QWidget], None]], None],
) -> None:
    system("", "US", "en_US")
    window = MainWindow(session)
    qtbot.addWidget(window)
    seen: list[str] = []

    def answer(modal: QWidget) -> None:
        assert isinstance(modal, FirstRunDialog)
        name = modal.editors["profile.name"]
        assert isinstance(name, QLineEdit)
        seen.append(name.text())  # what is stored, not guessed again
        modal.reject()

    on_next_modal(answer)
    window.actions_by_name["setup"].trigger()
    assert seen == ["Sam Lee"]


def test_first_run_never_reads_the_keyring(
    qtbot: QtBot, empty: Session, system: Callable[[str, str, str], None]
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Counting(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        calls: list[str] = []  # noqa: RUF012

        def get_password(self, service: str, username: str) -> str | None:
            self.calls.append("get")
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            self.calls.append("set")

        def delete_password(self, service: str, username: str) -> None:
            self.calls.append("delete")

    system("Sam Lee", "US", "en_US")
    previous = keyring.get_keyring()
    keyring.set_keyring(Counting())
    try:
        dialog = FirstRunDialog(empty)
        qtbot.addWidget(dialog)
        dialog.accept()
    finally:
        keyring.set_keyring(previous)
    assert Counting.calls == []
    assert empty.repo.settings()["profile.name"] == "Sam Lee"


@pytest.mark.parametrize(("flags", "offered"), [([], True), (["--minimized"], False)])
def test_a_first_start_opens_set_up_and_goes_on(
    qtbot: QtBot,
    tmp_path: Path,
    system: Callable[[str, str, str], None],
    monkeypatch: pytest.MonkeyPatch,
    flags: list[str],
    offered: bool,
) -> None:
    """Opened beside the window, never run modally: start-up, reminders and tests go on.
    Started in the tray (at login) it waits for a start the user sees."""
    from followup_desktop import app

    system("Sam Lee", "US", "en_US")
    monkeypatch.setattr(app, "take_daily_backup", lambda *args: None)
    window = MainWindow()
    qtbot.addWidget(window)
    shell = app._finish_startup(window, tmp_path / "new.sqlite3", app.parse_args(flags))
    assert shell is not None
    try:
        dialog = window.findChild(FirstRunDialog)
        assert (dialog is not None and dialog.isVisible()) is offered
    finally:
        window.close()
        shell.session.repo.db.close()


def account(login: str, gecos: str) -> object:
    """A real ``pwd`` entry for an account with that login and GECOS field."""
    pwd = pytest.importorskip("pwd")  # Unix; Windows asks GetUserNameExW
    return pwd.struct_passwd((login, "x", 1000, 1000, gecos, f"/home/{login}", "/bin/sh"))


def test_the_full_name_is_the_accounts_real_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first field of the account's GECOS entry ("Sam Lee,Room 1,..."), or nothing."""
    pwd = pytest.importorskip("pwd")
    entry = account("sam", "Sam Lee,,,")
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: entry)
    assert first_run.os_full_name() == "Sam Lee"
    entry = account("sam", "")
    assert first_run.os_full_name() == ""

    def missing(uid: int) -> object:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", missing)
    assert first_run.os_full_name() == ""


@pytest.mark.parametrize(
    ("login", "gecos"),
    [
        ("root", "root"),  # Debian's root: the login name again
        ("sam", "sam,,,"),
        ("admin", "Administrator"),
        ("build", "CI runner 3"),
        ("smiths", "Smith family,,,"),
        ("postgres", "PostgreSQL administrator,,,"),
        ("x", "&"),  # GECOS's "&" means the login name
    ],
)
def test_a_login_name_is_not_offered_as_the_users_name(
    qtbot: QtBot,
    empty: Session,
    monkeypatch: pytest.MonkeyPatch,
    login: str,
    gecos: str,
) -> None:
    """First run as root suggested "root" to sign the letters (found by the hostile sweep;
    failed before: the field said "root"). Now the field is empty with an example, and the
    line of what came from the system does not claim a name."""
    pwd = pytest.importorskip("pwd")
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: account(login, gecos))
    monkeypatch.setenv("LOGNAME", login)
    monkeypatch.setattr(region, "system_country", lambda: "US")
    monkeypatch.setattr(region, "system_locale_name", lambda: "en_US")
    dialog = FirstRunDialog(empty)
    qtbot.addWidget(dialog)
    name = dialog.editors["profile.name"]
    assert isinstance(name, QLineEdit)
    assert name.text() == ""
    assert name.placeholderText() == "e.g. Alex Morgan"
    assert "your name" not in dialog.detected.text()
    dialog.accept()
    assert empty.repo.settings()["profile.name"] == ""  # no login name signs a letter


def test_a_real_name_from_the_account_is_offered_and_said(
    qtbot: QtBot, empty: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    pwd = pytest.importorskip("pwd")
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: account("zoe", "Zoë  Ångström-Nagy,4,,"))
    monkeypatch.setattr(region, "system_country", lambda: "US")
    monkeypatch.setattr(region, "system_locale_name", lambda: "en_US")
    dialog = FirstRunDialog(empty)
    qtbot.addWidget(dialog)
    name = dialog.editors["profile.name"]
    assert isinstance(name, QLineEdit) and name.text() == "Zoë Ångström-Nagy"
    assert "your user account (Zoë Ångström-Nagy)" in dialog.detected.text()


@pytest.mark.parametrize(
    ("setting", "offered"),
    [
        (("profile.name", "Sam Lee"), False),
        (("profile.email", "sam@example.com"), False),
        (("calendar.country", "DE"), True),  # the profile is still empty: asked, DE kept
    ],
)
def test_a_profile_set_from_the_command_line_is_not_asked_for_again(
    qtbot: QtBot,
    tmp_path: Path,
    system: Callable[[str, str, str], None],
    monkeypatch: pytest.MonkeyPatch,
    setting: tuple[str, str],
    offered: bool,
) -> None:
    """``followup settings set profile.name …`` before the app's first start: the start does
    not offer the set-up dialog (the profile is filled); a setting outside the profile
    leaves it to be asked, with that setting shown as stored."""
    from followup.cli import main
    from followup_desktop import app

    path = tmp_path / "new.sqlite3"
    assert main(["--db", str(path), "settings", "set", *setting]) == 0
    system("Noa Levi", "US", "en_US")
    monkeypatch.setattr(app, "take_daily_backup", lambda *args: None)
    window = MainWindow()
    qtbot.addWidget(window)
    shell = app._finish_startup(window, path, app.parse_args([]))
    assert shell is not None
    try:
        dialog = window.findChild(FirstRunDialog)
        assert (dialog is not None and dialog.isVisible()) is offered
        if dialog is not None:
            country = dialog.editors["calendar.country"]
            assert isinstance(country, PlaceList) and "Germany" in country.currentText()
    finally:
        window.close()
        shell.session.repo.db.close()
