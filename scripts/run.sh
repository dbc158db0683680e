#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, starts the upstream simulator
# and the desktop app on SQLite with demo data. Without a display it starts
# `tatausaha-server --demo` instead. Extra arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

DATA_DIR=${TATAUSAHA_DATA_DIR:-$HOME/.local/share/TataUsaha/demo}
mkdir -p "$DATA_DIR"

SIM_PID=""
cleanup() { [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Fresh random accounts for the simulator on every run, unless already given. The simulator
# and the app both read them from these variables: no key on a command line (visible to every
# local user in the process list) and none in the database.
random_secret() { od -An -N18 -tx1 /dev/urandom | tr -d ' \n'; }

if [ -x build/bin/tatausaha-upstream-sim ]; then
  export SIAKAD_API_KEY=${SIAKAD_API_KEY:-$(random_secret)}
  export DAPODIK_USERNAME=${DAPODIK_USERNAME:-sim-dapodik} DAPODIK_PASSWORD=${DAPODIK_PASSWORD:-$(random_secret)}
  export DAPODIK_API_KEY=${DAPODIK_API_KEY:-$(random_secret)}
  export EXTERNAL_API_KEY=${EXTERNAL_API_KEY:-$(random_secret)}
  SIM_LOG="$DATA_DIR/upstream-sim.log"
  build/bin/tatausaha-upstream-sim --listen 127.0.0.1:0 --seed 1 --sekolah-per-kecamatan 8 --ptk-per-sekolah 15 \
    --latency-ms 15 >"$SIM_LOG" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 50); do
    SIM_URL=$(grep -m1 -o 'http://[0-9.:]*' "$SIM_LOG" 2>/dev/null || true)
    [ -n "$SIM_URL" ] && break
    sleep 0.1
  done
  if [ -n "${SIM_URL:-}" ]; then
    echo "upstream simulator: $SIM_URL"
    # One simulator serves all four upstreams; their paths do not collide.
    export DAPODIK_URL=${DAPODIK_URL:-$SIM_URL} SIAKAD_URL=${SIAKAD_URL:-$SIM_URL}
    export SPLP_API_URL=${SPLP_API_URL:-$SIM_URL} SIPD_API_URL=${SIPD_API_URL:-$SIM_URL}
  fi
fi

# The demo accounts (admin included, unless TATAUSAHA_ADMIN_PASSWORD names its password) get
# random passwords, printed once below when the demo database is created.
echo "demo data folder: $DATA_DIR (the demo accounts are printed once, when it is first filled)"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/bin/tatausaha ]; then
  build/bin/tatausaha --demo --data-dir "$DATA_DIR" "$@"
else
  echo "no display: starting the headless API server"
  build/bin/tatausaha-server --demo --data-dir "$DATA_DIR" "$@"
fi
