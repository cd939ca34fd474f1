"""A desktop notification's buttons work: Open brings the window forward on that item,
Snooze snoozes that reminder as the banner does, and a closed notification's buttons are
forgotten. A real notification server (python3-dbusmock's notification daemon) on a private
session bus sends ``ActionInvoked`` and ``NotificationClosed`` the way servers do: to the
sender alone (GNOME) or to everyone."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from followup.model import Application, Contact, Round
from followup_desktop.clock import FixedClock
from followup_desktop.session import Session
from followup_desktop.shell import Shell

from .conftest import NY

SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-dbusmock lives there
SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CAPABILITIES = ("-p", '{"capabilities": "body actions"}')  # a server that shows buttons


def _available() -> bool:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import dbusmock"], capture_output=True, check=False
    )
    return probe.returncode == 0


pytestmark = [
    pytest.mark.dbus,
    pytest.mark.qt_log_ignore("This plugin does not support raise"),  # offscreen: no stacking
    pytest.mark.skipif(
        not _available(), reason="needs a private session bus (make test) and python3-dbusmock"
    ),
]


@pytest.fixture
def server(qtbot: QtBot, tmp_path: Path) -> Iterator[Path]:
    """A notification server that offers buttons ("actions"); its log of calls."""
    log = tmp_path / "notifications.log"
    daemon = subprocess.Popen(
        [
            SYSTEM_PYTHON,
            "-m",
            "dbusmock",
            "--template",
            "notification_daemon",
            *CAPABILITIES,
            "-l",
            str(log),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        bus = QDBusConnection.sessionBus()
        qtbot.waitUntil(lambda: bus.interface().isServiceRegistered(SERVICE).value(), timeout=10000)
        yield log
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def emit(name: str, signature: str, args: list[tuple[str, Any]], to: str = "") -> None:
    """Make the server send a signal (to one connection, or to all with ``to=""``)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    mock = DBusAddress(PATH, bus_name=SERVICE, interface="org.freedesktop.DBus.Mock")
    details = {"destination": ("s", to)} if to else {}
    call = new_method_call(
        mock, "EmitSignalDetailed", "sssava{sv}", ("", name, signature, args, details)
    )
    with open_dbus_connection(bus="SESSION") as connection:
        reply = connection.send_and_get_reply(call, timeout=5)
    assert reply.header.message_type.name == "method_return", reply.body


@pytest.fixture
def one_letter(session: Session) -> Round:
    """One interviewer, so one reminder: Open goes to that very letter."""
    repo = session.repo
    app = repo.add_application(Application(0, "Acme", "Backend Engineer"))
    dana = repo.add_contact(Contact(0, "Dana Müller", "CTO", "Acme", "dana@acme.example"))
    return repo.add_round(
        Round(
            0,
            app.id,
            datetime(2026, 11, 25, 10, tzinfo=NY),
            datetime(2026, 11, 25, 11, tzinfo=NY),
            "America/New_York",
            interviewer_ids=(dana.id,),
        )
    )


def test_open_and_snooze_on_the_notification_and_its_close(
    qtbot: QtBot, session: Session, clock: FixedClock, one_letter: Round, server: Path
) -> None:
    now = datetime(2026, 11, 27, 9, 1, tzinfo=NY)
    clock.set(now)
    shell = Shell(session)  # the real notifiers: no tray offscreen, so D-Bus Notify
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.services)  # just after Today painted
    notes = shell.desktop_notes
    assert notes is not None
    try:
        qtbot.waitUntil(lambda: "Notify" in server.read_text(), timeout=10000)
        qtbot.waitUntil(lambda: bool(notes.shown))
        (number, reminders), *_ = notes.shown.items()
        assert [r.title for r in reminders] == ["Thank-you letter to Dana Müller at Acme"]
        shell.window.hide()

        # Open, sent to this app alone (as GNOME Shell does): the window, on that letter
        emit("ActionInvoked", "us", [("u", number), ("s", "open")], to=notes.connection.unique_name)
        qtbot.waitUntil(shell.window.isVisible)
        window = shell.window
        assert window.stack.currentWidget() is window.composer
        setup = window.composer.picker.setup
        assert setup is not None and setup.round.id == one_letter.id
        assert not window.banner.isVisible()  # answered there: the banner goes too

        # Snooze, broadcast (as other servers do): that reminder, an hour on
        emit("ActionInvoked", "us", [("u", number), ("s", "snooze")])
        key = reminders[0].key
        qtbot.waitUntil(lambda: session.repo.deliveries()[key].snoozed_to is not None)
        assert session.repo.deliveries()[key].snoozed_to == now + timedelta(hours=1)

        # Closed (expired, dismissed): its buttons are forgotten
        emit("NotificationClosed", "uu", [("u", number), ("u", 2)])
        qtbot.waitUntil(lambda: number not in notes.shown)
    finally:
        notes.close()


def test_another_programs_notification_is_left_alone(
    qtbot: QtBot, session: Session, clock: FixedClock, one_letter: Round, server: Path
) -> None:
    clock.set(datetime(2026, 11, 27, 9, 1, tzinfo=NY))
    shell = Shell(session)
    qtbot.addWidget(shell.window)
    shell.start()
    qtbot.waitUntil(lambda: shell.services)  # just after Today painted
    notes = shell.desktop_notes
    assert notes is not None
    try:
        qtbot.waitUntil(lambda: bool(notes.shown))
        shell.window.hide()
        opened: list[object] = []
        notes.open_requested.connect(opened.append)
        emit("ActionInvoked", "us", [("u", 999), ("s", "open")])
        emit("NotificationClosed", "uu", [("u", 999), ("u", 2)])  # then something it knows
        (number,) = notes.shown
        emit("ActionInvoked", "us", [("u", number), ("s", "default")])  # a click on it
        qtbot.waitUntil(lambda: len(opened) == 1)
        assert opened == [notes.shown[number]]
    finally:
        notes.close()
