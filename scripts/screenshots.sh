#!/usr/bin/env bash
# Renders the main screens as an office laptop shows them — 1366×768 with a 40-pixel taskbar —
# into docs/screenshots/ (the README shows them). Builds first if needed.
#   scripts/screenshots.sh [LANG]     LANG: id (default) or en
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/bin/ui_screenshot ] || bash scripts/build.sh
out=docs/screenshots
mkdir -p "$out"
QT_QPA_PLATFORM="offscreen:configfile=$PWD/tests/ui/screens/screen-1366x768.json" \
  build/bin/ui_screenshot "$out" "${1:-id}"
echo "screenshots in $out"
