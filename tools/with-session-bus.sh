#!/bin/sh
# Run a command inside a private D-Bus session (tests must never touch the user's own bus,
# notification daemon or keyring). Without dbus-daemon, run it as it is: the tests that need
# a bus skip with their reason.
#
# The bus is started here, not with dbus-run-session: stopped by a signal (a CI time limit,
# `kill`), dbus-run-session leaves its bus daemon running with no parent. This script stops
# the bus however it ends, the command's exit status kept.
if ! command -v dbus-daemon >/dev/null 2>&1; then
  echo "with-session-bus: dbus-daemon not found; D-Bus tests will skip" >&2
  exec "$@"
fi
pidfile=$(mktemp) || exit 1
address=$(dbus-daemon --session --fork --print-address=1 --print-pid=3 3>"$pidfile") || {
  rm -f "$pidfile"
  echo "with-session-bus: no session bus could be started" >&2
  exit 1
}
stop_bus() {
  kill "$(cat "$pidfile")" 2>/dev/null
  rm -f "$pidfile"
}
trap stop_bus EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
DBUS_SESSION_BUS_ADDRESS=$address "$@"
