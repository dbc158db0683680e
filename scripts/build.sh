#!/usr/bin/env bash
# Configures (preset "default" -> build/) and builds everything.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/CMakeCache.txt ]; then
  cmake --preset default
fi
cmake --build build -j"$(nproc)"
