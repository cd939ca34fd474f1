#!/bin/sh
# A Debian/Ubuntu package from the PyInstaller bundle, the way self-contained desktop apps
# ship: the bundle under /opt/interview-followup, both commands on PATH, the menu entry,
# metainfo and icons under /usr/share (dpkg's triggers refresh the menu and icon caches).
#   sh packaging/debian/build-deb.sh dist/bundle/interview-followup dist
set -eu
bundle=$1
out=${2:-dist}
root=$(cd "$(dirname "$0")/../.." && pwd)
app_id=io.github.interview_followup.InterviewFollowUp
version=$("$bundle/followup" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/metainfo" "$stage/usr/share/icons/hicolor/scalable/apps" \
  "$stage/usr/share/doc/interview-followup"
cp -a "$bundle" "$stage/opt/interview-followup"
ln -s /opt/interview-followup/followup "$stage/usr/bin/followup"
ln -s /opt/interview-followup/followup-desktop "$stage/usr/bin/followup-desktop"
cp "$root/resources/desktop/$app_id.desktop" "$stage/usr/share/applications/"
cp "$root/resources/desktop/$app_id.metainfo.xml" "$stage/usr/share/metainfo/"
cp "$root/resources/icons/app.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
(cd "$root/resources/desktop/icons" && find hicolor -name '*.png') | while read -r png; do
  mkdir -p "$stage/usr/share/icons/$(dirname "$png")"
  cp "$root/resources/desktop/icons/$png" "$stage/usr/share/icons/$png"
done
cp "$root/LICENSE" "$stage/usr/share/doc/interview-followup/copyright"
size=$(du -sk "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: interview-followup
Version: $version
Section: office
Priority: optional
Architecture: $arch
Installed-Size: $size
Depends: libc6 (>= 2.34), libegl1, libgl1, libfontconfig1, libxkbcommon0, libdbus-1-3,
 libglib2.0-0t64 | libglib2.0-0, libxcb-cursor0, libxkbcommon-x11-0, libxcb-icccm4,
 libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0,
 libxcb-xinerama0, libxcb-xkb1, libxrender1, libx11-xcb1, fonts-dejavu-core | fonts-liberation2
Maintainer: The Interview Follow-Up developers <interview-followup@example.invalid>
Homepage: https://example.invalid/interview-followup
Description: plan one thank-you letter and one call after each interview
 After an interview, good manners call for one brief follow-up letter within
 two business days and one short call a week later, and nothing more.
 Interview Follow-Up plans both, checks the letter's etiquette as you write,
 reminds you from the system tray and prints a signed letter for the post.
 All data stays on your computer.
CONTROL
mkdir -p "$out"
deb="$out/interview-followup_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb ($(du -h "$deb" | cut -f1))"
