"""Desktop notifications: through the tray where there is one, else over D-Bus directly.

GNOME has no tray by default; there ``org.freedesktop.Notifications.Notify`` is sent with
jeepney (pure Python, already a dependency of keyring on Linux). Whatever happens, the main
window also shows the reminder in a banner: a reminder is never lost silently.

A D-Bus notification's buttons answer with ``ActionInvoked`` (Open, Snooze) and its end with
``NotificationClosed``. Servers send these to the connection that sent ``Notify`` (GNOME) or
to everyone (others), so the notifier keeps its one connection open and reads it whenever
the socket has data (a ``QSocketNotifier``: no thread, no polling).
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from followup.reminders import Reminder

APP_NAME = "Interview Follow-Up"
TIMEOUT_MS = 15_000
# Buttons on the notification (servers without the "actions" capability ignore them):
# pairs of key and label, as the Desktop Notifications spec lays them out.
ACTIONS = ["open", "Open", "snooze", "Snooze an hour"]
INTERFACE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
KEPT = 50  # notifications whose buttons still answer (older ones were long closed)


def summary(reminders: Sequence[Reminder]) -> tuple[str, str]:
    if len(reminders) == 1:
        return reminders[0].title, reminders[0].body
    return (
        f"{len(reminders)} follow-ups need you",
        "\n".join(f"• {r.title}" for r in reminders[:5]),
    )


class Notifier(Protocol):
    def notify(self, reminders: Sequence[Reminder]) -> bool: ...


class TrayNotifier:
    def __init__(self, tray: QSystemTrayIcon) -> None:
        self.tray = tray

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        title, body = summary(reminders)
        self.tray.showMessage(title, body, self.tray.icon(), TIMEOUT_MS)
        return True


class DBusNotifier(QObject):
    """``Notify`` on the session bus; False when there is no bus or no notification server.

    Signals: ``open_requested(list[Reminder])`` (the Open button, or a click on the
    notification itself) and ``snooze_requested(list[Reminder], str)`` with "hour"."""

    open_requested = Signal(list)
    snooze_requested = Signal(list, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connection: Any = None  # jeepney's DBusConnection, opened on the first notify
        self.watcher: QSocketNotifier | None = None
        self.signals: deque[Any] = deque(maxlen=KEPT)
        self.shown: dict[int, list[Reminder]] = {}  # notification id → what it was about

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        if not sys.platform.startswith("linux"):
            return False
        try:
            from jeepney import DBusAddress, new_method_call  # noqa: PLC0415
        except ImportError:
            return False
        import html  # noqa: PLC0415  (on use: its table of entities costs start-up ~2 ms)

        title, body = summary(reminders)
        address = DBusAddress(PATH, bus_name=INTERFACE, interface=INTERFACE)
        message = new_method_call(
            address,
            "Notify",
            "susssasa{sv}i",
            # The body may be read as markup (spec: "body-markup"): names are escaped.
            (
                APP_NAME,
                0,
                "appointment-soon",
                title,
                html.escape(body, quote=False),
                ACTIONS,
                {},
                TIMEOUT_MS,
            ),
        )
        try:
            connection = self._connection()
            reply = connection.send_and_get_reply(message, timeout=3)
        except (OSError, KeyError, TimeoutError, ValueError, RuntimeError):
            self.close()
            return False
        if reply.header.message_type.name != "method_return":
            return False
        self.shown[int(reply.body[0])] = list(reminders)
        while len(self.shown) > KEPT:
            del self.shown[next(iter(self.shown))]
        self.read()  # a signal that came while waiting for the reply
        return True

    def _connection(self) -> Any:
        """The one connection, listening for the server's answers."""
        if self.connection is not None:
            return self.connection
        from jeepney import MatchRule  # noqa: PLC0415
        from jeepney.bus_messages import message_bus  # noqa: PLC0415
        from jeepney.io.blocking import Proxy, open_dbus_connection  # noqa: PLC0415

        connection = open_dbus_connection(bus="SESSION")
        try:
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
            Proxy(message_bus, connection, timeout=3).AddMatch(rule)
            connection.filter(rule, queue=self.signals)
        except BaseException:
            connection.close()
            raise
        self.connection = connection
        self.watcher = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self.watcher.activated.connect(self.read)
        return connection

    def read(self) -> None:
        """Take in whatever the server sent (never waits), then act on its signals."""
        connection = self.connection
        if connection is None:
            return
        try:
            while True:
                connection.recv_messages(timeout=0)
        except TimeoutError:
            pass  # nothing more for now
        except (OSError, ValueError, RuntimeError):  # the bus went away
            self.close()
        while self.signals:
            self.on_signal(self.signals.popleft())

    def on_signal(self, message: Any) -> None:
        from jeepney import HeaderFields  # noqa: PLC0415

        member = message.header.fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            number, action = message.body
            reminders = self.shown.get(int(number))
            if reminders is None:
                return  # another program's notification, or one long gone
            if action in ("open", "default"):
                self.open_requested.emit(reminders)
            elif action == "snooze":
                self.snooze_requested.emit(reminders, "hour")
        elif member == "NotificationClosed":
            self.shown.pop(int(message.body[0]), None)

    def close(self) -> None:
        """Stop listening (quitting, or the bus went away); the next notify reconnects."""
        if self.watcher is not None:
            self.watcher.setEnabled(False)
            self.watcher.deleteLater()
            self.watcher = None
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class FirstThatWorks:
    """Try notifiers in order until one delivers."""

    def __init__(self, *notifiers: Notifier) -> None:
        self.notifiers = notifiers

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        return any(n.notify(reminders) for n in self.notifiers)
