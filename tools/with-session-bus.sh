#!/bin/sh
# Run a command inside a private D-Bus session (tests must never touch the user's own bus,
# notification daemon or keyring). Without dbus-run-session, run it as it is: the tests that
# need a bus skip with their reason.
if command -v dbus-run-session >/dev/null 2>&1; then
  exec dbus-run-session -- "$@"
fi
echo "with-session-bus: dbus-run-session not found; D-Bus tests will skip" >&2
exec "$@"
