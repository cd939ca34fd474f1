"""Desktop notifications: through the tray where there is one, else over D-Bus directly.

GNOME has no tray by default; there ``org.freedesktop.Notifications.Notify`` is sent with
jeepney (pure Python, already a dependency of keyring on Linux). Whatever happens, the main
window also shows the reminder in a banner: a reminder is never lost silently.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QSystemTrayIcon

from followup.reminders import Reminder

APP_NAME = "Interview Follow-Up"
TIMEOUT_MS = 15_000
# Buttons on the notification (servers without the "actions" capability ignore them):
# pairs of key and label, as the Desktop Notifications spec lays them out.
ACTIONS = ["open", "Open", "snooze", "Snooze an hour"]


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


class DBusNotifier:
    """``Notify`` on the session bus; False when there is no bus or no notification server."""

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        if not sys.platform.startswith("linux"):
            return False
        try:
            from jeepney import DBusAddress, new_method_call  # noqa: PLC0415
            from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415
        except ImportError:
            return False
        title, body = summary(reminders)
        address = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.freedesktop.Notifications",
        )
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
            with open_dbus_connection(bus="SESSION") as connection:
                reply = connection.send_and_get_reply(message, timeout=3)
        except (OSError, KeyError, TimeoutError, ValueError):
            return False
        return bool(reply.header.message_type.name == "method_return")


class FirstThatWorks:
    """Try notifiers in order until one delivers."""

    def __init__(self, *notifiers: Notifier) -> None:
        self.notifiers = notifiers

    def notify(self, reminders: Sequence[Reminder]) -> bool:
        return any(n.notify(reminders) for n in self.notifiers)
