#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan, build-fuzz/) and runs each for a while on its
# seed corpus. See tests/fuzz/README.md.
#   scripts/fuzz.sh                   every target, 20 s each
#   scripts/fuzz.sh multipart 600     one target for 10 minutes
#   scripts/fuzz.sh all 60            every target, 60 s each
# The working corpus (seeds plus what the run finds) and any reproducer live outside the repo,
# in $TU_FUZZ_WORK (default /tmp/tatausaha-fuzz/<target>/); the repo's seeds are only read.
# Prints executions and coverage per target; exits non-zero on any crash, leak, timeout or
# out-of-memory, naming the reproducer (replay it: build-fuzz/bin/fuzz_<target> <file>).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=${1:-all}
SECONDS_EACH=${2:-20}
WORK=${TU_FUZZ_WORK:-${TMPDIR:-/tmp}/tatausaha-fuzz}

# Largest input per target: a little over what the parser is meant to see, so limits are crossed.
max_len() {
  case $1 in
    http_head) echo 20000 ;;   # head limit 16 KiB
    multipart) echo 65536 ;;   # the target's own limits are 4 KiB per file, 1 KiB per field
    csv|xlsx) echo 65536 ;;
    json_body) echo 16384 ;;
    jwt_cookie) echo 8192 ;;   # tokens over 4 KiB are refused
    registration) echo 4096 ;;
    *) echo 4096 ;;
  esac
}

bash scripts/setup.sh
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B build-fuzz -G Ninja -DTU_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}"
fi
cmake --build build-fuzz -j"$(nproc)"

all_targets=()
for src in tests/fuzz/fuzz_*.cpp; do
  t=$(basename "$src" .cpp); t=${t#fuzz_}
  [ -x "build-fuzz/bin/fuzz_$t" ] && all_targets+=("$t")
done
if [ "$TARGET" = all ]; then
  targets=("${all_targets[@]}")
else
  [ -x "build-fuzz/bin/fuzz_$TARGET" ] || { echo "fuzz: no target '$TARGET' (have: ${all_targets[*]})" >&2; exit 2; }
  targets=("$TARGET")
fi

# Stop at the first report; leaks are checked after every input (libFuzzer's default with ASan).
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export QT_QPA_PLATFORM=offscreen

failed=0
summary=()
for t in "${targets[@]}"; do
  dir=$WORK/$t
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -n tests/fuzz/"$t"/* "$dir/corpus/" 2>/dev/null || true
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="$ROOT/tests/fuzz/$t.dict")
  log=$dir/last-run.log
  echo "fuzz: $t for ${SECONDS_EACH}s (corpus $dir/corpus)"
  set +e
  "build-fuzz/bin/fuzz_$t" "$dir/corpus" "${dict[@]}" \
      -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$dir/artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  cov=$(grep -oE '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -1 \
        | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' || true)
  line=$(printf '%-13s executions %-10s %s' "$t" "${execs:-?}" "${cov:-cov: ?}")
  if [ "$rc" -ne 0 ]; then
    failed=1
    artifact=$(grep -o 'Test unit written to .*' "$log" | tail -1 | sed 's/^Test unit written to //' || true)
    reason=$(grep -m1 -oE 'ERROR: [A-Za-z]+Sanitizer: [^ ]+|runtime error: .*|libFuzzer: [a-z -]+|fuzz invariant failed: .*' "$log" || true)
    line="$line  FAILED (exit $rc: ${reason:-see log}) reproducer: ${artifact:-none} log: $log"
    tail -n 60 "$log" >&2
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "fuzz summary (${SECONDS_EACH}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
