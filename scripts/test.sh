#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs the whole ctest suite.
# Storage and API suites run twice, on SQLite and on a throwaway PostgreSQL 15 cluster that the
# suite starts itself (scripts/pg-test-cluster.sh via the pg_cluster ctest fixture).
#   scripts/test.sh                 everything
#   scripts/test.sh -R api_auth     extra arguments go to ctest
#   scripts/test.sh --sanitize [-R x]
#       the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/
#       (a full build of its own, with the default compiler; CC/CXX choose another). The first
#       report stops that test and fails it; tests/sanitizers/ holds the suppressions, each
#       for a named third-party leak.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=0
if [ "${1:-}" = --sanitize ]; then
  sanitize=1
  shift
fi
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen

if [ "$sanitize" -eq 0 ]; then
  bash scripts/build.sh
  cd build
  ctest --output-on-failure -j"$(nproc)" --timeout 300 "$@"
  exit
fi

if [ ! -f build-asan/CMakeCache.txt ]; then
  # -O1: the usual sanitizer level, about half the compile time of -O2 on two cores.
  flags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer"
  launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  # Test timeouts scaled: instrumented code runs about two to three times slower.
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=None "${launcher[@]}" \
        -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
        -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$flags" \
        -DTU_TEST_TIMEOUT=600
fi
cmake --build build-asan -j"$(nproc)"
supp=$PWD/tests/sanitizers
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1
export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp
cd build-asan
ctest --output-on-failure -j"$(nproc)" --timeout 900 "$@"
