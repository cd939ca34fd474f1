"""python3-dbusmock template: a StatusNotifierWatcher with a host, so that Qt puts its tray
icon on D-Bus (the way KDE, and GNOME with the AppIndicator extension, show tray icons)."""

import dbus  # provided by Debian's python3-dbus, which python3-dbusmock depends on

BUS_NAME = "org.kde.StatusNotifierWatcher"
MAIN_OBJ = "/StatusNotifierWatcher"
MAIN_IFACE = "org.kde.StatusNotifierWatcher"
SYSTEM_BUS = False


def load(mock, parameters):
    mock.AddMethods(
        MAIN_IFACE,
        [
            ("RegisterStatusNotifierItem", "s", "", ""),
            ("RegisterStatusNotifierHost", "s", "", ""),
        ],
    )
    mock.AddProperties(
        MAIN_IFACE,
        {
            "IsStatusNotifierHostRegistered": dbus.Boolean(True),
            "ProtocolVersion": dbus.Int32(0),
            "RegisteredStatusNotifierItems": dbus.Array([], signature="s"),
        },
    )
