#!/bin/sh
# A disk image for macOS from the .app that `make bundle` builds there
# (dist/bundle/Interview Follow-Up.app; its Info.plist is set in the PyInstaller spec:
# bundle id, version, icon, NSHighResolutionCapable, shown in the Dock).
# Runs on macOS only (hdiutil); not run in this repository's CI.
set -eu
app="dist/bundle/Interview Follow-Up.app"
version=$(/usr/libexec/PlistBuddy -c "Print CFBundleShortVersionString" "$app/Contents/Info.plist")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Interview Follow-Up" -srcfolder "$stage" -ov -format UDZO \
  "dist/Interview-Follow-Up-$version.dmg"
