#!/bin/sh
# The system libraries Qt needs to run (and, for `test`, the helpers the end-to-end tests use).
# Checks for the libraries and commands themselves, not for package names (names change:
# libglib2.0-0 became libglib2.0-0t64). On Debian/Ubuntu as root the missing ones are installed;
# elsewhere the exact packages are named (apt-get or dnf).
set -eu
mode=${1:-test}

# soname|Debian package(s), comma-separated, the first this release knows wins|Fedora package
runtime_libs="
libEGL.so.1|libegl1|mesa-libEGL
libGL.so.1|libgl1|mesa-libGL
libfontconfig.so.1|libfontconfig1|fontconfig
libxkbcommon.so.0|libxkbcommon0|libxkbcommon
libdbus-1.so.3|libdbus-1-3|dbus-libs
libglib-2.0.so.0|libglib2.0-0t64,libglib2.0-0|glib2
libxcb-cursor.so.0|libxcb-cursor0|xcb-util-cursor
libxkbcommon-x11.so.0|libxkbcommon-x11-0|libxkbcommon-x11
libxcb-icccm.so.4|libxcb-icccm4|xcb-util-wm
libxcb-image.so.0|libxcb-image0|xcb-util-image
libxcb-keysyms.so.1|libxcb-keysyms1|xcb-util-keysyms
libxcb-randr.so.0|libxcb-randr0|libxcb
libxcb-render-util.so.0|libxcb-render-util0|xcb-util-renderutil
libxcb-shape.so.0|libxcb-shape0|libxcb
libxcb-xinerama.so.0|libxcb-xinerama0|libxcb
libxcb-xkb.so.1|libxcb-xkb1|libxcb
libXrender.so.1|libxrender1|libXrender
libX11-xcb.so.1|libx11-xcb1|libX11-xcb
"
# command|Debian package|Fedora package (tests only: private D-Bus, mock notifications, keyring,
# X server for the tray test, desktop entry and AppStream validators)
test_commands="
dbus-daemon|dbus-daemon,dbus|dbus-daemon
dbus-launch|dbus-x11|dbus-x11
gnome-keyring-daemon|gnome-keyring|gnome-keyring
Xvfb|xvfb|xorg-x11-server-Xvfb
xvfb-run|xvfb|xorg-x11-server-Xvfb
xauth|xauth|xorg-x11-xauth
desktop-file-validate|desktop-file-utils|desktop-file-utils
appstreamcli|appstream|appstream
pdftoppm|poppler-utils|poppler-utils
"

have_lib() {
  if command -v ldconfig >/dev/null 2>&1; then
    ldconfig -p 2>/dev/null | grep -q "[[:space:]]$1 " && return 0
  fi
  for dir in /usr/lib /usr/lib64 /usr/lib/*-linux-gnu /lib /lib64 /lib/*-linux-gnu; do
    [ -e "$dir/$1" ] && return 0
  done
  return 1
}

[ "$(uname -s)" = Linux ] || exit 0
debian=""; fedora=""
add() { debian="$debian|$1"; fedora="$fedora $2"; }
for row in $runtime_libs; do
  lib=${row%%|*}; rest=${row#*|}
  have_lib "$lib" || add "${rest%|*}" "${rest#*|}"
done
if ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 && \
   ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]; }; then
  add fonts-dejavu-core dejavu-sans-fonts
fi
if [ "$mode" = test ]; then
  for row in $test_commands; do
    cmd=${row%%|*}; rest=${row#*|}
    command -v "$cmd" >/dev/null 2>&1 || add "${rest%|*}" "${rest#*|}"
  done
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import dbusmock' 2>/dev/null || \
    add python3-dbusmock python3-dbusmock
fi
[ -z "$debian" ] && exit 0

fedora=$(echo "$fedora" | tr ' ' '\n' | sort -u | tr '\n' ' ')
if command -v apt-get >/dev/null 2>&1; then
  # Pick, for each need, the first of its package names this release knows.
  [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null 2>&1 || true
  packages=""
  for choices in $(echo "$debian" | tr '|' ' '); do
    chosen=""
    for name in $(echo "$choices" | tr ',' ' '); do
      if apt-cache show "$name" >/dev/null 2>&1; then chosen=$name; break; fi
    done
    packages="$packages ${chosen:-${choices%%,*}}"
  done
  packages=$(echo "$packages" | tr ' ' '\n' | sort -u | tr '\n' ' ')
  if [ "$(id -u)" = 0 ]; then
    echo "system-deps: installing $packages"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null; then
      for package in $packages; do
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" \
          >/dev/null 2>&1 || echo "system-deps: could not install $package"
      done
    fi
    exit 0
  fi
  echo "system-deps: missing: $packages"
  echo "system-deps: install them with: sudo apt-get install $packages"
elif command -v dnf >/dev/null 2>&1; then
  echo "system-deps: missing: $fedora"
  echo "system-deps: install them with: sudo dnf install $fedora"
else
  echo "system-deps: missing libraries for Qt (Debian names:$(echo "$debian" | tr '|,' '  '));" \
       "install them with your package manager."
fi
[ "$mode" = runtime ] && exit 1
exit 0
