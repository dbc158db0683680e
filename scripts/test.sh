#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs the whole ctest suite.
# Storage and API suites run twice, on SQLite and on a throwaway PostgreSQL 15 cluster that the
# suite starts itself (scripts/pg-test-cluster.sh via the pg_cluster ctest fixture).
#   scripts/test.sh                 everything
#   scripts/test.sh -R api_auth     extra arguments go to ctest
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cd build
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure -j"$(nproc)" --timeout 300 "$@"
