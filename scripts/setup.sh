#!/usr/bin/env bash
# Installs every Debian 12 package TataUsaha needs to build, test and run.
# Idempotent: packages already present are skipped quickly by apt.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # fuzzing (scripts/fuzz.sh): clang 14 and its runtimes, libFuzzer and the sanitizers
  clang libclang-rt-14-dev
  # Qt 6.4 (Debian 12): Widgets, Network, Sql, HttpServer (needs WebSockets), Concurrent, Test
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql qt6-svg-dev
  # sqlite3_interrupt: a superseded search stops its read (core/db/QueryInterrupt)
  libsqlite3-dev
  # WebP (and TIFF) decoding for uploaded content images
  qt6-image-formats-plugins
  # dashboard charts
  qt6-charts-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libglx-dev
  # libraries: bcrypt (libxcrypt), XLSX export, QR codes
  libcrypt-dev libxlsxwriter-dev libqrencode-dev
  # reading XLSX uploads (a zip of XML parts)
  libzip-dev
  # PostgreSQL 15 server binaries for the storage tests (throwaway cluster)
  postgresql-15 postgresql-client-15
  # headless UI tests, screenshots and benchmarks
  xvfb xauth x11-apps imagemagick fonts-dejavu-core fonts-noto-color-emoji wrk unzip poppler-utils
  # the AT-SPI end-to-end test (tests/e2e): Python bindings, the AT-SPI bus and registry,
  # dbus-run-session, and a window manager to move the focus between windows
  python3 python3-pyatspi at-spi2-core dbus-daemon openbox
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
