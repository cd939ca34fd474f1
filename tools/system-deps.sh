#!/bin/sh
# The system libraries Qt needs, and (for tests) the D-Bus helpers the end-to-end tests use.
# On Debian/Ubuntu as root, missing ones are installed; otherwise they are named exactly.
set -eu
mode=${1:-test}

runtime="libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
 libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libx11-xcb1"
# Tests also run a private session bus with a mock notification daemon and a real keyring.
testing="dbus dbus-x11 python3-dbusmock gnome-keyring xvfb xauth"

packages=$runtime
[ "$mode" = test ] && packages="$runtime $testing"

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not Debian/Ubuntu; Qt needs EGL, OpenGL, fontconfig, xkbcommon, D-Bus and" \
       "xcb-cursor libraries and a font (e.g. DejaVu); install them with your package manager."
  exit 0
fi
missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in *"ok installed"*) ;; *) missing="$missing $package" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing$missing"
  apt-get update -qq
  # Package names differ slightly across releases: install what exists, one by one on failure.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    for package in $missing; do
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" \
        >/dev/null 2>&1 || echo "system-deps: could not install $package"
    done
  fi
else
  echo "system-deps: missing Debian packages:$missing"
  echo "system-deps: install them with: sudo apt-get install$missing"
  [ "$mode" = runtime ] && exit 1
fi
exit 0
